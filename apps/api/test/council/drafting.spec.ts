import type { ProposalDetail, SimilarProposal } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { tinyPng } from '../utils/matrix-world';
import { PROPOSAL, type CouncilWorld, councilWorld, draft, move, openProposal } from './world';

let t: TestContext;
let w: CouncilWorld;
let png: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t, 3);
  png = await tinyPng();
});
afterAll(() => t.close());

const similar = (auth: string, query: Record<string, string>) =>
  t.http.get('/api/proposals/similar').query(query).set('Authorization', auth);

async function upload(auth: string): Promise<string> {
  const res = await t.http
    .post('/api/photos')
    .set('Authorization', auth)
    .attach('file', png, { filename: 'lot.png', contentType: 'image/png' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

describe('the similar prompt while a resident types', () => {
  it('finds the community’s public proposals like the words typed, before anything is saved', async () => {
    const open = await openProposal(t, w);
    // A draft of someone else and a proposal of the neighbour say the same, but are not shown.
    await draft(t, w.residents[2]!.auth);
    const neighbour = await draft(t, w.neighbour.resident.auth);
    await move(t, w.neighbour.resident.auth, neighbour, 'submit');
    const res = await similar(w.residents[1]!.auth, {
      title: '空地垃圾堆改建垃圾房',
      description: '尚格博园旁边的空地堆满了垃圾',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const found = res.body as SimilarProposal[];
    expect(found.map((s) => s.proposalId)).toEqual([open.id]);
    expect(found[0]).toMatchObject({ number: open.number, status: 'open_for_support' });
    expect(found[0]!.similarity).toBeGreaterThan(0.15);
    // A few words typed so far match a stretch of it, though not the whole text.
    const few = await similar(w.residents[1]!.auth, { title: '空地垃圾堆改建垃圾房' });
    expect((few.body as SimilarProposal[]).map((s) => s.proposalId)).toEqual([open.id]);
    const unlike = await similar(w.residents[1]!.auth, { title: '楼道灯不亮了' });
    expect(unlike.body).toEqual([]);
    // Staff name the community; the same words find the same proposal.
    const staff = await similar(w.worker.auth, {
      communityId: w.community.id,
      title: PROPOSAL.title,
    });
    expect((staff.body as SimilarProposal[]).map((s) => s.proposalId)).toContain(open.id);
  });

  it('keeps a resident to their community and staff to their scope', async () => {
    await openProposal(t, w);
    const across = await similar(w.residents[1]!.auth, {
      communityId: w.neighbour.community.id,
      title: PROPOSAL.title,
    });
    expect(across.status).toBe(404);
    const outsider = await similar(w.neighbour.resident.auth, { title: PROPOSAL.title });
    expect(outsider.status).toBe(200);
    const ids = (outsider.body as SimilarProposal[]).map((s) => s.proposalId);
    const ours: { id: string }[] = await t.ds.query(
      'SELECT id FROM proposal WHERE community_id = $1',
      [w.community.id],
    );
    expect(ids.filter((id) => ours.some((o) => o.id === id))).toEqual([]);
    const otherStaff = await similar(w.neighbour.worker.auth, {
      communityId: w.community.id,
      title: PROPOSAL.title,
    });
    expect(otherStaff.status).toBe(404);
  });

  it('refuses empty, blank and huge text naming the field', async () => {
    const auth = w.residents[1]!.auth;
    const cases: [Record<string, string>, string][] = [
      [{}, 'title'],
      [{ title: '' }, 'title'],
      [{ title: '   ' }, 'title'],
      [{ title: '垃'.repeat(121) }, 'title'],
      [{ title: '垃圾房', description: '垃'.repeat(1001) }, 'description'],
      [{ title: '垃圾房', communityId: 'nope' }, 'communityId'],
    ];
    for (const [query, field] of cases) {
      const res = await similar(auth, query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const staff = await similar(w.worker.auth, { title: '垃圾房' });
    expect(staff.status).toBe(400);
    expect(staff.body.fields[0]).toMatchObject({ field: 'communityId', code: 'required' });
  });
});

describe('photos on a saved draft', () => {
  it('lets the author add and remove photos until submission, nine at most', async () => {
    const author = w.residents[0]!;
    const d = await draft(t, author.auth, { photoIds: [await upload(author.auth)] });
    expect(d.photos).toHaveLength(1);
    const added = await t.http
      .post(`/api/proposals/${d.id}/photos`)
      .set('Authorization', author.auth)
      .send({ photoIds: [await upload(author.auth), await upload(author.auth)] });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const photos = (added.body as ProposalDetail).photos;
    expect(photos.map((p) => p.id)[0]).toBe(d.photos[0]!.id);
    expect(photos).toHaveLength(3);
    const bytes = await t.http.get(photos[2]!.url).set('Authorization', author.auth);
    expect(bytes.status).toBe(200);

    const removed = await t.http
      .delete(`/api/proposals/${d.id}/photos/${photos[0]!.id}`)
      .set('Authorization', author.auth);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect((removed.body as ProposalDetail).photos.map((p) => p.id)).toEqual(
      photos.slice(1).map((p) => p.id),
    );
    // The removed photo goes back to the uploader's unattached ones, for the clean-up.
    const [gone] = (await t.ds.query('SELECT attached_at FROM photo WHERE id = $1', [
      photos[0]!.id,
    ])) as { attached_at: Date | null }[];
    expect(gone!.attached_at).toBeNull();
    expect((await t.http.get(photos[0]!.url).set('Authorization', author.auth)).status).toBe(404);
    const again = await t.http
      .delete(`/api/proposals/${d.id}/photos/${photos[0]!.id}`)
      .set('Authorization', author.auth);
    expect(again.status).toBe(404);

    // Nine in all: two held, eight more is too many and nothing is added.
    const eight: string[] = [];
    for (let i = 0; i < 8; i++) eight.push(await upload(author.auth));
    const tooMany = await t.http
      .post(`/api/proposals/${d.id}/photos`)
      .set('Authorization', author.auth)
      .send({ photoIds: eight });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.fields[0]).toMatchObject({
      field: 'photoIds',
      code: 'too_many',
      params: { max: 9 },
    });
    const held: unknown[] = await t.ds.query(
      'SELECT 1 FROM proposal_photo WHERE proposal_id = $1',
      [d.id],
    );
    expect(held).toHaveLength(2);

    const fresh = (await t.http.get(`/api/proposals/${d.id}`).set('Authorization', author.auth))
      .body as ProposalDetail;
    await move(t, author.auth, fresh, 'submit');
    const late = await t.http
      .post(`/api/proposals/${d.id}/photos`)
      .set('Authorization', author.auth)
      .send({ photoIds: [eight[0]] });
    expect(late.status).toBe(409);
    expect(late.body.details).toMatchObject({ reason: 'not_editable', status: 'submitted' });
  });

  it('refuses photos of someone else, another resident’s draft and bad input', async () => {
    const author = w.residents[0]!;
    const d = await draft(t, author.auth);
    const theirs = await upload(w.residents[1]!.auth);
    const foreign = await t.http
      .post(`/api/proposals/${d.id}/photos`)
      .set('Authorization', author.auth)
      .send({ photoIds: [theirs] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields[0]).toMatchObject({ field: 'photoIds' });
    const other = await t.http
      .post(`/api/proposals/${d.id}/photos`)
      .set('Authorization', w.residents[1]!.auth)
      .send({ photoIds: [theirs] });
    expect(other.status).toBe(404);
    for (const body of [{}, { photoIds: [] }, { photoIds: ['x'] }]) {
      const res = await t.http
        .post(`/api/proposals/${d.id}/photos`)
        .set('Authorization', author.auth)
        .send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.fields[0]).toMatchObject({ field: 'photoIds' });
    }
  });
});
