import type {
  CreateRatingCampaignRequest,
  CreateRatingDisqualificationRequest,
  RatingAssessment,
  RatingCampaignAssignment,
  RatingCampaignDetail,
  RatingCampaignProgress,
  RatingCampaignSummary,
  RatingCorrectionRequest,
  RatingCrossInspectionLine,
  RatingDisqualification,
  RatingFrameworkDetail,
  RatingFrameworkSummary,
  RatingTasks,
  UpsertRatingAssessmentRequest,
} from '@baitong/contracts';
import { request, type CallOptions } from '@/api/request';

// The rating (issue 12), part "assessments": frameworks, the campaign, scores, disqualifications.

const id = (x: string) => encodeURIComponent(x);

export const listFrameworks = (options: CallOptions = {}) =>
  request<RatingFrameworkSummary[]>('/rating-frameworks', options);

export const getFramework = (frameworkId: string, options: CallOptions = {}) =>
  request<RatingFrameworkDetail>(`/rating-frameworks/${id(frameworkId)}`, options);

/** 400 carries the engine's issues as field errors at their path in the framework. */
export const createFramework = (definition: Record<string, unknown>, options: CallOptions = {}) =>
  request<RatingFrameworkDetail>('/rating-frameworks', {
    ...options,
    method: 'POST',
    body: { definition },
  });

/** A locked version answers a NEW version (another id); a stale revision is 409. */
export const updateFramework = (
  frameworkId: string,
  definition: Record<string, unknown>,
  revision: number,
  options: CallOptions = {},
) =>
  request<RatingFrameworkDetail>(`/rating-frameworks/${id(frameworkId)}`, {
    ...options,
    method: 'PUT',
    body: { definition, revision },
  });

export const listCampaigns = (options: CallOptions = {}) =>
  request<RatingCampaignSummary[]>('/rating-campaigns', options);

export const getCampaign = (campaignId: string, options: CallOptions = {}) =>
  request<RatingCampaignDetail>(`/rating-campaigns/${id(campaignId)}`, options);

export const createCampaign = (body: CreateRatingCampaignRequest, options: CallOptions = {}) =>
  request<RatingCampaignDetail>('/rating-campaigns', { ...options, method: 'POST', body });

export const setAssignments = (
  campaignId: string,
  assignments: RatingCampaignAssignment[],
  options: CallOptions = {},
) =>
  request<RatingCampaignDetail>(`/rating-campaigns/${id(campaignId)}/assignments`, {
    ...options,
    method: 'PUT',
    body: { assignments },
  });

export const setCrossInspections = (
  campaignId: string,
  plan: RatingCrossInspectionLine[],
  options: CallOptions = {},
) =>
  request<RatingCampaignDetail>(`/rating-campaigns/${id(campaignId)}/cross-inspections`, {
    ...options,
    method: 'PUT',
    body: { plan },
  });

/** A proposed plan, not saved. */
export const rotateCrossInspections = (campaignId: string, options: CallOptions = {}) =>
  request<{ plan: RatingCrossInspectionLine[] }>(
    `/rating-campaigns/${id(campaignId)}/cross-inspections/rotate`,
    { ...options, method: 'POST' },
  );

export const getProgress = (campaignId: string, options: CallOptions = {}) =>
  request<RatingCampaignProgress>(`/rating-campaigns/${id(campaignId)}/progress`, options);

export const getTasks = (campaignId: string, communityId?: string, options: CallOptions = {}) =>
  request<RatingTasks>(`/rating-campaigns/${id(campaignId)}/tasks`, {
    ...options,
    query: communityId ? { communityId } : {},
  });

export const saveDraft = (
  campaignId: string,
  body: UpsertRatingAssessmentRequest,
  options: CallOptions = {},
) =>
  request<RatingAssessment>(`/rating-campaigns/${id(campaignId)}/assessments`, {
    ...options,
    method: 'PUT',
    body,
  });

export const getAssessment = (assessmentId: string, options: CallOptions = {}) =>
  request<RatingAssessment>(`/rating-assessments/${id(assessmentId)}`, options);

export const submitAssessment = (assessmentId: string, options: CallOptions = {}) =>
  request<RatingAssessment>(`/rating-assessments/${id(assessmentId)}/submit`, {
    ...options,
    method: 'POST',
  });

export const correctAssessment = (
  assessmentId: string,
  body: RatingCorrectionRequest,
  options: CallOptions = {},
) =>
  request<RatingAssessment>(`/rating-assessments/${id(assessmentId)}/corrections`, {
    ...options,
    method: 'POST',
    body,
  });

/** A photo (jpeg/png/webp) or a document (pdf/docx/xlsx), multipart field `file`. */
export function addEvidence(assessmentId: string, file: File, options: CallOptions = {}) {
  const body = new FormData();
  body.append('file', file);
  return request<RatingAssessment>(`/rating-assessments/${id(assessmentId)}/evidence`, {
    ...options,
    method: 'POST',
    body,
  });
}

export const fetchEvidence = (path: string, options: CallOptions = {}) =>
  request<Blob>(path, { ...options, responseType: 'blob' });

export const listDisqualifications = (year: number | undefined, options: CallOptions = {}) =>
  request<RatingDisqualification[]>('/rating-disqualifications', {
    ...options,
    query: year ? { year } : {},
  });

export const createDisqualification = (
  body: CreateRatingDisqualificationRequest,
  options: CallOptions = {},
) =>
  request<RatingDisqualification>('/rating-disqualifications', {
    ...options,
    method: 'POST',
    body,
  });

export const revokeDisqualification = (
  disqualificationId: string,
  reason: string,
  options: CallOptions = {},
) =>
  request<RatingDisqualification>(`/rating-disqualifications/${id(disqualificationId)}/revoke`, {
    ...options,
    method: 'POST',
    body: { reason },
  });
