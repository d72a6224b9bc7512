import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { type Reader, scopeSql } from '../../auth/scope';
import {
  RatingFrameworkEntity,
  RatingObjectionEntity,
  RatingRunEntity,
  RatingRunSnapshotEntity,
} from '../rating.entities';

/** A unique index refused the write (e.g. `UQ_rating_run_open_year`). */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as QueryFailedError & { code?: string; constraint?: string };
  return err instanceof QueryFailedError && e.code === '23505' && e.constraint === constraint;
}

/** A community of the district as the run freezes it. */
export interface RunCommunityRow {
  id: string;
  name: string;
  nameEn: string;
  code: string;
  streetId: string;
  streetName: string;
  streetNameEn: string;
  firstElectedOn: string | null;
}

export interface SubmittedAssessmentRow {
  id: string;
  communityId: string;
  indicatorKey: string;
  assessorKind: string;
  score: number;
  enteredByName: string;
  submittedAt: Date;
  evidenceCount: number;
}

export interface DisqualificationRow {
  id: string;
  communityId: string;
  what: string;
  occurredOn: string;
  noticeReference: string;
}

export interface PreviousGradeRow {
  communityId: string;
  grade: 'AAA' | 'AA' | 'A' | 'none';
  source: 'run' | 'import';
}

export interface GradeUpsert {
  communityId: string;
  grade: 'AAA' | 'AA' | 'A' | 'none';
  status: string;
  total: number;
  rank: number | null;
  ratedCount: number;
  notice: boolean;
  recommended: boolean;
}

/** A snapshot without its (large) input, facts and result. */
export type SnapshotHead = Omit<RatingRunSnapshotEntity, 'input' | 'facts' | 'result' | 'run'>;

const HEAD_COLUMNS = [
  's.id',
  's.runId',
  's.version',
  's.contentHash',
  's.reason',
  's.createdById',
  's.createdByName',
  's.createdAt',
  's.resultHash',
  's.engineVersion',
  's.computedAt',
];

/** The only TypeORM user of the runs part: runs, snapshots, objections, and the inputs it freezes. */
@Injectable()
export class RatingRunsRepository {
  constructor(private readonly ds: DataSource) {}

  manager(m?: EntityManager): EntityManager {
    return m ?? this.ds.manager;
  }

  findRun(id: string, m?: EntityManager): Promise<RatingRunEntity | null> {
    return this.manager(m).findOne(RatingRunEntity, {
      where: { id },
      relations: { framework: true },
    });
  }

  /** Locks the run row for the change: concurrent transitions queue here and see the winner's state. */
  async lockRun(m: EntityManager, id: string): Promise<RatingRunEntity | null> {
    const run = await m
      .createQueryBuilder(RatingRunEntity, 'r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
    if (!run) return null;
    run.framework =
      (await m.findOneBy(RatingFrameworkEntity, { id: run.frameworkId })) ?? undefined;
    return run;
  }

  listRuns(statuses: string[] | null): Promise<RatingRunEntity[]> {
    const q = this.ds.manager
      .createQueryBuilder(RatingRunEntity, 'r')
      .leftJoinAndSelect('r.framework', 'f')
      .orderBy('r.year', 'DESC')
      .addOrderBy('r.created_at', 'DESC');
    if (statuses) q.where('r.status IN (:...statuses)', { statuses });
    return q.getMany();
  }

  saveRun(m: EntityManager, run: Partial<RatingRunEntity>): Promise<RatingRunEntity> {
    return m.save(RatingRunEntity, run as RatingRunEntity);
  }

  findFramework(id: string, m?: EntityManager): Promise<RatingFrameworkEntity | null> {
    return this.manager(m).findOneBy(RatingFrameworkEntity, { id });
  }

  async campaignOfYear(
    year: number,
    m?: EntityManager,
  ): Promise<{ id: string; frameworkId: string } | null> {
    const rows: { id: string; framework_id: string }[] = await this.manager(m).query(
      'SELECT id, framework_id FROM rating_campaign WHERE year = $1',
      [year],
    );
    return rows[0] ? { id: rows[0].id, frameworkId: rows[0].framework_id } : null;
  }

  async lockFramework(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.query('UPDATE rating_framework SET locked_at = COALESCE(locked_at, $2) WHERE id = $1', [
      id,
      at,
    ]);
  }

  /** The live published run of a year (not superseded), if any. */
  async publishedOfYear(m: EntityManager, year: number): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM rating_run WHERE year = $1 AND status = 'published' AND superseded_by_run_id IS NULL`,
      [year],
    );
    return rows[0]?.id ?? null;
  }

  /** The communities a reader's scope holds. */
  async communityIdsInScope(reader: Reader): Promise<string[]> {
    const params: unknown[] = [];
    const scope = scopeSql(reader, { community: 'c.id' }, params);
    const rows: { id: string }[] = await this.ds.query(
      `SELECT c.id FROM community c WHERE ${scope}`,
      params,
    );
    return rows.map((r) => r.id);
  }

  // ---- what a freeze reads (the other parts' tables, through SQL) ----

  async communities(m?: EntityManager): Promise<RunCommunityRow[]> {
    return this.manager(m).query(
      `SELECT c.id, c.name, c.name_en AS "nameEn", c.code, c.street_id AS "streetId",
              s.name AS "streetName", s.name_en AS "streetNameEn",
              to_char(c.first_elected_on, 'YYYY-MM-DD') AS "firstElectedOn"
         FROM community c JOIN street s ON s.id = c.street_id
        ORDER BY c.code, c.id`,
    );
  }

  async submittedAssessments(
    campaignId: string,
    m?: EntityManager,
  ): Promise<SubmittedAssessmentRow[]> {
    const rows: (Omit<SubmittedAssessmentRow, 'score'> & { score: string })[] = await this.manager(
      m,
    ).query(
      `SELECT a.id, a.community_id AS "communityId", a.indicator_key AS "indicatorKey",
              a.assessor_kind AS "assessorKind", a.score, a.entered_by_name AS "enteredByName",
              a.submitted_at AS "submittedAt",
              (SELECT count(*)::int FROM rating_assessment_evidence e WHERE e.assessment_id = a.id)
                AS "evidenceCount"
         FROM rating_assessment a
        WHERE a.campaign_id = $1 AND a.status = 'submitted'`,
      [campaignId],
    );
    return rows.map((r) => ({ ...r, score: Number(r.score) }));
  }

  liveDisqualifications(year: number, m?: EntityManager): Promise<DisqualificationRow[]> {
    return this.manager(m).query(
      `SELECT id, community_id AS "communityId", what,
              to_char(occurred_on, 'YYYY-MM-DD') AS "occurredOn", notice_reference AS "noticeReference"
         FROM rating_disqualification WHERE year = $1 AND revoked_at IS NULL ORDER BY community_id`,
      [year],
    );
  }

  previousGrades(year: number, m?: EntityManager): Promise<PreviousGradeRow[]> {
    return this.manager(m).query(
      `SELECT community_id AS "communityId", grade, source FROM rating_grade WHERE year = $1`,
      [year],
    );
  }

  // ---- snapshots ----

  async insertSnapshot(
    m: EntityManager,
    row: Omit<RatingRunSnapshotEntity, 'id' | 'createdAt' | 'run'>,
  ): Promise<void> {
    await m.insert(RatingRunSnapshotEntity, row as never);
  }

  snapshot(
    runId: string,
    version: number,
    m?: EntityManager,
  ): Promise<RatingRunSnapshotEntity | null> {
    return this.manager(m).findOneBy(RatingRunSnapshotEntity, { runId, version });
  }

  async snapshotHeads(runId: string): Promise<SnapshotHead[]> {
    return this.ds.manager
      .createQueryBuilder(RatingRunSnapshotEntity, 's')
      .select(HEAD_COLUMNS)
      .where('s.runId = :runId', { runId })
      .orderBy('s.version', 'ASC')
      .getMany();
  }

  /** The snapshot's missing inputs and result counts, read in the database (no large transfer). */
  async snapshotDigest(
    runId: string,
    version: number,
  ): Promise<{
    missing: unknown[];
    communities: number | null;
    rated: number | null;
    grades: Record<string, number> | null;
  } | null> {
    const rows: {
      missing: unknown[];
      communities: number | null;
      rated: number | null;
      grades: Record<string, number> | null;
    }[] = await this.ds.query(
      `SELECT facts->'missing' AS missing,
              (result->'summary'->>'communities')::int AS communities,
              (result->'summary'->>'rated')::int AS rated,
              result->'summary'->'grades' AS grades
         FROM rating_run_snapshot WHERE run_id = $1 AND version = $2`,
      [runId, version],
    );
    return rows[0] ?? null;
  }

  async writeResult(
    m: EntityManager,
    runId: string,
    version: number,
    r: { result: unknown; resultHash: string; engineVersion: string; computedAt: Date },
  ): Promise<void> {
    await m.query(
      `UPDATE rating_run_snapshot
          SET result = $3::jsonb, result_hash = $4, engine_version = $5, computed_at = $6
        WHERE run_id = $1 AND version = $2`,
      [runId, version, JSON.stringify(r.result), r.resultHash, r.engineVersion, r.computedAt],
    );
  }

  // ---- objections ----

  async objectionCounts(reader: Reader, runId: string): Promise<Record<string, number>> {
    const params: unknown[] = [runId];
    const scope = scopeSql(reader, { community: 'o.community_id' }, params);
    const rows: { status: string; n: number }[] = await this.ds.query(
      `SELECT o.status, count(*)::int AS n FROM rating_objection o
        WHERE o.run_id = $1 AND ${scope} GROUP BY o.status`,
      params,
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  async openObjections(m: EntityManager, runId: string): Promise<number> {
    const rows: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM rating_objection WHERE run_id = $1 AND status = 'open'`,
      [runId],
    );
    return rows[0]!.n;
  }

  async objections(
    reader: Reader,
    runId: string,
  ): Promise<(RatingObjectionEntity & { communityName: string; communityNameEn: string })[]> {
    const params: unknown[] = [runId];
    const scope = scopeSql(reader, { community: 'o.community_id' }, params);
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT o.id, o.run_id AS "runId", o.community_id AS "communityId",
              c.name AS "communityName", c.name_en AS "communityNameEn",
              o.snapshot_version AS "snapshotVersion", o.indicator_key AS "indicatorKey", o.body,
              o.filed_by_id AS "filedById", o.filed_by_name AS "filedByName", o.filed_at AS "filedAt",
              o.status, o.answer, o.answered_by_id AS "answeredById",
              o.answered_by_name AS "answeredByName", o.answered_at AS "answeredAt",
              o.resulting_snapshot_version AS "resultingSnapshotVersion", o.version
         FROM rating_objection o JOIN community c ON c.id = o.community_id
        WHERE o.run_id = $1 AND ${scope}
        ORDER BY o.filed_at, o.id`,
      params,
    );
    return rows as never;
  }

  insertObjection(
    m: EntityManager,
    row: Partial<RatingObjectionEntity>,
  ): Promise<RatingObjectionEntity> {
    return m.save(RatingObjectionEntity, row as RatingObjectionEntity);
  }

  lockObjection(m: EntityManager, id: string): Promise<RatingObjectionEntity | null> {
    return m
      .createQueryBuilder(RatingObjectionEntity, 'o')
      .setLock('pessimistic_write')
      .where('o.id = :id', { id })
      .getOne();
  }

  saveObjection(m: EntityManager, o: RatingObjectionEntity): Promise<RatingObjectionEntity> {
    return m.save(RatingObjectionEntity, o);
  }

  async community(id: string, m?: EntityManager): Promise<{ id: string; streetId: string } | null> {
    const rows: { id: string; streetId: string }[] = await this.manager(m).query(
      'SELECT id, street_id AS "streetId" FROM community WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  // ---- publishing ----

  async upsertGrades(
    m: EntityManager,
    year: number,
    runId: string,
    grades: GradeUpsert[],
  ): Promise<void> {
    const CHUNK = 1000;
    for (let i = 0; i < grades.length; i += CHUNK) {
      const part = grades.slice(i, i + CHUNK);
      await m.query(
        `INSERT INTO rating_grade (year, community_id, grade, status, total, rank, rated_count,
                                   notice, recommended, source, run_id)
         SELECT $1, g."communityId", g.grade, g.status, g.total, g.rank, g."ratedCount",
                g.notice, g.recommended, 'run', $2
           FROM jsonb_to_recordset($3::jsonb) AS g("communityId" uuid, grade text, status text,
                total numeric, rank int, "ratedCount" int, notice boolean, recommended boolean)
         ON CONFLICT (year, community_id) DO UPDATE
           SET grade = EXCLUDED.grade, status = EXCLUDED.status, total = EXCLUDED.total,
               rank = EXCLUDED.rank, rated_count = EXCLUDED.rated_count, notice = EXCLUDED.notice,
               recommended = EXCLUDED.recommended, source = 'run', run_id = EXCLUDED.run_id,
               imported_by_id = NULL, imported_by_name = NULL, updated_at = now()`,
        [year, runId, JSON.stringify(part)],
      );
    }
  }

  /** Ids of the district staff (bureau and monitor) who are told of a publication. */
  async districtStaffIds(m: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM staff_account WHERE active AND role IN ('bureau_admin','monitor')`,
    );
    return rows.map((r) => r.id);
  }
}
