import type { ResidentCount, ResidentVerification } from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, Not } from 'typeorm';
import type { Tx } from '../database/tx';
import type { Actor } from '../auth/actor';
import { type ScopeColumns, scopeSql, scopeWhere } from '../auth/scope';
import { ResidentEntity, StaffAccountEntity } from './people.entities';

export interface StaffRow extends StaffAccountEntity {
  scopeName: string;
}

/** A resident row knows its compound: a grid worker sees the residents of their compound only. */
const RESIDENT_SCOPE: ScopeColumns = { community: 'r.community_id', compound: 'r.compound_id' };

@Injectable()
export class PeopleRepository {
  constructor(private readonly ds: DataSource) {}

  async listResidents(
    actor: Actor,
    f: {
      communityId?: string;
      q?: string;
      verification?: ResidentVerification;
      page: number;
      pageSize: number;
    },
  ): Promise<{ rows: ResidentEntity[]; total: number }> {
    const s = scopeWhere(actor, RESIDENT_SCOPE);
    const qb = this.ds
      .getRepository(ResidentEntity)
      .createQueryBuilder('r')
      .where(s.sql, s.params)
      .orderBy('r.registered_at', 'DESC')
      .addOrderBy('r.id');
    if (f.communityId) qb.andWhere('r.community_id = :communityId', { communityId: f.communityId });
    // A merged record is listed only when asked for; the resident it went into stands for it.
    if (f.verification) qb.andWhere('r.verification = :v', { v: f.verification });
    else qb.andWhere(`r.verification <> 'merged'`);
    // Search by name, or by the last four digits of the phone, which is what a resident says at the desk.
    if (f.q)
      qb.andWhere('(r.name ILIKE :q OR right(r.phone, 4) = :tail)', {
        q: `%${f.q.replace(/[%_\\]/g, '\\$&')}%`,
        tail: f.q,
      });
    const [rows, total] = await qb
      .skip((f.page - 1) * f.pageSize)
      .take(f.pageSize)
      .getManyAndCount();
    return { rows, total };
  }

  findResident(actor: Actor, id: string): Promise<ResidentEntity | null> {
    const s = scopeWhere(actor, RESIDENT_SCOPE);
    return this.ds
      .getRepository(ResidentEntity)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .andWhere(s.sql, s.params)
      .getOne();
  }

  /** Resident numbers per community in scope; `activeSince` decides who counts as active. */
  async countResidents(
    actor: Actor,
    f: { communityId?: string; activeSince: Date },
  ): Promise<ResidentCount[]> {
    const params: unknown[] = [f.activeSince, f.communityId ?? null];
    const residents = scopeSql(actor, RESIDENT_SCOPE, params);
    const communities = scopeSql(actor, { community: 'c.id' }, params);
    const rows: {
      community_id: string;
      community_name: string;
      residents: number;
      foreign_count: number;
      active: number;
    }[] = await this.ds.query(
      `SELECT c.id AS community_id, c.name AS community_name,
              count(r.id)::int AS residents,
              (count(r.id) FILTER (WHERE r.is_foreign))::int AS foreign_count,
              (count(r.id) FILTER (WHERE r.last_active_at >= $1))::int AS active
         FROM community c
         LEFT JOIN resident r ON r.community_id = c.id AND r.verification <> 'merged' AND ${residents}
        WHERE ($2::uuid IS NULL OR c.id = $2) AND ${communities}
        GROUP BY c.id, c.name, c.code
        ORDER BY c.code`,
      params,
    );
    return rows.map((r) => ({
      communityId: r.community_id,
      communityName: r.community_name,
      residents: r.residents,
      foreign: r.foreign_count,
      activeLast30Days: r.active,
    }));
  }

  /** The resident holding this phone, whatever community: phones are unique across the district. */
  findByPhone(phone: string, tx?: Tx): Promise<ResidentEntity | null> {
    return (tx ?? this.ds.manager)
      .getRepository(ResidentEntity)
      .findOneBy({ phone, verification: Not('merged' as const) });
  }

  /** The phone's holder inside the caller's scope, or null (also when it is held elsewhere). */
  findByPhoneInScope(actor: Actor, phone: string): Promise<ResidentEntity | null> {
    const s = scopeWhere(actor, RESIDENT_SCOPE);
    return this.ds
      .getRepository(ResidentEntity)
      .createQueryBuilder('r')
      .where('r.phone = :phone', { phone })
      .andWhere(`r.verification <> 'merged'`)
      .andWhere(s.sql, s.params)
      .getOne();
  }

  async insertResident(
    tx: Tx,
    row: Pick<
      ResidentEntity,
      | 'name'
      | 'phone'
      | 'idNumber'
      | 'communityId'
      | 'compoundId'
      | 'isForeign'
      | 'nationality'
      | 'preferredLanguage'
      | 'registeredAt'
      | 'lastActiveAt'
      | 'verification'
      | 'verifiedAt'
      | 'verifiedById'
    >,
  ): Promise<ResidentEntity> {
    return tx.getRepository(ResidentEntity).save({ ...row, mergedIntoId: null });
  }

  /** Like `insertResident`, but null when the phone was taken in the meantime (unique index). */
  async tryInsertResident(
    tx: Tx,
    row: Parameters<PeopleRepository['insertResident']>[1],
  ): Promise<ResidentEntity | null> {
    try {
      await tx.query('SAVEPOINT resident_insert');
      const r = await this.insertResident(tx, row);
      await tx.query('RELEASE SAVEPOINT resident_insert');
      return r;
    } catch (e) {
      if ((e as { code?: string }).code !== '23505') throw e;
      await tx.query('ROLLBACK TO SAVEPOINT resident_insert');
      return null;
    }
  }

  /** Locks both records for a verification or merge, so two staff cannot decide at once. */
  async lockResidents(tx: Tx, ids: string[]): Promise<ResidentEntity[]> {
    if (ids.length === 0) return [];
    return tx
      .getRepository(ResidentEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id IN (:...ids)', { ids })
      .orderBy('r.id')
      .getMany();
  }

  async markVerified(tx: Tx, id: string, staffId: string, now: Date): Promise<void> {
    await tx.query(
      `UPDATE resident SET verification = 'verified', verified_at = $3, verified_by_id = $2
        WHERE id = $1`,
      [id, staffId, now],
    );
  }

  /**
   * `from` (a self-registration) is the resident `into` on record: its requests move over, the
   * record on file takes the phone just proven (and the newer compound and language), and `from`
   * stays as a merged row. Returns how many requests moved.
   */
  async merge(tx: Tx, from: ResidentEntity, into: ResidentEntity, staffId: string, now: Date) {
    const moved: { id: string }[] = await tx.query(
      `WITH u AS (UPDATE service_case SET resident_id = $2 WHERE resident_id = $1 RETURNING id)
       SELECT id FROM u ORDER BY id`,
      [from.id, into.id],
    );
    await tx.query(
      `UPDATE resident SET verification = 'merged', merged_into_id = $2, verified_at = $4,
              verified_by_id = $3
        WHERE id = $1`,
      [from.id, into.id, staffId, now],
    );
    await tx.query(
      `UPDATE resident SET phone = $2, compound_id = COALESCE($3, compound_id),
              preferred_language = $4, is_foreign = is_foreign OR $5,
              nationality = COALESCE(nationality, $6), verification = 'verified',
              verified_at = $8, verified_by_id = $7,
              last_active_at = GREATEST(last_active_at, $9),
              app_since = LEAST(app_since, $10)
        WHERE id = $1`,
      [
        into.id,
        from.phone,
        from.compoundId,
        from.preferredLanguage,
        from.isForeign,
        from.nationality,
        staffId,
        now,
        from.lastActiveAt,
        from.appSince,
      ],
    );
    return moved.map((m) => m.id);
  }

  /** Every community with its compounds, for the registration form: names only, no person. */
  async publicCommunities(): Promise<
    {
      id: string;
      name: string;
      nameEn: string;
      streetName: string;
      streetNameEn: string;
      compounds: { id: string; name: string; nameEn: string }[];
    }[]
  > {
    return this.ds.query(
      `SELECT c.id, c.name, c.name_en AS "nameEn", s.name AS "streetName", s.name_en AS "streetNameEn",
              COALESCE((SELECT json_agg(json_build_object('id', x.id, 'name', x.name, 'nameEn', x.name_en)
                                        ORDER BY x.name)
                          FROM compound x WHERE x.community_id = c.id), '[]'::json) AS compounds
         FROM community c JOIN street s ON s.id = c.street_id
        ORDER BY s.code, c.code`,
    );
  }

  async communityExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query('SELECT 1 FROM community WHERE id = $1', [id]);
    return rows.length > 0;
  }

  async compoundInCommunity(id: string, communityId: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      'SELECT 1 FROM compound WHERE id = $1 AND community_id = $2',
      [id, communityId],
    );
    return rows.length > 0;
  }

  async listStaff(actor: Actor, communityId?: string): Promise<StaffRow[]> {
    // A street admin sees its own street's staff and the staff of its communities.
    const s = scopeWhere(actor, { community: 'a.community_id', street: 'a.street_id' });
    const qb = this.ds
      .getRepository(StaffAccountEntity)
      .createQueryBuilder('a')
      .leftJoin('street', 's', 's.id = a.street_id')
      .leftJoin('community', 'c', 'c.id = a.community_id')
      .leftJoin('compound', 'x', 'x.id = a.compound_id')
      .addSelect(`COALESCE(x.name, c.name, s.name, '两江新区')`, 'scope_name')
      .orderBy('a.role')
      .addOrderBy('a.username');
    qb.where(s.sql, s.params);
    if (communityId) qb.andWhere('a.community_id = :communityId', { communityId });
    const { entities, raw } = await qb.getRawAndEntities<{ scope_name: string }>();
    return entities.map((e, i) => Object.assign(e, { scopeName: raw[i]!.scope_name }));
  }
}
