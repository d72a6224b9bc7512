import type { ParticipationAct } from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Reader, scopeSql } from '../auth/scope';
import type { ProposalCommentEntity } from './council.entities';
import { toCamel } from './rows';

export interface CommentRow extends ProposalCommentEntity {
  proposalStatus: string;
}

export interface ParticipationInsert {
  residentId: string;
  communityId: string;
  act: ParticipationAct;
  subjectType: 'proposal' | 'meeting' | 'agenda_item';
  subjectId: string;
  proposalId: string | null;
  at: Date;
}

/** What residents do with a proposal: support, follow, comment; and the participation rows. */
@Injectable()
export class ProposalActivityRepository {
  constructor(private readonly ds: DataSource) {}

  // Supports

  async supportOf(
    proposalId: string,
    residentId: string,
    m?: EntityManager,
  ): Promise<'none' | 'active' | 'withdrawn'> {
    const rows: { withdrawn_at: Date | null }[] = await (m ?? this.ds).query(
      'SELECT withdrawn_at FROM proposal_support WHERE proposal_id = $1 AND resident_id = $2',
      [proposalId, residentId],
    );
    if (!rows[0]) return 'none';
    return rows[0].withdrawn_at ? 'withdrawn' : 'active';
  }

  /**
   * A support, or a withdrawn one renewed; null when the resident already supports it. The unique
   * key decides, so two requests at once give one row and one null.
   */
  async addSupport(
    m: EntityManager,
    s: { proposalId: string; residentId: string; communityId: string; at: Date },
  ): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO proposal_support (proposal_id, resident_id, community_id, supported_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (proposal_id, resident_id)
         DO UPDATE SET withdrawn_at = NULL, supported_at = EXCLUDED.supported_at
         WHERE proposal_support.withdrawn_at IS NOT NULL
       RETURNING id`,
      [s.proposalId, s.residentId, s.communityId, s.at],
    );
    return rows[0]?.id ?? null;
  }

  /** Withdraws an active support, keeping the row; false when there was none. */
  async withdrawSupport(
    m: EntityManager,
    proposalId: string,
    residentId: string,
    at: Date,
  ): Promise<boolean> {
    // TypeORM answers an UPDATE or DELETE with [rows, count].
    const [rows] = (await m.query(
      `UPDATE proposal_support SET withdrawn_at = $3
        WHERE proposal_id = $1 AND resident_id = $2 AND withdrawn_at IS NULL RETURNING id`,
      [proposalId, residentId, at],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  async activeSupports(m: EntityManager, proposalId: string): Promise<number> {
    const [{ n }] = (await m.query(
      'SELECT count(*)::int AS n FROM proposal_support WHERE proposal_id = $1 AND withdrawn_at IS NULL',
      [proposalId],
    )) as [{ n: number }];
    return n;
  }

  // Followers

  async isFollowing(proposalId: string, residentId: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      'SELECT 1 FROM proposal_follower WHERE proposal_id = $1 AND resident_id = $2',
      [proposalId, residentId],
    );
    return rows.length > 0;
  }

  /** Adds followers who do not follow yet; the ids of those added. */
  async addFollowers(
    m: EntityManager,
    proposalId: string,
    communityId: string,
    residentIds: string[],
    reason: 'follow' | 'case' | 'merged',
  ): Promise<string[]> {
    if (residentIds.length === 0) return [];
    const rows: { resident_id: string }[] = await m.query(
      `INSERT INTO proposal_follower (proposal_id, resident_id, community_id, reason)
       SELECT $1, unnest($2::uuid[]), $3, $4 ON CONFLICT DO NOTHING RETURNING resident_id`,
      [proposalId, [...new Set(residentIds)], communityId, reason],
    );
    return rows.map((r) => r.resident_id);
  }

  async removeFollower(m: EntityManager, proposalId: string, residentId: string): Promise<boolean> {
    const [rows] = (await m.query(
      'DELETE FROM proposal_follower WHERE proposal_id = $1 AND resident_id = $2 RETURNING resident_id',
      [proposalId, residentId],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  // Comments

  async comments(proposalId: string): Promise<ProposalCommentEntity[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      'SELECT * FROM proposal_comment WHERE proposal_id = $1 ORDER BY created_at, id',
      [proposalId],
    );
    return rows.map((r) => toCamel<ProposalCommentEntity>(r));
  }

  async findComment(reader: Reader, id: string, m?: EntityManager): Promise<CommentRow | null> {
    const params: unknown[] = [id];
    const scope = scopeSql(reader, { community: 'c.community_id' }, params);
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT c.*, p.status AS proposal_status FROM proposal_comment c JOIN proposal p ON p.id = c.proposal_id
        WHERE c.id = $1 AND ${scope} AND p.status <> 'draft'`,
      params,
    );
    return rows[0] ? toCamel<CommentRow>(rows[0]) : null;
  }

  async insertComment(
    m: EntityManager,
    c: Omit<
      ProposalCommentEntity,
      'id' | 'hiddenAt' | 'hiddenById' | 'hiddenByName' | 'hiddenReason'
    >,
  ): Promise<ProposalCommentEntity> {
    const rows: Record<string, unknown>[] = await m.query(
      `INSERT INTO proposal_comment (proposal_id, community_id, author_kind, author_resident_id, author_staff_id, author_name, body, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        c.proposalId,
        c.communityId,
        c.authorKind,
        c.authorResidentId,
        c.authorStaffId,
        c.authorName,
        c.body,
        c.createdAt,
      ],
    );
    return toCamel<ProposalCommentEntity>(rows[0]!);
  }

  /** Hides a visible comment (under its row lock); null when it was hidden already. */
  async hideComment(
    m: EntityManager,
    id: string,
    h: { at: Date; byId: string; byName: string; reason: string },
  ): Promise<ProposalCommentEntity | null> {
    const [rows] = (await m.query(
      `UPDATE proposal_comment SET hidden_at = $2, hidden_by_id = $3, hidden_by_name = $4, hidden_reason = $5
        WHERE id = $1 AND hidden_at IS NULL RETURNING *`,
      [id, h.at, h.byId, h.byName, h.reason],
    )) as [Record<string, unknown>[], number];
    return rows[0] ? toCamel<ProposalCommentEntity>(rows[0]) : null;
  }

  // Participation

  /** One row per resident, act and subject: a retry or a second comment adds nothing. */
  async recordParticipation(m: EntityManager, p: ParticipationInsert): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO participation (resident_id, community_id, act, subject_type, subject_id, proposal_id, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (resident_id, act, subject_id) DO NOTHING RETURNING id`,
      [p.residentId, p.communityId, p.act, p.subjectType, p.subjectId, p.proposalId, p.at],
    );
    return rows.length > 0;
  }
}
