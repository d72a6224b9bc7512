import type { LoginResponse, PublicCommunity } from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import type { WithSessionCookie } from '../auth/session-cookie';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import type { RequestMeta } from '../common/request-context';
import { Db } from '../database/db';
import { PeopleRepository } from './people.repository';
import { profileColumns } from './people.service';
import type { RegisterResidentDto } from './residents.dto';

/**
 * A newcomer registers themselves: the right code for a phone nobody holds yet gave them a
 * registration token (`AuthService.residentLogin`); with it they say who they are and where they
 * live, and are signed in at once. Their record is `unverified` until the community's staff check
 * it (or merge it with the resident already on record); they may file requests meanwhile.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly repo: PeopleRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly db: Db,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async register(
    dto: RegisterResidentDto,
    meta: RequestMeta,
  ): Promise<WithSessionCookie<LoginResponse>> {
    const phone = this.auth.registrationPhone(dto.registrationToken);
    if (!(await this.repo.communityExists(dto.communityId)))
      throw AppException.invalid('communityId', 'no such community');
    if (dto.compoundId && !(await this.repo.compoundInCommunity(dto.compoundId, dto.communityId)))
      throw AppException.invalid('compoundId', 'no such compound in this community');
    const profile = profileColumns(dto);
    const now = this.clock.now();
    const resident = await this.db.transaction(async (tx) => {
      const r = await this.repo.tryInsertResident(tx, {
        ...profile,
        phone,
        idNumber: null,
        communityId: dto.communityId,
        compoundId: dto.compoundId ?? null,
        registeredAt: now,
        lastActiveAt: now,
        verification: 'unverified',
        verifiedAt: null,
        verifiedById: null,
      });
      // Sent twice, or registered at the desk meanwhile: the phone is proven, so sign its holder in.
      if (!r) return (await this.repo.findByPhone(phone, tx))!;
      await this.audit.record(
        null,
        {
          action: 'resident.registered',
          entity: 'resident',
          entityId: r.id,
          communityId: r.communityId,
          detail: { via: 'app' },
        },
        meta,
        tx,
      );
      return r;
    });
    return this.auth.openResidentSession(resident, meta);
  }

  publicCommunities(): Promise<PublicCommunity[]> {
    return this.repo.publicCommunities();
  }
}
