import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env, '/srv/baitong');
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}

describe('configuration', () => {
  it('has working defaults for development: embedded database, port 3000, .data', () => {
    const c = loadConfig({}, '/srv/baitong');
    expect(c).toMatchObject({
      mode: 'development',
      port: 3000,
      databaseUrl: null,
      dataDir: '/srv/baitong/.data',
      seedDemo: true,
      demoPassword: 'baitong-demo',
    });
    expect(c.sms.provider).toBe('log');
  });

  it('limits sign-ins per address to 30 a minute unless told otherwise, and refuses nonsense', () => {
    expect(loadConfig({}, '/srv/baitong').loginPerAddressPerMinute).toBe(30);
    expect(
      loadConfig({ LOGIN_PER_ADDRESS_PER_MINUTE: '300' }, '/srv/baitong').loginPerAddressPerMinute,
    ).toBe(300);
    expect(problems({ LOGIN_PER_ADDRESS_PER_MINUTE: '0' })).toEqual([
      expect.stringMatching(/^LOGIN_PER_ADDRESS_PER_MINUTE must be a whole number from 1 to/),
    ]);
  });

  it('counts unrated follow-ups as unrated and the evening from 17:30 unless told otherwise', () => {
    expect(loadConfig({}, '/srv/baitong').metrics).toEqual({
      unratedAsSatisfied: false,
      eveningFrom: '17:30',
    });
    expect(
      loadConfig(
        { METRICS_UNRATED_AS_SATISFIED: 'true', METRICS_EVENING_FROM: '18:00' },
        '/srv/baitong',
      ).metrics,
    ).toEqual({ unratedAsSatisfied: true, eveningFrom: '18:00' });
    expect(problems({ METRICS_UNRATED_AS_SATISFIED: 'yes', METRICS_EVENING_FROM: '5pm' })).toEqual([
      'METRICS_UNRATED_AS_SATISFIED must be true or false (got "yes")',
      'METRICS_EVENING_FROM must be a time HH:MM (got "5pm")',
    ]);
    expect(problems({ METRICS_EVENING_FROM: '24:00' })).toHaveLength(1);
  });

  it('names every bad value with what it expects', () => {
    const p = problems({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      NODE_ENV: 'staging',
      JWT_SECRET: 'short',
      LOG_LEVEL: 'loud',
      SMS_PROVIDER: 'pigeon',
    });
    expect(p).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT must be a whole number from 1 to 65535 \(got "eighty"\)/),
        expect.stringMatching(/^DATABASE_URL must start with postgres:\/\//),
        expect.stringMatching(/^NODE_ENV must be one of/),
        expect.stringMatching(/^JWT_SECRET must be at least 32 characters/),
        expect.stringMatching(/^LOG_LEVEL must be one of/),
        expect.stringMatching(/^SMS_PROVIDER must be log or webhook/),
      ]),
    );
  });

  it('refuses production without a database, a secret and a real SMS gateway, and never seeds demo data there', () => {
    const p = problems({ NODE_ENV: 'production', SEED_DEMO: 'true', SMS_PROVIDER: 'log' });
    expect(p).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/DATABASE_URL is required in production/),
        expect.stringMatching(/JWT_SECRET is required in production/),
        expect.stringMatching(/SMS_PROVIDER=log is not allowed in production/),
        expect.stringMatching(/SEED_DEMO cannot be true in production/),
      ]),
    );
    const ok = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@db:5432/baitong',
      JWT_SECRET: 'x'.repeat(40),
      SMS_PROVIDER: 'webhook',
      SMS_WEBHOOK_URL: 'https://sms.example/send',
      SMS_WEBHOOK_TOKEN: 't',
    });
    expect(ok.seedDemo).toBe(false);
  });
});
