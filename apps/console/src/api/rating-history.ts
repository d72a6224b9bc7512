import type {
  RatingCommunityHistory,
  RatingGradeImportResult,
  RatingGradeList,
} from '@baitong/contracts';
import { ApiRequestError } from '@/api/api-error';
import { request, type CallOptions } from '@/api/request';

export interface RatingGradeQuery {
  year?: number;
  streetId?: string;
  communityId?: string;
}

/** Published grades of the caller's scope, newest year first. */
export const listRatingGrades = (query: RatingGradeQuery = {}, options: CallOptions = {}) =>
  request<RatingGradeList>('/rating-grades', { ...options, query: { ...query } });

/** Every year's grade of one community (历年评定), newest first. */
export const getCommunityRatingHistory = (communityId: string, options: CallOptions = {}) =>
  request<RatingCommunityHistory>(
    `/communities/${encodeURIComponent(communityId)}/rating-history`,
    options,
  );

/** The xlsx template of an import of past results (bureau). */
export const downloadGradeTemplate = (options: CallOptions = {}) =>
  request<Blob>('/rating-grades/import-template.xlsx', { ...options, responseType: 'blob' });

/**
 * Uploads past results. With `dryRun` nothing is written and the answer previews each row and
 * every error; without it an error refuses the whole file (422 IMPORT_REJECTED, see `gradeRejection`).
 */
export function importRatingGrades(file: File, dryRun: boolean, options: CallOptions = {}) {
  const body = new FormData();
  body.append('file', file, file.name);
  return request<RatingGradeImportResult>('/rating-grades/import', {
    ...options,
    method: 'POST',
    body,
    query: dryRun ? { dryRun: 'true' } : {},
  });
}

/** The preview carried by a refused import, or null when `err` is something else. */
export function gradeRejection(err: unknown): RatingGradeImportResult | null {
  if (!(err instanceof ApiRequestError) || err.code !== 'IMPORT_REJECTED') return null;
  const details = err.error.details as Partial<RatingGradeImportResult> | undefined;
  return details && Array.isArray(details.errors) ? (details as RatingGradeImportResult) : null;
}
