import type {
  EvaluationInvitation,
  MyProjectEvaluation,
  SatisfactionLevel,
  SolvedAnswer,
} from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { FollowUpAttemptEntity, FollowUpTaskEntity } from './follow-up.entities';

export interface EvaluationTaskRow {
  id: string;
  proposalId: string;
  communityId: string;
  residentId: string;
  status: 'open' | 'done' | 'unreachable';
}

export interface EvaluationFigures {
  asked: number;
  open: number;
  expired: number;
  byLevel: { level: SatisfactionLevel; n: number }[];
  dueAt: Date | null;
}

/** Project evaluations: follow-up tasks that name a completed proposal instead of a case. */
@Injectable()
export class ProjectEvaluationsRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * The residents behind a completed proposal, each once: its author, its active supporters and
   * the residents of the cases behind it, with the compound they live in.
   */
  async residentsBehind(
    m: EntityManager,
    proposalId: string,
  ): Promise<{ residentId: string; compoundId: string | null; communityId: string }[]> {
    const rows: { resident_id: string; compound_id: string | null; community_id: string }[] =
      await m.query(
        `SELECT r.id AS resident_id, r.compound_id, p.community_id
           FROM proposal p
           JOIN LATERAL (
             SELECT p.author_resident_id AS id
             UNION SELECT s.resident_id FROM proposal_support s
                    WHERE s.proposal_id = p.id AND s.withdrawn_at IS NULL
             UNION SELECT c.resident_id FROM proposal_case k JOIN service_case c ON c.id = k.case_id
                    WHERE k.proposal_id = p.id
           ) x ON x.id IS NOT NULL
           JOIN resident r ON r.id = x.id AND r.verification <> 'merged'
          WHERE p.id = $1 AND p.status = 'completed'
          ORDER BY r.id`,
        [proposalId],
      );
    return rows.map((r) => ({
      residentId: r.resident_id,
      compoundId: r.compound_id,
      communityId: r.community_id,
    }));
  }

  /** One task per resident and proposal (a partial unique key): a second scheduling adds nothing. */
  async insertTask(m: EntityManager, t: Partial<FollowUpTaskEntity>): Promise<string | null> {
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(FollowUpTaskEntity)
      .values(t as never)
      .orIgnore()
      .returning('id')
      .execute();
    const row = res.raw as { id: string }[];
    return row[0]?.id ?? null;
  }

  async lockTaskOf(
    m: EntityManager,
    proposalId: string,
    residentId: string,
  ): Promise<EvaluationTaskRow | null> {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT id, proposal_id, community_id, resident_id, status FROM follow_up_task
        WHERE proposal_id = $1 AND resident_id = $2 FOR UPDATE`,
      [proposalId, residentId],
    );
    const r = rows[0];
    return r
      ? {
          id: r['id'] as string,
          proposalId: r['proposal_id'] as string,
          communityId: r['community_id'] as string,
          residentId: r['resident_id'] as string,
          status: r['status'] as EvaluationTaskRow['status'],
        }
      : null;
  }

  async insertAttempt(m: EntityManager, a: Partial<FollowUpAttemptEntity>): Promise<string> {
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(FollowUpAttemptEntity)
      .values(a)
      .returning('id')
      .execute();
    return (res.identifiers[0] as { id: string }).id;
  }

  async updateTask(
    m: EntityManager,
    id: string,
    patch: Partial<FollowUpTaskEntity>,
  ): Promise<void> {
    await m
      .createQueryBuilder()
      .update(FollowUpTaskEntity)
      .set(patch)
      .where('id = :id', { id })
      .execute();
  }

  /** Open evaluations past their window, locked so another process skips them. */
  async lockExpired(m: EntityManager, now: Date, limit: number): Promise<EvaluationTaskRow[]> {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT id, proposal_id, community_id, resident_id, status FROM follow_up_task
        WHERE proposal_id IS NOT NULL AND status = 'open' AND due_at < $1
        ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((r) => ({
      id: r['id'] as string,
      proposalId: r['proposal_id'] as string,
      communityId: r['community_id'] as string,
      residentId: r['resident_id'] as string,
      status: r['status'] as EvaluationTaskRow['status'],
    }));
  }

  async figures(proposalId: string, m?: EntityManager): Promise<EvaluationFigures> {
    const q = m ?? this.ds;
    const [t] = (await q.query(
      `SELECT count(*)::int AS asked,
              count(*) FILTER (WHERE status = 'open')::int AS open,
              count(*) FILTER (WHERE status = 'unreachable')::int AS expired,
              max(due_at) AS due_at
         FROM follow_up_task WHERE proposal_id = $1`,
      [proposalId],
    )) as [{ asked: number; open: number; expired: number; due_at: Date | null }];
    const byLevel: { level: SatisfactionLevel; n: number }[] = await q.query(
      `SELECT a.satisfaction AS level, count(*)::int AS n
         FROM follow_up_attempt a JOIN follow_up_task t ON t.id = a.task_id
        WHERE t.proposal_id = $1 AND a.outcome = 'reached' AND a.id = t.result_attempt_id
        GROUP BY a.satisfaction`,
      [proposalId],
    );
    return { asked: t.asked, open: t.open, expired: t.expired, byLevel, dueAt: t.due_at };
  }

  /** The community of a completed proposal; null when it is not (or no longer) completed. */
  async completedCommunity(m: EntityManager, proposalId: string): Promise<string | null> {
    const rows: { community_id: string }[] = await m.query(
      `SELECT community_id FROM proposal WHERE id = $1 AND status = 'completed'`,
      [proposalId],
    );
    return rows[0]?.community_id ?? null;
  }

  /** The resident's open invitations in their community, the soonest closing first. */
  async openInvitations(
    residentId: string,
    communityId: string,
    ids?: string[],
  ): Promise<EvaluationInvitation[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT p.id, p.number, p.title, t.invited_at, t.created_at, t.due_at
         FROM follow_up_task t JOIN proposal p ON p.id = t.proposal_id
        WHERE t.resident_id = $1 AND t.community_id = $2 AND t.status = 'open'
          AND ($3::uuid[] IS NULL OR t.id = ANY($3::uuid[]))
        ORDER BY t.due_at, p.number`,
      [residentId, communityId, ids ?? null],
    );
    return rows.map((r) => ({
      proposalId: r['id'] as string,
      number: r['number'] as string,
      title: r['title'] as string,
      invitedAt: new Date((r['invited_at'] ?? r['created_at']) as Date).toISOString(),
      dueAt: new Date(r['due_at'] as Date).toISOString(),
    }));
  }

  /** The resident's own task about a proposal with its answer, if they were asked. */
  async mine(
    proposalId: string,
    residentId: string,
    communityId: string,
  ): Promise<MyProjectEvaluation | null> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT t.status, t.due_at, a.satisfaction, a.solved, a.notes, a.recorded_at
         FROM follow_up_task t LEFT JOIN follow_up_attempt a ON a.id = t.result_attempt_id
        WHERE t.proposal_id = $1 AND t.resident_id = $2 AND t.community_id = $3`,
      [proposalId, residentId, communityId],
    );
    const r = rows[0];
    if (!r) return null;
    const status = r['status'] as EvaluationTaskRow['status'];
    return {
      proposalId,
      status: status === 'unreachable' ? 'closed' : status,
      dueAt: new Date(r['due_at'] as Date).toISOString(),
      satisfaction: (r['satisfaction'] as SatisfactionLevel | null) ?? null,
      solved: (r['solved'] as SolvedAnswer | null) ?? null,
      comment: (r['notes'] as string | null) ?? null,
      recordedAt: r['recorded_at'] ? new Date(r['recorded_at'] as Date).toISOString() : null,
    };
  }
}
