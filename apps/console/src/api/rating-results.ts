import type {
  RatingCommunityRun,
  RatingCompare,
  RatingResultsPage,
  RatingScorecard,
  RatingWhatIf,
} from '@baitong/contracts';
import { request, type CallOptions } from '@/api/request';

const run = (id: string) => `/rating-runs/${encodeURIComponent(id)}`;
const one = (runId: string, communityId: string) =>
  `${run(runId)}/communities/${encodeURIComponent(communityId)}`;

/** A run's results: district-wide figures and the rows of the caller's scope. */
export const getRatingResults = (runId: string, options: CallOptions = {}) =>
  request<RatingResultsPage>(`${run(runId)}/results`, options);

export const getRatingScorecard = (runId: string, communityId: string, options: CallOptions = {}) =>
  request<RatingScorecard>(`${one(runId, communityId)}/scorecard`, options);

export const getRatingWhatIf = (runId: string, communityId: string, options: CallOptions = {}) =>
  request<RatingWhatIf>(`${one(runId, communityId)}/what-if`, options);

export const getRatingCompare = (runId: string, communityId: string, options: CallOptions = {}) =>
  request<RatingCompare>(`${one(runId, communityId)}/compare`, options);

/** The runs a community appears in (我的评定), newest year first. */
export const getCommunityRatingRuns = (communityId: string, options: CallOptions = {}) =>
  request<RatingCommunityRun[]>(
    `/communities/${encodeURIComponent(communityId)}/rating-results`,
    options,
  );

export const downloadRatingXlsx = (
  runId: string,
  lang: 'zh-CN' | 'en',
  options: CallOptions = {},
) =>
  request<Blob>(`${run(runId)}/export.xlsx`, { ...options, query: { lang }, responseType: 'blob' });

export const downloadScorecardPdf = (
  runId: string,
  communityId: string,
  lang: 'zh-CN' | 'en',
  options: CallOptions = {},
) =>
  request<Blob>(`${one(runId, communityId)}/scorecard.pdf`, {
    ...options,
    query: { lang },
    responseType: 'blob',
  });
