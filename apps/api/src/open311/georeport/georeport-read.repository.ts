import type { CaseStatus } from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CategoryEntity } from '../../cases/case.entities';
import type { RequestRow } from './request-view';

/** The filters of `GET requests`: ids override everything else, as the spec says. */
export type RequestFilter =
  | { numbers: string[] }
  | {
      codes?: string[];
      statuses?: CaseStatus[];
      from: Date;
      to: Date;
      limit: number;
    };

export type PublicCategory = Pick<
  CategoryEntity,
  'code' | 'kind' | 'nameZh' | 'nameEn' | 'descriptionZh' | 'descriptionEn' | 'keywords' | 'fields'
>;

const CATEGORY_COLUMNS = `code, kind, name_zh AS "nameZh", name_en AS "nameEn",
  description_zh AS "descriptionZh", description_en AS "descriptionEn", keywords, fields`;

// One statement for any number of rows: the page of cases first (by `idx_case_submitted`, or the
// unique case number), then per case its places, its latest follow-up round and, while it waits
// for the resident, what was asked of them. The names and phones of the case's people (resident,
// walk-in, parties, whoever acted on it) and of its community's staff are read only so that the
// view can blank them out of the texts it shows.
const REQUEST_SELECT = `
  SELECT c.number, c.status, c.description, c.place, c.submitted_at AS "submittedAt",
         c.updated_at AS "updatedAt", c.resolve_due_at AS "resolveDueAt", c.resolution,
         c.rejection_reason AS "rejectionReason", c.lat, c.lng, c.media_url AS "mediaUrl",
         c.compound_id AS "compoundId",
         cat.code AS "categoryCode", cat.name_zh AS "categoryNameZh", cat.name_en AS "categoryNameEn",
         cat.public_area AS "publicArea", cat.accept_within_minutes AS "acceptWithinMinutes",
         cat.resolve_within_value AS "resolveWithinValue", cat.resolve_within_unit AS "resolveWithinUnit",
         d.name AS "deskName", d.name_en AS "deskNameEn", d.lat AS "deskLat", d.lng AS "deskLng",
         m.name AS "communityName", m.name_en AS "communityNameEn",
         m.lat AS "communityLat", m.lng AS "communityLng",
         x.name AS "compoundName", x.name_en AS "compoundNameEn",
         x.lat AS "compoundLat", x.lng AS "compoundLng",
         wr.note AS "waitingNote",
         (ft.status IS NOT NULL) AS "hasFollowUp", (ft.status <> 'open') IS TRUE AS "followUpDone",
         ft.completed_at AS "followUpCompletedAt", fa.outcome AS "followUpOutcome",
         fa.satisfaction AS "followUpSatisfaction", fa.solved AS "followUpSolved",
         array_remove(ARRAY[r.name, r.phone, c.walk_in_name, c.walk_in_phone, a.display_name, a.phone]
           || COALESCE((SELECT array_agg(p->>'name') || array_agg(p->>'phone')
                          FROM case_mediation cm, jsonb_array_elements(cm.parties) p
                         WHERE cm.case_id = c.id), '{}')
           || COALESCE((SELECT array_agg(DISTINCT e.actor_name) FROM case_event e
                         WHERE e.case_id = c.id AND e.actor_kind IN ('staff', 'resident')), '{}')
           || COALESCE((SELECT array_agg(sa.display_name) || array_agg(sa.phone) FROM staff_account sa
                         WHERE sa.community_id = c.community_id), '{}'), NULL) AS secrets
    FROM page c
    JOIN category cat ON cat.id = c.category_id
    JOIN desk d ON d.id = c.desk_id
    JOIN community m ON m.id = c.community_id
    LEFT JOIN compound x ON x.id = c.compound_id
    LEFT JOIN resident r ON r.id = c.resident_id
    LEFT JOIN staff_account a ON a.id = c.assignee_id
    LEFT JOIN LATERAL (
      SELECT t.status, t.completed_at, t.result_attempt_id FROM follow_up_task t
       WHERE t.case_id = c.id ORDER BY t.round DESC LIMIT 1) ft ON true
    LEFT JOIN follow_up_attempt fa ON fa.id = ft.result_attempt_id
    LEFT JOIN LATERAL (
      SELECT e.note FROM case_event e
       WHERE c.status = 'waiting_resident' AND e.case_id = c.id AND e.type = 'transition'
         AND e.data->>'action' = 'wait_resident'
       ORDER BY e.id DESC LIMIT 1) wr ON true
   ORDER BY c.submitted_at DESC, c.number DESC`;

@Injectable()
export class GeoReportReadRepository {
  constructor(private readonly ds: DataSource) {}

  /** The catalogue: categories clients may see and file into. */
  listPublicCategories(): Promise<PublicCategory[]> {
    return this.ds.query(
      `SELECT ${CATEGORY_COLUMNS} FROM category WHERE public AND active
        ORDER BY array_position(ARRAY['affair','inquiry','concern','dispute']::varchar[], kind), code`,
    );
  }

  async findPublicCategory(code: string): Promise<PublicCategory | undefined> {
    const rows = (await this.ds.query(
      `SELECT ${CATEGORY_COLUMNS} FROM category WHERE public AND active AND code = $1`,
      [code],
    )) as PublicCategory[];
    return rows[0];
  }

  /** When the catalogue last changed (any category, so that hiding one counts too). */
  async catalogueChangedAt(): Promise<Date | null> {
    const [row] = (await this.ds.query(`SELECT max(updated_at) AS at FROM category`)) as {
      at: Date | null;
    }[];
    return row?.at ?? null;
  }

  /** Public cases (of categories in the catalogue), newest first. */
  async listRequests(filter: RequestFilter): Promise<RequestRow[]> {
    const params: unknown[] = [];
    const where = ['cat.public'];
    let limit: number;
    if ('numbers' in filter) {
      if (filter.numbers.length === 0) return [];
      params.push(filter.numbers);
      where.push(`s.number = ANY($${params.length}::varchar[])`);
      limit = filter.numbers.length;
    } else {
      params.push(filter.from, filter.to);
      where.push(`s.submitted_at BETWEEN $1 AND $2`);
      if (filter.codes?.length) {
        params.push(filter.codes);
        where.push(`cat.code = ANY($${params.length}::varchar[])`);
      }
      if (filter.statuses?.length) {
        params.push(filter.statuses);
        where.push(`s.status = ANY($${params.length}::varchar[])`);
      }
      limit = filter.limit;
    }
    params.push(limit);
    const rows = (await this.ds.query(
      `WITH page AS MATERIALIZED (
         SELECT s.* FROM service_case s JOIN category cat ON cat.id = s.category_id
          WHERE ${where.join(' AND ')}
          ORDER BY s.submitted_at DESC, s.number DESC LIMIT $${params.length})
       ${REQUEST_SELECT}`,
      params,
    )) as RequestRow[];
    return rows;
  }

  /** A token a client was given when filing, and the case number once the case exists. */
  async findToken(token: string): Promise<{ token: string; number: string | null } | undefined> {
    const rows = (await this.ds.query(
      `SELECT t.token, c.number FROM open311_token t LEFT JOIN service_case c ON c.id = t.case_id
        WHERE t.token = $1`,
      [token],
    )) as { token: string; number: string | null }[];
    return rows[0];
  }
}
