import type { ParticipationAct } from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Reader, scopeSql } from '../auth/scope';
import { CouncilEntity, CouncilMemberEntity } from './council.entities';
import { toCamel } from './rows';

export interface CommunityFacts {
  id: string;
  streetId: string;
  households: number;
  registeredResidents: number;
}

/** A member with the name on their record (a resident's, a worker's) or given (outside members). */
export interface MemberRow extends CouncilMemberEntity {
  displayName: string;
}

/** One resident who took part in a period, with what they did. */
export interface ParticipantRow {
  residentId: string;
  acts: ParticipationAct[];
  firstAt: Date;
}

// Dates as text: a calendar date is no instant, and must not pass through the process's time zone.
const MEMBER_SELECT = `m.id, m.council_id, m.community_id, m.kind, m.role, m.resident_id, m.staff_id,
  m.name, m.organisation, to_char(m.term_start, 'YYYY-MM-DD') AS term_start,
  to_char(m.term_end, 'YYYY-MM-DD') AS term_end, m.created_at, m.updated_at,
  COALESCE(r.name, s.display_name, m.name) AS display_name
  FROM council_member m
  LEFT JOIN resident r ON r.id = m.resident_id
  LEFT JOIN staff_account s ON s.id = m.staff_id`;

@Injectable()
export class CouncilsRepository {
  constructor(private readonly ds: DataSource) {}

  async communityInScope(reader: Reader, id: string): Promise<CommunityFacts | null> {
    const params: unknown[] = [id];
    const scope = scopeSql(reader, { community: 'c.id' }, params);
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT c.id, c.street_id, c.households, c.registered_residents FROM community c
        WHERE c.id = $1 AND ${scope}`,
      params,
    );
    return rows[0] ? toCamel<CommunityFacts>(rows[0]) : null;
  }

  async findCouncil(communityId: string, m?: EntityManager): Promise<CouncilEntity | null> {
    return (m ?? this.ds.manager).findOneBy(CouncilEntity, { communityId });
  }

  /** The community's council, created with the default rules on first need, locked for the change. */
  async lockCouncil(m: EntityManager, communityId: string): Promise<CouncilEntity> {
    await m.query(
      'INSERT INTO council (community_id) VALUES ($1) ON CONFLICT (community_id) DO NOTHING',
      [communityId],
    );
    await m.query('SELECT 1 FROM council WHERE community_id = $1 FOR UPDATE', [communityId]);
    return m.findOneByOrFail(CouncilEntity, { communityId });
  }

  async updateCouncil(m: EntityManager, id: string, patch: Partial<CouncilEntity>): Promise<void> {
    await m
      .createQueryBuilder()
      .update(CouncilEntity)
      .set(patch)
      .where('id = :id', { id })
      .execute();
  }

  async members(councilId: string): Promise<MemberRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${MEMBER_SELECT} WHERE m.council_id = $1 ORDER BY m.term_start DESC, m.created_at`,
      [councilId],
    );
    return rows.map((r) => toCamel<MemberRow>(r));
  }

  async findMember(reader: Reader, id: string, m?: EntityManager): Promise<MemberRow | null> {
    const params: unknown[] = [id];
    const scope = scopeSql(reader, { community: 'm.community_id' }, params);
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT ${MEMBER_SELECT} WHERE m.id = $1 AND ${scope}`,
      params,
    );
    return rows[0] ? toCamel<MemberRow>(rows[0]) : null;
  }

  async insertMember(m: EntityManager, row: Partial<CouncilMemberEntity>): Promise<string> {
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(CouncilMemberEntity)
      .values(row)
      .returning('id')
      .execute();
    return (res.identifiers[0] as { id: string }).id;
  }

  async updateMember(
    m: EntityManager,
    id: string,
    patch: Partial<CouncilMemberEntity>,
  ): Promise<void> {
    await m
      .createQueryBuilder()
      .update(CouncilMemberEntity)
      .set(patch)
      .where('id = :id', { id })
      .execute();
  }

  /** Another term of the same resident or worker that overlaps [start, end]; its id, or null. */
  async overlappingTerm(
    m: EntityManager,
    councilId: string,
    who: { residentId: string | null; staffId: string | null },
    start: string,
    end: string | null,
    exceptId: string | null,
  ): Promise<string | null> {
    if (!who.residentId && !who.staffId) return null;
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM council_member
        WHERE council_id = $1 AND (resident_id = $2 OR staff_id = $3) AND id IS DISTINCT FROM $4
          AND daterange(term_start, term_end, '[]') && daterange($5::date, $6::date, '[]')
        LIMIT 1`,
      [councilId, who.residentId, who.staffId, exceptId, start, end],
    );
    return rows[0]?.id ?? null;
  }

  async residentInCommunity(
    id: string,
    communityId: string,
  ): Promise<{ id: string; name: string } | null> {
    const rows: { id: string; name: string }[] = await this.ds.query(
      `SELECT id, name FROM resident WHERE id = $1 AND community_id = $2 AND verification <> 'merged'`,
      [id, communityId],
    );
    return rows[0] ?? null;
  }

  async staffInCommunity(
    id: string,
    communityId: string,
  ): Promise<{ id: string; name: string } | null> {
    const rows: { id: string; name: string }[] = await this.ds.query(
      `SELECT id, display_name AS name FROM staff_account WHERE id = $1 AND community_id = $2 AND active`,
      [id, communityId],
    );
    return rows[0] ?? null;
  }

  // Participation

  /**
   * The residents of a community who took part in [from, to), with their acts: the numerator of
   * the participation rate and the rows behind it.
   */
  async participantsIn(communityId: string, from: Date, to: Date): Promise<ParticipantRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT resident_id, array_agg(DISTINCT act ORDER BY act) AS acts, min(at) AS first_at
         FROM participation WHERE community_id = $1 AND at >= $2 AND at < $3
        GROUP BY resident_id ORDER BY min(at), resident_id`,
      [communityId, from, to],
    );
    return rows.map((r) => toCamel<ParticipantRow>(r));
  }

  /** Distinct residents in [from, to), in all and per act. */
  async participationCounts(
    communityId: string,
    from: Date,
    to: Date,
  ): Promise<{ participants: number; byAct: { act: ParticipationAct; n: number }[] }> {
    const [{ n }] = (await this.ds.query(
      `SELECT count(DISTINCT resident_id)::int AS n FROM participation
        WHERE community_id = $1 AND at >= $2 AND at < $3`,
      [communityId, from, to],
    )) as [{ n: number }];
    const byAct: { act: ParticipationAct; n: number }[] = await this.ds.query(
      `SELECT act, count(DISTINCT resident_id)::int AS n FROM participation
        WHERE community_id = $1 AND at >= $2 AND at < $3 GROUP BY act`,
      [communityId, from, to],
    );
    return { participants: n, byAct };
  }
}
