import type { ProposalDetail } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { tinyPng } from '../utils/matrix-world';
import { type CouncilWorld, PROPOSAL, councilWorld, get, openProposal } from './world';

/** Malformed council requests: each a 4xx naming the field, never a 5xx, nothing written. */
let t: TestContext;
let w: CouncilWorld;
let open: ProposalDetail;

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t);
  open = await openProposal(t, w);
});
afterAll(() => t.close());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

interface Case {
  name: string;
  method: 'post' | 'patch' | 'get' | 'delete';
  url: () => string;
  auth: () => string;
  /** A function when it names records of the world, built once the world exists. */
  body?: unknown;
  query?: Record<string, string>;
  status: number;
  field?: string;
  code?: string;
}

const resident = () => w.residents[0]!.auth;
const worker = () => w.worker.auth;
const cases: Case[] = [
  {
    name: 'a proposal without a title',
    method: 'post',
    url: () => '/api/proposals',
    auth: resident,
    body: { ...PROPOSAL, title: '   ' },
    status: 400,
    field: 'title',
    code: 'required',
  },
  {
    name: 'a proposal with a huge description',
    method: 'post',
    url: () => '/api/proposals',
    auth: resident,
    body: { ...PROPOSAL, description: '很'.repeat(4001) },
    status: 400,
    field: 'description',
    code: 'too_long',
  },
  {
    name: 'a proposal with a too short description',
    method: 'post',
    url: () => '/api/proposals',
    auth: resident,
    body: { ...PROPOSAL, description: '太短' },
    status: 400,
    field: 'description',
    code: 'too_short',
  },
  {
    name: 'a proposal with an unknown topic',
    method: 'post',
    url: () => '/api/proposals',
    auth: resident,
    body: { ...PROPOSAL, topic: 'fireworks' },
    status: 400,
    field: 'topic',
    code: 'not_one_of',
  },
  {
    name: 'a proposal with an unknown field',
    method: 'post',
    url: () => '/api/proposals',
    auth: resident,
    body: { ...PROPOSAL, status: 'adopted' },
    status: 400,
    field: 'status',
    code: 'unknown_field',
  },
  {
    name: 'a proposal with photo ids that are not ids',
    method: 'post',
    url: () => '/api/proposals',
    auth: resident,
    body: { ...PROPOSAL, photoIds: ['photo-1'] },
    status: 400,
    field: 'photoIds',
    code: 'invalid_id',
  },
  {
    name: 'a proposal with ten photos',
    method: 'post',
    url: () => '/api/proposals',
    auth: resident,
    body: { ...PROPOSAL, photoIds: Array.from({ length: 10 }, () => UNKNOWN) },
    status: 400,
    field: 'photoIds',
    code: 'too_many',
  },
  {
    name: 'a proposal with photos nobody uploaded',
    method: 'post',
    url: () => '/api/proposals',
    auth: resident,
    body: { ...PROPOSAL, photoIds: [UNKNOWN] },
    status: 400,
    field: 'photoIds',
    code: 'invalid',
  },
  {
    name: 'a proposal about a compound of another community',
    method: 'post',
    url: () => '/api/proposals',
    auth: resident,
    body: () => ({ ...PROPOSAL, compoundId: w.neighbour.compound.id }),
    status: 400,
    field: 'compoundId',
    code: 'not_found',
  },
  {
    name: 'a resident writing for another resident',
    method: 'post',
    url: () => '/api/proposals',
    auth: resident,
    body: () => ({ ...PROPOSAL, authorResidentId: w.residents[1]!.record.id }),
    status: 400,
    field: 'authorResidentId',
  },
  {
    name: 'an unknown proposal',
    method: 'get',
    url: () => `/api/proposals/${UNKNOWN}`,
    auth: resident,
    status: 404,
  },
  {
    name: 'a proposal id that is not an id',
    method: 'get',
    url: () => '/api/proposals/42',
    auth: resident,
    status: 400,
    field: 'id',
    code: 'invalid_id',
  },
  {
    name: 'a list by an unknown status',
    method: 'get',
    url: () => '/api/proposals',
    auth: worker,
    query: { status: 'open_for_support,approved' },
    status: 400,
    field: 'status',
    code: 'not_one_of',
  },
  {
    name: 'a list page size past the limit',
    method: 'get',
    url: () => '/api/proposals',
    auth: worker,
    query: { pageSize: '1000' },
    status: 400,
    field: 'pageSize',
    code: 'too_large',
  },
  {
    name: 'a transition without a version',
    method: 'post',
    url: () => `/api/proposals/${open.id}/transitions`,
    auth: worker,
    body: { action: 'withdraw' },
    status: 400,
    field: 'version',
    code: 'required',
  },
  {
    name: 'a transition with a text version',
    method: 'post',
    url: () => `/api/proposals/${open.id}/transitions`,
    auth: worker,
    body: { action: 'withdraw', version: 'latest' },
    status: 400,
    field: 'version',
    code: 'not_an_integer',
  },
  {
    name: 'a transition with a huge reason',
    method: 'post',
    url: () => `/api/proposals/${open.id}/transitions`,
    auth: resident,
    body: { action: 'withdraw', version: 4, reason: '长'.repeat(2001) },
    status: 400,
    field: 'reason',
    code: 'too_long',
  },
  {
    name: 'a transition of an unknown proposal',
    method: 'post',
    url: () => `/api/proposals/${UNKNOWN}/transitions`,
    auth: worker,
    body: { action: 'start_screening', version: 1 },
    status: 404,
  },
  {
    name: 'a merge without a target',
    method: 'post',
    url: () => `/api/proposals/${open.id}/merge`,
    auth: worker,
    body: () => ({ version: open.version }),
    status: 400,
    field: 'intoId',
    code: 'required',
  },
  {
    name: 'a merge into an unknown proposal',
    method: 'post',
    url: () => `/api/proposals/${open.id}/merge`,
    auth: worker,
    body: () => ({ intoId: UNKNOWN, version: open.version }),
    status: 400,
    field: 'intoId',
    code: 'not_found',
  },
  {
    name: 'a promotion without cases',
    method: 'post',
    url: () => '/api/proposals/from-cases',
    auth: worker,
    body: { ...PROPOSAL, caseIds: [] },
    status: 400,
    field: 'caseIds',
    code: 'too_few',
  },
  {
    name: 'a promotion of 21 cases',
    method: 'post',
    url: () => '/api/proposals/from-cases',
    auth: worker,
    body: { ...PROPOSAL, caseIds: Array.from({ length: 21 }, () => UNKNOWN) },
    status: 400,
    field: 'caseIds',
    code: 'too_many',
  },
  {
    name: 'a promotion of an unknown case',
    method: 'post',
    url: () => '/api/proposals/from-cases',
    auth: worker,
    body: { ...PROPOSAL, caseIds: [UNKNOWN] },
    status: 400,
    field: 'caseIds.0',
    code: 'not_found',
  },
  {
    name: 'support of an unknown proposal',
    method: 'post',
    url: () => `/api/proposals/${UNKNOWN}/support`,
    auth: resident,
    status: 404,
  },
  {
    name: 'a comment that is a list',
    method: 'post',
    url: () => `/api/proposals/${open.id}/comments`,
    auth: resident,
    body: { body: ['a', 'b'] },
    status: 400,
    field: 'body',
    code: 'not_text',
  },
  {
    name: 'a hide without a reason',
    method: 'post',
    url: () => `/api/proposal-comments/${UNKNOWN}/hide`,
    auth: worker,
    body: {},
    status: 400,
    field: 'reason',
    code: 'required',
  },
  {
    name: 'a photo id that is not an id',
    method: 'get',
    url: () => `/api/proposals/${open.id}/photos/abc`,
    auth: resident,
    status: 400,
    field: 'photoId',
    code: 'invalid_id',
  },
  {
    name: 'a photo not of this proposal',
    method: 'get',
    url: () => `/api/proposals/${open.id}/photos/${UNKNOWN}`,
    auth: resident,
    status: 404,
  },
  {
    name: 'the council of an unknown community',
    method: 'get',
    url: () => `/api/communities/${UNKNOWN}/council`,
    auth: worker,
    status: 404,
  },
];

describe('bad council input', () => {
  it.each(cases.map((c) => [c.name, c] as const))(
    'answers %s with the field named',
    async (_, c) => {
      let req = t.http[c.method](c.url()).set('Authorization', c.auth());
      if (c.query) req = req.query(c.query);
      const body: unknown = typeof c.body === 'function' ? (c.body as () => unknown)() : c.body;
      const res = await (body === undefined ? req : req.send(body as object));
      expect(res.status, JSON.stringify(res.body)).toBe(c.status);
      if (c.status >= 400) expect(res.body).toHaveProperty('code');
      if (c.field)
        expect(res.body.fields, JSON.stringify(res.body)).toEqual([
          expect.objectContaining({ field: c.field, ...(c.code ? { code: c.code } : {}) }),
        ]);
    },
  );

  it('writes nothing for refused proposals', async () => {
    const rows: { n: number }[] = await t.ds.query(
      `SELECT count(*)::int AS n FROM proposal WHERE community_id = $1`,
      [w.community.id],
    );
    expect(rows[0]!.n).toBe(1);
  });
});

describe('proposal photos', () => {
  it('keeps a proposal’s photos in the photo store, served to the proposal’s readers only', async () => {
    const author = w.residents[0]!;
    const upload = await t.http
      .post('/api/photos')
      .set('Authorization', author.auth)
      .attach('file', await tinyPng(), { filename: 'dump.png', contentType: 'image/png' });
    expect(upload.status).toBe(201);
    const res = await t.http
      .post('/api/proposals')
      .set('Authorization', author.auth)
      .send({ ...PROPOSAL, photoIds: [upload.body.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const p = res.body as ProposalDetail;
    expect(p.photos).toEqual([
      expect.objectContaining({
        id: upload.body.id,
        url: `/api/proposals/${p.id}/photos/${upload.body.id}`,
      }),
    ]);
    // Taken: it no longer waits to be attached, so neither the quota nor the clean-up counts it.
    const [row] = await t.ds.query('SELECT attached_at FROM photo WHERE id = $1', [upload.body.id]);
    expect(row.attached_at).not.toBeNull();
    const again = await t.http
      .post('/api/proposals')
      .set('Authorization', author.auth)
      .send({ ...PROPOSAL, photoIds: [upload.body.id] });
    expect(again.status).toBe(400);
    expect(again.body.fields[0]).toMatchObject({ field: 'photoIds' });
    const bytes = await t.http.get(p.photos[0]!.url).set('Authorization', author.auth).buffer(true);
    expect(bytes.status).toBe(200);
    expect(bytes.headers['content-type']).toBe('image/png');
    // Before submission only the author reads it; afterwards the community, never a neighbour.
    expect(
      (await t.http.get(p.photos[0]!.url).set('Authorization', w.residents[1]!.auth)).status,
    ).toBe(404);
    const submitted = await t.http
      .post(`/api/proposals/${p.id}/transitions`)
      .set('Authorization', author.auth)
      .send({ action: 'submit', version: p.version });
    expect(submitted.status).toBe(200);
    expect(
      (await t.http.get(p.photos[0]!.url).set('Authorization', w.residents[1]!.auth)).status,
    ).toBe(200);
    expect((await t.http.get(p.photos[0]!.url).set('Authorization', w.worker.auth)).status).toBe(
      200,
    );
    expect(
      (await t.http.get(p.photos[0]!.url).set('Authorization', w.neighbour.resident.auth)).status,
    ).toBe(404);
    expect((await get(t, w.worker.auth, p.id)).photos).toHaveLength(1);
  });
});
