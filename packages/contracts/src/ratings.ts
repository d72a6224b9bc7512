// The annual harmonious-community rating (issue 12): the shapes every part of it shares. The
// scoring itself is the rating engine's (@baitong/rating-engine); these are what the API keeps
// around it. Part-specific requests and responses live beside this file (rating-*.ts).

import type { MetricFigure } from './metrics.js';

export const RATING_RUN_STATUSES = [
  'draft',
  'frozen',
  'computed',
  'in_review',
  'published',
  'cancelled',
] as const;
/** `draft → frozen → computed → in_review → published`, or `cancelled` from any but published. */
export type RatingRunStatus = (typeof RATING_RUN_STATUSES)[number];

export const RATING_ASSESSOR_KINDS = [
  'district_inspection',
  'third_party_monitoring',
  'street_cross_inspection',
] as const;
/**
 * Who scores an assessed indicator on site: 区级部门现场查验 (the bureau's inspectors),
 * 第三方机构监测 (the monitor), 街道交叉查验 (another street's inspectors).
 */
export type RatingAssessorKind = (typeof RATING_ASSESSOR_KINDS)[number];

export const RATING_GRADE_VALUES = ['AAA', 'AA', 'A', 'none'] as const;
/** A published grade; `none`: listed that year without a grade. */
export type RatingGradeValue = (typeof RATING_GRADE_VALUES)[number];

export const RATING_OBJECTION_STATUSES = ['open', 'accepted', 'rejected'] as const;
export type RatingObjectionStatus = (typeof RATING_OBJECTION_STATUSES)[number];

/** One community as it stood when the run was frozen (names and street for every page and file). */
export interface RatingSnapshotCommunity {
  name: string;
  nameEn: string;
  code: string;
  streetId: string;
  streetName: string;
  streetNameEn: string;
  firstElectedOn: string | null;
  previousGrade: RatingGradeValue | null;
  /** Where the previous grade came from: a published run of last year, or an import. */
  previousGradeSource: 'run' | 'import' | null;
  /** Every metric key of the engine for the rating year, with the counts behind the value. */
  metrics: Record<string, MetricFigure>;
}

/** One assessor kind's score as frozen (the row it came from, for the audit trail). */
export interface RatingSnapshotAssessment {
  assessmentId: string;
  score: number;
  enteredByName: string;
  submittedAt: string;
  evidenceCount: number;
}

/** An input the run needed and did not have (the engine's policy decides what follows). */
export interface RatingMissingInput {
  communityId: string;
  indicatorKey: string;
  source: 'metric' | 'assessment';
  metric?: string;
  assessors?: RatingAssessorKind[];
}

/**
 * `rating_run_snapshot.facts`: what the engine's input was assembled from, frozen beside it. The
 * engine's input itself (`RatingInput`) holds the values; these hold where they came from.
 */
export interface RatingSnapshotFacts {
  /** The rating year as Shanghai calendar days, both included (the metrics' period). */
  period: { from: string; to: string };
  framework: { id: string; key: string; version: string; sample: boolean };
  /** Keyed by community id (the engine's community id is the community's uuid). */
  communities: Record<string, RatingSnapshotCommunity>;
  /** communityId → indicatorKey → assessor kind → score. Only submitted scores are frozen. */
  assessments: Record<
    string,
    Record<string, Partial<Record<RatingAssessorKind, RatingSnapshotAssessment>>>
  >;
  disqualifications: Array<{
    id: string;
    communityId: string;
    what: string;
    occurredOn: string;
    noticeReference: string;
  }>;
  missing: RatingMissingInput[];
  /** Inputs changed by an answered objection, against the version before (empty for version 1). */
  corrections: Array<{
    objectionId: string;
    communityId: string;
    indicatorKey: string | null;
    field: string;
    from: unknown;
    to: unknown;
  }>;
}

/** One snapshot version of a run (`GET /api/rating-runs/{id}` lists them). */
export interface RatingSnapshotSummary {
  version: number;
  contentHash: string;
  reason: string;
  createdAt: string;
  createdByName: string;
  computedAt: string | null;
  resultHash: string | null;
  engineVersion: string | null;
}

/** A run as listed and as the head of every page about it. */
export interface RatingRunSummary {
  id: string;
  year: number;
  status: RatingRunStatus;
  frameworkId: string;
  frameworkName: { zh: string; en: string };
  frameworkVersion: string;
  frameworkSample: boolean;
  ratingDate: string;
  policy: Record<string, unknown>;
  objectionWindowDays: number;
  reviewOpenedAt: string | null;
  reviewClosesAt: string | null;
  /** The version the run stands on, and its content hash (shown on every page and file). */
  snapshotVersion: number | null;
  contentHash: string | null;
  supersedesRunId: string | null;
  supersededByRunId: string | null;
  note: string;
  createdByName: string;
  createdAt: string;
  frozenAt: string | null;
  computedAt: string | null;
  publishedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** Grade counts of the current result; null before computing. */
  counts: {
    communities: number;
    rated: number;
    grades: Record<'AAA' | 'AA' | 'A' | 'none', number>;
  } | null;
  version: number;
}

/** `rating.published`, pushed to every staff room in scope and to residents of each community. */
export interface RatingPublishedPush {
  runId: string;
  year: number;
  contentHash: string;
}
