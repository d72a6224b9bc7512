import type { RatingGradeMovement, RatingGradeRow, RatingGradeValue } from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Reader, scopeSql } from '../../auth/scope';
import { toCamel } from '../../council/rows';
import type { Tx } from '../../database/tx';

export interface GradeFilter {
  year?: number;
  streetId?: string;
  communityId?: string;
}

export interface CommunityRef {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  streetId: string;
  streetName: string;
  streetNameEn: string;
}

export interface ImportedGrade {
  year: number;
  communityId: string;
  grade: RatingGradeValue;
  total: number | null;
  rank: number | null;
  notice: boolean;
}

export interface ImportContext {
  communities: { id: string; code: string; name: string }[];
  /** Years with a published (current) run: their grades are the run's. */
  publishedYears: Set<number>;
  /** `year:communityId` → the grade already there. */
  existing: Map<
    string,
    {
      grade: RatingGradeValue;
      total: number | null;
      rank: number | null;
      notice: boolean;
      source: 'run' | 'import';
    }
  >;
}

/** What a published run stored for one community, for its residents' scorecard summary. */
export interface PublishedScorecard {
  contentHash: string;
  community: {
    total?: number;
    maxTotal?: number;
    movement?: RatingGradeMovement | null;
    sections?: { key: string; points: number; maxPoints: number }[];
  } | null;
  sections: { key: string; name: { zh: string; en: string } }[];
}

const LEVEL = `CASE g.grade WHEN 'AAA' THEN 3 WHEN 'AA' THEN 2 WHEN 'A' THEN 1 ELSE 0 END`;
const PREV_LEVEL = `CASE p.grade WHEN 'AAA' THEN 3 WHEN 'AA' THEN 2 WHEN 'A' THEN 1 ELSE 0 END`;

// Movement against the year before, as the engine defines it: `new` when not listed the year
// before and graded now; null when neither.
const GRADE_COLUMNS = `g.id, g.year, g.community_id, c.name AS community_name,
  c.name_en AS community_name_en, c.code AS community_code, s.id AS street_id,
  s.name AS street_name, s.name_en AS street_name_en, g.grade, g.status,
  g.total::float8 AS total, g.rank, g.rated_count, g.notice, g.recommended, g.source, g.run_id,
  CASE WHEN p.id IS NULL THEN (CASE WHEN g.grade <> 'none' THEN 'new' END)
       WHEN ${LEVEL} > ${PREV_LEVEL} THEN 'upgrade'
       WHEN ${LEVEL} < ${PREV_LEVEL} THEN 'downgrade'
       ELSE 'keep' END AS movement`;
const GRADE_FROM = `rating_grade g
  JOIN community c ON c.id = g.community_id
  JOIN street s ON s.id = c.street_id
  LEFT JOIN rating_grade p ON p.community_id = g.community_id AND p.year = g.year - 1`;

/** Published grades (from runs and imports) and what a published run stored. */
@Injectable()
export class RatingHistoryRepository {
  constructor(private readonly ds: DataSource) {}

  /** Grades in the reader's scope, by year (newest first), then street and community code. */
  async listGrades(reader: Reader, f: GradeFilter): Promise<RatingGradeRow[]> {
    const params: unknown[] = [];
    const where = [scopeSql(reader, { community: 'g.community_id' }, params)];
    if (f.year !== undefined) where.push(`g.year = $${params.push(f.year)}`);
    if (f.streetId) where.push(`c.street_id = $${params.push(f.streetId)}`);
    if (f.communityId) where.push(`g.community_id = $${params.push(f.communityId)}`);
    const rows = (await this.ds.query(
      `SELECT ${GRADE_COLUMNS} FROM ${GRADE_FROM}
        WHERE ${where.join(' AND ')}
        ORDER BY g.year DESC, s.code, c.code`,
      params,
    )) as Record<string, unknown>[];
    return rows.map((r) => toCamel<RatingGradeRow>(r));
  }

  /** The community when it is in the reader's scope. */
  async community(reader: Reader, id: string): Promise<CommunityRef | null> {
    const params: unknown[] = [id];
    const rows = (await this.ds.query(
      `SELECT c.id, c.code, c.name, c.name_en, s.id AS street_id, s.name AS street_name,
              s.name_en AS street_name_en
         FROM community c JOIN street s ON s.id = c.street_id
        WHERE c.id = $1 AND ${scopeSql(reader, { community: 'c.id' }, params)}`,
      params,
    )) as Record<string, unknown>[];
    return rows[0] ? toCamel<CommunityRef>(rows[0]) : null;
  }

  async streetExists(id: string): Promise<boolean> {
    const rows = (await this.ds.query(`SELECT 1 FROM street WHERE id = $1`, [id])) as unknown[];
    return rows.length > 0;
  }

  async importContext(tx: Tx, years: number[]): Promise<ImportContext> {
    const communities = (await tx.query(
      `SELECT id, code, name FROM community ORDER BY code`,
    )) as ImportContext['communities'];
    const published = (await tx.query(
      `SELECT DISTINCT year FROM rating_run WHERE status = 'published' AND year = ANY($1::int[])`,
      [years],
    )) as { year: number }[];
    const existing = (await tx.query(
      `SELECT year, community_id, grade, total::float8 AS total, rank, notice, source
         FROM rating_grade WHERE year = ANY($1::int[])`,
      [years],
    )) as Record<string, unknown>[];
    return {
      communities,
      publishedYears: new Set(published.map((p) => p.year)),
      existing: new Map(
        existing.map((raw) => {
          const e = toCamel<{
            year: number;
            communityId: string;
            grade: RatingGradeValue;
            total: number | null;
            rank: number | null;
            notice: boolean;
            source: 'run' | 'import';
          }>(raw);
          return [`${e.year}:${e.communityId}`, e];
        }),
      ),
    };
  }

  /** Writes imported grades; a grade from a run is never touched (the WHERE of the upsert). */
  async upsertImported(
    tx: Tx,
    rows: ImportedGrade[],
    by: { id: string | null; name: string },
  ): Promise<void> {
    const chunk = 1000;
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      await tx.query(
        `INSERT INTO rating_grade (year, community_id, grade, total, rank, notice, recommended,
                                   source, imported_by_id, imported_by_name)
         SELECT x.year, x.community_id, x.grade, x.total, x.rank, x.notice,
                x.grade IN ('AAA','AA'), 'import', $2, $3
           FROM jsonb_to_recordset($1::jsonb) AS x(year int, community_id uuid, grade varchar,
                total numeric, rank int, notice boolean)
         ON CONFLICT (year, community_id) DO UPDATE
            SET grade = EXCLUDED.grade, total = EXCLUDED.total, rank = EXCLUDED.rank,
                notice = EXCLUDED.notice, recommended = EXCLUDED.recommended,
                imported_by_id = EXCLUDED.imported_by_id,
                imported_by_name = EXCLUDED.imported_by_name, updated_at = now()
          WHERE rating_grade.source = 'import'`,
        [
          JSON.stringify(
            part.map((r) => ({
              year: r.year,
              community_id: r.communityId,
              grade: r.grade,
              total: r.total,
              rank: r.rank,
              notice: r.notice,
            })),
          ),
          by.id,
          by.name,
        ],
      );
    }
  }

  /** An imported rank is "of N": N is how many of that year's imported grades carry a rank. */
  async recountRanked(tx: Tx, years: number[]): Promise<void> {
    if (years.length === 0) return;
    await tx.query(
      `UPDATE rating_grade g
          SET rated_count = CASE WHEN g.rank IS NULL THEN NULL ELSE n.ranked END
         FROM (SELECT year, count(*) FILTER (WHERE rank IS NOT NULL)::int AS ranked
                 FROM rating_grade WHERE source = 'import' AND year = ANY($1::int[])
                GROUP BY year) n
        WHERE g.year = n.year AND g.source = 'import'`,
      [years],
    );
  }

  /** The stored result of a published run for one community, with the framework's section names. */
  async publishedScorecard(runId: string, communityId: string): Promise<PublishedScorecard | null> {
    const rows = (await this.ds.query(
      `SELECT s.content_hash,
              jsonb_path_query_first(s.result, '$.communities[*] ? (@.id == $id)',
                                     jsonb_build_object('id', $2::text)) AS community,
              (SELECT COALESCE(jsonb_agg(jsonb_build_object('key', x->'key', 'name', x->'name')
                                         ORDER BY o), '[]'::jsonb)
                 FROM jsonb_array_elements(s.input->'framework'->'sections') WITH ORDINALITY AS t(x, o)
              ) AS sections
         FROM rating_run r
         JOIN rating_run_snapshot s ON s.run_id = r.id AND s.version = r.snapshot_version
        WHERE r.id = $1 AND r.status = 'published' AND s.result IS NOT NULL`,
      [runId, communityId],
    )) as Record<string, unknown>[];
    return rows[0] ? toCamel<PublishedScorecard>(rows[0]) : null;
  }
}
