import type {
  Council,
  CouncilMember,
  MeetingAgendaItem,
  MeetingAttendee,
  MeetingDetail,
  MeetingSummary,
  ProposalImplementation,
  ProposalMilestone,
} from '@baitong/contracts';
import { DEFAULT_COUNCIL_RULES } from '@baitong/contracts';

export function makeMeetingSummary(overrides: Partial<MeetingSummary> = {}): MeetingSummary {
  return {
    id: 'm1',
    communityId: 'c1',
    title: '十二月议事会',
    startsAt: '2026-12-10T19:30:00+08:00',
    place: '社区党群服务中心二楼会议室',
    status: 'planned',
    agendaCount: 1,
    membersPresent: 0,
    residentsPresent: 0,
    closedAt: null,
    createdAt: '2026-12-01T02:00:00.000Z',
    updatedAt: '2026-12-01T02:00:00.000Z',
    version: 3,
    ...overrides,
  };
}

export function makeMember(overrides: Partial<CouncilMember> = {}): CouncilMember {
  return {
    id: 'cm1',
    kind: 'resident',
    role: 'member',
    residentId: 'r1',
    staffId: null,
    name: '王建国',
    organisation: null,
    termStart: '2026-01-01',
    termEnd: null,
    current: true,
    ...overrides,
  };
}

/** Four serving members (chair first in the checklist) and one whose term ended. */
export const MEMBERS: CouncilMember[] = [
  makeMember({ id: 'cm1', name: '王建国' }),
  makeMember({ id: 'cm2', name: '李秀英', role: 'chair', residentId: 'r2' }),
  makeMember({ id: 'cm3', name: '张伟', residentId: 'r3' }),
  makeMember({
    id: 'cm4',
    kind: 'other',
    name: '刘强',
    residentId: null,
    organisation: '物业公司',
  }),
  makeMember({ id: 'cm5', name: '陈静', residentId: 'r5', termEnd: '2026-06-30', current: false }),
];

export function makeCouncil(overrides: Partial<Council> = {}): Council {
  return {
    communityId: 'c1',
    households: 4000,
    rules: DEFAULT_COUNCIL_RULES,
    supportThreshold: 200,
    currentMembers: 4,
    quorum: 3,
    members: MEMBERS,
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

export const present = (memberId: string, name: string): MeetingAttendee => ({
  id: `a-${memberId}`,
  kind: 'member',
  memberId,
  residentId: null,
  role: 'member',
  name,
  recordedAt: '2026-12-10T11:35:00.000Z',
});

export function makeItem(overrides: Partial<MeetingAgendaItem> = {}): MeetingAgendaItem {
  return {
    id: 'i1',
    position: 1,
    proposalId: 'p1',
    proposalNumber: 'YS20261120-000001',
    proposalTitle: '空地变垃圾场，建议改建垃圾房和晾晒点',
    proposalStatus: 'scheduled',
    tally: { for: 0, against: 0, abstain: 0 },
    votes: [],
    decision: null,
    presentAtDecision: null,
    requiredFor: null,
    decidedAt: null,
    decisionNote: null,
    ...overrides,
  };
}

export function makeMeeting(overrides: Partial<MeetingDetail> = {}): MeetingDetail {
  return {
    ...makeMeetingSummary(),
    minutes: null,
    currentMembers: 4,
    quorum: 3,
    quorate: false,
    adoptionRule: 'majority_of_present',
    attendees: [],
    agenda: [makeItem()],
    ...overrides,
  };
}

export function makeMilestone(overrides: Partial<ProposalMilestone> = {}): ProposalMilestone {
  return {
    id: 'ms1',
    title: '完成垃圾房选址',
    plannedOn: '2026-12-20',
    doneAt: null,
    ...overrides,
  };
}

export function makeImplementation(
  overrides: Partial<ProposalImplementation> = {},
): ProposalImplementation {
  return {
    proposalId: 'p1',
    ownerStaffId: 'u-desk_staff',
    ownerName: '李晓梅',
    plan: '在东侧空地建一个垃圾房和一个晾晒点，物业配合施工。',
    budgetYuan: 50000,
    fundingSource: 'community_charity_fund',
    fundingNote: null,
    startedAt: '2026-11-25T02:00:00.000Z',
    completedAt: null,
    completionNote: null,
    milestones: [],
    progress: [],
    evaluationDueAt: null,
    evaluation: null,
    ...overrides,
  };
}
