import type { FollowUpDetail, ResidentFollowUp } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import {
  type FollowUpWorld,
  attempt,
  drain,
  followUpOf,
  followUpWorld,
  reResolve,
  resolvedCase,
} from './world';

let t: TestContext;
let w: FollowUpWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await followUpWorld(t);
});
afterAll(() => t.close());

async function viewOf(caseId: string, auth = w.residentAuth) {
  return t.http.get(`/api/cases/${caseId}/follow-up`).set('Authorization', auth);
}

describe("the resident's view of the follow-ups of their request", () => {
  it('says that a worker followed up by phone and when, without the worker’s name or notes', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-16T10:00:00+08:00' });
    const before = await viewOf(c.id);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ caseId: c.id, canRate: true, ratings: [], contacts: [] });

    const f = (await followUpOf(t, w, c.id))!;
    t.clock.set('2026-11-17T09:00:00+08:00');
    await attempt(t, w.workerAuth, f.id, {
      method: 'phone',
      outcome: 'unreachable',
      notes: '无人接听，明天再打',
    });
    t.clock.set('2026-11-18T10:30:00+08:00');
    await attempt(t, w.workerAuth, f.id, {
      method: 'phone',
      outcome: 'reached',
      satisfaction: 'satisfied',
      solved: 'yes',
      notes: '居民说灯已经亮了，顺便抱怨了物业',
    });

    const res = await viewOf(c.id);
    expect(res.status).toBe(200);
    const view = res.body as ResidentFollowUp;
    expect(view.contacts).toEqual([
      {
        round: 1,
        method: 'phone',
        outcome: 'unreachable',
        at: new Date('2026-11-17T09:00:00+08:00').toISOString(),
      },
      {
        round: 1,
        method: 'phone',
        outcome: 'reached',
        at: new Date('2026-11-18T10:30:00+08:00').toISOString(),
      },
    ]);
    // The case closed on the worker's result: nothing is left to rate.
    expect(view.canRate).toBe(false);
    expect(view.ratings).toEqual([]);
    const body = JSON.stringify(res.body);
    expect(body).not.toContain(w.worker.displayName);
    expect(body).not.toContain('物业');
    expect(body).not.toContain(w.worker.id);
  });

  it('shows the resident’s own rating and what it did, and offers a new rating after the rework', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-16T11:00:00+08:00' });
    t.clock.set('2026-11-17T11:00:00+08:00');
    const rated = await t.http
      .post(`/api/cases/${c.id}/rating`)
      .set('Authorization', w.residentAuth)
      .send({ satisfaction: 'dissatisfied', solved: 'no', comment: '灯还是不亮' });
    expect(rated.status).toBe(201);
    await drain(t);

    const after = (await viewOf(c.id)).body as ResidentFollowUp;
    expect(after).toEqual({
      caseId: c.id,
      canRate: false,
      ratings: [
        {
          round: 1,
          satisfaction: 'dissatisfied',
          solved: 'no',
          comment: '灯还是不亮',
          ratedAt: new Date('2026-11-17T11:00:00+08:00').toISOString(),
          verdict: 'reopen',
        },
      ],
      contacts: [],
    });

    t.clock.set('2026-11-19T10:00:00+08:00');
    await reResolve(t, w, c.id);
    const again = (await viewOf(c.id)).body as ResidentFollowUp;
    expect(again.canRate).toBe(true);
    expect(again.ratings).toHaveLength(1);
  });

  it('answers the rating with the resident’s own attempt only, not the staff’s earlier tries', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-16T12:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    t.clock.set('2026-11-17T09:30:00+08:00');
    await attempt(t, w.workerAuth, f.id, {
      method: 'phone',
      outcome: 'unreachable',
      notes: '关机',
    });
    const rated = await t.http
      .post(`/api/cases/${c.id}/rating`)
      .set('Authorization', w.residentAuth)
      .send({ satisfaction: 'very_satisfied', solved: 'yes' });
    expect(rated.status).toBe(201);
    const detail = rated.body as FollowUpDetail;
    expect(detail.attempts.map((a) => a.recordedByKind)).toEqual(['resident']);
    expect(JSON.stringify(detail)).not.toContain('关机');
    await drain(t);
    const view = (await viewOf(c.id)).body as ResidentFollowUp;
    expect(view.contacts.map((x) => x.outcome)).toEqual(['unreachable']);
    expect(view.ratings.map((r) => r.verdict)).toEqual(['close']);
  });

  it('is the own resident’s only: another resident gets not found, staff are refused', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-16T13:00:00+08:00' });
    const other = await t.given.resident({ community: w.community, compound: w.compound });
    const otherAuth = `Bearer ${(await t.given.residentLogin(other)).accessToken}`;
    expect((await viewOf(c.id, otherAuth)).status).toBe(404);
    expect((await viewOf(c.id, w.deskAuth)).status).toBe(403);
  });
});
