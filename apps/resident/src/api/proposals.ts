import type {
  AddCommentRequest,
  CreateProposalRequest,
  ManualProposalAction,
  ProposalComment,
  ProposalDetail,
  ProposalEvent,
  ProposalPage,
  ProposalStatus,
  ProposalTopic,
  SimilarProposal,
  UpdateProposalRequest,
} from '@baitong/contracts';
import { request, type RequestOptions } from '@/api/request';

type CallOptions = Pick<RequestOptions, 'silent' | 'signal'>;

export interface ProposalQuery {
  status?: ProposalStatus[];
  topic?: ProposalTopic;
  mine?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}

function path(id: string, rest = ''): string {
  return `/proposals/${encodeURIComponent(id)}${rest}`;
}

/** Proposals of the resident's community (the API limits a resident to it), latest change first. */
export function listProposals(
  query: ProposalQuery = {},
  options: CallOptions = {},
): Promise<ProposalPage> {
  const { status, mine, ...rest } = query;
  return request<ProposalPage>('/proposals', {
    query: {
      ...rest,
      ...(status?.length ? { status: status.join(',') } : {}),
      ...(mine ? { mine: 'true' } : {}),
    },
    ...options,
  });
}

export function getProposal(id: string, options: CallOptions = {}): Promise<ProposalDetail> {
  return request<ProposalDetail>(path(id), options);
}

/** Writes the resident's own proposal as a draft; submitting it is a transition. */
export function createProposal(
  body: CreateProposalRequest,
  options: CallOptions = {},
): Promise<ProposalDetail> {
  return request<ProposalDetail>('/proposals', { method: 'POST', body, ...options });
}

export function updateProposal(
  id: string,
  body: UpdateProposalRequest,
  options: CallOptions = {},
): Promise<ProposalDetail> {
  return request<ProposalDetail>(path(id), { method: 'PATCH', body, ...options });
}

/** The author submits or withdraws; `version` guards against a change made meanwhile. */
export function moveProposal(
  id: string,
  action: Extract<ManualProposalAction, 'submit' | 'withdraw'>,
  version: number,
  options: CallOptions & { reason?: string } = {},
): Promise<ProposalDetail> {
  const { reason, ...rest } = options;
  return request<ProposalDetail>(path(id, '/transitions'), {
    method: 'POST',
    body: { action, version, ...(reason ? { reason } : {}) },
    ...rest,
  });
}

/** Public proposals of the community that say much the same as this one (pg_trgm). */
export function similarProposals(
  id: string,
  options: CallOptions = {},
): Promise<SimilarProposal[]> {
  return request<SimilarProposal[]>(path(id, '/similar'), options);
}

export function listProposalEvents(
  id: string,
  options: CallOptions = {},
): Promise<ProposalEvent[]> {
  return request<ProposalEvent[]>(path(id, '/events'), options);
}

export function supportProposal(id: string, options: CallOptions = {}): Promise<ProposalDetail> {
  return request<ProposalDetail>(path(id, '/support'), { method: 'POST', ...options });
}

export function withdrawSupport(id: string, options: CallOptions = {}): Promise<ProposalDetail> {
  return request<ProposalDetail>(path(id, '/support'), { method: 'DELETE', ...options });
}

export function followProposal(id: string, options: CallOptions = {}): Promise<ProposalDetail> {
  return request<ProposalDetail>(path(id, '/follow'), { method: 'POST', ...options });
}

export function unfollowProposal(id: string, options: CallOptions = {}): Promise<ProposalDetail> {
  return request<ProposalDetail>(path(id, '/follow'), { method: 'DELETE', ...options });
}

/** Comments oldest first; hidden ones come without their text. */
export function listComments(id: string, options: CallOptions = {}): Promise<ProposalComment[]> {
  return request<ProposalComment[]>(path(id, '/comments'), options);
}

export function addComment(
  id: string,
  body: AddCommentRequest,
  options: CallOptions = {},
): Promise<ProposalComment> {
  return request<ProposalComment>(path(id, '/comments'), { method: 'POST', body, ...options });
}
