import { type RatingInput, rate } from '@baitong/rating-engine';
import { contentHashOf, resultHashOf } from '../../src/ratings/runs/rating-run-input';
import { MINI_FRAMEWORK } from '../ratings/runs-world';
import type { TestContext } from './app';
import type { PlaceRecords } from './matrix-world';

// The records of the rating-runs routes in the route matrix: runs in every state, written straight
// into the tables (each write takes a fresh run of its own year), and one run in review whose
// objections the reads and answers use.

export interface RatingRunsMatrix {
  frameworkId: string;
  /** A run in review, its window open, with two snapshot versions. */
  reviewRunId: string;
  /** A fresh run in `status`, of a year no other run has. */
  run(status: 'draft' | 'frozen' | 'computed', windowDays?: number): Promise<string>;
  /** A fresh open objection of the place's community on the review run. */
  objection(p: PlaceRecords): Promise<string>;
  /** A year no run has, for creating one through the API. */
  freshYear(): number;
}

// Years the engine accepts (up to 2100), none of them used by another test of the matrix.
let year = 2030;
let apiYear = 2088;

export function ratingRunsMatrix(t: TestContext): () => Promise<RatingRunsMatrix> {
  let ready: Promise<RatingRunsMatrix> | null = null;
  return () => (ready ??= build(t));
}

async function build(t: TestContext): Promise<RatingRunsMatrix> {
  const [{ id: frameworkId }] = (await t.ds.query(
    `INSERT INTO rating_framework (framework_key, version, name_zh, name_en, effective_year, sample,
       definition, created_by_name)
     VALUES ('matrix-mini', '1', '矩阵标准', 'Matrix framework', 2022, false, $1, 'test') RETURNING id`,
    [JSON.stringify(MINI_FRAMEWORK)],
  )) as [{ id: string }];

  async function insertRun(status: string, y: number, windowDays: number): Promise<string> {
    const [{ id }] = (await t.ds.query(
      `INSERT INTO rating_run (year, status, framework_id, rating_date, objection_window_days,
         created_by_name, snapshot_version, review_opened_at, review_closes_at)
       VALUES ($1, $2::text, $3, $4, $5, 'test', CASE WHEN $2::text = 'draft' THEN NULL ELSE 1 END,
         CASE WHEN $2::text = 'in_review' THEN now() END,
         CASE WHEN $2::text = 'in_review' THEN now() + interval '30 days' END)
       RETURNING id`,
      [y, status, frameworkId, `${y + 1}-01-05`, windowDays],
    )) as [{ id: string }];
    return id;
  }

  async function snapshot(runId: string, y: number, version: number, computed: boolean) {
    const input: RatingInput = {
      year: y,
      ratingDate: `${y + 1}-01-05`,
      framework: MINI_FRAMEWORK,
      communities: [],
    };
    const facts = {
      period: { from: `${y}-01-01`, to: `${y}-12-31` },
      framework: { id: frameworkId, key: MINI_FRAMEWORK.id, version: '1', sample: false },
      communities: {},
      assessments: {},
      disqualifications: [],
      missing: [],
      corrections: [],
    };
    const result = computed ? rate(input) : null;
    await t.ds.query(
      `INSERT INTO rating_run_snapshot (run_id, version, input, facts, content_hash, reason,
         created_by_name, result, result_hash, engine_version, computed_at)
       VALUES ($1, $2, $3, $4, $5, 'freeze', 'test', $6, $7, $8, $9)`,
      [
        runId,
        version,
        JSON.stringify(input),
        JSON.stringify(facts),
        contentHashOf(input, facts as never),
        result ? JSON.stringify(result) : null,
        result ? resultHashOf(result) : null,
        result ? '0.1.0' : null,
        result ? new Date() : null,
      ],
    );
  }

  const reviewYear = year++;
  const reviewRunId = await insertRun('in_review', reviewYear, 30);
  await snapshot(reviewRunId, reviewYear, 1, true);
  await snapshot(reviewRunId, reviewYear, 2, true);
  await t.ds.query('UPDATE rating_run SET snapshot_version = 2 WHERE id = $1', [reviewRunId]);

  return {
    frameworkId,
    reviewRunId,
    freshYear: () => apiYear++,
    async run(status, windowDays = 7) {
      const y = year++;
      const id = await insertRun(status, y, windowDays);
      if (status !== 'draft') await snapshot(id, y, 1, status === 'computed');
      return id;
    },
    async objection(p) {
      const [{ id }] = (await t.ds.query(
        `INSERT INTO rating_objection (run_id, community_id, snapshot_version, body, filed_by_name, filed_at)
         VALUES ($1, $2, 2, '复核申请', 'test', now()) RETURNING id`,
        [reviewRunId, p.community.id],
      )) as [{ id: string }];
      return id;
    },
  };
}
