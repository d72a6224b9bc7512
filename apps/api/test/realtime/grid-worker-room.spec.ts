import type { CasePush, ProposalPush } from '@baitong/contracts';
import { type Socket, io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type CouncilWorld, councilWorld, draft, drain, move } from '../council/world';

let t: TestContext;
let w: CouncilWorld;
let base: string;
let gridAuth: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t, 2);
  const grid = await t.given.staff('grid_worker', { compound: w.compound });
  gridAuth = await t.given.token(grid);
  await t.app.listen(0, '127.0.0.1');
  base = await t.app.getUrl();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t.close();
});

function connect(token: string): Socket {
  const s = io(base, {
    path: '/socket.io',
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(s);
  return s;
}

const subscribe = (s: Socket, room: string, since?: string) =>
  s.timeout(5000).emitWithAck('subscribe', { room, ...(since ? { since } : {}) }) as Promise<{
    ok: boolean;
    code?: string;
    replayed?: number;
  }>;

async function until<T>(fn: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A case of the community's other compound, filed at the desk: not the grid worker's. */
async function caseOfOtherCompound(): Promise<string> {
  const res = await t.http.post('/api/cases').set('Authorization', w.desker.auth).send({
    categoryId: w.concern.id,
    description: '另一个小区的路灯坏了，晚上很黑',
    residentId: w.residents[1]!.record.id,
    compoundId: w.otherCompound.id,
    deskId: w.desk.id,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { id: string }).id;
}

describe('a grid worker in the community room', () => {
  it('joins their own community’s room and hears its council live, but no other compound’s cases', async () => {
    const s = connect(gridAuth);
    const proposals: ProposalPush[] = [];
    const cases: CasePush[] = [];
    s.on('proposal.updated', (p: ProposalPush) => proposals.push(p));
    s.on('case.created', (p: CasePush) => cases.push(p));
    s.on('case.updated', (p: CasePush) => cases.push(p));
    expect(await subscribe(s, `community:${w.community.id}`)).toMatchObject({ ok: true });

    const caseId = await caseOfOtherCompound();
    const d = await draft(t, w.residents[0]!.auth);
    await move(t, w.residents[0]!.auth, d, 'submit');
    await drain(t);
    const pushed = await until(() => proposals.find((p) => p.proposal.id === d.id));
    expect(pushed).toMatchObject({ type: 'transition', proposal: { status: 'submitted' } });
    // The case was filed first: had it reached the grid worker, it would be here by now.
    expect(cases.filter((c) => c.case.id === caseId)).toEqual([]);
  });

  it('replays only the community-wide part of the room after a reconnect', async () => {
    const s = connect(gridAuth);
    const cases: CasePush[] = [];
    const proposals: ProposalPush[] = [];
    s.on('case.created', (p: CasePush) => cases.push(p));
    s.on('proposal.updated', (p: ProposalPush) => proposals.push(p));
    const ack = await subscribe(s, `community:${w.community.id}`, '0');
    expect(ack.ok).toBe(true);
    expect(ack.replayed).toBeGreaterThan(0);
    await until(() => (proposals.length === ack.replayed ? true : undefined));
    expect(cases).toEqual([]);

    // The desk worker in the same room hears the case.
    const desk = connect(w.desker.auth.replace('Bearer ', ''));
    const deskCases: CasePush[] = [];
    desk.on('case.created', (p: CasePush) => deskCases.push(p));
    expect(await subscribe(desk, `community:${w.community.id}`, '0')).toMatchObject({ ok: true });
    await until(() => (deskCases.length > 0 ? true : undefined));
  });

  it('may not join the room of another community', async () => {
    const s = connect(gridAuth);
    expect(await subscribe(s, `community:${w.neighbour.community.id}`)).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});
