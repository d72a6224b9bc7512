import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../../src/auth/auth.service';
import { ConfigError, loadConfig } from '../../src/config/config';
import { type TestContext, createTestApp } from '../utils/app';

/** The address the API recorded for the latest failed sign-in of `username`. */
async function recordedAddress(t: TestContext, username: string): Promise<string | null> {
  const rows: { ip: string | null }[] = await t.ds.query(
    `SELECT ip FROM audit_log WHERE action = 'auth.login_failed' AND detail->>'username' = $1
      ORDER BY id DESC LIMIT 1`,
    [username],
  );
  return rows[0]?.ip ?? null;
}

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env, '/srv/baitong');
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://u:p@db:5432/baitong',
  JWT_SECRET: 'x'.repeat(40),
  SMS_PROVIDER: 'webhook',
  SMS_WEBHOOK_URL: 'https://sms.example/send',
  SMS_WEBHOOK_TOKEN: 't',
};

describe('client address with the default (test) trust setting', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('ignores an X-Forwarded-For sent by the client in the audit log', async () => {
    const res = await t.http
      .post('/api/auth/staff/login')
      .set('X-Forwarded-For', '203.0.113.66')
      .send({ username: 'forger.one', password: 'whatever-1' });
    expect(res.status).toBe(401);
    const ip = await recordedAddress(t, 'forger.one');
    expect(ip).not.toBe('203.0.113.66');
    expect(ip).toMatch(/127\.0\.0\.1|::1/);
  });

  it('cannot dodge the per-address limit by naming a new address each time', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMITS.perIpPerMinute + 1; i++) {
      const res = await t.http
        .post('/api/auth/staff/login')
        .set('X-Forwarded-For', `203.0.113.${i + 1}`)
        .send({ username: `rotator${i}`, password: 'x-x-x-x' });
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('client address behind one trusted proxy hop (TRUST_PROXY=1, as deployed)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '1' });
  });
  afterAll(() => t.close());

  it('takes the address the proxy saw, not what the client put before it', async () => {
    // nginx overwrites the header; even a proxy that appends only adds its peer at the end.
    const res = await t.http
      .post('/api/auth/staff/login')
      .set('X-Forwarded-For', '203.0.113.66, 198.51.100.20')
      .send({ username: 'forger.two', password: 'whatever-2' });
    expect(res.status).toBe(401);
    expect(await recordedAddress(t, 'forger.two')).toBe('198.51.100.20');
  });

  it('throttles by that address whatever the client forges in front of it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMITS.perIpPerMinute + 1; i++) {
      const res = await t.http
        .post('/api/auth/staff/login')
        .set('X-Forwarded-For', `203.0.113.${i + 1}, 198.51.100.30`)
        .send({ username: `rotator${i}`, password: 'x-x-x-x' });
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);
    // Another client behind the same proxy is not affected.
    const other = await t.http
      .post('/api/auth/staff/login')
      .set('X-Forwarded-For', '198.51.100.31')
      .send({ username: 'someone', password: 'x-x-x-x' });
    expect(other.status).toBe(401);
  });
});

describe('TRUST_PROXY configuration', () => {
  it('trusts nobody by default, in development and in production', () => {
    expect(loadConfig({}, '/srv/baitong').trustProxy).toBe(false);
    expect(loadConfig(PRODUCTION, '/srv/baitong').trustProxy).toBe(false);
  });

  it('takes a hop count or the proxy addresses', () => {
    expect(loadConfig({ ...PRODUCTION, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...PRODUCTION, TRUST_PROXY: '10.0.0.5, fd00::7' }).trustProxy).toEqual([
      '10.0.0.5',
      'fd00::7',
    ]);
    expect(loadConfig({ ...PRODUCTION, TRUST_PROXY: '172.18.0.0/24' }).trustProxy).toEqual([
      '172.18.0.0/24',
    ]);
  });

  it('refuses trusting every hop, anywhere, and whole networks in production', () => {
    expect(problems({ TRUST_PROXY: 'true' })).toEqual([
      expect.stringMatching(/^TRUST_PROXY=true trusts any X-Forwarded-For/),
    ]);
    expect(problems({ ...PRODUCTION, TRUST_PROXY: 'uniquelocal' })).toEqual([
      expect.stringMatching(/^TRUST_PROXY "uniquelocal" trusts whole networks as proxies/),
    ]);
    expect(problems({ ...PRODUCTION, TRUST_PROXY: '10.0.0.0/8' })).toEqual([
      expect.stringMatching(/^TRUST_PROXY "10.0.0.0\/8" trusts whole networks/),
    ]);
    expect(problems({ TRUST_PROXY: 'uniquelocal' })).toEqual([]);
    expect(problems({ TRUST_PROXY: 'my-proxy' })).toEqual([
      expect.stringMatching(/^TRUST_PROXY must be false, a hop count, or proxy addresses/),
    ]);
    expect(problems({ TRUST_PROXY: '9' })).toEqual([
      expect.stringMatching(/^TRUST_PROXY hop count must be 0 to 5/),
    ]);
  });

  it('keeps refresh cookies Secure in production and sets the session lifetimes', () => {
    expect(problems({ ...PRODUCTION, COOKIE_SECURE: 'false' })).toEqual([
      expect.stringMatching(/^COOKIE_SECURE cannot be false in production/),
    ]);
    const prod = loadConfig(PRODUCTION);
    expect(prod.cookieSecure).toBe(true);
    expect(prod.sessionMaxAgeSeconds).toEqual({ staff: 12 * 3600, resident: 30 * 86_400 });
    expect(loadConfig({}).cookieSecure).toBe(false);
    expect(problems({ SESSION_MAX_AGE_STAFF: 'forever' })).toEqual([
      expect.stringMatching(/^SESSION_MAX_AGE_STAFF must be a whole number/),
    ]);
  });
});
