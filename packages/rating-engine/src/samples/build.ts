import type {
  Aspect,
  AssessmentSource,
  AssessmentWeights,
  Indicator,
  IndicatorSource,
  MetricSource,
  ScoringRule,
  Section,
} from '../framework/types.js';
import type { MetricKey } from '../metrics.js';

// Terse builders so the sample frameworks read as tables; the output is plain framework data.

export function fromMetric(metric: MetricKey, rule: ScoringRule): MetricSource {
  return { kind: 'metric', metric, rule };
}

export function assessed(weights?: AssessmentWeights, scale?: number): AssessmentSource {
  const source: AssessmentSource = { kind: 'assessment' };
  if (weights !== undefined) source.weights = weights;
  if (scale !== undefined) source.scale = scale;
  return source;
}

export function linear(zeroAt: number, fullAt: number): ScoringRule {
  return { type: 'linear', zeroAt, fullAt };
}

export type IndicatorRow = [
  key: string,
  zh: string,
  en: string,
  points: number,
  source?: IndicatorSource,
];

export function aspect(
  key: string,
  zh: string,
  en: string,
  points: number,
  rows: IndicatorRow[],
  defaultSource: () => IndicatorSource = () => assessed(),
): Aspect {
  const indicators: Indicator[] = rows.map(
    ([indicatorKey, indicatorZh, indicatorEn, p, source]) => ({
      key: `${key}.${indicatorKey}`,
      name: { zh: indicatorZh, en: indicatorEn },
      points: p,
      source: source ?? defaultSource(),
    }),
  );
  return { key, name: { zh, en }, points, indicators };
}

export function section(
  key: string,
  zh: string,
  en: string,
  points: number,
  aspects: Aspect[],
): Section {
  return { key, name: { zh, en }, points, aspects };
}
