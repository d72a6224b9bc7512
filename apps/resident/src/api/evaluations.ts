import type {
  EvaluateProjectRequest,
  EvaluationInvitation,
  MyProjectEvaluation,
  ProjectEvaluationReceipt,
} from '@baitong/contracts';
import { request, type RequestOptions } from '@/api/request';

type CallOptions = Pick<RequestOptions, 'silent' | 'signal'>;

/** Completed projects the resident is asked to evaluate now, the soonest closing first. */
export function listEvaluationInvitations(
  options: CallOptions = {},
): Promise<EvaluationInvitation[]> {
  return request<EvaluationInvitation[]>('/evaluation-invitations', options);
}

/** The resident's own evaluation of a project (404 when they were not asked). */
export function getMyEvaluation(
  proposalId: string,
  options: CallOptions = {},
): Promise<MyProjectEvaluation> {
  return request<MyProjectEvaluation>(
    `/proposals/${encodeURIComponent(proposalId)}/evaluation`,
    options,
  );
}

/** Evaluates a completed project once; again 409 `already_rated`, too late `evaluation_closed`. */
export function evaluateProject(
  proposalId: string,
  body: EvaluateProjectRequest,
  options: CallOptions = {},
): Promise<ProjectEvaluationReceipt> {
  return request<ProjectEvaluationReceipt>(
    `/proposals/${encodeURIComponent(proposalId)}/evaluation`,
    { method: 'POST', body, ...options },
  );
}
