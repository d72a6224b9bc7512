import { systemActor } from '../auth/actor';
import { systemRead } from '../auth/scope';
import type { Tx } from '../database/tx';
import type { EventStream } from '../events/event-stream.service';
import type { ProposalEntity } from './council.entities';
import type { ProposalActivityRepository } from './proposal-activity.repository';
import { appendProposalEvent } from './proposal-pushes';
import type { ProposalsRepository } from './proposals.repository';

export interface ReadinessDeps {
  repo: ProposalsRepository;
  activity: ProposalActivityRepository;
  stream: EventStream;
}

/**
 * Recounts a proposal's active supports under its row lock and says when they reach its
 * threshold (ready for an agenda) or fall below it again before it is scheduled. The mark is the
 * system's consequence of the supports, recorded as the system actor and told to everyone behind
 * the proposal.
 */
export async function settleSupports(
  d: ReadinessDeps,
  m: Tx,
  id: string,
  now: Date,
): Promise<void> {
  const p = (await d.repo.find(systemRead('count supports'), id, m))!;
  const count = await d.activity.activeSupports(m, id);
  const patch: Partial<ProposalEntity> = {};
  if (count !== p.supportCount) patch.supportCount = count;
  const open = p.status === 'open_for_support' && p.supportThreshold !== null;
  const ready = open && count >= p.supportThreshold!;
  let type: 'threshold_reached' | 'threshold_lost' | null = null;
  if (ready && !p.readyAt) {
    patch.readyAt = now;
    type = 'threshold_reached';
  } else if (open && !ready && p.readyAt) {
    patch.readyAt = null;
    type = 'threshold_lost';
  }
  if (Object.keys(patch).length > 0) await d.repo.update(m, id, patch);
  if (!type) return;
  await appendProposalEvent(d.stream, m, systemActor(`support_${type}`), p, type, {
    at: now,
    data: { supportCount: count, threshold: p.supportThreshold },
    residents: await d.repo.audience(m, id),
  });
}
