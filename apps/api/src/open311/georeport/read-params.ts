import { COORDINATE_SYSTEMS, type CoordinateSystem } from '@baitong/contracts';
import type { Request } from 'express';
import { OPEN311_FORMATS, type Open311Format } from './format';
import { Open311Exception } from './open311-errors';

// The query parameters of GeoReport v2 reads, checked before anything touches the database: a bad
// one is a 400 naming it, in the spec's error format, never a 500 and never a silent default.

/** Answers in English when the client's Accept-Language starts with `en`; otherwise Chinese. */
export type Open311Language = 'zh' | 'en';

export const languageOf = (acceptLanguage: string | undefined): Open311Language =>
  (acceptLanguage ?? '').trim().toLowerCase().startsWith('en') ? 'en' : 'zh';

/**
 * The longest request line and headers the HTTP server reads (Node's default is 16 kB): large
 * enough for `service_request_id` lists of 10,000 case numbers, so that such a list reaches the
 * handler and gets the spec's 400 naming the parameter instead of a bare 431.
 */
export const MAX_REQUEST_HEAD_BYTES = 256 * 1024;

/** The spec's cap on one answer, and on the ids one may ask for at once. */
export const MAX_REQUESTS = 1000;

/** The spec's default window and the longest range `start_date`/`end_date` may span. */
export const WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

type Query = Request['query'];

/** `.json` or `.xml`; any other suffix is a resource Baitong does not serve. */
export function formatParam(format: string): Open311Format {
  const f = format.toLowerCase();
  if (!(OPEN311_FORMATS as readonly string[]).includes(f))
    throw new Open311Exception(404, [`format: .${format} is not served; use .json or .xml`]);
  return f as Open311Format;
}

/** One value of a parameter; a repeated parameter is refused rather than guessed at. */
export function textParam(query: Query, name: string): string | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string')
    throw Open311Exception.badRequest(name, 'give it once (comma-separate several values)');
  return v.trim() === '' ? undefined : v.trim();
}

/**
 * A comma list; the spec lets a client repeat the parameter too (`status=open&status=closed`).
 * Counting stops past `max`, so a 10,000-id list costs no more than a 1,001-id one.
 */
export function listParam(query: Query, name: string, max = MAX_REQUESTS): string[] | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((v) =>
    typeof v === 'string' ? v.split(',') : [],
  );
  const values = [...new Set(parts.map((p) => p.trim()).filter(Boolean))];
  if (values.length > max)
    throw Open311Exception.badRequest(name, `at most ${max} values at a time`);
  return values.length ? values : undefined;
}

const ISO_WITH_ZONE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An instant in ISO 8601 with its zone (`Z` or `±HH:MM`), as the spec requires; else 400. */
export function parseIsoInstant(value: string, name: string): Date {
  const m = ISO_WITH_ZONE.exec(value);
  const t = m ? Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : NaN;
  const [, year, month, day, hour, minute, second] = m ?? [];
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (
    !m ||
    Number.isNaN(t) ||
    Number(month) < 1 ||
    Number(month) > 12 ||
    Number(day) < 1 ||
    Number(day) > daysInMonth ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second ?? 0) > 59
  )
    throw Open311Exception.badRequest(
      name,
      'must be an ISO 8601 date and time with its zone, e.g. 2026-12-08T10:30:00+08:00',
    );
  return new Date(t);
}

/**
 * The `requested_datetime` window: both dates as given (at most 90 days apart); one date and the
 * 90 days after or before it; neither, the last 90 days (the spec's default).
 */
export function windowParams(query: Query, now: Date): { from: Date; to: Date } {
  const start = textParam(query, 'start_date');
  const end = textParam(query, 'end_date');
  const from = start === undefined ? undefined : parseIsoInstant(start, 'start_date');
  const to = end === undefined ? undefined : parseIsoInstant(end, 'end_date');
  const span = WINDOW_DAYS * DAY_MS;
  if (from && to) {
    if (to < from) throw Open311Exception.badRequest('end_date', 'is before start_date');
    if (to.getTime() - from.getTime() > span)
      throw Open311Exception.badRequest(
        'end_date',
        `start_date and end_date may not span more than ${WINDOW_DAYS} days`,
      );
    return { from, to };
  }
  if (from) return { from, to: new Date(from.getTime() + span) };
  if (to) return { from: new Date(to.getTime() - span), to };
  return { from: new Date(now.getTime() - span), to: now };
}

/** `open` and/or `closed`. */
export function statusParam(query: Query): ('open' | 'closed')[] | undefined {
  const values = listParam(query, 'status', 2);
  const bad = values?.find((v) => v !== 'open' && v !== 'closed');
  if (bad !== undefined)
    throw Open311Exception.badRequest('status', `"${bad.slice(0, 20)}" is not open or closed`);
  return values as ('open' | 'closed')[] | undefined;
}

/** China profile: the datum of the lat/long returned (default WGS-84). */
export function coordinateSystemParam(query: Query): CoordinateSystem {
  const v = textParam(query, 'coordinate_system');
  if (v === undefined) return 'wgs84';
  const c = v.toLowerCase();
  if (!(COORDINATE_SYSTEMS as readonly string[]).includes(c))
    throw Open311Exception.badRequest(
      'coordinate_system',
      `must be one of ${COORDINATE_SYSTEMS.join(', ')}`,
    );
  return c as CoordinateSystem;
}

/** The case number of `requests/{id}` or a token: anything else cannot exist. */
export const looksLikeCaseNumber = (id: string): boolean => /^[\w-]{1,32}$/.test(id);
export const looksLikeToken = (token: string): boolean => /^[\w-]{1,40}$/.test(token);
