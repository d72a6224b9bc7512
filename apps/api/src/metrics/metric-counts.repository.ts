import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DERIVED_METRIC_KEYS, type DerivedMetricKey } from './metric-definitions';
import { windowOf } from './metric-period';
import { type DayPeriod, MetricRollupRepository } from './metric-rollup.repository';
import { type RollupSource, rollupSourceOf } from './metric-rollup.sources';
import { type Counts, MetricsRepository, type RuleSettings } from './metrics.repository';

/**
 * The sides of the metrics per community and period: additive sides from the roll-ups, distinct
 * counts and register snapshots live, all in one REPEATABLE READ snapshot so that a figure's two
 * sides and a district table's rows are of one instant. Until the roll-ups are built for the
 * rules in force, everything is read live.
 */
@Injectable()
export class MetricCountsRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly live: MetricsRepository,
    private readonly rollups: MetricRollupRepository,
  ) {}

  async counts(
    ids: readonly string[],
    periods: readonly DayPeriod[],
    settings: RuleSettings,
    keys: readonly DerivedMetricKey[] = DERIVED_METRIC_KEYS,
  ): Promise<Counts> {
    const windows = periods.map((p) => windowOf(p.from, p.to));
    return this.ds.transaction('REPEATABLE READ', async (m) => {
      if (!(await this.rollups.isBuilt(settings, m)))
        return this.live.counts(ids, windows, settings, keys, m);
      const rolled = (k: DerivedMetricKey, side: 'numerator' | 'denominator') =>
        rollupSourceOf(k, side) !== undefined;
      const counts = await this.live.counts(
        ids,
        windows,
        settings,
        keys,
        m,
        (k, side) => !rolled(k, side),
      );
      const sources = new Map<string, RollupSource>();
      for (const k of keys)
        for (const side of ['numerator', 'denominator'] as const) {
          const src = rollupSourceOf(k, side);
          if (src) sources.set(src.id, src);
        }
      const sums = await this.rollups.sums(m, ids, periods, [...sources.values()], settings);
      for (const id of ids)
        periods.forEach((_p, i) => {
          const perKey = counts.get(id)!.get(i + 1)!;
          const perSource = sums.get(id)!.get(i + 1)!;
          for (const k of keys)
            for (const side of ['numerator', 'denominator'] as const) {
              const src = rollupSourceOf(k, side);
              if (src) perKey.get(k)![side] = perSource.get(src.id) ?? 0;
            }
        });
      return counts;
    });
  }
}
