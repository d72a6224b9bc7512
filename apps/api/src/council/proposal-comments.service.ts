import type { ProposalComment } from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { systemRead } from '../auth/scope';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { Db } from '../database/db';
import { EventStream } from '../events/event-stream.service';
import type { AddCommentDto, HideCommentDto } from './council.dto';
import { toComment } from './council.mapper';
import { ProposalActivityRepository } from './proposal-activity.repository';
import { CLOSED_STATUSES } from './proposal-lifecycle';
import { appendProposalEvent } from './proposal-pushes';
import { ProposalsRepository } from './proposals.repository';
import { ProposalsService, isCouncilWorker } from './proposals.service';

/**
 * Comments on proposals by the community's residents and staff. Staff moderate by hiding one with
 * a reason; the comment stays on record as written (a trigger refuses deletes and rewrites) and
 * residents no longer read its text.
 */
@Injectable()
export class ProposalCommentsService {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly repo: ProposalsRepository,
    private readonly activity: ProposalActivityRepository,
    private readonly db: Db,
    private readonly stream: EventStream,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(actor: Actor, proposalId: string): Promise<ProposalComment[]> {
    const p = await this.proposals.readable(actor, proposalId);
    const view = this.proposals.viewOf(actor, p) === 'staff' ? 'staff' : { residentId: actor.id };
    return (await this.activity.comments(proposalId)).map((c) => toComment(c, view));
  }

  async add(actor: Actor, proposalId: string, dto: AddCommentDto): Promise<ProposalComment> {
    const p = await this.proposals.readable(actor, proposalId);
    if (actor.kind === 'staff' && !isCouncilWorker(actor, p.communityId))
      throw AppException.forbidden('The community’s residents and staff comment on its proposals');
    if (!p.submittedAt || CLOSED_STATUSES.includes(p.status))
      throw new AppException(
        'CONFLICT',
        p.submittedAt
          ? `A ${p.status} proposal takes no more comments`
          : 'A draft takes comments once it is submitted',
        undefined,
        { reason: 'closed_for_comments', status: p.status },
      );
    const now = this.clock.now();
    const comment = await this.db.transaction(async (m) => {
      const c = await this.activity.insertComment(m, {
        proposalId,
        communityId: p.communityId,
        authorKind: actor.kind,
        authorResidentId: actor.kind === 'resident' ? actor.id : null,
        authorStaffId: actor.kind === 'staff' ? actor.id : null,
        authorName: actor.name.slice(0, 64),
        body: dto.body,
        createdAt: now,
      });
      if (actor.kind === 'resident')
        await this.activity.recordParticipation(m, {
          residentId: actor.id,
          communityId: p.communityId,
          act: 'comment',
          subjectType: 'proposal',
          subjectId: proposalId,
          proposalId,
          at: now,
        });
      await appendProposalEvent(this.stream, m, actor, p, 'commented', {
        at: now,
        data: { commentId: c.id },
        residents: actor.kind === 'resident' ? [actor.id] : [],
      });
      return c;
    });
    return toComment(comment, actor.kind === 'staff' ? 'staff' : { residentId: actor.id });
  }

  async hide(actor: Actor, commentId: string, dto: HideCommentDto): Promise<ProposalComment> {
    if (actor.kind !== 'staff') throw AppException.forbidden('Staff moderate comments');
    const c = await this.activity.findComment(actor, commentId);
    if (!c) throw AppException.notFound('Comment');
    if (!isCouncilWorker(actor, c.communityId))
      throw AppException.forbidden('The community’s staff moderate its comments');
    const now = this.clock.now();
    const hidden = await this.db.transaction(async (m) => {
      const h = await this.activity.hideComment(m, commentId, {
        at: now,
        byId: actor.id,
        byName: actor.name.slice(0, 64),
        reason: dto.reason,
      });
      if (!h)
        throw new AppException('CONFLICT', 'This comment is hidden already', undefined, {
          reason: 'already_hidden',
        });
      const p = (await this.repo.find(systemRead('comment hidden'), c.proposalId, m))!;
      await appendProposalEvent(this.stream, m, actor, p, 'comment_hidden', {
        at: now,
        data: { commentId },
        residents: c.authorResidentId ? [c.authorResidentId] : [],
      });
      return h;
    });
    return toComment(hidden, 'staff');
  }
}
