import type {
  AddMilestoneRequest,
  AddProgressRequest,
  CloseMeetingRequest,
  CompleteImplementationRequest,
  Council,
  CreateMeetingRequest,
  MeetingDetail,
  MeetingListQuery,
  MeetingSummary,
  MergeProposalRequest,
  Page,
  ProposalImplementation,
  RecordAttendanceRequest,
  RecordVoteRequest,
  StartImplementationRequest,
  UpdateMeetingRequest,
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

/** A community's council: its rules, quorum and members (current first). */
export const getCouncil = (communityId: string, options: CallOptions = {}) =>
  request<Council>(`/communities/${encodeURIComponent(communityId)}/council`, options);

// Meetings (议事会会议). Every refused step is 409 CONFLICT with `details.reason`.

const meetingPath = (id: string, rest = '') => `/meetings/${encodeURIComponent(id)}${rest}`;

export const listMeetings = (
  communityId: string,
  query: MeetingListQuery = {},
  options: CallOptions = {},
) =>
  request<Page<MeetingSummary>>(`/communities/${encodeURIComponent(communityId)}/meetings`, {
    ...options,
    query: { ...query },
  });

export const createMeeting = (
  communityId: string,
  body: CreateMeetingRequest,
  options: CallOptions = {},
) =>
  request<MeetingDetail>(`/communities/${encodeURIComponent(communityId)}/meetings`, {
    ...options,
    method: 'POST',
    body,
  });

export const getMeeting = (id: string, options: CallOptions = {}) =>
  request<MeetingDetail>(meetingPath(id), options);

/** Title, date and place of a planned meeting, or its minutes (also after it closed). */
export const updateMeeting = (id: string, body: UpdateMeetingRequest, options: CallOptions = {}) =>
  request<MeetingDetail>(meetingPath(id), { ...options, method: 'PATCH', body });

/** Puts a proposal past its support threshold on the agenda: it becomes `scheduled`. */
export const addAgendaItem = (id: string, proposalId: string, options: CallOptions = {}) =>
  request<MeetingDetail>(meetingPath(id, '/agenda'), {
    ...options,
    method: 'POST',
    body: { proposalId },
  });

export const removeAgendaItem = (id: string, itemId: string, options: CallOptions = {}) =>
  request<MeetingDetail>(meetingPath(id, `/agenda/${encodeURIComponent(itemId)}`), {
    ...options,
    method: 'DELETE',
  });

export const recordAttendance = (
  id: string,
  body: RecordAttendanceRequest,
  options: CallOptions = {},
) => request<MeetingDetail>(meetingPath(id, '/attendance'), { ...options, method: 'POST', body });

/** A present member's vote; without quorum 409 `no_quorum`. */
export const recordVote = (
  id: string,
  itemId: string,
  body: RecordVoteRequest,
  options: CallOptions = {},
) =>
  request<MeetingDetail>(meetingPath(id, `/agenda/${encodeURIComponent(itemId)}/votes`), {
    ...options,
    method: 'POST',
    body,
  });

/** The API decides by the council's adoption rule: the proposal is adopted or not. */
export const decideAgendaItem = (id: string, itemId: string, options: CallOptions = {}) =>
  request<MeetingDetail>(meetingPath(id, `/agenda/${encodeURIComponent(itemId)}/decide`), {
    ...options,
    method: 'POST',
    body: {},
  });

export const closeMeeting = (id: string, body: CloseMeetingRequest, options: CallOptions = {}) =>
  request<MeetingDetail>(meetingPath(id, '/close'), { ...options, method: 'POST', body });

// Implementation of an adopted proposal (项目实施)

/** 404 NOT_FOUND until the implementation has started. */
export const getImplementation = (id: string, options: CallOptions = {}) =>
  request<ProposalImplementation>(proposalPath(id, '/implementation'), options);

export const startImplementation = (
  id: string,
  body: StartImplementationRequest,
  options: CallOptions = {},
) =>
  request<ProposalImplementation>(proposalPath(id, '/implementation'), {
    ...options,
    method: 'POST',
    body,
  });

export const addMilestone = (id: string, body: AddMilestoneRequest, options: CallOptions = {}) =>
  request<ProposalImplementation>(proposalPath(id, '/milestones'), {
    ...options,
    method: 'POST',
    body,
  });

export const markMilestoneDone = (id: string, milestoneId: string, options: CallOptions = {}) =>
  request<ProposalImplementation>(
    proposalPath(id, `/milestones/${encodeURIComponent(milestoneId)}/done`),
    { ...options, method: 'POST' },
  );

/** A progress update; `photoIds` are the caller's own uploads of `POST /api/photos`. */
export const addProgress = (id: string, body: AddProgressRequest, options: CallOptions = {}) =>
  request<ProposalImplementation>(proposalPath(id, '/progress'), {
    ...options,
    method: 'POST',
    body,
  });

export const completeImplementation = (
  id: string,
  body: CompleteImplementationRequest,
  options: CallOptions = {},
) =>
  request<ProposalImplementation>(proposalPath(id, '/complete'), {
    ...options,
    method: 'POST',
    body,
  });
