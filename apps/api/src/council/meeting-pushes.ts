import type { MeetingEventType, MeetingPush } from '@baitong/contracts';
import type { ChangeActor } from '../auth/actor';
import type { Tx } from '../database/tx';
import type { EventStream } from '../events/event-stream.service';
import type { PushRenderer } from '../realtime/realtime.service';
import { toMeetingSummary } from './meeting.mapper';
import type { MeetingsRepository } from './meetings.repository';

/**
 * One meeting change into the one stream (subject type `meeting`), pushed to the community's
 * staff and, when it concerns a proposal on the agenda, to the residents behind that proposal.
 */
export function appendMeetingEvent(
  stream: EventStream,
  m: Tx,
  actor: ChangeActor,
  meeting: { id: string; communityId: string },
  type: MeetingEventType,
  o: { at: Date; data?: Record<string, unknown>; residents?: readonly string[] },
): Promise<string> {
  return stream.append(m, {
    name: 'meeting.updated',
    subject: { type: 'meeting', id: meeting.id },
    communityId: meeting.communityId,
    rooms: [
      `community:${meeting.communityId}`,
      ...[...new Set(o.residents ?? [])].map((id) => `user:${id}`),
    ],
    actor,
    data: { type, ...(o.data ?? {}) },
    at: o.at,
  });
}

/** Pushes carry the meeting's summary as it is after commit (no names in it). */
export function meetingRenderer(repo: MeetingsRepository): PushRenderer {
  return async (events) => {
    const rows = new Map(
      (await repo.findMany([...new Set(events.map((e) => e.subjectId))])).map((r) => [r.id, r]),
    );
    const cache = new Map<string, MeetingPush>();
    return (event) => {
      const row = rows.get(event.subjectId);
      if (!row) return null;
      let push = cache.get(event.id);
      if (!push) {
        push = {
          eventId: event.id,
          type: event.data['type'] as MeetingEventType,
          meeting: toMeetingSummary(row),
        };
        cache.set(event.id, push);
      }
      return push;
    };
  };
}
