import type {
  CommunityMetrics,
  DistrictMetrics,
  MetricFigure,
  MetricRowsPage,
  MetricSeries,
} from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type RosterWorld, hire, rosterWorld } from './world';

let t: TestContext;
let w: RosterWorld;
const PERIOD = 'from=2026-01-01&to=2026-11-30';
const ids: Record<string, string> = {};

/**
 * A roster with known dates through 2026 (today is 5 December 2026):
 * - A hired 2020-03-01, born 1990-06-15, bachelor, certified; pay 4,000, then 5,000 from 1 July
 * - B hired 2025-05-01, born 1985-12-01, below bachelor; left on 1 June 2026 (first day gone)
 * - C hired 2026-03-01, born 1998-01-20, master, pay 3,600
 * - D hired 2018-01-01, born 1970-11-30, below bachelor, certified; pay 5,200, 6,000 from 1 December
 * - E hired 2019-01-01, left 2025-12-31: before the period
 * - F hired 2026-12-02: after it
 */
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-12-05T10:00:00+08:00');
  w = await rosterWorld(t);
  const c = w.community;
  const a = await hire(t, w.auth.admin, c, {
    name: '李建国',
    hiredOn: '2020-03-01',
    birthDate: '1990-06-15',
    certified: true,
    education: 'bachelor',
    monthlyPayYuan: 4000,
  });
  const b = await hire(t, w.auth.admin, c, {
    name: '王芳',
    hiredOn: '2025-05-01',
    birthDate: '1985-12-01',
    education: 'below_bachelor',
    monthlyPayYuan: 3000,
  });
  const cc = await hire(t, w.auth.admin, c, {
    name: '赵敏',
    hiredOn: '2026-03-01',
    birthDate: '1998-01-20',
    education: 'master_or_above',
    monthlyPayYuan: 3600,
  });
  const d = await hire(t, w.auth.admin, c, {
    name: '欧阳娜娜',
    hiredOn: '2018-01-01',
    birthDate: '1970-11-30',
    certified: true,
    education: 'below_bachelor',
    monthlyPayYuan: 5200,
  });
  const e = await hire(t, w.auth.admin, c, { hiredOn: '2019-01-01', birthDate: '1980-01-01' });
  await hire(t, w.auth.admin, c, { hiredOn: '2026-12-02', birthDate: '1995-01-01' });
  Object.assign(ids, { a: a.id, b: b.id, c: cc.id, d: d.id });
  const patch = async (id: string, version: number, body: object) => {
    const res = await t.http
      .patch(`/api/workforce/${id}`)
      .set('Authorization', w.auth.admin)
      .send({ version, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  await patch(a.id, a.version, { monthlyPayYuan: 5000, effectiveOn: '2026-07-01' });
  await patch(d.id, d.version, { monthlyPayYuan: 6000, effectiveOn: '2026-12-01' });
  for (const [id, leftOn] of [
    [b.id, '2026-06-01'],
    [e.id, '2025-12-31'],
  ] as const)
    expect(
      (
        await t.http
          .post(`/api/workforce/${id}/leave`)
          .set('Authorization', w.auth.admin)
          .send({ leftOn, reason: '考入事业单位' })
      ).status,
    ).toBe(200);
  // The sibling's roster must not leak into the community's figures.
  await hire(t, w.auth.siblingAdmin, w.sibling, { hiredOn: '2010-01-01', monthlyPayYuan: 9999 });
});
afterAll(() => t.close());

const metrics = async (communityId: string, who = w.auth.bureau, q = PERIOD) => {
  const res = await t.http
    .get(`/api/metrics/communities/${communityId}?${q}`)
    .set('Authorization', who);
  expect(res.status).toBe(200);
  return (res.body as CommunityMetrics).metrics;
};
const rows = async (key: string, side: string, who = w.auth.bureau, q = PERIOD) => {
  const res = await t.http
    .get(`/api/metrics/communities/${w.community.id}/${key}/rows?${q}&side=${side}`)
    .set('Authorization', who);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as MetricRowsPage;
};
const sides = (f: MetricFigure | undefined) => [f?.numerator, f?.denominator, f?.value];

describe('the workforce figures', () => {
  it('attrition: leavers in the period ÷ the mean of the headcounts at its ends', async () => {
    const m = await metrics(w.community.id);
    // At 1 Jan: A, B, D; at 30 Nov: A, C, D; B left in the period.
    expect(m.worker_attrition_rate).toEqual({
      value: 0.333333,
      numerator: 1,
      denominator: 3,
      unit: 'fraction',
    });
  });

  it('pay, certificate, degree and age over the headcount at the end, facts as of that day', async () => {
    const m = await metrics(w.community.id);
    // A's raise of July counts, D's of December does not.
    expect(sides(m.worker_avg_pay_yuan)).toEqual([13800, 3, 4600]);
    expect(m.worker_avg_pay_yuan!.unit).toBe('yuan_per_month');
    expect(sides(m.worker_certified_share)).toEqual([2, 3, 0.666667]);
    expect(sides(m.worker_bachelor_share)).toEqual([2, 3, 0.666667]);
    // 36 + 28 + 56: D turns 56 on the period's last day.
    expect(sides(m.worker_avg_age)).toEqual([120, 3, 40]);
  });

  it('moves with the day: as of 5 December D earns 6,000 and F is on the roster', async () => {
    const m = await metrics(w.community.id, w.auth.bureau, 'from=2026-12-01&to=2026-12-05');
    expect(sides(m.worker_avg_pay_yuan)).toEqual([5000 + 3600 + 6000 + 4000, 4, 4650]);
    // Nobody left in December; the headcount is 3 on the 1st and 4 on the 5th.
    expect(sides(m.worker_attrition_rate)).toEqual([0, 3.5, 0]);
  });

  it('gives the monthly series, each month with the facts as of its last day', async () => {
    const res = await t.http
      .get(
        `/api/metrics/communities/${w.community.id}/series?metric=worker_avg_pay_yuan&interval=month&from=2026-06-01&to=2026-07-31`,
      )
      .set('Authorization', w.auth.bureau);
    expect(res.status).toBe(200);
    const points = (res.body as MetricSeries).points;
    // June: A still at 4,000 (raised from 1 July); July: 5,000. B left on 1 June.
    expect(points.map((p) => [p.from, p.numerator, p.denominator, p.value])).toEqual([
      ['2026-06-01', 12800, 3, 4266.666667],
      ['2026-07-01', 13800, 3, 4600],
    ]);
  });

  it('reads null with no_denominator for a community without a roster', async () => {
    const m = await metrics(w.empty.id);
    for (const key of [
      'worker_attrition_rate',
      'worker_avg_pay_yuan',
      'worker_certified_share',
      'worker_bachelor_share',
      'worker_avg_age',
    ])
      expect(m[key], key).toMatchObject({
        value: null,
        numerator: 0,
        denominator: 0,
        reason: 'no_denominator',
      });
  });

  it('gives each community of the district table its own figures', async () => {
    const res = await t.http
      .get(`/api/metrics/communities?${PERIOD}&streetId=${w.street.id}`)
      .set('Authorization', w.auth.bureau);
    expect(res.status).toBe(200);
    const table = res.body as DistrictMetrics;
    const own = table.items.find((i) => i.communityId === w.community.id)!;
    const sibling = table.items.find((i) => i.communityId === w.sibling.id)!;
    expect(sides(own.metrics.worker_avg_pay_yuan)).toEqual([13800, 3, 4600]);
    expect(sides(sibling.metrics.worker_avg_pay_yuan)).toEqual([9999, 1, 9999]);
    expect(sides(sibling.metrics.worker_attrition_rate)).toEqual([0, 1, 0]);
  });

  it('puts exactly the counted entries behind each side, totals equal to the figure', async () => {
    const m = await metrics(w.community.id);
    for (const key of [
      'worker_attrition_rate',
      'worker_avg_pay_yuan',
      'worker_certified_share',
      'worker_bachelor_share',
      'worker_avg_age',
    ]) {
      const num = await rows(key, 'numerator');
      const den = await rows(key, 'denominator');
      expect(num.total, key).toBe(m[key]!.numerator);
      expect(den.total, key).toBe(m[key]!.denominator);
    }
    const den = await rows('worker_attrition_rate', 'denominator');
    // Counted at both ends: 1; at one end only: 0.5.
    expect(Object.fromEntries(den.items.map((r) => [r.id, r.amount ?? 1]))).toEqual({
      [ids.a!]: 1,
      [ids.b!]: 0.5,
      [ids.c!]: 0.5,
      [ids.d!]: 1,
    });
    const leavers = await rows('worker_attrition_rate', 'numerator');
    expect(leavers.items.map((r) => [r.id, r.kind, r.at, r.href])).toEqual([
      [ids.b, 'roster_entry', '2026-05-31T16:00:00.000Z', `/api/workforce/${ids.b}`],
    ]);
  });

  it('shows pay and age per row, and full names, only to the admin and the bureau', async () => {
    const audited = async () =>
      (
        (await t.ds.query(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'personal_data.read'
              AND detail->>'via' = 'metric_rows' AND community_id = $1`,
          [w.community.id],
        )) as { n: number }[]
      )[0]!.n;
    const before = await audited();
    const forAdmin = await rows('worker_avg_pay_yuan', 'numerator', w.auth.admin);
    expect(await audited()).toBe(before + 1);
    expect(forAdmin.items.map((r) => r.amount).sort()).toEqual([3600, 5000, 5200]);
    expect(forAdmin.items.some((r) => r.label.includes('李建国'))).toBe(true);
    for (const who of [w.auth.worker, w.auth.streetAdmin, w.auth.monitor]) {
      const page = await rows('worker_avg_age', 'numerator', who);
      expect(page.total).toBe(120);
      expect(page.items.every((r) => r.amount === undefined)).toBe(true);
      expect(page.items.some((r) => r.label.includes('李建国'))).toBe(false);
      expect(page.items.some((r) => r.label.includes('李**'))).toBe(true);
    }
    // Nothing personal was shown to them, so nothing more was audited.
    expect(await audited()).toBe(before + 1);
    // Halves of the average headcount are no personal data.
    const den = await rows('worker_attrition_rate', 'denominator', w.auth.worker);
    expect(den.items.filter((r) => r.amount === 0.5)).toHaveLength(2);
  });

  it('reads the figures of a whole district in the same number of queries, however many communities', async () => {
    const original = t.ds.query.bind(t.ds);
    const count = async () => {
      let n = 0;
      t.ds.query = ((...args: Parameters<typeof original>) => {
        n++;
        return original(...args);
      }) as typeof t.ds.query;
      try {
        await t.http
          .get(`/api/metrics/communities?${PERIOD}`)
          .set('Authorization', w.auth.bureau)
          .expect(200);
      } finally {
        t.ds.query = original;
      }
      return n;
    };
    const before = await count();
    for (let i = 0; i < 4; i++) {
      const c = await t.given.community({ street: w.street });
      await hire(t, w.auth.bureau, c);
    }
    expect(await count()).toBe(before);
  });
});
