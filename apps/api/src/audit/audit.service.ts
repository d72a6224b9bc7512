import type { AuditEntry, Page } from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/tx';
import type { Actor } from '../auth/actor';
import { policy } from '../auth/policy';
import { AppException } from '../common/app-exception';
import type { RequestMeta } from '../common/request-context';
import { AuditRepository } from './audit.repository';

export interface AuditEvent {
  action: string;
  entity?: string;
  entityId?: string;
  communityId?: string | null;
  detail?: Record<string, unknown>;
}

/** Append-only record of sign-ins, staff writes and reads of residents' personal data. */
@Injectable()
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  record(actor: Actor | null, event: AuditEvent, meta: RequestMeta, manager?: Tx): Promise<void> {
    return this.repo.insert(
      {
        actorKind: actor?.kind ?? 'anonymous',
        actorId: actor?.id ?? null,
        actorName: actor?.name ?? null,
        action: event.action,
        entity: event.entity ?? null,
        entityId: event.entityId ?? null,
        communityId: event.communityId ?? actor?.communityId ?? null,
        ip: meta.ip,
        requestId: meta.requestId,
        detail: event.detail ?? {},
      },
      manager,
    );
  }

  async list(
    actor: Actor,
    q: { action?: string; page: number; pageSize: number },
  ): Promise<Page<AuditEntry>> {
    if (!policy.readAudit(actor)) throw AppException.forbidden();
    const { items, total } = await this.repo.listForActor(actor, q);
    return { items, total, page: q.page, pageSize: q.pageSize };
  }
}
