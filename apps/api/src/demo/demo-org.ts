/**
 * Demo data for the organisation and its people: the streets, communities,
 * compounds, desks (百通岗), grids, staff accounts and residents of a district
 * shaped like 两江新区 (Liangjiang New Area, Chongqing), as the news report in
 * `seed/` describes it.
 *
 * Pure and deterministic: no database, no I/O, no clock. The same options give
 * deep-equal output; the reference date ("today" of the demo) is a parameter.
 * Each concern draws from its own seeded stream, so changing the number of
 * residents never moves a street, a desk or a staff account.
 */
import type { OpeningInterval, ScopeLevel, StaffRole, WeeklyHours } from '@baitong/contracts';
import { toWgs84 } from '@baitong/contracts';
import { addDays, civilFromDays, dayNumber, nextSpringFestivalEve, shanghaiInstant } from './dates';
import {
  COMPOUND_PREFIXES,
  COMPOUND_SUFFIXES,
  CUIYULU_COMPOUNDS,
  FIXED_ELECTIONS,
  HEMULU_INTERNATIONAL,
  JUST_ELIGIBLE,
  NEVER_ELECTED,
  RECENTLY_ELECTED,
  STREETS,
  type FixedCompound,
  type StreetSpec,
} from './districts';
import { distanceMeters, insideLiangjiang, offset, roundPoint, type LatLng } from './geo';
import { interval, isoWeekday, weeklyHours, type HoursPreset } from './hours';
import { PhoneBook, residentId } from './ids';
import {
  FOREIGN_NATIONALITIES,
  chineseName,
  foreignPerson,
  nationalityWeights,
  type Gender,
} from './names';
import { Rng, WeightedTable, at } from './prng';

export interface DemoStreet {
  key: string;
  code: string;
  name: string;
  nameEn: string;
}

export interface DemoCommunity {
  key: string;
  streetKey: string;
  code: string;
  name: string;
  nameEn: string;
  /** YYYY-MM-DD, or null when the community never held its first election. */
  firstElectedOn: string | null;
  households: number;
  registeredResidents: number;
  /** Address of the community office (居委会 / 党群服务中心). */
  address: string;
  /** The same in English: "No. 12 Hemu Road, Liangjiang New Area, Chongqing". */
  addressEn: string;
  /** Location of the community office. */
  lat: number;
  lng: number;
}

export interface DemoCompound {
  key: string;
  communityKey: string;
  name: string;
  nameEn: string;
  address: string;
  addressEn: string;
  households: number;
  lat: number;
  lng: number;
}

export interface DemoDesk {
  key: string;
  communityKey: string;
  /** Null for the desk at the community office; otherwise the compound it serves. */
  compoundKey: string | null;
  name: string;
  nameEn: string;
  address: string;
  addressEn: string;
  lat: number;
  lng: number;
  areaSqm: number;
  phone: string;
  /** Seven entries, weekday 1 (Monday) to 7 (Sunday); a closed day has no intervals. */
  weeklyHours: WeeklyHours[];
  /** Dated exceptions; empty intervals = closed all day. At most one per date. */
  exceptions: { date: string; intervals: OpeningInterval[]; note: string }[];
}

export interface DemoGrid {
  key: string;
  communityKey: string;
  compoundKey: string | null;
  code: string;
  name: string;
}

export interface DemoStaff {
  username: string;
  displayName: string;
  role: StaffRole;
  scopeLevel: ScopeLevel;
  /** Street, community or compound key, or 'district'. */
  scopeKey: string;
  phone: string;
  gridKey?: string;
  deskKey?: string;
}

export interface DemoResident {
  key: string;
  name: string;
  /** 11-digit mainland mobile, unique. */
  phone: string;
  /** 18-character PRC resident ID (valid check digit) for Chinese residents, passport-like for foreigners; null when not given. */
  idNumber: string | null;
  communityKey: string;
  compoundKey: string;
  foreign: boolean;
  /** ISO 3166 alpha-2 ('CN' for Chinese residents). */
  nationality: string | null;
  preferredLanguage: 'zh-CN' | 'en';
  /** ISO instant. */
  registeredAt: string;
}

export interface DemoOrg {
  streets: DemoStreet[];
  communities: DemoCommunity[];
  compounds: DemoCompound[];
  desks: DemoDesk[];
  grids: DemoGrid[];
  staff: DemoStaff[];
  residents: DemoResident[];
}

export interface DemoOrgOptions {
  /** Default 20221. */
  seed?: number;
  /** YYYY-MM-DD, e.g. '2026-11-27': the demo's "today". */
  referenceDate: string;
  /** Default 60 (≈3,300 residents in all, plus the foreign sample of 和睦路社区). */
  residentsPerCommunity?: number;
}

export const DEFAULT_SEED = 20221;
export const DEFAULT_RESIDENTS_PER_COMMUNITY = 60;

/** The demo resident a new user logs in with in the resident app: 李明 of 尚格博园, 翠渝路社区. */
export const DEMO_RESIDENT_PHONE = '13800000001';
export const DEMO_RESIDENT_NAME = '李明';
export const DEMO_RESIDENT_KEY = 'cuiyulu.r0001';

/** The accounts a new user is told about in the README: one per role, in the named communities. */
export const DEMO_ACCOUNTS: readonly { username: string; role: StaffRole; where: string }[] =
  Object.freeze([
    {
      username: 'bureau',
      role: 'bureau_admin',
      where:
        '两江新区社会保障局（全区）· Liangjiang New Area Social Security Bureau (whole district)',
    },
    {
      username: 'monitor',
      role: 'monitor',
      where: '第三方监测机构（全区）· Third-party monitoring agency (whole district)',
    },
    { username: 'street.cuiyun', role: 'street_admin', where: '翠云街道 · Cuiyun Subdistrict' },
    {
      username: 'admin.cuiyulu',
      role: 'community_admin',
      where: '翠云街道翠渝路社区 · Cuiyu Road Community, Cuiyun Subdistrict',
    },
    {
      username: 'desk.cuiyulu',
      role: 'desk_staff',
      where:
        '翠渝路社区党群服务中心百通岗 · Baitong desk at the Cuiyu Road Community Service Centre',
    },
    {
      username: 'worker.cuiyulu',
      role: 'community_worker',
      where:
        '周洋，翠渝路社区尚格博园百通岗组长 · Zhou Yang, leads the Shangge Boyuan desk, Cuiyu Road Community',
    },
    {
      username: 'grid.cuiyulu.1',
      role: 'grid_worker',
      where: '翠渝路社区尚格博园第一网格 · Grid 1 (Shangge Boyuan), Cuiyu Road Community',
    },
    {
      username: 'admin.hemulu',
      role: 'community_admin',
      where:
        '人和街道和睦路社区（外籍居民聚居小区、美美国际之家）· Hemu Road Community, Renhe Subdistrict (international compound, Meimei International Home)',
    },
    {
      username: 'desk.yinzhuyuan',
      role: 'desk_staff',
      where:
        '康美街道银竹苑社区党群服务中心百通岗 · Baitong desk at the Yinzhuyuan Community Service Centre, Kangmei Subdistrict',
    },
  ]);

const DISTRICT = 'district';
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;
/** Communities with a 24-hour self-service point among their compound desks. */
const ALL_DAY_POINTS = new Set(['zhaomushan', 'yuanbowan']);
/** Community office desks with a lunch break, and ones closed on Sundays. */
const LUNCH_BREAK_OFFICES = new Set(['xingjiaqiao', 'baiyunhu', 'qingzhulu']);
const CLOSED_SUNDAY_OFFICES = new Set(['jinzhouyuan', 'danheyuan']);
/** Desks closed for staff training: desk key → days after the reference date. */
const TRAINING_DAYS: Readonly<Record<string, number>> = {
  'cuiyulu.desk.jincuihuating': 6,
  'baiyunhu.desk.office': 9,
  'kangmeiyuan.desk.office': 3,
};
/** Communities whose desks close early on Spring Festival eve. */
const EVE_COMMUNITIES = new Set(['cuiyulu', 'hemulu', 'yinzhuyuan']);
/** The integrated-desk worker the report follows in 尚格博园 (翠渝路社区's first community worker). */
const CUIYULU_FIRST_WORKER = '周洋';

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Where every demo address lies, in English (两江新区, 重庆市). */
const CITY_EN = 'Liangjiang New Area, Chongqing';

/**
 * The English of a road: the street's own roads say it, and a community named after its road
 * (翠渝路, slug cuiyulu) gives "Cuiyu Road".
 */
function roadEn(spec: StreetSpec, community: string, road: string): string {
  const known = spec.roads.find(([zh]) => zh === road);
  if (known) return known[1];
  if (road.endsWith('路') && community.endsWith('lu'))
    return `${capitalise(community.slice(0, -2))} Road`;
  return capitalise(community);
}

/** 翠渝路 → "Cuiyu Road Community", 银竹苑 → "Yinzhuyuan Community". */
function communityNameEn(slug: string, shortName: string): string {
  return shortName.endsWith('路') && slug.endsWith('lu')
    ? `${capitalise(slug.slice(0, -2))} Road Community`
    : `${capitalise(slug)} Community`;
}

const streetAddressEn = (number: number, road: string): string =>
  `No. ${number} ${road}, ${CITY_EN}`;

interface CompoundPlan {
  compound: DemoCompound;
  office: boolean;
  deskArea: number | null;
}

/** Generate the whole demo organisation. Throws RangeError on invalid options. */
export function generateDemoOrg(options: DemoOrgOptions): DemoOrg {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  const ref = options.referenceDate;
  dayNumber(ref); // validates
  const perCommunity = options.residentsPerCommunity ?? DEFAULT_RESIDENTS_PER_COMMUNITY;
  if (!Number.isInteger(perCommunity) || perCommunity < 1 || perCommunity > 5000) {
    throw new RangeError('residentsPerCommunity must be an integer from 1 to 5000');
  }

  const phones = new PhoneBook();
  phones.reserve(DEMO_RESIDENT_PHONE);
  const compoundNames = new Set<string>(
    [...CUIYULU_COMPOUNDS, HEMULU_INTERNATIONAL].map((c) => c.name),
  );
  const org: DemoOrg = {
    streets: [],
    communities: [],
    compounds: [],
    desks: [],
    grids: [],
    staff: [],
    residents: [],
  };
  const plans = new Map<string, CompoundPlan[]>();

  STREETS.forEach((spec, s) => {
    const street: DemoStreet = {
      key: spec.key,
      code: `LJ${String(s + 1).padStart(2, '0')}`,
      name: spec.name,
      nameEn: spec.nameEn,
    };
    org.streets.push(street);
    // The centres were read off a Chinese map (GCJ-02); Baitong stores WGS-84, so every demo
    // position is placed around the centre's WGS-84 point.
    const points = placeCommunities(
      Rng.derive(seed, `geo:${spec.key}`),
      roundPoint(toWgs84(spec.center, 'gcj02')),
      spec.communities.length,
    );
    spec.communities.forEach(([slug, shortName], c) => {
      const rng = Rng.derive(seed, `org:${slug}`);
      const community = buildCommunity(rng, spec, street, slug, shortName, c, at(points, c), ref);
      org.communities.push(community);
      const communityPlans = buildCompounds(rng, spec, community, compoundNames);
      plans.set(slug, communityPlans);
      org.compounds.push(...communityPlans.map((p) => p.compound));
      org.desks.push(...buildDesks(rng, community, communityPlans, phones, ref));
      org.grids.push(...buildGrids(community, communityPlans));
    });
  });

  org.staff = buildStaff(seed, org, phones, ref);
  org.residents = buildResidents(seed, org, plans, perCommunity, phones, ref);
  return org;
}

function placeCommunities(rng: Rng, center: LatLng, count: number): LatLng[] {
  const points: LatLng[] = [];
  for (let i = 0; i < count; i++) {
    let best = center;
    let bestGap = -1;
    for (let attempt = 0; attempt < 60; attempt++) {
      const p = offset(center, 2200 * Math.sqrt(rng.float()), rng.range(0, 360));
      if (!insideLiangjiang(p)) continue;
      const gap = Math.min(Infinity, ...points.map((q) => distanceMeters(p, q)));
      if (gap > bestGap) {
        best = p;
        bestGap = gap;
      }
      if (gap >= 850) break;
    }
    points.push(best);
  }
  return points;
}

function firstElection(rng: Rng, slug: string, ref: string): string | null {
  if (slug === NEVER_ELECTED) return null;
  const recent = RECENTLY_ELECTED[slug] ?? JUST_ELIGIBLE[slug];
  if (recent !== undefined) return addDays(ref, -recent);
  const fixed = FIXED_ELECTIONS[slug];
  if (fixed !== undefined) return fixed;
  // Most communities are old; a fifth were founded in the new districts since 2017.
  const refYear = Number(ref.slice(0, 4));
  const [from, to] = rng.chance(0.8) ? [2004, 2016] : [2017, Math.max(2017, refYear - 3)];
  const year = rng.int(from, to);
  const date = `${year}-${String(rng.int(3, 11)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  // Never later than two years before the reference date.
  const latest = addDays(ref, -730);
  return date < latest ? date : latest;
}

function buildCommunity(
  rng: Rng,
  spec: StreetSpec,
  street: DemoStreet,
  slug: string,
  shortName: string,
  index: number,
  point: LatLng,
  ref: string,
): DemoCommunity {
  let households: number;
  if (slug === 'yinzhuyuan') households = rng.int(8000, 8800);
  else if (slug === 'cuiyulu') households = rng.int(5000, 5600);
  else if (slug === 'hemulu') households = rng.int(6000, 7000);
  else households = Math.round(1500 + 7500 * ((rng.float() + rng.float() + rng.float()) / 3));
  const [road, roadName] = shortName.endsWith('路')
    ? [shortName, roadEn(spec, slug, shortName)]
    : rng.pick(spec.roads);
  // Drawn in the order they always were, so the same seed keeps the same district.
  const firstElectedOn = firstElection(rng, slug, ref);
  const registeredResidents = Math.round(households * rng.range(2.2, 2.8));
  const number = rng.int(2, 260);
  return {
    key: slug,
    streetKey: street.key,
    code: `${street.code}${String(index + 1).padStart(3, '0')}`,
    name: `${shortName}社区`,
    nameEn: communityNameEn(slug, shortName),
    firstElectedOn,
    households,
    registeredResidents,
    address: `重庆市两江新区${road}${number}号`,
    addressEn: streetAddressEn(number, roadName),
    lat: point.lat,
    lng: point.lng,
  };
}

function compoundCount(rng: Rng, slug: string): number {
  if (slug === 'cuiyulu') return CUIYULU_COMPOUNDS.length;
  if (slug === 'yinzhuyuan') return 5;
  if (slug === 'hemulu') return 4;
  return rng.weighted([2, 3, 4, 5, 6], [2, 4, 4, 2, 1]);
}

function newCompoundName(
  rng: Rng,
  used: Set<string>,
): { name: string; nameEn: string; slug: string } {
  for (;;) {
    const [pz, pe] = rng.pick(COMPOUND_PREFIXES);
    const [sz, se] = rng.pick(COMPOUND_SUFFIXES);
    const name = pz + sz;
    if (used.has(name)) continue;
    used.add(name);
    const nameEn = sz.length === 1 ? pe + se.toLowerCase() : `${pe} ${se}`;
    return { name, nameEn, slug: nameEn.replaceAll(' ', '').toLowerCase() };
  }
}

function buildCompounds(
  rng: Rng,
  spec: StreetSpec,
  community: DemoCommunity,
  used: Set<string>,
): CompoundPlan[] {
  const slug = community.key;
  const n = compoundCount(rng, slug);
  const office: LatLng = { lat: community.lat, lng: community.lng };
  const officeRoad = community.address.replace(/^重庆市两江新区/, '').replace(/\d+号$/, '');
  const officeNumber = Number(/(\d+)号$/.exec(community.address)?.[1] ?? 1);

  let fixed: FixedCompound[];
  if (slug === 'cuiyulu') {
    fixed = [...CUIYULU_COMPOUNDS];
  } else {
    // Generic: the office compound first, then the others spread around it.
    const shares = rng.split(1000, n, 90, 1.6).map((x) => x / 1000);
    const placed: LatLng[] = [];
    fixed = shares.map((share, i) => {
      const names = newCompoundName(rng, used);
      if (i === 0)
        return {
          ...names,
          share,
          meters: rng.range(40, 140),
          bearing: rng.range(0, 360),
          office: true,
        };
      let meters = 0;
      let bearing = 0;
      for (let attempt = 0; attempt < 30; attempt++) {
        meters = rng.range(260, 1150);
        bearing = rng.range(0, 360);
        const p = offset(office, meters, bearing);
        if (placed.every((q) => distanceMeters(p, q) > 280)) break;
      }
      placed.push(offset(office, meters, bearing));
      return { ...names, share, meters, bearing };
    });
    if (slug === 'hemulu') fixed[1] = { ...HEMULU_INTERNATIONAL };
  }

  // Households: shares of the community total, adding up exactly.
  const totalShare = fixed.reduce((a, c) => a + c.share, 0);
  const households = fixed.map((c) => Math.floor((community.households * c.share) / totalShare));
  households[0] = at(households, 0) + community.households - households.reduce((a, b) => a + b, 0);

  return fixed.map((c, i) => {
    const point = offset(office, c.meters, c.bearing);
    const ownRoad = c.office || rng.chance(0.6);
    const [road, roadName] = ownRoad
      ? [officeRoad, roadEn(spec, slug, officeRoad)]
      : rng.pick(spec.roads.filter(([r]) => r !== officeRoad));
    const number = c.office ? officeNumber : rng.int(1, 320);
    return {
      compound: {
        key: `${slug}.${c.slug}`,
        communityKey: slug,
        name: c.name,
        nameEn: c.nameEn,
        address: `重庆市两江新区${road}${number}号`,
        addressEn: streetAddressEn(number, roadName),
        households: at(households, i),
        lat: point.lat,
        lng: point.lng,
      },
      office: c.office === true,
      deskArea: c.deskArea ?? null,
    };
  });
}

function buildDesks(
  rng: Rng,
  community: DemoCommunity,
  plans: CompoundPlan[],
  phones: PhoneBook,
  ref: string,
): DemoDesk[] {
  const slug = community.key;
  const desks: DemoDesk[] = [];
  const officePreset: HoursPreset = LUNCH_BREAK_OFFICES.has(slug)
    ? 'lunchBreak'
    : CLOSED_SUNDAY_OFFICES.has(slug)
      ? 'closedSundays'
      : 'default';
  desks.push({
    key: `${slug}.desk.office`,
    communityKey: slug,
    compoundKey: null,
    name: `${community.name}党群服务中心百通岗`,
    nameEn: `${community.nameEn} Service Centre Baitong Desk`,
    address: `${community.address} ${community.name}党群服务中心一楼`,
    addressEn: `Ground floor, ${community.nameEn} Service Centre, ${community.addressEn}`,
    lat: community.lat,
    lng: community.lng,
    areaSqm: rng.int(8, 18) * 10,
    phone: phones.landline(rng),
    weeklyHours: weeklyHours(officePreset),
    exceptions: [],
  });

  // Compound desks: fixed in the named communities, elsewhere in the largest compounds.
  const others = plans.filter((p) => !p.office);
  let chosen: CompoundPlan[];
  if (others.some((p) => p.deskArea !== null)) {
    chosen = others.filter((p) => p.deskArea !== null);
    if (slug === 'hemulu')
      chosen.push(
        ...largest(
          others.filter((p) => p.deskArea === null),
          1,
        ),
      );
  } else {
    const max = Math.min(4, others.length);
    const weights = [2, 4, 3, 2, 1].slice(0, max + 1);
    let k = rng.weighted(
      weights.map((_, i) => i),
      weights,
    );
    if (slug === 'yinzhuyuan') k = 3;
    if (ALL_DAY_POINTS.has(slug)) k = Math.max(k, 1);
    chosen = largest(others, k);
  }
  const order = new Map(plans.map((p, i) => [p, i]));
  chosen.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));

  chosen.forEach((plan, i) => {
    const c = plan.compound;
    const allDay = ALL_DAY_POINTS.has(slug) && i === chosen.length - 1;
    const international = slug === 'hemulu' && plan.compound.name === HEMULU_INTERNATIONAL.name;
    const point = offset({ lat: c.lat, lng: c.lng }, rng.range(25, 90), rng.range(0, 360));
    const compoundSlug = c.key.slice(slug.length + 1);
    const building = international ? 0 : rng.int(1, 12);
    desks.push({
      key: international ? `${slug}.desk.meimei` : `${slug}.desk.${compoundSlug}`,
      communityKey: slug,
      compoundKey: c.key,
      name: international
        ? '美美国际之家'
        : allDay
          ? `${c.name}24小时便民服务点`
          : `${c.name}百通岗`,
      nameEn: international
        ? 'Meimei International Home'
        : allDay
          ? `${c.nameEn} 24-hour Self-service Point`
          : `${c.nameEn} Baitong Desk`,
      address: international
        ? `${c.address} ${c.name}会所一楼`
        : `${c.address} ${c.name}${building}栋${allDay ? '底商' : '架空层'}`,
      addressEn: international
        ? `Clubhouse ground floor, ${c.nameEn}, ${c.addressEn}`
        : `${allDay ? 'Ground-floor shop' : 'Open ground floor'}, Building ${building}, ${c.nameEn}, ${c.addressEn}`,
      lat: point.lat,
      lng: point.lng,
      areaSqm: plan.deskArea ?? (allDay ? rng.int(15, 30) : rng.int(3, 30) * 5),
      phone: phones.landline(rng),
      weeklyHours: weeklyHours(international ? 'internationalHome' : allDay ? 'allDay' : 'default'),
      exceptions: [],
    });
  });

  addExceptions(desks, slug, ref);
  return desks;
}

function largest(plans: CompoundPlan[], k: number): CompoundPlan[] {
  return plans
    .slice()
    .sort((a, b) => b.compound.households - a.compound.households)
    .slice(0, k);
}

function addException(
  desk: DemoDesk,
  date: string,
  intervals: OpeningInterval[],
  note: string,
): void {
  if (desk.exceptions.some((e) => e.date === date)) return;
  desk.exceptions.push({ date, intervals, note });
  desk.exceptions.sort((a, b) => a.date.localeCompare(b.date));
}

function addExceptions(desks: DemoDesk[], slug: string, ref: string): void {
  for (const desk of desks) {
    const training = TRAINING_DAYS[desk.key];
    if (training !== undefined) {
      addException(
        desk,
        addDays(ref, training),
        [],
        '工作人员集中培训，全天闭岗 · Closed all day for staff training',
      );
    }
  }
  if (slug === 'yinzhuyuan') {
    const office = at(desks, 0);
    addException(
      office,
      ref,
      [interval('08:30', '18:00')],
      '社区邻里节活动，今日18:00闭岗 · Neighbourhood festival: closes at 18:00 today',
    );
  }
  const eve = nextSpringFestivalEve(ref);
  if (eve !== null && EVE_COMMUNITIES.has(slug)) {
    const weekday = isoWeekday(eve);
    for (const desk of desks) {
      const regular = desk.weeklyHours.find((w) => w.weekday === weekday)?.intervals ?? [];
      const first = regular[0];
      if (!first || (first.opens === '00:00' && regular.at(-1)?.closes === '24:00')) continue;
      addException(
        desk,
        eve,
        [interval(first.opens, '17:00')],
        '除夕，提前至17:00闭岗 · Spring Festival Eve: closes at 17:00',
      );
    }
  }
}

function buildGrids(community: DemoCommunity, plans: CompoundPlan[]): DemoGrid[] {
  // One grid per compound; very large compounds get a second while the community has fewer than six.
  const perCompound = plans.map(() => 1);
  let total = plans.length;
  const bySize = plans
    .map((p, i) => [p.compound.households, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [households, i] of bySize) {
    if (total >= 6 || households < 2400) break;
    perCompound[i] = 2;
    total++;
  }
  const grids: DemoGrid[] = [];
  plans.forEach((plan, i) => {
    for (let g = 0; g < at(perCompound, i); g++) {
      const n = grids.length + 1;
      grids.push({
        key: `${community.key}.grid.${n}`,
        communityKey: community.key,
        compoundKey: plan.compound.key,
        code: `${community.code}-${String(n).padStart(2, '0')}`,
        name: `第${at(CHINESE_NUMERALS, n - 1)}网格`,
      });
    }
  });
  return grids;
}

function buildStaff(seed: number, org: DemoOrg, phones: PhoneBook, ref: string): DemoStaff[] {
  const refYear = Number(ref.slice(0, 4));
  const names = new Set<string>([CUIYULU_FIRST_WORKER]);
  const person = (rng: Rng, minAge: number, maxAge: number): string => {
    for (;;) {
      const gender: Gender = rng.chance(0.55) ? 'f' : 'm';
      const name = chineseName(rng, gender, refYear - rng.int(minAge, maxAge));
      if (!names.has(name)) {
        names.add(name);
        return name;
      }
    }
  };
  const staff: DemoStaff[] = [];
  const district = Rng.derive(seed, 'staff:district');
  staff.push({
    username: 'bureau',
    displayName: person(district, 40, 55),
    role: 'bureau_admin',
    scopeLevel: 'district',
    scopeKey: DISTRICT,
    phone: phones.mobile(district),
  });
  staff.push({
    username: 'monitor',
    displayName: person(district, 30, 50),
    role: 'monitor',
    scopeLevel: 'district',
    scopeKey: DISTRICT,
    phone: phones.mobile(district),
  });
  for (const street of org.streets) {
    const rng = Rng.derive(seed, `staff:${street.key}`);
    staff.push({
      username: `street.${street.key}`,
      displayName: person(rng, 36, 55),
      role: 'street_admin',
      scopeLevel: 'street',
      scopeKey: street.key,
      phone: phones.mobile(rng),
    });
  }

  for (const community of org.communities) {
    const slug = community.key;
    const rng = Rng.derive(seed, `staff:${slug}`);
    const desks = org.desks.filter((d) => d.communityKey === slug);
    const office = at(desks, 0);
    // Compound desks staffed by a team: one community worker leading two grid workers.
    const staffed = desks.filter((d) => d.compoundKey !== null && !d.weeklyHours.some(isAllDay));
    const deskOfCompound = new Map(staffed.map((d) => [d.compoundKey, d.key]));

    staff.push({
      username: `admin.${slug}`,
      displayName: person(rng, 34, 52),
      role: 'community_admin',
      scopeLevel: 'community',
      scopeKey: slug,
      phone: phones.mobile(rng),
    });

    const leaders = staffed.length > 0 ? staffed : [null];
    leaders.forEach((desk, i) => {
      const member: DemoStaff = {
        username: i === 0 ? `worker.${slug}` : `worker.${slug}.${i + 1}`,
        displayName: slug === 'cuiyulu' && i === 0 ? CUIYULU_FIRST_WORKER : person(rng, 24, 42),
        role: 'community_worker',
        scopeLevel: 'community',
        scopeKey: slug,
        phone: phones.mobile(rng),
      };
      if (desk) member.deskKey = desk.key;
      staff.push(member);
    });

    const deskStaff = community.households > 6000 ? 2 : 1;
    for (let i = 0; i < deskStaff; i++) {
      staff.push({
        username: i === 0 ? `desk.${slug}` : `desk.${slug}.${i + 1}`,
        displayName: person(rng, 23, 40),
        role: 'desk_staff',
        scopeLevel: 'community',
        scopeKey: slug,
        phone: phones.mobile(rng),
        deskKey: office.key,
      });
    }

    // Grid workers: one per grid, two in a compound with a staffed desk.
    const grids = org.grids.filter((g) => g.communityKey === slug);
    const compounds = [...new Set(grids.map((g) => g.compoundKey))];
    let n = 0;
    for (const compoundKey of compounds) {
      if (compoundKey === null) continue;
      const compoundGrids = grids.filter((g) => g.compoundKey === compoundKey);
      const deskKey = deskOfCompound.get(compoundKey);
      const count = deskKey ? Math.max(2, compoundGrids.length) : compoundGrids.length;
      for (let i = 0; i < count; i++) {
        n++;
        const member: DemoStaff = {
          username: `grid.${slug}.${n}`,
          displayName: person(rng, 23, 45),
          role: 'grid_worker',
          scopeLevel: 'compound',
          scopeKey: compoundKey,
          phone: phones.mobile(rng),
          gridKey: at(compoundGrids, i % compoundGrids.length).key,
        };
        if (deskKey) member.deskKey = deskKey;
        staff.push(member);
      }
    }
  }
  return staff;
}

function isAllDay(w: WeeklyHours): boolean {
  return w.intervals.some((i) => i.opens === '00:00' && i.closes === '24:00');
}

/** Residents per compound, proportional to households (largest remainder), at least one in the first. */
function allocate(total: number, compounds: DemoCompound[]): number[] {
  const households = compounds.reduce((a, c) => a + c.households, 0);
  const exact = compounds.map((c) => (total * c.households) / households);
  const counts = exact.map(Math.floor);
  let rest = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest-- <= 0) break;
    counts[i] = at(counts, i) + 1;
  }
  if (at(counts, 0) === 0) {
    const donor = counts.findIndex((c) => c > 1);
    if (donor >= 0) {
      counts[donor] = at(counts, donor) - 1;
      counts[0] = 1;
    }
  }
  return counts;
}

/** Age bands of adult residents, with relative weights. */
const AGE_TABLE = new WeightedTable<readonly [number, number]>([
  [[18, 29], 18],
  [[30, 44], 30],
  [[45, 59], 27],
  [[60, 88], 25],
]);
/** Local hours at which residents sign up in the app: evenings lead, then lunchtime. */
const SIGNUP_TABLE = new WeightedTable(
  Array.from({ length: 17 }, (_, i) => i + 7).map(
    (h) => [h, h >= 19 && h <= 22 ? 3 : h >= 12 && h <= 13 ? 2 : 1] as const,
  ),
);
/** The app's window: registrations spread over the 18 months before the reference date. */
export const REGISTRATION_WINDOW_DAYS = 548;

function registeredAt(rng: Rng, refDay: number, recentHalfYear: boolean): string {
  // 银竹苑: nearly 3,000 residents registered within half a year.
  const daysBack =
    recentHalfYear && rng.chance(0.8) ? rng.int(1, 182) : rng.int(1, REGISTRATION_WINDOW_DAYS);
  const hour = rng.draw(SIGNUP_TABLE);
  return shanghaiInstant(refDay - daysBack, hour * 60 + rng.int(0, 59), rng.int(0, 59));
}

function birthDate(rng: Rng, refDay: number, age: number): string {
  return civilFromDays(refDay - Math.floor(age * 365.25) - rng.int(1, 364));
}

function buildResidents(
  seed: number,
  org: DemoOrg,
  plans: Map<string, CompoundPlan[]>,
  perCommunity: number,
  phones: PhoneBook,
  ref: string,
): DemoResident[] {
  const residents: DemoResident[] = [];
  const refDay = dayNumber(ref);
  for (const community of org.communities) {
    const slug = community.key;
    const rng = Rng.derive(seed, `residents:${slug}`);
    const compounds = (plans.get(slug) ?? []).map((p) => p.compound);
    const counts = allocate(perCommunity, compounds);
    let n = 0;
    const key = (): string => `${slug}.r${String(++n).padStart(4, '0')}`;

    compounds.forEach((compound, c) => {
      for (let i = 0; i < at(counts, c); i++) {
        const resident = key();
        if (resident === DEMO_RESIDENT_KEY) {
          residents.push({
            key: resident,
            name: DEMO_RESIDENT_NAME,
            phone: DEMO_RESIDENT_PHONE,
            idNumber: residentId(rng, birthDate(rng, refDay, 36), true, '500112'),
            communityKey: slug,
            compoundKey: compound.key,
            foreign: false,
            nationality: 'CN',
            preferredLanguage: 'zh-CN',
            registeredAt: registeredAt(rng, refDay, false),
          });
          continue;
        }
        const [minAge, maxAge] = rng.draw(AGE_TABLE);
        const age = rng.int(minAge, maxAge);
        const born = birthDate(rng, refDay, age);
        const gender: Gender = rng.chance(0.5) ? 'f' : 'm';
        residents.push({
          key: resident,
          name: chineseName(rng, gender, Number(born.slice(0, 4))),
          phone: phones.mobile(rng),
          // A few signed up without real-name verification.
          idNumber: rng.chance(0.94) ? residentId(rng, born, gender === 'm') : null,
          communityKey: slug,
          compoundKey: compound.key,
          foreign: false,
          nationality: 'CN',
          preferredLanguage: 'zh-CN',
          registeredAt: registeredAt(rng, refDay, slug === 'yinzhuyuan'),
        });
      }
    });

    if (slug === 'hemulu') {
      // ~1,000 foreign residents from 27 countries, sampled at ~100 for the default size.
      const international = compounds.find((c) => c.name === HEMULU_INTERNATIONAL.name);
      if (!international) throw new Error('和睦路社区 has no international compound');
      const sample = Math.max(FOREIGN_NATIONALITIES.length, Math.round((perCommunity * 5) / 3));
      const weights = nationalityWeights();
      const nationalities = new WeightedTable(
        FOREIGN_NATIONALITIES.map((n, i) => [n, at(weights, i)] as const),
      );
      const frng = Rng.derive(seed, 'residents:hemulu:foreign');
      for (let i = 0; i < sample; i++) {
        const nationality =
          i < FOREIGN_NATIONALITIES.length
            ? at(FOREIGN_NATIONALITIES, i)
            : frng.draw(nationalities);
        const person = foreignPerson(frng, nationality);
        residents.push({
          key: key(),
          name: person.name,
          phone: phones.mobile(frng),
          idNumber: person.passport,
          communityKey: slug,
          compoundKey: international.key,
          foreign: true,
          nationality,
          preferredLanguage: 'en',
          registeredAt: registeredAt(frng, refDay, false),
        });
      }
    }
  }
  return residents;
}
