import {
  AUDIT_EXPORT_MAX_ROWS,
  type AuditEntry,
  type AuditFilter,
  type Page,
} from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '../database/tx';
import type { Actor, ClientActor } from '../auth/actor';
import { policy } from '../auth/policy';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { maskPhone } from '../common/mask';
import type { RequestMeta } from '../common/request-context';
import { localDate } from '../org/opening-hours';
import { maskName } from '../people/mask-name';
import { type ExportLanguage, auditWorkbook } from './audit-export';
import { type AuditReadRow, AuditRepository, auditKind } from './audit.repository';

export interface AuditEvent {
  action: string;
  entity?: string;
  entityId?: string;
  communityId?: string | null;
  detail?: Record<string, unknown>;
}

const PHONE_IN_TEXT = /(?<!\d)1\d{10}(?!\d)/g;

/** Phone numbers anywhere in a row's detail, masked: the ledger is no way around the audited read. */
function maskDetail(value: unknown, key = ''): unknown {
  if (typeof value === 'string')
    return /phone/i.test(key) ? maskPhone(value) : value.replace(PHONE_IN_TEXT, maskPhone);
  if (Array.isArray(value)) return value.map((v) => maskDetail(v, key));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDetail(v, k)]));
  return value;
}

function toEntry(r: AuditReadRow): AuditEntry {
  const kind = auditKind(r.entity);
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorKind: r.actorKind,
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    entity: kind,
    entityId: r.entityId,
    // A resident's name is personal data: the ledger names them masked, like every list.
    targetLabel: r.targetName && kind === 'resident' ? maskName(r.targetName) : r.targetName,
    targetLabelEn: r.targetNameEn || null,
    communityId: r.communityId,
    communityName: r.communityName,
    communityNameEn: r.communityNameEn,
    ip: r.ip,
    detail: maskDetail(r.detail ?? {}) as Record<string, unknown>,
  };
}

/** Append-only record of sign-ins, staff writes and reads of residents' personal data. */
@Injectable()
export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One row; a client application (Open311 key) is recorded as actor kind `client`. */
  record(
    actor: Actor | ClientActor | null,
    event: AuditEvent,
    meta: RequestMeta,
    manager?: Tx,
  ): Promise<void> {
    const ownCommunity = actor && actor.kind !== 'client' ? actor.communityId : null;
    return this.repo.insert(
      {
        actorKind: actor?.kind ?? 'anonymous',
        actorId: actor?.id ?? null,
        actorName: actor?.name ?? null,
        action: event.action,
        entity: event.entity ?? null,
        entityId: event.entityId ?? null,
        communityId: event.communityId ?? ownCommunity,
        ip: meta.ip,
        requestId: meta.requestId,
        detail: event.detail ?? {},
      },
      manager,
    );
  }

  async list(
    actor: Actor,
    q: AuditFilter & { page: number; pageSize: number },
  ): Promise<Page<AuditEntry>> {
    const filter = this.checked(actor, q);
    const [total, rows] = await Promise.all([
      this.repo.countForActor(actor, filter),
      this.repo.listForActor(actor, filter, {
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
      }),
    ]);
    return { items: rows.map(toEntry), total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * The filtered ledger as an xlsx file, within the reader's scope; the export is itself recorded
   * (with its filter and size) before the file is handed out.
   */
  async export(
    actor: Actor,
    q: AuditFilter & { lang?: ExportLanguage },
    meta: RequestMeta,
  ): Promise<{ file: Buffer; filename: string; rows: number }> {
    const filter = this.checked(actor, q);
    const total = await this.repo.countForActor(actor, filter);
    if (total > AUDIT_EXPORT_MAX_ROWS)
      throw AppException.invalid(
        filter.from ? 'to' : 'from',
        `the filter matches ${total} rows, more than ${AUDIT_EXPORT_MAX_ROWS} in one file: narrow the dates`,
      );
    const rows = await this.repo.listForActor(actor, filter, {
      offset: 0,
      limit: AUDIT_EXPORT_MAX_ROWS,
    });
    const file = await auditWorkbook(rows.map(toEntry), q.lang ?? 'zh-CN');
    await this.record(
      actor,
      { action: 'audit.exported', detail: { filter: { ...filter }, rows: rows.length } },
      meta,
    );
    return { file, filename: `audit-${localDate(this.clock.now())}.xlsx`, rows: rows.length };
  }

  /** Who may read, and filters that make sense together; only the filter fields are kept. */
  private checked(actor: Actor, q: AuditFilter): AuditFilter {
    if (!policy.readAudit(actor)) throw AppException.forbidden();
    for (const field of ['from', 'to'] as const) {
      const value = q[field];
      if (value !== undefined && !isCalendarDate(value))
        throw AppException.invalid(field, 'must be a calendar date YYYY-MM-DD');
    }
    if (q.from && q.to && q.to < q.from)
      throw AppException.invalid('to', 'must not be before from');
    const filter: AuditFilter = {};
    if (q.from) filter.from = q.from;
    if (q.to) filter.to = q.to;
    if (q.actorId) filter.actorId = q.actorId;
    if (q.actor) filter.actor = q.actor;
    if (q.action) filter.action = q.action;
    if (q.entity) filter.entity = q.entity;
    if (q.target) filter.target = q.target;
    return filter;
  }
}

function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}
