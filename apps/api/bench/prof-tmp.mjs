import { performance } from 'node:perf_hooks';
import { cleanup } from './lib/harness.mjs';
import { connect, createIntakeOrg, dist, startDatabase } from './lib/setup.mjs';
import { createQueueOrg } from './lib/queue.mjs';
import { createCityOrg, loadCityCases } from './lib/metrics.mjs';
const db = await startDatabase();
const sql = await connect(db.url);
const org = await createIntakeOrg(sql, 'x');
await createQueueOrg(sql, org.streetId);
await createCityOrg(sql, org.streetId);
await loadCityCases(sql);
const { ROLLUP_SOURCES } = dist('metrics/metric-rollup.sources.js');
const { PARAMS } = dist('metrics/metrics.repository.js');
const ids = (await sql.query(`SELECT array_agg(id) AS ids FROM community`)).rows[0].ids;
const params = [ids, '-infinity', 'infinity', '17:30', false];
let t = performance.now();
await sql.query(`SELECT community_id, (resolved_at AT TIME ZONE 'Asia/Shanghai')::date AS day, count(*) FROM service_case GROUP BY 1, 2`);
console.log('scan', (performance.now() - t).toFixed(0));
for (const s of ROLLUP_SOURCES) {
  const q = `WITH ${PARAMS}, r AS (${s.side.sql}) SELECT s.community_id, (s.at AT TIME ZONE 'Asia/Shanghai')::date AS day, count(*) FROM r s GROUP BY 1, 2`;
  t = performance.now();
  const plan = (await sql.query('EXPLAIN (ANALYZE) ' + q, params)).rows.map((r) => r['QUERY PLAN']);
  console.log('source', s.id, (performance.now() - t).toFixed(0), 'ms', s.side.sql.slice(0, 60).replace(/\s+/g, ' '));
  if (performance.now() - t > 500) console.log(plan.join('\n').slice(0, 2500));
}
await cleanup(); process.exit(0);
