import type {
  CommunityMetrics,
  DistrictMetrics,
  MetricFigure,
  MetricRowsPage,
  MetricSeries,
} from '@baitong/contracts';
import { METRIC_KEYS } from '@baitong/rating-engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricsRepository } from '../../src/metrics/metrics.repository';
import { windowOf } from '../../src/metrics/metric-period';
import { type TestContext, createTestApp } from '../utils/app';
import {
  type MetricsWorld,
  aCase,
  act,
  attempt,
  caseEvent,
  decidedProposal,
  mediation,
  metricsWorld,
  signIn,
  task,
  upheldAppeal,
} from './world';

let t: TestContext;
let w: MetricsWorld;
const auth = {
  admin: '',
  sibling: '',
  streetAdmin: '',
  otherStreet: '',
  bureau: '',
  monitor: '',
  resident: '',
};
const NOV = 'from=2026-11-01&to=2026-11-30';
const sh = (local: string) => `${local}+08:00`;

const get = (path: string, who = auth.bureau) => t.http.get(path).set('Authorization', who);
const figuresOf = async (q = NOV, communityId = w.community.id) => {
  const res = await get(`/api/metrics/communities/${communityId}?${q}`);
  expect(res.status).toBe(200);
  return (res.body as CommunityMetrics).metrics;
};
const sides = (f: MetricFigure | undefined) => [f?.numerator, f?.denominator, f?.value];

/**
 * One community through November 2026 (Shanghai), with rows on both sides of each boundary: the
 * midnights that open and close the month and the 17:30 evening boundary.
 */
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-12-05T10:00:00+08:00');
  w = await metricsWorld(t);
  const [r1, r2, r3, r4] = w.residents as [
    (typeof w.residents)[0],
    (typeof w.residents)[0],
    (typeof w.residents)[0],
    (typeof w.residents)[0],
  ];

  // Cases resolved in November: c1 at the opening midnight, c3 a millisecond before the closing
  // one, c4 at 17:29:59 (transferred), c5 at 17:30:00 (a repeat of c1), c6 reopened once.
  const c1 = await aCase(t, w, {
    submittedAt: sh('2026-10-31T23:50:00'),
    resolvedAt: sh('2026-11-01T00:00:00'),
  });
  await aCase(t, w, {
    submittedAt: sh('2026-10-31T09:00:00'),
    resolvedAt: sh('2026-10-31T23:59:59'),
  });
  const c3 = await aCase(t, w, {
    submittedAt: sh('2026-11-30T09:00:00'),
    acceptDueAt: sh('2026-11-30T09:30:00'),
    acceptedAt: sh('2026-11-30T09:10:00'),
    resolveDueAt: sh('2026-12-01T12:00:00'),
    resolvedAt: sh('2026-11-30T23:59:59.999'),
  });
  await aCase(t, w, {
    submittedAt: sh('2026-11-30T09:00:00'),
    resolvedAt: sh('2026-12-01T00:00:00'),
  });
  const c4 = await aCase(t, w, {
    submittedAt: sh('2026-11-10T09:00:00'),
    acceptDueAt: sh('2026-11-10T09:30:00'),
    acceptedAt: sh('2026-11-10T10:00:00'),
    resolveDueAt: sh('2026-11-10T12:00:00'),
    resolveOverdueAt: sh('2026-11-10T12:00:00'),
    resolvedAt: sh('2026-11-10T17:29:59'),
  });
  await caseEvent(t, w, c4, 'transferred');
  await aCase(t, w, {
    submittedAt: sh('2026-11-10T10:00:00'),
    resolvedAt: sh('2026-11-10T17:30:00'),
    repeatOfId: c1,
  });
  const c6 = await aCase(t, w, {
    submittedAt: sh('2026-11-11T10:00:00'),
    resolvedAt: sh('2026-11-12T10:00:00'),
    reopenCount: 1,
  });
  await aCase(t, w, { submittedAt: sh('2026-11-12T10:00:00'), status: 'rejected' });
  // Never accepted, overdue in November: decided against the accept SLA.
  await aCase(t, w, {
    submittedAt: sh('2026-11-20T09:00:00'),
    acceptDueAt: sh('2026-11-20T09:30:00'),
    acceptOverdueAt: sh('2026-11-20T09:30:00'),
  });

  // Disputes closed: one mediated and one failed in November, one mediated in December.
  for (const [closedAt, outcome] of [
    ['2026-11-05T10:00:00', 'mediated'],
    ['2026-11-06T10:00:00', 'failed'],
    ['2026-12-01T00:00:00', 'mediated'],
  ] as const) {
    const d = await aCase(t, w, {
      kind: 'dispute',
      submittedAt: sh('2026-10-01T09:00:00'),
      resolvedAt: sh('2026-10-20T09:00:00'),
      closedAt: sh(closedAt),
    });
    await mediation(t, d, outcome);
  }

  // Follow-ups first due in November: done in time, done late, still open; one due in December.
  const t1 = await task(t, w, {
    caseId: c1,
    firstDueAt: sh('2026-11-03T18:00:00'),
    status: 'done',
    completedAt: sh('2026-11-03T10:00:00'),
  });
  await attempt(t, w, {
    taskId: t1,
    caseId: c1,
    at: sh('2026-11-03T10:00:00'),
    outcome: 'declined',
  });
  const t2 = await task(t, w, {
    caseId: c3,
    firstDueAt: sh('2026-11-04T18:00:00'),
    status: 'done',
    completedAt: sh('2026-11-05T10:00:00'),
  });
  await attempt(t, w, {
    taskId: t2,
    caseId: c3,
    at: sh('2026-11-05T10:00:00'),
    outcome: 'declined',
  });
  await task(t, w, { caseId: c4, firstDueAt: sh('2026-11-30T23:59:59') });
  const t4 = await task(t, w, { caseId: c6, firstDueAt: sh('2026-12-01T00:00:00') });

  // Ratings recorded in November: very satisfied; dissatisfied; satisfied but struck out by an
  // upheld appeal; satisfied, corrected to basically satisfied; unreachable; one in December.
  await attempt(t, w, {
    taskId: t4,
    caseId: c6,
    at: sh('2026-11-01T00:00:00'),
    satisfaction: 'very_satisfied',
  });
  await attempt(t, w, {
    taskId: t4,
    caseId: c6,
    at: sh('2026-11-02T10:00:00'),
    satisfaction: 'dissatisfied',
  });
  const appealed = await attempt(t, w, { taskId: t4, caseId: c6, at: sh('2026-11-03T10:00:00') });
  await upheldAppeal(t, w, appealed, t4, c6);
  const wrong = await attempt(t, w, { taskId: t4, caseId: c6, at: sh('2026-11-04T10:00:00') });
  await attempt(t, w, {
    taskId: t4,
    caseId: c6,
    at: sh('2026-11-04T11:00:00'),
    satisfaction: 'basically_satisfied',
    supersedes: wrong,
  });
  await attempt(t, w, {
    taskId: t4,
    caseId: c6,
    at: sh('2026-11-05T10:00:00'),
    outcome: 'unreachable',
  });
  await attempt(t, w, {
    taskId: t4,
    caseId: c6,
    at: sh('2026-12-01T00:00:00'),
    satisfaction: 'satisfied',
  });

  // Council acts: r1 twice, r2 at the last instant, r3 after the month, r4 (merged into r1) once.
  await act(t, w, r1, 'support', sh('2026-11-02T10:00:00'));
  await act(t, w, r1, 'comment', sh('2026-11-03T10:00:00'));
  await act(t, w, r2, 'propose', sh('2026-11-30T23:59:59'));
  await act(t, w, r3, 'support', sh('2026-12-01T00:00:00'));
  await act(t, w, r4, 'support', sh('2026-11-04T10:00:00'));
  await t.ds.query(
    `UPDATE resident SET verification = 'merged', merged_into_id = $2, phone = '10000000000' WHERE id = $1`,
    [r4.id, r1.id],
  );

  // The app: r1 since March and signs in during November, r2 from the month's last second, r3 from
  // December, r4 merged away.
  for (const [r, since] of [
    [r1, '2026-03-01T10:00:00'],
    [r2, '2026-11-30T23:59:59'],
    [r3, '2026-12-01T00:00:00'],
    [r4, '2026-02-01T00:00:00'],
  ] as const)
    await t.ds.query(`UPDATE resident SET app_since = $2 WHERE id = $1`, [r.id, sh(since)]);
  await signIn(t, r1, sh('2026-11-15T10:00:00'));
  await signIn(t, r3, sh('2026-11-15T10:00:00'));

  // Council decisions: adopted at the month's last second and completed in it, adopted at the next
  // midnight and completed in December, not adopted in the month.
  await decidedProposal(t, w, {
    decision: 'adopted',
    decidedAt: sh('2026-10-30T23:59:59'),
    completedAt: sh('2026-11-20T10:00:00'),
  });
  await decidedProposal(t, w, { decision: 'adopted', decidedAt: sh('2026-11-30T23:59:59') });
  await decidedProposal(t, w, {
    decision: 'adopted',
    decidedAt: sh('2026-12-01T00:00:00'),
    completedAt: sh('2026-12-20T10:00:00'),
  });
  await decidedProposal(t, w, { decision: 'not_adopted', decidedAt: sh('2026-11-15T10:00:00') });

  // The register held 200 residents until December 2nd, 250 since.
  await t.ds.query(
    `INSERT INTO community_fact_change (community_id, field, old_value, new_value, reason, actor_id,
       actor_name, actor_role, at)
     VALUES ($1, 'registeredResidents', '200', '250', '人口普查', $2, '局', 'bureau_admin', $3)`,
    [w.community.id, w.worker.id, sh('2026-12-02T09:00:00')],
  );

  const staff = async (
    role: Parameters<typeof t.given.staff>[0],
    where: Parameters<typeof t.given.staff>[1] = {},
  ) => `Bearer ${await t.given.token(await t.given.staff(role, where))}`;
  auth.admin = await staff('community_admin', { community: w.community });
  auth.sibling = await staff('community_admin', { community: w.sibling });
  auth.streetAdmin = await staff('street_admin', { street: w.street });
  auth.otherStreet = await staff('street_admin', { street: w.elsewhere.street });
  auth.bureau = await staff('bureau_admin');
  auth.monitor = await staff('monitor');
  auth.resident = `Bearer ${(await t.given.residentLogin(r2)).accessToken}`;
});
afterAll(() => t.close());

describe('the rule of each metric on hand-built rows', () => {
  // The roster is bound (WorkforceModule); this community has no one on it, so nothing divides.
  it('returns every metric key, the worker keys as no_denominator with an empty roster', async () => {
    const m = await figuresOf();
    expect(Object.keys(m)).toEqual([...METRIC_KEYS]);
    expect(m.worker_avg_age).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      unit: 'years',
      reason: 'no_denominator',
    });
  });

  it('counts cases resolved in the Shanghai month, midnight to midnight, rejected ones aside', async () => {
    const m = await figuresOf();
    expect(sides(m.repeat_handling_rate)).toEqual([2, 5, 0.4]);
    expect(sides(m.first_contact_resolution)).toEqual([2, 5, 0.4]);
  });

  it('puts 17:30:00 in the evening and 17:29:59 not', async () => {
    const m = await figuresOf();
    expect(sides(m.evening_service_share)).toEqual([2, 5, 0.4]);
    const late = await t.app.get(MetricsRepository).counts(
      [w.community.id],
      [windowOf('2026-11-01', '2026-11-30')],
      {
        eveningFrom: '17:29',
        unratedAsSatisfied: false,
      },
      ['evening_service_share'],
    );
    expect(late.get(w.community.id)!.get(1)!.get('evening_service_share')).toEqual({
      numerator: 3,
      denominator: 5,
    });
  });

  it('measures the SLA on the due times, an undone step counting when it fell overdue', async () => {
    const m = await figuresOf();
    expect(sides(m.sla_accept_compliance)).toEqual([1, 3, 0.333333]);
    expect(sides(m.sla_resolve_compliance)).toEqual([1, 2, 0.5]);
  });

  it('rates satisfaction on the ratings that count, unrated follow-ups only with the setting', async () => {
    const m = await figuresOf();
    expect(sides(m.satisfaction_rate)).toEqual([2, 3, 0.666667]);
    const lenient = await t.app.get(MetricsRepository).counts(
      [w.community.id],
      [windowOf('2026-11-01', '2026-11-30')],
      {
        eveningFrom: '17:30',
        unratedAsSatisfied: true,
      },
      ['satisfaction_rate'],
    );
    // The two follow-ups that ended in November without a reached attempt count as satisfied.
    expect(lenient.get(w.community.id)!.get(1)!.get('satisfaction_rate')).toEqual({
      numerator: 4,
      denominator: 5,
    });
  });

  it('follows up as the follow-up summary does', async () => {
    const m = await figuresOf();
    expect(sides(m.followup_coverage)).toEqual([2, 3, 0.666667]);
    expect(sides(m.followup_timeliness)).toEqual([1, 3, 0.333333]);
  });

  it('agrees with the follow-up summary of the same period', async () => {
    const m = await figuresOf();
    const res = await get(
      `/api/communities/${w.community.id}/follow-up-summary?from=${encodeURIComponent(
        sh('2026-11-01T00:00:00'),
      )}&to=${encodeURIComponent(sh('2026-12-01T00:00:00'))}`,
      auth.admin,
    );
    expect(res.status).toBe(200);
    const s = res.body as Record<string, { numerator: number; denominator: number }>;
    for (const [summary, key] of [
      ['coverage', 'followup_coverage'],
      ['timeliness', 'followup_timeliness'],
      ['satisfaction', 'satisfaction_rate'],
    ] as const)
      expect([s[summary]!.numerator, s[summary]!.denominator], key).toEqual([
        m[key]!.numerator,
        m[key]!.denominator,
      ]);
  });

  it('mediates closed disputes', async () => {
    expect(sides((await figuresOf()).mediation_rate)).toEqual([1, 2, 0.5]);
  });

  it('counts each participant once, merged residents as who they were merged into, over the register as of the end', async () => {
    const m = await figuresOf();
    expect(sides(m.participation_rate)).toEqual([2, 200, 0.01]);
    const dec = await figuresOf('from=2026-12-01&to=2026-12-31');
    expect(sides(dec.participation_rate)).toEqual([1, 250, 0.004]);
  });

  it('counts app users to the end and active ones in the period', async () => {
    const m = await figuresOf();
    expect(sides(m.app_registration_rate)).toEqual([2, 200, 0.01]);
    // r1 signed in, r2 proposed at its first second in the app; r3 signed in before signing up.
    expect(sides(m.app_active_rate)).toEqual([2, 2, 1]);
  });

  it('counts proposals with a denominator of 1, and divides nothing by zero', async () => {
    const m = await figuresOf();
    expect(m.proposals_adopted).toEqual({ value: 1, numerator: 1, denominator: 1, unit: 'count' });
    expect(m.proposals_completed).toEqual({
      value: 1,
      numerator: 1,
      denominator: 1,
      unit: 'count',
    });
    const proposals = (
      await get(
        `/api/metrics/communities/${w.community.id}/proposals_adopted/rows?${NOV}&side=numerator`,
      )
    ).body as MetricRowsPage;
    expect(proposals.items).toEqual([
      expect.objectContaining({
        kind: 'proposal',
        at: '2026-11-30T15:59:59.000Z',
        consolePath: expect.stringMatching(/^\/council\/proposals\/[0-9a-f-]{36}$/),
      }),
    ]);
    const empty = await figuresOf(NOV, w.sibling.id);
    expect(empty.satisfaction_rate).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      unit: 'fraction',
      reason: 'no_denominator',
    });
  });
});

describe('one definition behind every view', () => {
  it('lists exactly the rows of each side, with links', async () => {
    const m = await figuresOf();
    for (const key of METRIC_KEYS) {
      if (key.startsWith('worker_')) continue;
      for (const side of ['numerator', 'denominator'] as const) {
        if (side === 'denominator' && key.startsWith('proposals_')) continue;
        const res = await get(
          `/api/metrics/communities/${w.community.id}/${key}/rows?${NOV}&side=${side}&pageSize=200`,
        );
        expect(res.status, `${key} ${side}`).toBe(200);
        const page = res.body as MetricRowsPage;
        expect(page.total, `${key} ${side}`).toBe(m[key]![side]);
        if (!['participation_rate', 'app_registration_rate'].includes(key) || side === 'numerator')
          expect(page.items.length, `${key} ${side}`).toBe(page.total);
      }
    }
    const acts = (
      await get(
        `/api/metrics/communities/${w.community.id}/participation_rate/rows?${NOV}&side=numerator`,
      )
    ).body as MetricRowsPage;
    expect(acts.items.map((i) => [i.kind, i.label, i.at])).toEqual([
      ['participation', 'support', '2026-11-02T02:00:00.000Z'],
      ['participation', 'propose', '2026-11-30T15:59:59.000Z'],
    ]);
    expect(acts.items[0]!.consolePath).toMatch(/^\/council\/meetings\/[0-9a-f-]{36}$/);
    const repeats = (
      await get(
        `/api/metrics/communities/${w.community.id}/repeat_handling_rate/rows?${NOV}&side=numerator`,
      )
    ).body as MetricRowsPage;
    expect(repeats.items[0]).toMatchObject({
      kind: 'case',
      href: `/api/cases/${repeats.items[0]!.id}`,
      consolePath: `/cases/${repeats.items[0]!.id}`,
      at: '2026-11-10T09:30:00.000Z',
    });
  });

  it('adds the monthly series up to the quarter for the metrics counted in the period', async () => {
    const q = await figuresOf('from=2026-10-01&to=2026-12-31');
    const res = await get(
      `/api/metrics/communities/${w.community.id}/series?metric=repeat_handling_rate&interval=month&from=2026-10-01&to=2026-12-31`,
    );
    expect(res.status).toBe(200);
    const s = res.body as MetricSeries;
    expect(s.points.map((p) => [p.from, p.to, p.numerator, p.denominator])).toEqual([
      ['2026-10-01', '2026-10-31', 0, 4],
      ['2026-11-01', '2026-11-30', 2, 5],
      ['2026-12-01', '2026-12-31', 0, 1],
    ]);
    expect(s.points.reduce((a, p) => a + p.denominator, 0)).toBe(
      q.repeat_handling_rate!.denominator,
    );
    const weeks = (
      await get(
        `/api/metrics/communities/${w.community.id}/series?metric=participation_rate&interval=week&from=2026-11-25&to=2026-12-03`,
      )
    ).body as MetricSeries;
    expect(weeks.points.map((p) => [p.from, p.to, p.numerator, p.denominator])).toEqual([
      ['2026-11-25', '2026-11-29', 0, 200],
      ['2026-11-30', '2026-12-03', 2, 250],
    ]);
  });

  it('gives the district table the same figures as each community read', async () => {
    const res = await get(`/api/metrics/communities?${NOV}`);
    expect(res.status).toBe(200);
    const table = res.body as DistrictMetrics;
    for (const c of [w.community, w.sibling, w.elsewhere.community]) {
      const row = table.items.find((i) => i.communityId === c.id);
      expect(row?.metrics).toEqual(await figuresOf(NOV, c.id));
    }
  });
});

describe('scope', () => {
  it('gives a community its own figures and 404 for another', async () => {
    expect(
      (await get(`/api/metrics/communities/${w.community.id}?${NOV}`, auth.admin)).status,
    ).toBe(200);
    for (const path of [
      `/api/metrics/communities/${w.community.id}?${NOV}`,
      `/api/metrics/communities/${w.community.id}/satisfaction_rate/rows?${NOV}&side=numerator`,
      `/api/metrics/communities/${w.community.id}/series?metric=satisfaction_rate&interval=month&${NOV}`,
    ]) {
      expect((await get(path, auth.sibling)).status, path).toBe(404);
      expect((await get(path, auth.otherStreet)).status, path).toBe(404);
      expect((await get(path, auth.monitor)).status, path).toBe(200);
      expect((await get(path, auth.resident)).status, path).toBe(403);
    }
  });

  it('lists a street its own communities only', async () => {
    const res = await get(`/api/metrics/communities?${NOV}`, auth.streetAdmin);
    expect((res.body as DistrictMetrics).items.map((i) => i.communityId).sort()).toEqual(
      [w.community.id, w.sibling.id].sort(),
    );
    expect(
      (
        await get(
          `/api/metrics/communities?${NOV}&streetId=${w.elsewhere.street.id}`,
          auth.streetAdmin,
        )
      ).status,
    ).toBe(404);
    const one = await get(`/api/metrics/communities?${NOV}&streetId=${w.elsewhere.street.id}`);
    expect((one.body as DistrictMetrics).items.map((i) => i.communityId)).toEqual([
      w.elsewhere.community.id,
    ]);
  });
});

describe('bad input names the parameter', () => {
  const base = () => `/api/metrics/communities/${w.community.id}`;
  const cases: [string, () => string, string][] = [
    ['no from', () => `${base()}?to=2026-11-30`, 'from'],
    ['a day that is not one', () => `${base()}?from=2026-02-30&to=2026-03-01`, 'from'],
    ['a bad to', () => `${base()}?from=2026-01-01&to=tomorrow`, 'to'],
    ['from after to', () => `${base()}?from=2026-12-01&to=2026-11-30`, 'from'],
    ['over three years', () => `${base()}?from=2023-01-01&to=2026-01-01`, 'to'],
    ['a bad community id', () => `/api/metrics/communities/nope?${NOV}`, 'communityId'],
    ['an unknown metric key', () => `${base()}/happiness/rows?${NOV}&side=numerator`, 'metricKey'],
    ['a bad side', () => `${base()}/satisfaction_rate/rows?${NOV}&side=both`, 'side'],
    ['a bad page', () => `${base()}/satisfaction_rate/rows?${NOV}&side=numerator&page=0`, 'page'],
    [
      'a bad page size',
      () => `${base()}/satisfaction_rate/rows?${NOV}&side=numerator&pageSize=x`,
      'pageSize',
    ],
    [
      'a count’s denominator',
      () => `${base()}/proposals_adopted/rows?${NOV}&side=denominator`,
      'side',
    ],
    [
      'an unknown series metric',
      () => `${base()}/series?metric=happiness&interval=month&${NOV}`,
      'metric',
    ],
    [
      'a bad interval',
      () => `${base()}/series?metric=satisfaction_rate&interval=day&${NOV}`,
      'interval',
    ],
    ['a bad street id', () => `/api/metrics/communities?${NOV}&streetId=x`, 'streetId'],
  ];
  it.each(cases)('%s', async (_name, path, field) => {
    const res = await get(path());
    expect(res.status).toBe(400);
    expect((res.body as { fields: { field: string }[] }).fields.map((f) => f.field)).toContain(
      field,
    );
  });

  it('accepts exactly three years', async () => {
    expect((await get(`${base()}?from=2023-01-01&to=2025-12-31`)).status).toBe(200);
  });
});
