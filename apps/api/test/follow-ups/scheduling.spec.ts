import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FollowUpsService } from '../../src/follow-ups/follow-ups.service';
import { type TestContext, createTestApp } from '../utils/app';
import {
  type FollowUpWorld,
  SCRIPT,
  attempt,
  caseOf,
  drain,
  followUpOf,
  followUpWorld,
  resolvedCase,
} from './world';

let t: TestContext;
let w: FollowUpWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await followUpWorld(t);
});
afterAll(() => t.close());

const service = () => t.app.get(FollowUpsService);

describe('scheduling a follow-up when a case is resolved', () => {
  it('creates exactly one task, due three working days later across the weekend, for the compound’s worker', async () => {
    // Friday 13 November 2026, 10:00 in Shanghai: Monday, Tuesday, Wednesday are the three days.
    const c = await resolvedCase(t, w, { at: '2026-11-13T10:00:00+08:00' });
    await drain(t);
    const rows: { n: number }[] = await t.ds.query(
      'SELECT count(*)::int AS n FROM follow_up_task WHERE case_id = $1',
      [c.id],
    );
    expect(rows[0]!.n).toBe(1);
    const f = (await followUpOf(t, w, c.id))!;
    expect(f).toMatchObject({
      status: 'open',
      round: 1,
      assigneeId: w.worker.id,
      dueAt: new Date('2026-11-18T21:30:00+08:00').toISOString(),
      firstDueAt: new Date('2026-11-18T21:30:00+08:00').toISOString(),
      script: SCRIPT,
      contactUrl: `/api/cases/${c.id}/contact`,
      attempts: [],
    });
    // Scheduling again (a reaction retried) adds nothing.
    await service().schedule({ kind: 'system', id: null, name: 'system', reason: 'test' }, c.id);
    const again: { n: number }[] = await t.ds.query(
      'SELECT count(*)::int AS n FROM follow_up_task WHERE case_id = $1',
      [c.id],
    );
    expect(again[0]!.n).toBe(1);
  });

  it('skips the National Day holiday and counts the make-up Saturday (调休) as a working day', async () => {
    // Wednesday 30 September 2026: 1–7 October are holidays; Thu 8, Fri 9 and the make-up Saturday 10 count.
    const c = await resolvedCase(t, w, { at: '2026-09-30T10:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    expect(f.dueAt).toBe(new Date('2026-10-10T21:30:00+08:00').toISOString());
  });

  it('takes the due days from configuration', async () => {
    const t2 = await createTestApp({ FOLLOW_UP_DUE_WORKING_DAYS: '1' });
    try {
      const w2 = await followUpWorld(t2);
      const c = await resolvedCase(t2, w2, { at: '2026-11-13T10:00:00+08:00' });
      const f = (await followUpOf(t2, w2, c.id))!;
      expect(f.dueAt).toBe(new Date('2026-11-16T21:30:00+08:00').toISOString());
    } finally {
      await t2.close();
    }
  });

  it('falls back to the community admin where no worker is responsible for the compound', async () => {
    const c = await resolvedCase(t, w, {
      at: '2026-11-16T10:00:00+08:00',
      compound: w.bareCompound,
    });
    const f = (await followUpOf(t, w, c.id))!;
    expect(f.assigneeId).toBe(w.admin.id);
  });

  it('lets the community admin reassign, and nobody else', async () => {
    const c = await resolvedCase(t, w, {
      at: '2026-11-16T11:00:00+08:00',
      compound: w.bareCompound,
    });
    const f = (await followUpOf(t, w, c.id))!;
    const byWorker = await t.http
      .post(`/api/follow-ups/${f.id}/assign`)
      .set('Authorization', w.workerAuth)
      .send({ assigneeId: w.worker.id });
    expect(byWorker.status).toBe(403);
    const bad = await t.http
      .post(`/api/follow-ups/${f.id}/assign`)
      .set('Authorization', w.adminAuth)
      .send({ assigneeId: w.streetAdmin.id });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0]).toMatchObject({ field: 'assigneeId', code: 'not_found' });
    const res = await t.http
      .post(`/api/follow-ups/${f.id}/assign`)
      .set('Authorization', w.adminAuth)
      .send({ assigneeId: w.worker.id });
    expect(res.status).toBe(200);
    expect(res.body.assigneeId).toBe(w.worker.id);
    const mine = await t.http
      .get('/api/follow-ups')
      .query({ assignee: 'me', pageSize: 200 })
      .set('Authorization', w.workerAuth);
    expect((mine.body.items as { id: string }[]).map((i) => i.id)).toContain(f.id);
  });

  it('marks overdue follow-ups once, tells the assignee, and lists them as overdue', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-16T12:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    t.clock.set('2026-11-20T09:00:00+08:00');
    expect(await service().markOverdue()).toBeGreaterThanOrEqual(1);
    expect(await service().markOverdue()).toBe(0);
    const events: { rooms: string[] }[] = await t.ds.query(
      `SELECT rooms FROM domain_event WHERE name = 'followup.overdue' AND subject_id = $1`,
      [f.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.rooms).toContain(`user:${w.worker.id}`);
    const overdue = await t.http
      .get('/api/follow-ups')
      .query({ due: 'overdue', assignee: 'me', pageSize: 200 })
      .set('Authorization', w.workerAuth);
    expect(overdue.status).toBe(200);
    const item = (overdue.body.items as { id: string; overdue: boolean }[]).find(
      (i) => i.id === f.id,
    );
    expect(item?.overdue).toBe(true);
  });

  it('lists what is due today in Shanghai', async () => {
    const c = await resolvedCase(t, w, { at: '2026-12-01T09:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    t.clock.set('2026-12-04T08:00:00+08:00');
    const today = await t.http
      .get('/api/follow-ups')
      .query({ due: 'today', pageSize: 200 })
      .set('Authorization', w.workerAuth);
    expect((today.body.items as { id: string }[]).map((i) => i.id)).toContain(f.id);
    const byCompound = await t.http
      .get('/api/follow-ups')
      .query({ compoundId: w.bareCompound.id, pageSize: 200 })
      .set('Authorization', w.workerAuth);
    expect((byCompound.body.items as { id: string }[]).map((i) => i.id)).not.toContain(f.id);
  });

  it('closes a case whose category needs no follow-up after the quiet period, as the system', async () => {
    const c = await resolvedCase(t, w, {
      at: '2026-11-02T10:00:00+08:00',
      category: w.quietCategory,
    });
    expect(await followUpOf(t, w, c.id)).toBeNull();
    t.clock.set('2026-11-08T10:00:00+08:00');
    await service().closeQuietCases();
    expect((await caseOf(t, w, c.id)).status).toBe('resolved');
    t.clock.set('2026-11-09T10:30:00+08:00');
    expect(await service().closeQuietCases()).toBeGreaterThanOrEqual(1);
    const closed = await caseOf(t, w, c.id);
    expect(closed.status).toBe('closed');
    const [e] = await t.ds.query(
      `SELECT actor_kind, data FROM case_event WHERE case_id = $1 AND to_status = 'closed'`,
      [c.id],
    );
    expect(e).toMatchObject({
      actor_kind: 'system',
      data: { reason: 'quiet_period', noteCode: 'auto_closed' },
    });
  });

  it('keeps a quiet case open when the resident objects in the app', async () => {
    const c = await resolvedCase(t, w, {
      at: '2026-11-02T11:00:00+08:00',
      category: w.quietCategory,
    });
    t.clock.set('2026-11-03T10:00:00+08:00');
    const rated = await t.http
      .post(`/api/cases/${c.id}/rating`)
      .set('Authorization', w.residentAuth)
      .send({ satisfaction: 'dissatisfied', solved: 'no', comment: '味道还在' });
    expect(rated.status).toBe(201);
    await drain(t);
    t.clock.set('2026-11-12T10:00:00+08:00');
    await service().closeQuietCases();
    expect((await caseOf(t, w, c.id)).status).toBe('in_progress');
  });

  it('retries an unreachable resident a working day later and gives up after the third try', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-16T14:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    // Friday 20 Nov: the next try is due Monday 23 Nov.
    t.clock.set('2026-11-20T10:00:00+08:00');
    const first = await attempt(t, w.workerAuth, f.id, { method: 'phone', outcome: 'unreachable' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'open',
      tries: 1,
      retryPending: true,
      dueAt: new Date('2026-11-23T21:30:00+08:00').toISOString(),
    });
    const pending = await t.http
      .get('/api/follow-ups')
      .query({ retriesPending: 'true', pageSize: 200 })
      .set('Authorization', w.workerAuth);
    expect((pending.body.items as { id: string }[]).map((i) => i.id)).toContain(f.id);
    t.clock.set('2026-11-23T10:00:00+08:00');
    const second = await attempt(t, w.workerAuth, f.id, {
      method: 'visit',
      outcome: 'unreachable',
    });
    expect(second.body).toMatchObject({ status: 'open', tries: 2 });
    t.clock.set('2026-11-24T10:00:00+08:00');
    const third = await attempt(t, w.workerAuth, f.id, { method: 'phone', outcome: 'unreachable' });
    expect(third.body).toMatchObject({ status: 'unreachable', tries: 3, verdict: 'close' });
    expect(third.body.attempts).toHaveLength(3);
    expect((await caseOf(t, w, c.id)).status).toBe('closed');
    const later = await attempt(t, w.workerAuth, f.id, { method: 'phone', outcome: 'unreachable' });
    expect(later.status).toBe(409);
    expect(later.body.details).toMatchObject({ reason: 'follow_up_finished' });
  });

  it('invites a resident who has not rated within two days, once', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-25T10:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    t.clock.set('2026-11-26T10:00:00+08:00');
    await service().inviteToRate();
    const none = await t.http.get('/api/rating-invitations').set('Authorization', w.residentAuth);
    expect((none.body as { followUpId: string }[]).map((i) => i.followUpId)).not.toContain(f.id);
    t.clock.set('2026-11-27T10:30:00+08:00');
    expect(await service().inviteToRate()).toBeGreaterThanOrEqual(1);
    expect(await service().inviteToRate()).toBe(0);
    const res = await t.http.get('/api/rating-invitations').set('Authorization', w.residentAuth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ followUpId: f.id, caseId: c.id })]),
    );
    const [e] = await t.ds.query(
      `SELECT rooms FROM domain_event WHERE name = 'followup.updated' AND subject_id = $1 AND data->>'type' = 'invited'`,
      [f.id],
    );
    expect(e.rooms).toEqual([`user:${w.resident.id}`]);
  });
  it('shows the category’s follow-up script as the bureau edits it, in Chinese and English', async () => {
    const bureauAuth = `Bearer ${await t.given.token(await t.given.staff('bureau_admin'))}`;
    const category = await t.given.category();
    const script = {
      zh: '请问垃圾房的问题解决了吗？',
      en: 'Has the garbage room been sorted out?',
    };
    const patched = await t.http
      .patch(`/api/categories/${category.id}`)
      .set('Authorization', bureauAuth)
      .send({ followUpScript: script });
    expect(patched.status).toBe(200);
    expect(patched.body.followUpScript).toEqual(script);
    const empty = await t.http
      .patch(`/api/categories/${category.id}`)
      .set('Authorization', bureauAuth)
      .send({ followUpScript: { zh: '', en: 'x' } });
    expect(empty.status).toBe(400);
    expect(empty.body.fields[0]).toMatchObject({ field: 'followUpScript.zh' });
    const c = await resolvedCase(t, w, { at: '2026-12-01T10:00:00+08:00', category });
    expect((await followUpOf(t, w, c.id))!.script).toEqual(script);
  });
});
