import type { RatingPublishedStreamPush, RatingRunDetail } from '@baitong/contracts';
import { type Socket, io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type RunsWorld, YEAR, runsWorld } from './runs-world';

// Publishing tells the communities live: `rating.published` reaches each community's room and
// the district staff's own rooms, and a grid worker hears it through the community-wide shadow.

let t: TestContext;
let w: RunsWorld;
let base: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2027-01-10T10:00:00+08:00');
  w = await runsWorld(t);
  await t.app.listen(0, '127.0.0.1');
  base = await t.app.getUrl();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t.close();
});

function connect(auth: string): Socket {
  const s = io(base, {
    path: '/socket.io',
    auth: { token: auth.replace(/^Bearer /, '') },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(s);
  return s;
}

const subscribe = (s: Socket, room: string) =>
  s.timeout(5000).emitWithAck('subscribe', { room }) as Promise<{ ok: boolean }>;

async function until<T>(fn: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('rating.published', () => {
  it('reaches every rated community, the district staff and a grid worker, once, with the hash', async () => {
    const bureau = await t.given.staff('bureau_admin');
    const bureauAuth = `Bearer ${await t.given.token(bureau)}`;
    const grid = await t.given.staff('grid_worker', {
      compound: await t.given.compound({ community: w.community }),
    });
    const listeners: { name: string; socket: Socket; got: RatingPublishedStreamPush[] }[] = [];
    const listen = async (name: string, auth: string, room: string) => {
      const socket = connect(auth);
      const got: RatingPublishedStreamPush[] = [];
      socket.on('rating.published', (p: RatingPublishedStreamPush) => got.push(p));
      expect((await subscribe(socket, room)).ok, name).toBe(true);
      listeners.push({ name, socket, got });
    };
    await listen('admin', w.admin, `community:${w.community.id}`);
    await listen('neighbour', w.neighbourAdmin, `community:${w.sibling.id}`);
    await listen('bureau', bureauAuth, `user:${bureau.id}`);
    await listen('grid', `Bearer ${await t.given.token(grid)}`, `community:${w.community.id}`);

    const created = await t.http
      .post('/api/rating-runs')
      .set('Authorization', bureauAuth)
      .send({ year: YEAR, ratingDate: '2027-01-05', objectionWindowDays: 0 });
    expect(created.status).toBe(201);
    const id = (created.body as RatingRunDetail).id;
    for (const step of ['freeze', 'compute'])
      expect(
        (
          await t.http
            .post(`/api/rating-runs/${id}/${step}`)
            .set('Authorization', bureauAuth)
            .send({})
        ).status,
      ).toBe(200);
    // Nothing is pushed before publishing.
    await new Promise((r) => setTimeout(r, 200));
    expect(listeners.every((l) => l.got.length === 0)).toBe(true);
    const pub = await t.http
      .post(`/api/rating-runs/${id}/publish`)
      .set('Authorization', bureauAuth)
      .send({});
    expect(pub.status).toBe(200);
    const hash = (pub.body as RatingRunDetail).contentHash;
    for (const l of listeners) {
      const push = await until(() => l.got[0]);
      expect(push, l.name).toMatchObject({ runId: id, year: YEAR, contentHash: hash });
      expect(push.eventId).toMatch(/^\d+$/);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(listeners.map((l) => l.got.length)).toEqual([1, 1, 1, 1]);
  });
});
