import type { CaseDetail, CaseEvent } from '@baitong/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/actor';
import { CasesService } from '../../src/cases/cases.service';
import { DeskEntity } from '../../src/org/org.entities';
import { type TestContext, createTestApp } from '../utils/app';
import { type CaseWorld, act, caseWorld, deskCase } from './world';

// How a desk works a case: who holds it, why it waits, and when its record is final. Each test
// builds its own community, so they pass in any order and one at a time.
let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterEach(() => {
  t.clock.at = null;
});
afterAll(() => t.close());

const fieldsOf = (body: { fields?: { field: string }[] }) =>
  (body.fields ?? []).map((f) => f.field);

async function events(w: CaseWorld, auth: string, c: { id: string }): Promise<CaseEvent[]> {
  return (await t.http.get(`/api/cases/${c.id}/events`).set('Authorization', auth)).body;
}

describe('accepting a case', () => {
  it('assigns it to the worker who accepted it, and it can still be reassigned', async () => {
    const w = await caseWorld(t);
    const c = await deskCase(t, w);
    expect(c.assigneeId).toBeNull();
    const accepted = await act(t, w.workerAuth, c, { action: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      assigneeId: w.worker.id,
      assigneeName: w.worker.displayName,
    });
    const mine = await t.http
      .get(`/api/cases?assignee=me&deskId=${w.desk.id}`)
      .set('Authorization', w.workerAuth);
    expect(mine.body.items.map((x: CaseDetail) => x.id)).toEqual([c.id]);
    const last = (await events(w, w.deskAuth, c)).at(-1)!;
    expect(last.data).toMatchObject({ action: 'accept', assigneeId: w.worker.id });

    const reassigned = await t.http
      .post(`/api/cases/${c.id}/assign`)
      .set('Authorization', w.workerAuth)
      .send({ version: accepted.body.version, assigneeId: w.desker.id });
    expect(reassigned.status).toBe(200);
    expect(reassigned.body).toMatchObject({ status: 'accepted', assigneeId: w.desker.id });
  });
});

describe('reopening', () => {
  it('needs a reason: 400 naming the field, and the case stays resolved', async () => {
    const w = await caseWorld(t);
    let c = await deskCase(t, w);
    c = (await act(t, w.deskAuth, c, { action: 'accept' })).body;
    c = (await act(t, w.deskAuth, c, { action: 'resolve', resolution: '已更换灯泡' })).body;
    for (const body of [{}, { reason: '   ' }, { note: '回访' }]) {
      const res = await act(t, w.deskAuth, c, { action: 'reopen', ...body });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['reason']);
    }
    const still = (await t.http.get(`/api/cases/${c.id}`).set('Authorization', w.deskAuth)).body;
    expect(still).toMatchObject({ status: 'resolved', version: c.version, reopenCount: 0 });

    const ok = await act(t, w.deskAuth, c, { action: 'reopen', reason: '回访时居民说灯又坏了' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'in_progress', reopenCount: 1 });
    expect((await events(w, w.deskAuth, c)).at(-1)).toMatchObject({
      toStatus: 'in_progress',
      note: '回访时居民说灯又坏了',
    });
  });
});

describe('waiting', () => {
  it('for the resident pauses the clock and asks them for what is missing', async () => {
    const w = await caseWorld(t);
    t.clock.set('2026-11-23T09:00:00+08:00');
    const resident = await t.http
      .post('/api/cases')
      .set('Authorization', w.residentAuth)
      .send({ categoryId: w.category.id, description: '申请高龄津贴需要哪些材料' });
    let c: CaseDetail = (await act(t, w.deskAuth, resident.body, { action: 'accept' })).body;
    const missing = await act(t, w.deskAuth, c, { action: 'wait_resident' });
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(['note']);
    t.clock.set('2026-11-23T10:00:00+08:00');
    c = (await act(t, w.deskAuth, c, { action: 'wait_resident', note: '请补充户口本复印件' })).body;
    expect(c).toMatchObject({ status: 'waiting_resident', waitingFor: null });
    expect(c.sla).toMatchObject({ paused: true, resolveDueAt: null, resolveOverdue: false });

    const theirs = await events(w, w.residentAuth, c);
    expect(theirs.at(-1)).toMatchObject({
      toStatus: 'waiting_resident',
      note: '请补充户口本复印件',
    });
  });

  it('for a third party keeps the clock running, and the resident sees whom it waits for', async () => {
    const w = await caseWorld(t);
    t.clock.set('2026-11-23T09:00:00+08:00');
    const created = await t.http
      .post('/api/cases')
      .set('Authorization', w.residentAuth)
      .send({ categoryId: w.category.id, description: '小区电梯坏了三天，物业一直没修' });
    let c: CaseDetail = (await act(t, w.deskAuth, created.body, { action: 'accept' })).body;
    const due = c.sla.resolveDueAt;
    expect(due).toBe('2026-11-24T12:00:00.000Z');

    const unnamed = await act(t, w.deskAuth, c, { action: 'wait_third_party' });
    expect(unnamed.status).toBe(400);
    expect(fieldsOf(unnamed.body)).toEqual(['thirdParty']);
    const unknown = await act(t, w.deskAuth, c, {
      action: 'wait_third_party',
      thirdParty: 'landlord',
    });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['thirdParty']);

    t.clock.set('2026-11-23T10:00:00+08:00');
    c = (
      await act(t, w.deskAuth, c, {
        action: 'wait_third_party',
        thirdParty: 'property_company',
        note: '物业经理说周三安排维保单位',
      })
    ).body;
    expect(c).toMatchObject({ status: 'waiting_third_party', waitingFor: 'property_company' });
    expect(c.sla).toMatchObject({ paused: false, resolveDueAt: due });

    // The resident's own view: whom it waits for, and no request for their documents.
    const detail = (await t.http.get(`/api/cases/${c.id}`).set('Authorization', w.residentAuth))
      .body;
    expect(detail).toMatchObject({ status: 'waiting_third_party', waitingFor: 'property_company' });
    const list = (await t.http.get('/api/cases').set('Authorization', w.residentAuth)).body;
    expect(list.items.find((x: CaseDetail) => x.id === c.id)).toMatchObject({
      waitingFor: 'property_company',
    });
    const last = (await events(w, w.residentAuth, c)).at(-1)!;
    expect(last).toMatchObject({
      toStatus: 'waiting_third_party',
      data: { action: 'wait_third_party', thirdParty: 'property_company' },
      // The staff's working note about the property manager is not written to the resident.
      note: null,
    });

    // Past the due time it is overdue like any open case, and the job marks it.
    t.clock.set('2026-11-24T21:00:00+08:00');
    const late = (await t.http.get(`/api/cases/${c.id}`).set('Authorization', w.deskAuth)).body;
    expect(late.sla).toMatchObject({ resolveOverdue: true, paused: false });
    await t.app.get(CasesService).markOverdue();
    const marks = (await events(w, w.deskAuth, c)).filter((e) => e.type === 'overdue');
    expect(marks).toHaveLength(1);
    const overdueList = await t.http
      .get(`/api/cases?overdue=true&deskId=${w.desk.id}`)
      .set('Authorization', w.deskAuth);
    expect(overdueList.body.items.map((x: CaseDetail) => x.id)).toEqual([c.id]);

    // Back to work: the name of the third party goes with the wait.
    const resumed = (await act(t, w.deskAuth, late, { action: 'resume' })).body;
    expect(resumed).toMatchObject({ status: 'in_progress', waitingFor: null });
  });
});

describe('the mediation record', () => {
  async function resolvedDispute(w: CaseWorld): Promise<CaseDetail> {
    let c = await deskCase(t, w, {
      categoryId: w.dispute.id,
      description: '楼上漏水到楼下，双方协商不成',
    });
    c = (await act(t, w.deskAuth, c, { action: 'accept' })).body;
    const med = await t.http
      .put(`/api/cases/${c.id}/mediation`)
      .set('Authorization', w.deskAuth)
      .send({
        version: c.version,
        mediatorName: '周洋',
        parties: [
          { name: '张三', role: '楼上住户' },
          { name: '李四', role: '楼下住户' },
        ],
        sessions: [{ at: '2026-11-20T10:00:00+08:00', note: '现场查看' }],
        outcome: 'mediated',
        agreement: '楼上负责维修',
      });
    expect(med.status).toBe(200);
    expect(med.body.mediation.locked).toBe(false);
    const done = await act(t, w.deskAuth, med.body, {
      action: 'resolve',
      resolution: '双方签订调解协议',
    });
    expect(done.body.mediation.locked).toBe(true);
    return done.body;
  }

  const correction = (c: CaseDetail, extra: Record<string, unknown>) => ({
    version: c.version,
    mediatorName: '周洋',
    parties: [
      { name: '张三', role: '楼上住户' },
      { name: '李四', role: '楼下住户' },
    ],
    sessions: [{ at: '2026-11-20T10:00:00+08:00', note: '现场查看' }],
    outcome: 'partially_mediated',
    agreement: '楼上负责维修，赔偿另议',
    ...extra,
  });

  it('is locked once the dispute is resolved: desk and community workers get 409', async () => {
    const w = await caseWorld(t);
    const c = await resolvedDispute(w);
    for (const auth of [w.deskAuth, w.workerAuth]) {
      const res = await t.http
        .put(`/api/cases/${c.id}/mediation`)
        .set('Authorization', auth)
        .send(correction(c, { correctionReason: '补录' }));
      expect(res.status).toBe(409);
      expect(res.body.details).toMatchObject({ locked: true });
    }
    const after = (await t.http.get(`/api/cases/${c.id}`).set('Authorization', w.deskAuth)).body;
    expect(after.mediation.outcome).toBe('mediated');
    expect(after.version).toBe(c.version);
  });

  it('is corrected by the community admin with a reason, in the events and the audit log', async () => {
    const w = await caseWorld(t);
    const c = await resolvedDispute(w);
    const admin = await t.given.staff('community_admin', { community: w.community });
    const adminAuth = `Bearer ${await t.given.token(admin)}`;
    const noReason = await t.http
      .put(`/api/cases/${c.id}/mediation`)
      .set('Authorization', adminAuth)
      .send(correction(c, {}));
    expect(noReason.status).toBe(400);
    expect(fieldsOf(noReason.body)).toEqual(['correctionReason']);

    const ok = await t.http
      .put(`/api/cases/${c.id}/mediation`)
      .set('Authorization', adminAuth)
      .send(correction(c, { correctionReason: '协议中赔偿部分未达成，按部分调解更正' }));
    expect(ok.status).toBe(200);
    expect(ok.body.mediation).toMatchObject({ outcome: 'partially_mediated', locked: true });
    expect(ok.body.status).toBe('resolved');

    const last = (await events(w, w.deskAuth, c)).at(-1)!;
    expect(last).toMatchObject({
      type: 'mediation_recorded',
      actorName: admin.displayName,
      note: '协议中赔偿部分未达成，按部分调解更正',
      data: {
        outcome: 'partially_mediated',
        correction: {
          reason: '协议中赔偿部分未达成，按部分调解更正',
          previousOutcome: 'mediated',
        },
      },
    });
    const audit: { actor_id: string; detail: Record<string, unknown> }[] = await t.ds.query(
      `SELECT actor_id, detail FROM audit_log WHERE action = 'case.mediation_corrected' AND entity_id = $1`,
      [c.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: admin.id,
      detail: {
        number: c.number,
        reason: '协议中赔偿部分未达成，按部分调解更正',
        previousOutcome: 'mediated',
        outcome: 'partially_mediated',
      },
    });
  });
});

describe('the overdue mark and the countdown', () => {
  it('change together: a due time moved ahead clears the mark, and the new one is marked when it passes', async () => {
    const w = await caseWorld(t);
    const service = t.app.get(CasesService);
    t.clock.set('2026-11-23T09:00:00+08:00'); // a Monday; the desk opens 08:30
    const c = await deskCase(t, w);
    expect(c.sla.acceptDueAt).toBe('2026-11-23T01:30:00.000Z'); // 09:30
    t.clock.set('2026-11-23T10:00:00+08:00');
    await service.markOverdue();
    const marked = (await t.http.get(`/api/cases/${c.id}`).set('Authorization', w.deskAuth)).body;
    expect(marked.sla).toMatchObject({ acceptOverdue: true });

    // The desk opened late that day after all: the acceptance is due at 10:20, still ahead.
    const desk = await t.ds.getRepository(DeskEntity).findOneByOrFail({ id: w.desk.id });
    await t.ds.getRepository(DeskEntity).update(desk.id, {
      weeklyHours: desk.weeklyHours.map((d) =>
        d.weekday === 1 ? { ...d, intervals: [{ opens: '09:50', closes: '21:30' }] } : d,
      ),
    });
    await service.recomputeDueTimes(systemActor('desk_hours_changed'), desk.id);
    const moved = (await t.http.get(`/api/cases/${c.id}`).set('Authorization', w.deskAuth)).body;
    expect(moved.sla).toMatchObject({
      acceptDueAt: '2026-11-23T02:20:00.000Z',
      acceptOverdue: false,
    });
    const [row] = await t.ds.query('SELECT accept_overdue_at FROM service_case WHERE id = $1', [
      c.id,
    ]);
    expect(row.accept_overdue_at).toBeNull();
    const notOverdue = await t.http
      .get(`/api/cases?overdue=true&deskId=${w.desk.id}`)
      .set('Authorization', w.deskAuth);
    expect(notOverdue.body.items).toEqual([]);

    // When the new due time passes, the mark comes back with the countdown.
    t.clock.set('2026-11-23T10:21:00+08:00');
    const late = (await t.http.get(`/api/cases/${c.id}`).set('Authorization', w.deskAuth)).body;
    expect(late.sla.acceptOverdue).toBe(true);
    await service.markOverdue();
    const overdueEvents = (await events(w, w.deskAuth, c)).filter((e) => e.type === 'overdue');
    expect(overdueEvents.map((e) => e.data['dueAt'])).toEqual([
      '2026-11-23T01:30:00.000Z',
      '2026-11-23T02:20:00.000Z',
    ]);
  });
});

describe('who works where', () => {
  it('tells staff the desk they work at and residents their compound, so each lands on their own work', async () => {
    const w = await caseWorld(t);
    await t.ds.query('UPDATE staff_account SET desk_id = $1 WHERE id = $2', [
      w.desk.id,
      w.worker.id,
    ]);
    const staff = await t.http.get('/api/auth/me').set('Authorization', w.workerAuth);
    expect(staff.body).toMatchObject({ role: 'community_worker', deskId: w.desk.id });
    const deskless = await t.http.get('/api/auth/me').set('Authorization', w.deskAuth);
    expect(deskless.body.deskId).toBeNull();
    const resident = await t.http.get('/api/auth/me').set('Authorization', w.residentAuth);
    expect(resident.body.compound).toEqual({
      id: w.compound.id,
      name: w.compound.name,
      nameEn: w.compound.nameEn,
    });
  });
});
