import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ProposalImplementationEntity,
  type ProposalMilestoneEntity,
  type ProposalProgressEntity,
} from './implementation.entities';
import { toCamel } from './rows';

export interface ProgressPhotoRow {
  progressId: string;
  id: string;
  contentType: string;
  sizeBytes: number;
}

/** An adopted proposal's implementation: the plan, its milestones and progress updates. */
@Injectable()
export class ImplementationRepository {
  constructor(private readonly ds: DataSource) {}

  async find(proposalId: string, m?: EntityManager): Promise<ProposalImplementationEntity | null> {
    return (m ?? this.ds.manager).findOneBy(ProposalImplementationEntity, { proposalId });
  }

  async milestones(proposalId: string): Promise<ProposalMilestoneEntity[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT id, proposal_id, community_id, title, to_char(planned_on, 'YYYY-MM-DD') AS planned_on,
              done_at, done_by_id, created_at
         FROM proposal_milestone WHERE proposal_id = $1 ORDER BY planned_on, created_at`,
      [proposalId],
    );
    return rows.map((r) => toCamel<ProposalMilestoneEntity>(r));
  }

  async progress(proposalId: string): Promise<ProposalProgressEntity[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      'SELECT * FROM proposal_progress WHERE proposal_id = $1 ORDER BY recorded_at, id',
      [proposalId],
    );
    return rows.map((r) => toCamel<ProposalProgressEntity>(r));
  }

  async progressPhotos(proposalId: string): Promise<ProgressPhotoRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT pp.progress_id, f.id, f.content_type, f.size_bytes
         FROM proposal_photo pp JOIN photo f ON f.id = pp.photo_id
        WHERE pp.proposal_id = $1 AND pp.progress_id IS NOT NULL ORDER BY pp.position`,
      [proposalId],
    );
    return rows.map((r) => toCamel<ProgressPhotoRow>(r));
  }

  // Writes (inside the caller's transaction)

  async insert(m: EntityManager, row: Partial<ProposalImplementationEntity>): Promise<void> {
    await m.createQueryBuilder().insert().into(ProposalImplementationEntity).values(row).execute();
  }

  async update(
    m: EntityManager,
    proposalId: string,
    patch: Partial<ProposalImplementationEntity>,
  ): Promise<void> {
    await m
      .createQueryBuilder()
      .update(ProposalImplementationEntity)
      .set(patch)
      .where('proposal_id = :proposalId', { proposalId })
      .execute();
  }

  async addMilestones(
    m: EntityManager,
    proposalId: string,
    communityId: string,
    items: { title: string; plannedOn: string }[],
  ): Promise<string[]> {
    if (items.length === 0) return [];
    const rows: { id: string }[] = await m.query(
      `INSERT INTO proposal_milestone (proposal_id, community_id, title, planned_on)
       SELECT $1, $2, u.title, u.planned_on::date
         FROM unnest($3::text[], $4::text[]) AS u(title, planned_on) RETURNING id`,
      [proposalId, communityId, items.map((i) => i.title), items.map((i) => i.plannedOn)],
    );
    return rows.map((r) => r.id);
  }

  /** Marks a milestone of the proposal done; false when there is none or it was done already. */
  async markDone(
    m: EntityManager,
    proposalId: string,
    milestoneId: string,
    at: Date,
    byId: string,
  ): Promise<boolean> {
    const [rows] = (await m.query(
      `UPDATE proposal_milestone SET done_at = $3, done_by_id = $4
        WHERE id = $2 AND proposal_id = $1 AND done_at IS NULL RETURNING id`,
      [proposalId, milestoneId, at, byId],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  async milestoneExists(
    m: EntityManager,
    proposalId: string,
    milestoneId: string,
  ): Promise<boolean> {
    const rows: unknown[] = await m.query(
      'SELECT 1 FROM proposal_milestone WHERE id = $2 AND proposal_id = $1',
      [proposalId, milestoneId],
    );
    return rows.length > 0;
  }

  async addProgress(
    m: EntityManager,
    p: Omit<ProposalProgressEntity, 'id' | 'proposal'>,
  ): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO proposal_progress (proposal_id, community_id, note, recorded_at, recorded_by_id, recorded_by_name)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [p.proposalId, p.communityId, p.note, p.recordedAt, p.recordedById, p.recordedByName],
    );
    return rows[0]!.id;
  }

  /** The update's photos join the proposal's, after those it has, naming the update. */
  async addProgressPhotos(
    m: EntityManager,
    proposalId: string,
    progressId: string,
    photoIds: string[],
  ): Promise<void> {
    if (photoIds.length === 0) return;
    await m.query(
      `INSERT INTO proposal_photo (photo_id, proposal_id, position, progress_id)
       SELECT u.id, $1, (SELECT COALESCE(max(position), 0) FROM proposal_photo WHERE proposal_id = $1) + u.ord, $2
         FROM unnest($3::uuid[]) WITH ORDINALITY AS u(id, ord)`,
      [proposalId, progressId, photoIds],
    );
  }
}
