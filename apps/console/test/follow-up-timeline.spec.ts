import { describe, expect, it } from 'vitest';
import { mergeTimeline } from '@/utils/follow-up-timeline';
import { makeEvent } from './case-fixtures';
import { makeAppeal, makeAttempt, makeFollowUpDetail } from './follow-up-fixtures';

const at = (hhmm: string) => `2026-03-04T${hhmm}:00.000Z`;

describe('the case timeline with its follow-ups', () => {
  it('puts each follow-up, attempt and appeal at its own time between the case events', () => {
    const upheld = makeAppeal({
      attemptId: 'a2',
      appealedAt: at('06:00'),
      status: 'upheld',
      decidedById: 'u9',
      decidedByName: '街道管理员',
      decidedAt: at('07:00'),
      decisionReason: '属于物业责任',
    });
    const followUp = makeFollowUpDetail({
      id: 'f1',
      createdAt: at('02:00'),
      attempts: [
        makeAttempt({
          outcome: 'unreachable',
          satisfaction: null,
          solved: null,
          recordedAt: at('03:00'),
        }),
        makeAttempt({
          id: 'a2',
          outcome: 'reached',
          satisfaction: 'very_dissatisfied',
          solved: 'no',
          recordedAt: at('05:00'),
          excluded: true,
          appeal: upheld,
        }),
      ],
    });
    const events = [
      makeEvent({ at: at('01:00') }),
      makeEvent({ id: 'e2', type: 'transition', at: at('02:00') }),
      makeEvent({ id: 'e3', type: 'transition', at: at('05:00') }),
    ];

    // At the same instant the case event comes first: the resolution schedules the follow-up.
    expect(mergeTimeline(events, [followUp]).map((i) => i.key)).toEqual([
      '100',
      'e2',
      'fu:f1',
      'fa:a1',
      'e3',
      'fa:a2',
      'ap:p1',
      'ad:p1',
    ]);
  });

  it('shows a pending appeal without a decision', () => {
    const followUp = makeFollowUpDetail({
      createdAt: at('02:00'),
      attempts: [
        makeAttempt({
          id: 'a2',
          recordedAt: at('03:00'),
          appeal: makeAppeal({ attemptId: 'a2', appealedAt: at('06:00') }),
        }),
      ],
    });
    expect(mergeTimeline([], [followUp]).map((i) => i.key)).toEqual(['fu:f1', 'fa:a2', 'ap:p1']);
  });
});
