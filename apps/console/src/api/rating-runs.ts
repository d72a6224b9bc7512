import type {
  AnswerRatingObjectionRequest,
  CreateRatingObjectionRequest,
  CreateRatingRunRequest,
  RatingObjection,
  RatingRunDetail,
  RatingRunSummary,
  RatingSnapshotDiff,
} from '@baitong/contracts';
import { request, type CallOptions } from '@/api/request';

const run = (id: string) => `/rating-runs/${encodeURIComponent(id)}`;

/** The rating runs the caller may see (below the district: from the review on). */
export const listRatingRuns = (options: CallOptions = {}) =>
  request<RatingRunSummary[]>('/rating-runs', options);

export const getRatingRun = (id: string, options: CallOptions = {}) =>
  request<RatingRunDetail>(run(id), options);

export const createRatingRun = (body: CreateRatingRunRequest, options: CallOptions = {}) =>
  request<RatingRunDetail>('/rating-runs', { ...options, method: 'POST', body });

export type RatingRunStep = 'freeze' | 'compute' | 'open-review' | 'publish' | 'cancel';

/** One lifecycle step; `freeze` takes `{ acceptMissing }`, `cancel` takes `{ reason }`. */
export const stepRatingRun = (
  id: string,
  step: RatingRunStep,
  body: object = {},
  options: CallOptions = {},
) => request<RatingRunDetail>(`${run(id)}/${step}`, { ...options, method: 'POST', body });

export const listRatingObjections = (id: string, options: CallOptions = {}) =>
  request<RatingObjection[]>(`${run(id)}/objections`, options);

export const createRatingObjection = (
  id: string,
  body: CreateRatingObjectionRequest,
  options: CallOptions = {},
) => request<RatingObjection>(`${run(id)}/objections`, { ...options, method: 'POST', body });

export const answerRatingObjection = (
  objectionId: string,
  body: AnswerRatingObjectionRequest,
  options: CallOptions = {},
) =>
  request<RatingObjection>(`/rating-objections/${encodeURIComponent(objectionId)}/answer`, {
    ...options,
    method: 'POST',
    body,
  });

export const diffRatingSnapshots = (
  id: string,
  version: number,
  against: number,
  options: CallOptions = {},
) =>
  request<RatingSnapshotDiff>(`${run(id)}/snapshots/${version}/diff`, {
    ...options,
    query: { against },
  });
