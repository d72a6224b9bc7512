// What a rating run shows (issue 12, items 5 and 6): the results table, a community's scorecard,
// what-if, the year-on-year comparison. Engine shapes are mirrored here (contracts depend on
// nothing); the API fills them from the frozen snapshot's result.

import type { MetricFigure } from './metrics.js';
import type { RatingSectionSubtotal } from './rating-history.js';
import type { RatingGradeValue, RatingRunSummary } from './ratings.js';

export type RatingGrade = 'AAA' | 'AA' | 'A';
export type RatingCommunityStatus = 'rated' | 'not_eligible' | 'disqualified' | 'incomplete';
export type RatingMovement = 'upgrade' | 'keep' | 'downgrade' | 'new';
export type RatingNoGradeReason =
  'not_eligible' | 'disqualified' | 'incomplete_inputs' | 'below_minimum' | 'outside_quota';

/** One grade's places as the grading left them (the engine's `QuotaFill`). */
export interface RatingQuotaFill {
  grade: RatingGrade;
  cap: number;
  filledRanks: { from: number; to: number } | null;
  assigned: number;
}

export type RatingGradeDecisionReason =
  'within_quota' | 'boundary_tie' | 'quota_full' | 'below_minimum' | 'not_rated';

/** The quota state that decided a community's grade (the engine's `GradeDecision`). */
export interface RatingGradeDecision {
  rank: number | null;
  rated: number;
  tiedCount: number;
  grade: RatingGrade | null;
  reason: RatingGradeDecisionReason;
  missedGrade: RatingGrade | null;
  minimumScore: number;
  quotas: RatingQuotaFill[];
}

/** The decision in words, both languages, e.g. "第 16 名（共 42 个参评）；AA 的 12 个名额已由第 4–15 名占满，故为 A". */
export interface RatingGradeDecisionText {
  zh: string;
  en: string;
}

/** One community of `GET /api/rating-runs/{runId}/results`. */
export interface RatingResultRow {
  communityId: string;
  name: string;
  nameEn: string;
  streetId: string;
  streetName: string;
  streetNameEn: string;
  status: RatingCommunityStatus;
  total: number;
  maxTotal: number;
  rank: number | null;
  grade: RatingGrade | null;
  noGradeReason: RatingNoGradeReason | null;
  /** The engine's `noGrade` as is (reason plus its detail: minimum, first election, incident). */
  noGrade: Record<string, unknown> | null;
  notice: boolean;
  recommended: boolean;
  previousGrade: RatingGradeValue | null;
  movement: RatingMovement | null;
  gradeDecision: RatingGradeDecision;
  gradeDecisionText: RatingGradeDecisionText;
  sections: RatingSectionSubtotal[];
}

export interface RatingResultsSummary {
  communities: number;
  byStatus: Record<RatingCommunityStatus, number>;
  rated: number;
  quotas: Array<{ grade: RatingGrade; share: number; cap: number; assigned: number }>;
  grades: Record<RatingGrade | 'none', number>;
  notices: number;
  recommended: number;
  boundaryTies: number;
  movement: Record<RatingMovement, number>;
  scores: {
    count: number;
    min: number | null;
    max: number | null;
    mean: number | null;
    median: number | null;
    histogram: Array<{ from: number; to: number; count: number }>;
  };
}

/** `GET /api/rating-runs/{runId}/results`: the whole run's figures, the rows the reader may see. */
export interface RatingResultsPage {
  run: RatingRunSummary;
  /** Hash of the snapshot the result stands on (on every page and file). */
  contentHash: string;
  resultHash: string | null;
  engineVersion: string | null;
  /** The engine's run summary (district-wide counts; no community in it). */
  summary: RatingResultsSummary;
  sections: Array<{ key: string; name: { zh: string; en: string }; maxPoints: number }>;
  warnings: Array<{ code: string; communityId: string | null; indicators: string[] }>;
  /** Only the communities in the reader's scope. */
  rows: RatingResultRow[];
}

export interface RatingScorecardIndicator {
  key: string;
  name: { zh: string; en: string };
  source: 'metric' | 'assessment';
  points: number;
  maxPoints: number;
  status: string;
  outcome: string;
  /** The engine's `indicatorFormula`, one line of arithmetic. */
  formula: string;
  /** Metric indicators. */
  metric?: string;
  value?: number | null;
  rule?: Record<string, unknown>;
  /** The frozen figure behind the value (numerator ÷ denominator), when the snapshot has it. */
  figure?: MetricFigure | null;
  /** Console path of the metric's rows for the rating period. */
  metricLink?: string;
  /** Assessment indicators: the assessors' scores on `scale`, weights, the combined score. */
  scale?: number;
  weights?: Record<string, number>;
  scores?: Record<string, { score: number; evidence?: string[] } | null>;
  weightedScore?: number | null;
  missingAssessors?: string[];
}

export interface RatingScorecardAspect {
  key: string;
  name: { zh: string; en: string };
  points: number;
  maxPoints: number;
  indicators: RatingScorecardIndicator[];
}

export interface RatingScorecardSection {
  key: string;
  name: { zh: string; en: string };
  points: number;
  maxPoints: number;
  aspects: RatingScorecardAspect[];
}

/** `GET /api/rating-runs/{runId}/communities/{communityId}/scorecard` */
export interface RatingScorecard {
  run: RatingRunSummary;
  contentHash: string;
  period: { from: string; to: string };
  framework: { id: string; version: string; name: { zh: string; en: string }; sample: boolean };
  community: Omit<RatingResultRow, 'sections'>;
  sections: RatingScorecardSection[];
  missing: Array<{ indicator: string; source: 'metric' | 'assessment' }>;
}

export interface RatingWhatIfOption {
  indicator: string;
  indicatorName: { zh: string; en: string };
  section: string;
  sectionName: { zh: string; en: string };
  aspect: string;
  aspectName: { zh: string; en: string };
  currentPoints: number;
  requiredPoints: number;
  pointsNeeded: number;
  maxPoints: number;
  resultingTotal: number;
  resultingRank: number | null;
  resultingGrade: RatingGrade | null;
  /** The engine's change: the metric range to reach, or the weighted score to reach. */
  change: Record<string, unknown>;
}

/** `GET /api/rating-runs/{runId}/communities/{communityId}/what-if` */
export interface RatingWhatIf {
  runId: string;
  contentHash: string;
  communityId: string;
  communityName: string;
  status: 'options' | 'no_single_change' | 'top_grade' | 'not_rated';
  total: number;
  rank: number | null;
  grade: RatingGrade | null;
  targetGrade: RatingGrade | null;
  notRatedReason: string | null;
  /** Fewest points first. */
  options: RatingWhatIfOption[];
  insufficient: Array<{ indicator: string; name: { zh: string; en: string } }>;
}

export interface RatingCompareIndicator {
  key: string;
  name: { zh: string; en: string };
  section: string;
  now: number;
  /** Null when last year's run had no such indicator (another framework) or no run. */
  then: number | null;
  change: number | null;
  maxPoints: number;
}

export interface RatingCompareSide {
  year: number;
  runId: string | null;
  /** `run`: the latest published run of that year; `import`: a grade imported without a run. */
  source: 'run' | 'import' | null;
  total: number | null;
  rank: number | null;
  rated: number | null;
  grade: RatingGradeValue | null;
  status: string | null;
  movement: RatingMovement | null;
}

/** `GET /api/rating-runs/{runId}/communities/{communityId}/compare` */
export interface RatingCompare {
  runId: string;
  communityId: string;
  communityName: string;
  now: RatingCompareSide;
  then: RatingCompareSide;
  totalChange: number | null;
  rankChange: number | null;
  indicators: RatingCompareIndicator[];
}

/** One run of `GET /api/communities/{communityId}/rating-results`: where the community stands in it. */
export interface RatingCommunityRun {
  runId: string;
  year: number;
  status: string;
  contentHash: string;
  total: number | null;
  rank: number | null;
  rated: number | null;
  grade: RatingGrade | null;
  communityStatus: RatingCommunityStatus | null;
}
