import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ClientActor } from '../../auth/actor';

export interface ClientRow {
  id: string;
  name: string;
  channel: ClientActor['channel'];
  categoryCodes: string[];
  streetIds: string[];
  rateLimitPerMinute: number;
  revokedAt: Date | null;
  count: number;
}

@Injectable()
export class ApiClientAuthRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * The client with this key hash, and its request counted in this minute (not counted when
   * revoked); one statement, so concurrent requests of one client never lose a count.
   */
  async useKey(keyHash: string, minute: Date, now: Date): Promise<ClientRow | undefined> {
    const rows = (await this.ds.query(
      `WITH c AS (
         SELECT id, name, channel, category_codes, street_ids, rate_limit_per_minute, revoked_at
           FROM api_client WHERE key_hash = $1
       ), used AS (
         INSERT INTO api_client_usage (client_id, minute, count)
         SELECT id, $2, 1 FROM c WHERE revoked_at IS NULL
         ON CONFLICT (client_id, minute) DO UPDATE SET count = api_client_usage.count + 1
         RETURNING count
       ), touched AS (
         UPDATE api_client SET last_used_at = $3 WHERE id = (SELECT id FROM c WHERE revoked_at IS NULL)
       )
       SELECT c.id, c.name, c.channel, c.category_codes AS "categoryCodes", c.street_ids AS "streetIds",
              c.rate_limit_per_minute AS "rateLimitPerMinute", c.revoked_at AS "revokedAt",
              COALESCE((SELECT count FROM used), 0) AS count
         FROM c`,
      [keyHash, minute, now],
    )) as ClientRow[];
    return rows[0];
  }
}
