// Benchmark (not a test) of the built API: intake throughput, live push latency and the desk queue
// read with 1,000,000 cases, each printed as a ratio against a baseline measured in the same run.
// Starts its own embedded PostgreSQL and API process; `BENCH_QUICK=1` scales everything ~10× down.
// See bench/README.md.
import { createRequire } from 'node:module';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { HttpClient, QUICK, cleanup, ms, num, onCleanup, ratio, stopping } from './lib/harness.mjs';
import { apiIntake, intakeCounts, pgBaseline } from './lib/intake.mjs';
import { healthRoundTrips, push, pushCounts } from './lib/push.mjs';
import { OPEN, explainQueue, loadCases, queueCounts, queueRead, sqlDirect } from './lib/queue.mjs';
import { CpuMeter, formatCores } from './lib/cpu.mjs';
import {
  FOLLOW_UP_PATH,
  followUpCounts,
  loadFollowUps,
  myFollowUpsRead,
} from './lib/follow-ups.mjs';
import { metricsBench, metricsCounts } from './lib/metrics.mjs';
import { ratingRunBench, ratingRunCounts } from './lib/rating-run.mjs';
import {
  ratingExportsBench,
  ratingExportsCounts,
  report as ratingExportsReport,
} from './lib/rating-exports.mjs';
import {
  PASSWORD,
  apiDir,
  connect,
  createIntakeOrg,
  login,
  startApi,
  startDatabase,
} from './lib/setup.mjs';

const AIM = {
  intakeRatio: 0.3,
  pushP99: 100,
  queueP99: 20,
  followUpsP99: 20,
  districtP99: 200,
  rebuildRatio: 3,
  markingRatio: 0.9,
  ratingRunRatio: 3,
};
const TOTAL_LIMIT_MS = QUICK ? 8 * 60_000 : 35 * 60_000;

const require = createRequire(`${apiDir}/package.json`);
const { hash } = require('@node-rs/argon2');

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const say = (line = '') => console.log(line);
const step = (what) => console.log(`  … ${what} (${elapsed()})`);
const met = (ok) => (ok ? 'met' : 'MISSED');
const clip = (line) => (line.length > 160 ? `${line.slice(0, 160)}…` : line);

async function main() {
  const cpus = os.cpus();
  say(
    `API bench${QUICK ? ' (BENCH_QUICK: about 10× smaller)' : ''}: Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os.loadavg()[0].toFixed(1)}`,
  );
  const db = await startDatabase();
  const sql = await connect(db.url);
  const pgVersion = (await sql.query('SHOW server_version')).rows[0].server_version;
  say(`  PostgreSQL ${pgVersion} (embedded, port ${db.port}), ${db.applied} migrations applied`);
  const passwordHash = await hash(PASSWORD);
  const org = await createIntakeOrg(sql, passwordHash);
  const api = await startApi(db.url, db.dir);
  say(`  API: node dist/main.js, pid ${api.pid}, port ${api.port} (NODE_ENV=development)`);
  const meter = new CpuMeter(api.pid, db.dir);
  const http = new HttpClient(api.port, 1);
  onCleanup(() => http.close());
  const desk = await login(http, org.username);
  const r = {};

  // 1. Intake
  say('');
  say(
    `1. Intake: POST /api/cases, ${num(intakeCounts.COUNT)} requests after ${num(intakeCounts.WARM_UP)} warm-up, ${intakeCounts.CONCURRENCY} keep-alive connections`,
  );
  const base = await pgBaseline(db.url, meter);
  say(
    `   baseline pg INSERT (pool of 64): ${num(base.rps)} rows/s (${num(base.done)} in ${base.seconds.toFixed(2)} s), p50 ${ms(base.p50)}, p99 ${ms(base.p99)}`,
  );
  say(`     ${formatCores(base.cpu)}`);
  const intake = await apiIntake(api.port, desk.token, org.categoryId, meter);
  say(
    `   API POST /api/cases: ${num(intake.rps)} req/s (${num(intake.done)} in ${intake.seconds.toFixed(1)} s), p50 ${ms(intake.p50)}, p99 ${ms(intake.p99)}`,
  );
  say(`     ${formatCores(intake.cpu, intake.done)}`);
  r.intake = { ratio: intake.rps / base.rps, api: intake, pg: base };
  say(`   intake ratio = api_rps / pg_rps = ${ratio(r.intake.ratio)} (aim ≥ ${AIM.intakeRatio})`);

  // 2. Push
  say('');
  say(
    `2. Push: ${num(pushCounts.SOCKETS)} socket.io clients in desk:<id> (opened ${pushCounts.BATCH} at a time), ${pushCounts.ROUNDS} cases after ${pushCounts.WARM_UP_ROUNDS} warm-up`,
  );
  const health = await healthRoundTrips(api.port);
  say(
    `   baseline GET /health/live: p50 ${ms(health.p50)}, p99 ${ms(health.p99)} (${num(health.n)} sequential)`,
  );
  const p = await push(api.port, desk.token, org.deskId, org.categoryId, meter);
  say(`   ${num(p.sockets)} sockets connected and subscribed in ${p.connectSeconds.toFixed(1)} s`);
  say(
    `   deliveries: ${num(p.deliveries)} of ${num(p.expected)}; before the HTTP response arrived: ${num(p.early)} (${((100 * p.early) / Math.max(1, p.deliveries)).toFixed(1)} %, counted as 0 ms)`,
  );
  say(
    `   create response -> push: p50 ${ms(p.afterResponse.p50)}, p99 ${ms(p.afterResponse.p99)}, max ${ms(p.afterResponse.max)}`,
  );
  say(
    `   request start   -> push: p50 ${ms(p.fromStart.p50)}, p99 ${ms(p.fromStart.p99)}, max ${ms(p.fromStart.max)}`,
  );
  say(
    `   per case (p50): create round trip ${ms(p.create.p50)}, first delivery ${ms(p.first.p50)} after the request, first to last delivery ${ms(p.spread.p50)}`,
  );
  say(
    `     ${formatCores(p.cpu)}; the clients' own work per case (receiving ${num(p.sockets)} pushes): ${((1000 * p.cpu.benchSeconds) / Math.max(1, p.rounds)).toFixed(0)} ms CPU`,
  );
  r.push = {
    ratio: p.afterResponse.p99 / health.p50,
    startRatio: p.fromStart.p99 / health.p50,
    met: p.afterResponse.p99 <= AIM.pushP99 && p.missing === 0,
    push: p,
    health,
  };
  say(
    `   push p99 / health p50 = ${ratio(r.push.ratio)} (aim: p99 ≤ ${AIM.pushP99} ms); from request start: ${ratio(r.push.startRatio)}`,
  );
  if (p.missing > 0) say(`   WARNING: ${num(p.missing)} deliveries did not arrive within 10 s`);

  // 3. Queue read
  say('');
  say(
    `3. Queue read: ${num(queueCounts.CASES)} cases over ${queueCounts.DESKS} desks, ${queueCounts.COUNT} sequential reads after ${queueCounts.WARM_UP} warm-up`,
  );
  step('loading cases (one INSERT … SELECT FROM generate_series)');
  const load = await loadCases(sql, org.streetId, passwordHash);
  say(
    `   loaded ${num(load.cases)} cases in ${load.insertSeconds.toFixed(1)} s, ${load.rebuilt.length} indexes rebuilt in ${load.indexSeconds.toFixed(1)} s, VACUUM (ANALYZE) ${load.analyzeSeconds.toFixed(1)} s; table ${load.size.heap}, indexes ${load.size.indexes}`,
  );
  say(`   busiest desk: ${num(load.deskOpen)} open of ${num(load.deskTotal)} cases`);
  const queueStaff = await login(http, load.username);
  const q = await queueRead(api.port, queueStaff.token, load.deskId, meter);
  say(`   GET /api/cases?deskId=…&status=${OPEN.join(',')}&sort=due&pageSize=50`);
  say(
    `     page of ${q.items} of ${num(q.total)}: p50 ${ms(q.queue.p50)}, p99 ${ms(q.queue.p99)}, max ${ms(q.queue.max)}`,
  );
  say(
    `   baseline GET /health/live (alternating with the reads): p50 ${ms(q.health.p50)}, p99 ${ms(q.health.p99)}`,
  );
  say(`     ${formatCores(q.cpu)}`);
  const direct = await sqlDirect(sql, queueStaff.actor, load.deskId);
  say(
    `   the same page + count SQL from a plain pg client: p50 ${ms(direct.p50)}, p99 ${ms(direct.p99)}`,
  );
  const plans = await explainQueue(sql, queueStaff.actor, load.deskId);
  for (const plan of plans) {
    say(
      `   EXPLAIN (ANALYZE, BUFFERS) ${plan.name}: ${plan.seqScan ? 'SEQUENTIAL SCAN of service_case; ' : ''}index used: ${plan.indexes.join(', ') || 'NONE'}; planning ${ms(plan.planningMs)}, execution ${ms(plan.executionMs)}`,
    );
    for (const line of plan.scanLines) say(`     ${clip(line)}`);
  }
  r.queue = {
    ratio: q.queue.p99 / q.health.p99,
    met: q.queue.p99 <= AIM.queueP99,
    read: q,
    direct,
    plans,
  };
  say(`   queue p99 / health p99 = ${ratio(r.queue.ratio)} (aim: p99 ≤ ${AIM.queueP99} ms)`);
  if (!r.queue.met) {
    say(
      `   The queue read MISSES its aim (p99 ${ms(q.queue.p99)} > ${AIM.queueP99} ms). Plan of the page query:`,
    );
    for (const line of plans[0].plan)
      if (
        /->|^Limit|Index Cond|Sort Key|Sort Method|Heap Blocks|Planning Time|Execution Time/.test(
          line,
        )
      )
        say(`     ${clip(line)}`);
  }
  // 4. My follow-ups
  say('');
  say(
    `4. My follow-ups: a community worker with ${num(followUpCounts.OPEN_TASKS)} open and ${num(followUpCounts.DONE_TASKS)} done follow-ups, ${followUpCounts.COUNT} sequential reads after ${followUpCounts.WARM_UP} warm-up`,
  );
  const fuLoad = await loadFollowUps(sql, org, passwordHash);
  say(`   loaded in ${fuLoad.seconds.toFixed(1)} s`);
  const worker = await login(http, fuLoad.username);
  const fu = await myFollowUpsRead(api.port, worker.token, meter);
  say(`   GET ${FOLLOW_UP_PATH}`);
  say(
    `     page of ${fu.items} of ${num(fu.total)}: p50 ${ms(fu.reads.p50)}, p99 ${ms(fu.reads.p99)}, max ${ms(fu.reads.max)}`,
  );
  say(
    `   baseline GET /health/live (alternating with the reads): p50 ${ms(fu.health.p50)}, p99 ${ms(fu.health.p99)}`,
  );
  say(`     ${formatCores(fu.cpu)}`);
  r.followUps = { ratio: fu.reads.p99 / fu.health.p99, met: fu.reads.p99 <= AIM.followUpsP99, fu };
  say(
    `   my follow-ups p99 / health p99 = ${ratio(r.followUps.ratio)} (aim: p99 ≤ ${AIM.followUpsP99} ms)`,
  );

  // 5. Metrics at city scale
  say('');
  say(
    `5. Metrics: ${num(metricsCounts.COMMUNITIES)} communities, ${num(metricsCounts.CASES)} more cases; the district table for a year, ${metricsCounts.COUNT} sequential reads after ${metricsCounts.WARM_UP} warm-up`,
  );
  step('loading the city and rebuilding the roll-ups');
  const m = await metricsBench({
    sql,
    url: db.url,
    api,
    org: { ...org, token: desk.token },
    passwordHash,
    meter,
    login,
    http,
    say,
  });
  say(
    `   roll-up rebuild ${m.rebuildSeconds.toFixed(1)} s (${num(m.rollupRows)} rows) / one grouped pass over ${num(m.cases)} cases ${m.scanSeconds.toFixed(1)} s = ${ratio(m.rebuildSeconds / m.scanSeconds)} (aim ≤ ${AIM.rebuildRatio})`,
  );
  say(
    `   intake with marking triggers ${num(m.intakeOn.rps)} req/s (p99 ${ms(m.intakeOn.p99)}), without ${num(m.intakeOff.rps)} req/s (p99 ${ms(m.intakeOff.p99)}) = ${ratio(m.intakeOn.rps / m.intakeOff.rps)} (aim ≥ ${AIM.markingRatio})`,
  );
  say(`   GET ${m.path}: ${num(m.rows)} rows, ${num(m.bytes / 1024)} KiB`);
  say(
    `     p50 ${ms(m.reads.p50)}, p99 ${ms(m.reads.p99)}, max ${ms(m.reads.max)}; baseline GET /health/live p99 ${ms(m.health.p99)}`,
  );
  say(`     ${formatCores(m.cpu)}`);
  r.metrics = {
    ratio: m.reads.p99 / m.health.p99,
    met: m.reads.p99 <= AIM.districtP99,
    rebuild: m.rebuildSeconds / m.scanSeconds,
    marking: m.intakeOn.rps / m.intakeOff.rps,
    m,
  };
  if (!api.isRunning()) throw new Error(`the API stopped during the run:\n${api.tail.join('\n')}`);

  // 6. A rating run at city scale
  say('');
  say(
    `6. Rating run: ${num(ratingRunCounts.COMMUNITIES)} communities (at least) on the 90-indicator sample 2022 framework; freeze + compute + store through the API against the engine alone on the same input`,
  );
  step('loading the campaign and running freeze and compute');
  const rr = await ratingRunBench({
    sql,
    http,
    passwordHash,
    login,
    year: new Date().getFullYear(),
    say,
  });
  say(
    `   freeze ${rr.freezeSeconds.toFixed(2)} s + compute ${rr.computeSeconds.toFixed(2)} s / engine rate() ${rr.engineSeconds.toFixed(2)} s = ${ratio(rr.ratio)} (aim ≤ ${AIM.ratingRunRatio}); ${num(rr.communities)} communities, ${num(rr.assessments)} scores, ${num(rr.missing)} missing inputs`,
  );
  say(
    `   stored jsonb: input ${num(rr.bytes.input / 2 ** 20, 1)} MiB, facts ${num(rr.bytes.facts / 2 ** 20, 1)} MiB, result ${num(rr.bytes.result / 2 ** 20, 1)} MiB`,
  );
  r.ratingRun = { ratio: rr.ratio, met: rr.ratio <= AIM.ratingRunRatio, rr };
  // 7. Rating exports at city scale
  say('');
  say(
    `7. Rating exports: a published run of ${num(ratingExportsCounts.COMMUNITIES)} communities on the 90-indicator sample; the xlsx against the results as JSON (${ratingExportsCounts.XLSX_READS} alternating reads), a scorecard PDF against its JSON (${ratingExportsCounts.PDF_READS} each)`,
  );
  step('rating the city and storing the run');
  const re = await ratingExportsBench({ sql, http, passwordHash, say });
  ratingExportsReport(re, say);
  r.ratingExports = re;
  if (!api.isRunning()) throw new Error(`the API stopped during the run:\n${api.tail.join('\n')}`);

  // Summary: one line per benchmark.
  say('');
  say(
    `API bench finished in ${elapsed()} on ${cpus.length} shared cores${QUICK ? ' (BENCH_QUICK)' : ''}, load average now ${os.loadavg()[0].toFixed(1)}:`,
  );
  say(
    `intake: ratio ${ratio(r.intake.ratio)} (API ${num(r.intake.api.rps)} req/s / pg ${num(r.intake.pg.rps)} rows/s); API p50 ${ms(r.intake.api.p50)}, p99 ${ms(r.intake.api.p99)}; aim ratio ≥ ${AIM.intakeRatio}: ${met(r.intake.ratio >= AIM.intakeRatio)}`,
  );
  say(
    `push:   ratio ${ratio(r.push.ratio)} (push p99 ${ms(p.afterResponse.p99)} / health p50 ${ms(health.p50)}); push p50 ${ms(p.afterResponse.p50)}, ${((100 * p.early) / Math.max(1, p.deliveries)).toFixed(0)} % before the response; from request start p50 ${ms(p.fromStart.p50)}, p99 ${ms(p.fromStart.p99)}; aim p99 ≤ ${AIM.pushP99} ms: ${met(r.push.met)}`,
  );
  say(
    `follow-ups: ratio ${ratio(r.followUps.ratio)} (my follow-ups p99 ${ms(fu.reads.p99)} / health p99 ${ms(fu.health.p99)}); p50 ${ms(fu.reads.p50)}, ${num(fu.total)} open of ${num(followUpCounts.OPEN_TASKS + followUpCounts.DONE_TASKS)}; aim p99 ≤ ${AIM.followUpsP99} ms: ${met(r.followUps.met)}`,
  );
  say(
    `metrics: district table p99 ${ms(m.reads.p99)} (ratio ${ratio(r.metrics.ratio)} to health p99), aim ≤ ${AIM.districtP99} ms: ${met(r.metrics.met)}; rebuild ÷ scan ${ratio(r.metrics.rebuild)}, aim ≤ ${AIM.rebuildRatio}: ${met(r.metrics.rebuild <= AIM.rebuildRatio)}; intake triggers on ÷ off ${ratio(r.metrics.marking)}, aim ≥ ${AIM.markingRatio}: ${met(r.metrics.marking >= AIM.markingRatio)}`,
  );
  say(
    `rating run: freeze + compute ÷ engine ${ratio(r.ratingRun.ratio)} (${(rr.freezeSeconds + rr.computeSeconds).toFixed(1)} s / ${rr.engineSeconds.toFixed(2)} s, ${num(rr.communities)} communities); aim ≤ ${AIM.ratingRunRatio}: ${met(r.ratingRun.met)}`,
  );
  say(
    `rating exports: xlsx / results JSON ${ratio(re.xlsxRatio)} (${ms(re.xlsx.p50)} / ${ms(re.json.p50)}); scorecard PDF / JSON ${ratio(re.pdfRatio)} (${ms(re.pdf.p50)} / ${ms(re.cardJson.p50)})`,
  );
  say(
    `queue:  ratio ${ratio(r.queue.ratio)} (queue p99 ${ms(q.queue.p99)} / health p99 ${ms(q.health.p99)}); queue p50 ${ms(q.queue.p50)}, ${num(queueCounts.CASES)} cases, index ${plans[0].indexes.join(', ') || 'NONE'}; aim p99 ≤ ${AIM.queueP99} ms: ${met(r.queue.met)}`,
  );
}

const watchdog = setTimeout(() => {
  console.error(`the benchmark exceeded ${TOTAL_LIMIT_MS / 60_000} minutes: stopping`);
  void cleanup().finally(() => process.exit(1));
}, TOTAL_LIMIT_MS);

let failed = false;
try {
  await main();
} catch (err) {
  failed = true;
  // after a signal the run ends with whatever request was cut off: not a finding
  if (!stopping())
    console.error(`\nAPI bench failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
process.exit(failed ? 1 : 0);
