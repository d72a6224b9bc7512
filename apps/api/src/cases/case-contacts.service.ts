import type { CaseContact } from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { policy } from '../auth/policy';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import type { RequestMeta } from '../common/request-context';
import { Db } from '../database/db';
import { CaseContactsRepository } from './case-contacts.repository';

/**
 * The unmasked contacts a case holds — its requester (a resident on record, or a walk-in or
 * phone caller known only by the case) and the parties of its mediation — for the staff who
 * serve residents, one contact at a time, each read answered only once its audit row committed.
 */
@Injectable()
export class CaseContactsService {
  constructor(
    private readonly repo: CaseContactsRepository,
    private readonly audit: AuditService,
    private readonly db: Db,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async requester(actor: Actor, caseId: string, meta: RequestMeta): Promise<CaseContact> {
    const c = await this.readable(actor, caseId);
    let contact: CaseContact;
    if (c.residentId) {
      contact = {
        caseId: c.caseId,
        source: 'resident',
        residentId: c.residentId,
        partyIndex: null,
        name: c.residentName ?? '',
        phone: c.residentPhone,
        idNumber: c.residentIdNumber,
      };
    } else if (c.walkInName || c.walkInPhone || c.submitter?.email) {
      // A walk-in or caller, or an Open311 client's submitter (who may give only an e-mail).
      contact = {
        caseId: c.caseId,
        source: 'walk_in',
        residentId: null,
        partyIndex: null,
        name: c.walkInName ?? '',
        phone: c.walkInPhone,
        idNumber: null,
        ...(c.submitter?.email ? { email: c.submitter.email } : {}),
      };
    } else {
      // A grid worker's patrol finding has nobody behind it.
      throw AppException.notFound('Contact');
    }
    await this.record(actor, c.communityId, contact, meta);
    return contact;
  }

  async party(
    actor: Actor,
    caseId: string,
    index: number,
    meta: RequestMeta,
  ): Promise<CaseContact> {
    const c = await this.readable(actor, caseId);
    const p = c.parties[index];
    if (!p) throw AppException.notFound('Party');
    const contact: CaseContact = {
      caseId: c.caseId,
      source: 'party',
      residentId: null,
      partyIndex: index,
      name: p.name,
      phone: p.phone ?? null,
      idNumber: null,
    };
    await this.record(actor, c.communityId, contact, meta);
    return contact;
  }

  private async readable(actor: Actor, caseId: string) {
    const c = await this.repo.findContacts(actor, caseId);
    if (!c) throw AppException.notFound('Case');
    if (!policy.readPersonalData(actor))
      throw AppException.forbidden('Your role does not see residents’ personal data');
    return c;
  }

  /** The same audit row as the resident contact read, naming the case and which contact. */
  private async record(
    actor: Actor,
    communityId: string,
    contact: CaseContact,
    meta: RequestMeta,
  ): Promise<void> {
    const fields = [
      ...(contact.source === 'resident' ? ['name', 'phone', 'idNumber'] : ['name', 'phone']),
      ...(contact.email ? ['email'] : []),
    ];
    await this.db.transaction((tx) =>
      this.audit.record(
        actor,
        {
          action: 'personal_data.read',
          entity: contact.source === 'resident' ? 'resident' : 'case',
          entityId: contact.residentId ?? contact.caseId,
          communityId,
          detail: {
            fields,
            caseId: contact.caseId,
            contact: contact.source,
            ...(contact.partyIndex !== null ? { partyIndex: contact.partyIndex } : {}),
            at: this.clock.now().toISOString(),
          },
        },
        meta,
        tx,
      ),
    );
  }
}
