// Part "runs" of the annual rating (issue 12): the requests and answers of `/api/rating-runs`.
// The shared shapes (run summary, snapshot facts, missing inputs) are in ratings.ts.

import type {
  RatingAssessorKind,
  RatingMissingInput,
  RatingObjectionStatus,
  RatingRunSummary,
  RatingSnapshotSummary,
} from './ratings.js';

/** What the caller may do with a run now (buttons of the run page). */
export const RATING_RUN_ACTIONS = [
  'freeze',
  'compute',
  'open_review',
  'publish',
  'cancel',
  'object',
  'answer',
] as const;
export type RatingRunAction = (typeof RATING_RUN_ACTIONS)[number];

/** `POST /api/rating-runs` (bureau). */
export interface CreateRatingRunRequest {
  year: number;
  /** `YYYY-MM-DD`: eligibility is counted up to this day. */
  ratingDate: string;
  /** Default: the framework of that year's assessment campaign. */
  frameworkId?: string;
  /** Overrides over the engine's defaults, validated by the engine. */
  policy?: Record<string, unknown>;
  /** 0..60; 0 = no review stage (computed → published). */
  objectionWindowDays: number;
  note?: string;
  /** A correction run: the published, not yet superseded run of the same year. */
  supersedesRunId?: string;
}

/** `POST /api/rating-runs/{id}/freeze`. */
export interface FreezeRatingRunRequest {
  /** Freeze although inputs are missing: the engine's `missingInputs` policy then applies. */
  acceptMissing?: boolean;
}

export interface CancelRatingRunRequest {
  reason: string;
}

/** `GET /api/rating-runs/{id}`. */
export interface RatingRunDetail extends RatingRunSummary {
  snapshots: RatingSnapshotSummary[];
  /** The inputs the current snapshot lacks (the caller's communities only). */
  missing: RatingMissingInput[];
  objections: Record<RatingObjectionStatus, number>;
  allowedActions: RatingRunAction[];
}

/** `POST /api/rating-runs/{id}/objections` (the community's own admin, during review). */
export interface CreateRatingObjectionRequest {
  communityId: string;
  /** The indicator objected to; absent for the result as a whole. */
  indicatorKey?: string;
  body: string;
}

/** A corrected input of the objecting community. */
export type RatingCorrection =
  | { field: 'metric'; metric: string; value: number | null }
  | {
      field: 'assessment';
      indicatorKey: string;
      assessorKind: RatingAssessorKind;
      value: number | null;
    }
  | { field: 'firstElectedOn'; value: string | null }
  | { field: 'disqualification'; value: { reason: string; reference?: string } | null };

/** `POST /api/rating-objections/{id}/answer` (bureau). */
export interface AnswerRatingObjectionRequest {
  decision: 'accepted' | 'rejected';
  answer: string;
  /** Only with `accepted`: makes a new snapshot version, computed at once. */
  corrections?: RatingCorrection[];
}

export interface RatingObjection {
  id: string;
  runId: string;
  communityId: string;
  communityName: string;
  communityNameEn: string;
  snapshotVersion: number;
  indicatorKey: string | null;
  body: string;
  filedByName: string;
  filedAt: string;
  status: RatingObjectionStatus;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
  resultingSnapshotVersion: number | null;
}

/** One input that differs between two snapshot versions. */
export interface RatingInputChange {
  communityId: string;
  /** `metrics.<key>`, `assessments.<indicator>.<assessor>`, `firstElectedOn`, `disqualification`, `previousGrade`, `community` (added or removed). */
  path: string;
  from: unknown;
  to: unknown;
}

export interface RatingResultMove {
  communityId: string;
  name: string | null;
  before: { total: number; rank: number | null; grade: string | null; status: string } | null;
  after: { total: number; rank: number | null; grade: string | null; status: string } | null;
}

/** `GET /api/rating-runs/{id}/snapshots/{version}/diff?against=N`. */
export interface RatingSnapshotDiff {
  runId: string;
  version: number;
  against: number;
  contentHash: string;
  againstContentHash: string;
  inputChanges: RatingInputChange[];
  /** Communities whose total, rank, grade or status moved (empty when one side is not computed). */
  resultChanges: RatingResultMove[];
}

/** `rating.published` as pushed (the shared payload plus its stream id). */
export interface RatingPublishedStreamPush {
  eventId: string;
  runId: string;
  year: number;
  contentHash: string;
}
