import type {
  AdoptionRule,
  MeetingAgendaItem,
  MeetingAttendee,
  MeetingDetail,
  MeetingSummary,
  ProposalStatus,
  VoteTally,
} from '@baitong/contracts';
import { maskName } from '../people/mask-name';
import type { AgendaRow, AttendeeRow, MeetingRow, VoteRow } from './meetings.repository';

const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);

export function tallyOf(votes: readonly Pick<VoteRow, 'choice'>[]): VoteTally {
  const t: VoteTally = { for: 0, against: 0, abstain: 0 };
  for (const v of votes) t[v.choice]++;
  return t;
}

export function toMeetingSummary(m: MeetingRow): MeetingSummary {
  return {
    id: m.id,
    communityId: m.communityId,
    title: m.title,
    startsAt: new Date(m.startsAt).toISOString(),
    place: m.place,
    status: m.status,
    agendaCount: m.agendaCount,
    membersPresent: m.membersPresent,
    residentsPresent: m.residentsPresent,
    closedAt: iso(m.closedAt),
    createdAt: new Date(m.createdAt).toISOString(),
    updatedAt: new Date(m.updatedAt).toISOString(),
    version: m.version,
  };
}

export function toMeetingDetail(
  m: MeetingRow,
  x: {
    staffView: boolean;
    viewerId: string;
    currentMembers: number;
    quorum: number;
    adoptionRule: AdoptionRule;
    attendees: AttendeeRow[];
    agenda: AgendaRow[];
    votes: VoteRow[];
  },
): MeetingDetail {
  const membersPresent = x.attendees.filter((a) => a.kind === 'member').length;
  const attendees: MeetingAttendee[] = x.attendees.map((a) => ({
    id: a.id,
    kind: a.kind,
    memberId: a.memberId,
    residentId:
      x.staffView || a.residentId === x.viewerId || a.kind === 'member' ? a.residentId : null,
    role: a.role,
    name:
      x.staffView || a.kind === 'member' || a.residentId === x.viewerId ? a.name : maskName(a.name),
    recordedAt: new Date(a.recordedAt).toISOString(),
  }));
  const agenda: MeetingAgendaItem[] = x.agenda.map((a) => {
    const votes = x.votes.filter((v) => v.agendaItemId === a.id);
    return {
      id: a.id,
      position: a.position,
      proposalId: a.proposalId,
      proposalNumber: a.proposalNumber,
      proposalTitle: a.proposalTitle,
      proposalStatus: a.proposalStatus as ProposalStatus,
      tally: tallyOf(votes),
      votes: votes.map((v) => ({
        memberId: v.memberId,
        memberName: v.memberName,
        choice: v.choice,
        at: new Date(v.recordedAt).toISOString(),
      })),
      decision: a.decision,
      presentAtDecision: a.presentAtDecision,
      requiredFor: a.requiredFor,
      decidedAt: iso(a.decidedAt),
      decisionNote: a.decisionNote,
    };
  });
  return {
    ...toMeetingSummary(m),
    minutes: m.minutes,
    currentMembers: x.currentMembers,
    quorum: x.quorum,
    quorate: x.currentMembers > 0 && membersPresent >= x.quorum,
    adoptionRule: x.adoptionRule,
    attendees,
    agenda,
  };
}
