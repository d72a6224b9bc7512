import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CategoryEntity } from '../../cases/case.entities';

/** Where a filed request lands: a compound (or only a community), its community and street. */
export interface FilingPlace {
  compoundId: string | null;
  communityId: string;
  streetId: string;
  /** For address_string: what matched (a compound's or a community's name). */
  name: string;
}

/** How far from the nearest compound a position may lie and still be the district's. */
export const MAX_DISTANCE_M = 3000;

@Injectable()
export class GeoReportWriteRepository {
  constructor(private readonly ds: DataSource) {}

  findCategoryByCode(code: string): Promise<CategoryEntity | null> {
    return this.ds.getRepository(CategoryEntity).findOneBy({ code });
  }

  /**
   * Where a WGS-84 position belongs: the nearest compound within `MAX_DISTANCE_M` (haversine on
   * the compounds' positions); where the district has recorded no compound near it, the nearest
   * desk or community centre within that distance (the community, and the desk's compound if it
   * has one). A box on the coordinates first keeps the scan to the neighbourhood.
   */
  async nearestPlace(p: { lat: number; lng: number }): Promise<FilingPlace | null> {
    const dLat = MAX_DISTANCE_M / 111_000;
    const dLng = dLat / Math.max(0.1, Math.cos((p.lat * Math.PI) / 180));
    const rows = (await this.ds.query(
      `WITH spots AS (
         SELECT 0 AS rank, x.id AS compound_id, x.community_id, x.name, x.lat, x.lng FROM compound x
         UNION ALL
         SELECT 1, d.compound_id, d.community_id, d.name, d.lat, d.lng FROM desk d
         UNION ALL
         SELECT 1, NULL, c.id, c.name, c.lat, c.lng FROM community c
       ), near AS (
         SELECT s.*, 2 * 6371000 * asin(sqrt(
                  power(sin(radians(s.lat - $1) / 2), 2) +
                  cos(radians($1)) * cos(radians(s.lat)) * power(sin(radians(s.lng - $2) / 2), 2))) AS distance
           FROM spots s
          WHERE s.lat BETWEEN $1 - $3 AND $1 + $3 AND s.lng BETWEEN $2 - $4 AND $2 + $4
       )
       SELECT n.compound_id AS "compoundId", n.community_id AS "communityId", c.street_id AS "streetId", n.name
         FROM near n JOIN community c ON c.id = n.community_id
        WHERE n.distance <= $5
        ORDER BY n.rank, n.distance, n.community_id LIMIT 1`,
      [p.lat, p.lng, dLat, dLng, MAX_DISTANCE_M],
    )) as FilingPlace[];
    return rows[0] ?? null;
  }

  async compound(id: string): Promise<FilingPlace | null> {
    const rows = (await this.ds.query(
      `SELECT x.id AS "compoundId", x.community_id AS "communityId", c.street_id AS "streetId", x.name
         FROM compound x JOIN community c ON c.id = x.community_id WHERE x.id = $1`,
      [id],
    )) as FilingPlace[];
    return rows[0] ?? null;
  }

  /**
   * The compound, else the community, whose name a typed address names: contained in it, or
   * close to it by pg_trgm similarity; the closest wins, compounds before communities.
   */
  async matchAddress(address: string): Promise<FilingPlace | null> {
    const rows = (await this.ds.query(
      `WITH names AS (
         SELECT x.id AS compound_id, x.community_id, c.street_id, x.name, 0 AS rank
           FROM compound x JOIN community c ON c.id = x.community_id
         UNION ALL
         SELECT NULL, c.id, c.street_id, c.name, 1 FROM community c
       ), scored AS (
         SELECT n.*, CASE WHEN length(n.name) >= 2 AND strpos($1, n.name) > 0 THEN 1
                          ELSE GREATEST(similarity(n.name, $1), word_similarity(n.name, $1)) END AS score
           FROM names n
       )
       SELECT compound_id AS "compoundId", community_id AS "communityId", street_id AS "streetId", name
         FROM scored WHERE score >= 0.5
        ORDER BY score DESC, rank, length(name) DESC, compound_id LIMIT 1`,
      [address],
    )) as FilingPlace[];
    return rows[0] ?? null;
  }

  async insertToken(
    m: EntityManager,
    t: { token: string; clientId: string; caseId: string; at: Date },
  ): Promise<void> {
    await m.query(
      `INSERT INTO open311_token (token, client_id, case_id, created_at) VALUES ($1, $2, $3, $4)`,
      [t.token, t.clientId, t.caseId, t.at],
    );
  }
}
