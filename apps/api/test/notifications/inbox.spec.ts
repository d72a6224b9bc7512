import type {
  CaseDetail,
  NotificationCount,
  NotificationPage,
  ResidentNotification,
} from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import {
  type CouncilWorld,
  councilWorld,
  drain,
  move,
  openProposal,
  support,
} from '../council/world';

let t: TestContext;
let w: CouncilWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t);
});
afterAll(() => t.close());

async function inbox(auth: string, query: Record<string, unknown> = {}): Promise<NotificationPage> {
  const res = await t.http.get('/api/me/notifications').set('Authorization', auth).query(query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as NotificationPage;
}

async function seen(auth: string, upTo: string): Promise<NotificationCount> {
  const res = await t.http
    .post('/api/me/notifications/seen')
    .set('Authorization', auth)
    .send({ upTo });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as NotificationCount;
}

const describeItem = (n: ResidentNotification) =>
  `${n.name}:${'type' in n.push ? n.push.type : ''}:${n.toStatus ?? ''}`;

async function fileCase(residentIndex: number): Promise<CaseDetail> {
  const r = w.residents[residentIndex]!;
  const res = await t.http.post('/api/cases').set('Authorization', w.desker.auth).send({
    categoryId: w.concern.id,
    description: '小区空地成了垃圾堆，气味很大',
    residentId: r.record.id,
    compoundId: w.compound.id,
    deskId: w.desk.id,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as CaseDetail;
}

describe('a resident’s inbox (消息)', () => {
  it('holds the steps of their case and of the proposal it was taken to, newest first, as pushed live', async () => {
    const c = await fileCase(1);
    const promoted = await t.http
      .post('/api/proposals/from-cases')
      .set('Authorization', w.worker.auth)
      .send({
        caseIds: [c.id],
        title: '空地垃圾堆改建垃圾房和晾晒点',
        description: '居民反映空地成了垃圾堆，提请议事会讨论改建垃圾房和晾晒点。',
        topic: 'environment',
      });
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(201);
    const screening = await move(t, w.worker.auth, promoted.body, 'start_screening');
    await move(t, w.worker.auth, screening, 'accept');
    await drain(t);

    const page = await inbox(w.residents[1]!.auth);
    const kinds = page.items.map(describeItem);
    expect(kinds).toEqual([
      'proposal.updated:transition:open_for_support',
      'proposal.updated:transition:screening',
      'case.updated:taken_to_council:',
      'proposal.updated:promoted:submitted',
      'case.created:created:submitted',
    ]);
    const ids = page.items.map((n) => BigInt(n.id));
    expect([...ids].sort((a, b) => (a < b ? 1 : -1))).toEqual(ids);
    const newest = page.items[0]!;
    if (newest.name !== 'proposal.updated') throw new Error('expected a proposal step');
    expect(newest.push.proposal.title).toBe('空地垃圾堆改建垃圾房和晾晒点');
    const oldest = page.items.at(-1)!;
    if (oldest.name !== 'case.created') throw new Error('expected the case');
    expect(oldest.push.case.number).toBe(c.number);
    expect(page).toMatchObject({ unread: 5, seenUpTo: null, nextBefore: null });
  });

  it('leaves out the resident’s own acts and what only staff are told', async () => {
    const author = w.residents[0]!;
    const p = await openProposal(t, w);
    await support(t, w.residents[2]!.auth, p.id);
    await drain(t);
    const mine = (await inbox(author.auth)).items.map(describeItem);
    // The author wrote and submitted it: only the staff's screening and what followed is news.
    expect(mine).not.toContain('proposal.updated:transition:submitted');
    expect(mine).toContain('proposal.updated:transition:open_for_support');
    const supporter = (await inbox(w.residents[2]!.auth)).items.map(describeItem);
    expect(supporter.filter((k) => k.includes('supported'))).toEqual([]);
    // A neighbour community's resident is told nothing of it.
    expect((await inbox(w.neighbour.resident.auth)).items).toEqual([]);
  });

  it('pages back without gaps or repeats', async () => {
    const all = (await inbox(w.residents[1]!.auth)).items.map((n) => n.id);
    const seenIds: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await inbox(w.residents[1]!.auth, { limit: 2, ...(before ? { before } : {}) });
      seenIds.push(...page.items.map((n) => n.id));
      if (!page.nextBefore) break;
      before = page.nextBefore;
    }
    expect(seenIds).toEqual(all);
  });

  it('counts what came after the seen mark, which never moves back', async () => {
    const r = w.residents[1]!;
    const page = await inbox(r.auth);
    const newest = page.items[0]!.id;
    expect(await seen(r.auth, newest)).toEqual({ unread: 0, seenUpTo: newest });
    expect(await seen(r.auth, page.items.at(-1)!.id)).toEqual({ unread: 0, seenUpTo: newest });

    await fileCase(1);
    await drain(t);
    const count = await t.http.get('/api/me/notifications/unread').set('Authorization', r.auth);
    expect(count.body).toEqual({ unread: 1, seenUpTo: newest });
    expect((await inbox(r.auth)).unread).toBe(1);
  });

  it('is the residents’ own: staff are refused, bad input names the field', async () => {
    const staff = await t.http.get('/api/me/notifications').set('Authorization', w.admin.auth);
    expect(staff.status).toBe(403);
    const r = w.residents[0]!.auth;
    for (const [query, field] of [
      [{ before: 'abc' }, 'before'],
      [{ before: '-1' }, 'before'],
      [{ limit: 0 }, 'limit'],
      [{ limit: 51 }, 'limit'],
    ] as const) {
      const res = await t.http.get('/api/me/notifications').set('Authorization', r).query(query);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.fields).toEqual([expect.objectContaining({ field })]);
    }
    for (const body of [{}, { upTo: 'x'.repeat(5000) }, { upTo: 12 }]) {
      const res = await t.http
        .post('/api/me/notifications/seen')
        .set('Authorization', r)
        .send(body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.fields).toEqual([expect.objectContaining({ field: 'upTo' })]);
    }
  });
});
