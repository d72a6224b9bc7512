import { expect } from 'vitest';
import { hashApiKey, newApiKey } from '../../src/open311/clients/api-keys';
import type { TestContext } from './app';
import type { MatrixWorld } from './matrix-world';
import type { Call, Row } from './route-calls';

type Calls = Record<
  | 'GET /api/open311/clients'
  | 'POST /api/open311/clients'
  | 'PATCH /api/open311/clients/:id'
  | 'POST /api/open311/clients/:id/revoke'
  | 'POST /open311/v2/requests.:format',
  (r: Row) => Call | Promise<Call>
>;

let n = 0;

/**
 * Open311 filing and its keys (issue 13, part write): each write takes a client of its own,
 * written straight into the table, so that one call's change never decides another's rows.
 */
export function open311WriteCalls(t: TestContext, w: MatrixWorld): Calls {
  const sql = (query: string, params: unknown[]) => () => t.ds.query(query, params);
  /** A client with a key; returns its id and the key. */
  async function client(): Promise<{ id: string; key: string }> {
    const k = newApiKey();
    const [row] = (await t.ds.query(
      `INSERT INTO api_client (name, channel, key_prefix, key_hash, rate_limit_per_minute)
       VALUES ($1, 'open311', $2, $3, 100000) RETURNING id`,
      [`矩阵客户端${n++}`, k.prefix, k.hash],
    )) as { id: string }[];
    expect(hashApiKey(k.key)).toBe(k.hash);
    return { id: row!.id, key: k.key };
  }
  return {
    'GET /api/open311/clients': async () => {
      const c = await client();
      return {
        method: 'GET',
        path: '/api/open311/clients',
        holds: (body) => Array.isArray(body) && body.some((x: { id: string }) => x.id === c.id),
        check: (body) => expect(JSON.stringify(body)).not.toContain(c.key),
      };
    },
    'POST /api/open311/clients': () => {
      const name = `矩阵签发${n++}`;
      return {
        method: 'POST',
        path: '/api/open311/clients',
        body: { name, channel: 'open311' },
        rows: sql(`SELECT count(*)::int AS n FROM api_client WHERE name = $1`, [name]),
      };
    },
    'PATCH /api/open311/clients/:id': async () => {
      const c = await client();
      return {
        method: 'PATCH',
        path: `/api/open311/clients/${c.id}`,
        body: { name: `改名${n++}`, rateLimitPerMinute: 77 },
        rows: sql(`SELECT name, rate_limit_per_minute FROM api_client WHERE id = $1`, [c.id]),
      };
    },
    'POST /api/open311/clients/:id/revoke': async () => {
      const c = await client();
      return {
        method: 'POST',
        path: `/api/open311/clients/${c.id}/revoke`,
        body: { reason: '矩阵测试' },
        rows: sql(`SELECT revoked_at IS NOT NULL AS revoked FROM api_client WHERE id = $1`, [c.id]),
      };
    },
    'POST /open311/v2/requests.:format': async ({ p }: Row) => {
      const c = await client();
      return {
        method: 'POST',
        path: '/open311/v2/requests.json',
        body: {
          api_key: c.key,
          service_code: w.category.code,
          address_id: p.compound.id,
          description: '矩阵：楼道灯不亮',
        },
        check: (body) =>
          expect(body).toEqual([
            {
              service_request_id: expect.stringMatching(/^BT\d{8}-\d{6}$/),
              service_notice: expect.any(String),
              account_id: null,
            },
          ]),
        rows: sql(`SELECT count(*)::int AS n FROM service_case WHERE api_client_id = $1`, [c.id]),
      };
    },
  };
}
