import type { DistrictMetrics, MetricFigure } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRIC_KEYS } from '@baitong/rating-engine';
import type { Actor } from '../../src/auth/actor';
import { MetricCountsRepository } from '../../src/metrics/metric-counts.repository';
import { MetricsRepository } from '../../src/metrics/metrics.repository';
import { MetricsService } from '../../src/metrics/metrics.service';
import {
  WORKFORCE_METRIC_KEYS,
  type WorkforceFiguresPort,
  type WorkforceMetricKey,
} from '../../src/workforce/workforce-figures.port';
import { type TestContext, createTestApp } from '../utils/app';
import { aCase, metricsWorld, type MetricsWorld } from './world';

let t: TestContext;
let w: MetricsWorld;
let bureau: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await metricsWorld(t);
  await aCase(t, w, {
    submittedAt: '2026-11-02T09:00:00+08:00',
    resolvedAt: '2026-11-02T18:00:00+08:00',
  });
  bureau = `Bearer ${await t.given.token(await t.given.staff('bureau_admin'))}`;
});
afterAll(() => t.close());

/** The database round trips of one call, whatever made them. */
async function queriesOf(call: () => Promise<unknown>): Promise<number> {
  const original = t.ds.query.bind(t.ds);
  let n = 0;
  t.ds.query = ((...args: Parameters<typeof original>) => {
    n++;
    return original(...args);
  }) as typeof t.ds.query;
  try {
    await call();
  } finally {
    t.ds.query = original;
  }
  return n;
}

describe('the district table', () => {
  it('reads all communities in a fixed number of queries, however many there are', async () => {
    const read = () =>
      t.http
        .get('/api/metrics/communities?from=2026-11-01&to=2026-11-30')
        .set('Authorization', bureau)
        .expect(200);
    const before = await queriesOf(read);
    for (let i = 0; i < 6; i++) await t.given.community({ street: w.street });
    const after = await queriesOf(read);
    // The scope read, the row sides and the register snapshots (and whatever the sign-in check reads).
    expect(before).toBeGreaterThanOrEqual(3);
    expect(after).toBe(before);
    const table = (await read()).body as DistrictMetrics;
    expect(table.items.length).toBe(9);
    const own = table.items.find((i) => i.communityId === w.community.id)!;
    expect(own.metrics.evening_service_share).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('totals the district: numerators summed over denominators summed, counts summed', async () => {
    const other = await t.given.community({ street: w.street });
    const desk = await t.given.desk({ community: other });
    for (const resolvedAt of ['2026-11-10T18:00:00+08:00', '2026-11-10T10:00:00+08:00'])
      await aCase(t, w, {
        community: other,
        desk,
        submittedAt: '2026-11-10T09:00:00+08:00',
        resolvedAt,
      });
    const res = await t.http
      .get('/api/metrics/communities?from=2026-11-01&to=2026-11-30')
      .set('Authorization', bureau)
      .expect(200);
    const table = res.body as DistrictMetrics;
    // One evening resolution of one in the first community, one of two in the other: 2 of 3.
    expect(table.total.metrics.evening_service_share).toEqual({
      value: 0.666667,
      numerator: 2,
      denominator: 3,
      unit: 'fraction',
    });
    for (const key of METRIC_KEYS) {
      const sum = (side: 'numerator' | 'denominator') =>
        table.items.reduce((s, i) => s + i.metrics[key]![side], 0);
      expect(table.total.metrics[key]!.numerator, key).toBe(sum('numerator'));
      if (table.total.metrics[key]!.unit !== 'count')
        expect(table.total.metrics[key]!.denominator, key).toBe(sum('denominator'));
    }
  });
});

describe('the workforce port', () => {
  it('takes the worker figures from the roster when one is bound', async () => {
    const asked: { ids: readonly string[]; period: { from: string; to: string } }[] = [];
    const figure: MetricFigure = { value: 0.25, numerator: 1, denominator: 4, unit: 'fraction' };
    const port: WorkforceFiguresPort = {
      figures: (ids, period) => {
        asked.push({ ids, period });
        return Promise.resolve(
          new Map(
            ids.map((id) => [
              id,
              Object.fromEntries(WORKFORCE_METRIC_KEYS.map((k) => [k, figure])) as Record<
                WorkforceMetricKey,
                MetricFigure
              >,
            ]),
          ),
        );
      },
      rows: () => Promise.resolve({ items: [], total: 1 }),
    };
    const service = new MetricsService(
      t.app.get(MetricsRepository),
      t.app.get(MetricCountsRepository),
      t.config,
      port,
    );
    const actor: Actor = {
      kind: 'staff',
      id: w.worker.id,
      sessionId: w.worker.id,
      role: 'bureau_admin',
      name: 'bureau',
      scopeLevel: 'district',
      scopeId: 'district',
      streetId: null,
      communityId: null,
      compoundId: null,
    };
    const m = await service.communityMetrics(actor, w.community.id, {
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(m.metrics.worker_attrition_rate).toEqual(figure);
    expect(asked).toEqual([
      { ids: [w.community.id], period: { from: '2026-11-01', to: '2026-11-30' } },
    ]);
    expect(m.metrics.evening_service_share).toMatchObject({ numerator: 1, denominator: 1 });
  });
});
