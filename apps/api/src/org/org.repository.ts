import { Injectable } from '@nestjs/common';
import {
  DataSource,
  type EntityManager,
  type ObjectLiteral,
  type SelectQueryBuilder,
} from 'typeorm';
import type { Actor } from '../auth/actor';
import { communityScope, streetScope } from '../auth/scope';
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
  compoundCount: number;
  deskCount: number;
}
export interface DeskRow extends DeskEntity {
  communityName: string;
  compoundName: string | null;
  exceptions: DeskHoursExceptionEntity[];
}

/** Applies the actor's scope; `null` means a public read (only for data that is public anyway). */
function scoped<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Actor | null,
  column: string,
): SelectQueryBuilder<T> {
  if (!actor) return qb;
  const s = communityScope(actor, column);
  return qb.andWhere(s.sql, s.params);
}

@Injectable()
export class OrgRepository {
  constructor(private readonly ds: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

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

  private communities(actor: Actor | null) {
    const qb = this.ds
      .getRepository(CommunityEntity)
      .createQueryBuilder('c')
      .innerJoin(StreetEntity, 's', 's.id = c.street_id')
      .addSelect('s.name', 'street_name')
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
      compound_count: number;
      desk_count: number;
    }>();
    return entities.map((e, i) =>
      Object.assign(e, {
        streetName: raw[i]!.street_name,
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

  async findCommunity(actor: Actor | null, id: string): Promise<CommunityRow | null> {
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

  /** Desks with names and upcoming exceptions; `actor: null` is the public desk finder. */
  async listDesks(
    actor: Actor | null,
    filter: { communityId?: string; ids?: string[]; fromDate: string },
  ): Promise<DeskRow[]> {
    const qb = this.ds
      .getRepository(DeskEntity)
      .createQueryBuilder('d')
      .innerJoin(CommunityEntity, 'c', 'c.id = d.community_id')
      .leftJoin(CompoundEntity, 'x', 'x.id = d.compound_id')
      .addSelect('c.name', 'community_name')
      .addSelect('x.name', 'compound_name')
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
      compound_name: string | null;
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
        compoundName: raw[i]!.compound_name,
        exceptions: exceptions.filter((x) => x.deskId === e.id),
      }),
    );
  }

  async findDesk(actor: Actor | null, id: string, fromDate: string): Promise<DeskRow | null> {
    return (await this.listDesks(actor, { ids: [id], fromDate }))[0] ?? null;
  }

  findException(deskId: string, exceptionId: string): Promise<DeskHoursExceptionEntity | null> {
    return this.ds.getRepository(DeskHoursExceptionEntity).findOneBy({ id: exceptionId, deskId });
  }

  /** Saves only if nobody changed the desk since `version` was read; false means stale. */
  async updateDeskIfVersion(
    m: EntityManager,
    id: string,
    version: number,
    patch: Partial<DeskEntity>,
  ): Promise<boolean> {
    const res = await m
      .createQueryBuilder()
      .update(DeskEntity)
      .set({ ...patch, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (res.affected ?? 0) > 0;
  }
}
