import {
  ASSESSOR_KINDS,
  type CommunityInput,
  type RatingInput,
  type ValueTarget,
  type WhatIfOption,
} from '../../src/index.js';

/** A metric value inside a what-if target range. */
export function valueIn(target: ValueTarget): number {
  if (target.min !== null) return target.min;
  if (target.max !== null) return target.maxExclusive ? target.max - 1e-9 : target.max;
  return 0;
}

/** The input with one what-if option applied to community `id`: the metric moved into its target range, or every assessor at the required score. */
export function applyOption(value: RatingInput, id: string, option: WhatIfOption): RatingInput {
  const change = option.change;
  const communities = value.communities.map((c): CommunityInput => {
    if (c.id !== id) return c;
    if (change.source === 'metric') {
      return { ...c, metrics: { ...c.metrics, [change.metric]: valueIn(change.required) } };
    }
    const given = c.assessments?.[option.indicator] ?? {};
    const scores = Object.fromEntries(
      ASSESSOR_KINDS.filter((kind) => kind in given).map((kind) => [
        kind,
        { score: change.requiredWeightedScore },
      ]),
    );
    return { ...c, assessments: { ...c.assessments, [option.indicator]: scores } };
  });
  return { ...value, communities };
}
