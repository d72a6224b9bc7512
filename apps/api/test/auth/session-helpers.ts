import type { LoginResponse } from '@baitong/contracts';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { SESSION_COOKIES, type SessionKind } from '../../src/auth/session-cookie';
import type { TestClock } from '../utils/app';

export interface ParsedCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

/** The Set-Cookie of the app's refresh cookie in a response, parsed; null when none. */
export function refreshCookieOf(res: Response, kind: SessionKind): ParsedCookie | null {
  const raw = res.headers['set-cookie'] as unknown;
  const lines = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  for (const line of lines) {
    const [pair, ...attrs] = line.split(';').map((p) => p.trim());
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq);
    if (name !== SESSION_COOKIES[kind].name) continue;
    const attributes: Record<string, string | true> = {};
    for (const a of attrs) {
      const i = a.indexOf('=');
      if (i < 0) attributes[a.toLowerCase()] = true;
      else attributes[a.slice(0, i).toLowerCase()] = a.slice(i + 1);
    }
    return { name, value: decodeURIComponent(pair!.slice(eq + 1)), attributes };
  }
  return null;
}

/** The Cookie header a browser would send with the app's refresh cookie. */
export function cookieHeader(kind: SessionKind, value: string): string {
  return `${SESSION_COOKIES[kind].name}=${encodeURIComponent(value)}`;
}

export interface Session {
  body: LoginResponse;
  /** The refresh cookie's value, and the whole cookie. */
  refresh: string;
  cookie: ParsedCookie;
}

/** Signs staff in through the real endpoint, keeping the access token and the refresh cookie. */
export async function staffSession(
  http: TestAgent,
  username: string,
  password: string,
  from?: string,
): Promise<Session> {
  const req = http.post('/api/auth/staff/login');
  if (from) void req.set('X-Forwarded-For', from);
  const res = await req.send({ username, password });
  if (res.status !== 200)
    throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = refreshCookieOf(res, 'staff');
  if (!cookie) throw new Error('login set no refresh cookie');
  return { body: res.body as LoginResponse, refresh: cookie.value, cookie };
}

export function refreshWith(http: TestAgent, kind: SessionKind, value: string) {
  return http.post(`/api/auth/${kind}/refresh`).set('Cookie', cookieHeader(kind, value));
}

/** Moves the test clock on by `seconds` from where it stands (from real time the first time). */
export function advance(clock: TestClock, seconds: number): void {
  clock.at = new Date(clock.now().getTime() + seconds * 1000);
}
