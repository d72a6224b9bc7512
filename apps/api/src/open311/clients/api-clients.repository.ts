import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiClientEntity } from '../open311.entities';

/** A client with the names and figures the console lists. */
export interface ApiClientRow extends ApiClientEntity {
  createdByName: string | null;
  revokedByName: string | null;
  requestCount: number;
}

const SELECT = `
  SELECT c.id, c.name, c.contact, c.channel, c.key_prefix AS "keyPrefix",
         c.category_codes AS "categoryCodes", c.street_ids AS "streetIds",
         c.rate_limit_per_minute AS "rateLimitPerMinute", c.created_by_id AS "createdById",
         c.created_at AS "createdAt", c.last_used_at AS "lastUsedAt", c.revoked_at AS "revokedAt",
         c.revoked_by_id AS "revokedById", c.revoke_reason AS "revokeReason", c.version,
         cb.display_name AS "createdByName", rb.display_name AS "revokedByName",
         (SELECT count(*)::int FROM service_case sc WHERE sc.api_client_id = c.id) AS "requestCount"
    FROM api_client c
    LEFT JOIN staff_account cb ON cb.id = c.created_by_id
    LEFT JOIN staff_account rb ON rb.id = c.revoked_by_id`;

@Injectable()
export class ApiClientsRepository {
  constructor(private readonly ds: DataSource) {}

  list(): Promise<ApiClientRow[]> {
    return this.ds.query(`${SELECT} ORDER BY c.revoked_at IS NOT NULL, c.created_at DESC, c.id`);
  }

  async find(id: string, m?: EntityManager): Promise<ApiClientRow | null> {
    const rows = (await (m ?? this.ds).query(`${SELECT} WHERE c.id = $1`, [id])) as ApiClientRow[];
    return rows[0] ?? null;
  }

  /** The codes of `codes` that name no active public category. */
  async unusableCategoryCodes(codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows = (await this.ds.query(
      `SELECT x.code FROM unnest($1::text[]) AS x(code)
        WHERE NOT EXISTS (SELECT 1 FROM category c WHERE c.code = x.code AND c.active AND c.public)`,
      [codes],
    )) as { code: string }[];
    return rows.map((r) => r.code);
  }

  /** The ids of `ids` that name no street. */
  async unknownStreetIds(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = (await this.ds.query(
      `SELECT x.id FROM unnest($1::uuid[]) AS x(id)
        WHERE NOT EXISTS (SELECT 1 FROM street s WHERE s.id = x.id)`,
      [ids],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async insert(
    m: EntityManager,
    c: Pick<
      ApiClientEntity,
      | 'name'
      | 'contact'
      | 'channel'
      | 'keyPrefix'
      | 'keyHash'
      | 'categoryCodes'
      | 'streetIds'
      | 'rateLimitPerMinute'
      | 'createdById'
    >,
  ): Promise<string> {
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(ApiClientEntity)
      .values(c)
      .returning('id')
      .execute();
    return (res.identifiers[0] as { id: string }).id;
  }

  async update(m: EntityManager, id: string, patch: Partial<ApiClientEntity>): Promise<void> {
    await m
      .createQueryBuilder()
      .update(ApiClientEntity)
      .set({ ...patch, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** Revokes the key unless it already is; false when it was. */
  async revoke(
    m: EntityManager,
    id: string,
    by: { staffId: string; reason: string; at: Date },
  ): Promise<boolean> {
    const rows = (await m.query(
      `UPDATE api_client SET revoked_at = $2, revoked_by_id = $3, revoke_reason = $4, version = version + 1
        WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [id, by.at, by.staffId, by.reason],
    )) as [unknown[], number] | unknown[];
    // pg returns [rows, count] for UPDATE … RETURNING through TypeORM's query().
    const returned = Array.isArray(rows[0]) ? (rows[0] as unknown[]) : (rows as unknown[]);
    return returned.length > 0;
  }

  /** The rate limit's counters of minutes long past; a day is kept for looking into abuse. */
  async pruneUsage(before: Date): Promise<number> {
    const rows = (await this.ds.query(
      `WITH gone AS (DELETE FROM api_client_usage WHERE minute < $1 RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [before],
    )) as { n: number }[];
    return rows[0]?.n ?? 0;
  }
}
