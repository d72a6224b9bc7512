import {
  CASE_ACTIONS,
  CASE_TRANSITIONS,
  type CaseAction,
  type CaseDetail,
  type CaseStatus,
} from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type CaseWorld, act, caseWorld, deskCase } from './world';

let t: TestContext;
let w: CaseWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await caseWorld(t);
});
afterAll(() => t.close());

/** The shortest path of actions from a new case to each status. */
const PATH: Record<CaseStatus, CaseAction[]> = {
  submitted: [],
  accepted: ['accept'],
  in_progress: ['accept', 'start'],
  waiting_resident: ['accept', 'wait_resident'],
  waiting_third_party: ['accept', 'wait_third_party'],
  resolved: ['accept', 'resolve'],
  closed: ['accept', 'resolve', 'close'],
  rejected: ['reject'],
};

const extras = (a: CaseAction): Record<string, string> =>
  a === 'reject'
    ? { reason: '不属于社区职责范围' }
    : a === 'reopen'
      ? { reason: '居民说灯又坏了' }
      : a === 'resolve'
        ? { resolution: '已更换灯泡' }
        : a === 'wait_resident'
          ? { note: '请补充户口本复印件' }
          : a === 'wait_third_party'
            ? { thirdParty: 'property_company' }
            : {};

async function caseIn(status: CaseStatus): Promise<CaseDetail> {
  let c = await deskCase(t, w);
  for (const action of PATH[status]) {
    const res = await act(t, w.deskAuth, c, { action, ...extras(action) });
    expect(res.status, `${action} on the way to ${status}`).toBe(200);
    c = res.body;
  }
  expect(c.status).toBe(status);
  return c;
}

const legal = (Object.keys(CASE_TRANSITIONS) as CaseStatus[]).flatMap((from) =>
  (Object.entries(CASE_TRANSITIONS[from]) as [CaseAction, CaseStatus][]).map(([action, to]) => ({
    from,
    action,
    to,
  })),
);
const illegal = (Object.keys(CASE_TRANSITIONS) as CaseStatus[]).flatMap((from) =>
  CASE_ACTIONS.filter((a) => !(a in CASE_TRANSITIONS[from])).map((action) => ({ from, action })),
);

describe('every legal transition', () => {
  it.each(legal)(
    '$from --$action--> $to, with one event appended',
    async ({ from, action, to }) => {
      const c = await caseIn(from);
      const before = (
        await t.http.get(`/api/cases/${c.id}/events`).set('Authorization', w.deskAuth)
      ).body.length;
      const res = await act(t, w.deskAuth, c, { action, note: '处理记录', ...extras(action) });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(to);
      expect(res.body.version).toBe(c.version + 1);
      expect(res.body.allowedActions.sort()).toEqual(Object.keys(CASE_TRANSITIONS[to]).sort());
      const events = (
        await t.http.get(`/api/cases/${c.id}/events`).set('Authorization', w.deskAuth)
      ).body;
      expect(events).toHaveLength(before + 1);
      expect(events.at(-1)).toMatchObject({
        type: 'transition',
        fromStatus: from,
        toStatus: to,
        data: { action },
        actorKind: 'staff',
        actorName: w.desker.displayName,
      });
    },
  );
});

describe('every illegal transition', () => {
  it.each(illegal)(
    '$from --$action--> 409 naming the allowed actions',
    async ({ from, action }) => {
      const c = await caseIn(from);
      const res = await act(t, w.deskAuth, c, { action, ...extras(action) });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('ILLEGAL_TRANSITION');
      expect(res.body.details.allowed.sort()).toEqual(Object.keys(CASE_TRANSITIONS[from]).sort());
      const after = (await t.http.get(`/api/cases/${c.id}`).set('Authorization', w.deskAuth)).body;
      expect(after).toMatchObject({ status: from, version: c.version });
    },
  );
});

describe('rules beyond the state table', () => {
  it('needs a reason to reject and a resolution to resolve', async () => {
    const c = await deskCase(t, w);
    const rej = await act(t, w.deskAuth, c, { action: 'reject' });
    expect(rej.status).toBe(400);
    expect(rej.body.fields).toEqual([
      { field: 'reason', code: 'required', message: 'a rejection needs a reason' },
    ]);
    const accepted = (await act(t, w.deskAuth, c, { action: 'accept' })).body;
    const res = await act(t, w.deskAuth, accepted, { action: 'resolve', resolution: '  ' });
    expect(res.body.fields).toEqual([
      { field: 'resolution', code: 'required', message: 'say how it was resolved' },
    ]);
  });

  it('counts a reopen as a repeat and starts the resolve clock again', async () => {
    const resolved = await caseIn('resolved');
    const res = await act(t, w.deskAuth, resolved, {
      action: 'reopen',
      reason: '回访居民说灯又坏了',
    });
    expect(res.body).toMatchObject({
      status: 'in_progress',
      reopenCount: 1,
      resolvedAt: null,
      resolution: null,
    });
    expect(res.body.sla.resolveDueAt).not.toBeNull();
  });

  it('refuses to resolve a dispute before its mediation has an outcome', async () => {
    let c = await deskCase(t, w, {
      categoryId: w.dispute.id,
      description: '楼上漏水到楼下，双方协商不成',
    });
    c = (await act(t, w.deskAuth, c, { action: 'accept' })).body;
    const early = await act(t, w.deskAuth, c, { action: 'resolve', resolution: '调解成功' });
    expect(early.status).toBe(409);
    expect(early.body.fields).toEqual([
      { field: 'mediation', code: 'required', message: 'outcome required' },
    ]);
    const med = await t.http
      .put(`/api/cases/${c.id}/mediation`)
      .set('Authorization', w.workerAuth)
      .send({
        version: c.version,
        mediatorName: '周洋',
        parties: [
          { name: '张三', role: '楼上住户', phone: '13912345678' },
          { name: '李四', role: '楼下住户' },
        ],
        sessions: [{ at: '2026-11-20T10:00:00+08:00', note: '现场查看' }],
        outcome: 'mediated',
        agreement: '楼上负责维修',
      });
    expect(med.status).toBe(200);
    expect(med.body.mediation).toMatchObject({
      outcome: 'mediated',
      mediatorName: '周洋',
      parties: [{ name: '张三', phoneMasked: '139****5678' }, { name: '李四' }],
    });
    const done = await act(t, w.deskAuth, med.body, {
      action: 'resolve',
      resolution: '双方签订调解协议',
    });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('resolved');
  });

  it('keeps the mediation record for disputes only', async () => {
    const c = await deskCase(t, w);
    const res = await t.http
      .put(`/api/cases/${c.id}/mediation`)
      .set('Authorization', w.deskAuth)
      .send({ version: c.version, mediatorName: 'x', parties: [], sessions: [] });
    expect(res.status).toBe(400);
    expect(res.body.fields[0].field).toBe('kind');
  });

  it('assigns to a worker of the community only, and escalates and transfers as events', async () => {
    const c = await deskCase(t, w);
    const other = await t.given.staff('desk_staff', { community: await t.given.community() });
    const bad = await t.http
      .post(`/api/cases/${c.id}/assign`)
      .set('Authorization', w.deskAuth)
      .send({ version: c.version, assigneeId: other.id });
    expect(bad.status).toBe(400);
    const ok = await t.http
      .post(`/api/cases/${c.id}/assign`)
      .set('Authorization', w.deskAuth)
      .send({ version: c.version, assigneeId: w.worker.id });
    expect(ok.body).toMatchObject({
      assigneeId: w.worker.id,
      assigneeName: w.worker.displayName,
      status: 'submitted',
    });
    const esc = await t.http
      .post(`/api/cases/${c.id}/escalate`)
      .set('Authorization', w.deskAuth)
      .send({ version: ok.body.version, note: '涉及多部门' });
    expect(esc.body).toMatchObject({ escalated: true, status: 'submitted' });
    const desk2 = await t.given.desk({ community: w.community });
    const tr = await t.http
      .post(`/api/cases/${c.id}/transfer`)
      .set('Authorization', w.deskAuth)
      .send({ version: esc.body.version, deskId: desk2.id, note: '转到就近的岗' });
    expect(tr.body).toMatchObject({ deskId: desk2.id, status: 'submitted' });
    const types = (
      await t.http.get(`/api/cases/${c.id}/events`).set('Authorization', w.deskAuth)
    ).body.map((e: { type: string }) => e.type);
    expect(types).toEqual(['created', 'assigned', 'escalated', 'transferred']);
  });

  it('gives a stale version 409 and writes nothing', async () => {
    const c = await deskCase(t, w);
    const first = await act(t, w.deskAuth, c, { action: 'accept' });
    expect(first.status).toBe(200);
    const second = await t.http
      .post(`/api/cases/${c.id}/escalate`)
      .set('Authorization', w.workerAuth)
      .send({ version: c.version, note: 'x' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      code: 'STALE_VERSION',
      details: { currentVersion: c.version + 1 },
    });
  });
});

describe('the event table', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const c = await deskCase(t, w);
    await expect(
      t.ds.query(`UPDATE case_event SET note = 'rewritten' WHERE case_id = $1`, [c.id]),
    ).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`DELETE FROM case_event WHERE case_id = $1`, [c.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.ds.query(`TRUNCATE case_event CASCADE`)).rejects.toThrow(/append-only/);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM case_event WHERE case_id = $1`,
      [c.id],
    );
    expect(n).toBe(1);
  });
});
