import type { CompiledFramework, CompiledIndicator } from './framework/compile.js';
import type {
  AssessmentWeights,
  AssessorKind,
  MetricSource,
  ScoringRule,
} from './framework/types.js';
import type { AssessorScores, CommunityInput } from './input.js';
import type { MetricKey } from './metrics.js';
import type { RatingPolicy } from './policy.js';
import { centsForShare } from './points.js';
import { scoreRule, type RuleOutcomeCode } from './rules/index.js';

interface IndicatorScoreBase {
  key: string;
  /** Rounded half up to hundredths; subtotals and totals are exact sums of these. */
  points: number;
  maxPoints: number;
  /** `missing`: an input was missing; the points are 0 and the policy decides what follows. */
  status: 'scored' | 'missing';
}

/** A metric-sourced indicator's points and how they were computed. */
export interface MetricIndicatorScore extends IndicatorScoreBase {
  source: 'metric';
  metric: MetricKey;
  /** The input value; null when it was missing. */
  value: number | null;
  rule: ScoringRule;
  outcome: RuleOutcomeCode | 'missing';
  /** For `bands`: the index of the band the value fell in. */
  band: number | null;
  /** The share 0..1 of the points earned (points = share × maxPoints, rounded); null when missing. */
  share: number | null;
}

/** An assessed indicator's points and how they were computed. */
export interface AssessmentIndicatorScore extends IndicatorScoreBase {
  source: 'assessment';
  /** The top of the assessors' scale. */
  scale: number;
  /** The assessor weights as the framework declares them. */
  weights: AssessmentWeights;
  /** The assessors' scores with their evidence, as given in the input. */
  scores: AssessorScores;
  /** Weighted assessor kinds with no score. */
  missingAssessors: readonly AssessorKind[];
  /** The weighted mean of the present scores, on the 0..scale scale. */
  weightedScore: number | null;
  /** `reweighted`: some assessors were missing and the policy reweights over those present. */
  outcome: 'weighted' | 'reweighted' | 'missing';
  /** weightedScore / scale; null when missing. */
  share: number | null;
}

/**
 * One indicator's points for one community with the explanation of every point: the inputs,
 * the rule or weights, and the share of the indicator's points they earned.
 */
export type IndicatorScore = MetricIndicatorScore | AssessmentIndicatorScore;

/** An input a community lacks. */
export type MissingInput =
  | { indicator: string; source: 'metric'; metric: MetricKey }
  | { indicator: string; source: 'assessment'; assessors: AssessorKind[] };

export interface ScoredCommunity {
  input: CommunityInput;
  indicators: IndicatorScore[];
  indicatorCents: number[];
  aspectCents: number[];
  sectionCents: number[];
  totalCents: number;
  missing: MissingInput[];
  reweighted: string[];
}

// Shares and weighted scores are shown to nine decimals (0.91, not 0.9100000000000001); the
// points were computed from the exact values.
function tidy(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

function scoreMetric(
  indicator: CompiledIndicator,
  source: MetricSource,
  community: CommunityInput,
): MetricIndicatorScore {
  const value = community.metrics?.[source.metric];
  const maxPoints = indicator.maxCents / 100;
  if (value === undefined || value === null) {
    return {
      key: indicator.key,
      points: 0,
      maxPoints,
      status: 'missing',
      source: 'metric',
      metric: source.metric,
      value: null,
      rule: source.rule,
      outcome: 'missing',
      band: null,
      share: null,
    };
  }
  const outcome = scoreRule(source.rule, value, indicator.maxCents);
  return {
    key: indicator.key,
    points: outcome.cents / 100,
    maxPoints,
    status: 'scored',
    source: 'metric',
    metric: source.metric,
    value,
    rule: source.rule,
    outcome: outcome.outcome,
    band: outcome.band,
    share: tidy(outcome.share),
  };
}

// The weighted mean of the present assessor scores, or null when none is present.
export function weightedAssessment(
  indicator: CompiledIndicator,
  scores: AssessorScores | undefined,
): number | null {
  let weightSum = 0;
  let sum = 0;
  for (const { assessor, weight } of indicator.weights) {
    const score = scores?.[assessor];
    if (score === undefined || score === null) continue;
    weightSum += weight;
    sum += weight * score.score;
  }
  return weightSum === 0 ? null : sum / weightSum;
}

// Results share these instead of allocating per indicator: rating 5,000 communities builds
// 355,000 assessment scores. For the same reason `scores` is the input's own record.
const NO_ASSESSORS: readonly AssessorKind[] = Object.freeze([]);
const NO_SCORES: AssessorScores = Object.freeze({});

function scoreAssessment(
  indicator: CompiledIndicator,
  community: CommunityInput,
  policy: RatingPolicy,
): AssessmentIndicatorScore {
  const scores = community.assessments?.[indicator.key] ?? NO_SCORES;
  let missingAssessors = NO_ASSESSORS;
  let weightSum = 0;
  let sum = 0;
  for (const { assessor, weight } of indicator.weights) {
    const entry = scores[assessor];
    if (entry === undefined || entry === null) {
      missingAssessors =
        missingAssessors === NO_ASSESSORS ? [assessor] : [...missingAssessors, assessor];
    } else {
      weightSum += weight;
      sum += weight * entry.score;
    }
  }
  const maxPoints = indicator.maxCents / 100;
  const partial = missingAssessors.length > 0;
  if (weightSum === 0 || (partial && policy.partialAssessments === 'treat_as_missing')) {
    return {
      key: indicator.key,
      points: 0,
      maxPoints,
      status: 'missing',
      source: 'assessment',
      scale: indicator.scale,
      weights: indicator.declaredWeights,
      scores,
      missingAssessors,
      weightedScore: null,
      outcome: 'missing',
      share: null,
    };
  }
  const weighted = sum / weightSum;
  const share = weighted / indicator.scale;
  const cents = centsForShare(share, indicator.maxCents);
  return {
    key: indicator.key,
    points: cents / 100,
    maxPoints,
    status: 'scored',
    source: 'assessment',
    scale: indicator.scale,
    weights: indicator.declaredWeights,
    scores,
    missingAssessors,
    weightedScore: tidy(weighted),
    outcome: partial ? 'reweighted' : 'weighted',
    share: tidy(share),
  };
}

// Scores every indicator of a community and adds up aspects, sections and the total in cents.
export function scoreCommunity(
  compiled: CompiledFramework,
  community: CommunityInput,
  policy: RatingPolicy,
): ScoredCommunity {
  const indicators: IndicatorScore[] = [];
  const indicatorCents: number[] = [];
  const aspectCents = new Array<number>(compiled.aspects.length).fill(0);
  const sectionCents = new Array<number>(compiled.sections.length).fill(0);
  const missing: MissingInput[] = [];
  const reweighted: string[] = [];
  let totalCents = 0;
  for (const indicator of compiled.indicators) {
    const source = indicator.source;
    const scored =
      source.kind === 'metric'
        ? scoreMetric(indicator, source, community)
        : scoreAssessment(indicator, community, policy);
    if (scored.status === 'missing') {
      missing.push(
        scored.source === 'metric'
          ? { indicator: indicator.key, source: 'metric', metric: scored.metric }
          : {
              indicator: indicator.key,
              source: 'assessment',
              assessors: [...scored.missingAssessors],
            },
      );
    } else if (scored.source === 'assessment' && scored.outcome === 'reweighted') {
      reweighted.push(indicator.key);
    }
    const cents = Math.round(scored.points * 100);
    indicators.push(scored);
    indicatorCents.push(cents);
    aspectCents[indicator.aspectIndex] = (aspectCents[indicator.aspectIndex] ?? 0) + cents;
    sectionCents[indicator.sectionIndex] = (sectionCents[indicator.sectionIndex] ?? 0) + cents;
    totalCents += cents;
  }
  return {
    input: community,
    indicators,
    indicatorCents,
    aspectCents,
    sectionCents,
    totalCents,
    missing,
    reweighted,
  };
}
