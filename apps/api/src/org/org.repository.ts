import type { OpeningInterval } from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../auth/actor';
import { type Reader, communityScope, scopeSql, streetScope } from '../auth/scope';
import type { Tx } from '../database/tx';
import type { CommunityFactChangeEntity } from './fact-change.entity';
import {
  CommunityEntity,
  CompoundEntity,
  DeskEntity,
  DeskHoursExceptionEntity,
  GridEntity,
  StreetEntity,
} from './org.entities';

export interface StreetRow extends StreetEntity {
  communityCount: number;
}
export interface CommunityRow extends CommunityEntity {
  streetName: string;
  streetNameEn: string;
  compoundCount: number;
  deskCount: number;
}
export interface DeskRow extends DeskEntity {
  communityName: string;
  communityNameEn: string;
  compoundName: string | null;
  compoundNameEn: string | null;
  exceptions: DeskHoursExceptionEntity[];
}

export type FactChangeInsert = Omit<CommunityFactChangeEntity, 'id' | 'community' | 'desk'>;
export interface FactChangeRow extends FactChangeInsert {
  id: string;
  deskName: string | null;
  deskNameEn: string | null;
}

type Columns<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'version'>;
/** Names and addresses that default to '' when not given. */
type OptionalTexts = 'nameEn' | 'address' | 'addressEn';
type Texts = { nameEn?: string; address?: string; addressEn?: string };
export type StreetInsert = Pick<StreetEntity, 'code' | 'name'> & { nameEn?: string };
export type CommunityInsert = Omit<
  Columns<CommunityEntity>,
  'street' | OptionalTexts | 'lat' | 'lng'
> &
  Texts;
export type CompoundInsert = Omit<
  Columns<CompoundEntity>,
  'community' | OptionalTexts | 'households'
> &
  Texts & { households?: number };
export type GridInsert = Omit<Columns<GridEntity>, 'community' | 'compound'>;
export type DeskInsert = Omit<Columns<DeskEntity>, 'community' | 'compound' | OptionalTexts> &
  Texts;

/** Applies the reader's scope; the public desk finder says so with a system read. */
function scoped<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  reader: Reader,
  column: string,
): SelectQueryBuilder<T> {
  const s = communityScope(reader, column);
  return qb.andWhere(s.sql, s.params);
}

/** The one place that reads and writes the organisation; writes run in the caller's transaction. */
@Injectable()
export class OrgRepository {
  constructor(private readonly ds: DataSource) {}

  async listStreets(actor: Actor): Promise<StreetRow[]> {
    const s = streetScope(actor, 's.id');
    const { entities, raw } = await this.ds
      .getRepository(StreetEntity)
      .createQueryBuilder('s')
      .addSelect(
        '(SELECT count(*) FROM community c WHERE c.street_id = s.id)::int',
        'community_count',
      )
      .where(s.sql, s.params)
      .orderBy('s.code')
      .getRawAndEntities<{ community_count: number }>();
    return entities.map((e, i) => Object.assign(e, { communityCount: raw[i]!.community_count }));
  }

  async findStreet(actor: Actor, id: string): Promise<StreetRow | null> {
    const rows = await this.listStreets(actor);
    return rows.find((r) => r.id === id) ?? null;
  }

  private communities(actor: Reader) {
    const qb = this.ds
      .getRepository(CommunityEntity)
      .createQueryBuilder('c')
      .innerJoin(StreetEntity, 's', 's.id = c.street_id')
      .addSelect('s.name', 'street_name')
      .addSelect('s.name_en', 'street_name_en')
      .addSelect(
        '(SELECT count(*) FROM compound x WHERE x.community_id = c.id)::int',
        'compound_count',
      )
      .addSelect('(SELECT count(*) FROM desk d WHERE d.community_id = c.id)::int', 'desk_count');
    return scoped(qb, actor, 'c.id');
  }

  private async communityRows(qb: SelectQueryBuilder<CommunityEntity>): Promise<CommunityRow[]> {
    const { entities, raw } = await qb.getRawAndEntities<{
      street_name: string;
      street_name_en: string;
      compound_count: number;
      desk_count: number;
    }>();
    return entities.map((e, i) =>
      Object.assign(e, {
        streetName: raw[i]!.street_name,
        streetNameEn: raw[i]!.street_name_en,
        compoundCount: raw[i]!.compound_count,
        deskCount: raw[i]!.desk_count,
      }),
    );
  }

  listCommunities(
    actor: Actor,
    filter: { streetId?: string; q?: string },
  ): Promise<CommunityRow[]> {
    const qb = this.communities(actor).orderBy('c.code');
    if (filter.streetId) qb.andWhere('c.street_id = :streetId', { streetId: filter.streetId });
    if (filter.q)
      qb.andWhere('(c.name ILIKE :q OR c.name_en ILIKE :q OR c.code ILIKE :q)', {
        q: `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`,
      });
    return this.communityRows(qb);
  }

  async findCommunity(actor: Reader, id: string): Promise<CommunityRow | null> {
    const rows = await this.communityRows(this.communities(actor).andWhere('c.id = :id', { id }));
    return rows[0] ?? null;
  }

  listCompounds(actor: Actor, communityId: string): Promise<CompoundEntity[]> {
    const qb = this.ds
      .getRepository(CompoundEntity)
      .createQueryBuilder('x')
      .where('x.community_id = :communityId', { communityId })
      .orderBy('x.name');
    return scoped(qb, actor, 'x.community_id').getMany();
  }

  findCompound(actor: Actor, id: string): Promise<CompoundEntity | null> {
    const qb = this.ds
      .getRepository(CompoundEntity)
      .createQueryBuilder('x')
      .where('x.id = :id', { id });
    return scoped(qb, actor, 'x.community_id').getOne();
  }

  listGrids(actor: Actor, communityId: string): Promise<GridEntity[]> {
    const qb = this.ds
      .getRepository(GridEntity)
      .createQueryBuilder('g')
      .where('g.community_id = :communityId', { communityId })
      .orderBy('g.code');
    return scoped(qb, actor, 'g.community_id').getMany();
  }

  findGrid(actor: Actor, id: string): Promise<GridEntity | null> {
    const qb = this.ds
      .getRepository(GridEntity)
      .createQueryBuilder('g')
      .where('g.id = :id', { id });
    return scoped(qb, actor, 'g.community_id').getOne();
  }

  /** Desks with names and upcoming exceptions. */
  async listDesks(
    actor: Reader,
    filter: { communityId?: string; ids?: string[]; fromDate: string },
  ): Promise<DeskRow[]> {
    const qb = this.ds
      .getRepository(DeskEntity)
      .createQueryBuilder('d')
      .innerJoin(CommunityEntity, 'c', 'c.id = d.community_id')
      .leftJoin(CompoundEntity, 'x', 'x.id = d.compound_id')
      .addSelect('c.name', 'community_name')
      .addSelect('c.name_en', 'community_name_en')
      .addSelect('x.name', 'compound_name')
      .addSelect('x.name_en', 'compound_name_en')
      .orderBy('c.code')
      .addOrderBy('d.name');
    if (filter.communityId)
      qb.andWhere('d.community_id = :communityId', { communityId: filter.communityId });
    if (filter.ids) {
      if (filter.ids.length === 0) return [];
      qb.andWhere('d.id IN (:...ids)', { ids: filter.ids });
    }
    scoped(qb, actor, 'd.community_id');
    const { entities, raw } = await qb.getRawAndEntities<{
      community_name: string;
      community_name_en: string;
      compound_name: string | null;
      compound_name_en: string | null;
    }>();
    if (entities.length === 0) return [];
    const exceptions = await this.ds
      .getRepository(DeskHoursExceptionEntity)
      .createQueryBuilder('e')
      .where('e.desk_id IN (:...ids)', { ids: entities.map((e) => e.id) })
      .andWhere('e.date >= :from', { from: filter.fromDate })
      .orderBy('e.date')
      .getMany();
    return entities.map((e, i) =>
      Object.assign(e, {
        communityName: raw[i]!.community_name,
        communityNameEn: raw[i]!.community_name_en,
        compoundName: raw[i]!.compound_name,
        compoundNameEn: raw[i]!.compound_name_en,
        exceptions: exceptions.filter((x) => x.deskId === e.id),
      }),
    );
  }

  async findDesk(actor: Reader, id: string, fromDate: string): Promise<DeskRow | null> {
    return (await this.listDesks(actor, { ids: [id], fromDate }))[0] ?? null;
  }

  findException(deskId: string, exceptionId: string): Promise<DeskHoursExceptionEntity | null> {
    return this.ds.getRepository(DeskHoursExceptionEntity).findOneBy({ id: exceptionId, deskId });
  }

  // Writes: each one inside the caller's transaction.

  async insertStreet(tx: Tx, row: StreetInsert): Promise<string> {
    return (await tx.save(tx.create(StreetEntity, row))).id;
  }

  async updateStreet(tx: Tx, id: string, patch: Partial<StreetInsert>): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await tx.update(StreetEntity, { id }, patch);
  }

  async insertCommunity(tx: Tx, row: CommunityInsert): Promise<string> {
    return (await tx.save(tx.create(CommunityEntity, row))).id;
  }

  async updateCommunity(tx: Tx, id: string, patch: Partial<CommunityInsert>): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await tx.update(CommunityEntity, { id }, patch);
  }

  insertCompound(tx: Tx, row: CompoundInsert): Promise<CompoundEntity> {
    return tx.save(tx.create(CompoundEntity, row));
  }

  async updateCompound(tx: Tx, id: string, patch: Partial<CompoundInsert>): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await tx.update(CompoundEntity, { id }, patch);
  }

  insertGrid(tx: Tx, row: GridInsert): Promise<GridEntity> {
    return tx.save(tx.create(GridEntity, row));
  }

  async updateGrid(tx: Tx, id: string, patch: Partial<GridInsert>): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await tx.update(GridEntity, { id }, patch);
  }

  async insertDesk(tx: Tx, row: DeskInsert): Promise<string> {
    return (await tx.save(tx.create(DeskEntity, row))).id;
  }

  /** One exception per date: a new one for the same day replaces the old. Bumps the desk's version. */
  async putException(
    tx: Tx,
    deskId: string,
    e: { date: string; intervals: OpeningInterval[]; note: string },
  ): Promise<void> {
    await tx.delete(DeskHoursExceptionEntity, { deskId, date: e.date });
    await tx.insert(DeskHoursExceptionEntity, { deskId, ...e });
    await tx.increment(DeskEntity, { id: deskId }, 'version', 1);
  }

  /** Removes one exception of the desk and bumps the desk's version. */
  async removeException(tx: Tx, deskId: string, exceptionId: string): Promise<void> {
    await tx.delete(DeskHoursExceptionEntity, { id: exceptionId, deskId });
    await tx.increment(DeskEntity, { id: deskId }, 'version', 1);
  }

  // The fact history is read and written in SQL: it is append-only and has no relations to load.

  async recordFactChanges(tx: Tx, rows: FactChangeInsert[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO community_fact_change
         (community_id, desk_id, field, old_value, new_value, reason, actor_id, actor_name, actor_role, at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::text[], $5::text[],
                            $6::varchar[], $7::uuid[], $8::varchar[], $9::varchar[], $10::timestamptz[])`,
      [
        rows.map((r) => r.communityId),
        rows.map((r) => r.deskId),
        rows.map((r) => r.field),
        rows.map((r) => r.oldValue),
        rows.map((r) => r.newValue),
        rows.map((r) => r.reason),
        rows.map((r) => r.actorId),
        rows.map((r) => r.actorName),
        rows.map((r) => r.actorRole),
        rows.map((r) => r.at),
      ],
    );
  }

  /** The fact history of one community and its desks, newest first; scoped like the community. */
  async listFactChanges(actor: Actor, communityId: string, limit = 500): Promise<FactChangeRow[]> {
    const params: unknown[] = [communityId, limit];
    const scope = scopeSql(actor, { community: 'f.community_id' }, params);
    const rows: {
      id: string;
      community_id: string;
      desk_id: string | null;
      desk_name: string | null;
      desk_name_en: string | null;
      field: FactChangeRow['field'];
      old_value: string | null;
      new_value: string | null;
      reason: string;
      actor_id: string;
      actor_name: string;
      actor_role: string;
      at: Date;
    }[] = await this.ds.query(
      `SELECT f.id::text AS id, f.community_id, f.desk_id, d.name AS desk_name, d.name_en AS desk_name_en, f.field, f.old_value,
              f.new_value, f.reason, f.actor_id, f.actor_name, f.actor_role, f.at
         FROM community_fact_change f LEFT JOIN desk d ON d.id = f.desk_id
        WHERE f.community_id = $1 AND ${scope}
        ORDER BY f.at DESC, f.id DESC LIMIT $2`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      communityId: r.community_id,
      deskId: r.desk_id,
      deskName: r.desk_name,
      deskNameEn: r.desk_name_en,
      field: r.field,
      oldValue: r.old_value,
      newValue: r.new_value,
      reason: r.reason,
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorRole: r.actor_role,
      at: r.at,
    }));
  }

  /** Saves only if nobody changed the desk since `version` was read; false means stale. */
  async updateDeskIfVersion(
    tx: Tx,
    id: string,
    version: number,
    patch: Partial<DeskInsert>,
  ): Promise<boolean> {
    const res = await tx
      .createQueryBuilder()
      .update(DeskEntity)
      .set({ ...patch, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (res.affected ?? 0) > 0;
  }
}
