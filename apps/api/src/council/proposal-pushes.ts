import type { ProposalEventType, ProposalPush, ProposalStatus } from '@baitong/contracts';
import type { ChangeActor } from '../auth/actor';
import type { Tx } from '../database/tx';
import type { EventStream } from '../events/event-stream.service';
import type { PushRenderer } from '../realtime/realtime.service';
import type { ProposalEntity } from './council.entities';
import { toProposalSummary } from './council.mapper';
import type { ProposalsRepository } from './proposals.repository';

export interface ProposalEventOptions {
  at: Date;
  fromStatus?: ProposalStatus | null;
  toStatus?: ProposalStatus | null;
  note?: string | null;
  data?: Record<string, unknown>;
  /** Residents told besides the author: supporters and followers for a step, else the one acting. */
  residents?: readonly string[];
}

type Subject = Pick<
  ProposalEntity,
  'id' | 'communityId' | 'authorResidentId' | 'createdByStaffId' | 'submittedAt'
>;

/**
 * One proposal change into the one stream (subject type `proposal`), pushed to the community's
 * staff, the author (and the staff member who wrote it for them) and the residents named. A
 * resident's draft that was never submitted is theirs alone: its events go to them only.
 */
export function appendProposalEvent(
  stream: EventStream,
  m: Tx,
  actor: ChangeActor,
  p: Subject,
  type: ProposalEventType,
  o: ProposalEventOptions,
): Promise<string> {
  const privateDraft = !p.submittedAt && !p.createdByStaffId;
  const rooms = [
    ...(privateDraft ? [] : [`community:${p.communityId}`]),
    ...(p.authorResidentId ? [`user:${p.authorResidentId}`] : []),
    ...(p.createdByStaffId ? [`user:${p.createdByStaffId}`] : []),
    ...(privateDraft ? [] : (o.residents ?? []).map((id) => `user:${id}`)),
  ];
  return stream.append(m, {
    name: 'proposal.updated',
    subject: { type: 'proposal', id: p.id },
    communityId: p.communityId,
    rooms,
    actor,
    data: {
      type,
      ...(o.fromStatus !== undefined ? { fromStatus: o.fromStatus } : {}),
      ...(o.toStatus !== undefined ? { toStatus: o.toStatus } : {}),
      ...(o.note ? { note: o.note } : {}),
      ...(o.data ?? {}),
    },
    at: o.at,
  });
}

/**
 * Pushes carry the proposal as it is after commit: staff rooms (the community, the staff member who
 * wrote it) the staff view, residents' rooms the resident view, the author's with their own name.
 */
export function proposalRenderer(repo: ProposalsRepository): PushRenderer {
  return async (events) => {
    const rows = new Map(
      (await repo.findMany([...new Set(events.map((e) => e.subjectId))])).map((r) => [r.id, r]),
    );
    // One payload per event and view, so rooms with the same view get one emit.
    const cache = new Map<string, ProposalPush>();
    return (event, room) => {
      const row = rows.get(event.subjectId);
      if (!row) return null;
      const view =
        room.startsWith('community:') || room === `user:${row.createdByStaffId}`
          ? 'staff'
          : room === `user:${row.authorResidentId}`
            ? 'author'
            : 'resident';
      const key = `${event.id}:${view}`;
      let push = cache.get(key);
      if (!push) {
        push = {
          eventId: event.id,
          type: event.data['type'] as ProposalEventType,
          proposal: toProposalSummary(row, view),
        };
        cache.set(key, push);
      }
      return push;
    };
  };
}
