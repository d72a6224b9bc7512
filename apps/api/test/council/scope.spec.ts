import type { ProposalSummary } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type CouncilWorld, councilWorld, draft, get, move, openProposal } from './world';

let t: TestContext;
let w: CouncilWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t);
});
afterAll(() => t.close());

const ids = async (auth: string, query: Record<string, string> = {}) =>
  (
    (
      await t.http
        .get('/api/proposals')
        .query({ pageSize: '200', ...query })
        .set('Authorization', auth)
    ).body.items as ProposalSummary[]
  ).map((p) => p.id);

describe('council scope across communities', () => {
  it('keeps a community’s proposals from a neighbour’s staff and residents: 404, never listed', async () => {
    const p = await openProposal(t, w);
    const theirs = await openProposal(
      t,
      { ...w, worker: w.neighbour.worker },
      {},
      w.neighbour.resident,
    );
    expect(await ids(w.neighbour.worker.auth)).toEqual([theirs.id]);
    expect(await ids(w.neighbour.resident.auth)).toEqual([theirs.id]);
    expect(await ids(w.worker.auth)).not.toContain(theirs.id);
    for (const auth of [
      w.neighbour.worker.auth,
      w.neighbour.admin.auth,
      w.neighbour.resident.auth,
    ]) {
      for (const path of ['', '/events', '/comments', '/similar'])
        expect(
          (await t.http.get(`/api/proposals/${p.id}${path}`).set('Authorization', auth)).status,
        ).toBe(404);
    }
    const move404 = await t.http
      .post(`/api/proposals/${p.id}/transitions`)
      .set('Authorization', w.neighbour.admin.auth)
      .send({ action: 'withdraw', version: p.version });
    expect(move404.status).toBe(404);
    for (const path of ['support', 'follow', 'comments'])
      expect(
        (
          await t.http
            .post(`/api/proposals/${p.id}/${path}`)
            .set('Authorization', w.neighbour.resident.auth)
            .send(path === 'comments' ? { body: '路过' } : undefined)
        ).status,
      ).toBe(404);
    expect(
      (
        await t.http
          .get(`/api/communities/${w.community.id}/council`)
          .set('Authorization', w.neighbour.admin.auth)
      ).status,
    ).toBe(404);
    expect((await get(t, w.worker.auth, p.id)).supportCount).toBe(0);
  });

  it('lets the street and the district read, but not run, a community’s council', async () => {
    const p = await openProposal(t, w);
    const bureau = `Bearer ${await t.given.token(await t.given.staff('bureau_admin'))}`;
    for (const auth of [w.streetAdmin.auth, bureau]) {
      expect((await get(t, auth, p.id)).cases).toEqual([]);
      expect(await ids(auth, { communityId: w.community.id })).toContain(p.id);
      const withdraw = await t.http
        .post(`/api/proposals/${p.id}/transitions`)
        .set('Authorization', auth)
        .send({ action: 'withdraw', version: p.version });
      expect(withdraw.status).toBe(403);
      const comment = await t.http
        .post(`/api/proposals/${p.id}/comments`)
        .set('Authorization', auth)
        .send({ body: '督办' });
      expect(comment.status).toBe(403);
    }
    // A draft of the community's resident is nobody else's business, the street's neither.
    const d = await draft(t, w.residents[0]!.auth);
    expect(
      (await t.http.get(`/api/proposals/${d.id}`).set('Authorization', w.streetAdmin.auth)).status,
    ).toBe(404);
    expect(await ids(w.residents[1]!.auth)).not.toContain(d.id);
    expect(await ids(w.residents[0]!.auth, { mine: 'true' })).toContain(d.id);
    await move(t, w.residents[0]!.auth, d, 'withdraw');
    expect(await ids(w.worker.auth)).not.toContain(d.id);
  });
});
