import type {
  CouncilMember,
  MeetingAgendaItem,
  MeetingConflict,
  MeetingDetail,
  MeetingSummary,
} from '@baitong/contracts';
import { MEETING_CONFLICTS } from '@baitong/contracts';
import { shanghaiDateKey } from '@/utils/format';

/** What the quorum indicator shows: members present against the quorum of the meeting's day. */
export interface QuorumState {
  present: number;
  quorum: number;
  members: number;
  met: boolean;
  /** Members still to come before the meeting may vote (0 once met). */
  missing: number;
  /** A council without serving members never has quorum: the admin adds members first. */
  noMembers: boolean;
}

export function quorumState(
  meeting: Pick<MeetingDetail, 'attendees' | 'quorum' | 'currentMembers' | 'quorate'>,
): QuorumState {
  const present = meeting.attendees.filter((a) => a.kind === 'member').length;
  const noMembers = meeting.currentMembers === 0;
  // The API's `quorate` decides; the count only explains it.
  const met = meeting.quorate && !noMembers;
  return {
    present,
    quorum: meeting.quorum,
    members: meeting.currentMembers,
    met,
    missing: met ? 0 : Math.max(1, meeting.quorum - present),
    noMembers,
  };
}

/** Serving on a day (`YYYY-MM-DD`): the API's rule, term start to term end inclusive. */
export const servingOn = (member: Pick<CouncilMember, 'termStart' | 'termEnd'>, day: string) =>
  member.termStart <= day && (member.termEnd === null || member.termEnd >= day);

/** The council's members serving on the meeting's day (Asia/Shanghai), chair first. */
export function membersOfMeeting(
  members: readonly CouncilMember[],
  meeting: Pick<MeetingSummary, 'startsAt'>,
): CouncilMember[] {
  const day = shanghaiDateKey(meeting.startsAt);
  const order = ['chair', 'vice_chair', 'secretary', 'member'];
  return members
    .filter((m) => servingOn(m, day))
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}

/** Why a vote cannot be entered now, before asking the API; null when it can. */
export type VoteBlock = 'closed' | 'decided' | 'no_members' | 'no_quorum' | null;

export function voteBlock(
  meeting: Pick<MeetingDetail, 'status' | 'attendees' | 'quorum' | 'currentMembers' | 'quorate'>,
  item: Pick<MeetingAgendaItem, 'decision'>,
): VoteBlock {
  if (meeting.status === 'closed') return 'closed';
  if (item.decision) return 'decided';
  const q = quorumState(meeting);
  if (q.noMembers) return 'no_members';
  return q.met ? null : 'no_quorum';
}

/** Present members who have not voted on the item yet. */
export function membersYetToVote(
  meeting: Pick<MeetingDetail, 'attendees'>,
  item: MeetingAgendaItem,
) {
  const voted = new Set(item.votes.map((v) => v.memberId));
  return meeting.attendees.filter(
    (a) => a.kind === 'member' && a.memberId && !voted.has(a.memberId),
  );
}

export const undecidedItems = (meeting: Pick<MeetingDetail, 'agenda'>) =>
  meeting.agenda.filter((i) => !i.decision);

export const isMeetingConflict = (reason: unknown): reason is MeetingConflict =>
  typeof reason === 'string' && (MEETING_CONFLICTS as readonly string[]).includes(reason);

/** Planned meetings soonest first, then the past ones latest first. */
export function splitMeetings(items: readonly MeetingSummary[], now: number) {
  const upcoming = items
    .filter((m) => m.status === 'planned')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = items
    .filter((m) => m.status === 'closed')
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const overdue = new Set(
    upcoming.filter((m) => new Date(m.startsAt).getTime() < now).map((m) => m.id),
  );
  return { upcoming, past, overdue };
}

/** `HH:mm` of an instant in Shanghai, 24-hour, for the time picker. */
export function shanghaiClock(value: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(value));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}

/**
 * `startsAt` with the Shanghai offset from a picked day and time, as the API asks for
 * (`2026-12-10T19:30:00+08:00`).
 */
export const meetingStartsAt = (day: string, time: string) => `${day}T${time}:00+08:00`;
