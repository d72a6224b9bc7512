import type { RatingCommunityRun, RatingRunSummary, RatingSnapshotFacts } from '@baitong/contracts';
import type { CommunityResult, RatingInput, RatingResult } from '@baitong/rating-engine';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Reader, scopeSql } from '../../auth/scope';

/** A run with its current snapshot, as every read of this part starts from. */
export interface LoadedRun {
  summary: RatingRunSummary;
  snapshotId: string | null;
  contentHash: string | null;
  resultHash: string | null;
  engineVersion: string | null;
  hasResult: boolean;
}

export interface PreviousYearRun {
  runId: string;
  rated: number;
  community: CommunityResult | null;
}

export interface ImportedGrade {
  grade: 'AAA' | 'AA' | 'A' | 'none';
  status: string | null;
  total: number | null;
  rank: number | null;
  ratedCount: number | null;
  source: 'run' | 'import';
  runId: string | null;
}

const iso = (d: Date | string | null): string | null =>
  d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString();

/**
 * Reads `rating_run`, its current `rating_run_snapshot` (version = `rating_run.snapshot_version`)
 * and `rating_grade`. Results are read in parts through jsonb paths where one community is enough,
 * so a scorecard of a 5,000-community run does not load the whole result.
 */
@Injectable()
export class RatingResultsRepository {
  constructor(private readonly ds: DataSource) {}

  async loadRun(runId: string): Promise<LoadedRun | null> {
    const rows = (await this.ds.query(
      `SELECT r.id, r.year, r.status, r.framework_id, f.name_zh, f.name_en, f.version AS framework_version,
              f.sample, r.rating_date::text AS rating_date, r.policy, r.objection_window_days,
              r.review_opened_at, r.review_closes_at, r.snapshot_version, r.supersedes_run_id,
              r.superseded_by_run_id, r.note, r.created_by_name, r.created_at, r.frozen_at,
              r.computed_at, r.published_at, r.cancelled_at, r.cancel_reason, r.version,
              s.id AS snapshot_id, s.content_hash, s.result_hash, s.engine_version,
              (s.result IS NOT NULL) AS has_result,
              s.result #> '{summary,communities}' AS n_communities,
              s.result #> '{summary,rated}' AS n_rated,
              s.result #> '{summary,grades}' AS n_grades
         FROM rating_run r
         JOIN rating_framework f ON f.id = r.framework_id
         LEFT JOIN rating_run_snapshot s ON s.run_id = r.id AND s.version = r.snapshot_version
        WHERE r.id = $1`,
      [runId],
    )) as Array<Record<string, unknown>>;
    const r = rows[0];
    if (r === undefined) return null;
    const summary: RatingRunSummary = {
      id: r.id as string,
      year: r.year as number,
      status: r.status as RatingRunSummary['status'],
      frameworkId: r.framework_id as string,
      frameworkName: { zh: r.name_zh as string, en: r.name_en as string },
      frameworkVersion: r.framework_version as string,
      frameworkSample: r.sample as boolean,
      ratingDate: r.rating_date as string,
      policy: r.policy as Record<string, unknown>,
      objectionWindowDays: r.objection_window_days as number,
      reviewOpenedAt: iso(r.review_opened_at as Date | null),
      reviewClosesAt: iso(r.review_closes_at as Date | null),
      snapshotVersion: r.snapshot_version as number | null,
      contentHash: (r.content_hash as string | null) ?? null,
      supersedesRunId: r.supersedes_run_id as string | null,
      supersededByRunId: r.superseded_by_run_id as string | null,
      note: r.note as string,
      createdByName: r.created_by_name as string,
      createdAt: iso(r.created_at as Date)!,
      frozenAt: iso(r.frozen_at as Date | null),
      computedAt: iso(r.computed_at as Date | null),
      publishedAt: iso(r.published_at as Date | null),
      cancelledAt: iso(r.cancelled_at as Date | null),
      cancelReason: r.cancel_reason as string | null,
      counts:
        r.has_result === true
          ? {
              communities: r.n_communities as number,
              rated: r.n_rated as number,
              grades: r.n_grades as Record<'AAA' | 'AA' | 'A' | 'none', number>,
            }
          : null,
      version: r.version as number,
    };
    return {
      summary,
      snapshotId: (r.snapshot_id as string | null) ?? null,
      contentHash: (r.content_hash as string | null) ?? null,
      resultHash: (r.result_hash as string | null) ?? null,
      engineVersion: (r.engine_version as string | null) ?? null,
      hasResult: r.has_result === true,
    };
  }

  /** The whole result and facts (results table, exports). */
  async fullResult(
    snapshotId: string,
  ): Promise<{ result: RatingResult; facts: RatingSnapshotFacts; input: RatingInput }> {
    const [row] = (await this.ds.query(
      `SELECT result, facts, input FROM rating_run_snapshot WHERE id = $1`,
      [snapshotId],
    )) as Array<{ result: RatingResult; facts: RatingSnapshotFacts; input: RatingInput }>;
    return row!;
  }

  /**
   * What the results table needs, projected in PostgreSQL: each community's head and section
   * subtotals without its indicators (a 5,000-community result is ~170 MB of JSON; its table ~5 MB).
   */
  async resultRows(
    snapshotId: string,
  ): Promise<{ result: RatingResult; facts: RatingSnapshotFacts; input: RatingInput }> {
    const [row] = (await this.ds.query(
      `SELECT jsonb_build_object(
                'summary', s.result -> 'summary',
                'warnings', s.result -> 'warnings',
                'communities', COALESCE((
                  SELECT jsonb_agg(
                           (x.c - 'sections' - 'missing' - 'tieBreakers') || jsonb_build_object('sections',
                             (SELECT jsonb_agg(jsonb_build_object('key', sec -> 'key', 'points', sec -> 'points',
                                                                  'maxPoints', sec -> 'maxPoints') ORDER BY so)
                                FROM jsonb_array_elements(x.c -> 'sections') WITH ORDINALITY AS y(sec, so)))
                           ORDER BY x.ord)
                    FROM jsonb_array_elements(s.result -> 'communities') WITH ORDINALITY AS x(c, ord)), '[]'::jsonb)
              ) AS result,
              jsonb_build_object('communities', s.facts -> 'communities', 'period', s.facts -> 'period') AS facts,
              jsonb_build_object('framework', s.input -> 'framework') AS input
         FROM rating_run_snapshot s WHERE s.id = $1`,
      [snapshotId],
    )) as Array<{ result: RatingResult; facts: RatingSnapshotFacts; input: RatingInput }>;
    return row!;
  }

  /** The frozen input only (what-if). */
  async input(snapshotId: string): Promise<RatingInput> {
    const [row] = (await this.ds.query(`SELECT input FROM rating_run_snapshot WHERE id = $1`, [
      snapshotId,
    ])) as Array<{ input: RatingInput }>;
    return row!.input;
  }

  /** One community's result, its frozen facts, the framework and the run's summary and period. */
  async oneCommunity(
    snapshotId: string,
    communityId: string,
  ): Promise<{
    community: CommunityResult | null;
    facts: RatingSnapshotFacts['communities'][string] | null;
    period: RatingSnapshotFacts['period'];
    framework: RatingInput['framework'];
    summary: RatingResult['summary'];
  }> {
    const [row] = (await this.ds.query(
      `SELECT jsonb_path_query_first(result, '$.communities[*] ? (@.id == $id)', jsonb_build_object('id', $2::text)) AS community,
              facts -> 'communities' -> $2::text AS facts,
              facts -> 'period' AS period,
              input -> 'framework' AS framework,
              result -> 'summary' AS summary
         FROM rating_run_snapshot WHERE id = $1`,
      [snapshotId, communityId],
    )) as Array<{
      community: CommunityResult | null;
      facts: RatingSnapshotFacts['communities'][string] | null;
      period: RatingSnapshotFacts['period'];
      framework: RatingInput['framework'];
      summary: RatingResult['summary'];
    }>;
    return row!;
  }

  /** Of `ids`, those the reader's scope reaches (community rows, scope.ts). */
  async inScope(reader: Reader, ids: string[]): Promise<Set<string>> {
    const params: unknown[] = [ids];
    const rows = (await this.ds.query(
      `SELECT c.id FROM community c WHERE c.id = ANY($1::uuid[]) AND ${scopeSql(reader, { community: 'c.id' }, params)}`,
      params,
    )) as Array<{ id: string }>;
    return new Set(rows.map((r) => r.id));
  }

  /** The latest published run of `year` (superseded or not, the newest publication wins). */
  async previousYearRun(year: number, communityId: string): Promise<PreviousYearRun | null> {
    const [row] = (await this.ds.query(
      `SELECT r.id,
              (s.result #>> '{summary,rated}')::int AS rated,
              jsonb_path_query_first(s.result, '$.communities[*] ? (@.id == $id)', jsonb_build_object('id', $2::text)) AS community
         FROM rating_run r
         JOIN rating_run_snapshot s ON s.run_id = r.id AND s.version = r.snapshot_version
        WHERE r.year = $1 AND r.status = 'published' AND s.result IS NOT NULL
        ORDER BY r.published_at DESC NULLS LAST, r.created_at DESC
        LIMIT 1`,
      [year, communityId],
    )) as Array<{ id: string; rated: number; community: CommunityResult | null }>;
    return row === undefined ? null : { runId: row.id, rated: row.rated, community: row.community };
  }

  /** The runs with a result that hold the community, newest year first, with its standing. */
  async communityRuns(communityId: string, statuses: string[]): Promise<RatingCommunityRun[]> {
    const rows = (await this.ds.query(
      `SELECT r.id AS run_id, r.year, r.status, s.content_hash,
              (s.result #>> '{summary,rated}')::int AS rated, c.community
         FROM rating_run r
         JOIN rating_run_snapshot s ON s.run_id = r.id AND s.version = r.snapshot_version
         CROSS JOIN LATERAL (SELECT jsonb_path_query_first(s.result, '$.communities[*] ? (@.id == $id)',
                                   jsonb_build_object('id', $1::text)) AS community) c
        WHERE s.result IS NOT NULL AND r.status = ANY($2::text[]) AND c.community IS NOT NULL
        ORDER BY r.year DESC, r.created_at DESC`,
      [communityId, statuses],
    )) as Array<{
      run_id: string;
      year: number;
      status: string;
      content_hash: string;
      rated: number;
      community: CommunityResult;
    }>;
    return rows.map((r) => ({
      runId: r.run_id,
      year: r.year,
      status: r.status,
      contentHash: r.content_hash,
      total: r.community.total,
      rank: r.community.rank,
      rated: r.rated,
      grade: r.community.grade,
      communityStatus: r.community.status,
    }));
  }

  async grade(year: number, communityId: string): Promise<ImportedGrade | null> {
    const [row] = (await this.ds.query(
      `SELECT grade, status, total::float8 AS total, rank, rated_count, source, run_id
         FROM rating_grade WHERE year = $1 AND community_id = $2`,
      [year, communityId],
    )) as Array<Record<string, unknown>>;
    if (row === undefined) return null;
    return {
      grade: row.grade as ImportedGrade['grade'],
      status: row.status as string | null,
      total: row.total as number | null,
      rank: row.rank as number | null,
      ratedCount: row.rated_count as number | null,
      source: row.source as 'run' | 'import',
      runId: row.run_id as string | null,
    };
  }
}
