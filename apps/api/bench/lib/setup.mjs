// The system under test: an embedded PostgreSQL in a temp folder, the migrations, the built API
// as a child process (its own event loop) and the few rows every benchmark needs.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { HttpClient, freePort, onCleanup, onExit, sleep } from './harness.mjs';

export const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(apiDir, 'package.json'));

/** A module of the built API (CommonJS in dist/); `pnpm bench` builds it first. */
export function dist(path) {
  const file = join(apiDir, 'dist', path);
  if (!existsSync(file))
    throw new Error(`${file} is missing: build the API first (pnpm bench does)`);
  return require(file);
}

export const PASSWORD = 'bench-password-1';

/** Starts PostgreSQL in a fresh temp folder and migrates it; stopped and deleted on every exit. */
export async function startDatabase() {
  require('reflect-metadata');
  const dir = mkdtempSync(join(tmpdir(), 'baitong-bench-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  onCleanup(removeDir);
  // Last resort if the process ends without the asynchronous clean-up (e.g. process.exit):
  // stop the postmaster named in its pid file, then delete the folder.
  onExit(() => {
    const pidFile = join(dir, 'pg', 'postmaster.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (pid > 0) process.kill(pid, 'SIGQUIT');
    }
    removeDir();
  });
  const port = await freePort();
  const log = [];
  const { startEmbeddedPostgres } = dist('database/embedded.js');
  const db = await startEmbeddedPostgres({
    dataDir: dir,
    port,
    database: 'baitong_bench',
    log: (line) => {
      log.push(line);
      if (log.length > 200) log.shift();
    },
  });
  onCleanup(() => db.stop());
  const { runMigrations } = dist('database/migrate.js');
  const applied = await runMigrations(db.url);
  return { url: db.url, dir, port, applied, log };
}

/** Starts `node dist/main.js` against the bench database and waits until it is ready. */
export async function startApi(url, dir) {
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: url,
    PORT: String(port),
    NODE_ENV: 'development',
    SEED_DEMO: 'false',
    RUN_JOBS: 'false',
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(30).toString('base64url'), // 40 characters
    ACCESS_TOKEN_TTL: '3600',
    SMS_PROVIDER: 'log',
    DATA_DIR: join(dir, 'api-data'),
    CONSOLE_DIST: '',
    RESIDENT_DIST: '',
  };
  // e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the API under load
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(apiDir, 'dist', 'main.js')], {
    cwd: apiDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = [];
  const keep = (chunk) => {
    for (const line of String(chunk).split('\n')) {
      if (!line.trim()) continue;
      tail.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
      if (tail.length > 40) tail.shift();
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exit = null;
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    }),
  );
  onExit(() => {
    if (!exit) child.kill('SIGKILL');
  });
  onCleanup(async () => {
    if (exit) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  });

  const http = new HttpClient(port, 1);
  const deadline = performance.now() + 90_000;
  try {
    for (;;) {
      if (exit)
        throw new Error(
          `the API exited (code ${exit.code}, signal ${exit.signal}) before it was ready:\n${tail.join('\n')}`,
        );
      const res = await http
        .request('GET', '/health/ready', { timeoutMs: 2_000 })
        .catch(() => null);
      if (res?.status === 200) break;
      if (performance.now() > deadline)
        throw new Error(`the API was not ready within 90 s:\n${tail.join('\n')}`);
      await sleep(200);
    }
  } finally {
    http.close();
  }
  return { port, pid: child.pid, tail, isRunning: () => !exit };
}

export async function connect(url) {
  const client = new pg.Client({ connectionString: url });
  // A dropped connection fails the query in flight; the event itself needs no handling.
  client.on('error', () => undefined);
  await client.connect();
  onCleanup(() => client.end());
  return client;
}

/** One street, one community with a compound and an office desk, a category and a desk_staff. */
export async function createIntakeOrg(sql, passwordHash) {
  const { DEFAULT_WEEKLY_HOURS } = dist('org/opening-hours.js');
  const one = async (text, params) => (await sql.query(text, params)).rows[0];
  const street = await one(
    `INSERT INTO street (code, name, name_en) VALUES ('BENCH', '压测街道', 'Bench street') RETURNING id`,
  );
  const community = await one(
    `INSERT INTO community (street_id, code, name, name_en, households, registered_residents, lat, lng)
     VALUES ($1, 'BENCH-C0', '压测社区', 'Bench community', 3000, 7500, 29.6, 106.5) RETURNING id`,
    [street.id],
  );
  const compound = await one(
    `INSERT INTO compound (community_id, name, name_en, households, lat, lng)
     VALUES ($1, '压测小区', 'Bench compound', 500, 29.6, 106.5) RETURNING id`,
    [community.id],
  );
  const desk = await one(
    `INSERT INTO desk (community_id, compound_id, name, name_en, lat, lng, area_sqm, weekly_hours)
     VALUES ($1, NULL, '压测百通岗', 'Bench desk', 29.6, 106.5, 60, $2) RETURNING id`,
    [community.id, JSON.stringify(DEFAULT_WEEKLY_HOURS)],
  );
  const category = await one(
    `INSERT INTO category (kind, code, name_zh, name_en, accept_within_minutes, resolve_within_value, resolve_within_unit)
     VALUES ('concern', 'bench_intake', '压测类别', 'Bench category', 30, 24, 'open_hours') RETURNING id`,
  );
  const staff = await createDeskStaff(sql, passwordHash, 'bench.desk', community.id, desk.id);
  return {
    streetId: street.id,
    communityId: community.id,
    compoundId: compound.id,
    deskId: desk.id,
    categoryId: category.id,
    username: staff.username,
  };
}

export async function createDeskStaff(sql, passwordHash, username, communityId, deskId) {
  await sql.query(
    `INSERT INTO staff_account (username, password_hash, display_name, role, scope_level, community_id, desk_id)
     VALUES ($1, $2, '压测岗员', 'desk_staff', 'community', $3, $4)`,
    [username, passwordHash, communityId, deskId],
  );
  return { username };
}

/** Signs in through the real endpoint; returns the access token and the actor it stands for. */
export async function login(http, username) {
  const res = await http.json('POST', '/api/auth/staff/login', {
    body: { username, password: PASSWORD },
  });
  if (res.status !== 200 || !res.data?.accessToken)
    throw new Error(`login of ${username} failed: ${res.status} ${res.text.slice(0, 300)}`);
  const token = res.data.accessToken;
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
  const { actorFromClaims } = dist('auth/actor.js');
  return { token, actor: actorFromClaims(claims) };
}
