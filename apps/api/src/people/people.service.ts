import type {
  Page,
  ResidentContact,
  ResidentCount,
  ResidentLanguage,
  ResidentSummary,
  ResidentVerification,
  StaffMember,
} from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import type { Actor } from '../auth/actor';
import { policy } from '../auth/policy';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { maskPhone } from '../common/mask';
import type { RequestMeta } from '../common/request-context';
import { Db } from '../database/db';
import { maskName } from './mask-name';
import type { ResidentEntity } from './people.entities';
import { PeopleRepository } from './people.repository';
import type { CreateResidentDto } from './residents.dto';

const ACTIVE_DAYS = 30;

/** The profile columns a resident's own answers fill, the same for the app and the desk. */
export function profileColumns(p: {
  name: string;
  foreign: boolean;
  nationality?: string | null;
  preferredLanguage?: ResidentLanguage;
}): Pick<ResidentEntity, 'name' | 'isForeign' | 'nationality' | 'preferredLanguage'> {
  const name = p.name.trim();
  if (!name) throw AppException.invalid('name', 'name is required');
  return {
    name,
    isForeign: p.foreign,
    nationality: p.foreign && p.nationality ? p.nationality.toUpperCase() : null,
    preferredLanguage: p.preferredLanguage ?? (p.foreign ? 'en' : 'zh-CN'),
  };
}

// Lists never carry a full name or phone: those come one resident at a time, audited.
const toSummary = (r: ResidentEntity): ResidentSummary => ({
  id: r.id,
  name: maskName(r.name),
  phoneMasked: maskPhone(r.phone),
  communityId: r.communityId,
  compoundId: r.compoundId,
  foreign: r.isForeign,
  nationality: r.nationality,
  registeredAt: r.registeredAt.toISOString(),
  verification: r.verification,
  preferredLanguage: r.preferredLanguage,
});

/** Residents' data by need-to-know: the rules and their table are in `auth/policy.ts`. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly repo: PeopleRepository,
    private readonly audit: AuditService,
    private readonly db: Db,
    private readonly auth: AuthService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async listResidents(
    actor: Actor,
    q: {
      communityId?: string;
      q?: string;
      verification?: ResidentVerification;
      page: number;
      pageSize: number;
    },
  ): Promise<Page<ResidentSummary>> {
    if (!policy.readResidents(actor))
      throw AppException.forbidden('Your role does not list residents; ask for resident counts');
    const { rows, total } = await this.repo.listResidents(actor, q);
    return { items: rows.map(toSummary), total, page: q.page, pageSize: q.pageSize };
  }

  /** Resident numbers per community of the caller's scope, with no person in them. */
  async residentCounts(actor: Actor, q: { communityId?: string }): Promise<ResidentCount[]> {
    if (!policy.readResidentCounts(actor))
      throw AppException.forbidden('Your role does not see residents’ data');
    const activeSince = new Date(this.clock.now().getTime() - ACTIVE_DAYS * 86_400_000);
    return this.repo.countResidents(actor, { communityId: q.communityId, activeSince });
  }

  /** The full name, phone and ID number: only for roles that serve residents, and every read is logged. */
  async residentContact(actor: Actor, id: string, meta: RequestMeta): Promise<ResidentContact> {
    const r = await this.repo.findResident(actor, id);
    if (!r) throw AppException.notFound('Resident');
    if (!policy.readPersonalData(actor))
      throw AppException.forbidden('Your role does not see residents’ personal data');
    // The read is only answered once its audit row has committed.
    await this.db.transaction((tx) =>
      this.audit.record(
        actor,
        {
          action: 'personal_data.read',
          entity: 'resident',
          entityId: r.id,
          communityId: r.communityId,
          detail: { fields: ['name', 'phone', 'idNumber'], at: this.clock.now().toISOString() },
        },
        meta,
        tx,
      ),
    );
    return { id: r.id, name: r.name, phone: r.phone, idNumber: r.idNumber };
  }

  /**
   * A walk-in registered at intake by the staff serving them: verified (staff saw them), in the
   * staff member's own community. A phone already held answers 409; inside the caller's scope it
   * names that resident, so intake can take them instead.
   */
  async createResident(
    actor: Actor,
    dto: CreateResidentDto,
    meta: RequestMeta,
  ): Promise<ResidentSummary> {
    if (!policy.manageResidents(actor))
      throw AppException.forbidden('Only the community’s own staff register residents');
    const communityId = actor.communityId!;
    const compoundId = await this.homeCompound(actor, communityId, dto.compoundId ?? null);
    const now = this.clock.now();
    const created = await this.db.transaction(async (tx) => {
      const r = await this.repo.tryInsertResident(tx, {
        ...profileColumns(dto),
        phone: dto.phone,
        idNumber: dto.idNumber?.trim() || null,
        communityId,
        compoundId,
        registeredAt: now,
        lastActiveAt: null,
        verification: 'verified',
        verifiedAt: now,
        verifiedById: actor.id,
      });
      if (r)
        await this.audit.record(
          actor,
          {
            action: 'resident.registered',
            entity: 'resident',
            entityId: r.id,
            communityId,
            detail: { via: 'intake' },
          },
          meta,
          tx,
        );
      return r;
    });
    if (!created) {
      const own = await this.repo.findByPhoneInScope(actor, dto.phone);
      throw new AppException(
        'CONFLICT',
        own
          ? 'This phone already belongs to a resident of your community'
          : 'This phone already belongs to a resident of another community',
        [{ field: 'phone', message: 'already registered' }],
        own ? { residentId: own.id } : undefined,
      );
    }
    return toSummary(created);
  }

  /** A self-registration checked by the community's staff: the person lives where they said. */
  async verifyResident(actor: Actor, id: string, meta: RequestMeta): Promise<ResidentSummary> {
    const found = await this.repo.findResident(actor, id);
    if (!found || found.verification === 'merged') throw AppException.notFound('Resident');
    if (!policy.manageResidents(actor)) throw AppException.forbidden();
    await this.db.transaction(async (tx) => {
      const [r] = await this.repo.lockResidents(tx, [id]);
      if (r!.verification !== 'unverified')
        throw new AppException('CONFLICT', 'This resident is not waiting for verification');
      await this.repo.markVerified(tx, id, actor.id, this.clock.now());
      await this.audit.record(
        actor,
        {
          action: 'resident.verified',
          entity: 'resident',
          entityId: id,
          communityId: r!.communityId,
        },
        meta,
        tx,
      );
    });
    return toSummary((await this.repo.findResident(actor, id))!);
  }

  /**
   * A self-registration that is a resident already on record (a new phone, a first sign-in):
   * the requests move to the record on file, which takes the phone just proven; the
   * registration's sessions end and it signs in as the record on file from now on.
   */
  async mergeResident(
    actor: Actor,
    id: string,
    intoId: string,
    meta: RequestMeta,
  ): Promise<ResidentSummary> {
    const found = await this.repo.findResident(actor, id);
    if (!found || found.verification === 'merged') throw AppException.notFound('Resident');
    if (!policy.manageResidents(actor)) throw AppException.forbidden();
    if (intoId === id)
      throw AppException.invalid('intoResidentId', 'a resident cannot be merged into itself');
    const target = await this.repo.findResident(actor, intoId);
    if (!target || target.verification === 'merged' || target.communityId !== found.communityId)
      throw AppException.invalid('intoResidentId', 'no such resident in this community');
    await this.db.transaction(async (tx) => {
      const locked = await this.repo.lockResidents(tx, [id, intoId]);
      const from = locked.find((r) => r.id === id)!;
      const into = locked.find((r) => r.id === intoId)!;
      if (from.verification !== 'unverified')
        throw new AppException('CONFLICT', 'Only an unverified registration is merged');
      if (into.verification === 'merged')
        throw AppException.invalid('intoResidentId', 'no such resident in this community');
      const moved = await this.repo.merge(tx, from, into, actor.id, this.clock.now());
      await this.audit.record(
        actor,
        {
          action: 'resident.merged',
          entity: 'resident',
          entityId: into.id,
          communityId: into.communityId,
          detail: { mergedId: from.id, movedCaseIds: moved },
        },
        meta,
        tx,
      );
    });
    await this.auth.endResidentSessions(id, meta, actor);
    return toSummary((await this.repo.findResident(actor, intoId))!);
  }

  /** A compound of the community; a grid worker's is their own compound. */
  private async homeCompound(
    actor: Actor,
    communityId: string,
    compoundId: string | null,
  ): Promise<string | null> {
    const id = actor.scopeLevel === 'compound' ? (compoundId ?? actor.compoundId) : compoundId;
    if (actor.scopeLevel === 'compound' && id !== actor.compoundId)
      throw AppException.invalid(
        'compoundId',
        'a grid worker registers residents of their compound',
      );
    if (id && !(await this.repo.compoundInCommunity(id, communityId)))
      throw AppException.invalid('compoundId', 'no such compound in this community');
    return id;
  }

  async listStaff(actor: Actor, communityId?: string): Promise<StaffMember[]> {
    if (!policy.readStaff(actor)) throw AppException.forbidden();
    const rows = await this.repo.listStaff(actor, communityId);
    return rows.map((s) => ({
      id: s.id,
      username: s.username,
      displayName: s.displayName,
      role: s.role,
      scope: {
        level: s.scopeLevel,
        id: s.compoundId ?? s.communityId ?? s.streetId ?? 'district',
        name: s.scopeName,
      },
      active: s.active,
    }));
  }
}
