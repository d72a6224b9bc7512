// 6. Rating exports at city scale: a published run of 5,000 communities on the 90-indicator sample
// framework. The 5,000-row xlsx (and its 450,000 indicator rows) against reading the same results
// as JSON from the API, and a scorecard PDF against the same scorecard as JSON, in the same run.
// Alone: `node bench/lib/rating-exports.mjs` (after `pnpm --filter @baitong/api build`) starts its
// own database and API; bench.mjs calls ratingExportsBench() with its own.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { HttpClient, cleanup, ms, num, onCleanup, ratio, scaled, summary } from './harness.mjs';
import { PASSWORD, apiDir, connect, login, startApi, startDatabase } from './setup.mjs';

const COMMUNITIES = scaled(5_000, 500);
const XLSX_READS = scaled(3, 1);
const PDF_READS = scaled(10, 3);
const PREFIX = 'BENCH-R';
const YEAR = 2099;

export const ratingExportsCounts = { COMMUNITIES, XLSX_READS, PDF_READS };

const require = createRequire(`${apiDir}/package.json`);

// A deterministic generator (mulberry32), so every run rates the same district.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inputs scoring share `s` of every indicator, with some noise per indicator. */
function inputFor(framework, id, name, next) {
  const base = 0.45 + 0.55 * next();
  const share = () => Math.max(0, Math.min(1, base + (next() - 0.5) * 0.3));
  const metrics = {};
  const assessments = {};
  for (const section of framework.sections)
    for (const aspect of section.aspects)
      for (const i of aspect.indicators) {
        const s = share();
        if (i.source.kind === 'metric') {
          const rule = i.source.rule;
          if (i.source.metric in metrics) continue;
          let value;
          if (rule.type === 'linear') value = rule.zeroAt + (rule.fullAt - rule.zeroAt) * s;
          else if (rule.type === 'boolean') value = s >= 0.5 !== (rule.invert === true) ? 1 : 0;
          else if (rule.type === 'threshold')
            value = s >= 0.5 ? (rule.atLeast ?? rule.atMost ?? 0) : 0;
          else {
            const sorted = [...rule.bands].sort((a, b) => b.points - a.points);
            const band = sorted[Math.min(sorted.length - 1, Math.floor((1 - s) * sorted.length))];
            value = band.min ?? (band.max !== undefined ? band.max / 2 : 0);
          }
          metrics[i.source.metric] = Number(value.toFixed(6));
        } else {
          const scale = i.source.scale ?? i.points;
          const weights = i.source.weights ?? framework.assessmentWeights;
          assessments[i.key] = Object.fromEntries(
            Object.keys(weights).map((k) => [k, { score: Number((scale * s).toFixed(2)) }]),
          );
        }
      }
  return { id, name, firstElectedOn: '2015-01-01', metrics, assessments };
}

/** The city's communities, a bureau admin, and a published run over them with its snapshot. */
export async function createRatingRun(sql, passwordHash) {
  const { rate, sampleFramework2022: framework } = require('@baitong/rating-engine');
  const one = async (text, params) => (await sql.query(text, params)).rows[0];
  const street = await one(
    `INSERT INTO street (code, name, name_en) VALUES ('${PREFIX}', '评定压测街道', 'Rating bench street') RETURNING id, name, name_en`,
  );
  const communities = (
    await sql.query(
      `INSERT INTO community (street_id, code, name, name_en, households, registered_residents, lat, lng, first_elected_on)
       SELECT $1, '${PREFIX}' || lpad(i::text, 5, '0'), '评定压测社区' || i, 'Rating community ' || i,
              3000, 7500, 29.6, 106.5, '2015-01-01'
         FROM generate_series(1, $2::int) i
       RETURNING id, code, name, name_en`,
      [street.id, COMMUNITIES],
    )
  ).rows;
  await sql.query(
    `INSERT INTO staff_account (username, password_hash, display_name, role, scope_level)
     VALUES ('bench.rating.bureau', $1, '评定压测区局', 'bureau_admin', 'district')`,
    [passwordHash],
  );
  const next = random(20991231);
  const input = {
    year: YEAR,
    ratingDate: `${YEAR + 1}-01-31`,
    framework,
    communities: communities.map((c) => inputFor(framework, c.id, c.name, next)),
  };
  const started = performance.now();
  const result = rate(input);
  const rateMs = performance.now() - started;
  const facts = {
    period: { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` },
    framework: { id: null, key: framework.id, version: framework.version, sample: true },
    communities: Object.fromEntries(
      communities.map((c) => [
        c.id,
        {
          name: c.name,
          nameEn: c.name_en,
          code: c.code,
          streetId: street.id,
          streetName: street.name,
          streetNameEn: street.name_en,
          firstElectedOn: '2015-01-01',
          previousGrade: null,
          previousGradeSource: null,
          metrics: {},
        },
      ]),
    ),
    assessments: {},
    disqualifications: [],
    missing: [],
    corrections: [],
  };
  const fw = await one(
    `INSERT INTO rating_framework (framework_key, version, name_zh, name_en, effective_year, sample, definition, created_by_name)
     VALUES ($1, $2, $3, $4, $5, true, $6, 'bench') RETURNING id`,
    [
      `${framework.id}-bench`,
      framework.version,
      framework.name.zh,
      framework.name.en,
      framework.effectiveYear,
      JSON.stringify(framework),
    ],
  );
  facts.framework.id = fw.id;
  const run = await one(
    `INSERT INTO rating_run (year, status, framework_id, rating_date, snapshot_version, created_by_name,
        frozen_at, computed_at, review_opened_at, published_at)
     VALUES ($1, 'published', $2, $3, 1, 'bench', now(), now(), now(), now()) RETURNING id`,
    [YEAR, fw.id, input.ratingDate],
  );
  const inputJson = JSON.stringify(input);
  const resultJson = JSON.stringify(result);
  await sql.query(
    `INSERT INTO rating_run_snapshot (run_id, version, input, facts, content_hash, reason, created_by_name,
        result, result_hash, engine_version, computed_at)
     VALUES ($1, 1, $2, $3, $4, 'bench', 'bench', $5, $6, $7, now())`,
    [
      run.id,
      inputJson,
      JSON.stringify(facts),
      createHash('sha256').update(inputJson).digest('hex'),
      resultJson,
      createHash('sha256').update(resultJson).digest('hex'),
      result.engine.version,
    ],
  );
  return {
    runId: run.id,
    communityId: result.communities[0].id,
    rateMs,
    resultBytes: resultJson.length,
  };
}

async function timed(http, path, token, count) {
  const times = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const res = await http.request('GET', path, { token, timeoutMs: 600_000 });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.text.slice(0, 300)}`);
    times.push(res.ended - res.started);
    bytes = Buffer.byteLength(res.text, 'utf8');
  }
  return { ...summary(times), bytes };
}

/**
 * Alternates each file with its JSON read, so both see the same machine: the ratio survives a
 * busy box. Returns the medians and ratios.
 */
export async function ratingExportsBench({ sql, http, passwordHash, say = () => {} }) {
  const made = await createRatingRun(sql, passwordHash);
  say(
    `   rated ${num(COMMUNITIES)} communities in ${ms(made.rateMs)}; result ${num(made.resultBytes / 2 ** 20, 1)} MiB of JSON`,
  );
  const { token } = await login(http, 'bench.rating.bureau');
  const base = `/api/rating-runs/${made.runId}`;
  const card = `${base}/communities/${made.communityId}`;
  // Warm-up: the first read of each compiles and caches.
  await timed(http, `${base}/results`, token, 1);
  await timed(http, `${card}/scorecard.pdf`, token, 1);
  const json = [];
  const xlsx = [];
  let xlsxBytes = 0;
  let jsonBytes = 0;
  for (let i = 0; i < XLSX_READS; i++) {
    const j = await timed(http, `${base}/results`, token, 1);
    json.push(j.p50);
    jsonBytes = j.bytes;
    const x = await timed(http, `${base}/export.xlsx`, token, 1);
    xlsx.push(x.p50);
    xlsxBytes = x.bytes;
  }
  const cardJson = await timed(http, `${card}/scorecard`, token, PDF_READS);
  const pdf = await timed(http, `${card}/scorecard.pdf`, token, PDF_READS);
  const j = summary(json);
  const x = summary(xlsx);
  return {
    json: j,
    xlsx: x,
    jsonBytes,
    xlsxBytes,
    cardJson,
    pdf,
    xlsxRatio: x.p50 / j.p50,
    pdfRatio: pdf.p50 / cardJson.p50,
  };
}

export function report(r, say) {
  say(
    `   GET results (JSON, ${num(r.jsonBytes / 2 ** 20, 1)} MiB) p50 ${ms(r.json.p50)}; export.xlsx (${num(r.xlsxBytes / 2 ** 20, 1)} MiB) p50 ${ms(r.xlsx.p50)}: xlsx / JSON = ${ratio(r.xlsxRatio)}`,
  );
  say(
    `   GET scorecard (JSON) p50 ${ms(r.cardJson.p50)}; scorecard.pdf p50 ${ms(r.pdf.p50)}, p99 ${ms(r.pdf.p99)}: PDF / JSON = ${ratio(r.pdfRatio)}`,
  );
}

// Alone: its own database and API.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { hash } = require('@node-rs/argon2');
    const db = await startDatabase();
    const sql = await connect(db.url);
    const api = await startApi(db.url, db.dir);
    const http = new HttpClient(api.port, 1);
    onCleanup(() => http.close());
    console.log(`Rating exports bench: ${num(COMMUNITIES)} communities`);
    const r = await ratingExportsBench({
      sql,
      http,
      passwordHash: await hash(PASSWORD),
      say: console.log,
    });
    report(r, console.log);
  } catch (err) {
    console.error(err);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
  process.exit(process.exitCode ?? 0);
}
