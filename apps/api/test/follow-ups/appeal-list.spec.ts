import type { FollowUpAppealItem, FollowUpAppealPage } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type FollowUpWorld, attempt, followUpOf, followUpWorld, resolvedCase } from './world';

let t: TestContext;
/** `home` and `neighbour` share a street; `far` lies on another one. */
let home: FollowUpWorld;
let neighbour: FollowUpWorld;
let far: FollowUpWorld;
let bureauAuth: string;

/** A very dissatisfied rating of the world's case resolved at `at`, appealed by its worker. */
async function appealed(w: FollowUpWorld, at: string): Promise<FollowUpAppealItem> {
  const c = await resolvedCase(t, w, { at });
  const f = (await followUpOf(t, w, c.id))!;
  const rated = await attempt(t, w.workerAuth, f.id, {
    method: 'phone',
    outcome: 'reached',
    satisfaction: 'very_dissatisfied',
    solved: 'partly',
  });
  const filed = await t.http
    .post(`/api/follow-up-attempts/${rated.body.attempts[0].id as string}/appeal`)
    .set('Authorization', w.workerAuth)
    .send({ reason: '评价针对物业公司收费，不属于社区职责', evidence: '通话记录' });
  expect(filed.status).toBe(201);
  return { ...(filed.body as FollowUpAppealItem), caseId: c.id, caseNumber: c.number };
}

let homeRejected: FollowUpAppealItem;
let homeUpheld: FollowUpAppealItem;
let homePending: FollowUpAppealItem;
let neighbourPending: FollowUpAppealItem;
let farPending: FollowUpAppealItem;

beforeAll(async () => {
  t = await createTestApp();
  home = await followUpWorld(t);
  neighbour = await followUpWorld(t, { street: home.street });
  far = await followUpWorld(t);
  bureauAuth = `Bearer ${await t.given.token(await t.given.staff('bureau_admin'))}`;
  homeRejected = await appealed(home, '2026-11-02T10:00:00+08:00');
  homeUpheld = await appealed(home, '2026-11-03T10:00:00+08:00');
  neighbourPending = await appealed(neighbour, '2026-11-04T10:00:00+08:00');
  homePending = await appealed(home, '2026-11-05T10:00:00+08:00');
  farPending = await appealed(far, '2026-11-06T10:00:00+08:00');
  for (const [a, decision] of [
    [homeRejected, 'rejected'],
    [homeUpheld, 'upheld'],
  ] as const) {
    const res = await t.http
      .post(`/api/follow-up-appeals/${a.id}/decision`)
      .set('Authorization', home.streetAuth)
      .send({ decision, reason: '经核实' });
    expect(res.status).toBe(200);
  }
});
afterAll(() => t.close());

async function list(auth: string, query: Record<string, string | number> = {}) {
  const res = await t.http.get('/api/follow-up-appeals').query(query).set('Authorization', auth);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as FollowUpAppealPage;
}
const ids = (page: FollowUpAppealPage) => page.items.map((a) => a.id);

describe('the list of appeals', () => {
  it('shows the street admin its street’s pending appeals, longest waiting first, with the case and rating', async () => {
    const page = await list(home.streetAuth, { status: 'pending' });
    expect(ids(page)).toEqual([neighbourPending.id, homePending.id]);
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(page.items[1]).toMatchObject({
      id: homePending.id,
      status: 'pending',
      caseId: homePending.caseId,
      caseNumber: homePending.caseNumber,
      communityId: home.community.id,
      communityName: home.community.name,
      streetId: home.street.id,
      satisfaction: 'very_dissatisfied',
      solved: 'partly',
      appealedById: home.worker.id,
      decidedById: null,
    });
  });

  it('shows every status of the street newest first, and one community when asked', async () => {
    expect(ids(await list(home.streetAuth))).toEqual([
      homePending.id,
      neighbourPending.id,
      homeUpheld.id,
      homeRejected.id,
    ]);
    expect(ids(await list(home.streetAuth, { communityId: neighbour.community.id }))).toEqual([
      neighbourPending.id,
    ]);
    // Another street's community is not the street admin's, even when named.
    expect(ids(await list(home.streetAuth, { communityId: far.community.id }))).toEqual([]);
  });

  it('filters by the decision, with who decided and why', async () => {
    const upheld = await list(home.streetAuth, { status: 'upheld' });
    expect(ids(upheld)).toEqual([homeUpheld.id]);
    expect(upheld.items[0]).toMatchObject({
      decidedById: home.streetAdmin.id,
      decisionReason: '经核实',
    });
    expect(ids(await list(home.streetAuth, { status: 'rejected' }))).toEqual([homeRejected.id]);
  });

  it('shows a community’s staff only their own community’s appeals', async () => {
    expect(ids(await list(neighbour.workerAuth))).toEqual([neighbourPending.id]);
    expect(ids(await list(neighbour.adminAuth, { communityId: home.community.id }))).toEqual([]);
    expect((await list(home.workerAuth, { status: 'pending' })).items).toHaveLength(1);
    expect((await list(home.adminAuth)).total).toBe(3);
  });

  it('shows the bureau every street, and pages', async () => {
    const all = await list(bureauAuth, { status: 'pending' });
    expect(ids(all)).toEqual([neighbourPending.id, homePending.id, farPending.id]);
    const second = await list(bureauAuth, { status: 'pending', page: 2, pageSize: 2 });
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(ids(second)).toEqual([farPending.id]);
  });

  it('is not for residents', async () => {
    const res = await t.http.get('/api/follow-up-appeals').set('Authorization', home.residentAuth);
    expect(res.status).toBe(403);
  });

  it.each([
    [{ status: 'approved' }, 'status', 'not_one_of'],
    [{ communityId: 'not-a-community' }, 'communityId', 'invalid_id'],
    [{ pageSize: 0 }, 'pageSize', 'too_small'],
    [{ page: 'two' }, 'page', 'not_an_integer'],
    [{ streetId: '6f1c2a4e-1b2d-4c3e-9f00-0a1b2c3d4e5f' }, 'streetId', 'unknown_field'],
  ])('refuses %o, naming the field', async (query, field, code) => {
    const res = await t.http
      .get('/api/follow-up-appeals')
      .query(query)
      .set('Authorization', home.streetAuth);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.body.fields[0]).toMatchObject({ field, code });
  });

  it('names the case and rating of each appeal in the community’s summary too', async () => {
    const res = await t.http
      .get(`/api/communities/${home.community.id}/follow-up-summary`)
      .query({ from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' })
      .set('Authorization', home.streetAuth);
    expect(res.status).toBe(200);
    const items = res.body.appeals.items as FollowUpAppealItem[];
    expect(items.map((a) => [a.caseNumber, a.status])).toEqual([
      [homePending.caseNumber, 'pending'],
      [homeUpheld.caseNumber, 'upheld'],
      [homeRejected.caseNumber, 'rejected'],
    ]);
  });
});
