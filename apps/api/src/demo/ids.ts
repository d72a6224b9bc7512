/** PRC resident ID numbers (GB 11643-1999) and mainland mobile numbers for the demo people. */
import { WeightedTable, type Rng } from './prng';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character of the first 17 digits of an 18-character resident ID. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** True for an 18-character resident ID whose birth date exists and whose check character is right. */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d)
    return false;
  return idCheckChar(id.slice(0, 17)) === id.charAt(17);
}

/**
 * Where the demo residents' IDs were issued: mostly 渝北区 and 江北区 (Liangjiang
 * lies on both), then the rest of Chongqing and neighbouring Sichuan.
 */
// prettier-ignore
const REGIONS: readonly (readonly [string, number])[] = [
  ['500112', 40], // 重庆市渝北区
  ['500105', 16], // 重庆市江北区
  ['500103', 5], // 重庆市渝中区
  ['500106', 4], // 重庆市沙坪坝区
  ['500107', 4], // 重庆市九龙坡区
  ['500108', 4], // 重庆市南岸区
  ['500113', 3], // 重庆市巴南区
  ['500101', 4], // 重庆市万州区
  ['500102', 3], // 重庆市涪陵区
  ['500115', 3], // 重庆市长寿区
  ['500117', 3], // 重庆市合川区
  ['500118', 2], // 重庆市永川区
  ['510104', 3], // 四川省成都市锦江区
  ['511602', 3], // 四川省广安市广安区
  ['511302', 2], // 四川省南充市顺庆区
  ['510802', 1], // 四川省广元市利州区
];
const REGION_TABLE = new WeightedTable(REGIONS);

/** An 18-character resident ID; the 17th digit is odd for men, even for women. */
export function residentId(rng: Rng, birthDate: string, male: boolean, region?: string): string {
  const area = region ?? rng.draw(REGION_TABLE);
  const seq = rng.int(0, 99) * 10 + (male ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]));
  const first17 = area + birthDate.replaceAll('-', '') + String(seq).padStart(3, '0');
  return first17 + idCheckChar(first17);
}

/** Mobile prefixes of the three carriers, roughly by market share. */
// prettier-ignore
const MOBILE_PREFIXES: readonly string[] = [
  '134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '157', '158', '159', '172', '178',
  '182', '183', '184', '187', '188', '195', '198', '130', '131', '132', '155', '156', '166', '175', '176',
  '185', '186', '133', '153', '173', '177', '180', '181', '189', '191', '199',
];

export const MOBILE_RE = /^1[3-9]\d{9}$/;

/** Hands out mobile numbers that never repeat within one generated district. */
export class PhoneBook {
  private readonly used = new Set<string>();

  reserve(phone: string): string {
    if (this.used.has(phone)) throw new Error(`phone ${phone} already taken`);
    this.used.add(phone);
    return phone;
  }

  mobile(rng: Rng): string {
    for (;;) {
      const phone = rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
      if (!this.used.has(phone)) return this.reserve(phone);
    }
  }

  /** A Chongqing landline, `023-6xxxxxxx`. */
  landline(rng: Rng): string {
    for (;;) {
      const phone = `023-6${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
      if (!this.used.has(phone)) return this.reserve(phone);
    }
  }
}
