import type { ProposalEvent, ProposalPush } from '@baitong/contracts';
import { type Socket, io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/actor';
import { ProposalsService } from '../../src/council/proposals.service';
import { type TestContext, createTestApp } from '../utils/app';
import {
  type CouncilWorld,
  councilWorld,
  draft,
  get,
  move,
  openProposal,
  setRules,
  support,
} from './world';

let t: TestContext;
let w: CouncilWorld;
let base: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t, 5);
  await t.app.listen(0, '127.0.0.1');
  base = await t.app.getUrl();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t.close();
});

const supportRows = (proposalId: string) =>
  t.ds.query(
    `SELECT resident_id, withdrawn_at IS NOT NULL AS withdrawn FROM proposal_support WHERE proposal_id = $1`,
    [proposalId],
  ) as Promise<{ resident_id: string; withdrawn: boolean }[]>;

async function timeline(id: string): Promise<ProposalEvent[]> {
  return (await t.http.get(`/api/proposals/${id}/events`).set('Authorization', w.worker.auth))
    .body as ProposalEvent[];
}

describe('supports', () => {
  it('counts a resident once, even when two supports arrive at the same moment', async () => {
    const p = await openProposal(t, w);
    const r = w.residents[1]!;
    const answers = await Promise.all([support(t, r.auth, p.id), support(t, r.auth, p.id)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(refused.body).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'already_supported' },
    });
    expect(await supportRows(p.id)).toEqual([{ resident_id: r.record.id, withdrawn: false }]);
    expect((await get(t, r.auth, p.id)).mySupport).toBe('active');
    expect((await get(t, w.worker.auth, p.id)).supportCount).toBe(1);
    const acts: { n: number }[] = await t.ds.query(
      `SELECT count(*)::int AS n FROM participation WHERE resident_id = $1 AND act = 'support' AND subject_id = $2`,
      [r.record.id, p.id],
    );
    expect(acts[0]!.n).toBe(1);
  });

  it('keeps a withdrawn support on record as an event, and a second support renews it', async () => {
    const p = await openProposal(t, w);
    const r = w.residents[2]!;
    expect((await support(t, r.auth, p.id)).status).toBe(200);
    const withdrawn = await t.http
      .delete(`/api/proposals/${p.id}/support`)
      .set('Authorization', r.auth);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ supportCount: 0, mySupport: 'withdrawn' });
    expect(await supportRows(p.id)).toEqual([{ resident_id: r.record.id, withdrawn: true }]);
    const again = await t.http
      .delete(`/api/proposals/${p.id}/support`)
      .set('Authorization', r.auth);
    expect(again.status, JSON.stringify(again.body)).toBe(409);
    expect(again.body.details).toMatchObject({ reason: 'not_supporting' });
    expect((await support(t, r.auth, p.id)).body).toMatchObject({
      supportCount: 1,
      mySupport: 'active',
    });
    expect((await timeline(p.id)).slice(-3).map((e) => e.type)).toEqual([
      'supported',
      'support_withdrawn',
      'supported',
    ]);
    const acts: { n: number }[] = await t.ds.query(
      `SELECT count(*)::int AS n FROM participation WHERE resident_id = $1 AND subject_id = $2`,
      [r.record.id, p.id],
    );
    expect(acts[0]!.n).toBe(1);
  });

  it('marks a proposal ready for an agenda when supports reach a threshold by count, and unmarks it below', async () => {
    await setRules(t, w, { supportThresholdKind: 'count', supportThresholdCount: 2 });
    const p = await openProposal(t, w);
    expect(p.supportThreshold).toBe(2);
    await support(t, w.residents[1]!.auth, p.id);
    expect((await get(t, w.worker.auth, p.id)).readyAt).toBeNull();
    const second = await support(t, w.residents[2]!.auth, p.id);
    expect(second.body.readyAt).not.toBeNull();
    const reached = (await timeline(p.id)).at(-1)!;
    expect(reached).toMatchObject({
      type: 'threshold_reached',
      actorKind: 'system',
      data: { supportCount: 2, threshold: 2 },
    });
    const ready = await t.http
      .get('/api/proposals')
      .query({ ready: 'true', status: 'open_for_support' })
      .set('Authorization', w.worker.auth);
    expect(ready.body.items.map((x: { id: string }) => x.id)).toContain(p.id);
    await t.http
      .delete(`/api/proposals/${p.id}/support`)
      .set('Authorization', w.residents[1]!.auth);
    const below = await get(t, w.worker.auth, p.id);
    expect(below).toMatchObject({ supportCount: 1, readyAt: null });
    expect((await timeline(p.id)).at(-1)!.type).toBe('threshold_lost');
  });

  it('refuses the author’s own support: writing it already counts them, and the threshold needs others', async () => {
    await setRules(t, w, { supportThresholdKind: 'count', supportThresholdCount: 1 });
    const author = w.residents[0]!;
    const p = await openProposal(t, w, {}, author);
    const own = await support(t, author.auth, p.id);
    expect(own.status, JSON.stringify(own.body)).toBe(409);
    expect(own.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'own_proposal' } });
    expect(await supportRows(p.id)).toEqual([]);
    expect(await get(t, w.worker.auth, p.id)).toMatchObject({ supportCount: 0, readyAt: null });
    const acts: { act: string }[] = await t.ds.query(
      `SELECT act FROM participation WHERE resident_id = $1 AND subject_id = $2`,
      [author.record.id, p.id],
    );
    expect(acts.map((a) => a.act)).toEqual(['propose']);
    // One other resident reaches the threshold of one.
    expect((await support(t, w.residents[1]!.auth, p.id)).body.readyAt).not.toBeNull();
  });

  it('marks in the list which proposals the resident supports and follows, in one page', async () => {
    const r = w.residents[3]!;
    const supported = await openProposal(t, w);
    const followed = await openProposal(t, w);
    const neither = await openProposal(t, w);
    expect((await support(t, r.auth, supported.id)).status).toBe(200);
    await t.http.post(`/api/proposals/${followed.id}/follow`).set('Authorization', r.auth);
    const withdrawn = await openProposal(t, w);
    await support(t, r.auth, withdrawn.id);
    await t.http.delete(`/api/proposals/${withdrawn.id}/support`).set('Authorization', r.auth);
    const page = await t.http
      .get('/api/proposals')
      .query({ pageSize: 50 })
      .set('Authorization', r.auth);
    expect(page.status).toBe(200);
    const marks = new Map(
      (page.body.items as { id: string; supportedByMe: boolean; followedByMe: boolean }[]).map(
        (x) => [x.id, [x.supportedByMe, x.followedByMe]],
      ),
    );
    expect(marks.get(supported.id)).toEqual([true, false]);
    expect(marks.get(followed.id)).toEqual([false, true]);
    expect(marks.get(neither.id)).toEqual([false, false]);
    expect(marks.get(withdrawn.id)).toEqual([false, false]);
    // Another resident's page carries their own marks, and staff get none.
    const other = await t.http
      .get('/api/proposals')
      .query({ pageSize: 50 })
      .set('Authorization', w.residents[4]!.auth);
    expect(other.body.items.find((x: { id: string }) => x.id === supported.id).supportedByMe).toBe(
      false,
    );
    const staff = await t.http
      .get('/api/proposals')
      .query({ pageSize: 50 })
      .set('Authorization', w.worker.auth);
    expect(staff.body.items.every((x: { supportedByMe: boolean }) => !x.supportedByMe)).toBe(true);
  });

  it('takes the threshold from the households by share, never below the minimum', async () => {
    // 1.5% of 200 households is 3.
    await setRules(t, w, {
      supportThresholdKind: 'household_share',
      supportSharePercent: 1.5,
      supportMinimum: 2,
    });
    const council = await t.http
      .get(`/api/communities/${w.community.id}/council`)
      .set('Authorization', w.residents[0]!.auth);
    expect(council.body).toMatchObject({ households: 200, supportThreshold: 3 });
    const p = await openProposal(t, w);
    expect(p.supportThreshold).toBe(3);
    for (const r of w.residents.slice(1, 3)) await support(t, r.auth, p.id);
    expect((await get(t, w.worker.auth, p.id)).readyAt).toBeNull();
    const third = await support(t, w.residents[3]!.auth, p.id);
    expect(third.body).toMatchObject({ supportCount: 3 });
    expect(third.body.readyAt).not.toBeNull();
    // 0.5% of 200 is 1: the minimum of 2 holds.
    await setRules(t, w, { supportSharePercent: 0.5 });
    expect((await openProposal(t, w)).supportThreshold).toBe(2);
    // A threshold fixed when a proposal opened stays with it.
    expect((await get(t, w.worker.auth, p.id)).supportThreshold).toBe(3);
  });

  it('takes supports only from residents of the community, and only while open for support', async () => {
    const p = await openProposal(t, w);
    const outsider = await support(t, w.neighbour.resident.auth, p.id);
    expect(outsider.status).toBe(404);
    expect((await support(t, w.worker.auth, p.id)).status).toBe(403);
    const submitted = await move(
      t,
      w.residents[0]!.auth,
      await draft(t, w.residents[0]!.auth),
      'submit',
    );
    const early = await support(t, w.residents[1]!.auth, submitted.id);
    expect(early.status).toBe(409);
    expect(early.body.details).toMatchObject({
      reason: 'not_open_for_support',
      status: 'submitted',
    });
    const newcomer = await t.given.resident({ community: w.community, compound: w.compound });
    await t.ds.query(`UPDATE resident SET verification = 'unverified' WHERE id = $1`, [
      newcomer.id,
    ]);
    const auth = `Bearer ${(await t.given.residentLogin(newcomer)).accessToken}`;
    const unverified = await support(t, auth, p.id);
    expect(unverified.status).toBe(403);
    expect(unverified.body.details).toMatchObject({ reason: 'resident_unverified' });
    expect(await supportRows(p.id)).toEqual([]);
  });

  it('tells the author, supporters and followers of each later step, live and on replay', async () => {
    await setRules(t, w, { supportThresholdKind: 'count', supportThresholdCount: 10 });
    const p = await openProposal(t, w);
    const supporter = w.residents[1]!;
    const follower = w.residents[2]!;
    const bystander = w.residents[3]!;
    await support(t, supporter.auth, p.id);
    expect(
      (await t.http.post(`/api/proposals/${p.id}/follow`).set('Authorization', follower.auth)).body
        .following,
    ).toBe(true);
    const got = new Map<string, ProposalPush[]>();
    for (const [name, person] of [
      ['author', w.residents[0]!],
      ['supporter', supporter],
      ['follower', follower],
      ['bystander', bystander],
    ] as const) {
      const s = io(base, {
        path: '/socket.io',
        auth: { token: person.auth.replace('Bearer ', '') },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(s);
      const list: ProposalPush[] = [];
      got.set(name, list);
      s.on('proposal.updated', (e: ProposalPush) => list.push(e));
      await new Promise<void>((r) => s.on('connect', () => r()));
    }
    await t.app.get(ProposalsService).processTransition(systemActor('meeting'), p.id, 'schedule');
    const end = Date.now() + 5000;
    while (Date.now() < end && ['author', 'supporter', 'follower'].some((n) => !got.get(n)!.length))
      await new Promise((r) => setTimeout(r, 20));
    for (const name of ['author', 'supporter', 'follower']) {
      const pushes = got.get(name)!;
      expect(pushes, name).toHaveLength(1);
      expect(pushes[0]).toMatchObject({
        type: 'transition',
        proposal: { id: p.id, status: 'scheduled' },
      });
    }
    expect(got.get('bystander')).toEqual([]);
    // Residents' pushes carry other residents' names masked, the author's own in full.
    expect(got.get('author')![0]!.proposal.authorName).toBe(w.residents[0]!.record.name);
    expect(got.get('supporter')![0]!.proposal.authorName).not.toBe(w.residents[0]!.record.name);
    // A supporter who reconnects gets the step again by replay.
    const s = io(base, {
      path: '/socket.io',
      auth: { token: supporter.auth.replace('Bearer ', '') },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(s);
    const replayed: ProposalPush[] = [];
    s.on('proposal.updated', (e: ProposalPush) => replayed.push(e));
    const ack = (await s
      .timeout(5000)
      .emitWithAck('subscribe', { room: `user:${supporter.record.id}`, since: '0' })) as {
      ok: boolean;
    };
    expect(ack.ok).toBe(true);
    expect(replayed.map((e) => e.type)).toEqual(
      expect.arrayContaining(['supported', 'transition']),
    );
  });
});
