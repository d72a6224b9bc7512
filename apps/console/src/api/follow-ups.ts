import type {
  AppealDecisionRequest,
  AppealRequest,
  CommunityFollowUpSummary,
  FollowUpAppeal,
  FollowUpAppealPage,
  FollowUpAppealQuery,
  FollowUpDetail,
  FollowUpPage,
  RecordAttemptRequest,
} from '@baitong/contracts';
import { request, type CallOptions } from '@/api/request';

/** The filters of `GET /api/follow-ups` (apps/api/src/follow-ups/follow-ups.dto.ts). */
export interface FollowUpQuery {
  /** `me`, or a staff id. */
  assignee?: string;
  due?: 'today' | 'overdue';
  compoundId?: string;
  caseId?: string;
  retriesPending?: boolean;
  status?: 'open' | 'done' | 'unreachable';
  page?: number;
  pageSize?: number;
}

const followUpPath = (id: string, rest = '') => `/follow-ups/${encodeURIComponent(id)}${rest}`;

export const listFollowUps = (query: FollowUpQuery, options: CallOptions = {}) =>
  request<FollowUpPage>('/follow-ups', {
    ...options,
    query: { ...query, retriesPending: query.retriesPending ? 'true' : undefined },
  });

export const getFollowUp = (id: string, options: CallOptions = {}) =>
  request<FollowUpDetail>(followUpPath(id), options);

/**
 * Records one try to reach the resident. The same key with the same body answers the first
 * result again, so a retry after a lost answer never records the attempt twice.
 */
export const recordAttempt = (
  id: string,
  body: RecordAttemptRequest,
  idempotencyKey: string,
  options: CallOptions = {},
) =>
  request<FollowUpDetail>(followUpPath(id, '/attempts'), {
    ...options,
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

/** The community admin gives a follow-up to another worker of the community. */
export const reassignFollowUp = (id: string, assigneeId: string, options: CallOptions = {}) =>
  request<FollowUpDetail>(followUpPath(id, '/assign'), {
    ...options,
    method: 'POST',
    body: { assigneeId },
  });

/**
 * The staff of the rated community contest a dissatisfied rating they believe unfair (申诉); the
 * street admin decides. One appeal per rating: a second is 409 `already_appealed`, a corrected
 * rating 409 `superseded`, a satisfied one 409 `not_dissatisfied` (`details.reason`).
 */
export const appealAttempt = (attemptId: string, body: AppealRequest, options: CallOptions = {}) =>
  request<FollowUpAppeal>(`/follow-up-attempts/${encodeURIComponent(attemptId)}/appeal`, {
    ...options,
    method: 'POST',
    body,
  });

export const getFollowUpSummary = (
  communityId: string,
  period: { from?: string; to?: string } = {},
  options: CallOptions = {},
) =>
  request<CommunityFollowUpSummary>(
    `/communities/${encodeURIComponent(communityId)}/follow-up-summary`,
    { ...options, query: period },
  );

/** The appeals of the caller's scope, e.g. those pending on the street admin's street. */
export const listFollowUpAppeals = (query: FollowUpAppealQuery, options: CallOptions = {}) =>
  request<FollowUpAppealPage>('/follow-up-appeals', { ...options, query: { ...query } });

/** The street admin of the community's street upholds or rejects an appeal, saying why. */
export const decideFollowUpAppeal = (
  id: string,
  body: AppealDecisionRequest,
  options: CallOptions = {},
) =>
  request<FollowUpAppeal>(`/follow-up-appeals/${encodeURIComponent(id)}/decision`, {
    ...options,
    method: 'POST',
    body,
  });
