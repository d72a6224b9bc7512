import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../../src/auth/auth.service';
import { LOGIN_THROTTLE } from '../../src/auth/login-throttle';
import { PASSWORD, type TestContext, createTestApp } from '../utils/app';
import {
  advance,
  cookieHeader,
  refreshCookieOf,
  refreshWith,
  staffSession,
} from './session-helpers';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
// Real time unless a test moves the clock; each test starts from real time again.
beforeEach(() => {
  t.clock.at = null;
});

async function auditActions(): Promise<string[]> {
  const rows: { action: string }[] = await t.ds.query('SELECT action FROM audit_log ORDER BY id');
  return rows.map((r) => r.action);
}

describe('staff sign-in', () => {
  it('returns tokens and the user with role and scope', async () => {
    const community = await t.given.community({ name: '翠渝路社区' });
    const staff = await t.given.staff('desk_staff', { community });
    const res = await t.http
      .post('/api/auth/staff/login')
      .send({ username: staff.username, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      kind: 'staff',
      role: 'desk_staff',
      username: staff.username,
      scope: { level: 'community', id: community.id, name: '翠渝路社区' },
    });
    expect(res.body.expiresIn).toBe(900);
    // The refresh token is only in the console's own httpOnly cookie, never in the body.
    expect(res.body).not.toHaveProperty('refreshToken');
    const cookie = refreshCookieOf(res, 'staff');
    expect(cookie?.value).toMatch(/^[0-9a-f-]{36}\./);
    expect(cookie?.attributes).toMatchObject({
      httponly: true,
      samesite: 'Strict',
      path: '/api/auth/staff',
    });
    // Secure may be off only outside production (these tests speak plain http).
    expect(cookie?.attributes.secure).toBeUndefined();
    expect(refreshCookieOf(res, 'resident')).toBeNull();
    const me = await t.http
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(staff.id);
    expect(await auditActions()).toContain('auth.login');
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const staff = await t.given.staff('bureau_admin');
    const wrong = await t.http
      .post('/api/auth/staff/login')
      .send({ username: staff.username, password: 'nope-nope' });
    const unknown = await t.http
      .post('/api/auth/staff/login')
      .send({ username: 'nobody.here', password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.message).toBe(wrong.body.message);
    const { requestId: _w, ...wrongBody } = wrong.body as Record<string, unknown>;
    const { requestId: _u, ...unknownBody } = unknown.body as Record<string, unknown>;
    expect(unknownBody).toEqual(wrongBody);
    const failed: { n: number }[] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login_failed'`,
    );
    expect(failed[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('throttles many attempts from one address whatever the account', async () => {
    const local = await createTestApp();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < LOGIN_LIMITS.perIpPerMinute + 2; i++) {
        statuses.push(
          (
            await local.http
              .post('/api/auth/staff/login')
              .send({ username: `ghost${i}`, password: 'x-x-x-x' })
          ).status,
        );
      }
      expect(statuses.slice(0, LOGIN_LIMITS.perIpPerMinute).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(-2)).toEqual([429, 429]);
    } finally {
      await local.close();
    }
  });
});

describe('sign-in throttling per account and address, no lockout', () => {
  // Behind one trusted proxy hop, as deployed: each test client names its own address.
  let p: TestContext;
  let n = 0;
  const address = () => `198.51.100.${++n}`;
  beforeAll(async () => {
    p = await createTestApp({ TRUST_PROXY: '1' });
  });
  afterAll(() => p.close());
  // A standing clock: the waits are exact, however slow the machine.
  beforeEach(() => {
    p.clock.set('2026-03-02T09:00:00+08:00');
  });

  const attempt = (username: string, password: string, from: string) =>
    p.http.post('/api/auth/staff/login').set('X-Forwarded-For', from).send({ username, password });

  async function hammer(username: string, from: string, times: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < times; i++)
      statuses.push((await attempt(username, `wrong-${i}`, from)).status);
    return statuses;
  }

  it('lets the desk sign in from its own address while someone hammers its username from another', async () => {
    const desk = await p.given.staff('desk_staff', { community: await p.given.community() });
    const attacker = address();
    const statuses = await hammer(desk.username, attacker, LOGIN_THROTTLE.freeFailures + 3);
    expect(statuses.slice(0, LOGIN_THROTTLE.freeFailures).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const own = await attempt(desk.username, PASSWORD, address());
    expect(own.status).toBe(200);
    expect(own.body.user.id).toBe(desk.id);
    expect(
      (await p.http.get('/api/auth/me').set('Authorization', `Bearer ${own.body.accessToken}`))
        .status,
    ).toBe(200);
  });

  it('makes the pair wait 1 s, 2 s, 4 s … after five failures, even for the right password, then starts again after a success', async () => {
    const staff = await p.given.staff('monitor');
    const from = address();
    expect(await hammer(staff.username, from, LOGIN_THROTTLE.freeFailures)).toEqual(
      Array(LOGIN_THROTTLE.freeFailures).fill(401),
    );
    const waiting = await attempt(staff.username, PASSWORD, from);
    expect(waiting.status).toBe(429);
    expect(waiting.body.code).toBe('TOO_MANY_REQUESTS');
    expect(waiting.body.details.retryAfterSeconds).toBe(1);
    expect(waiting.headers['retry-after']).toBe('1');
    advance(p.clock, 1);
    expect((await attempt(staff.username, 'wrong-again', from)).status).toBe(401);
    const longer = await attempt(staff.username, PASSWORD, from);
    expect(longer.status).toBe(429);
    expect(longer.headers['retry-after']).toBe('2');
    advance(p.clock, 2);
    expect((await attempt(staff.username, 'wrong-third', from)).status).toBe(401);
    expect((await attempt(staff.username, PASSWORD, from)).headers['retry-after']).toBe('4');
    advance(p.clock, 4);
    expect((await attempt(staff.username, PASSWORD, from)).status).toBe(200);
    // A success wipes the pair's failures: five free tries again.
    expect(await hammer(staff.username, from, LOGIN_THROTTLE.freeFailures)).toEqual(
      Array(LOGIN_THROTTLE.freeFailures).fill(401),
    );
  });

  it('caps the wait and forgets a pair an hour after its last try', async () => {
    const staff = await p.given.staff('monitor');
    const from = address();
    await hammer(staff.username, from, LOGIN_THROTTLE.freeFailures);
    for (let i = 0; i < 12; i++) {
      advance(p.clock, LOGIN_THROTTLE.maxDelaySeconds);
      expect((await attempt(staff.username, `wrong-more-${i}`, from)).status).toBe(401);
    }
    const capped = await attempt(staff.username, PASSWORD, from);
    expect(capped.status).toBe(429);
    expect(Number(capped.headers['retry-after'])).toBe(LOGIN_THROTTLE.maxDelaySeconds);
    advance(p.clock, LOGIN_THROTTLE.forgetAfterSeconds);
    expect((await attempt(staff.username, PASSWORD, from)).status).toBe(200);
  });

  it('answers an unknown username exactly like a known one, throttling included', async () => {
    const staff = await p.given.staff('bureau_admin');
    const from = address();
    const tries = LOGIN_THROTTLE.freeFailures + 1;
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < tries; i++) {
      for (const [name, into] of [
        [staff.username, known],
        ['desk.nobody', unknown],
      ] as const) {
        const res = await attempt(name, 'not-the-password', from);
        const { requestId: _r, ...body } = res.body as Record<string, unknown>;
        into.push({ status: res.status, retryAfter: res.headers['retry-after'] ?? null, body });
      }
    }
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toMatchObject({ status: 429, body: { code: 'TOO_MANY_REQUESTS' } });
    // Never the old tell-tale lock.
    expect(known.some((r) => (r as { status: number }).status === 423)).toBe(false);
  });

  it('records failed and throttled sign-ins in the audit log with the address', async () => {
    const staff = await p.given.staff('monitor');
    const from = address();
    await hammer(staff.username, from, LOGIN_THROTTLE.freeFailures + 1);
    const rows: { action: string; ip: string; entity_id: string | null }[] = await p.ds.query(
      `SELECT action, ip, entity_id FROM audit_log WHERE detail->>'username' = $1 ORDER BY id`,
      [staff.username],
    );
    expect(rows.map((r) => r.action)).toEqual([
      ...Array(LOGIN_THROTTLE.freeFailures).fill('auth.login_failed'),
      'auth.login_throttled',
    ]);
    expect(rows.every((r) => r.ip === from && r.entity_id === staff.id)).toBe(true);
  });
});

describe('tokens', () => {
  it('rotates the refresh cookie and refuses the old one, ending the session', async () => {
    const staff = await t.given.staff('bureau_admin');
    const login = await staffSession(t.http, staff.username, PASSWORD);
    const r1 = await refreshWith(t.http, 'staff', login.refresh);
    expect(r1.status).toBe(200);
    expect(r1.body).not.toHaveProperty('refreshToken');
    const next = refreshCookieOf(r1, 'staff');
    expect(next?.value).toBeTruthy();
    expect(next?.value).not.toBe(login.refresh);
    expect(
      (await t.http.get('/api/auth/me').set('Authorization', `Bearer ${r1.body.accessToken}`))
        .status,
    ).toBe(200);
    const reuse = await refreshWith(t.http, 'staff', login.refresh);
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('TOKEN_INVALID');
    // Reuse of a rotated token means it may have leaked: the new tokens stop working too.
    expect(
      (await t.http.get('/api/auth/me').set('Authorization', `Bearer ${r1.body.accessToken}`))
        .status,
    ).toBe(401);
    expect((await refreshWith(t.http, 'staff', next!.value)).status).toBe(401);
    expect(await auditActions()).toContain('auth.refresh_reuse');
  });

  it('refuses refresh without a cookie, with a junk cookie, and with the other app’s cookie', async () => {
    const none = await t.http.post('/api/auth/staff/refresh');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('TOKEN_INVALID');
    const junk = await refreshWith(t.http, 'staff', 'not-a-token-at-all');
    expect(junk.status).toBe(401);
    expect(junk.body.code).toBe('TOKEN_INVALID');
    const staff = await t.given.staff('desk_staff', { community: await t.given.community() });
    const login = await staffSession(t.http, staff.username, PASSWORD);
    // The console's cookie sent under the resident app's name is not a resident session …
    expect((await refreshWith(t.http, 'resident', login.refresh)).status).toBe(401);
    // … a browser would not send it to resident routes at all (its Path) …
    const wrongPath = await t.http
      .post('/api/auth/resident/refresh')
      .set('Cookie', cookieHeader('staff', login.refresh));
    expect(wrongPath.status).toBe(401);
    // … and neither attempt spent it.
    expect((await refreshWith(t.http, 'staff', login.refresh)).status).toBe(200);
  });

  it('logout ends the session at once for access and refresh tokens, and clears the cookie', async () => {
    const staff = await t.given.staff('bureau_admin');
    const login = await staffSession(t.http, staff.username, PASSWORD);
    const auth = `Bearer ${login.body.accessToken}`;
    const out = await t.http.post('/api/auth/logout').set('Authorization', auth);
    expect(out.status).toBe(204);
    expect(refreshCookieOf(out, 'staff')).toMatchObject({
      value: '',
      attributes: { path: '/api/auth/staff' },
    });
    const me = await t.http.get('/api/auth/me').set('Authorization', auth);
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('TOKEN_INVALID');
    expect((await refreshWith(t.http, 'staff', login.refresh)).status).toBe(401);
  });

  it('logs out with the cookie alone once the access token has expired', async () => {
    const staff = await t.given.staff('desk_staff', { community: await t.given.community() });
    const login = await staffSession(t.http, staff.username, PASSWORD);
    advance(t.clock, t.config.accessTokenTtlSeconds + 1);
    const auth = `Bearer ${login.body.accessToken}`;
    expect((await t.http.get('/api/auth/me').set('Authorization', auth)).status).toBe(401);
    const out = await t.http
      .post('/api/auth/staff/logout')
      .set('Cookie', cookieHeader('staff', login.refresh));
    expect(out.status).toBe(204);
    expect(refreshCookieOf(out, 'staff')?.value).toBe('');
    expect((await refreshWith(t.http, 'staff', login.refresh)).status).toBe(401);
    const [row] = await t.ds.query('SELECT revoked_at FROM auth_session WHERE id = $1', [
      login.refresh.split('.')[0],
    ]);
    expect(row.revoked_at).not.toBeNull();
  });

  it('ends a staff session 12 hours after sign-in however often it was refreshed', async () => {
    const staff = await t.given.staff('community_admin', { community: await t.given.community() });
    t.clock.set('2026-03-02T08:00:00+08:00');
    const login = await staffSession(t.http, staff.username, PASSWORD);
    // Never valid past the absolute deadline, even though the idle lifetime is 30 days.
    expect(new Date(login.cookie.attributes.expires as string).toISOString()).toBe(
      '2026-03-02T12:00:00.000Z',
    );
    let refresh = login.refresh;
    let access = login.body.accessToken;
    for (const hour of ['11:00', '15:00', '19:30']) {
      t.clock.set(`2026-03-02T${hour}:00+08:00`);
      const r = await refreshWith(t.http, 'staff', refresh);
      expect(r.status).toBe(200);
      refresh = refreshCookieOf(r, 'staff')!.value;
      access = r.body.accessToken as string;
    }
    t.clock.set('2026-03-02T20:00:01+08:00');
    const late = await refreshWith(t.http, 'staff', refresh);
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('TOKEN_INVALID');
    // The last access token, still young, dies with the session.
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${access}`)).status).toBe(
      401,
    );
  });

  it('keeps a resident session refreshable past 12 hours, up to its 30 days', async () => {
    const community = await t.given.community();
    const resident = await t.given.resident({ community });
    t.clock.set('2026-03-02T08:00:00+08:00');
    await t.http.post('/api/auth/resident/otp').send({ phone: resident.phone }).expect(200);
    const res = await t.http
      .post('/api/auth/resident/login')
      .send({ phone: resident.phone, code: t.sms.lastCode(resident.phone) });
    expect(res.status).toBe(200);
    const rc = refreshCookieOf(res, 'resident');
    expect(rc?.attributes).toMatchObject({ path: '/api/auth/resident', samesite: 'Strict' });
    expect(refreshCookieOf(res, 'staff')).toBeNull();
    t.clock.set('2026-03-20T08:00:00+08:00');
    const later = await refreshWith(t.http, 'resident', rc!.value);
    expect(later.status).toBe(200);
    expect(later.body.user.kind).toBe('resident');
    t.clock.set('2026-04-01T08:00:01+08:00');
    expect(
      (await refreshWith(t.http, 'resident', refreshCookieOf(later, 'resident')!.value)).status,
    ).toBe(401);
  });

  it('rejects missing, malformed, forged and expired access tokens', async () => {
    expect((await t.http.get('/api/auth/me')).body.code).toBe('UNAUTHENTICATED');
    expect((await t.http.get('/api/auth/me').set('Authorization', 'Basic abc')).body.code).toBe(
      'TOKEN_INVALID',
    );
    const staff = await t.given.staff('bureau_admin');
    const { accessToken } = await t.given.login(staff);
    const [h, p] = accessToken.split('.');
    const forged = `${h}.${p}.${'A'.repeat(43)}`;
    expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${forged}`)).status).toBe(
      401,
    );
    // Expiry is judged by the clock, like everything else.
    advance(t.clock, t.config.accessTokenTtlSeconds + 1);
    const expired = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${accessToken}`);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('TOKEN_INVALID');
    t.clock.at = null;
    const short = await createTestApp({ ACCESS_TOKEN_TTL: '30' });
    try {
      const s2 = await short.given.staff('bureau_admin');
      const { accessToken: tok } = await short.given.login(s2);
      const payload = JSON.parse(Buffer.from(tok.split('.')[1]!, 'base64url').toString());
      expect(payload.exp - payload.iat).toBe(30);
    } finally {
      await short.close();
    }
  });
});

describe('resident sign-in by one-time code', () => {
  it('sends a code by SMS and signs the resident in with it, once', async () => {
    const community = await t.given.community();
    const resident = await t.given.resident({ community, phone: '13912345678' });
    const otp = await t.http.post('/api/auth/resident/otp').send({ phone: resident.phone });
    expect(otp.status).toBe(200);
    expect(otp.body).toMatchObject({ sent: true, expiresInSeconds: 300, resendAfterSeconds: 60 });
    const code = t.sms.lastCode(resident.phone);
    const login = await t.http
      .post('/api/auth/resident/login')
      .send({ phone: resident.phone, code });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({
      kind: 'resident',
      role: 'resident',
      phoneMasked: '139****5678',
      scope: { id: community.id },
    });
    const again = await t.http
      .post('/api/auth/resident/login')
      .send({ phone: resident.phone, code });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('OTP_INVALID');
  });

  it('refuses a wrong code and a second request within a minute, and sends unknown numbers a code alike', async () => {
    const community = await t.given.community();
    const resident = await t.given.resident({ community });
    await t.http.post('/api/auth/resident/otp').send({ phone: resident.phone }).expect(200);
    const soon = await t.http.post('/api/auth/resident/otp').send({ phone: resident.phone });
    expect(soon.status).toBe(429);
    expect(soon.body.details.retryAfterSeconds).toBeGreaterThan(0);
    const real = t.sms.lastCode(resident.phone);
    const wrong = real === '000000' ? '111111' : '000000';
    expect(
      (await t.http.post('/api/auth/resident/login').send({ phone: resident.phone, code: wrong }))
        .status,
    ).toBe(401);
    const sentBefore = t.sms.sent.length;
    const unknown = await t.http.post('/api/auth/resident/otp').send({ phone: '13700000000' });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({ sent: true, expiresInSeconds: 300, resendAfterSeconds: 60 });
    // A newcomer registers with that code (test/people/registration.spec.ts).
    expect(t.sms.sent.length).toBe(sentBefore + 1);
  });

  it('gives up on a code after too many wrong tries', async () => {
    const community = await t.given.community();
    const resident = await t.given.resident({ community });
    await t.http.post('/api/auth/resident/otp').send({ phone: resident.phone }).expect(200);
    const real = t.sms.lastCode(resident.phone);
    for (let i = 0; i < LOGIN_LIMITS.otpMaxAttempts; i++) {
      const guess = String((Number(real) + 1 + i) % 1_000_000).padStart(6, '0');
      await t.http
        .post('/api/auth/resident/login')
        .send({ phone: resident.phone, code: guess })
        .expect(401);
    }
    expect(
      (await t.http.post('/api/auth/resident/login').send({ phone: resident.phone, code: real }))
        .status,
    ).toBe(401);
  });
});
