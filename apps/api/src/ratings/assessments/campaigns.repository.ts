import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Reader } from '../../auth/scope';
import { scopeSql } from '../../auth/scope';
import { toCamel } from '../../council/rows';
import { RatingCampaignEntity, type RatingFrameworkEntity } from '../rating.entities';

export interface CampaignRow extends RatingCampaignEntity {
  frameworkKey: string;
  frameworkVersion: string;
  frameworkNameZh: string;
  frameworkNameEn: string;
}

export interface PlanRow {
  inspectorStreetId: string;
  inspectorStreetName: string;
  inspectorStreetNameEn: string;
  communityId: string;
  communityName: string;
  communityNameEn: string;
  communityStreetId: string;
}

export interface CommunityRow {
  id: string;
  name: string;
  nameEn: string;
  streetId: string;
  streetName: string;
  streetNameEn: string;
}

export interface CellCount {
  communityId: string;
  assessorKind: string;
  drafts: number;
  submitted: number;
}

const CAMPAIGN_SELECT = `
  SELECT c.id, c.year, c.framework_id, c.status,
         to_char(c.opens_on, 'YYYY-MM-DD') AS opens_on, to_char(c.closes_on, 'YYYY-MM-DD') AS closes_on,
         c.created_by_id, c.created_by_name, c.version, c.created_at, c.updated_at,
         f.framework_key, f.version AS framework_version, f.name_zh AS framework_name_zh,
         f.name_en AS framework_name_en
    FROM rating_campaign c JOIN rating_framework f ON f.id = c.framework_id`;

/** The assessment campaign of a year: its assignments and cross-inspection plan. */
@Injectable()
export class RatingCampaignsRepository {
  constructor(private readonly ds: DataSource) {}

  private q(m?: EntityManager) {
    return m ?? this.ds.manager;
  }

  async list(): Promise<CampaignRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `${CAMPAIGN_SELECT} ORDER BY c.year DESC`,
    );
    return rows.map((r) => toCamel<CampaignRow>(r));
  }

  async find(id: string, m?: EntityManager, lock = false): Promise<CampaignRow | null> {
    const rows: Record<string, unknown>[] = await this.q(m).query(
      `${CAMPAIGN_SELECT} WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`,
      [id],
    );
    return rows[0] ? toCamel<CampaignRow>(rows[0]) : null;
  }

  async yearTaken(m: EntityManager, year: number): Promise<boolean> {
    const rows: unknown[] = await m.query('SELECT 1 FROM rating_campaign WHERE year = $1', [year]);
    return rows.length > 0;
  }

  async framework(id: string, m?: EntityManager): Promise<RatingFrameworkEntity | null> {
    const rows: Record<string, unknown>[] = await this.q(m).query(
      'SELECT * FROM rating_framework WHERE id = $1',
      [id],
    );
    return rows[0] ? toCamel<RatingFrameworkEntity>(rows[0]) : null;
  }

  async insert(m: EntityManager, row: Partial<RatingCampaignEntity>): Promise<string> {
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(RatingCampaignEntity)
      .values(row)
      .returning('id')
      .execute();
    return (res.identifiers[0] as { id: string }).id;
  }

  async touch(m: EntityManager, id: string): Promise<void> {
    await m.query(
      'UPDATE rating_campaign SET version = version + 1, updated_at = now() WHERE id = $1',
      [id],
    );
  }

  async assignments(
    campaignId: string,
    m?: EntityManager,
  ): Promise<{ assessorKind: string; indicatorKey: string }[]> {
    const rows: Record<string, unknown>[] = await this.q(m).query(
      `SELECT assessor_kind, indicator_key FROM rating_campaign_assignment
        WHERE campaign_id = $1 ORDER BY assessor_kind, indicator_key`,
      [campaignId],
    );
    return rows.map((r) => toCamel(r));
  }

  async replaceAssignments(
    m: EntityManager,
    campaignId: string,
    rows: { assessorKind: string; indicatorKey: string }[],
  ): Promise<void> {
    await m.query('DELETE FROM rating_campaign_assignment WHERE campaign_id = $1', [campaignId]);
    if (rows.length === 0) return;
    await m.query(
      `INSERT INTO rating_campaign_assignment (campaign_id, assessor_kind, indicator_key)
       SELECT $1, k, i FROM unnest($2::varchar[], $3::varchar[]) AS t(k, i)`,
      [campaignId, rows.map((r) => r.assessorKind), rows.map((r) => r.indicatorKey)],
    );
  }

  async plan(campaignId: string, m?: EntityManager): Promise<PlanRow[]> {
    const rows: Record<string, unknown>[] = await this.q(m).query(
      `SELECT x.inspector_street_id, s.name AS inspector_street_name,
              s.name_en AS inspector_street_name_en, x.community_id, c.name AS community_name,
              c.name_en AS community_name_en, c.street_id AS community_street_id
         FROM rating_cross_inspection x
         JOIN street s ON s.id = x.inspector_street_id
         JOIN community c ON c.id = x.community_id
        WHERE x.campaign_id = $1 ORDER BY s.name, s.id, c.name, c.id`,
      [campaignId],
    );
    return rows.map((r) => toCamel<PlanRow>(r));
  }

  async replacePlan(
    m: EntityManager,
    campaignId: string,
    rows: { inspectorStreetId: string; communityId: string }[],
  ): Promise<void> {
    await m.query('DELETE FROM rating_cross_inspection WHERE campaign_id = $1', [campaignId]);
    if (rows.length === 0) return;
    await m.query(
      `INSERT INTO rating_cross_inspection (campaign_id, inspector_street_id, community_id)
       SELECT $1, s, c FROM unnest($2::uuid[], $3::uuid[]) AS t(s, c)`,
      [campaignId, rows.map((r) => r.inspectorStreetId), rows.map((r) => r.communityId)],
    );
  }

  /** The street that inspects a community in the plan, if any. */
  async inspectorOf(campaignId: string, communityId: string, m?: EntityManager) {
    const rows: { inspector_street_id: string }[] = await this.q(m).query(
      `SELECT inspector_street_id FROM rating_cross_inspection
        WHERE campaign_id = $1 AND community_id = $2`,
      [campaignId, communityId],
    );
    return rows[0]?.inspector_street_id ?? null;
  }

  async streetsExisting(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.ds.query(
      'SELECT id FROM street WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async communitiesByIds(ids: string[]): Promise<Map<string, CommunityRow>> {
    if (ids.length === 0) return new Map();
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT c.id, c.name, c.name_en, c.street_id, s.name AS street_name, s.name_en AS street_name_en
         FROM community c JOIN street s ON s.id = c.street_id WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => toCamel<CommunityRow>(r)).map((c) => [c.id, c]));
  }

  /** Every community, with its street, in a stable order (street, then community). */
  async allCommunities(): Promise<CommunityRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT c.id, c.name, c.name_en, c.street_id, s.name AS street_name, s.name_en AS street_name_en
         FROM community c JOIN street s ON s.id = c.street_id ORDER BY s.code, s.id, c.code, c.id`,
    );
    return rows.map((r) => toCamel<CommunityRow>(r));
  }

  /** Communities of the reader's scope (a street admin: its street's), in the same order. */
  async communitiesInScope(reader: Reader): Promise<CommunityRow[]> {
    const params: unknown[] = [];
    const where = scopeSql(reader, { community: 'c.id' }, params);
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT c.id, c.name, c.name_en, c.street_id, s.name AS street_name, s.name_en AS street_name_en
         FROM community c JOIN street s ON s.id = c.street_id WHERE ${where}
        ORDER BY s.code, s.id, c.code, c.id`,
      params,
    );
    return rows.map((r) => toCamel<CommunityRow>(r));
  }

  /** Drafts and submitted scores per community and kind, counting assigned indicators only. */
  async counts(campaignId: string): Promise<CellCount[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT a.community_id, a.assessor_kind,
              count(*) FILTER (WHERE a.status = 'draft')::int AS drafts,
              count(*) FILTER (WHERE a.status = 'submitted')::int AS submitted
         FROM rating_assessment a
         JOIN rating_campaign_assignment g ON g.campaign_id = a.campaign_id
          AND g.assessor_kind = a.assessor_kind AND g.indicator_key = a.indicator_key
        WHERE a.campaign_id = $1 GROUP BY a.community_id, a.assessor_kind`,
      [campaignId],
    );
    return rows.map((r) => toCamel<CellCount>(r));
  }
}
