import type {
  CaseEvent,
  FollowUpAppeal,
  FollowUpAttempt,
  FollowUpDetail,
} from '@baitong/contracts';

/**
 * What the follow-ups of a case add to its timeline. The case's own events only show the system
 * closing or reopening it; who called the resident, when, and what they heard lives on the
 * follow-up tasks, so the timeline reads them from there.
 */
export type FollowUpEntry =
  | { kind: 'scheduled'; key: string; at: string; followUp: FollowUpDetail }
  | {
      kind: 'attempt';
      key: string;
      at: string;
      followUp: FollowUpDetail;
      attempt: FollowUpAttempt;
    }
  | { kind: 'appealed'; key: string; at: string; followUp: FollowUpDetail; appeal: FollowUpAppeal }
  | {
      kind: 'appeal_decided';
      key: string;
      at: string;
      followUp: FollowUpDetail;
      appeal: FollowUpAppeal;
    };

export type TimelineItem =
  | { kind: 'event'; key: string; at: string; event: CaseEvent }
  | { kind: 'followUp'; key: string; at: string; entry: FollowUpEntry };

export function followUpEntries(followUps: readonly FollowUpDetail[]): FollowUpEntry[] {
  const entries: FollowUpEntry[] = [];
  for (const f of followUps) {
    entries.push({ kind: 'scheduled', key: `fu:${f.id}`, at: f.createdAt, followUp: f });
    for (const a of f.attempts) {
      entries.push({
        kind: 'attempt',
        key: `fa:${a.id}`,
        at: a.recordedAt,
        followUp: f,
        attempt: a,
      });
      const appeal = a.appeal;
      if (!appeal) continue;
      entries.push({
        kind: 'appealed',
        key: `ap:${appeal.id}`,
        at: appeal.appealedAt,
        followUp: f,
        appeal,
      });
      if (appeal.decidedAt)
        entries.push({
          kind: 'appeal_decided',
          key: `ad:${appeal.id}`,
          at: appeal.decidedAt,
          followUp: f,
          appeal,
        });
    }
  }
  return entries;
}

/**
 * The case's events and its follow-ups in one list, oldest first. At the same instant the case
 * event comes first: a follow-up is scheduled by the resolution it follows, in the same commit.
 */
export function mergeTimeline(
  events: readonly CaseEvent[],
  followUps: readonly FollowUpDetail[],
): TimelineItem[] {
  const items: TimelineItem[] = [
    ...events.map((event) => ({ kind: 'event' as const, key: event.id, at: event.at, event })),
    ...followUpEntries(followUps).map((entry) => ({
      kind: 'followUp' as const,
      key: entry.key,
      at: entry.at,
      entry,
    })),
  ];
  // Array.prototype.sort is stable, so each source keeps its own order within an instant.
  return items.sort((a, b) => {
    const byTime = Date.parse(a.at) - Date.parse(b.at);
    if (byTime !== 0) return byTime;
    return a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1;
  });
}
