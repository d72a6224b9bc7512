import type {
  AddCommentRequest,
  CreateProposalRequest,
  ManualProposalAction,
  ProposalComment,
  ProposalDetail,
  ProposalEvent,
  ProposalListPage,
  ProposalStatus,
  ProposalImplementation,
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
): Promise<ProposalListPage> {
  const { status, mine, ...rest } = query;
  return request<ProposalListPage>('/proposals', {
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

/** The start of a description is enough to compare, and keeps the query within a URL. */
const SIMILAR_TEXT_MAX = 1000;

/** Proposals of the resident's community like the words being typed for a new one (pg_trgm). */
export function similarToText(
  text: { title: string; description?: string },
  options: CallOptions = {},
): Promise<SimilarProposal[]> {
  const description = text.description?.trim().slice(0, SIMILAR_TEXT_MAX);
  return request<SimilarProposal[]>('/proposals/similar', {
    query: { title: text.title.trim(), ...(description ? { description } : {}) },
    ...options,
  });
}

/** Adds own uploaded photos to a saved draft. */
export function addProposalPhotos(
  id: string,
  photoIds: string[],
  options: CallOptions = {},
): Promise<ProposalDetail> {
  return request<ProposalDetail>(path(id, '/photos'), {
    method: 'POST',
    body: { photoIds },
    ...options,
  });
}

export function removeProposalPhoto(
  id: string,
  photoId: string,
  options: CallOptions = {},
): Promise<ProposalDetail> {
  return request<ProposalDetail>(path(id, `/photos/${encodeURIComponent(photoId)}`), {
    method: 'DELETE',
    ...options,
  });
}

/** An adopted proposal's implementation: owner, plan, milestones, progress with photos, result. */
export function getImplementation(
  id: string,
  options: CallOptions = {},
): Promise<ProposalImplementation> {
  return request<ProposalImplementation>(path(id, '/implementation'), options);
}
