import type { ResidentCount } from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
    f: { communityId?: string; q?: string; page: number; pageSize: number },
  ): Promise<{ rows: ResidentEntity[]; total: number }> {
    const s = scopeWhere(actor, RESIDENT_SCOPE);
    const qb = this.ds
      .getRepository(ResidentEntity)
      .createQueryBuilder('r')
      .where(s.sql, s.params)
      .orderBy('r.registered_at', 'DESC')
      .addOrderBy('r.id');
    if (f.communityId) qb.andWhere('r.community_id = :communityId', { communityId: f.communityId });
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
         LEFT JOIN resident r ON r.community_id = c.id AND ${residents}
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
