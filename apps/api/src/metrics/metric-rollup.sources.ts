import { createHash } from 'node:crypto';
import {
  DERIVED_METRIC_KEYS,
  type DerivedMetricKey,
  METRIC_DEFINITIONS,
  type MetricDefinition,
  type RowSide,
} from './metric-definitions';
import type { RuleSettings } from './metrics.repository';

// What the roll-ups hold: one daily count per community for each additive side of the metric
// definitions (a plain row count; a distinct count over a period is not a sum of daily distinct
// counts, so those sides stay live, as do the register snapshots). Sides with the same SQL share
// one source, so the resolved cases behind four rates are counted once.

export interface RollupSource {
  /** A short hash of the side's SQL: a changed rule is a new source, never a stale one. */
  id: string;
  side: RowSide;
}

export type SideName = 'numerator' | 'denominator';

const hash = (s: string) => createHash('sha1').update(s).digest('hex');

const isAdditive = (side: MetricDefinition['denominator']): side is RowSide =>
  side.kind === 'rows' && !side.distinct;

const bySql = new Map<string, RollupSource>();
const ofSide = new Map<string, RollupSource>();
for (const key of DERIVED_METRIC_KEYS)
  for (const name of ['numerator', 'denominator'] as const) {
    const side = METRIC_DEFINITIONS[key][name];
    if (!isAdditive(side)) continue;
    let source = bySql.get(side.sql);
    if (!source) {
      source = { id: hash(side.sql).slice(0, 12), side };
      bySql.set(side.sql, source);
    }
    ofSide.set(`${key}:${name}`, source);
  }

export const ROLLUP_SOURCES: readonly RollupSource[] = [...bySql.values()];

/** The source of a side held in the roll-ups, or undefined when the side is read live. */
export const rollupSourceOf = (key: DerivedMetricKey, side: SideName): RollupSource | undefined =>
  ofSide.get(`${key}:${side}`);

/** The roll-ups were built for exactly these rules and settings, or must be built again. */
export const rollupFingerprint = (s: RuleSettings): string =>
  hash(
    JSON.stringify({
      sources: ROLLUP_SOURCES.map((x) => [x.id, x.side.sql]),
      eveningFrom: s.eveningFrom,
      unratedAsSatisfied: s.unratedAsSatisfied,
    }),
  );
