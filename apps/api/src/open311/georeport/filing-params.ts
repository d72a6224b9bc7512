import {
  COORDINATE_SYSTEMS,
  type CategoryField,
  type CoordinateSystem,
  type LatLng,
  inChina,
  toWgs84,
} from '@baitong/contracts';
import { isEmail } from 'class-validator';
import { Open311Exception } from './open311-errors';

// The checks of `POST requests.{format}` that need no database: each problem a 400 naming the
// parameter as the client sent it, the attributes all at once so that a client fixes them in one go.

export const MAX_DESCRIPTION = 4000;
export const MAX_STRING = 200;
export const MAX_TEXT = 4000;
export const MAX_MEDIA_URL = 1000;

/** One parameter as a trimmed string; absent or empty is undefined, a list or an object is a 400. */
export function scalar(params: Record<string, unknown>, name: string): string | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') throw Open311Exception.badRequest(name, 'must be given once, as text');
  const s = v.trim();
  return s === '' ? undefined : s;
}

function limited(params: Record<string, unknown>, name: string, max: number): string | undefined {
  const v = scalar(params, name);
  if (v !== undefined && v.length > max)
    throw Open311Exception.badRequest(name, `must be at most ${max} characters`);
  return v;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function coordinate(raw: string, name: 'lat' | 'long', bound: number): number {
  const n = DECIMAL.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(n) || Math.abs(n) > bound)
    throw Open311Exception.badRequest(
      name,
      `must be a decimal number between -${bound} and ${bound}`,
    );
  return n;
}

/** `lat` + `long` in the client's datum (`coordinate_system`), as WGS-84; null when not given. */
export function readPosition(params: Record<string, unknown>): LatLng | null {
  const lat = scalar(params, 'lat');
  const long = scalar(params, 'long');
  const system = scalar(params, 'coordinate_system') ?? 'wgs84';
  if (!(COORDINATE_SYSTEMS as readonly string[]).includes(system))
    throw Open311Exception.badRequest(
      'coordinate_system',
      `must be one of ${COORDINATE_SYSTEMS.join(', ')}`,
    );
  if (lat === undefined && long === undefined) return null;
  if (lat === undefined) throw Open311Exception.badRequest('lat', 'is required with long');
  if (long === undefined) throw Open311Exception.badRequest('long', 'is required with lat');
  const given = { lat: coordinate(lat, 'lat', 90), lng: coordinate(long, 'long', 180) };
  if (!inChina(given))
    throw Open311Exception.badRequest(
      'lat/long',
      `(${given.lat}, ${given.lng}) lies outside China; this service takes requests in its district only`,
    );
  return toWgs84(given, system as CoordinateSystem);
}

const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** ISO 8601 with a zone (`2026-12-08T10:30:00+08:00`, `…Z`), a real instant. */
export function isIsoDateTime(s: string): boolean {
  const m = ISO_DATETIME.exec(s);
  if (!m) return false;
  const [mo, d, h, mi, sec] = [m[2], m[3], m[4], m[5], m[7] ?? '0'].map(Number) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || sec! > 59) return false;
  if (m[10] !== undefined && (Number(m[10]) > 14 || Number(m[11]) > 59)) return false;
  const date = new Date(s);
  if (Number.isNaN(date.getTime())) return false;
  // 2026-02-30 parses as March: the day must exist in its month.
  const daysInMonth = new Date(Date.UTC(Number(m[1]), mo!, 0)).getUTCDate();
  return d! <= daysInMonth;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * `attribute[CODE]` answers checked against the service definition (the category's fields): every
 * required one present, each of its datatype, list values among the listed keys, nothing unknown.
 */
export function readAttributes(
  fields: CategoryField[],
  given: Record<string, unknown>,
): Record<string, string | number | string[]> {
  const problems: string[] = [];
  const out: Record<string, string | number | string[]> = {};
  const variable = new Map(fields.filter((f) => f.variable).map((f) => [f.code, f]));
  for (const code of Object.keys(given))
    if (!variable.has(code))
      problems.push(`attribute[${code}]: is not an attribute of this service`);
  for (const f of [...variable.values()].sort((a, b) => a.order - b.order)) {
    const name = `attribute[${f.code}]`;
    const raw = given[f.code];
    const values = (Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw]).map(
      (v) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : v),
    );
    if (values.some((v) => typeof v !== 'string')) {
      problems.push(`${name}: must be text`);
      continue;
    }
    const texts = (values as string[]).filter((v) => v !== '');
    if (texts.length === 0) {
      if (f.required) problems.push(`${name}: is required`);
      continue;
    }
    if (f.datatype !== 'multivaluelist' && texts.length > 1) {
      problems.push(`${name}: takes one value`);
      continue;
    }
    const v = texts[0]!;
    const keys = (f.values ?? []).map((x) => x.key);
    switch (f.datatype) {
      case 'string':
      case 'text': {
        const max = f.datatype === 'string' ? MAX_STRING : MAX_TEXT;
        if (v.length > max) problems.push(`${name}: must be at most ${max} characters`);
        else out[f.code] = v;
        break;
      }
      case 'number': {
        const n = NUMBER.test(v) ? Number(v) : NaN;
        if (!Number.isFinite(n)) problems.push(`${name}: must be a number`);
        else out[f.code] = n;
        break;
      }
      case 'datetime':
        if (!isIsoDateTime(v))
          problems.push(
            `${name}: must be an ISO 8601 date and time with its zone, e.g. 2026-12-08T10:30:00+08:00`,
          );
        else out[f.code] = v;
        break;
      case 'singlevaluelist':
        if (!keys.includes(v)) problems.push(`${name}: must be one of ${keys.join(', ')}`);
        else out[f.code] = v;
        break;
      case 'multivaluelist': {
        const unknown = texts.filter((x) => !keys.includes(x));
        if (unknown.length)
          problems.push(`${name}: ${unknown.join(', ')} not among ${keys.join(', ')}`);
        else out[f.code] = [...new Set(texts)];
        break;
      }
    }
  }
  if (problems.length) throw new Open311Exception(400, problems);
  return out;
}

/** The submitter and the matter, as the case keeps them. */
export interface FilingDetails {
  description: string;
  mediaUrl: string | null;
  email: string | null;
  deviceId: string | null;
  accountId: string | null;
  name: string | null;
  phone: string | null;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function readDetails(params: Record<string, unknown>): FilingDetails {
  const description = limited(params, 'description', MAX_DESCRIPTION);
  if (!description) throw Open311Exception.badRequest('description', 'is required');
  const mediaUrl = limited(params, 'media_url', MAX_MEDIA_URL) ?? null;
  if (mediaUrl !== null) {
    const ok = URL.canParse(mediaUrl) && /^https?:$/.test(new URL(mediaUrl).protocol);
    if (!ok) throw Open311Exception.badRequest('media_url', 'must be an http or https URL');
  }
  const email = limited(params, 'email', MAX_STRING) ?? null;
  if (email !== null && !isEmail(email))
    throw Open311Exception.badRequest('email', 'must be an e-mail address');
  const first = limited(params, 'first_name', 32);
  const last = limited(params, 'last_name', 32);
  // A Chinese name is written family name first, without a space (王 + 大爷 → 王大爷).
  const name =
    first || last
      ? CJK.test(`${first ?? ''}${last ?? ''}`)
        ? `${last ?? ''}${first ?? ''}`
        : [first, last].filter(Boolean).join(' ')
      : null;
  const rawPhone = limited(params, 'phone', 32);
  let phone: string | null = null;
  if (rawPhone !== undefined) {
    if (!/^\+?[\d\s().-]+$/.test(rawPhone))
      throw Open311Exception.badRequest('phone', 'must be a phone number (digits, spaces, - or +)');
    phone = rawPhone.replace(/\D/g, '');
    if (phone.length < 5 || phone.length > 20)
      throw Open311Exception.badRequest('phone', 'must have 5 to 20 digits');
  }
  return {
    description,
    mediaUrl,
    email,
    deviceId: limited(params, 'device_id', 100) ?? null,
    accountId: limited(params, 'account_id', 100) ?? null,
    name,
    phone,
  };
}
