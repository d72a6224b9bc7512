import type { CouncilMemberRole, AdoptionRule, ProposalStatus } from './council.js';

// Council meetings (议事会会议): agenda, attendance on the spot, quorum, votes, decisions, minutes.

/** `planned` until its minutes are recorded and it is closed; a closed meeting is on record. */
export const MEETING_STATUSES = ['planned', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export const AGENDA_DECISIONS = ['adopted', 'not_adopted'] as const;
export type AgendaDecision = (typeof AGENDA_DECISIONS)[number];

export const MEETING_EVENT_TYPES = [
  'created',
  'edited',
  'agenda_added',
  'agenda_removed',
  'attended',
  'voted',
  'decided',
  'closed',
] as const;
export type MeetingEventType = (typeof MEETING_EVENT_TYPES)[number];

/** Why a meeting step is refused (409 `CONFLICT`, `details.reason`), for the front ends to explain. */
export const MEETING_CONFLICTS = [
  /** Fewer members present than the quorum: nothing is voted or decided. */
  'no_quorum',
  /** The member is not recorded present at this meeting. */
  'member_absent',
  'already_voted',
  'already_present',
  'item_decided',
  'meeting_closed',
  /** The proposal has not reached its support threshold, or is not open for support. */
  'not_ready',
  /** Votes are recorded on it: it stays on the agenda and is decided. */
  'has_votes',
  /** Every agenda item is decided before the meeting closes. */
  'undecided_items',
] as const;
export type MeetingConflict = (typeof MEETING_CONFLICTS)[number];

export interface VoteTally {
  for: number;
  against: number;
  abstain: number;
}

export interface MeetingVote {
  memberId: string;
  memberName: string;
  choice: VoteChoice;
  at: string;
}

export interface MeetingAgendaItem {
  id: string;
  position: number;
  proposalId: string;
  proposalNumber: string;
  proposalTitle: string;
  proposalStatus: ProposalStatus;
  tally: VoteTally;
  votes: MeetingVote[];
  /** Null until decided. */
  decision: AgendaDecision | null;
  /** At the decision: members present and the "for" votes the adoption rule asked for. */
  presentAtDecision: number | null;
  requiredFor: number | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface MeetingAttendee {
  id: string;
  /** `member`: a serving member of the council; `resident`: a resident of the community who came. */
  kind: 'member' | 'resident';
  memberId: string | null;
  residentId: string | null;
  role: CouncilMemberRole | null;
  /** Residents see other residents' names masked (members are named). */
  name: string;
  recordedAt: string;
}

export interface MeetingSummary {
  id: string;
  communityId: string;
  title: string;
  startsAt: string;
  place: string;
  status: MeetingStatus;
  agendaCount: number;
  membersPresent: number;
  residentsPresent: number;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface MeetingDetail extends MeetingSummary {
  minutes: string | null;
  /** Members serving on the meeting's day (Asia/Shanghai), and how many make the quorum. */
  currentMembers: number;
  quorum: number;
  /** Enough members present to vote and decide. */
  quorate: boolean;
  adoptionRule: AdoptionRule;
  attendees: MeetingAttendee[];
  agenda: MeetingAgendaItem[];
}

export interface CreateMeetingRequest {
  title: string;
  startsAt: string;
  place: string;
}

export interface UpdateMeetingRequest {
  version: number;
  title?: string;
  startsAt?: string;
  place?: string;
  /** The minutes may be written during the meeting and corrected after. */
  minutes?: string;
}

export interface AddAgendaItemRequest {
  /** A proposal of the meeting's community, open for support and past its threshold. */
  proposalId: string;
}

/** One of the two: a member of the council, or a resident of the community. */
export interface RecordAttendanceRequest {
  memberId?: string;
  residentId?: string;
}

export interface RecordVoteRequest {
  /** A serving member of the council recorded present. */
  memberId: string;
  choice: VoteChoice;
}

export interface DecideAgendaItemRequest {
  note?: string;
}

export interface CloseMeetingRequest {
  version: number;
  minutes: string;
}

export interface MeetingListQuery {
  status?: MeetingStatus;
  page?: number;
  pageSize?: number;
}

export interface MeetingPush {
  eventId: string;
  type: MeetingEventType;
  meeting: MeetingSummary;
}
