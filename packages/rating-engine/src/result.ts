import type { FrameworkShape } from './framework/compile.js';
import type { PreviousGrade } from './input.js';
import type { Grade, RatingPolicy } from './policy.js';
import type { BoundaryTie } from './grading.js';
import type { IndicatorScore, MissingInput } from './score.js';

/** `rated`: ranked and counted in the quotas; the others are listed but not rated. */
export type CommunityStatus = 'rated' | 'not_eligible' | 'disqualified' | 'incomplete';

/** Why a community has no grade. */
export type NoGrade =
  | { reason: 'not_eligible'; firstElectedOn: string | null; eligibleFrom: string | null }
  | { reason: 'disqualified'; detail: string; reference: string | null }
  | { reason: 'incomplete_inputs'; missing: number }
  | { reason: 'below_minimum'; minimumScore: number }
  | { reason: 'outside_quota' };

/** The grade against last year's; `new` when the community was not rated last year. */
export type Movement = 'upgrade' | 'keep' | 'downgrade' | 'new';

export interface AspectResult {
  key: string;
  points: number;
  maxPoints: number;
  indicators: IndicatorScore[];
}

export interface SectionResult {
  key: string;
  points: number;
  maxPoints: number;
  aspects: AspectResult[];
}

/** One grade's quota as the grading left it: its cap and the ranks that filled it. */
export interface QuotaFill {
  grade: Grade;
  cap: number;
  /** The ranks of the communities that took this grade (from the first to the last), or null. */
  filledRanks: { from: number; to: number } | null;
  assigned: number;
}

/**
 * Why a community has the grade it has, from the quota state that decided it:
 * - `within_quota`: it took a place of its grade (`quotas` show the higher grades' places filled);
 * - `boundary_tie`: its tie group did not fit the places left in `missedGrade` and took the next
 *   lower grade as a whole (`grade` may then be null);
 * - `quota_full`: rated, at or above the minimum, but every grade's places were taken;
 * - `below_minimum`: rated with a total below `minimumScore`: no grade, and a public notice;
 * - `not_rated`: not ranked (not eligible, disqualified, incomplete), see `noGrade`.
 */
export type GradeDecisionReason =
  'within_quota' | 'boundary_tie' | 'quota_full' | 'below_minimum' | 'not_rated';

export interface GradeDecision {
  /** Among the rated; null when not rated. */
  rank: number | null;
  /** How many communities were rated (the quota base). */
  rated: number;
  /** Communities sharing this rank (1 when alone). */
  tiedCount: number;
  grade: Grade | null;
  reason: GradeDecisionReason;
  /** `boundary_tie` only: the grade whose remaining places the tie group did not fit. */
  missedGrade: Grade | null;
  minimumScore: number;
  /** Every grade, top first; the same object for every community of a run. */
  quotas: QuotaFill[];
}

/** One community's rating with every point explained. */
export interface CommunityResult {
  id: string;
  name: string | null;
  status: CommunityStatus;
  /** The exact sum of the indicator points (each rounded to hundredths). */
  total: number;
  maxTotal: number;
  /** Among rated communities; equal standings share a rank (1, 2, 2, 4). */
  rank: number | null;
  grade: Grade | null;
  noGrade: NoGrade | null;
  /** Set when this community's tie group straddled a quota boundary and took the lower grade. */
  boundaryTie: BoundaryTie | null;
  /** The quota state that decided the grade (or its absence). */
  gradeDecision: GradeDecision;
  /** Public notice (通报批评): rated with a total below the policy's minimum. */
  notice: boolean;
  /** Recommended for city and national selection. */
  recommended: boolean;
  previousGrade: PreviousGrade | null;
  movement: Movement | null;
  /** The standing's tie-breaker values, in the policy's order. */
  tieBreakers: number[];
  sections: SectionResult[];
  missing: MissingInput[];
}

export interface QuotaResult {
  grade: Grade;
  share: number;
  cap: number;
  assigned: number;
}

/** Totals of the rated communities: extremes, mean, median and ten equal-width bins. */
export interface ScoreDistribution {
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  median: number | null;
  histogram: Array<{ from: number; to: number; count: number }>;
}

export interface RunSummary {
  communities: number;
  byStatus: Record<CommunityStatus, number>;
  /** Rated communities: the base of the quotas. */
  rated: number;
  quotas: QuotaResult[];
  grades: Record<Grade | 'none', number>;
  notices: number;
  recommended: number;
  boundaryTies: number;
  movement: Record<Movement, number>;
  scores: ScoreDistribution;
}

export type RunWarningCode =
  | 'sample_framework'
  | 'incomplete_inputs'
  | 'missing_inputs_scored_zero'
  | 'partial_assessments_reweighted';

export interface RunWarning {
  code: RunWarningCode;
  communityId: string | null;
  indicators: string[];
}

/**
 * A rating run's result: deterministic (same input in any order, same result) and plain JSON.
 * Communities are listed rated first in ranking order, then disqualified, incomplete and not
 * eligible, each by id.
 */
export interface RatingResult {
  engine: { name: string; version: string };
  year: number;
  ratingDate: string;
  framework: {
    id: string;
    version: string;
    effectiveYear: number;
    sample: boolean;
  } & FrameworkShape;
  policy: RatingPolicy;
  summary: RunSummary;
  communities: CommunityResult[];
  warnings: RunWarning[];
}
