import type { FollowUpPush, StreamEventName } from '@baitong/contracts';
import type { ChangeActor } from '../auth/actor';
import type { Clock } from '../common/clock';
import type { Tx } from '../database/tx';
import type { EventStream } from '../events/event-stream.service';
import type { PushRenderer } from '../realtime/realtime.service';
import type { FollowUpTaskEntity } from './follow-up.entities';
import { toFollowUpSummary } from './follow-ups.mapper';
import type { FollowUpsRepository } from './follow-ups.repository';

export type FollowUpEventType = FollowUpPush['type'];

/**
 * One follow-up change into the one stream: to the community, the assignee (and, for an
 * invitation, only the resident). Pushes carry the task as it is after commit.
 */
export function appendFollowUpEvent(
  stream: EventStream,
  m: Tx,
  actor: ChangeActor,
  t: Pick<FollowUpTaskEntity, 'id' | 'communityId' | 'assigneeId' | 'residentId' | 'caseId'>,
  type: FollowUpEventType,
  opts: { name?: StreamEventName; data?: Record<string, unknown>; rooms?: string[]; at: Date },
): Promise<string> {
  const rooms =
    type === 'invited'
      ? [`user:${t.residentId}`]
      : [`community:${t.communityId}`, ...(t.assigneeId ? [`user:${t.assigneeId}`] : [])];
  return stream.append(m, {
    name: opts.name ?? 'followup.updated',
    subject: { type: 'follow_up', id: t.id },
    communityId: t.communityId,
    rooms: [...rooms, ...(opts.rooms ?? [])],
    actor,
    data: { type, caseId: t.caseId, ...(opts.data ?? {}) },
    at: opts.at,
  });
}

/** Staff rooms get the task summary; a resident's room only the invitation to rate. */
export function followUpRenderer(repo: FollowUpsRepository, clock: Clock): PushRenderer {
  return async (events) => {
    const rows = new Map(
      (await repo.findTasks([...new Set(events.map((e) => e.subjectId))])).map((r) => [r.id, r]),
    );
    const now = clock.now();
    return (event, room) => {
      const row = rows.get(event.subjectId);
      if (!row) return null;
      const type = event.data['type'] as FollowUpEventType;
      const summary = toFollowUpSummary(row, now);
      if (row.residentId && room === `user:${row.residentId}`) {
        if (type !== 'invited') return null;
        return {
          eventId: event.id,
          type,
          followUp: { ...summary, assigneeId: null, assigneeName: null },
        };
      }
      const push: FollowUpPush = { eventId: event.id, type, followUp: summary };
      return push;
    };
  };
}
