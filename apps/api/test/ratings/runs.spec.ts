import type {
  ApiError,
  RatingObjection,
  RatingRunDetail,
  RatingRunSummary,
  RatingSnapshotDiff,
  RatingSnapshotFacts,
} from '@baitong/contracts';
import { type RatingInput, type RatingResult, rate } from '@baitong/rating-engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHashOf } from '../../src/ratings/runs/rating-run-input';
import { MetricsService } from '../../src/metrics/metrics.service';
import { decidedProposal } from '../metrics/world';
import { type TestContext, createTestApp } from '../utils/app';
import { ASSESSED, KINDS, type RunsWorld, YEAR, runsWorld, score } from './runs-world';

let t: TestContext;
let w: RunsWorld;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2027-01-10T10:00:00+08:00');
  w = await runsWorld(t);
});
afterAll(() => t.close());

const post = (path: string, who: string, body: object = {}) =>
  t.http.post(`/api${path}`).set('Authorization', who).send(body);
const get = (path: string, who: string) => t.http.get(`/api${path}`).set('Authorization', who);
const reason = (res: { body: unknown }) => (res.body as ApiError).details?.['reason'];

async function snapshotRow(runId: string, version: number) {
  const [row] = (await t.ds.query(
    `SELECT input, facts, content_hash, result, result_hash, engine_version
       FROM rating_run_snapshot WHERE run_id = $1 AND version = $2`,
    [runId, version],
  )) as {
    input: RatingInput;
    facts: RatingSnapshotFacts;
    content_hash: string;
    result: RatingResult | null;
    result_hash: string | null;
    engine_version: string | null;
  }[];
  return row!;
}

async function createRun(body: Record<string, unknown>): Promise<RatingRunDetail> {
  const res = await post('/rating-runs', w.bureau, {
    ratingDate: `${(body['year'] as number) + 1}-01-05`,
    objectionWindowDays: 0,
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as RatingRunDetail;
}

describe('a rating run, from draft to published', () => {
  let run: RatingRunDetail;

  it('is created by the bureau with the campaign framework, one open run per year', async () => {
    run = await createRun({ year: YEAR, objectionWindowDays: 7, note: '2026年度评定' });
    expect(run).toMatchObject({
      year: YEAR,
      status: 'draft',
      frameworkId: w.frameworkId,
      snapshotVersion: null,
      allowedActions: ['freeze', 'cancel'],
    });
    const again = await post('/rating-runs', w.bureau, {
      year: YEAR,
      ratingDate: '2027-01-05',
      objectionWindowDays: 7,
    });
    expect(again.status).toBe(409);
    expect(reason(again)).toBe('open_run_exists');
    const badPolicy = await post('/rating-runs', w.bureau, {
      year: 2030,
      ratingDate: '2031-01-05',
      frameworkId: w.frameworkId,
      objectionWindowDays: 7,
      policy: { minimumScore: 'high' },
    });
    expect(badPolicy.status).toBe(400);
    expect((badPolicy.body as ApiError).fields?.[0]?.field).toBe('policy.minimumScore');
    const badWindow = await post('/rating-runs', w.bureau, {
      year: 2030,
      ratingDate: '2031-01-05',
      objectionWindowDays: 61,
    });
    expect(badWindow.status).toBe(400);
    expect((badWindow.body as ApiError).fields?.[0]?.field).toBe('objectionWindowDays');
    expect(
      (
        await post('/rating-runs', w.admin, {
          year: 2031,
          ratingDate: '2032-01-05',
          objectionWindowDays: 3,
        })
      ).status,
    ).toBe(403);
  });

  it('refuses to compute before freezing, and hides a draft from street and community staff', async () => {
    const res = await post(`/rating-runs/${run.id}/compute`, w.bureau);
    expect(res.status).toBe(409);
    expect((res.body as ApiError).code).toBe('ILLEGAL_TRANSITION');
    expect((await get(`/rating-runs/${run.id}`, w.streetAdmin)).status).toBe(404);
    expect((await get(`/rating-runs/${run.id}`, w.admin)).status).toBe(404);
    expect((await get(`/rating-runs/${run.id}`, w.monitor)).status).toBe(200);
    const list = (await get('/rating-runs', w.admin)).body as RatingRunSummary[];
    expect(list.some((r) => r.id === run.id)).toBe(false);
  });

  it('freezes every input with a content hash; later changes leave the snapshot as it was', async () => {
    const res = await post(`/rating-runs/${run.id}/freeze`, w.bureau, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    run = res.body as RatingRunDetail;
    expect(run).toMatchObject({ status: 'frozen', snapshotVersion: 1, missing: [] });
    expect(run.snapshots).toHaveLength(1);
    const snap = await snapshotRow(run.id, 1);
    expect(snap.content_hash).toBe(contentHashOf(snap.input, snap.facts));
    expect(run.contentHash).toBe(snap.content_hash);
    expect(snap.input.communities.map((c) => c.id).sort()).toEqual([...w.communityIds].sort());
    const mine = snap.input.communities.find((c) => c.id === w.community.id)!;
    expect(mine).toMatchObject({
      firstElectedOn: '2019-06-30',
      previousGrade: 'A',
      metrics: { proposals_adopted: 0 },
      assessments: {
        'council.rules': {
          district_inspection: { score: 38 },
          third_party_monitoring: { score: 36 },
        },
      },
    });
    expect(snap.input.policy).toMatchObject({
      minimumScore: 70,
      quotas: { AAA: 0.1, AA: 0.3, A: 0.5 },
    });
    expect(snap.facts.period).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(snap.facts.communities[w.community.id]).toMatchObject({
      previousGrade: 'A',
      previousGradeSource: 'import',
      streetId: w.street.id,
    });
    expect(snap.facts.communities[w.community.id]!.metrics['proposals_adopted']).toMatchObject({
      value: 0,
      numerator: 0,
      denominator: 1,
    });
    expect(
      snap.facts.assessments[w.community.id]!['venues.quality']!.district_inspection!.score,
    ).toBe(38);

    // The metric moves, a score is corrected, the first election is re-dated: the snapshot stays.
    await decidedProposal(t, w, { decision: 'adopted', decidedAt: '2026-06-01T10:00:00+08:00' });
    const live = await t.app
      .get(MetricsService)
      .figuresFor([w.community.id], { from: '2026-01-01', to: '2026-12-31' });
    expect(live.get(w.community.id)!['proposals_adopted']!.value).toBe(1);
    await t.ds.query(
      `UPDATE rating_assessment SET score = 10 WHERE community_id = $1 AND indicator_key = 'venues.quality'`,
      [w.community.id],
    );
    await t.ds.query(`UPDATE community SET first_elected_on = '2026-09-01' WHERE id = $1`, [
      w.community.id,
    ]);
    const after = await snapshotRow(run.id, 1);
    expect(after.content_hash).toBe(snap.content_hash);
    expect(after.input).toEqual(snap.input);
    await t.ds.query(`UPDATE community SET first_elected_on = '2019-06-30' WHERE id = $1`, [
      w.community.id,
    ]);

    // The database itself refuses to rewrite a frozen input.
    await expect(
      t.ds.query(
        `UPDATE rating_run_snapshot SET input = '{}'::jsonb WHERE run_id = $1 AND version = 1`,
        [run.id],
      ),
    ).rejects.toThrow(/immutable/);
    await expect(
      t.ds.query(`DELETE FROM rating_run_snapshot WHERE run_id = $1`, [run.id]),
    ).rejects.toThrow(/immutable/);

    const twice = await post(`/rating-runs/${run.id}/freeze`, w.bureau, {});
    expect(twice.status).toBe(409);
  });

  it("computes and stores exactly the engine's result", async () => {
    const res = await post(`/rating-runs/${run.id}/compute`, w.bureau);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    run = res.body as RatingRunDetail;
    expect(run.status).toBe('computed');
    const snap = await snapshotRow(run.id, 1);
    expect(snap.result).toEqual(rate(snap.input));
    expect(snap.engine_version).toBe('0.1.0');
    expect(snap.result_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.counts).toMatchObject({ communities: 3, rated: 3 });
    expect(run.allowedActions).toEqual(['open_review', 'cancel']);
    // Publishing needs the review first; a second compute is refused, and so is a result rewrite.
    const early = await post(`/rating-runs/${run.id}/publish`, w.bureau);
    expect(early.status).toBe(409);
    expect(reason(early)).toBe('review_required');
    expect((await post(`/rating-runs/${run.id}/compute`, w.bureau)).status).toBe(409);
    await expect(
      t.ds.query(
        `UPDATE rating_run_snapshot SET result = '{}'::jsonb WHERE run_id = $1 AND version = 1`,
        [run.id],
      ),
    ).rejects.toThrow(/immutable/);
  });

  let objection: RatingObjection;

  it("opens the review: the community's own admin objects, a neighbour's admin may not", async () => {
    const res = await post(`/rating-runs/${run.id}/open-review`, w.bureau);
    expect(res.status).toBe(200);
    run = res.body as RatingRunDetail;
    expect(run.status).toBe('in_review');
    expect(run.reviewClosesAt).toBe('2027-01-17T02:00:00.000Z');

    const seen = await get(`/rating-runs/${run.id}`, w.admin);
    expect(seen.status).toBe(200);
    expect((seen.body as RatingRunDetail).allowedActions).toEqual(['object']);
    expect((await get(`/rating-runs/${run.id}`, w.streetAdmin)).status).toBe(200);

    const neighbour = await post(`/rating-runs/${run.id}/objections`, w.neighbourAdmin, {
      communityId: w.community.id,
      body: '不是我们社区的',
    });
    expect(neighbour.status).toBe(403);
    const worker = await post(`/rating-runs/${run.id}/objections`, w.auth.worker, {
      communityId: w.community.id,
      body: '工作人员不能申请',
    });
    expect(worker.status).toBe(403);
    const unknownIndicator = await post(`/rating-runs/${run.id}/objections`, w.admin, {
      communityId: w.community.id,
      indicatorKey: 'no.such',
      body: '指标不存在',
    });
    expect(unknownIndicator.status).toBe(400);

    const filed = await post(`/rating-runs/${run.id}/objections`, w.admin, {
      communityId: w.community.id,
      indicatorKey: 'venues.quality',
      body: '阵地建设第三方评分漏记了新建的活动室',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    objection = filed.body as RatingObjection;
    expect(objection).toMatchObject({
      status: 'open',
      snapshotVersion: 1,
      indicatorKey: 'venues.quality',
    });

    const mine = (await get(`/rating-runs/${run.id}/objections`, w.admin))
      .body as RatingObjection[];
    expect(mine.map((o) => o.id)).toEqual([objection.id]);
    const neighbours = (await get(`/rating-runs/${run.id}/objections`, w.neighbourAdmin))
      .body as RatingObjection[];
    expect(neighbours).toEqual([]);
    const street = (await get(`/rating-runs/${run.id}/objections`, w.streetAdmin))
      .body as RatingObjection[];
    expect(street.map((o) => o.id)).toEqual([objection.id]);

    const open = await post(`/rating-runs/${run.id}/publish`, w.bureau);
    expect(open.status).toBe(409);
    expect(reason(open)).toBe('objection_window_open');
  });

  it('answers with a correction: a new snapshot version, computed at once, with the diff', async () => {
    const bad = await post(`/rating-objections/${objection.id}/answer`, w.bureau, {
      decision: 'accepted',
      answer: '超出分值',
      corrections: [
        {
          field: 'assessment',
          indicatorKey: 'venues.quality',
          assessorKind: 'third_party_monitoring',
          value: 99,
        },
      ],
    });
    expect(bad.status).toBe(400);
    const notMine = await post(`/rating-objections/${objection.id}/answer`, w.monitor, {
      decision: 'rejected',
      answer: '第三方不能答复',
    });
    expect(notMine.status).toBe(403);

    const before = await snapshotRow(run.id, 1);
    const res = await post(`/rating-objections/${objection.id}/answer`, w.bureau, {
      decision: 'accepted',
      answer: '核实后更正第三方评分',
      corrections: [
        {
          field: 'assessment',
          indicatorKey: 'venues.quality',
          assessorKind: 'third_party_monitoring',
          value: 40,
        },
        { field: 'metric', metric: 'proposals_adopted', value: 4 },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'accepted', resultingSnapshotVersion: 2 });
    const v2 = await snapshotRow(run.id, 2);
    expect(v2.result).toEqual(rate(v2.input));
    expect(v2.content_hash).toBe(contentHashOf(v2.input, v2.facts));
    expect(v2.content_hash).not.toBe(before.content_hash);
    expect(v2.facts.corrections).toEqual([
      {
        objectionId: objection.id,
        communityId: w.community.id,
        indicatorKey: 'venues.quality',
        field: 'assessments.venues.quality.third_party_monitoring',
        from: 36,
        to: 40,
      },
      {
        objectionId: objection.id,
        communityId: w.community.id,
        indicatorKey: null,
        field: 'metrics.proposals_adopted',
        from: 0,
        to: 4,
      },
    ]);
    const detail = (await get(`/rating-runs/${run.id}`, w.bureau)).body as RatingRunDetail;
    expect(detail).toMatchObject({
      status: 'in_review',
      snapshotVersion: 2,
      contentHash: v2.content_hash,
    });
    expect(detail.snapshots.map((s) => [s.version, s.reason])).toEqual([
      [1, 'freeze'],
      [2, `objection:${objection.id}`],
    ]);

    const diff = await get(`/rating-runs/${run.id}/snapshots/2/diff?against=1`, w.bureau);
    expect(diff.status).toBe(200);
    const d = diff.body as RatingSnapshotDiff;
    expect(d.inputChanges).toEqual([
      { communityId: w.community.id, path: 'metrics.proposals_adopted', from: 0, to: 4 },
      {
        communityId: w.community.id,
        path: 'assessments.venues.quality.third_party_monitoring',
        from: 36,
        to: 40,
      },
    ]);
    const oldTotal = before.result!.communities.find((c) => c.id === w.community.id)!.total;
    const newTotal = v2.result!.communities.find((c) => c.id === w.community.id)!.total;
    expect(newTotal).toBeGreaterThan(oldTotal);
    expect(d.resultChanges).toContainEqual(
      expect.objectContaining({
        communityId: w.community.id,
        before: expect.objectContaining({ total: oldTotal }),
        after: expect.objectContaining({ total: newTotal }),
      }),
    );
    expect((await get(`/rating-runs/${run.id}/snapshots/2/diff?against=9`, w.bureau)).status).toBe(
      400,
    );
    expect((await get(`/rating-runs/${run.id}/snapshots/2/diff?against=1`, w.admin)).status).toBe(
      403,
    );
    const again = await post(`/rating-objections/${objection.id}/answer`, w.bureau, {
      decision: 'rejected',
      answer: '再答',
    });
    expect(again.status).toBe(409);
  });

  it('refuses an objection after the window, then publishes once: grades, lock, live event', async () => {
    // The window passes (tokens would expire if the clock jumped a week: the window is moved).
    await t.ds.query(`UPDATE rating_run SET review_closes_at = $2 WHERE id = $1`, [
      run.id,
      new Date(t.clock.now().getTime() - 1000),
    ]);
    const late = await post(`/rating-runs/${run.id}/objections`, w.admin, {
      communityId: w.community.id,
      body: '晚了',
    });
    expect(late.status).toBe(409);
    expect(reason(late)).toBe('objection_window_closed');

    const res = await post(`/rating-runs/${run.id}/publish`, w.bureau);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    run = res.body as RatingRunDetail;
    expect(run.status).toBe('published');
    expect(run.allowedActions).toEqual([]);
    const v2 = await snapshotRow(run.id, 2);
    const grades = (await t.ds.query(
      `SELECT community_id, grade, status, total::float8 AS total, rank, rated_count, source, run_id
         FROM rating_grade WHERE year = $1 ORDER BY rank`,
      [YEAR],
    )) as {
      community_id: string;
      grade: string;
      total: number;
      rated_count: number;
      run_id: string;
    }[];
    expect(grades).toHaveLength(3);
    for (const g of grades) {
      const c = v2.result!.communities.find((x) => x.id === g.community_id)!;
      expect(g).toMatchObject({
        grade: c.grade ?? 'none',
        total: c.total,
        rated_count: 3,
        run_id: run.id,
      });
    }
    const [fw] = (await t.ds.query('SELECT locked_at FROM rating_framework WHERE id = $1', [
      w.frameworkId,
    ])) as { locked_at: Date | null }[];
    expect(fw!.locked_at).not.toBeNull();
    const [ev] = (await t.ds.query(
      `SELECT rooms, data FROM domain_event WHERE name = 'rating.published' AND subject_id = $1`,
      [run.id],
    )) as { rooms: string[]; data: Record<string, unknown> }[];
    expect(ev!.rooms).toEqual(
      expect.arrayContaining(w.communityIds.map((id) => `community:${id}`)),
    );
    expect(ev!.data).toMatchObject({ year: YEAR, contentHash: v2.content_hash });

    for (const action of ['publish', 'compute', 'freeze', 'open-review']) {
      const r = await post(`/rating-runs/${run.id}/${action}`, w.bureau);
      expect(r.status, action).toBe(409);
    }
    const cancel = await post(`/rating-runs/${run.id}/cancel`, w.bureau, { reason: '撤销' });
    expect(cancel.status).toBe(409);
    expect(reason(cancel)).toBe('published');
    const another = await post('/rating-runs', w.bureau, {
      year: YEAR,
      ratingDate: '2027-01-05',
      objectionWindowDays: 0,
    });
    expect(another.status).toBe(409);
    expect(reason(another)).toBe('year_published');
  });

  it('is corrected by a new run that supersedes it, both kept', async () => {
    const fix = await createRun({ year: YEAR, supersedesRunId: run.id, note: '更正' });
    expect((await post(`/rating-runs/${fix.id}/freeze`, w.bureau, {})).status).toBe(200);
    expect((await post(`/rating-runs/${fix.id}/compute`, w.bureau)).status).toBe(200);
    const pub = await post(`/rating-runs/${fix.id}/publish`, w.bureau);
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    const old = (await get(`/rating-runs/${run.id}`, w.bureau)).body as RatingRunDetail;
    expect(old).toMatchObject({ status: 'published', supersededByRunId: fix.id });
    expect(pub.body).toMatchObject({ status: 'published', supersedesRunId: run.id });
    const rows = (await t.ds.query(`SELECT DISTINCT run_id FROM rating_grade WHERE year = $1`, [
      YEAR,
    ])) as { run_id: string }[];
    expect(rows).toEqual([{ run_id: fix.id }]);
    const stale = await post('/rating-runs', w.bureau, {
      year: YEAR,
      ratingDate: '2027-01-05',
      objectionWindowDays: 0,
      supersedesRunId: run.id,
    });
    expect(stale.status).toBe(400);
    expect((stale.body as ApiError).fields?.[0]?.field).toBe('supersedesRunId');
  });
});

describe('missing inputs', () => {
  it('refuse the freeze, listed, writing nothing; accepted, the engine withholds the grade', async () => {
    const year = 2027;
    const run = await createRun({ year, frameworkId: w.frameworkId });
    // One score of one community, submitted; one still a draft.
    const [{ id: campaignId }] = (await t.ds.query(
      `INSERT INTO rating_campaign (year, framework_id, created_by_name) VALUES ($1, $2, 'test') RETURNING id`,
      [year, w.frameworkId],
    )) as [{ id: string }];
    for (const id of w.communityIds)
      for (const ind of ASSESSED)
        for (const kind of KINDS)
          if (!(id === w.sibling.id && ind === 'venues.quality'))
            await score(t, campaignId, id, ind, kind, 30);
    await score(t, campaignId, w.sibling.id, 'venues.quality', 'district_inspection', 30, 'draft');

    const res = await post(`/rating-runs/${run.id}/freeze`, w.bureau, {});
    expect(res.status).toBe(409);
    expect(reason(res)).toBe('missing_inputs');
    expect((res.body as ApiError).details?.['missing']).toEqual([
      {
        communityId: w.sibling.id,
        indicatorKey: 'venues.quality',
        source: 'assessment',
        assessors: ['district_inspection', 'third_party_monitoring'],
      },
    ]);
    const [{ n }] = (await t.ds.query(
      'SELECT count(*)::int AS n FROM rating_run_snapshot WHERE run_id = $1',
      [run.id],
    )) as [{ n: number }];
    expect(n).toBe(0);
    expect(((await get(`/rating-runs/${run.id}`, w.bureau)).body as RatingRunDetail).status).toBe(
      'draft',
    );

    const ok = await post(`/rating-runs/${run.id}/freeze`, w.bureau, { acceptMissing: true });
    expect(ok.status).toBe(200);
    expect((ok.body as RatingRunDetail).missing).toHaveLength(1);
    expect((await post(`/rating-runs/${run.id}/compute`, w.bureau)).status).toBe(200);
    const snap = await snapshotRow(run.id, 1);
    const sibling = snap.result!.communities.find((c) => c.id === w.sibling.id)!;
    expect(sibling.status).toBe('incomplete');
    expect(sibling.grade).toBeNull();
    expect(sibling.missing).toHaveLength(1);

    const cancel = await post(`/rating-runs/${run.id}/cancel`, w.bureau, { reason: '重新组织' });
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ status: 'cancelled', cancelReason: '重新组织' });
    const frozenAgain = await post(`/rating-runs/${run.id}/freeze`, w.bureau, {});
    expect(frozenAgain.status).toBe(409);
    expect((await post(`/rating-runs/${run.id}/cancel`, w.bureau, { reason: 'x' })).status).toBe(
      409,
    );
    expect((await post(`/rating-runs/${run.id}/cancel`, w.bureau, {})).status).toBe(400);
  });
});

describe('concurrent calls', () => {
  it('freeze and compute at once: one winner, the others a clean 409', async () => {
    const run = await createRun({ year: 2028, frameworkId: w.frameworkId });
    const freezes = await Promise.all(
      [0, 1, 2, 3].map(() =>
        post(`/rating-runs/${run.id}/freeze`, w.bureau, { acceptMissing: true }),
      ),
    );
    expect(freezes.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const computes = await Promise.all(
      [0, 1, 2].map(() => post(`/rating-runs/${run.id}/compute`, w.bureau)),
    );
    expect(computes.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const publishes = await Promise.all(
      [0, 1, 2, 3, 4].map(() => post(`/rating-runs/${run.id}/publish`, w.bureau)),
    );
    expect(publishes.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const [{ n }] = (await t.ds.query(
      `SELECT count(*)::int AS n FROM rating_run WHERE year = 2028 AND status = 'published'`,
    )) as [{ n: number }];
    expect(n).toBe(1);
    const [{ events }] = (await t.ds.query(
      `SELECT count(*)::int AS events FROM domain_event WHERE name = 'rating.published' AND subject_id = $1`,
      [run.id],
    )) as [{ events: number }];
    expect(events).toBe(1);
  });
});
