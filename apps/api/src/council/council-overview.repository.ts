import type { ProposalStatus } from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Reader, scopeSql } from '../auth/scope';
import { binder, toCamel } from './rows';

/** A community of the overview with the figures that add up across communities. */
export interface OverviewCountsRow {
  communityId: string;
  communityName: string;
  communityNameEn: string;
  streetId: string;
  streetName: string;
  streetNameEn: string;
  registeredResidents: number;
  newProposals: number;
  supports: number;
  meetingsHeld: number;
  adopted: number;
  notAdopted: number;
  implementationStarted: number;
  completed: number;
  evaluated: number;
  /** The sum and number of the evaluated proposals' shares satisfied, for means at any level. */
  satisfiedShareSum: number;
  satisfiedShareCount: number;
}

/**
 * A figure that does not add up (distinct residents, a median), for one community, one street or
 * all rows: `communityId` and `streetId` are null above their level.
 */
export interface OverviewLevelRow {
  streetId: string | null;
  communityId: string | null;
  value: number | null;
}

export interface OverviewStatusRow {
  communityId: string;
  status: ProposalStatus;
  n: number;
}

export interface OverviewPeriod {
  from: Date;
  to: Date;
  streetId: string | null;
}

/** The communities in the reader's scope (and the street asked for), as a CTE named `scoped`. */
function scopedCte(reader: Reader, streetId: string | null, params: unknown[]): string {
  const scope = scopeSql(reader, { community: 'c.id' }, params);
  const $ = binder(params);
  return `scoped AS (
    SELECT c.id, c.street_id, c.name, c.name_en, c.registered_residents,
           s.name AS street_name, s.name_en AS street_name_en
      FROM community c JOIN street s ON s.id = c.street_id
     WHERE ${scope} AND (${$(streetId)}::uuid IS NULL OR c.street_id = ${$(streetId)}::uuid))`;
}

/**
 * Council activity of every community in scope in a fixed number of queries, whatever the number
 * of communities: the additive counts per community, the states, and the figures that do not add
 * up computed at each level at once (GROUPING SETS), so a total is never a mean of means.
 */
@Injectable()
export class CouncilOverviewRepository {
  constructor(private readonly ds: DataSource) {}

  async streetInScope(reader: Reader, id: string): Promise<boolean> {
    const params: unknown[] = [id];
    const scope = scopeSql(reader, { community: 'c.id' }, params);
    const rows: unknown[] = await this.ds.query(
      `SELECT 1 FROM community c WHERE c.street_id = $1 AND ${scope} LIMIT 1`,
      params,
    );
    return rows.length > 0;
  }

  async counts(reader: Reader, q: OverviewPeriod): Promise<OverviewCountsRow[]> {
    const params: unknown[] = [];
    const cte = scopedCte(reader, q.streetId, params);
    const $ = binder(params);
    const from = $(q.from);
    const to = $(q.to);
    const within = (col: string) => `${col} >= ${from} AND ${col} < ${to}`;
    const evaluatedAt = `(pi.evaluation->>'evaluatedAt')::timestamptz`;
    const rows: Record<string, unknown>[] = await this.ds.query(
      `WITH ${cte}
       SELECT sc.id AS community_id, sc.name AS community_name, sc.name_en AS community_name_en,
              sc.street_id, sc.street_name, sc.street_name_en, sc.registered_residents,
              (SELECT count(*) FROM proposal p
                WHERE p.community_id = sc.id AND ${within('p.submitted_at')})::int AS new_proposals,
              (SELECT count(*) FROM participation pa
                WHERE pa.community_id = sc.id AND pa.act = 'support' AND ${within('pa.at')})::int
                AS supports,
              (SELECT count(*) FROM meeting m
                WHERE m.community_id = sc.id AND m.status = 'closed' AND ${within('m.starts_at')})::int
                AS meetings_held,
              (SELECT count(*) FILTER (WHERE ai.decision = 'adopted') FROM meeting_agenda_item ai
                WHERE ai.community_id = sc.id AND ${within('ai.decided_at')})::int AS adopted,
              (SELECT count(*) FILTER (WHERE ai.decision = 'not_adopted') FROM meeting_agenda_item ai
                WHERE ai.community_id = sc.id AND ${within('ai.decided_at')})::int AS not_adopted,
              (SELECT count(*) FROM proposal_implementation pi
                WHERE pi.community_id = sc.id AND ${within('pi.started_at')})::int
                AS implementation_started,
              (SELECT count(*) FROM proposal_implementation pi
                WHERE pi.community_id = sc.id AND ${within('pi.completed_at')})::int AS completed,
              ev.evaluated, ev.satisfied_share_sum, ev.satisfied_share_count
         FROM scoped sc
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS evaluated,
                  COALESCE(sum((pi.evaluation->>'satisfiedShare')::float8), 0)::float8
                    AS satisfied_share_sum,
                  count(pi.evaluation->>'satisfiedShare')::int AS satisfied_share_count
             FROM proposal_implementation pi
            WHERE pi.community_id = sc.id AND pi.evaluation IS NOT NULL
              AND ${within(evaluatedAt)}) ev
        ORDER BY sc.street_name, sc.street_id, sc.name, sc.id`,
      params,
    );
    return rows.map((r) => toCamel<OverviewCountsRow>(r));
  }

  /** Proposals per state now, drafts aside (they are their author's alone). */
  async statuses(reader: Reader, streetId: string | null): Promise<OverviewStatusRow[]> {
    const params: unknown[] = [];
    const cte = scopedCte(reader, streetId, params);
    const rows: Record<string, unknown>[] = await this.ds.query(
      `WITH ${cte}
       SELECT p.community_id, p.status, count(*)::int AS n
         FROM proposal p JOIN scoped sc ON sc.id = p.community_id
        WHERE p.status <> 'draft'
        GROUP BY p.community_id, p.status`,
      params,
    );
    return rows.map((r) => toCamel<OverviewStatusRow>(r));
  }

  /** Distinct residents who took part in the period, per community, per street and over all. */
  async participants(reader: Reader, q: OverviewPeriod): Promise<OverviewLevelRow[]> {
    const params: unknown[] = [];
    const cte = scopedCte(reader, q.streetId, params);
    const $ = binder(params);
    const rows: Record<string, unknown>[] = await this.ds.query(
      `WITH ${cte}
       SELECT sc.street_id, sc.id AS community_id, count(DISTINCT pa.resident_id)::int AS value
         FROM participation pa JOIN scoped sc ON sc.id = pa.community_id
        WHERE pa.at >= ${$(q.from)} AND pa.at < ${$(q.to)}
        GROUP BY GROUPING SETS ((sc.street_id, sc.id), (sc.street_id), ())`,
      params,
    );
    return rows.map((r) => toCamel<OverviewLevelRow>(r));
  }

  /**
   * The median days from submission to the decision, over proposals decided in the period (a
   * proposal decided twice counts by its first decision), per community, per street and over all.
   */
  async medianDaysToDecision(reader: Reader, q: OverviewPeriod): Promise<OverviewLevelRow[]> {
    const params: unknown[] = [];
    const cte = scopedCte(reader, q.streetId, params);
    const $ = binder(params);
    const rows: Record<string, unknown>[] = await this.ds.query(
      `WITH ${cte},
       decided AS (
         SELECT ai.proposal_id, min(ai.decided_at) AS decided_at
           FROM meeting_agenda_item ai JOIN scoped sc ON sc.id = ai.community_id
          WHERE ai.decided_at IS NOT NULL
          GROUP BY ai.proposal_id)
       SELECT sc.street_id, sc.id AS community_id,
              percentile_cont(0.5) WITHIN GROUP (
                ORDER BY extract(epoch FROM d.decided_at - p.submitted_at) / 86400) AS value
         FROM decided d
         JOIN proposal p ON p.id = d.proposal_id
         JOIN scoped sc ON sc.id = p.community_id
        WHERE p.submitted_at IS NOT NULL
          AND d.decided_at >= ${$(q.from)} AND d.decided_at < ${$(q.to)}
        GROUP BY GROUPING SETS ((sc.street_id, sc.id), (sc.street_id), ())`,
      params,
    );
    return rows.map((r) => toCamel<OverviewLevelRow>(r));
  }
}
