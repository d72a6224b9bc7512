import type { Role } from '@baitong/contracts';
import { type Socket, io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type MatrixWorld, matrixWorld, tinyPng } from '../utils/matrix-world';
import { type Call, type Row, routeCalls } from '../utils/route-calls';
import { httpRoutes } from '../utils/routes';
import {
  type Access,
  CALLERS,
  type Caller,
  ROOM_ACCESS,
  ROUTE_ACCESS,
  type RoomKind,
  type RouteKey,
  TARGETS,
  type Target,
  UNSCOPED_ROUTES,
  routeOf,
} from './route-access';

/**
 * The scope matrix, generated: every route of the running app × every caller × every target,
 * each a real call with a real record of that target, checked against route-access.ts.
 */
let t: TestContext;
let w: MatrixWorld;
let calls: Record<RouteKey, (r: Row) => Call | Promise<Call>>;
let base: string;
const sockets = new Map<Role, Socket>();

beforeAll(async () => {
  t = await createTestApp();
  w = await matrixWorld(t);
  calls = routeCalls(t, w, await tinyPng());
  await t.app.listen(0, '127.0.0.1');
  base = await t.app.getUrl();
});
afterAll(async () => {
  for (const s of sockets.values()) s.disconnect();
  await t.close();
});

const REFUSAL_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
};

async function send(call: Call, auth: string | null) {
  let req = t.http[call.method.toLowerCase() as 'get'](call.path);
  if (auth) req = req.set('Authorization', auth);
  if (call.cookie) req = req.set('Cookie', call.cookie);
  if (call.query) req = req.query(call.query);
  if (call.binary)
    req = req.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        // A refusal is the usual JSON error; only a file stays bytes.
        const bytes = Buffer.concat(chunks);
        const json = String(res.headers['content-type'] ?? '').includes('json');
        done(null, json ? (JSON.parse(bytes.toString()) as unknown) : bytes);
      });
    });
  if (call.file)
    return req.attach('file', call.file, { filename: 'm.png', contentType: 'image/png' });
  return call.body ? req.send(call.body) : req;
}

function allowedFor(access: Access, caller: Caller, target: Target): boolean {
  if ('public' in access) return true;
  if ('anyone' in access) return access.anyone.includes(caller);
  return access[target].includes(caller);
}

interface MatrixRow {
  name: string;
  key: RouteKey;
  caller: Caller;
  target: Target;
  allowed: boolean;
}

const rows: MatrixRow[] = (Object.entries(ROUTE_ACCESS) as [RouteKey, Access][]).flatMap(
  ([key, access]) => {
    const pairs: [Caller, Target][] =
      'public' in access
        ? [['anonymous', 'own']]
        : 'anyone' in access
          ? CALLERS.map((c) => [c, 'own'])
          : CALLERS.flatMap((c) => TARGETS.map((tg): [Caller, Target] => [c, tg]));
    return pairs.map(([caller, target]) => {
      const allowed = allowedFor(access, caller, target);
      const on = 'public' in access || 'anyone' in access ? '' : ` on the ${target} record`;
      const name = `${caller} ${allowed ? 'may' : 'may not'} ${key}${on}`;
      return { name, key, caller, target, allowed };
    });
  },
);

describe('the route table', () => {
  it('has an entry for every route of the running app', () => {
    const inTable = new Set(Object.keys(ROUTE_ACCESS).map(routeOf));
    const missing = httpRoutes(t.app).filter(
      (r) => !UNSCOPED_ROUTES.some((re) => re.test(r)) && !inTable.has(r),
    );
    expect(missing, 'routes without an entry in route-access.ts').toEqual([]);
  });

  it('reads the routes from the router, which holds every operation of the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = new Set(httpRoutes(t.app));
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented.length).toBeGreaterThan(40);
    expect(documented.filter((r) => !routes.has(r))).toEqual([]);
  });

  it('names no route the app does not have', () => {
    const routes = new Set(httpRoutes(t.app));
    const stale = Object.keys(ROUTE_ACCESS).filter((k) => !routes.has(routeOf(k)));
    expect(stale, 'entries of route-access.ts for routes that are gone').toEqual([]);
  });
});

describe('every route, caller and target', () => {
  it.each(rows.map((r) => [r.name, r] as const))(
    '%s',
    async (_, { key, caller, target, allowed }) => {
      const call = await calls[key]({ caller, target, p: w.places[target] });
      const auth =
        call.auth !== undefined ? call.auth : caller === 'anonymous' ? null : w.auth[caller];
      const before = call.rows ? await call.rows() : undefined;
      const res = await send(call, auth);
      const said = `${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
      const ok = res.status >= 200 && res.status < 300;
      if (allowed) {
        expect(ok, said).toBe(true);
        if (call.holds)
          expect(await call.holds(res.body), `the list lacks the ${target} record`).toBe(true);
        call.check?.(res.body);
        // The rows a refusal must leave alone are the ones this write really changes.
        if (call.rows)
          expect(await call.rows(), 'an allowed write changed nothing').not.toEqual(before);
        return;
      }
      if (ok && call.holds) {
        expect(await call.holds(res.body), `the list shows the ${target} record`).toBe(false);
      } else {
        const refusals = [401, 403, 404, ...(call.bodyTarget ? [400] : [])];
        expect(refusals, said).toContain(res.status);
        // One error shape: out of scope is "does not exist", in scope but not yours is forbidden.
        expect((res.body as { code?: string }).code, said).toBe(REFUSAL_CODES[res.status]);
      }
      if (call.rows) expect(await call.rows(), 'a refused write changed the data').toEqual(before);
    },
  );
});

function connect(role: Role): Socket {
  let s = sockets.get(role);
  if (!s) {
    s = io(base, {
      path: '/socket.io',
      auth: { token: w.auth[role].slice('Bearer '.length) },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.set(role, s);
  }
  return s;
}

const roomRows = (
  Object.entries(ROOM_ACCESS) as [RoomKind, Record<Target, readonly Caller[]>][]
).flatMap(([room, access]) =>
  CALLERS.flatMap((caller) =>
    TARGETS.map((target) => {
      const allowed = access[target].includes(caller);
      const name = `${caller} ${allowed ? 'may' : 'may not'} join the ${room} room of the ${target} record`;
      return [name, { room, caller, target, allowed }] as const;
    }),
  ),
);

describe('socket rooms', () => {
  it.each(roomRows)('%s', async (_, { room, caller, target, allowed }) => {
    const p = w.places[target];
    if (caller === 'anonymous') {
      const s = io(base, {
        path: '/socket.io',
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      try {
        const err = await new Promise<Error & { data?: { code?: string } }>((resolve) =>
          s.on('connect_error', resolve),
        );
        expect(err.data?.code).toBe('UNAUTHENTICATED');
      } finally {
        s.disconnect();
      }
      return;
    }
    const id =
      room === 'desk'
        ? p.desk.id
        : room === 'community'
          ? p.community.id
          : target === 'own'
            ? w.userId[caller]
            : p.colleague.id;
    const ack = (await connect(caller)
      .timeout(5000)
      .emitWithAck('subscribe', { room: `${room}:${id}`, since: '0' })) as {
      ok: boolean;
      code?: string;
      replayed?: number;
    };
    if (!allowed) {
      expect(ack).toEqual({ ok: false, code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) });
      return;
    }
    expect(ack).toMatchObject({ ok: true });
    // The place's case was filed at its desk: a joined desk or community room replays it from 0.
    if (room !== 'user') expect(ack.replayed).toBeGreaterThan(0);
  });
});
