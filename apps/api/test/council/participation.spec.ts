import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouncilsRepository } from '../../src/council/councils.repository';
import { type TestContext, createTestApp } from '../utils/app';
import { type CouncilWorld, councilWorld, draft, move, openProposal, support } from './world';

let t: TestContext;
let w: CouncilWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t);
});
afterAll(() => t.close());

const summary = (auth: string, query: Record<string, string> = {}, id = w.community.id) =>
  t.http.get(`/api/communities/${id}/participation`).query(query).set('Authorization', auth);

describe('participation records', () => {
  it('keeps one row per resident and act, however often they act, and counts residents in a period', async () => {
    t.clock.set('2026-03-01T10:00:00+08:00');
    const [r0, r1, r2] = [w.residents[0]!, w.residents[1]!, w.residents[2]!];
    const p = await openProposal(t, w, {}, r0);
    await support(t, r1.auth, p.id);
    await t.http.delete(`/api/proposals/${p.id}/support`).set('Authorization', r1.auth);
    await support(t, r1.auth, p.id);
    for (const body of ['第一条意见', '第二条意见'])
      await t.http
        .post(`/api/proposals/${p.id}/comments`)
        .set('Authorization', r1.auth)
        .send({ body });
    await t.http
      .post(`/api/proposals/${p.id}/comments`)
      .set('Authorization', r2.auth)
      .send({ body: '赞成' });
    await t.http
      .post(`/api/proposals/${p.id}/comments`)
      .set('Authorization', w.worker.auth)
      .send({ body: '工作人员回复不算居民参与' });
    // A draft that was never submitted is no act of self-governance.
    await draft(t, r2.auth);

    const rows: { resident_id: string; act: string }[] = await t.ds.query(
      `SELECT resident_id, act FROM participation WHERE proposal_id = $1 ORDER BY act, resident_id`,
      [p.id],
    );
    expect(rows.map((r) => `${r.act}:${r.resident_id}`).sort()).toEqual(
      [
        `propose:${r0.record.id}`,
        `support:${r1.record.id}`,
        `comment:${r1.record.id}`,
        `comment:${r2.record.id}`,
      ].sort(),
    );

    const res = await summary(w.admin.auth, {
      from: '2026-01-01T00:00:00+08:00',
      to: '2027-01-01T00:00:00+08:00',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      communityId: w.community.id,
      from: '2025-12-31T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
      registeredResidents: 500,
      participants: 3,
      rate: 0.006,
      byAct: { propose: 1, support: 1, comment: 2, attend: 0, vote: 0, evaluate: 0 },
    });
    const before = await summary(w.worker.auth, {
      from: '2025-01-01T00:00:00+08:00',
      to: '2026-01-01T00:00:00+08:00',
    });
    expect(before.body).toMatchObject({ participants: 0, rate: 0 });
    // The rows behind the figure, for the metrics to drill into.
    const people = await t.app
      .get(CouncilsRepository)
      .participantsIn(w.community.id, new Date('2026-01-01'), new Date('2027-01-01'));
    expect(new Map(people.map((x) => [x.residentId, x.acts]))).toEqual(
      new Map([
        [r0.record.id, ['propose']],
        [r1.record.id, ['comment', 'support']],
        [r2.record.id, ['comment']],
      ]),
    );
    t.clock.at = null;
  });

  it('holds a retried act to one row in the database itself, and never changes one', async () => {
    const p = await move(t, w.residents[0]!.auth, await draft(t, w.residents[0]!.auth), 'submit');
    const insert = () =>
      t.ds.query(
        `INSERT INTO participation (resident_id, community_id, act, subject_type, subject_id, proposal_id, at)
         VALUES ($1, $2, 'propose', 'proposal', $3, $3, now())`,
        [w.residents[0]!.record.id, w.community.id, p.id],
      );
    await expect(insert()).rejects.toThrow(/duplicate key/);
    await expect(
      t.ds.query(`UPDATE participation SET at = now() WHERE subject_id = $1`, [p.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.ds.query(`DELETE FROM participation WHERE subject_id = $1`, [p.id]),
    ).rejects.toThrow(/append-only/);
  });

  it('shows the figures to staff in scope only, and refuses a period that ends before it starts', async () => {
    expect((await summary(w.streetAdmin.auth)).status).toBe(200);
    expect((await summary(w.residents[0]!.auth)).status).toBe(403);
    expect((await summary(w.neighbour.admin.auth)).status).toBe(404);
    const backwards = await summary(w.admin.auth, {
      from: '2026-06-01T00:00:00Z',
      to: '2026-01-01T00:00:00Z',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.fields).toEqual([
      expect.objectContaining({ field: 'to', code: 'not_after' }),
    ]);
    const bad = await summary(w.admin.auth, { from: 'last spring' });
    expect(bad.body.fields).toEqual([
      expect.objectContaining({ field: 'from', code: 'invalid_date' }),
    ]);
  });
});
