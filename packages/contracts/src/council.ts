import type { Page } from './org.js';

// Councils (幸福议事会): one per community, its members and rules.

export const COUNCIL_MEMBER_ROLES = ['chair', 'vice_chair', 'member', 'secretary'] as const;
export type CouncilMemberRole = (typeof COUNCIL_MEMBER_ROLES)[number];

/**
 * `resident`: an elected resident; `staff`: a worker of the community (the secretary, usually);
 * `other`: a representative from outside, e.g. the property company or the police station.
 */
export const COUNCIL_MEMBER_KINDS = ['resident', 'staff', 'other'] as const;
export type CouncilMemberKind = (typeof COUNCIL_MEMBER_KINDS)[number];

/** A fixed number of supports, or a share of the community's households with a minimum. */
export const SUPPORT_THRESHOLD_KINDS = ['count', 'household_share'] as const;
export type SupportThresholdKind = (typeof SUPPORT_THRESHOLD_KINDS)[number];

/** Members present for a meeting to decide: more than half, two thirds, or a fixed number. */
export const QUORUM_KINDS = ['more_than_half', 'two_thirds', 'count'] as const;
export type QuorumKind = (typeof QUORUM_KINDS)[number];

/** Votes "for" needed to adopt: of the members present, or of all members. */
export const ADOPTION_RULES = [
  'majority_of_present',
  'majority_of_members',
  'two_thirds_of_present',
] as const;
export type AdoptionRule = (typeof ADOPTION_RULES)[number];

export interface CouncilRules {
  supportThresholdKind: SupportThresholdKind;
  /** With `count`: the supports that put a proposal on an agenda. */
  supportThresholdCount: number | null;
  /** With `household_share`: percent of the community's households … */
  supportSharePercent: number;
  /** … and never fewer supports than this. */
  supportMinimum: number;
  quorumKind: QuorumKind;
  /** With quorum `count`: the members who must be present. */
  quorumCount: number | null;
  adoptionRule: AdoptionRule;
}

/** A new community's council: 5% of households with at least 10 supports, more than half present, majority of those present. */
export const DEFAULT_COUNCIL_RULES: CouncilRules = {
  supportThresholdKind: 'household_share',
  supportThresholdCount: null,
  supportSharePercent: 5,
  supportMinimum: 10,
  quorumKind: 'more_than_half',
  quorumCount: null,
  adoptionRule: 'majority_of_present',
};

export interface CouncilMember {
  id: string;
  kind: CouncilMemberKind;
  role: CouncilMemberRole;
  residentId: string | null;
  staffId: string | null;
  name: string;
  /** For `other`: whom they represent (物业公司, 派出所 …). */
  organisation: string | null;
  /** Calendar dates, `YYYY-MM-DD`; `termEnd` null while the term runs. */
  termStart: string;
  termEnd: string | null;
  /** Serving today (Asia/Shanghai). */
  current: boolean;
}

export interface Council {
  communityId: string;
  households: number;
  rules: CouncilRules;
  /** Supports a proposal opened for support today needs, from the rules and the households. */
  supportThreshold: number;
  /** Members serving today, and how many of them make a quorum. */
  currentMembers: number;
  quorum: number;
  /** Current and past members, current first. */
  members: CouncilMember[];
  /** Null while the community keeps the default rules and has no members. */
  updatedAt: string | null;
}

export type UpdateCouncilRulesRequest = Partial<CouncilRules>;

export interface AddCouncilMemberRequest {
  kind: CouncilMemberKind;
  role: CouncilMemberRole;
  /** Required for `resident`: a resident of the community. */
  residentId?: string;
  /** Required for `staff`: a worker of the community. */
  staffId?: string;
  /** Required for `other`. */
  name?: string;
  organisation?: string;
  termStart: string;
  termEnd?: string;
}

export interface UpdateCouncilMemberRequest {
  role?: CouncilMemberRole;
  /** Only for `other` members; residents and staff keep the name on their record. */
  name?: string;
  organisation?: string;
  termStart?: string;
  /** Ends the term; the member stays on record. */
  termEnd?: string;
}

export interface CouncilPush {
  eventId: string;
  communityId: string;
  type: 'rules_changed' | 'member_added' | 'member_changed';
}

// Proposals

export const PROPOSAL_STATUSES = [
  'draft',
  'submitted',
  'screening',
  'open_for_support',
  'scheduled',
  'deliberated',
  'adopted',
  'not_adopted',
  'in_implementation',
  'completed',
  'evaluated',
  /** Screened out, with a reason. */
  'rejected',
  /** Folded into a duplicate: its supports and followers went there. */
  'merged',
  'withdrawn',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_ACTIONS = [
  'submit',
  'start_screening',
  'accept',
  'reject',
  'withdraw',
  'merge',
  'schedule',
  'unschedule',
  'deliberate',
  'adopt',
  'not_adopt',
  'start_implementation',
  'complete',
  'evaluate',
] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

/** The lifecycle: from a status, which action leads where. */
export const PROPOSAL_TRANSITIONS: Record<
  ProposalStatus,
  Partial<Record<ProposalAction, ProposalStatus>>
> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { start_screening: 'screening', merge: 'merged', withdraw: 'withdrawn' },
  screening: {
    accept: 'open_for_support',
    reject: 'rejected',
    merge: 'merged',
    withdraw: 'withdrawn',
  },
  open_for_support: { schedule: 'scheduled', merge: 'merged', withdraw: 'withdrawn' },
  scheduled: { deliberate: 'deliberated', unschedule: 'open_for_support' },
  deliberated: { adopt: 'adopted', not_adopt: 'not_adopted' },
  adopted: { start_implementation: 'in_implementation' },
  in_implementation: { complete: 'completed' },
  completed: { evaluate: 'evaluated' },
  not_adopted: {},
  evaluated: {},
  rejected: {},
  merged: {},
  withdrawn: {},
};

/**
 * Who moves a proposal by each action. People do the first ones by
 * `POST /api/proposals/:id/transitions` (merge has its own call); the meeting, implementation and
 * evaluation steps are taken only by those processes, never by a bare transition.
 */
export const PROPOSAL_ACTION_OWNERS = {
  submit: 'author',
  start_screening: 'staff',
  accept: 'staff',
  reject: 'staff',
  withdraw: 'author',
  merge: 'staff',
  schedule: 'meeting',
  unschedule: 'meeting',
  deliberate: 'meeting',
  adopt: 'meeting',
  not_adopt: 'meeting',
  start_implementation: 'implementation',
  complete: 'implementation',
  evaluate: 'evaluation',
} as const satisfies Record<ProposalAction, string>;

/** The actions a transition request may name. */
export const MANUAL_PROPOSAL_ACTIONS = [
  'submit',
  'start_screening',
  'accept',
  'reject',
  'withdraw',
] as const satisfies readonly ProposalAction[];
export type ManualProposalAction = (typeof MANUAL_PROPOSAL_ACTIONS)[number];

/** The actions only the meeting, implementation and evaluation processes take. */
export type ProcessProposalAction = {
  [A in ProposalAction]: (typeof PROPOSAL_ACTION_OWNERS)[A] extends
    'meeting' | 'implementation' | 'evaluation'
    ? A
    : never;
}[ProposalAction];

/** Statuses in which residents may still add their support. */
export const SUPPORTABLE_STATUSES: readonly ProposalStatus[] = ['open_for_support'];

export const PROPOSAL_TOPICS = [
  'environment',
  'facilities',
  'safety',
  'traffic_parking',
  'greening',
  'elderly_children',
  'culture_sports',
  'neighbourhood',
  'property_management',
  'other',
] as const;
export type ProposalTopic = (typeof PROPOSAL_TOPICS)[number];

/** How a proposal came about: a resident's own, staff writing for a resident, or concern cases taken to the council. */
export const PROPOSAL_ORIGINS = ['resident', 'staff', 'cases'] as const;
export type ProposalOrigin = (typeof PROPOSAL_ORIGINS)[number];

export const PROPOSAL_EVENT_TYPES = [
  'created',
  /** Created by staff from concern cases, which now link to it. */
  'promoted',
  'edited',
  'transition',
  /** This proposal was merged into `data.intoId`. */
  'merged',
  /** `data.fromId` was merged into this one, with its supports, followers and cases. */
  'merged_in',
  'supported',
  'support_withdrawn',
  /** Enough supports: ready for a meeting's agenda. */
  'threshold_reached',
  /** Supports withdrawn below the threshold before it was scheduled. */
  'threshold_lost',
  'followed',
  'unfollowed',
  'commented',
  'comment_hidden',
  /** Implementation: a milestone planned or done, a progress update with photos. */
  'milestone_added',
  'milestone_done',
  'progress_added',
] as const;
export type ProposalEventType = (typeof PROPOSAL_EVENT_TYPES)[number];

export interface ProposalPhoto {
  id: string;
  contentType: string;
  sizeBytes: number;
  /** Served to the proposal's readers. */
  url: string;
}

export interface ProposalSummary {
  id: string;
  /** Human number, e.g. YS20261127-000042. */
  number: string;
  communityId: string;
  compoundId: string | null;
  compoundName: string | null;
  compoundNameEn: string | null;
  title: string;
  topic: ProposalTopic;
  status: ProposalStatus;
  origin: ProposalOrigin;
  authorResidentId: string | null;
  /** Staff see the name; residents see it masked, their own in full. */
  authorName: string | null;
  supportCount: number;
  /** Fixed when the proposal opened for support; null before. */
  supportThreshold: number | null;
  /** When the supports reached the threshold: ready for an agenda. */
  readyAt: string | null;
  commentCount: number;
  caseCount: number;
  mergedIntoId: string | null;
  submittedAt: string | null;
  /** When it entered its current status (the pipeline board shows the age). */
  statusChangedAt: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ProposalCaseLink {
  caseId: string;
  number: string;
  summary: string;
  status: string;
}

export interface ProposalDetail extends ProposalSummary {
  description: string;
  photos: ProposalPhoto[];
  /** The concern cases behind it (staff only; residents see `caseCount`). */
  cases: ProposalCaseLink[];
  rejectionReason: string | null;
  withdrawalReason: string | null;
  /** The caller's own support: none, active, or withdrawn (residents). */
  mySupport: 'none' | 'active' | 'withdrawn';
  /** The caller follows it: explicitly, from a case of theirs, or through a merge. */
  following: boolean;
  /** Actions the caller may take now. */
  allowedActions: ManualProposalAction[];
}

export interface ProposalEvent {
  /** The id in the one event stream. */
  id: string;
  proposalId: string;
  type: ProposalEventType;
  at: string;
  actorKind: 'staff' | 'resident' | 'system' | 'client';
  actorName: string | null;
  fromStatus: ProposalStatus | null;
  toStatus: ProposalStatus | null;
  note: string | null;
  data: Record<string, unknown>;
}

export interface SimilarProposal {
  proposalId: string;
  number: string;
  title: string;
  status: ProposalStatus;
  supportCount: number;
  /** Text similarity 0..1 (pg_trgm). */
  similarity: number;
}

export interface CreateProposalRequest {
  title: string;
  description: string;
  topic: ProposalTopic;
  compoundId?: string;
  /** Staff writing for a resident: the resident of the community who proposes. */
  authorResidentId?: string;
  photoIds?: string[];
}

export interface UpdateProposalRequest {
  version: number;
  title?: string;
  description?: string;
  topic?: ProposalTopic;
  compoundId?: string;
}

export interface ProposalTransitionRequest {
  action: ManualProposalAction;
  version: number;
  /** Required to reject; optional to withdraw. */
  reason?: string;
  note?: string;
}

export interface MergeProposalRequest {
  /** The duplicate of the same community it goes into. */
  intoId: string;
  version: number;
  note?: string;
}

export interface PromoteCasesRequest {
  /** Concern cases of the caller's community (at most 20). */
  caseIds: string[];
  title: string;
  description: string;
  topic: ProposalTopic;
  compoundId?: string;
  /** A resident who proposes it; without one the proposal is the cases'. */
  authorResidentId?: string;
}

export interface ProposalComment {
  id: string;
  proposalId: string;
  authorKind: 'staff' | 'resident';
  /** Residents see other residents' names masked. */
  authorName: string;
  /** Null once hidden, for everyone but staff. */
  body: string | null;
  createdAt: string;
  hidden: boolean;
  /** Staff only. */
  hiddenReason: string | null;
  hiddenByName: string | null;
  hiddenAt: string | null;
}

export interface AddCommentRequest {
  body: string;
}

export interface HideCommentRequest {
  reason: string;
}

export interface ProposalListQuery {
  status?: ProposalStatus[];
  topic?: ProposalTopic;
  communityId?: string;
  caseId?: string;
  ready?: 'true' | 'false';
  mine?: 'true' | 'false';
  q?: string;
  page?: number;
  pageSize?: number;
}

/** A row of the list, with the caller's own marks (a resident's; always false for staff). */
export interface ProposalListItem extends ProposalSummary {
  supportedByMe: boolean;
  followedByMe: boolean;
}

export type ProposalPage = Page<ProposalSummary>;

/** What `GET /api/proposals` answers: a `ProposalPage` whose rows carry the caller's marks. */
export type ProposalListPage = Page<ProposalListItem>;

/** Text a resident is typing, to find proposals of the community that say much the same. */
export interface SimilarTextQuery {
  /** Staff name the community; a resident's is always their own. */
  communityId?: string;
  title: string;
  description?: string;
}

/** Photos added to a draft (own uploads of `POST /api/photos`, at most 9 on the proposal). */
export interface AddProposalPhotosRequest {
  photoIds: string[];
}

export interface ProposalPush {
  eventId: string;
  type: ProposalEventType;
  proposal: ProposalSummary;
}

// Participation (自治参与): one row per resident and act.

export const PARTICIPATION_ACTS = [
  'propose',
  'support',
  'comment',
  'attend',
  'vote',
  'evaluate',
] as const;
export type ParticipationAct = (typeof PARTICIPATION_ACTS)[number];

export interface ParticipationSummary {
  communityId: string;
  from: string;
  to: string;
  /** The community's registered residents (a rating fact): the denominator. */
  registeredResidents: number;
  /** Residents with at least one act in [from, to). */
  participants: number;
  /** participants ÷ registeredResidents; null without registered residents. */
  rate: number | null;
  /** Residents per act (one resident may count under several). */
  byAct: Record<ParticipationAct, number>;
}
