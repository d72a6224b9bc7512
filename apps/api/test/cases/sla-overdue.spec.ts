import type { CasePush } from '@baitong/contracts';
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CasesService } from '../../src/cases/cases.service';
import { type TestContext, createTestApp } from '../utils/app';
import { act, caseWorld, deskCase } from './world';

// Each test builds its own community, desk, staff and resident, and asserts only on the cases it
// created, so the tests pass in any order and one at a time.
let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterEach(() => {
  t.clock.at = null;
});
afterAll(() => t.close());

describe('due times through the API', () => {
  it('counts only opening hours: a 21:00 request with 30 minutes to accept is due at 21:30, one at 21:20 the next morning', async () => {
    const w = await caseWorld(t);
    t.clock.set('2026-11-27T21:20:00+08:00');
    const c = await deskCase(t, w);
    expect(c.sla.acceptDueAt).toBe('2026-11-28T00:50:00.000Z'); // 08:50 next day, after 10 + 20 open minutes
  });

  it('skips the National Day holidays for a working-days target', async () => {
    const w = await caseWorld(t);
    t.clock.set('2026-09-30T10:00:00+08:00');
    const c = await deskCase(t, w, { categoryId: w.dispute.id, description: '国庆前的邻里纠纷' });
    // 5 working days after 30 Sept: 8, 9, 10 (make-up Saturday), 12, 13 October; the desk closes at 21:30.
    expect(c.sla.resolveDueAt).toBe('2026-10-13T13:30:00.000Z');
  });

  it('moves the due time by the open time spent waiting for the resident, and shows none while waiting', async () => {
    const w = await caseWorld(t);
    t.clock.set('2026-11-23T09:00:00+08:00');
    let c = await deskCase(t, w);
    c = (await act(t, w.deskAuth, c, { action: 'accept' })).body;
    const due = c.sla.resolveDueAt;
    // 24 open hours from Monday 09:00: 12.5 h that day, 11.5 h from 08:30 on Tuesday.
    expect(due).toBe('2026-11-24T12:00:00.000Z');
    t.clock.set('2026-11-23T10:00:00+08:00');
    c = (await act(t, w.deskAuth, c, { action: 'wait_resident', note: '请补充房产证复印件' })).body;
    expect(c.sla).toMatchObject({ paused: true, resolveDueAt: null });
    t.clock.set('2026-11-23T12:00:00+08:00');
    c = (await act(t, w.deskAuth, c, { action: 'resume' })).body;
    // Two open hours later than Tuesday 20:00: 1.5 h until closing, 0.5 h on Wednesday from 08:30.
    expect(c.sla.resolveDueAt).toBe('2026-11-25T01:00:00.000Z');
  });

  it('still takes requests whose due date falls in a year the holiday calendar has not published', async () => {
    // Sign in at the clock's time: a token issued weeks earlier would have expired.
    t.clock.set('2026-12-28T10:00:00+08:00');
    const w = await caseWorld(t);
    const c = await deskCase(t, w, { categoryId: w.dispute.id, description: '年底的物业纠纷' });
    // Monday–Friday for 2027 until the arrangement is published: 29, 30, 31 Dec, then 1 and 4 Jan.
    expect(c.sla.resolveDueAt).toBe('2027-01-04T13:30:00.000Z');
  });
});

describe('the overdue job', () => {
  it('marks each overdue case once, escalates it and pushes it to the desk, also with two runs at once', async () => {
    const w = await caseWorld(t);
    const service = t.app.get(CasesService);
    t.clock.set('2026-11-26T09:00:00+08:00');
    const late = await deskCase(t, w);
    const lateToo = await deskCase(t, w);
    const onTime = await deskCase(t, w);
    await act(t, w.deskAuth, onTime, { action: 'accept' });
    await t.app.listen(0, '127.0.0.1');
    const s = io(await t.app.getUrl(), {
      path: '/socket.io',
      auth: { token: w.deskAuth.slice(7) },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const got: CasePush[] = [];
    s.on('case.overdue', (p: CasePush) => got.push(p));
    await s.timeout(5000).emitWithAck('subscribe', { room: `desk:${w.desk.id}` });
    t.clock.set('2026-11-26T10:00:00+08:00');
    const [a, b] = await Promise.all([service.markOverdue(), service.markOverdue()]);
    // Other tests' cases elsewhere may turn overdue in the same runs; these two certainly do.
    expect(a + b).toBeGreaterThanOrEqual(2);
    expect(await service.markOverdue()).toBe(0);
    const rows: { case_id: string; n: number }[] = await t.ds.query(
      `SELECT case_id, count(*)::int AS n FROM case_event WHERE type = 'overdue' AND case_id = ANY($1::uuid[]) GROUP BY case_id`,
      [[late.id, lateToo.id, onTime.id]],
    );
    expect(Object.fromEntries(rows.map((r) => [r.case_id, r.n]))).toEqual({
      [late.id]: 1,
      [lateToo.id]: 1,
    });
    const detail = (await t.http.get(`/api/cases/${late.id}`).set('Authorization', w.deskAuth))
      .body;
    expect(detail).toMatchObject({ escalated: true, sla: { acceptOverdue: true } });
    const start = Date.now();
    while (
      got.filter((p) => [late.id, lateToo.id].includes(p.case.id)).length < 2 &&
      Date.now() - start < 5000
    )
      await new Promise((r) => setTimeout(r, 20));
    // The desk is this test's own: its overdue pushes and list are exactly the two late cases.
    expect(got.map((p) => p.case.id).sort()).toEqual([late.id, lateToo.id].sort());
    const overdueList = await t.http
      .get(`/api/cases?overdue=true&deskId=${w.desk.id}`)
      .set('Authorization', w.deskAuth);
    expect(overdueList.body.items.map((c: { id: string }) => c.id).sort()).toEqual(
      [late.id, lateToo.id].sort(),
    );
    s.disconnect();
  });
});

describe('repeat handling', () => {
  it('offers the same resident’s earlier resolved case of the same matter, and records the decision', async () => {
    const w = await caseWorld(t);
    t.clock.set('2026-11-10T10:00:00+08:00');
    const earlier = (
      await t.http
        .post('/api/cases')
        .set('Authorization', w.residentAuth)
        .send({ categoryId: w.category.id, description: '楼道灯坏了，三楼到五楼都不亮' })
    ).body;
    let e = (await act(t, w.deskAuth, earlier, { action: 'accept' })).body;
    e = (await act(t, w.deskAuth, e, { action: 'resolve', resolution: '已更换灯泡' })).body;
    const unrelated = await deskCase(t, w, { description: '想咨询一下高龄津贴怎么申请' });
    t.clock.set('2026-11-25T10:00:00+08:00');
    const again = (
      await t.http
        .post('/api/cases')
        .set('Authorization', w.residentAuth)
        .send({ categoryId: w.category.id, description: '楼道灯又坏了，三楼四楼不亮' })
    ).body;
    const cands = (
      await t.http.get(`/api/cases/${again.id}/repeat-candidates`).set('Authorization', w.deskAuth)
    ).body;
    expect(cands.map((c: { caseId: string }) => c.caseId)).toEqual([e.id]);
    expect(cands[0]).toMatchObject({ reason: 'same_resident', number: e.number });
    expect(cands[0].similarity).toBeGreaterThan(0.2);
    expect(cands.map((c: { caseId: string }) => c.caseId)).not.toContain(unrelated.id);
    const linked = await t.http
      .post(`/api/cases/${again.id}/repeat`)
      .set('Authorization', w.deskAuth)
      .send({ decision: 'link', repeatOfId: e.id, version: again.version });
    expect(linked.body).toMatchObject({
      repeatOfId: e.id,
      repeatDecision: { decision: 'linked', byName: w.desker.displayName },
    });
    const wrong = await t.http
      .post(`/api/cases/${again.id}/repeat`)
      .set('Authorization', w.deskAuth)
      .send({ decision: 'link', repeatOfId: unrelated.id, version: linked.body.version });
    expect(wrong.status).toBe(400);
  });

  it('finds nothing for a first-time matter, nor outside the 90-day look-back', async () => {
    const w = await caseWorld(t);
    t.clock.set('2026-06-01T10:00:00+08:00');
    const old = (
      await t.http
        .post('/api/cases')
        .set('Authorization', w.residentAuth)
        .send({ categoryId: w.category.id, description: '水管漏水了需要维修' })
    ).body;
    let o = (await act(t, w.deskAuth, old, { action: 'accept' })).body;
    o = (await act(t, w.deskAuth, o, { action: 'resolve', resolution: '已维修' })).body;
    t.clock.set('2026-11-26T10:00:00+08:00');
    const now = (
      await t.http
        .post('/api/cases')
        .set('Authorization', w.residentAuth)
        .send({ categoryId: w.category.id, description: '水管又漏水了需要维修' })
    ).body;
    const cands = (
      await t.http.get(`/api/cases/${now.id}/repeat-candidates`).set('Authorization', w.deskAuth)
    ).body;
    expect(cands.map((c: { caseId: string }) => c.caseId)).not.toContain(o.id);
    const dismissed = await t.http
      .post(`/api/cases/${now.id}/repeat`)
      .set('Authorization', w.deskAuth)
      .send({ decision: 'dismiss', version: now.version });
    expect(dismissed.body).toMatchObject({
      repeatOfId: null,
      repeatDecision: { decision: 'dismissed' },
    });
  });

  it('puts the earlier request the resident pointed to first, and matches public-area concerns by place', async () => {
    const w = await caseWorld(t);
    const lights = await t.given.category({ publicArea: true });
    const neighbour = await t.given.resident({ community: w.community, compound: w.compound });
    const neighbourAuth = `Bearer ${(await t.given.residentLogin(neighbour)).accessToken}`;
    t.clock.set('2026-11-01T10:00:00+08:00');
    let first = (
      await t.http
        .post('/api/cases')
        .set('Authorization', neighbourAuth)
        .send({ categoryId: lights.id, description: '2栋电梯间的灯不亮' })
    ).body;
    first = (await act(t, w.deskAuth, first, { action: 'accept' })).body;
    first = (await act(t, w.deskAuth, first, { action: 'resolve', resolution: '已修' })).body;
    let mine = (
      await t.http
        .post('/api/cases')
        .set('Authorization', w.residentAuth)
        .send({ categoryId: w.category.id, description: '我家门口的井盖松动' })
    ).body;
    mine = (await act(t, w.deskAuth, mine, { action: 'accept' })).body;
    mine = (await act(t, w.deskAuth, mine, { action: 'resolve', resolution: '已固定' })).body;
    t.clock.set('2026-11-20T10:00:00+08:00');
    const same = (
      await t.http
        .post('/api/cases')
        .set('Authorization', w.residentAuth)
        .send({ categoryId: lights.id, description: '电梯间的灯还是不亮', earlierCaseId: mine.id })
    ).body;
    const cands = (
      await t.http.get(`/api/cases/${same.id}/repeat-candidates`).set('Authorization', w.deskAuth)
    ).body;
    expect(cands.map((c: { caseId: string; reason: string }) => [c.caseId, c.reason])).toEqual([
      [mine.id, 'pointed_by_resident'],
      [first.id, 'same_place'],
    ]);
    const foreign = await t.http
      .post('/api/cases')
      .set('Authorization', w.residentAuth)
      .send({ categoryId: lights.id, description: '指向别人的请求试试', earlierCaseId: first.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields[0].field).toBe('earlierCaseId');
  });
});
