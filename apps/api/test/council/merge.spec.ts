import type { ProposalDetail, ProposalEvent } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import {
  type CouncilWorld,
  councilWorld,
  draft,
  get,
  move,
  openProposal,
  setRules,
  support,
} from './world';

let t: TestContext;
let w: CouncilWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t, 6);
});
afterAll(() => t.close());

function merge(auth: string, p: ProposalDetail, intoId: string, version = p.version) {
  return t.http
    .post(`/api/proposals/${p.id}/merge`)
    .set('Authorization', auth)
    .send({ intoId, version, note: '同一块空地，合并讨论' });
}

async function timeline(id: string): Promise<ProposalEvent[]> {
  return (await t.http.get(`/api/proposals/${id}/events`).set('Authorization', w.worker.auth))
    .body as ProposalEvent[];
}

describe('merging proposals', () => {
  it('carries supports, followers and the author into the duplicate, counting a resident who supports both once', async () => {
    type P = CouncilWorld['residents'][number];
    const [a0, r1, r2, r3, r4, r5] = w.residents as [P, P, P, P, P, P];
    const from = await openProposal(t, w, {}, a0);
    const into = await openProposal(t, w, {}, r5);
    await support(t, r1.auth, from.id);
    await support(t, r2.auth, from.id);
    await support(t, r2.auth, into.id);
    await support(t, r3.auth, into.id);
    // One who supports the duplicate but withdrew from the target stays withdrawn there.
    await support(t, r4.auth, from.id);
    await support(t, r4.auth, into.id);
    await t.http.delete(`/api/proposals/${into.id}/support`).set('Authorization', r4.auth);
    await t.http.post(`/api/proposals/${from.id}/follow`).set('Authorization', r3.auth);

    const fresh = await get(t, w.worker.auth, from.id);
    const res = await merge(w.worker.auth, fresh, into.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'merged', mergedIntoId: into.id, allowedActions: [] });

    const target = await get(t, w.worker.auth, into.id);
    // r1 carried over; r2 already there; r3 there; r4 stays withdrawn.
    expect(target.supportCount).toBe(3);
    const rows: { resident_id: string; carried: boolean; withdrawn: boolean }[] = await t.ds.query(
      `SELECT resident_id, carried_from_id IS NOT NULL AS carried, withdrawn_at IS NOT NULL AS withdrawn
         FROM proposal_support WHERE proposal_id = $1`,
      [into.id],
    );
    const byResident = new Map(rows.map((r) => [r.resident_id, r]));
    expect(rows).toHaveLength(4);
    expect(byResident.get(r1.record.id)).toMatchObject({ carried: true, withdrawn: false });
    expect(byResident.get(r2.record.id)).toMatchObject({ carried: false, withdrawn: false });
    expect(byResident.get(r4.record.id)).toMatchObject({ withdrawn: true });
    // The duplicate's author and followers now follow the target.
    expect((await get(t, a0.auth, into.id)).following).toBe(true);
    expect((await get(t, r3.auth, into.id)).following).toBe(true);

    expect((await timeline(from.id)).at(-1)).toMatchObject({
      type: 'merged',
      fromStatus: 'open_for_support',
      toStatus: 'merged',
      note: '同一块空地，合并讨论',
      data: { intoId: into.id, intoNumber: into.number, carriedSupports: 1 },
    });
    expect((await timeline(into.id)).at(-1)).toMatchObject({
      type: 'merged_in',
      data: { fromId: from.id, carriedSupports: 1 },
    });
    const late = await support(t, w.residents[5]!.auth, from.id);
    expect(late.status).toBe(409);
    expect(late.body.details).toMatchObject({ reason: 'not_open_for_support', status: 'merged' });
  });

  it('puts the target on the agenda when carried supports reach its threshold', async () => {
    await setRules(t, w, { supportThresholdKind: 'count', supportThresholdCount: 2 });
    const from = await openProposal(t, w);
    const into = await openProposal(t, w);
    await support(t, w.residents[1]!.auth, from.id);
    await support(t, w.residents[2]!.auth, into.id);
    const res = await merge(w.worker.auth, await get(t, w.worker.auth, from.id), into.id);
    expect(res.status).toBe(200);
    const target = await get(t, w.worker.auth, into.id);
    expect(target.supportCount).toBe(2);
    expect(target.readyAt).not.toBeNull();
    expect((await timeline(into.id)).map((e) => e.type).slice(-2)).toEqual([
      'merged_in',
      'threshold_reached',
    ]);
  });

  it('refuses a merge across communities, into itself, into a closed proposal or out of order', async () => {
    const p = await openProposal(t, w);
    const neighbours = await draft(t, w.neighbour.resident.auth);
    const foreign = await merge(w.worker.auth, p, neighbours.id);
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields).toEqual([
      expect.objectContaining({ field: 'intoId', code: 'not_found' }),
    ]);
    expect(foreign.body.fields[0].message).toContain('within their community');
    const itself = await merge(w.worker.auth, p, p.id);
    expect(itself.status).toBe(400);
    expect(itself.body.fields[0]).toMatchObject({ field: 'intoId' });

    const rejected = await move(
      t,
      w.worker.auth,
      await move(
        t,
        w.worker.auth,
        await move(t, w.residents[0]!.auth, await draft(t, w.residents[0]!.auth), 'submit'),
        'start_screening',
      ),
      'reject',
      { reason: '重复' },
    );
    const closed = await merge(w.worker.auth, p, rejected.id);
    expect(closed.status).toBe(409);
    expect(closed.body.details).toMatchObject({
      reason: 'target_not_open',
      targetStatus: 'rejected',
    });

    const staffDraft = await draft(t, w.worker.auth, {
      authorResidentId: w.residents[1]!.record.id,
    });
    const early = await merge(w.worker.auth, staffDraft, p.id);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: { status: 'draft', allowed: ['submit', 'withdraw'] },
    });
    const stale = await merge(w.worker.auth, p, (await openProposal(t, w)).id, p.version - 1);
    expect(stale.body.code).toBe('STALE_VERSION');
    expect((await merge(w.residents[0]!.auth, p, staffDraft.id)).status).toBe(403);
    expect((await merge(w.neighbour.worker.auth, p, staffDraft.id)).status).toBe(404);
    expect((await get(t, w.worker.auth, p.id)).status).toBe('open_for_support');
  });
});
