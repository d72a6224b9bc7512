import type { MeetingDetail, ProposalImplementation } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectEvaluationsService } from '../../src/follow-ups/project-evaluations.service';
import { type TestContext, createTestApp } from '../utils/app';
import { meetingCall, planMeeting, readyProposal, seatCouncil } from './meeting-world';
import { type CouncilWorld, councilWorld, drain, get } from './world';

let t: TestContext;
let w: CouncilWorld;
let members: string[];

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-12-01T10:00:00+08:00');
  w = await councilWorld(t, 8);
  members = (await seatCouncil(t, w, w.residents.slice(5, 8))).residentMembers;
});
afterAll(() => t.close());

const post = (path: string, body: object, auth = w.worker.auth) =>
  t.http.post(path).set('Authorization', auth).send(body);

/** A concern case of a resident, linked to the proposal as if promoted with it. */
async function linkCaseOf(proposalId: string, residentIndex: number): Promise<void> {
  const res = await post(
    '/api/cases',
    {
      categoryId: w.concern.id,
      description: '尚格博园旁边的空地成了垃圾堆，气味很大',
      residentId: w.residents[residentIndex]!.record.id,
      compoundId: w.compound.id,
      deskId: w.desk.id,
    },
    w.desker.auth,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await t.ds.query(
    `INSERT INTO proposal_case (proposal_id, case_id, community_id, linked_at) VALUES ($1, $2, $3, now())`,
    [proposalId, res.body.id, w.community.id],
  );
}

/** Author residents[0], supporters residents[1] and [2], adopted, built and completed. */
async function completed(caseOf: number[] = []): Promise<string> {
  const p = await readyProposal(t, w);
  for (const i of caseOf) await linkCaseOf(p.id, i);
  const call = meetingCall(t, w.worker.auth);
  const m = await planMeeting(t, w);
  const item = ((await call.agenda(m.id, p.id)).body as MeetingDetail).agenda[0]!.id;
  for (const id of members) await call.attend(m.id, { memberId: id });
  for (const id of members) await call.vote(m.id, item, id, 'for');
  expect((await call.decide(m.id, item)).status).toBe(200);
  expect(
    (
      await post(`/api/proposals/${p.id}/implementation`, {
        ownerName: '物业公司',
        plan: '建封闭垃圾房和晾晒点',
      })
    ).status,
  ).toBe(200);
  expect((await post(`/api/proposals/${p.id}/complete`, {})).status).toBe(200);
  await drain(t);
  return p.id;
}

const evaluate = (id: string, i: number, satisfaction: string, solved = 'yes') =>
  post(`/api/proposals/${id}/evaluation`, { satisfaction, solved }, w.residents[i]!.auth);

const tasksOf = (id: string) =>
  t.ds.query(
    `SELECT resident_id, status, case_id, due_at FROM follow_up_task WHERE proposal_id = $1 ORDER BY resident_id`,
    [id],
  ) as Promise<{ resident_id: string; status: string; case_id: string | null; due_at: Date }[]>;

describe('evaluation of a completed project', () => {
  it('asks each resident behind it once, and ends evaluated with the five levels and the share satisfied', async () => {
    // residents[1] supports it and filed a case behind it: asked once.
    const id = await completed([1, 3]);
    const tasks = await tasksOf(id);
    const behind = [0, 1, 2, 3].map((i) => w.residents[i]!.record.id).sort();
    expect(tasks.map((x) => x.resident_id)).toEqual(behind);
    expect(tasks.every((x) => x.status === 'open' && x.case_id === null)).toBe(true);
    // The window is 14 days by default.
    expect(new Date(tasks[0]!.due_at).toISOString()).toBe('2026-12-15T02:00:00.000Z');
    // The case follow-up lists do not show project evaluations.
    const list = await t.http.get('/api/follow-ups').set('Authorization', w.worker.auth);
    expect(list.body.items.some((x: { caseId: string | null }) => x.caseId === null)).toBe(false);

    expect((await evaluate(id, 0, 'very_satisfied')).status).toBe(201);
    const twice = await evaluate(id, 0, 'dissatisfied');
    expect(twice.status).toBe(409);
    expect(twice.body.details).toMatchObject({ reason: 'already_rated' });
    expect((await evaluate(id, 4, 'satisfied')).status).toBe(404);
    expect(
      (await post(`/api/proposals/${id}/evaluation`, { satisfaction: 'satisfied', solved: 'yes' }))
        .status,
    ).toBe(403);
    const bad = await evaluate(id, 1, 'ok');
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0]).toMatchObject({ field: 'satisfaction' });

    await evaluate(id, 1, 'satisfied');
    await evaluate(id, 2, 'dissatisfied', 'partly');
    await drain(t);
    expect((await get(t, w.worker.auth, id)).status).toBe('completed');
    await evaluate(id, 3, 'basically_satisfied');
    await drain(t);

    expect((await get(t, w.residents[2]!.auth, id)).status).toBe('evaluated');
    const impl = (
      await t.http
        .get(`/api/proposals/${id}/implementation`)
        .set('Authorization', w.residents[1]!.auth)
    ).body as ProposalImplementation;
    expect(impl.evaluation).toMatchObject({
      asked: 4,
      rated: 4,
      distribution: {
        very_satisfied: 1,
        satisfied: 1,
        basically_satisfied: 1,
        dissatisfied: 1,
        very_dissatisfied: 0,
      },
      satisfiedShare: 0.75,
      closedBy: 'all_rated',
    });
    const rows = (await t.ds.query(
      `SELECT resident_id FROM participation WHERE proposal_id = $1 AND act = 'evaluate' ORDER BY resident_id`,
      [id],
    )) as { resident_id: string }[];
    expect(rows.map((r) => r.resident_id)).toEqual(behind);
    // No case moved: the linked cases keep their status.
    const cases = (await t.ds.query(
      `SELECT c.status FROM proposal_case k JOIN service_case c ON c.id = k.case_id WHERE k.proposal_id = $1`,
      [id],
    )) as { status: string }[];
    expect(cases.every((c) => c.status === 'submitted')).toBe(true);
  });

  it('takes the result when the window passes, with those who answered', async () => {
    const id = await completed();
    await evaluate(id, 1, 'satisfied');
    await drain(t);
    const service = t.app.get(ProjectEvaluationsService);
    expect(await service.expire()).toBe(0);
    t.clock.set('2026-12-16T10:00:00+08:00');
    expect(await service.expire()).toBe(2);
    await drain(t);
    // Back to the day the tokens were signed, to read what came of it.
    t.clock.set('2026-12-01T10:00:00+08:00');
    const p = await get(t, w.worker.auth, id);
    expect(p.status).toBe('evaluated');
    const impl = (
      await t.http.get(`/api/proposals/${id}/implementation`).set('Authorization', w.worker.auth)
    ).body as ProposalImplementation;
    expect(impl.evaluation).toMatchObject({
      asked: 3,
      rated: 1,
      satisfiedShare: 1,
      closedBy: 'window_passed',
    });
    const late = await evaluate(id, 0, 'satisfied');
    expect(late.body.details).toMatchObject({ reason: 'evaluation_closed' });
  });
});
