import type {
  MergeProposalRequest,
  PromoteCasesRequest,
  ProposalComment,
  ProposalDetail,
  ProposalEvent,
  ProposalListQuery,
  ProposalPage,
  ProposalTransitionRequest,
  SimilarProposal,
} from '@baitong/contracts';
import { request, type CallOptions } from '@/api/request';

const proposalPath = (id: string, rest = '') => `/proposals/${encodeURIComponent(id)}${rest}`;

/** Proposals of the caller's scope, latest change first; statuses go comma-separated. */
export const listProposals = (query: ProposalListQuery, options: CallOptions = {}) =>
  request<ProposalPage>('/proposals', {
    ...options,
    query: { ...query, status: query.status?.length ? query.status.join(',') : undefined },
  });

export const getProposal = (id: string, options: CallOptions = {}) =>
  request<ProposalDetail>(proposalPath(id), options);

export const listProposalEvents = (id: string, options: CallOptions = {}) =>
  request<ProposalEvent[]>(proposalPath(id, '/events'), options);

export const listSimilarProposals = (id: string, options: CallOptions = {}) =>
  request<SimilarProposal[]>(proposalPath(id, '/similar'), options);

/**
 * Screening moves by the community's staff (start, accept, reject with a reason). Out of order is
 * 409 ILLEGAL_TRANSITION with `details.allowed`; an old version 409 STALE_VERSION.
 */
export const transitionProposal = (
  id: string,
  body: ProposalTransitionRequest,
  options: CallOptions = {},
) =>
  request<ProposalDetail>(proposalPath(id, '/transitions'), { ...options, method: 'POST', body });

/** Folds a proposal into a duplicate of the same community, with its supports and followers. */
export const mergeProposal = (id: string, body: MergeProposalRequest, options: CallOptions = {}) =>
  request<ProposalDetail>(proposalPath(id, '/merge'), { ...options, method: 'POST', body });

export const listProposalComments = (id: string, options: CallOptions = {}) =>
  request<ProposalComment[]>(proposalPath(id, '/comments'), options);

export const addProposalComment = (id: string, body: string, options: CallOptions = {}) =>
  request<ProposalComment>(proposalPath(id, '/comments'), {
    ...options,
    method: 'POST',
    body: { body },
  });

/** Staff hide a comment with a reason; its text stays on record. Again: 409 `already_hidden`. */
export const hideProposalComment = (id: string, reason: string, options: CallOptions = {}) =>
  request<ProposalComment>(`/proposal-comments/${encodeURIComponent(id)}/hide`, {
    ...options,
    method: 'POST',
    body: { reason },
  });

/** Takes concern cases of the caller's community to the council as one submitted proposal. */
export const promoteCases = (body: PromoteCasesRequest, options: CallOptions = {}) =>
  request<ProposalDetail>('/proposals/from-cases', { ...options, method: 'POST', body });
