import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { toCamel } from '../../council/rows';
import type {
  RatingAssessmentCorrectionEntity,
  RatingAssessmentEntity,
  RatingAssessmentEvidenceEntity,
} from '../rating.entities';

export interface AssessmentRow extends RatingAssessmentEntity {
  year: number;
  frameworkId: string;
  campaignStatus: 'open' | 'closed';
  opensOn: string | null;
  closesOn: string | null;
  communityName: string;
  communityStreetId: string;
  /** The street that cross-inspects the community in the plan. */
  inspectorStreetId: string | null;
}

export interface TaskCell {
  id: string;
  communityId: string;
  indicatorKey: string;
  score: number;
  notes: string;
  status: 'draft' | 'submitted';
  version: number;
  evidenceCount: number;
}

/** Scores entered on site, their corrections (append-only) and their evidence. */
@Injectable()
export class RatingAssessmentsRepository {
  constructor(private readonly ds: DataSource) {}

  async find(id: string, m?: EntityManager, lock = false): Promise<AssessmentRow | null> {
    const rows: Record<string, unknown>[] = await (m ?? this.ds.manager).query(
      `SELECT a.*, a.score::float8 AS score, c.year, c.framework_id, c.status AS campaign_status,
              to_char(c.opens_on, 'YYYY-MM-DD') AS opens_on, to_char(c.closes_on, 'YYYY-MM-DD') AS closes_on,
              co.name AS community_name, co.street_id AS community_street_id,
              x.inspector_street_id
         FROM rating_assessment a
         JOIN rating_campaign c ON c.id = a.campaign_id
         JOIN community co ON co.id = a.community_id
         LEFT JOIN rating_cross_inspection x ON x.campaign_id = a.campaign_id AND x.community_id = a.community_id
        WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`,
      [id],
    );
    return rows[0] ? toCamel<AssessmentRow>(rows[0]) : null;
  }

  /** Inserts the draft or changes it; null when the cell is submitted already (then it is locked). */
  async upsertDraft(
    m: EntityManager,
    row: {
      campaignId: string;
      communityId: string;
      indicatorKey: string;
      assessorKind: string;
      score: number;
      notes: string;
      enteredById: string;
      enteredByName: string;
      enteredByRole: string;
    },
  ): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO rating_assessment
         (campaign_id, community_id, indicator_key, assessor_kind, score, notes,
          entered_by_id, entered_by_name, entered_by_role)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (campaign_id, community_id, indicator_key, assessor_kind) DO UPDATE
          SET score = EXCLUDED.score, notes = EXCLUDED.notes,
              entered_by_id = EXCLUDED.entered_by_id, entered_by_name = EXCLUDED.entered_by_name,
              entered_by_role = EXCLUDED.entered_by_role,
              version = rating_assessment.version + 1, updated_at = now()
        WHERE rating_assessment.status = 'draft'
       RETURNING id`,
      [
        row.campaignId,
        row.communityId,
        row.indicatorKey,
        row.assessorKind,
        row.score,
        row.notes,
        row.enteredById,
        row.enteredByName,
        row.enteredByRole,
      ],
    );
    return rows[0]?.id ?? null;
  }

  async cellId(
    campaignId: string,
    communityId: string,
    indicatorKey: string,
    assessorKind: string,
  ): Promise<string | null> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM rating_assessment WHERE campaign_id = $1 AND community_id = $2
          AND indicator_key = $3 AND assessor_kind = $4`,
      [campaignId, communityId, indicatorKey, assessorKind],
    );
    return rows[0]?.id ?? null;
  }

  /** Draft → submitted; false when it was not a draft. */
  async submit(m: EntityManager, id: string, at: Date): Promise<boolean> {
    // An UPDATE answers [rows, count].
    const [rows] = (await m.query(
      `UPDATE rating_assessment SET status = 'submitted', submitted_at = $2,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND status = 'draft' RETURNING id`,
      [id, at],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  async correct(
    m: EntityManager,
    c: Omit<RatingAssessmentCorrectionEntity, 'id' | 'assessment'>,
  ): Promise<void> {
    await m.query(
      `INSERT INTO rating_assessment_correction
         (assessment_id, old_score, new_score, reason, actor_id, actor_name, actor_role, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [c.assessmentId, c.oldScore, c.newScore, c.reason, c.actorId, c.actorName, c.actorRole, c.at],
    );
    await m.query(
      `UPDATE rating_assessment SET score = $2, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [c.assessmentId, c.newScore],
    );
  }

  async corrections(assessmentId: string): Promise<RatingAssessmentCorrectionEntity[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT id::text AS id, assessment_id, old_score::float8 AS old_score,
              new_score::float8 AS new_score, reason, actor_id, actor_name, actor_role, at
         FROM rating_assessment_correction WHERE assessment_id = $1 ORDER BY at, id`,
      [assessmentId],
    );
    return rows.map((r) => toCamel<RatingAssessmentCorrectionEntity>(r));
  }

  async evidence(
    assessmentId: string,
    m?: EntityManager,
  ): Promise<RatingAssessmentEvidenceEntity[]> {
    const rows: Record<string, unknown>[] = await (m ?? this.ds.manager).query(
      'SELECT * FROM rating_assessment_evidence WHERE assessment_id = $1 ORDER BY created_at, id',
      [assessmentId],
    );
    return rows.map((r) => toCamel<RatingAssessmentEvidenceEntity>(r));
  }

  async oneEvidence(
    assessmentId: string,
    evidenceId: string,
  ): Promise<RatingAssessmentEvidenceEntity | null> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      'SELECT * FROM rating_assessment_evidence WHERE assessment_id = $1 AND id = $2',
      [assessmentId, evidenceId],
    );
    return rows[0] ? toCamel<RatingAssessmentEvidenceEntity>(rows[0]) : null;
  }

  async addEvidence(
    m: EntityManager,
    e: Omit<RatingAssessmentEvidenceEntity, 'createdAt' | 'assessment'>,
  ): Promise<void> {
    await m.query(
      `INSERT INTO rating_assessment_evidence
         (id, assessment_id, kind, file_name, content_type, size_bytes, storage_key, sha256,
          uploaded_by_id, uploaded_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        e.id,
        e.assessmentId,
        e.kind,
        e.fileName,
        e.contentType,
        e.sizeBytes,
        e.storageKey,
        e.sha256,
        e.uploadedById,
        e.uploadedByName,
      ],
    );
  }

  /** The cells of one assessor kind in a campaign, for the given communities. */
  async cells(
    campaignId: string,
    assessorKind: string,
    communityIds: string[],
  ): Promise<TaskCell[]> {
    if (communityIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT a.id, a.community_id, a.indicator_key, a.score::float8 AS score, a.notes, a.status,
              a.version,
              (SELECT count(*)::int FROM rating_assessment_evidence e WHERE e.assessment_id = a.id)
                AS evidence_count
         FROM rating_assessment a
        WHERE a.campaign_id = $1 AND a.assessor_kind = $2 AND a.community_id = ANY($3::uuid[])`,
      [campaignId, assessorKind, communityIds],
    );
    return rows.map((r) => toCamel<TaskCell>(r));
  }
}
