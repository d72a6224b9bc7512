import type {
  RatingCompare,
  RatingResultsPage,
  RatingScorecard,
  RatingWhatIf,
} from '@baitong/contracts';
import { indicatorFormula, whatIf } from '@baitong/rating-engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type FixtureRun, createRatingRun, setRunStatus } from './run-fixture';
import { type ResultsWorld, resultsWorld, scored } from './world';

let t: TestContext;
let w: ResultsWorld;
let run: FixtureRun;
let lastYear: FixtureRun;

const get = (path: string, auth: string) => t.http.get(path).set('Authorization', auth);

beforeAll(async () => {
  t = await createTestApp();
  w = await resultsWorld(t);
  // 2024: published, the own community at 70 (A then), the sibling not in it (imported grade).
  lastYear = await createRatingRun(t.ds, {
    year: 2024,
    status: 'published',
    communities: scored(w, 84).filter((c) => c.community.id !== w.sibling.id),
  });
  await t.ds.query(
    `INSERT INTO rating_grade (year, community_id, grade, source, imported_by_name, total, rank, rated_count)
     VALUES (2024, $1, 'AA', 'import', 'fixture', 91.5, 3, 40)`,
    [w.sibling.id],
  );
  run = await createRatingRun(t.ds, { year: 2025, status: 'computed', communities: scored(w) });
});
afterAll(() => t?.close());

describe('GET /api/rating-runs/:runId/results: scope', () => {
  it('shows a computed run to the bureau and the monitor, every community', async () => {
    for (const auth of [w.auth.bureau, w.auth.monitor]) {
      const res = await get(`/api/rating-runs/${run.runId}/results`, auth);
      expect(res.status).toBe(200);
      const page = res.body as RatingResultsPage;
      expect(page.rows).toHaveLength(11);
      expect(page.contentHash).toBe(run.contentHash);
      expect(page.summary).toEqual(run.result.summary);
      expect(page.rows.map((r) => r.communityId)).toEqual(run.result.communities.map((c) => c.id));
    }
  });

  it('refuses a computed run to streets, communities and residents', async () => {
    for (const auth of [w.auth.street, w.auth.admin, w.auth.worker]) {
      const res = await get(`/api/rating-runs/${run.runId}/results`, auth);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect((await get(`/api/rating-runs/${run.runId}/results`, w.auth.resident)).status).toBe(403);
    const card = await get(
      `/api/rating-runs/${run.runId}/communities/${w.own.id}/scorecard`,
      w.auth.admin,
    );
    expect(card.status).toBe(403);
  });

  it('from in_review on: a street admin sees their street, community staff their own row', async () => {
    await setRunStatus(t.ds, run.runId, 'in_review');
    const street = (await get(`/api/rating-runs/${run.runId}/results`, w.auth.street))
      .body as RatingResultsPage;
    expect(street.rows.map((r) => r.communityId).sort()).toEqual([w.own.id, w.sibling.id].sort());
    // The district-wide figures stay, no other community's row.
    expect(street.summary.rated).toBe(11);
    const other = (await get(`/api/rating-runs/${run.runId}/results`, w.auth.otherStreet))
      .body as RatingResultsPage;
    expect(other.rows).toHaveLength(9);
    expect(other.rows.some((r) => r.communityId === w.own.id)).toBe(false);
    for (const auth of [w.auth.admin, w.auth.worker]) {
      const own = (await get(`/api/rating-runs/${run.runId}/results`, auth))
        .body as RatingResultsPage;
      expect(own.rows.map((r) => r.communityId)).toEqual([w.own.id]);
      expect(own.warnings.every((x) => x.communityId === null || x.communityId === w.own.id)).toBe(
        true,
      );
    }
    const sibling = await get(
      `/api/rating-runs/${run.runId}/communities/${w.sibling.id}/scorecard`,
      w.auth.admin,
    );
    expect(sibling.status).toBe(404);
    const otherStreet = await get(
      `/api/rating-runs/${run.runId}/communities/${w.other.id}/scorecard`,
      w.auth.street,
    );
    expect(otherStreet.status).toBe(404);
    const mine = await get(
      `/api/rating-runs/${run.runId}/communities/${w.sibling.id}/scorecard`,
      w.auth.siblingAdmin,
    );
    expect(mine.status).toBe(200);
  });

  it('lists the runs a community appears in, with its standing (我的评定)', async () => {
    const res = await get(`/api/communities/${w.own.id}/rating-results`, w.auth.admin);
    expect(res.status).toBe(200);
    const own = run.result.communities.find((c) => c.id === w.own.id)!;
    expect(res.body).toEqual([
      expect.objectContaining({
        runId: run.runId,
        year: 2025,
        status: 'in_review',
        rank: 10,
        total: own.total,
        rated: 11,
      }),
      expect.objectContaining({ runId: lastYear.runId, year: 2024, status: 'published' }),
    ]);
    expect(
      (await get(`/api/communities/${w.sibling.id}/rating-results`, w.auth.admin)).status,
    ).toBe(404);
  });

  it('answers 404 for an unknown run and 400 naming the field for a bad id', async () => {
    const unknown = await get(
      `/api/rating-runs/00000000-0000-4000-8000-000000000000/results`,
      w.auth.bureau,
    );
    expect(unknown.status).toBe(404);
    const bad = await get(`/api/rating-runs/nope/results`, w.auth.bureau);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('runId');
  });
});

describe('a row and the scorecard', () => {
  it('carries name, street, total, rank, grade decision and subtotals as stored', async () => {
    const page = (await get(`/api/rating-runs/${run.runId}/results`, w.auth.bureau))
      .body as RatingResultsPage;
    const row = page.rows.find((r) => r.communityId === w.own.id)!;
    const stored = run.result.communities.find((c) => c.id === w.own.id)!;
    expect(row).toMatchObject({
      name: '和睦路社区',
      streetName: '人和街道',
      status: 'rated',
      total: stored.total,
      rank: 10,
      grade: null,
      noGradeReason: 'outside_quota',
      previousGrade: 'AA',
      movement: 'downgrade',
      gradeDecision: stored.gradeDecision,
    });
    expect(row.gradeDecision.reason).toBe('quota_full');
    expect(row.gradeDecisionText.zh).toContain('第 10 名（共 11 个参评社区）');
    expect(row.gradeDecisionText.zh).toContain('A 的 5 个名额已由第 5–9 名占满');
    expect(row.gradeDecisionText.en).toContain("A's 5 places were filled by ranks 5–9");
    expect(row.sections.map((s) => [s.name.zh, s.points])).toEqual(
      stored.sections.map((s) => [s.key === 'service' ? '共享文明' : '党建引领', s.points]),
    );
    expect(page.summary.quotas.map((q) => q.cap)).toEqual([1, 3, 5]);
  });

  it('gives every indicator with the stored points, the formula and the frozen figure', async () => {
    const res = await get(
      `/api/rating-runs/${run.runId}/communities/${w.own.id}/scorecard`,
      w.auth.admin,
    );
    expect(res.status).toBe(200);
    const card = res.body as RatingScorecard;
    const stored = run.result.communities.find((c) => c.id === w.own.id)!;
    expect(card.contentHash).toBe(run.contentHash);
    expect(card.community.total).toBe(stored.total);
    const storedIndicators = stored.sections.flatMap((s) => s.aspects.flatMap((a) => a.indicators));
    const shown = card.sections.flatMap((s) => s.aspects.flatMap((a) => a.indicators));
    expect(shown.map((i) => [i.key, i.points, i.maxPoints])).toEqual(
      storedIndicators.map((i) => [i.key, i.points, i.maxPoints]),
    );
    expect(shown.map((i) => i.formula)).toEqual(storedIndicators.map((i) => indicatorFormula(i)));
    const sat = shown.find((i) => i.key === 'satisfaction_rate')!;
    expect(sat.name.zh).toBe('居民满意度');
    expect(sat.figure).toMatchObject({ value: sat.value, denominator: 1000 });
    expect(sat.metricLink).toBe(
      `/metrics/communities/${w.own.id}/satisfaction_rate?from=2025-01-01&to=2025-12-31`,
    );
    const rules = shown.find((i) => i.key === 'council_rules')!;
    expect(rules.source).toBe('assessment');
    expect(rules.weightedScore).toBe(
      (storedIndicators.find((i) => i.key === 'council_rules') as { weightedScore: number })
        .weightedScore,
    );
    expect(card.sections.map((s) => s.name.zh)).toEqual(['共享文明', '党建引领']);
    expect(card.community.gradeDecisionText.zh).toContain('名额已满');
  });
});

describe('what-if and year-on-year', () => {
  it('lists the engine’s own options on the frozen input, with names', async () => {
    const res = await get(
      `/api/rating-runs/${run.runId}/communities/${w.own.id}/what-if`,
      w.auth.admin,
    );
    expect(res.status).toBe(200);
    const body = res.body as RatingWhatIf;
    const engine = whatIf(run.input, w.own.id);
    expect(body.status).toBe(engine.status);
    expect(body.targetGrade).toBe('A');
    expect(body.options.map((o) => [o.indicator, o.pointsNeeded, o.resultingGrade])).toEqual(
      engine.options.map((o) => [o.indicator, o.pointsNeeded, o.resultingGrade]),
    );
    expect(body.options.length).toBeGreaterThan(0);
    const needed = body.options.map((o) => o.pointsNeeded);
    expect(needed).toEqual([...needed].sort((a, b) => a - b));
    expect(body.options[0]!.indicatorName.zh).toBeTruthy();
  });

  it('compares against the latest published run of the year before, indicator by indicator', async () => {
    const res = await get(
      `/api/rating-runs/${run.runId}/communities/${w.own.id}/compare`,
      w.auth.street,
    );
    expect(res.status).toBe(200);
    const body = res.body as RatingCompare;
    const now = run.result.communities.find((c) => c.id === w.own.id)!;
    const then = lastYear.result.communities.find((c) => c.id === w.own.id)!;
    expect(body.then).toMatchObject({
      year: 2024,
      runId: lastYear.runId,
      source: 'run',
      total: then.total,
      rank: then.rank,
      grade: then.grade,
    });
    expect(body.now).toMatchObject({ year: 2025, total: now.total, rank: 10 });
    expect(body.totalChange).toBe(Math.round((now.total - then.total) * 100) / 100);
    expect(body.rankChange).toBe(then.rank! - 10);
    const sat = body.indicators.find((i) => i.key === 'satisfaction_rate')!;
    const satThen = then.sections[0]!.aspects[0]!.indicators[0]!.points;
    expect(sat.then).toBe(satThen);
    expect(sat.change).toBe(Math.round((sat.now - satThen) * 100) / 100);
  });

  it('falls back to the imported grade when last year had no run for the community', async () => {
    const body = (
      await get(`/api/rating-runs/${run.runId}/communities/${w.sibling.id}/compare`, w.auth.bureau)
    ).body as RatingCompare;
    expect(body.then).toMatchObject({
      year: 2024,
      source: 'import',
      grade: 'AA',
      total: 91.5,
      rank: 3,
      rated: 40,
    });
    expect(body.indicators.every((i) => i.then === null)).toBe(true);
  });
});
