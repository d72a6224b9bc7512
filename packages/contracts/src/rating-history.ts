// The annual rating (issue 12), part "history": published grades by year, the import of the
// results published before Baitong, and a community's grade as its residents see it.

import type { FieldErrorCode } from './errors.js';
import type { RatingGradeValue } from './ratings.js';

/** Where a published grade came from: a published run of Baitong, or an import of a past result. */
export type RatingGradeSource = 'run' | 'import';

/** Against the year before: `new` when the community had no grade listed the year before. */
export type RatingGradeMovement = 'upgrade' | 'keep' | 'downgrade' | 'new';

/** One community's published grade of one year (`GET /api/rating-grades`). */
export interface RatingGradeRow {
  id: string;
  year: number;
  communityId: string;
  communityName: string;
  communityNameEn: string;
  communityCode: string;
  streetId: string;
  streetName: string;
  streetNameEn: string;
  grade: RatingGradeValue;
  /** The engine's status when from a run; null when imported without it. */
  status: string | null;
  total: number | null;
  rank: number | null;
  /** How many communities were ranked that year (the "of N" of the rank). */
  ratedCount: number | null;
  /** Public notice (通报批评). */
  notice: boolean;
  recommended: boolean;
  source: RatingGradeSource;
  /** The published run, when from a run. */
  runId: string | null;
  movement: RatingGradeMovement | null;
}

export interface RatingGradeList {
  items: RatingGradeRow[];
  /** The years present in the list, newest first. */
  years: number[];
}

/** `GET /api/communities/{id}/rating-history`: every year's grade of one community, newest first. */
export interface RatingCommunityHistory {
  communityId: string;
  communityName: string;
  communityNameEn: string;
  streetName: string;
  streetNameEn: string;
  years: RatingGradeRow[];
}

/** One problem of an import file: its sheet row (1 is the header), the column as written, why. */
export interface RatingGradeImportError {
  row: number;
  column: string;
  /** `not_found`: no such community; `not_one_of`: not a grade; `locked`: the year has a published run. */
  code: FieldErrorCode;
  message: string;
}

/** One row of an import as it would be (or was) written. */
export interface RatingGradeImportRow {
  row: number;
  year: number;
  communityId: string;
  communityName: string;
  grade: RatingGradeValue;
  total: number | null;
  rank: number | null;
  notice: boolean;
  /** `create`: a new grade; `replace`: replaces an imported grade of that year; `unchanged`. */
  action: 'create' | 'replace' | 'unchanged';
}

/**
 * `POST /api/rating-grades/import` (multipart `file`, `dryRun`). All or nothing: any error and
 * nothing is written (`applied: false`, the errors listed, 200 on a dry run, 422 otherwise).
 */
export interface RatingGradeImportResult {
  dryRun: boolean;
  applied: boolean;
  rows: RatingGradeImportRow[];
  errors: RatingGradeImportError[];
  counts: { rows: number; create: number; replace: number; unchanged: number; errors: number };
  years: number[];
}

/** The most data rows one import takes. */
export const RATING_GRADE_IMPORT_MAX_ROWS = 20_000;
/** The largest import file, in bytes. */
export const RATING_GRADE_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** One section of a published scorecard, for residents: its points out of its maximum. */
export interface RatingSectionSubtotal {
  key: string;
  name: { zh: string; en: string };
  points: number;
  maxPoints: number;
}

/** One past year of the community's grade, for the resident app. */
export interface ResidentRatingYear {
  year: number;
  grade: RatingGradeValue;
  total: number | null;
  rank: number | null;
  ratedCount: number | null;
  source: RatingGradeSource;
}

/**
 * `GET /api/me/community-rating`: the resident's own community, its latest published grade and a
 * short scorecard (section subtotals when the year was rated by a run), and the last years.
 * `latest` is null when the community was never rated.
 */
export interface ResidentCommunityRating {
  communityId: string;
  communityName: string;
  communityNameEn: string;
  latest: {
    year: number;
    grade: RatingGradeValue;
    total: number | null;
    maxTotal: number | null;
    rank: number | null;
    ratedCount: number | null;
    movement: RatingGradeMovement | null;
    recommended: boolean;
    notice: boolean;
    source: RatingGradeSource;
    /** The published run's content hash, when from a run. */
    contentHash: string | null;
    sections: RatingSectionSubtotal[];
  } | null;
  /** Newest first, at most 8. */
  years: ResidentRatingYear[];
}
