import type {
  Page,
  ResidentContact,
  ResidentCount,
  ResidentSummary,
  StaffMember,
} from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
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

const ACTIVE_DAYS = 30;

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
});

/** Residents' data by need-to-know: the rules and their table are in `auth/policy.ts`. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly repo: PeopleRepository,
    private readonly audit: AuditService,
    private readonly db: Db,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async listResidents(
    actor: Actor,
    q: { communityId?: string; q?: string; page: number; pageSize: number },
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
