import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import {
  type FollowUpWorld,
  attempt,
  caseOf,
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

const reached = (satisfaction: string, solved: string) => ({
  method: 'phone',
  outcome: 'reached',
  satisfaction,
  solved,
  notes: '电话回访',
});

describe('what a follow-up does to its case', () => {
  it('closes the case when the resident is satisfied and it was solved', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-16T10:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    t.clock.set('2026-11-17T10:00:00+08:00');
    const res = await attempt(t, w.workerAuth, f.id, reached('basically_satisfied', 'partly'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'done', verdict: 'close' });
    const after = await caseOf(t, w, c.id);
    expect(after.status).toBe('closed');
    const [e] = await t.ds.query(
      `SELECT actor_kind, data FROM case_event WHERE case_id = $1 AND to_status = 'closed'`,
      [c.id],
    );
    expect(e).toMatchObject({
      actor_kind: 'system',
      data: {
        action: 'close',
        reason: 'followup_satisfied',
        followUpId: f.id,
        noteCode: 'followup_satisfied',
      },
    });
  });

  it('reopens a dissatisfied case as a repeat with a five-working-day rework deadline and alerts the desk', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-16T11:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    // Friday 20 November: five working days later is Friday 27 November, 21:30 at the desk.
    t.clock.set('2026-11-20T10:00:00+08:00');
    const res = await attempt(t, w.workerAuth, f.id, reached('very_dissatisfied', 'yes'));
    expect(res.body).toMatchObject({
      verdict: 'reopen',
      reworkDueAt: new Date('2026-11-27T21:30:00+08:00').toISOString(),
    });
    const after = await caseOf(t, w, c.id);
    expect(after).toMatchObject({ status: 'in_progress', reopenCount: 1 });
    expect(after.sla.resolveDueAt).toBe(new Date('2026-11-27T21:30:00+08:00').toISOString());
    const [e] = await t.ds.query(
      `SELECT rooms, reason FROM domain_event WHERE subject_id = $1 AND name = 'case.updated' ORDER BY id DESC LIMIT 1`,
      [c.id],
    );
    expect(e).toMatchObject({ reason: 'followup_dissatisfied' });
    expect(e.rooms).toContain(`desk:${w.desk.id}`);
    // The timelines say it in words: a code with the rework deadline, never a sentence.
    const [reopen] = await t.ds.query(
      `SELECT note, data FROM case_event WHERE case_id = $1 AND data->>'action' = 'reopen'`,
      [c.id],
    );
    expect(reopen).toMatchObject({
      note: null,
      data: {
        noteCode: 'followup_dissatisfied',
        noteParams: { reworkDueAt: new Date('2026-11-27T21:30:00+08:00').toISOString() },
      },
    });
  });

  it('reopens a case the resident says is not solved, and schedules a second follow-up after the rework', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-16T12:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    t.clock.set('2026-11-17T10:00:00+08:00');
    await attempt(t, w.workerAuth, f.id, reached('satisfied', 'no'));
    expect((await caseOf(t, w, c.id)).status).toBe('in_progress');
    t.clock.set('2026-11-19T10:00:00+08:00');
    await reResolve(t, w, c.id);
    const second = (await followUpOf(t, w, c.id))!;
    expect(second.id).not.toBe(f.id);
    expect(second).toMatchObject({ round: 2, status: 'open', assigneeId: w.worker.id });
    expect(second.dueAt).toBe(new Date('2026-11-24T21:30:00+08:00').toISOString());
  });

  it('escalates a case to the street at its third reopening', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-16T13:00:00+08:00' });
    for (let round = 1; round <= 3; round++) {
      const f = (await followUpOf(t, w, c.id))!;
      expect(f.round).toBe(round);
      t.clock.set(`2026-11-${16 + round}T15:00:00+08:00`);
      await attempt(t, w.workerAuth, f.id, reached('dissatisfied', 'no'));
      const now = await caseOf(t, w, c.id);
      expect(now.reopenCount).toBe(round);
      expect(now.escalated).toBe(round === 3);
      if (round < 3) {
        t.clock.set(`2026-11-${16 + round}T18:00:00+08:00`);
        await reResolve(t, w, c.id);
      }
    }
    const [e] = await t.ds.query(
      `SELECT data, actor_kind FROM case_event WHERE case_id = $1 AND type = 'escalated'`,
      [c.id],
    );
    expect(e).toMatchObject({
      actor_kind: 'system',
      data: {
        to: 'street',
        reopenCount: 3,
        reason: 'reopened_repeatedly',
        noteCode: 'reopened_escalated',
      },
    });
    const [pushed] = await t.ds.query(
      `SELECT rooms FROM domain_event WHERE subject_id = $1 AND reason = 'reopened_repeatedly'`,
      [c.id],
    );
    expect(pushed.rooms).toContain(`user:${w.streetAdmin.id}`);
  });

  it('closes the task as declined and the case with it', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-16T14:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    const res = await attempt(t, w.workerAuth, f.id, { method: 'visit', outcome: 'declined' });
    expect(res.body).toMatchObject({ status: 'done', verdict: 'close' });
    expect((await caseOf(t, w, c.id)).status).toBe('closed');
  });

  it('corrects a result only by a later attempt with a reason; the first stays as it was', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-16T15:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    const first = await attempt(t, w.workerAuth, f.id, reached('satisfied', 'yes'));
    const firstId = first.body.attempts[0].id as string;
    const noReason = await attempt(t, w.workerAuth, f.id, {
      ...reached('very_satisfied', 'yes'),
      supersedesId: firstId,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields[0]).toMatchObject({ field: 'supersedeReason', code: 'required' });
    const fixed = await attempt(t, w.workerAuth, f.id, {
      ...reached('very_satisfied', 'yes'),
      supersedesId: firstId,
      supersedeReason: '录入时选错了等级',
    });
    expect(fixed.status).toBe(201);
    expect(fixed.body.attempts).toHaveLength(2);
    expect(fixed.body.attempts[0]).toMatchObject({
      id: firstId,
      satisfaction: 'satisfied',
      supersededById: fixed.body.attempts[1].id,
    });
    expect(fixed.body.attempts[1]).toMatchObject({
      supersedesId: firstId,
      supersedeReason: '录入时选错了等级',
    });
    await expect(
      t.ds.query(`UPDATE follow_up_attempt SET satisfaction = 'very_satisfied' WHERE id = $1`, [
        firstId,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.ds.query(`DELETE FROM follow_up_attempt WHERE id = $1`, [firstId]),
    ).rejects.toThrow(/append-only/);
  });
});

describe('the resident’s own rating', () => {
  it('completes the follow-up with method app and the same consequences, once', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-18T10:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    const res = await t.http
      .post(`/api/cases/${c.id}/rating`)
      .set('Authorization', w.residentAuth)
      .send({ satisfaction: 'very_satisfied', solved: 'yes', comment: '很满意，谢谢' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: f.id,
      status: 'done',
      verdict: 'close',
      assigneeId: null,
    });
    expect(res.body.attempts[0]).toMatchObject({
      method: 'app',
      recordedByKind: 'resident',
      notes: '很满意，谢谢',
    });
    await drain(t);
    expect((await caseOf(t, w, c.id)).status).toBe('closed');
    const again = await t.http
      .post(`/api/cases/${c.id}/rating`)
      .set('Authorization', w.residentAuth)
      .send({ satisfaction: 'satisfied', solved: 'yes' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'already_rated' } });
  });

  it('reopens the case when the resident says it is not solved', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-18T11:00:00+08:00' });
    const res = await t.http
      .post(`/api/cases/${c.id}/rating`)
      .set('Authorization', w.residentAuth)
      .send({ satisfaction: 'basically_satisfied', solved: 'no' });
    expect(res.status).toBe(201);
    await drain(t);
    expect(await caseOf(t, w, c.id)).toMatchObject({ status: 'in_progress', reopenCount: 1 });
  });

  it('lets only the case’s own resident rate it, and only once it is resolved', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-18T12:00:00+08:00' });
    const other = await t.given.resident({ community: w.community, compound: w.compound });
    const otherAuth = `Bearer ${(await t.given.residentLogin(other)).accessToken}`;
    const res = await t.http
      .post(`/api/cases/${c.id}/rating`)
      .set('Authorization', otherAuth)
      .send({ satisfaction: 'very_dissatisfied', solved: 'no' });
    expect(res.status).toBe(404);
    const staff = await t.http
      .post(`/api/cases/${c.id}/rating`)
      .set('Authorization', w.workerAuth)
      .send({ satisfaction: 'satisfied', solved: 'yes' });
    expect(staff.status).toBe(403);
    const open = await t.http
      .post('/api/cases')
      .set('Authorization', w.residentAuth)
      .send({ categoryId: w.category.id, description: '路灯不亮了，请尽快修理' });
    expect(open.status).toBe(201);
    const early = await t.http
      .post(`/api/cases/${open.body.id}/rating`)
      .set('Authorization', w.residentAuth)
      .send({ satisfaction: 'satisfied', solved: 'yes' });
    expect(early.status).toBe(409);
    expect(early.body.details).toMatchObject({ reason: 'not_resolved' });
  });

  it('names the field of a rating outside the scale', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-18T13:00:00+08:00' });
    const res = await t.http
      .post(`/api/cases/${c.id}/rating`)
      .set('Authorization', w.residentAuth)
      .send({ satisfaction: 'ecstatic', solved: 'maybe' });
    expect(res.status).toBe(400);
    expect(
      (res.body.fields as { field: string; code: string }[]).map((f) => f.field).sort(),
    ).toEqual(['satisfaction', 'solved']);
    expect(res.body.fields[0].code).toBe('not_one_of');
  });
});
