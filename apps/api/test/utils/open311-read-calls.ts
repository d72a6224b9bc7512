import type { TestContext } from './app';
import type { MatrixWorld } from './matrix-world';
import type { Call, Row } from './route-calls';
import { hashApiKey, newApiKey } from '../../src/open311/clients/api-keys';

type Calls = Record<
  | 'GET /open311/v2/discovery.:format'
  | 'GET /open311/v2/services.:format'
  | 'GET /open311/v2/services/:code.:format'
  | 'GET /open311/v2/requests.:format'
  | 'GET /open311/v2/requests/:id.:format'
  | 'GET /open311/v2/tokens/:token.:format',
  (r: Row) => Call | Promise<Call>
>;

type Listed = { service_request_id?: string; service_code?: string };
const list = (body: unknown): Listed[] => (Array.isArray(body) ? (body as Listed[]) : []);

/**
 * The GeoReport v2 reads (issue 13, part "read"): public, called without a token; each answer
 * must hold the own place's probe case (or the matrix's category, or a token of it).
 */
export function open311ReadCalls(t: TestContext, w: MatrixWorld): Calls {
  let token: Promise<string> | null = null;
  const tokenOf = (caseId: string) =>
    (token ??= (async () => {
      const { prefix, key } = newApiKey();
      const [client] = (await t.ds.query(
        `INSERT INTO api_client (name, channel, key_prefix, key_hash) VALUES ('矩阵客户端', 'open311', $1, $2) RETURNING id`,
        [prefix, hashApiKey(key)],
      )) as { id: string }[];
      await t.ds.query(
        `INSERT INTO open311_token (token, client_id, case_id) VALUES ('matrix-token', $1, $2)`,
        [client!.id, caseId],
      );
      return 'matrix-token';
    })());
  const holdsNumber = (number: string) => (body: unknown) =>
    list(body).some((r) => r.service_request_id === number);
  return {
    'GET /open311/v2/discovery.:format': () => ({
      method: 'GET',
      path: '/open311/v2/discovery.json',
      check: (body) => {
        if (!(body as { endpoints?: unknown[] }).endpoints?.length) throw new Error('no endpoints');
      },
    }),
    'GET /open311/v2/services.:format': () => ({
      method: 'GET',
      path: '/open311/v2/services.json',
      holds: (body) => list(body).some((s) => s.service_code === w.category.code),
    }),
    'GET /open311/v2/services/:code.:format': () => ({
      method: 'GET',
      path: `/open311/v2/services/${w.category.code}.xml`,
    }),
    'GET /open311/v2/requests.:format': ({ p }) => ({
      method: 'GET',
      path: '/open311/v2/requests.json',
      query: { service_request_id: p.probe.number },
      holds: holdsNumber(p.probe.number),
    }),
    'GET /open311/v2/requests/:id.:format': ({ p }) => ({
      method: 'GET',
      path: `/open311/v2/requests/${p.probe.number}.json`,
      holds: holdsNumber(p.probe.number),
    }),
    'GET /open311/v2/tokens/:token.:format': async ({ p }) => ({
      method: 'GET',
      path: `/open311/v2/tokens/${await tokenOf(p.probe.id)}.json`,
      holds: holdsNumber(p.probe.number),
    }),
  };
}
