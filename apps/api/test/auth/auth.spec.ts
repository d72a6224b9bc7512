import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../../src/auth/auth.service';
import { PASSWORD, type TestContext, createTestApp } from '../utils/app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

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
    const failed: { n: number }[] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login_failed'`,
    );
    expect(failed[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('locks the account after repeated failures, even against the right password, and says for how long', async () => {
    const staff = await t.given.staff('monitor');
    for (let i = 1; i < LOGIN_LIMITS.maxFailures; i++) {
      const r = await t.http
        .post('/api/auth/staff/login')
        .send({ username: staff.username, password: `wrong-${i}` });
      expect(r.status).toBe(401);
    }
    const last = await t.http
      .post('/api/auth/staff/login')
      .send({ username: staff.username, password: 'wrong-last' });
    expect(last.status).toBe(423);
    expect(last.body.code).toBe('ACCOUNT_LOCKED');
    expect(last.body.details.retryAfterSeconds).toBeGreaterThan(LOGIN_LIMITS.lockSeconds - 60);
    const right = await t.http
      .post('/api/auth/staff/login')
      .send({ username: staff.username, password: PASSWORD });
    expect(right.status).toBe(423);
    expect(right.headers['retry-after']).toMatch(/^\d+$/);
    // Once the lock has passed, the right password works and the counter starts again.
    await t.ds.query(
      `UPDATE staff_account SET locked_until = now() - interval '1 second' WHERE id = $1`,
      [staff.id],
    );
    const after = await t.http
      .post('/api/auth/staff/login')
      .send({ username: staff.username, password: PASSWORD });
    expect(after.status).toBe(200);
    const [row] = await t.ds.query('SELECT failed_attempts FROM staff_account WHERE id = $1', [
      staff.id,
    ]);
    expect(row.failed_attempts).toBe(0);
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

describe('tokens', () => {
  it('rotates the refresh token and refuses the old one, ending the session', async () => {
    const staff = await t.given.staff('bureau_admin');
    const login = await t.given.login(staff);
    const r1 = await t.http.post('/api/auth/refresh').send({ refreshToken: login.refreshToken });
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toBe(login.refreshToken);
    expect(
      (await t.http.get('/api/auth/me').set('Authorization', `Bearer ${r1.body.accessToken}`))
        .status,
    ).toBe(200);
    const reuse = await t.http.post('/api/auth/refresh').send({ refreshToken: login.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('TOKEN_INVALID');
    // Reuse of a rotated token means it may have leaked: the new tokens stop working too.
    expect(
      (await t.http.get('/api/auth/me').set('Authorization', `Bearer ${r1.body.accessToken}`))
        .status,
    ).toBe(401);
    expect(
      (await t.http.post('/api/auth/refresh').send({ refreshToken: r1.body.refreshToken })).status,
    ).toBe(401);
  });

  it('logout ends the session at once for access and refresh tokens', async () => {
    const staff = await t.given.staff('bureau_admin');
    const login = await t.given.login(staff);
    const auth = `Bearer ${login.accessToken}`;
    expect((await t.http.post('/api/auth/logout').set('Authorization', auth)).status).toBe(204);
    const me = await t.http.get('/api/auth/me').set('Authorization', auth);
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('TOKEN_INVALID');
    expect(
      (await t.http.post('/api/auth/refresh').send({ refreshToken: login.refreshToken })).status,
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

  it('refuses a wrong code, a second request within a minute, and answers unknown numbers alike', async () => {
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
    expect(t.sms.sent.length).toBe(sentBefore);
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
