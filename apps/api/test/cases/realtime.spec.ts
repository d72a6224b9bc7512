import type { CasePush } from '@baitong/contracts';
import { type Socket, io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type CaseWorld, act, caseWorld, deskCase } from './world';

let t: TestContext;
let w: CaseWorld;
let base: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  t = await createTestApp();
  w = await caseWorld(t);
  await t.app.listen(0, '127.0.0.1');
  base = await t.app.getUrl();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t.close();
});

function connect(auth: string, url = base): Socket {
  const s = io(url, {
    path: '/socket.io',
    auth: { token: auth.replace('Bearer ', '') },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(s);
  return s;
}

function subscribe(
  s: Socket,
  room: string,
  since?: string,
): Promise<{ ok: boolean; code?: string; replayed?: number }> {
  return s.timeout(5000).emitWithAck('subscribe', since ? { room, since } : { room });
}

/** Collects pushes of every kind on a socket. */
function collect(s: Socket): CasePush[] {
  const got: CasePush[] = [];
  for (const name of ['case.created', 'case.updated', 'case.assigned', 'case.overdue'])
    s.on(name, (p: CasePush) => got.push(p));
  return got;
}

async function until<T>(fn: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('live desk queue', () => {
  it('refuses a connection without a valid token', async () => {
    const s = io(base, {
      path: '/socket.io',
      auth: { token: 'nope' },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(s);
    const err = await new Promise<Error & { data?: { code: string } }>((r) =>
      s.on('connect_error', r),
    );
    expect(err.data?.code).toBe('TOKEN_INVALID');
  });

  it('pushes a created case to the desk room and updates to the resident’s own room', async () => {
    const desk = connect(w.deskAuth);
    const deskGot = collect(desk);
    expect(await subscribe(desk, `desk:${w.desk.id}`)).toEqual({ ok: true, replayed: 0 });
    const resident = connect(w.residentAuth);
    const resGot = collect(resident);
    await until(() => resident.connected);
    const res = await t.http
      .post('/api/cases')
      .set('Authorization', w.residentAuth)
      .send({ categoryId: w.category.id, description: '垃圾桶满了没人清运' });
    const created = await until(() => deskGot.find((p) => p.case.id === res.body.id));
    expect(created).toMatchObject({
      type: 'created',
      case: { status: 'submitted', deskId: w.desk.id },
    });
    expect(created.eventId).toMatch(/^\d+$/);
    await act(t, w.deskAuth, res.body, { action: 'accept' });
    const update = await until(() =>
      resGot.find((p) => p.case.id === res.body.id && p.case.status === 'accepted'),
    );
    expect(update.type).toBe('transition');
  });

  it('checks every room against the caller’s scope', async () => {
    const otherCommunity = await t.given.community();
    const otherDesk = await t.given.desk({ community: otherCommunity });
    const s = connect(w.deskAuth);
    expect(await subscribe(s, `desk:${otherDesk.id}`)).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await subscribe(s, `community:${otherCommunity.id}`)).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await subscribe(s, `user:${w.worker.id}`)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(await subscribe(s, 'everything')).toEqual({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await subscribe(s, `community:${w.community.id}`)).toEqual({ ok: true, replayed: 0 });
    const r = connect(w.residentAuth);
    expect(await subscribe(r, `desk:${w.desk.id}`)).toEqual({ ok: false, code: 'NOT_FOUND' });
    // Nothing of the other community reaches a socket that asked for it and was refused.
    const got = collect(s);
    const outsider = `Bearer ${await t.given.token(await t.given.staff('desk_staff', { community: otherCommunity }))}`;
    const foreign = await t.http
      .post('/api/cases')
      .set('Authorization', outsider)
      .send({ categoryId: w.category.id, description: '别的社区的事情', walkIn: { name: '外人' } });
    const own = await deskCase(t, w);
    await until(() => got.find((p) => p.case.id === own.id));
    expect(got.find((p) => p.case.id === foreign.body.id)).toBeUndefined();
  });

  it('replays everything a client missed while disconnected, in order, after it reconnects', async () => {
    const first = connect(w.deskAuth);
    const seen = collect(first);
    await subscribe(first, `desk:${w.desk.id}`);
    const c = await deskCase(t, w);
    const last = await until(() => seen.find((p) => p.case.id === c.id));
    first.disconnect();
    // While away: an acceptance, an assignment, a resolution and a new case.
    let cur = (await act(t, w.deskAuth, c, { action: 'accept' })).body;
    cur = (
      await t.http
        .post(`/api/cases/${c.id}/assign`)
        .set('Authorization', w.deskAuth)
        .send({ version: cur.version, assigneeId: w.worker.id })
    ).body;
    await act(t, w.deskAuth, cur, { action: 'resolve', resolution: '已修好' });
    const another = await deskCase(t, w);
    const again = connect(w.deskAuth);
    const replay = collect(again);
    const ack = await subscribe(again, `desk:${w.desk.id}`, last.eventId);
    expect(ack).toEqual({ ok: true, replayed: 4 });
    await until(() => replay.length >= 4);
    expect(replay.map((p) => p.type)).toEqual(['transition', 'assigned', 'transition', 'created']);
    expect(replay.map((p) => p.case.id)).toEqual([c.id, c.id, c.id, another.id]);
    const ids = replay.map((p) => BigInt(p.eventId));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    expect(ids[0]! > BigInt(last.eventId)).toBe(true);
  });

  it('delivers events between two API processes through PostgreSQL', async () => {
    const second = await createTestApp();
    try {
      // The second process serves the same database as the first.
      const { createApp } = await import('../../src/app.factory');
      const { createLogger } = await import('../../src/common/logger');
      const other = await createApp(t.config, t.url, createLogger('silent'));
      await other.listen(0, '127.0.0.1');
      try {
        const s = connect(w.deskAuth, await other.getUrl());
        const got = collect(s);
        expect(await subscribe(s, `desk:${w.desk.id}`)).toMatchObject({ ok: true });
        const c = await deskCase(t, w);
        const push = await until(() => got.find((p) => p.case.id === c.id), 10_000);
        expect(push.type).toBe('created');
      } finally {
        await other.close();
      }
    } finally {
      await second.close();
    }
  });
});
