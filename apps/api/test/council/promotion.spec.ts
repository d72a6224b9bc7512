import type { CaseDetail, CaseEvent, ProposalDetail } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/actor';
import { ProposalsService } from '../../src/council/proposals.service';
import type { CategoryEntity } from '../../src/cases/case.entities';
import { type TestContext, createTestApp } from '../utils/app';
import { type CouncilWorld, councilWorld, get, move } from './world';

let t: TestContext;
let w: CouncilWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t);
});
afterAll(() => t.close());

async function fileCase(
  residentIndex: number,
  category: CategoryEntity = w.concern,
  desker = w.desker.auth,
): Promise<CaseDetail> {
  const r = w.residents[residentIndex]!;
  const res = await t.http.post('/api/cases').set('Authorization', desker).send({
    categoryId: category.id,
    description: '尚格博园旁边的空地成了垃圾堆，气味很大',
    residentId: r.record.id,
    compoundId: w.compound.id,
    deskId: w.desk.id,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as CaseDetail;
}

const promote = (auth: string, caseIds: string[], extra: Record<string, unknown> = {}) =>
  t.http
    .post('/api/proposals/from-cases')
    .set('Authorization', auth)
    .send({
      caseIds,
      title: '空地垃圾堆改建垃圾房和晾晒点',
      description: '多位居民反映尚格博园旁空地成了垃圾堆，提请议事会讨论改建垃圾房和晾晒点。',
      topic: 'environment',
      ...extra,
    });

describe('from complaint to project', () => {
  it('takes concern cases to the council as one proposal, linked both ways, the cases’ residents following', async () => {
    const c1 = await fileCase(1);
    const c2 = await fileCase(2);
    const res = await promote(w.worker.auth, [c1.id, c2.id]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const p = res.body as ProposalDetail;
    expect(p).toMatchObject({
      status: 'submitted',
      origin: 'cases',
      authorResidentId: null,
      compoundId: w.compound.id,
      caseCount: 2,
      allowedActions: ['start_screening', 'withdraw'],
    });
    expect(p.cases.map((c) => c.caseId).sort()).toEqual([c1.id, c2.id].sort());
    // From the case to the proposal: by the list filter and in the case's timeline.
    const byCase = await t.http
      .get('/api/proposals')
      .query({ caseId: c1.id })
      .set('Authorization', w.desker.auth);
    expect(byCase.body.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    for (const c of [c1, c2]) {
      const events = (
        await t.http.get(`/api/cases/${c.id}/events`).set('Authorization', w.desker.auth)
      ).body as CaseEvent[];
      expect(events.at(-1)).toMatchObject({
        type: 'taken_to_council',
        actorName: w.worker.record.displayName,
        data: { proposalId: p.id, proposalNumber: p.number },
      });
    }
    // The resident sees it on their own request too, and follows the proposal.
    const r1 = w.residents[1]!;
    const own = (await t.http.get(`/api/cases/${c1.id}/events`).set('Authorization', r1.auth))
      .body as CaseEvent[];
    expect(own.at(-1)).toMatchObject({
      type: 'taken_to_council',
      data: { proposalId: p.id, proposalNumber: p.number },
    });
    const seen = await get(t, r1.auth, p.id);
    expect(seen).toMatchObject({ following: true, caseCount: 2, cases: [] });
    // Each later step reaches the cases' residents.
    const screening = await move(t, w.worker.auth, p, 'start_screening');
    await move(t, w.worker.auth, screening, 'accept');
    await t.app.get(ProposalsService).processTransition(systemActor('meeting'), p.id, 'schedule');
    const rooms: { rooms: string[] }[] = await t.ds.query(
      `SELECT rooms FROM domain_event WHERE subject_id = $1 AND data->>'type' = 'transition' ORDER BY id`,
      [p.id],
    );
    expect(rooms).toHaveLength(3);
    for (const { rooms: r } of rooms)
      expect(r).toEqual(
        expect.arrayContaining([
          `community:${w.community.id}`,
          `user:${w.residents[1]!.record.id}`,
          `user:${w.residents[2]!.record.id}`,
        ]),
      );
  });

  it('names a resident who proposes it, and refuses cases that cannot be taken', async () => {
    const c = await fileCase(1);
    const affair = await fileCase(1, w.affair);
    const notConcern = await promote(w.worker.auth, [c.id, affair.id]);
    expect(notConcern.status).toBe(400);
    expect(notConcern.body.fields).toEqual([expect.objectContaining({ field: 'caseIds.1' })]);
    const twice = await promote(w.worker.auth, [c.id, c.id]);
    expect(twice.body.fields).toEqual([
      expect.objectContaining({ field: 'caseIds.1', code: 'duplicate' }),
    ]);
    const neighbourDesk = await t.given.desk({ community: w.neighbour.community });
    const nr = await t.http.post('/api/cases').set('Authorization', w.neighbour.worker.auth).send({
      categoryId: w.concern.id,
      description: '邻社区的垃圾问题',
      residentId: w.neighbour.resident.record.id,
      deskId: neighbourDesk.id,
    });
    expect(nr.status).toBe(201);
    const foreign = await promote(w.worker.auth, [nr.body.id]);
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields).toEqual([
      expect.objectContaining({ field: 'caseIds.0', code: 'not_found' }),
    ]);
    expect((await promote(w.residents[1]!.auth, [c.id])).status).toBe(403);
    expect((await promote(w.streetAdmin.auth, [c.id])).status).toBe(403);

    const first = await promote(w.worker.auth, [c.id], {
      authorResidentId: w.residents[1]!.record.id,
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ authorResidentId: w.residents[1]!.record.id });
    const acts: { act: string }[] = await t.ds.query(
      `SELECT act FROM participation WHERE subject_id = $1`,
      [first.body.id],
    );
    expect(acts).toEqual([{ act: 'propose' }]);
    const again = await promote(w.worker.auth, [c.id]);
    expect(again.status).toBe(409);
    expect(again.body.details).toMatchObject({
      reason: 'case_in_council',
      caseId: c.id,
      proposalId: first.body.id,
    });
    // Once that proposal is screened out, the concern may go to the council again.
    const screening = await move(t, w.worker.auth, first.body as ProposalDetail, 'start_screening');
    await move(t, w.worker.auth, screening, 'reject', { reason: '已由物业整改' });
    expect((await promote(w.worker.auth, [c.id])).status).toBe(201);
  });
});
