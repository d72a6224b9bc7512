// 5. Metrics at city scale: 5,000 communities and 5,000,000 cases. The district table for a
// year read through the roll-ups, against GET /health/live; a full roll-up rebuild against one
// grouped sequential pass over the cases; intake with the roll-up marking triggers on and off.
import { performance } from 'node:perf_hooks';
import { CpuMeter } from './cpu.mjs';
import { HttpClient, scaled, summary } from './harness.mjs';
import { apiIntake } from './intake.mjs';
import { LOAD_SQL } from './queue.mjs';
import { dist } from './setup.mjs';

const COMMUNITIES = scaled(5_000, 500);
const CASES = scaled(5_000_000, 500_000);
const WARM_UP = scaled(3, 1);
const COUNT = scaled(30, 5);
// The API's defaults (METRICS_EVENING_FROM, METRICS_UNRATED_AS_SATISFIED): the fingerprint the
// API reads must be the one the bench builds.
const SETTINGS = { eveningFrom: '17:30', unratedAsSatisfied: false };
const PREFIX = 'BENCH-M';

/** 5,000 communities of one street, each with a compound and a desk. */
async function createCityOrg(sql, streetId) {
  const { DEFAULT_WEEKLY_HOURS } = dist('org/opening-hours.js');
  await sql.query(
    `WITH c AS (
       INSERT INTO community (street_id, code, name, name_en, households, registered_residents, lat, lng)
       SELECT $1, '${PREFIX}' || lpad(i::text, 5, '0'), '压测城市社区' || i, 'City community ' || i,
              3000, 7500, 29.6, 106.5
         FROM generate_series(1, $2::int) i
       RETURNING id, code)
     INSERT INTO compound (community_id, name, name_en, households, lat, lng)
     SELECT id, '压测小区' || code, 'City compound ' || code, 500, 29.6, 106.5 FROM c`,
    [streetId, COMMUNITIES],
  );
  await sql.query(
    `INSERT INTO desk (community_id, compound_id, name, name_en, lat, lng, area_sqm, weekly_hours)
     SELECT c.id, NULL, '压测百通岗' || c.code, 'City desk ' || c.code, 29.6, 106.5, 60, $1
       FROM community c WHERE c.code LIKE '${PREFIX}%'`,
    [JSON.stringify(DEFAULT_WEEKLY_HOURS)],
  );
}

/**
 * The queue benchmark's generator (same statuses, spread over the past year), over the city's
 * communities, loaded the same way: secondary indexes rebuilt after, triggers skipped for the one
 * statement — so the roll-ups are built afterwards by a rebuild, which is what is timed.
 */
async function loadCityCases(sql) {
  const load = LOAD_SQL.replaceAll("'BENCH-Q%'", `'${PREFIX}%'`).replace(
    "SELECT 'BENCH-' || g",
    "SELECT 'BENCH-M-' || g",
  );
  const indexes = (
    await sql.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename = 'service_case'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`,
    )
  ).rows;
  const t = performance.now();
  await sql.query('BEGIN');
  try {
    for (const i of indexes) await sql.query(`DROP INDEX "${i.indexname}"`);
    await sql.query('SET LOCAL session_replication_role = replica');
    await sql.query('SELECT setseed(0.20261207)');
    await sql.query(load, [CASES]);
    await sql.query("SET LOCAL maintenance_work_mem = '256MB'");
    await sql.query('SET LOCAL session_replication_role = origin');
    for (const i of indexes) await sql.query(i.indexdef);
    await sql.query('COMMIT');
  } catch (err) {
    await sql.query('ROLLBACK');
    throw err;
  }
  const seconds = (performance.now() - t) / 1000;
  await sql.query('VACUUM (ANALYZE) service_case');
  const total = (await sql.query('SELECT count(*)::int AS n FROM service_case')).rows[0].n;
  return { seconds, total };
}

/** The roll-up repository of the built API on its own TypeORM data source. */
async function rollupRepository(url) {
  const { createDataSource } = dist('database/data-source.js');
  const { MetricRollupRepository } = dist('metrics/metric-rollup.repository.js');
  const ds = createDataSource(url);
  await ds.initialize();
  return { repo: new MetricRollupRepository(ds), close: () => ds.destroy() };
}

/** The metric-marking triggers of migration 1796500250000, on or off. */
async function markingTriggers(sql, enabled) {
  const triggers = (
    await sql.query(
      `SELECT g.tgname, c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
        WHERE g.tgname LIKE 'metric_mark_%'`,
    )
  ).rows;
  for (const t of triggers)
    await sql.query(
      `ALTER TABLE "${t.relname}" ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER "${t.tgname}"`,
    );
  return triggers.length;
}

async function bureauStaff(sql, passwordHash) {
  await sql.query(
    `INSERT INTO staff_account (username, password_hash, display_name, role, scope_level)
     VALUES ('bench.bureau', $1, '压测区民政局', 'bureau_admin', 'district')`,
    [passwordHash],
  );
  return 'bench.bureau';
}

export async function metricsBench({ sql, url, api, org, passwordHash, meter, login, http, say }) {
  await createCityOrg(sql, org.streetId);
  const loaded = await loadCityCases(sql);
  say(
    `   loaded ${COMMUNITIES} communities and ${CASES.toLocaleString('en-US')} cases in ${loaded.seconds.toFixed(1)} s (${loaded.total.toLocaleString('en-US')} cases in all)`,
  );

  // Full rebuild against one grouped pass over the same table.
  let t = performance.now();
  await sql.query(
    `SELECT community_id, (resolved_at AT TIME ZONE 'Asia/Shanghai')::date AS day, count(*)
       FROM service_case GROUP BY 1, 2`,
  );
  const scanSeconds = (performance.now() - t) / 1000;
  const { repo, close } = await rollupRepository(url);
  let rebuildSeconds;
  let rollupRows;
  try {
    t = performance.now();
    await repo.rebuild(SETTINGS);
    rebuildSeconds = (performance.now() - t) / 1000;
    rollupRows = (await sql.query('SELECT count(*)::int AS n FROM metric_rollup')).rows[0].n;
  } finally {
    await close();
  }
  await sql.query('VACUUM (ANALYZE) metric_rollup');

  // Intake with the marking triggers off, then on (twice each, alternating; the best of each).
  const off = [];
  const on = [];
  for (const round of [0, 1]) {
    await markingTriggers(sql, false);
    off.push(await apiIntake(api.port, org.token, org.categoryId, meter));
    const n = await markingTriggers(sql, true);
    on.push(await apiIntake(api.port, org.token, org.categoryId, meter));
    if (round === 0) say(`   ${n} marking triggers switched off and on between intake runs`);
  }
  const best = (runs) => runs.reduce((a, b) => (b.rps > a.rps ? b : a));

  // The district table for the current year as the bureau, alternating with /health/live.
  const bureau = await login(http, await bureauStaff(sql, passwordHash));
  const year = new Date().toISOString().slice(0, 4);
  const path = `/api/metrics/communities?from=${year}-01-01&to=${year}-12-31`;
  const client = new HttpClient(api.port, 1);
  const reads = [];
  const health = [];
  let rows = 0;
  let bytes = 0;
  let before = meter.snapshot();
  try {
    for (let i = 0; i < WARM_UP + COUNT; i++) {
      const res = await client.request('GET', path, { token: bureau.token, timeoutMs: 120_000 });
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${res.text}`);
      const h = await client.request('GET', '/health/live');
      if (i < WARM_UP) {
        before = meter.snapshot();
        continue;
      }
      reads.push(res.ended - res.started);
      health.push(h.ended - h.started);
      rows = JSON.parse(res.text).items.length;
      bytes = res.text.length;
    }
  } finally {
    client.close();
  }
  return {
    communities: COMMUNITIES,
    cases: loaded.total,
    rebuildSeconds,
    scanSeconds,
    rollupRows,
    intakeOff: best(off),
    intakeOn: best(on),
    path,
    rows,
    bytes,
    reads: summary(reads),
    health: summary(health),
    cpu: CpuMeter.cores(before, meter.snapshot()),
  };
}

export const metricsCounts = { COMMUNITIES, CASES, WARM_UP, COUNT };
