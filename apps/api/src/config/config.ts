import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { LOGIN_THROTTLE } from '../auth/login-throttle';

export type AppMode = 'development' | 'production' | 'test';

export interface AppConfig {
  mode: AppMode;
  port: number;
  /** Unset: the API starts an embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPgPort: number;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  /** Idle lifetime: a refresh token unused this long stops working. */
  refreshTokenTtlSeconds: number;
  /** Absolute lifetime of a session from sign-in, however often it is refreshed. */
  sessionMaxAgeSeconds: { staff: number; resident: number };
  /** `Secure` on the refresh cookies; always on in production. */
  cookieSecure: boolean;
  demoPassword: string;
  /**
   * Express `trust proxy`: which proxies may tell us the client address (for throttling and the
   * audit log). `false`: nobody, the peer is the client; a number: that many proxy hops; a list:
   * those proxy addresses or subnets.
   */
  trustProxy: TrustProxy;
  /** Run scheduled jobs (overdue scan) in this process; several processes may all run them. */
  runJobs: boolean;
  /**
   * Sign-in attempts per client address per minute, whatever the account. An office whose staff
   * share one NAT address needs more than a single user does.
   */
  loginPerAddressPerMinute: number;
  /** Load demo data into an empty database (never in production). */
  seedDemo: boolean;
  /**
   * Open311 GeoReport v2 (docs/OPEN311.md): the `jurisdiction_id` that names this district (one
   * deployment may serve several later) and the contact shown in discovery.
   */
  open311: { jurisdictionId: string; contact: string };
  sms: { provider: 'log' } | { provider: 'webhook'; url: string; token: string };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Follow-ups (回访): all in working days of the SLA calendar unless said otherwise. */
  followUps: FollowUpConfig;
  /** The choices in the metric rules where practice differs (docs/METRICS.md). */
  metrics: MetricsConfig;
  /** Folders with the built front ends; served when present. */
  consoleDist: string | null;
  residentDist: string | null;
}

export type TrustProxy = false | number | string[];

export interface FollowUpConfig {
  /** A follow-up is due this many working days after the resolution. */
  dueWorkingDays: number;
  /** Tries before a resident counts as unreachable, and the working days between them. */
  maxTries: number;
  retryWorkingDays: number;
  /** The rework deadline of a case a follow-up reopened (差评整改). */
  reworkWorkingDays: number;
  /** Calendar days after which a resolved case whose category needs no follow-up closes. */
  quietDays: number;
  /** Calendar days after which a resident who has not rated is invited to (邀评). */
  inviteAfterDays: number;
  /** Days residents have to evaluate a completed council project before its result is taken. */
  evaluationDays: number;
  /** The reopening that escalates a case to the street (提级督办). */
  escalateAtReopen: number;
}

export interface MetricsConfig {
  /** Count a reached follow-up without a satisfaction level as satisfied (some cities do). */
  unratedAsSatisfied: boolean;
  /** Shanghai wall-clock time (HH:MM) from which a handled case is evening service. */
  eveningFrom: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const DEV_JWT_SECRET = 'baitong-development-secret-not-for-production';

function int(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return Number(raw);
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrSubnet(v: string): boolean {
  const [addr, prefix, extra] = v.split('/');
  if (extra !== undefined || !addr) return false;
  const family = isIP(addr);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Trust exactly the proxy in front of us. `true` would take the client's own X-Forwarded-For;
 * `uniquelocal`/`linklocal` (or a subnet wider than /24) trust every intranet address as a proxy, so any
 * intranet client could name itself anyone, dodge the per-address sign-in limits and forge the
 * audit log. Those are refused in production; elsewhere they are allowed for local experiments.
 */
function trustProxy(raw: string | undefined, mode: AppMode, problems: string[]): TrustProxy {
  const v = (raw ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (/^\d+$/.test(v)) {
    if (Number(v) > 5) problems.push(`TRUST_PROXY hop count must be 0 to 5 (got "${v}")`);
    return Number(v);
  }
  if (v === 'true') {
    problems.push(
      'TRUST_PROXY=true trusts any X-Forwarded-For a client sends; give the hop count (1) or the proxy address',
    );
    return false;
  }
  const parts = v.split(',').map((p) => p.trim());
  const bad = parts.filter((p) => !PROXY_NAMES.includes(p) && !isAddressOrSubnet(p));
  if (bad.length > 0) {
    problems.push(
      `TRUST_PROXY must be false, a hop count, or proxy addresses/subnets (got "${bad.join(', ')}")`,
    );
    return false;
  }
  const broad = parts.filter(
    (p) => p === 'uniquelocal' || p === 'linklocal' || (p.includes('/') && isBroad(p)),
  );
  if (mode === 'production' && broad.length > 0) {
    problems.push(
      `TRUST_PROXY "${broad.join(', ')}" trusts whole networks as proxies in production; give the hop count (1) or the proxy's own address`,
    );
  }
  return parts;
}

function isBroad(subnet: string): boolean {
  const [addr, prefix] = subnet.split('/');
  return isIP(addr!) === 4 ? Number(prefix) < 24 : Number(prefix) < 64;
}

/** Reads and validates the environment once at start; every bad value is named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];
  const modeRaw = env.NODE_ENV ?? 'development';
  const modes: AppMode[] = ['development', 'production', 'test'];
  if (!modes.includes(modeRaw as AppMode)) {
    problems.push(`NODE_ENV must be one of ${modes.join(', ')} (got "${modeRaw}")`);
  }
  const mode = modes.includes(modeRaw as AppMode) ? (modeRaw as AppMode) : 'development';

  const port = int(env, 'PORT', 3000, 1, 65535, problems);
  const embeddedPgPort = int(env, 'EMBEDDED_PG_PORT', 5433, 1, 65535, problems);

  let databaseUrl: string | null = env.DATABASE_URL?.trim() || null;
  if (databaseUrl !== null) {
    try {
      const u = new URL(databaseUrl);
      if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
        problems.push(
          `DATABASE_URL must start with postgres:// or postgresql:// (got "${u.protocol}")`,
        );
      }
    } catch {
      problems.push(
        'DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database)',
      );
      databaseUrl = null;
    }
  } else if (mode === 'production') {
    problems.push(
      'DATABASE_URL is required in production (the embedded database is for development)',
    );
  }

  const dataDir = resolve(cwd, env.DATA_DIR?.trim() || '.data');

  let jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret === '') {
    if (mode === 'production') problems.push('JWT_SECRET is required in production');
    jwtSecret = DEV_JWT_SECRET;
  } else if (jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters long');
  }

  const loginPerAddressPerMinute = int(
    env,
    'LOGIN_PER_ADDRESS_PER_MINUTE',
    LOGIN_THROTTLE.perAddressPerMinute,
    1,
    100_000,
    problems,
  );
  const accessTokenTtlSeconds = int(env, 'ACCESS_TOKEN_TTL', 900, 30, 86_400, problems);
  const refreshTokenTtlSeconds = int(
    env,
    'REFRESH_TOKEN_TTL',
    30 * 86_400,
    60,
    365 * 86_400,
    problems,
  );

  const sessionMaxAgeSeconds = {
    staff: int(env, 'SESSION_MAX_AGE_STAFF', 12 * 3600, 300, 30 * 86_400, problems),
    resident: int(env, 'SESSION_MAX_AGE_RESIDENT', 30 * 86_400, 300, 365 * 86_400, problems),
  };

  const cookieSecureRaw = env.COOKIE_SECURE ?? (mode === 'production' ? 'true' : 'false');
  if (!['true', 'false'].includes(cookieSecureRaw))
    problems.push(`COOKIE_SECURE must be true or false (got "${cookieSecureRaw}")`);
  if (cookieSecureRaw === 'false' && mode === 'production')
    problems.push('COOKIE_SECURE cannot be false in production (refresh cookies need HTTPS)');

  const demoPassword = env.DEMO_PASSWORD || 'baitong-demo';
  if (demoPassword.length < 8) problems.push('DEMO_PASSWORD must be at least 8 characters long');

  const seedRaw = env.SEED_DEMO ?? (mode === 'production' ? 'false' : 'true');
  if (!['true', 'false'].includes(seedRaw))
    problems.push(`SEED_DEMO must be true or false (got "${seedRaw}")`);
  if (seedRaw === 'true' && mode === 'production')
    problems.push('SEED_DEMO cannot be true in production');

  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
  const logLevelRaw = env.LOG_LEVEL ?? (mode === 'test' ? 'silent' : 'info');
  if (!(levels as readonly string[]).includes(logLevelRaw)) {
    problems.push(`LOG_LEVEL must be one of ${levels.join(', ')} (got "${logLevelRaw}")`);
  }

  if (env.RUN_JOBS !== undefined && !['true', 'false'].includes(env.RUN_JOBS))
    problems.push(`RUN_JOBS must be true or false (got "${env.RUN_JOBS}")`);

  const smsProvider = env.SMS_PROVIDER ?? (mode === 'production' ? 'webhook' : 'log');
  let sms: AppConfig['sms'] = { provider: 'log' };
  if (smsProvider === 'log') {
    // The logging provider prints one-time codes: never acceptable with real residents.
    if (mode === 'production')
      problems.push('SMS_PROVIDER=log is not allowed in production (use webhook)');
  } else if (smsProvider === 'webhook') {
    const url = env.SMS_WEBHOOK_URL ?? '';
    if (!/^https?:\/\//.test(url))
      problems.push('SMS_WEBHOOK_URL must be an http(s) URL when SMS_PROVIDER=webhook');
    if (!env.SMS_WEBHOOK_TOKEN)
      problems.push('SMS_WEBHOOK_TOKEN is required when SMS_PROVIDER=webhook');
    sms = { provider: 'webhook', url, token: env.SMS_WEBHOOK_TOKEN ?? '' };
  } else {
    problems.push(`SMS_PROVIDER must be log or webhook (got "${smsProvider}")`);
  }

  const trust = trustProxy(env.TRUST_PROXY, mode, problems);

  const followUps: FollowUpConfig = {
    dueWorkingDays: int(env, 'FOLLOW_UP_DUE_WORKING_DAYS', 3, 1, 60, problems),
    maxTries: int(env, 'FOLLOW_UP_MAX_TRIES', 3, 1, 10, problems),
    retryWorkingDays: int(env, 'FOLLOW_UP_RETRY_WORKING_DAYS', 1, 1, 30, problems),
    reworkWorkingDays: int(env, 'FOLLOW_UP_REWORK_WORKING_DAYS', 5, 1, 60, problems),
    quietDays: int(env, 'FOLLOW_UP_QUIET_DAYS', 7, 1, 90, problems),
    inviteAfterDays: int(env, 'FOLLOW_UP_INVITE_AFTER_DAYS', 2, 1, 30, problems),
    evaluationDays: int(env, 'FOLLOW_UP_EVALUATION_DAYS', 14, 1, 90, problems),
    escalateAtReopen: int(env, 'FOLLOW_UP_ESCALATE_AT_REOPEN', 3, 1, 20, problems),
  };

  const unratedRaw = env.METRICS_UNRATED_AS_SATISFIED ?? 'false';
  if (!['true', 'false'].includes(unratedRaw))
    problems.push(`METRICS_UNRATED_AS_SATISFIED must be true or false (got "${unratedRaw}")`);
  const eveningFrom = env.METRICS_EVENING_FROM ?? '17:30';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(eveningFrom))
    problems.push(`METRICS_EVENING_FROM must be a time HH:MM (got "${eveningFrom}")`);
  const metrics: MetricsConfig = { unratedAsSatisfied: unratedRaw === 'true', eveningFrom };

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    mode,
    port,
    databaseUrl,
    dataDir,
    embeddedPgPort,
    jwtSecret,
    accessTokenTtlSeconds,
    refreshTokenTtlSeconds,
    sessionMaxAgeSeconds,
    cookieSecure: cookieSecureRaw !== 'false',
    demoPassword,
    seedDemo: seedRaw === 'true',
    open311: {
      jurisdictionId: env.OPEN311_JURISDICTION_ID?.trim() || 'liangjiang.cq.cn',
      contact:
        env.OPEN311_CONTACT?.trim() ||
        '两江新区社会保障局 Liangjiang New Area Social Security Bureau, 023-12345',
    },
    trustProxy: trust,
    loginPerAddressPerMinute,
    runJobs: (env.RUN_JOBS ?? (mode === 'test' ? 'false' : 'true')) === 'true',
    sms,
    logLevel: logLevelRaw as AppConfig['logLevel'],
    followUps,
    metrics,
    consoleDist: env.CONSOLE_DIST ?? resolve(__dirname, '../../../console/dist'),
    residentDist: env.RESIDENT_DIST ?? resolve(__dirname, '../../../resident/dist'),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
