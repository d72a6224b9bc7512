import type { ProposalDetail, SimilarProposal } from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { systemRead } from '../auth/scope';
import { PhotosService } from '../cases/photos.service';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { Db } from '../database/db';
import type { Tx } from '../database/tx';
import { EventStream } from '../events/event-stream.service';
import type { AddProposalPhotosDto, SimilarTextQueryDto } from './council.dto';
import { CouncilsRepository } from './councils.repository';
import { appendProposalEvent } from './proposal-pushes';
import { type ProposalRow, ProposalsRepository } from './proposals.repository';
import { ProposalsService } from './proposals.service';

/** As many photos as a case takes. */
const MAX_PHOTOS = 9;

/**
 * Writing a proposal before it is submitted: the similar prompt while the words are typed, and the
 * photos of a saved draft, added and removed by its writer.
 */
@Injectable()
export class ProposalDraftsService {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly repo: ProposalsRepository,
    private readonly councils: CouncilsRepository,
    private readonly photos: PhotosService,
    private readonly db: Db,
    private readonly stream: EventStream,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Proposals of the community like the words a resident is typing, before anything is saved: the
   * likeness of `similar`, or a close match of the few words typed so far within a proposal. A
   * resident reads their own community; staff name one in scope.
   */
  async similarText(actor: Actor, q: SimilarTextQueryDto): Promise<SimilarProposal[]> {
    const title = q.title.trim();
    if (title.length < 2)
      throw AppException.invalid('title', 'type a few words of the title', 'too_short', { min: 2 });
    let communityId: string;
    if (actor.kind === 'resident') {
      if (!actor.communityId) throw AppException.forbidden();
      if (q.communityId && q.communityId !== actor.communityId)
        throw AppException.notFound('Community');
      communityId = actor.communityId;
    } else {
      if (!q.communityId)
        throw AppException.invalid('communityId', 'name the community', 'required');
      if (!(await this.councils.communityInScope(actor, q.communityId)))
        throw AppException.notFound('Community');
      communityId = q.communityId;
    }
    const text = `${title} ${q.description?.trim() ?? ''}`.trim();
    return (await this.repo.similarTo(communityId, text, null, 5, true)).map((s) => ({
      proposalId: s.id,
      number: s.number,
      title: s.title,
      status: s.status,
      supportCount: s.supportCount,
      similarity: s.similarity,
    }));
  }

  /** Photos added to a draft by its writer, the uploads' own limits kept; nine at most in all. */
  async addPhotos(actor: Actor, id: string, dto: AddProposalPhotosDto): Promise<ProposalDetail> {
    await this.draftOfWriter(actor, id);
    await this.inDraft(actor, id, async (m, p, now) => {
      if ((await this.photos.take(m, dto.photoIds, actor.id)) !== dto.photoIds.length)
        throw AppException.invalid(
          'photoIds',
          'unknown photos, photos of someone else, photos named twice or already attached',
        );
      const held = await this.repo.appendPhotos(m, id, dto.photoIds);
      if (held > MAX_PHOTOS)
        throw AppException.invalid(
          'photoIds',
          `a proposal holds at most ${MAX_PHOTOS} photos`,
          'too_many',
          {
            max: MAX_PHOTOS,
          },
        );
      await appendProposalEvent(this.stream, m, actor, p, 'edited', {
        at: now,
        data: { fields: ['photos'], added: dto.photoIds.length },
        residents: [],
      });
    });
    return this.proposals.detail(actor, id);
  }

  async removePhoto(actor: Actor, id: string, photoId: string): Promise<ProposalDetail> {
    await this.draftOfWriter(actor, id);
    await this.inDraft(actor, id, async (m, p, now) => {
      if (!(await this.repo.removePhoto(m, id, photoId))) throw AppException.notFound('Photo');
      await appendProposalEvent(this.stream, m, actor, p, 'edited', {
        at: now,
        data: { fields: ['photos'], removed: 1 },
        residents: [],
      });
    });
    return this.proposals.detail(actor, id);
  }

  // Helpers

  /** A draft its writer (the author, or the staff who wrote it) may still change; else 403. */
  private async draftOfWriter(actor: Actor, id: string): Promise<void> {
    const p = await this.proposals.readable(actor, id);
    if (!this.proposals.mayTake(actor, p, 'submit'))
      throw AppException.forbidden(
        'Only the author, or the staff who wrote it for them, does this',
      );
  }

  /** A change to a draft under its row lock; once submitted, photos stay as they were sent. */
  private async inDraft(
    actor: Actor,
    id: string,
    fn: (m: Tx, p: ProposalRow, now: Date) => Promise<void>,
  ): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.repo.lock(m, id);
      const p = (await this.repo.find(systemRead('draft after authorisation'), id, m))!;
      if (p.status !== 'draft')
        throw new AppException(
          'CONFLICT',
          `Photos are added and removed while a proposal is a draft, not ${p.status}`,
          undefined,
          { reason: 'not_editable', status: p.status },
        );
      await fn(m, p, this.clock.now());
    });
  }
}
