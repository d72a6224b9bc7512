import type { CasePush, FollowUpPush } from '@baitong/contracts';
import { type Socket, io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FollowUpsService } from '../../src/follow-ups/follow-ups.service';
import { type TestContext, createTestApp } from '../utils/app';
import { type FollowUpWorld, attempt, followUpOf, followUpWorld, resolvedCase } from './world';

let t: TestContext;
let w: FollowUpWorld;
let base: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  t = await createTestApp();
  w = await followUpWorld(t);
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
    auth: { token: auth.replace('Bearer ', '') },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(s);
  return s;
}

async function until<T>(fn: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('live follow-ups', () => {
  it('pushes an overdue follow-up to its assignee, and a dissatisfied result reopens the case on the desk live', async () => {
    const worker = connect(w.workerAuth);
    const overdue: FollowUpPush[] = [];
    worker.on('followup.overdue', (p: FollowUpPush) => overdue.push(p));
    await new Promise<void>((r) => worker.on('connect', () => r()));
    const desk = connect(w.deskAuth);
    const deskGot: CasePush[] = [];
    desk.on('case.updated', (p: CasePush) => deskGot.push(p));
    const ack = (await desk
      .timeout(5000)
      .emitWithAck('subscribe', { room: `desk:${w.desk.id}` })) as { ok: boolean };
    expect(ack.ok).toBe(true);

    const c = await resolvedCase(t, w, { at: '2026-11-16T10:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    t.clock.set('2026-11-20T10:00:00+08:00');
    await t.app.get(FollowUpsService).markOverdue();
    const pushed = await until(() => overdue.find((p) => p.followUp.id === f.id));
    expect(pushed).toMatchObject({ type: 'overdue', followUp: { overdue: true, caseId: c.id } });
    expect(pushed.eventId).toMatch(/^\d+$/);

    await attempt(t, w.workerAuth, f.id, {
      method: 'phone',
      outcome: 'reached',
      satisfaction: 'dissatisfied',
      solved: 'no',
    });
    const reopened = await until(() =>
      deskGot.find((p) => p.case.id === c.id && p.case.status === 'in_progress'),
    );
    expect(reopened.type).toBe('transition');
  });
});
