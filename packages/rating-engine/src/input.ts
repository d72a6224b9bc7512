import type { AssessorKind, Framework } from './framework/types.js';
import type { MetricKey } from './metrics.js';
import type { Grade, PolicyOverrides } from './policy.js';

/** One assessor's score of one indicator, on the indicator's 0..scale scale, with its evidence. */
export interface AssessmentScore {
  score: number;
  /** References to the evidence (photos, minutes, report numbers), echoed in the explanation. */
  evidence?: string[];
}

/** The scores of one indicator by assessor kind; absent or null means not assessed. */
export type AssessorScores = Partial<Record<AssessorKind, AssessmentScore | null>>;

/** A major incident that was publicly notified: no grade that year. */
export interface Disqualification {
  reason: string;
  reference?: string;
}

/** Last year's grade; `'none'` when the community was rated but not graded. */
export type PreviousGrade = Grade | 'none';

/** Everything the engine needs to know about one community for one rating. */
export interface CommunityInput {
  id: string;
  name?: string;
  /** `YYYY-MM-DD`, or null when the community has not held its first election. */
  firstElectedOn: string | null;
  disqualification?: Disqualification | null;
  /** Absent or null when the community was not rated last year. */
  previousGrade?: PreviousGrade | null;
  /** Metric values (rates as fractions 0..1); absent or null means not available. */
  metrics?: Partial<Record<MetricKey, number | null>>;
  /** Assessment scores by indicator key. */
  assessments?: Record<string, AssessorScores>;
}

/** The input of a rating run. The engine reads no clock: `year` and `ratingDate` come in here. */
export interface RatingInput {
  /** The year being rated; the framework's effective year may not be later. */
  year: number;
  /** `YYYY-MM-DD`; eligibility (years since first election) is counted up to this date. */
  ratingDate: string;
  framework: Framework;
  policy?: PolicyOverrides;
  communities: CommunityInput[];
}
