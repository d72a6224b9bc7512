// 3. Queue read with 1,000,000 cases: GET /api/cases as a desk shows its queue, against
// GET /health/live measured alternately on the same connection.
import { performance } from 'node:perf_hooks';
import { CpuMeter } from './cpu.mjs';
import { HttpClient, scaled, summary } from './harness.mjs';
import { createDeskStaff, dist, login } from './setup.mjs';

const CASES = scaled(1_000_000, 100_000);
const DESKS = 50;
const WARM_UP = scaled(50, 10);
const COUNT = scaled(300, 30);
export const OPEN = ['submitted', 'accepted', 'in_progress', 'waiting_resident'];
const QUERY = `status=${OPEN.join(',')}&sort=due&pageSize=50`;

/** 50 communities (one compound and one office desk each) and one category per kind. */
export async function createQueueOrg(sql, streetId) {
  const { DEFAULT_WEEKLY_HOURS } = dist('org/opening-hours.js');
  await sql.query(
    `WITH c AS (
       INSERT INTO community (street_id, code, name, name_en, households, registered_residents, lat, lng)
       SELECT $1, 'BENCH-Q' || lpad(i::text, 2, '0'), '压测社区' || i, 'Bench community ' || i, 3000, 7500, 29.6, 106.5
         FROM generate_series(1, $2::int) i
       RETURNING id, code)
     INSERT INTO compound (community_id, name, name_en, households, lat, lng)
     SELECT id, '压测小区' || code, 'Bench compound ' || code, 500, 29.6, 106.5 FROM c`,
    [streetId, DESKS],
  );
  await sql.query(
    `INSERT INTO desk (community_id, compound_id, name, name_en, lat, lng, area_sqm, weekly_hours)
     SELECT c.id, NULL, '压测百通岗' || c.code, 'Bench desk ' || c.code, 29.6, 106.5, 60, $1
       FROM community c WHERE c.code LIKE 'BENCH-Q%'`,
    [JSON.stringify(DEFAULT_WEEKLY_HOURS)],
  );
  await sql.query(
    `INSERT INTO category (kind, code, name_zh, name_en, accept_within_minutes, resolve_within_value, resolve_within_unit)
     VALUES ('affair', 'bench_q_affair', '压测办事', 'Bench affair', 30, 3, 'working_days'),
            ('inquiry', 'bench_q_inquiry', '压测咨询', 'Bench inquiry', 30, 8, 'open_hours'),
            ('concern', 'bench_q_concern', '压测诉求', 'Bench concern', 30, 24, 'open_hours'),
            ('dispute', 'bench_q_dispute', '压测纠纷', 'Bench dispute', 60, 5, 'working_days')`,
  );
}

/**
 * One INSERT … SELECT over generate_series: cases spread evenly over the 50 desks, submitted over
 * the past year; 1.5 % still open (submitted in the last 10 days: about 300 per desk), the rest
 * closed (88 %), resolved (7.5 %) or rejected (2.5 %). Walk-ins only (resident_id NULL).
 */
export const LOAD_SQL = `
WITH d AS (
  SELECT array_agg(k.id ORDER BY c.code) AS desks, array_agg(c.id ORDER BY c.code) AS comms,
         array_agg(x.id ORDER BY c.code) AS compounds, count(*)::int AS n
    FROM desk k JOIN community c ON c.id = k.community_id JOIN compound x ON x.community_id = c.id
   WHERE c.code LIKE 'BENCH-Q%'),
cat AS (
  SELECT array_agg(id ORDER BY code) AS ids, array_agg(kind ORDER BY code) AS kinds,
         array_agg(accept_within_minutes ORDER BY code) AS accept_min
    FROM category WHERE code LIKE 'bench_q_%'),
s AS (
  SELECT g, random() AS u, random() AS v, random() AS w, random() AS z
    FROM generate_series(1, $1::int) g),
t AS (
  SELECT s.*, d.desks[1 + g % d.n] AS desk_id, d.comms[1 + g % d.n] AS community_id,
         d.compounds[1 + g % d.n] AS compound_id,
         cat.ids[1 + (g / 7) % 4] AS category_id, cat.kinds[1 + (g / 7) % 4] AS kind,
         cat.accept_min[1 + (g / 7) % 4] AS accept_min,
         CASE WHEN u < 0.015 THEN
                CASE WHEN v < 0.30 THEN 'submitted' WHEN v < 0.55 THEN 'accepted'
                     WHEN v < 0.90 THEN 'in_progress' ELSE 'waiting_resident' END
              WHEN u < 0.040 THEN 'rejected'
              WHEN u < 0.115 THEN 'resolved'
              ELSE 'closed' END AS status,
         CASE WHEN u < 0.015 THEN now() - w * interval '10 days'
              ELSE now() - interval '10 days' - w * interval '355 days' END AS submitted_at
    FROM s, d, cat),
f AS (
  SELECT t.*,
         CASE WHEN status NOT IN ('submitted', 'rejected')
              THEN submitted_at + (5 + z * 40) * interval '1 minute' END AS accepted_at,
         CASE WHEN status IN ('resolved', 'closed')
              THEN submitted_at + (0.2 + z * 3) * interval '1 day' END AS resolved_at
    FROM t)
INSERT INTO service_case (
  number, kind, category_id, channel, status, community_id, compound_id, desk_id,
  resident_id, walk_in_name, walk_in_phone, assignee_id, description, place,
  submitted_at, accepted_at, resolved_at, closed_at, resolution, rejection_reason,
  reopen_count, escalated, accept_due_at, resolve_due_at, pauses, version, created_at, updated_at)
SELECT 'BENCH-' || g, kind, category_id,
       (ARRAY['desk', 'desk', 'phone', 'grid_patrol', 'hotline_12345'])[1 + g % 5],
       status, community_id, compound_id, desk_id,
       NULL, (ARRAY['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏'])[1 + g % 7],
       '138' || lpad((g % 100000000)::text, 8, '0'), NULL,
       (ARRAY['楼道灯不亮，晚上出行不便', '小区垃圾清运不及时', '咨询社保卡补办手续',
              '楼上噪音影响休息，请协调', '路面破损需要修补', '申请开具居住证明',
              '下水道堵塞有异味', '咨询高龄津贴申请'])[1 + (g * 3) % 8],
       CASE WHEN g % 3 = 0 THEN (ARRAY['3栋2单元', '小区东门', '地下车库', '8栋楼道'])[1 + g % 4] END,
       submitted_at, accepted_at, resolved_at,
       CASE WHEN status = 'closed' THEN resolved_at + interval '1 day'
            WHEN status = 'rejected' THEN submitted_at + interval '2 hours' END,
       CASE WHEN status IN ('resolved', 'closed') THEN '已处理完毕，居民表示满意' END,
       CASE WHEN status = 'rejected' THEN '不属于本社区受理范围，已告知居民' END,
       0, false,
       submitted_at + accept_min * interval '1 minute',
       submitted_at + (1 + (g / 7) % 4) * interval '1 day',
       CASE WHEN status = 'waiting_resident'
            THEN jsonb_build_array(jsonb_build_object('from', accepted_at + interval '1 hour', 'to', NULL))
            ELSE '[]'::jsonb END,
       CASE status WHEN 'submitted' THEN 1 WHEN 'accepted' THEN 2 WHEN 'rejected' THEN 2
                   WHEN 'in_progress' THEN 3 WHEN 'waiting_resident' THEN 4 WHEN 'resolved' THEN 4 ELSE 5 END,
       submitted_at, COALESCE(resolved_at + interval '1 day', accepted_at, submitted_at)
  FROM f`;

export async function loadCases(sql, streetId, passwordHash) {
  await createQueueOrg(sql, streetId);
  // Bulk-load practice, same end state: the secondary indexes are dropped and rebuilt from their
  // own definitions, and the foreign-key triggers are skipped for this one statement (every id
  // comes from the rows just created). Only the primary key and UNIQUE(number) stay during the load.
  const indexes = (
    await sql.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename = 'service_case'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)
        ORDER BY i.indexname`,
    )
  ).rows;
  let t = performance.now();
  let inserted;
  let insertSeconds;
  await sql.query('BEGIN');
  try {
    for (const i of indexes) await sql.query(`DROP INDEX "${i.indexname}"`);
    await sql.query('SET LOCAL session_replication_role = replica');
    await sql.query('SELECT setseed(0.20260101)');
    inserted = await sql.query(LOAD_SQL, [CASES]);
    insertSeconds = (performance.now() - t) / 1000;
    await sql.query("SET LOCAL maintenance_work_mem = '256MB'");
    await sql.query('SET LOCAL session_replication_role = origin');
    for (const i of indexes) await sql.query(i.indexdef);
    await sql.query('COMMIT');
  } catch (err) {
    await sql.query('ROLLBACK');
    throw err;
  }
  const loadSeconds = (performance.now() - t) / 1000;
  // VACUUM includes the ANALYZE; it also sets the visibility map and hint bits as on a table
  // that has lived a while, so autovacuum does not start in the middle of the measurement.
  t = performance.now();
  await sql.query('VACUUM (ANALYZE) service_case');
  const analyzeSeconds = (performance.now() - t) / 1000;
  const size = (
    await sql.query(
      `SELECT pg_size_pretty(pg_table_size('service_case')) AS heap,
              pg_size_pretty(pg_indexes_size('service_case')) AS indexes`,
    )
  ).rows[0];
  const busy = (
    await sql.query(
      `SELECT c.desk_id, c.community_id, count(*)::int AS open
         FROM service_case c JOIN community m ON m.id = c.community_id
        WHERE m.code LIKE 'BENCH-Q%' AND c.status = ANY($1::varchar[])
        GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`,
      [OPEN],
    )
  ).rows[0];
  const deskTotal = (
    await sql.query('SELECT count(*)::int AS n FROM service_case WHERE desk_id = $1', [
      busy.desk_id,
    ])
  ).rows[0].n;
  const staff = await createDeskStaff(
    sql,
    passwordHash,
    'bench.queue',
    busy.community_id,
    busy.desk_id,
  );
  return {
    cases: inserted.rowCount,
    insertSeconds,
    indexSeconds: loadSeconds - insertSeconds,
    rebuilt: indexes.map((i) => i.indexname),
    loadSeconds,
    analyzeSeconds,
    size,
    deskId: busy.desk_id,
    deskOpen: busy.open,
    deskTotal,
    username: staff.username,
  };
}

/** The SQL listCases sends, captured from the built repository with a stand-in DataSource. */
async function capturedListSql(actor, deskId) {
  const { CasesRepository } = dist('cases/cases.repository.js');
  const captured = [];
  const fake = {
    query: async (text, params) => {
      captured.push({ text, params });
      return [{ n: 0 }];
    },
  };
  await new CasesRepository(fake).listCases(
    actor,
    { status: OPEN, deskId, sort: 'due', page: 1, pageSize: 50 },
    new Date(),
  );
  return captured;
}

/** EXPLAIN (ANALYZE, BUFFERS) of the page and count queries; which indexes they used. */
export async function explainQueue(sql, actor, deskId) {
  const names = (
    await sql.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'service_case'`)
  ).rows.map((r) => r.indexname);
  const usesCaseIndex = (line) =>
    names.find(
      (n) =>
        line.includes(`using ${n} `) ||
        line.includes(`using "${n}" `) ||
        line.includes(` on ${n} `) ||
        line.endsWith(` on ${n}`),
    );
  const out = [];
  for (const [i, q] of (await capturedListSql(actor, deskId)).entries()) {
    const { rows } = await sql.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.params);
    const plan = rows.map((r) => r['QUERY PLAN']);
    const scanLines = plan.filter(
      (l) => /Scan/.test(l) && (/ on service_case\b/.test(l) || usesCaseIndex(l)),
    );
    out.push({
      name: i === 0 ? 'page query' : 'count query',
      plan,
      scanLines: scanLines.map((l) => l.trim()),
      indexes: [...new Set(scanLines.map(usesCaseIndex).filter(Boolean))],
      seqScan: plan.some((l) => /Seq Scan on service_case\b/.test(l)),
      executionMs: Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1]),
      planningMs: Number(/Planning Time: ([\d.]+)/.exec(plan.join('\n'))?.[1]),
    });
  }
  return out;
}

/** The same two statements straight from a pg client, sequentially: the database's share. */
export async function sqlDirect(sql, actor, deskId) {
  const queries = await capturedListSql(actor, deskId);
  const pairs = [];
  const deadline = performance.now() + 60_000;
  for (let i = 0; i < WARM_UP + COUNT && performance.now() < deadline; i++) {
    const t = performance.now();
    for (const q of queries) await sql.query(q.text, q.params);
    if (i >= WARM_UP) pairs.push(performance.now() - t);
  }
  return summary(pairs);
}

export async function queueRead(port, token, deskId, meter) {
  const http = new HttpClient(port, 1);
  const path = `/api/cases?deskId=${deskId}&${QUERY}`;
  try {
    const queue = [];
    const health = [];
    let page = null;
    let before = meter.snapshot();
    const deadline = performance.now() + 120_000;
    for (let i = 0; i < WARM_UP + COUNT && performance.now() < deadline; i++) {
      const q = await http.json('GET', path, { token });
      if (q.status !== 200) throw new Error(`GET ${path} answered ${q.status}: ${q.text}`);
      page = q.data;
      const h = await http.request('GET', '/health/live');
      if (h.status !== 200) throw new Error(`GET /health/live answered ${h.status}`);
      if (i < WARM_UP) {
        before = meter.snapshot();
        continue;
      }
      queue.push(q.ended - q.started);
      health.push(h.ended - h.started);
    }
    const cpu = CpuMeter.cores(before, meter.snapshot());
    return {
      path,
      cpu,
      items: page?.items?.length ?? 0,
      total: page?.total ?? 0,
      queue: summary(queue),
      health: summary(health),
    };
  } finally {
    http.close();
  }
}

export { login };
export const queueCounts = { CASES, DESKS, WARM_UP, COUNT };
