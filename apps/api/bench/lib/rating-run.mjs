// 6. A rating run at city scale: 5,000 communities on the 90-indicator sample 2022 framework,
// every assessment submitted. Freeze + compute + store through the API (POST …/freeze, POST
// …/compute), end to end, against the engine alone (`rate`) on the very input the run froze,
// timed in this process. Aim: the run ≤ 3× the engine.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { scaled } from './harness.mjs';
import { apiDir } from './setup.mjs';

const COMMUNITIES = scaled(5_000, 500);
const PREFIX = 'BENCH-R';
const require = createRequire(`${apiDir}/package.json`);

export const ratingRunCounts = { COMMUNITIES };

/** The assessed indicators of a framework with the assessor kinds each weighs and its scale. */
function assessed(framework) {
  const out = [];
  for (const s of framework.sections)
    for (const a of s.aspects)
      for (const i of a.indicators) {
        if (i.source.kind !== 'assessment') continue;
        const w = i.source.weights ?? framework.assessmentWeights ?? {};
        for (const [kind, weight] of Object.entries(w))
          if (weight > 0) out.push({ key: i.key, kind, scale: i.source.scale ?? i.points });
      }
  return out;
}

/**
 * Makes the district up to COMMUNITIES communities (on one new street), loads a framework and a
 * campaign of `year` with every score submitted, then times the run against the engine.
 */
export async function ratingRunBench({ sql, http, passwordHash, login, year, say }) {
  const engine = require('@baitong/rating-engine');
  const framework = engine.sampleFramework2022;
  const have = Number((await sql.query('SELECT count(*)::int AS n FROM community')).rows[0].n);
  if (have < COMMUNITIES) {
    const street = (
      await sql.query(
        `INSERT INTO street (code, name, name_en) VALUES ('${PREFIX}', '压测评定街道', 'Rating bench street') RETURNING id`,
      )
    ).rows[0].id;
    await sql.query(
      `INSERT INTO community (street_id, code, name, name_en, households, registered_residents, lat, lng, first_elected_on)
       SELECT $1, '${PREFIX}' || lpad(i::text, 5, '0'), '压测评定社区' || i, 'Rating community ' || i,
              3000, 7500, 29.6, 106.5, DATE '2015-06-01' + (i % 900)
         FROM generate_series(1, $2::int) i`,
      [street, COMMUNITIES - have],
    );
  }
  await sql.query(
    `UPDATE community SET first_elected_on = DATE '2016-01-01' WHERE first_elected_on IS NULL`,
  );
  const communities = Number(
    (await sql.query('SELECT count(*)::int AS n FROM community')).rows[0].n,
  );
  const frameworkId = (
    await sql.query(
      `INSERT INTO rating_framework (framework_key, version, name_zh, name_en, effective_year, sample, definition, created_by_name)
       VALUES ($1, $2, $3, $4, $5, true, $6, 'bench') RETURNING id`,
      [
        framework.id,
        `${framework.version}-bench`,
        framework.name.zh,
        framework.name.en,
        framework.effectiveYear,
        JSON.stringify(framework),
      ],
    )
  ).rows[0].id;
  const campaignId = (
    await sql.query(
      `INSERT INTO rating_campaign (year, framework_id, created_by_name) VALUES ($1, $2, 'bench') RETURNING id`,
      [year, frameworkId],
    )
  ).rows[0].id;
  const slots = assessed(framework);
  const t0 = performance.now();
  await sql.query(
    `INSERT INTO rating_assessment (campaign_id, community_id, indicator_key, assessor_kind, score, status,
       entered_by_name, entered_by_role, submitted_at)
     SELECT $1, c.id, s.key, s.kind, round((s.scale * (0.55 + 0.45 * ((hashtext(c.id::text || s.key) & 1023) / 1023.0)))::numeric, 2),
            'submitted', '压测查验员', 'bureau_admin', now()
       FROM community c CROSS JOIN unnest($2::text[], $3::text[], $4::numeric[]) AS s(key, kind, scale)`,
    [campaignId, slots.map((s) => s.key), slots.map((s) => s.kind), slots.map((s) => s.scale)],
  );
  const assessments = communities * slots.length;
  const loadSeconds = (performance.now() - t0) / 1000;

  const username = 'bench.rating.bureau';
  await sql.query(
    `INSERT INTO staff_account (username, password_hash, display_name, role, scope_level)
     VALUES ($1, $2, '压测评定', 'bureau_admin', 'district') ON CONFLICT (username) DO NOTHING`,
    [username, passwordHash],
  );
  const bureau = await login(http, username);
  const call = async (method, path, body) => {
    const res = await http.json(method, path, {
      token: bureau.token,
      body,
      timeoutMs: 30 * 60_000,
    });
    if (res.status >= 300)
      throw new Error(`${method} ${path}: ${res.status} ${res.text.slice(0, 400)}`);
    return res.data;
  };
  const run = await call('POST', '/api/rating-runs', {
    year,
    ratingDate: `${year + 1}-01-15`,
    frameworkId,
    objectionWindowDays: 7,
  });
  say?.(
    `   ${communities} communities, ${assessments} submitted scores loaded in ${loadSeconds.toFixed(1)} s; run ${run.id}`,
  );
  const f0 = performance.now();
  const frozen = await call('POST', `/api/rating-runs/${run.id}/freeze`, { acceptMissing: true });
  const freezeSeconds = (performance.now() - f0) / 1000;
  const c0 = performance.now();
  await call('POST', `/api/rating-runs/${run.id}/compute`, {});
  const computeSeconds = (performance.now() - c0) / 1000;

  // The engine alone on the same input, read back from the snapshot (not timed: reading it).
  const row = (
    await sql.query(
      `SELECT input, pg_column_size(input) AS input_bytes, pg_column_size(facts) AS facts_bytes,
              pg_column_size(result) AS result_bytes
         FROM rating_run_snapshot WHERE run_id = $1 AND version = 1`,
      [run.id],
    )
  ).rows[0];
  const runs = [];
  for (let i = 0; i < 2; i++) {
    const e0 = performance.now();
    engine.rate(row.input);
    runs.push((performance.now() - e0) / 1000);
  }
  const engineSeconds = Math.min(...runs);
  return {
    communities,
    assessments,
    missing: frozen.missing.length,
    freezeSeconds,
    computeSeconds,
    engineSeconds,
    ratio: (freezeSeconds + computeSeconds) / engineSeconds,
    bytes: {
      input: Number(row.input_bytes),
      facts: Number(row.facts_bytes),
      result: Number(row.result_bytes),
    },
  };
}
