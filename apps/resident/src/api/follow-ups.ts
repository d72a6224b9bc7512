import type {
  FollowUpDetail,
  RateCaseRequest,
  RatingInvitation,
  ResidentFollowUp,
} from '@baitong/contracts';
import { request, type RequestOptions } from '@/api/request';

type CallOptions = Pick<RequestOptions, 'silent' | 'signal'>;

/** What the resident sees of their request's follow-ups: contacts, own ratings, whether to rate. */
export function getCaseFollowUp(
  caseId: string,
  options: CallOptions = {},
): Promise<ResidentFollowUp> {
  return request<ResidentFollowUp>(`/cases/${encodeURIComponent(caseId)}/follow-up`, options);
}

/**
 * Rates a resolved request, once. The key is sent like on every resident post, so a retry of a
 * lost answer is recognised; a second rating is refused with 409 `already_rated`.
 */
export function rateCase(
  caseId: string,
  body: RateCaseRequest,
  idempotencyKey: string,
  options: CallOptions = {},
): Promise<FollowUpDetail> {
  return request<FollowUpDetail>(`/cases/${encodeURIComponent(caseId)}/rating`, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
    ...options,
  });
}

/** Resolved requests the resident is invited to rate (邀评), newest first. */
export function listRatingInvitations(options: CallOptions = {}): Promise<RatingInvitation[]> {
  return request<RatingInvitation[]>('/rating-invitations', options);
}
