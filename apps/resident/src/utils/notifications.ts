import type { ResidentNotification } from '@baitong/contracts';

export type NotificationKind = 'case' | 'followUp' | 'evaluation' | 'proposal' | 'meeting';

/** How one inbox entry reads: a message key with its parameters, what it is about, where it leads. */
export interface NotificationLine {
  kind: NotificationKind;
  key: string;
  params: Record<string, string>;
  /** The request number, the proposal or meeting title: the second line. */
  subject: string;
  to: string;
}

/** Param values that are themselves message keys (statuses, event names), translated by the view. */
export const KEYED_PARAMS = ['status', 'event'] as const;

/**
 * Reads an entry of the inbox. The step is told as it was then (`toStatus`), while the subject's
 * name and link are as it is now: a proposal renamed since is found under its new name.
 */
export function notificationLine(n: ResidentNotification): NotificationLine | null {
  switch (n.name) {
    case 'case.created':
    case 'case.updated':
    case 'case.assigned':
    case 'case.overdue': {
      const c = n.push.case;
      const base = { kind: 'case' as const, subject: c.number, to: `/requests/${c.id}` };
      if (n.push.type === 'transition' && n.toStatus)
        return {
          ...base,
          key: 'notifications.case.status',
          params: { status: `requests.status.${n.toStatus}` },
        };
      if (n.push.type === 'created')
        return { ...base, key: 'notifications.case.created', params: {} };
      return {
        ...base,
        key: 'notifications.case.event',
        params: { event: `requests.events.${n.push.type}` },
      };
    }
    case 'followup.updated':
    case 'followup.overdue':
    case 'followup.completed': {
      const f = n.push.followUp;
      return {
        kind: 'followUp',
        key: 'notifications.followUp.invited',
        params: {},
        subject: f.caseNumber,
        to: `/requests/${f.caseId}`,
      };
    }
    case 'evaluation.invited': {
      const i = n.push.invitation;
      return {
        kind: 'evaluation',
        key: 'notifications.evaluation.invited',
        params: {},
        subject: i.title,
        to: `/council/${i.proposalId}`,
      };
    }
    case 'proposal.updated': {
      const p = n.push.proposal;
      const base = { kind: 'proposal' as const, subject: p.title, to: `/council/${p.id}` };
      if (n.push.type === 'transition' && n.toStatus)
        return {
          ...base,
          key: 'notifications.proposal.status',
          params: { status: `council.status.${n.toStatus}` },
        };
      return {
        ...base,
        key: 'notifications.proposal.event',
        params: { event: `council.events.${n.push.type}` },
      };
    }
    case 'meeting.updated': {
      const m = n.push.meeting;
      return {
        kind: 'meeting',
        key: `notifications.meeting.${n.push.type}`,
        params: { place: m.place },
        subject: m.title,
        to: `/council/meetings/${m.id}`,
      };
    }
    default:
      return null;
  }
}

/** Entries after the mark the resident had when the page opened are shown as new. */
export function isUnread(id: string, seenUpTo: string | null): boolean {
  return seenUpTo === null || BigInt(id) > BigInt(seenUpTo);
}

/** The newest of two stream ids (they are bigints, as strings). */
export function newestId(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return BigInt(a) >= BigInt(b) ? a : b;
}
