import { SUPPORTABLE_STATUSES, type ProposalDetail } from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { systemRead } from '../auth/scope';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { Db } from '../database/db';
import type { Tx } from '../database/tx';
import { EventStream } from '../events/event-stream.service';
import { ProposalActivityRepository } from './proposal-activity.repository';
import { appendProposalEvent } from './proposal-pushes';
import { settleSupports } from './proposal-readiness';
import { type ProposalRow, ProposalsRepository } from './proposals.repository';
import { ProposalsService } from './proposals.service';

/**
 * Residents back proposals of their own community: support (once each; withdrawn is a new fact,
 * not a deletion) and follow. Each runs under the proposal's row lock, so the count, the
 * threshold and concurrent double clicks agree.
 */
@Injectable()
export class ProposalSupportsService {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly repo: ProposalsRepository,
    private readonly activity: ProposalActivityRepository,
    private readonly db: Db,
    private readonly stream: EventStream,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async support(actor: Actor, id: string): Promise<ProposalDetail> {
    await this.resident(actor, id);
    if ((await this.repo.residentVerification(actor.id)) !== 'verified')
      throw new AppException(
        'FORBIDDEN',
        'Your registration is being checked by the community; you may support proposals once it is confirmed',
        undefined,
        { reason: 'resident_unverified' },
      );
    await this.locked(id, async (m, p, now) => {
      this.supportable(p);
      // Writing it is the author's act already (a propose participation); a support would count them twice.
      if (p.authorResidentId === actor.id)
        throw new AppException(
          'CONFLICT',
          'You wrote this proposal; its supports come from other residents',
          undefined,
          { reason: 'own_proposal' },
        );
      const added = await this.activity.addSupport(m, {
        proposalId: id,
        residentId: actor.id,
        communityId: p.communityId,
        at: now,
      });
      if (!added)
        throw new AppException('CONFLICT', 'You already support this proposal', undefined, {
          reason: 'already_supported',
        });
      await this.activity.recordParticipation(m, {
        residentId: actor.id,
        communityId: p.communityId,
        act: 'support',
        subjectType: 'proposal',
        subjectId: id,
        proposalId: id,
        at: now,
      });
      await appendProposalEvent(this.stream, m, actor, p, 'supported', {
        at: now,
        residents: [actor.id],
      });
      await settleSupports(this.deps, m, id, now);
    });
    return this.proposals.detail(actor, id);
  }

  async withdraw(actor: Actor, id: string): Promise<ProposalDetail> {
    await this.resident(actor, id);
    await this.locked(id, async (m, p, now) => {
      this.supportable(p);
      if (!(await this.activity.withdrawSupport(m, id, actor.id, now)))
        throw new AppException('CONFLICT', 'You do not support this proposal', undefined, {
          reason: 'not_supporting',
        });
      await appendProposalEvent(this.stream, m, actor, p, 'support_withdrawn', {
        at: now,
        residents: [actor.id],
      });
      await settleSupports(this.deps, m, id, now);
    });
    return this.proposals.detail(actor, id);
  }

  async follow(actor: Actor, id: string): Promise<ProposalDetail> {
    await this.resident(actor, id);
    await this.locked(id, async (m, p, now) => {
      const added = await this.activity.addFollowers(m, id, p.communityId, [actor.id], 'follow');
      if (added.length === 0)
        throw new AppException('CONFLICT', 'You already follow this proposal', undefined, {
          reason: 'already_following',
        });
      await appendProposalEvent(this.stream, m, actor, p, 'followed', {
        at: now,
        residents: [actor.id],
      });
    });
    return this.proposals.detail(actor, id);
  }

  async unfollow(actor: Actor, id: string): Promise<ProposalDetail> {
    await this.resident(actor, id);
    await this.locked(id, async (m, p, now) => {
      if (!(await this.activity.removeFollower(m, id, actor.id)))
        throw new AppException('CONFLICT', 'You do not follow this proposal', undefined, {
          reason: 'not_following',
        });
      await appendProposalEvent(this.stream, m, actor, p, 'unfollowed', {
        at: now,
        residents: [actor.id],
      });
    });
    return this.proposals.detail(actor, id);
  }

  /** A resident who can read the proposal: one of its community (others get 404). */
  private async resident(actor: Actor, id: string): Promise<void> {
    if (actor.kind !== 'resident')
      throw AppException.forbidden('Residents of the community support and follow proposals');
    await this.proposals.readable(actor, id);
  }

  private supportable(p: ProposalRow): void {
    if (!SUPPORTABLE_STATUSES.includes(p.status))
      throw new AppException(
        'CONFLICT',
        'Supports are gathered while a proposal is open for support',
        undefined,
        { reason: 'not_open_for_support', status: p.status },
      );
  }

  private async locked(
    id: string,
    fn: (m: Tx, p: ProposalRow, now: Date) => Promise<void>,
  ): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.repo.lock(m, id);
      const p = (await this.repo.find(systemRead('support under lock'), id, m))!;
      await fn(m, p, this.clock.now());
    });
  }

  private get deps() {
    return { repo: this.repo, activity: this.activity, stream: this.stream };
  }
}
