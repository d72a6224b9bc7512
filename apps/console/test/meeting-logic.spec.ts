import { describe, expect, it } from 'vitest';
import {
  meetingStartsAt,
  membersOfMeeting,
  membersYetToVote,
  quorumState,
  shanghaiClock,
  splitMeetings,
  voteBlock,
} from '@/utils/meeting';
import { MEMBERS, makeItem, makeMeeting, makeMeetingSummary, present } from './meeting-fixtures';

describe('the quorum shown at a meeting', () => {
  it('counts the members present against the quorum and says how many are missing', () => {
    const meeting = makeMeeting({ attendees: [present('cm1', '王建国')], quorum: 3 });
    expect(quorumState(meeting)).toEqual({
      present: 1,
      quorum: 3,
      members: 4,
      met: false,
      missing: 2,
      noMembers: false,
    });
  });

  it('leaves residents who attend out of the member count', () => {
    const meeting = makeMeeting({
      attendees: [
        present('cm1', '王建国'),
        { ...present('x', '赵*'), kind: 'resident', memberId: null, residentId: 'r9' },
      ],
    });
    expect(quorumState(meeting).present).toBe(1);
  });

  it('follows the API when it says the meeting is quorate', () => {
    const meeting = makeMeeting({
      quorate: true,
      attendees: ['cm1', 'cm2', 'cm3'].map((id) => present(id, id)),
    });
    expect(quorumState(meeting)).toMatchObject({ met: true, missing: 0 });
  });

  it('never has quorum without serving members', () => {
    const meeting = makeMeeting({ currentMembers: 0, quorum: 0, quorate: false });
    expect(quorumState(meeting)).toMatchObject({ met: false, noMembers: true });
    expect(voteBlock(meeting, makeItem())).toBe('no_members');
  });
});

describe('when a vote may be entered', () => {
  it('is refused up front without quorum, after a decision and once the meeting is closed', () => {
    const open = makeMeeting({ quorate: false });
    expect(voteBlock(open, makeItem())).toBe('no_quorum');
    const quorate = makeMeeting({ quorate: true });
    expect(voteBlock(quorate, makeItem())).toBeNull();
    expect(voteBlock(quorate, makeItem({ decision: 'adopted' }))).toBe('decided');
    expect(voteBlock({ ...quorate, status: 'closed' }, makeItem())).toBe('closed');
  });

  it('lists the members present who have not voted on the item', () => {
    const meeting = makeMeeting({
      attendees: [present('cm1', '王建国'), present('cm2', '李秀英')],
    });
    const item = makeItem({
      votes: [{ memberId: 'cm1', memberName: '王建国', choice: 'for', at: '2026-12-10T12:00:00Z' }],
    });
    expect(membersYetToVote(meeting, item).map((a) => a.memberId)).toEqual(['cm2']);
  });
});

describe('the attendance checklist', () => {
  it('holds the members serving on the meeting’s day in Shanghai, the chair first', () => {
    const members = membersOfMeeting(MEMBERS, { startsAt: '2026-12-10T19:30:00+08:00' });
    expect(members.map((m) => m.id)).toEqual(['cm2', 'cm1', 'cm3', 'cm4']);
  });

  it('counts a term ending on the meeting’s day, and uses the Shanghai day of a late meeting', () => {
    // 2026-06-30T16:30Z is already 1 July in Shanghai: the term ended the day before.
    const late = membersOfMeeting(MEMBERS, { startsAt: '2026-06-30T16:30:00Z' });
    expect(late.some((m) => m.id === 'cm5')).toBe(false);
    const onTheDay = membersOfMeeting(MEMBERS, { startsAt: '2026-06-30T19:30:00+08:00' });
    expect(onTheDay.some((m) => m.id === 'cm5')).toBe(true);
  });
});

describe('the meetings list', () => {
  it('puts planned meetings soonest first, closed ones latest first, and flags planned ones past their time', () => {
    const now = new Date('2026-12-05T00:00:00Z').getTime();
    const { upcoming, past, overdue } = splitMeetings(
      [
        makeMeetingSummary({ id: 'later', startsAt: '2026-12-20T19:30:00+08:00' }),
        makeMeetingSummary({ id: 'missed', startsAt: '2026-11-30T19:30:00+08:00' }),
        makeMeetingSummary({ id: 'old', status: 'closed', startsAt: '2026-10-10T19:30:00+08:00' }),
        makeMeetingSummary({
          id: 'recent',
          status: 'closed',
          startsAt: '2026-11-10T19:30:00+08:00',
        }),
      ],
      now,
    );
    expect(upcoming.map((m) => m.id)).toEqual(['missed', 'later']);
    expect(past.map((m) => m.id)).toEqual(['recent', 'old']);
    expect([...overdue]).toEqual(['missed']);
  });

  it('sends a picked day and time as a Shanghai instant', () => {
    expect(meetingStartsAt('2026-12-10', '19:30')).toBe('2026-12-10T19:30:00+08:00');
  });

  it('reads a meeting’s time back in Shanghai for the form, whatever the machine’s zone', () => {
    expect(shanghaiClock('2026-12-10T11:30:00.000Z')).toBe('19:30');
    expect(shanghaiClock('2026-12-10T16:05:00Z')).toBe('00:05');
  });
});
