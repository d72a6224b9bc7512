import type { AuditFilter, AuditTargetKind } from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { scopeSql } from '../auth/scope';
import { AuditLogEntity } from './audit-log.entity';

export type AuditInsert = Pick<
  AuditLogEntity,
  | 'actorKind'
  | 'actorId'
  | 'actorName'
  | 'action'
  | 'entity'
  | 'entityId'
  | 'communityId'
  | 'ip'
  | 'requestId'
  | 'detail'
>;

/**
 * How rows name the kind of record: the write interceptor stores the route's segment
 * (`cases`), services the singular (`resident`). Both read as one kind.
 */
const STORED_AS: Record<AuditTargetKind, readonly string[]> = {
  case: ['case', 'cases'],
  resident: ['resident', 'residents'],
  staff: ['staff'],
  community: ['community', 'communities'],
  compound: ['compound', 'compounds'],
  desk: ['desk', 'desks'],
  grid: ['grid', 'grids'],
  street: ['street', 'streets'],
  category: ['category', 'categories'],
  photo: ['photo', 'photos'],
  session: ['session', 'sessions'],
  api_client: ['api_client'],
};
const KIND_OF = new Map(
  Object.entries(STORED_AS).flatMap(([kind, stored]) => stored.map((s) => [s, kind])),
);

/** An audit row with the names of what it is about, before masking. */
export interface AuditReadRow {
  id: string;
  at: Date;
  actorKind: 'staff' | 'resident' | 'anonymous' | 'system' | 'client';
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  communityId: string | null;
  communityName: string | null;
  communityNameEn: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
  /** The target's name as stored; a resident's is the full name, masked by the service. */
  targetName: string | null;
  targetNameEn: string | null;
}

export const auditKind = (stored: string | null): string | null =>
  stored === null ? null : (KIND_OF.get(stored) ?? stored);

const UUID = `'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'`;
const kinds = (kind: AuditTargetKind) => `(${STORED_AS[kind].map((s) => `'${s}'`).join(', ')})`;

// The target's name per kind, by its id; a row whose id is no uuid (or names nothing) has none.
const FROM = `
  FROM audit_log a
  LEFT JOIN LATERAL (SELECT CASE WHEN a.entity_id ~ ${UUID} THEN a.entity_id::uuid END AS uid) t ON TRUE
  LEFT JOIN community ac ON ac.id = a.community_id
  LEFT JOIN service_case tc ON a.entity IN ${kinds('case')} AND tc.id = t.uid
  LEFT JOIN resident tr ON a.entity IN ${kinds('resident')} AND tr.id = t.uid
  LEFT JOIN staff_account ts ON a.entity IN ${kinds('staff')} AND ts.id = t.uid
  LEFT JOIN community tm ON a.entity IN ${kinds('community')} AND tm.id = t.uid
  LEFT JOIN compound tp ON a.entity IN ${kinds('compound')} AND tp.id = t.uid
  LEFT JOIN desk td ON a.entity IN ${kinds('desk')} AND td.id = t.uid
  LEFT JOIN grid tg ON a.entity IN ${kinds('grid')} AND tg.id = t.uid
  LEFT JOIN street tt ON a.entity IN ${kinds('street')} AND tt.id = t.uid
  LEFT JOIN category tk ON a.entity IN ${kinds('category')} AND tk.id = t.uid
  LEFT JOIN api_client tx ON a.entity IN ${kinds('api_client')} AND tx.id = t.uid`;

const SELECT = `
  SELECT a.id::text AS "id", a.at AS "at", a.actor_kind AS "actorKind", a.actor_id AS "actorId",
    a.actor_name AS "actorName", a.action AS "action", a.entity AS "entity",
    a.entity_id AS "entityId", a.community_id AS "communityId", ac.name AS "communityName",
    ac.name_en AS "communityNameEn", a.ip AS "ip", a.detail AS "detail",
    COALESCE(tc.number, tr.name, ts.display_name, tm.name, tp.name, td.name, tg.name, tt.name, tk.name_zh, tx.name) AS "targetName",
    COALESCE(tm.name_en, tp.name_en, td.name_en, tt.name_en, tk.name_en) AS "targetNameEn"`;

@Injectable()
export class AuditRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(row: AuditInsert, manager?: EntityManager): Promise<void> {
    // jsonb detail is plain data; TypeORM's deep-partial type cannot express that.
    await (manager ?? this.ds.manager).insert(AuditLogEntity, row as never);
  }

  /** The WHERE clause of a filtered read within the actor's scope (community, street or district). */
  private where(actor: Actor, filter: AuditFilter, params: unknown[]): string {
    const parts = [scopeSql(actor, { community: 'a.community_id' }, params)];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      parts.push(sql(`$${params.length}`));
    };
    // Dates are the district's calendar days, whatever the server's zone.
    if (filter.from)
      add((n) => `a.at >= (${n}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`, filter.from);
    if (filter.to)
      add((n) => `a.at < (${n}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`, filter.to);
    if (filter.actorId) add((n) => `a.actor_id = ${n}::uuid`, filter.actorId);
    if (filter.actor)
      add((n) => `a.actor_name ILIKE ${n}`, `%${filter.actor.replace(/[\\%_]/g, '\\$&')}%`);
    if (filter.action) add((n) => `a.action = ${n}`, filter.action);
    if (filter.entity) add((n) => `a.entity = ANY(${n})`, STORED_AS[filter.entity]);
    if (filter.target) {
      // An id, a case number, or part of a staff member's, community's, compound's or desk's name.
      // Residents are found by id only: their names are personal data.
      params.push(filter.target);
      const exact = `$${params.length}`;
      params.push(`%${filter.target.replace(/[\\%_]/g, '\\$&')}%`);
      const like = `$${params.length}`;
      parts.push(
        `(a.entity_id = ${exact} OR upper(tc.number) = upper(${exact}) OR ts.display_name ILIKE ${like}
          OR tm.name ILIKE ${like} OR tm.name_en ILIKE ${like} OR tp.name ILIKE ${like}
          OR tp.name_en ILIKE ${like} OR td.name ILIKE ${like} OR td.name_en ILIKE ${like})`,
      );
    }
    return parts.join(' AND ');
  }

  async countForActor(actor: Actor, filter: AuditFilter): Promise<number> {
    const params: unknown[] = [];
    const where = this.where(actor, filter, params);
    const [row] = (await this.ds.query(
      `SELECT count(*)::int AS n ${FROM} WHERE ${where}`,
      params,
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  /** Newest first. */
  async listForActor(
    actor: Actor,
    filter: AuditFilter,
    page: { offset: number; limit: number },
  ): Promise<AuditReadRow[]> {
    const params: unknown[] = [];
    const where = this.where(actor, filter, params);
    params.push(page.limit, page.offset);
    return (await this.ds.query(
      `${SELECT} ${FROM} WHERE ${where} ORDER BY a.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as AuditReadRow[];
  }
}
