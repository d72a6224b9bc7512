import type { RatingDisqualification } from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import { policy } from '../../auth/policy';
import { AppException } from '../../common/app-exception';
import { CLOCK, type Clock } from '../../common/clock';
import { Db } from '../../database/db';
import { localDate } from '../../org/opening-hours';
import type { CreateDisqualificationDto, RevokeDisqualificationDto } from './disqualifications.dto';
import {
  type DisqualificationRow,
  RatingDisqualificationsRepository,
} from './disqualifications.repository';

const toView = (d: DisqualificationRow): RatingDisqualification => ({
  id: d.id,
  year: d.year,
  communityId: d.communityId,
  communityName: d.communityName,
  communityNameEn: d.communityNameEn,
  streetId: d.streetId,
  what: d.what,
  occurredOn: d.occurredOn,
  noticeReference: d.noticeReference,
  recordedByName: d.recordedByName,
  recordedAt: new Date(d.recordedAt).toISOString(),
  revokedAt: d.revokedAt ? new Date(d.revokedAt).toISOString() : null,
  revokedReason: d.revokedReason,
});

/** A major incident, publicly notified, removes a community from a year's grading (bureau only). */
@Injectable()
export class RatingDisqualificationsService {
  constructor(
    private readonly repo: RatingDisqualificationsRepository,
    private readonly db: Db,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(actor: Actor, year?: number): Promise<RatingDisqualification[]> {
    if (actor.kind !== 'staff') throw AppException.forbidden();
    return (await this.repo.list(actor, year)).map(toView);
  }

  async create(actor: Actor, dto: CreateDisqualificationDto): Promise<RatingDisqualification> {
    this.mayWrite(actor);
    if (!(await this.repo.communityExists(dto.communityId)))
      throw AppException.invalid('communityId', 'no such community', 'not_found');
    const now = this.clock.now();
    if (dto.occurredOn > localDate(now))
      throw AppException.invalid('occurredOn', 'not after today', 'in_future');
    const id = await this.db.transaction(async (m) => {
      const got = await this.repo.insert(m, {
        year: dto.year,
        communityId: dto.communityId,
        what: dto.what.trim(),
        occurredOn: dto.occurredOn,
        noticeReference: dto.noticeReference.trim(),
        recordedById: actor.id,
        recordedByName: actor.name.slice(0, 64),
        recordedAt: now,
      });
      if (!got)
        throw new AppException(
          'CONFLICT',
          `The community is disqualified for ${dto.year} already; revoke that one first`,
          [{ field: 'communityId', code: 'duplicate', message: 'disqualified this year already' }],
          { reason: 'already_disqualified' },
        );
      return got;
    });
    return toView((await this.repo.find(id))!);
  }

  async revoke(
    actor: Actor,
    id: string,
    dto: RevokeDisqualificationDto,
  ): Promise<RatingDisqualification> {
    this.mayWrite(actor);
    const reason = dto.reason.trim();
    if (!reason) throw AppException.invalid('reason', 'say why it is revoked', 'required');
    await this.db.transaction(async (m) => {
      const d = await this.repo.find(id, m, true);
      if (!d) throw AppException.notFound('Disqualification');
      if (!(await this.repo.revoke(m, id, reason, actor.id, this.clock.now())))
        throw new AppException('ILLEGAL_TRANSITION', 'It is revoked already', undefined, {
          reason: 'already_revoked',
        });
    });
    return toView((await this.repo.find(id))!);
  }

  private mayWrite(actor: Actor): void {
    if (!policy.manageRating(actor))
      throw AppException.forbidden('Only the bureau records and revokes disqualifications');
  }
}
