import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Reader, scopeSql } from '../../auth/scope';
import { toCamel } from '../../council/rows';
import type { RatingDisqualificationEntity } from '../rating.entities';

export interface DisqualificationRow extends RatingDisqualificationEntity {
  communityName: string;
  communityNameEn: string;
  streetId: string;
  recordedByName: string;
}

const SELECT = `
  SELECT d.id, d.year, d.community_id, d.what, to_char(d.occurred_on, 'YYYY-MM-DD') AS occurred_on,
         d.notice_reference, d.recorded_by_id, d.recorded_by_name, d.recorded_at, d.revoked_at,
         d.revoked_reason, d.revoked_by_id, c.name AS community_name, c.name_en AS community_name_en,
         c.street_id
    FROM rating_disqualification d JOIN community c ON c.id = d.community_id`;

/** Major incidents that take a community out of a year's grading. */
@Injectable()
export class RatingDisqualificationsRepository {
  constructor(private readonly ds: DataSource) {}

  async list(reader: Reader, year?: number): Promise<DisqualificationRow[]> {
    const params: unknown[] = [];
    const where = [scopeSql(reader, { community: 'd.community_id' }, params)];
    if (year !== undefined) {
      params.push(year);
      where.push(`d.year = $${params.length}`);
    }
    const rows: Record<string, unknown>[] = await this.ds.query(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY d.year DESC, d.recorded_at DESC, d.id`,
      params,
    );
    return rows.map((r) => toCamel<DisqualificationRow>(r));
  }

  async find(id: string, m?: EntityManager, lock = false): Promise<DisqualificationRow | null> {
    const rows: Record<string, unknown>[] = await (m ?? this.ds.manager).query(
      `${SELECT} WHERE d.id = $1${lock ? ' FOR UPDATE OF d' : ''}`,
      [id],
    );
    return rows[0] ? toCamel<DisqualificationRow>(rows[0]) : null;
  }

  async communityExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query('SELECT 1 FROM community WHERE id = $1', [id]);
    return rows.length > 0;
  }

  /** Inserts unless a live one exists for the year and community (the partial unique index). */
  async insert(
    m: EntityManager,
    d: Pick<
      RatingDisqualificationEntity,
      | 'year'
      | 'communityId'
      | 'what'
      | 'occurredOn'
      | 'noticeReference'
      | 'recordedById'
      | 'recordedByName'
      | 'recordedAt'
    >,
  ): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO rating_disqualification
         (year, community_id, what, occurred_on, notice_reference, recorded_by_id, recorded_by_name, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (year, community_id) WHERE revoked_at IS NULL DO NOTHING RETURNING id`,
      [
        d.year,
        d.communityId,
        d.what,
        d.occurredOn,
        d.noticeReference,
        d.recordedById,
        d.recordedByName,
        d.recordedAt,
      ],
    );
    return rows[0]?.id ?? null;
  }

  async revoke(
    m: EntityManager,
    id: string,
    reason: string,
    by: string,
    at: Date,
  ): Promise<boolean> {
    const [rows] = (await m.query(
      `UPDATE rating_disqualification SET revoked_at = $2, revoked_reason = $3, revoked_by_id = $4
        WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [id, at, reason, by],
    )) as [unknown[], number];
    return rows.length > 0;
  }
}
