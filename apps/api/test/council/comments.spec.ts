import type { ProposalComment } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type CouncilWorld, councilWorld, draft, openProposal } from './world';

let t: TestContext;
let w: CouncilWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t);
});
afterAll(() => t.close());

const comment = (auth: string, id: string, body: unknown) =>
  t.http.post(`/api/proposals/${id}/comments`).set('Authorization', auth).send({ body });
const comments = async (auth: string, id: string) =>
  (await t.http.get(`/api/proposals/${id}/comments`).set('Authorization', auth))
    .body as ProposalComment[];
const hide = (auth: string, id: string, reason: unknown) =>
  t.http.post(`/api/proposal-comments/${id}/hide`).set('Authorization', auth).send({ reason });

describe('comments', () => {
  it('takes comments from the community’s residents and staff, each an event', async () => {
    const p = await openProposal(t, w);
    const r = w.residents[1]!;
    const mine = await comment(r.auth, p.id, '支持，晾晒点最好有雨棚');
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({
      authorKind: 'resident',
      authorName: r.record.name,
      body: '支持，晾晒点最好有雨棚',
      hidden: false,
    });
    expect((await comment(w.worker.auth, p.id, '已记录，会提交议事会')).status).toBe(201);
    const list = await comments(w.residents[2]!.auth, p.id);
    expect(list.map((c) => c.authorKind)).toEqual(['resident', 'staff']);
    // Another resident reads the commenter's name masked; staff names stay.
    expect(list[0]!.authorName).not.toBe(r.record.name);
    expect(list[1]!.authorName).toBe(w.worker.record.displayName);
    const stream: { n: number }[] = await t.ds.query(
      `SELECT count(*)::int AS n FROM domain_event WHERE subject_id = $1 AND data->>'type' = 'commented'`,
      [p.id],
    );
    expect(stream[0]!.n).toBe(2);
    expect(
      (await t.http.get(`/api/proposals/${p.id}`).set('Authorization', r.auth)).body.commentCount,
    ).toBe(2);
    // The street reads; commenting is for the community's own people.
    expect((await comment(w.streetAdmin.auth, p.id, '街道关注')).status).toBe(403);
    expect((await comment(w.neighbour.resident.auth, p.id, '我也想说')).status).toBe(404);
  });

  it('lets staff hide a comment with a reason: on record, its text no longer shown to residents', async () => {
    const p = await openProposal(t, w);
    const r = w.residents[1]!;
    const c = (await comment(r.auth, p.id, '广告：低价装修请加微信')).body as ProposalComment;
    const bare = await hide(w.worker.auth, c.id, '  ');
    expect(bare.status).toBe(400);
    expect(bare.body.fields).toEqual([
      expect.objectContaining({ field: 'reason', code: 'required' }),
    ]);
    expect((await hide(r.auth, c.id, '不想要了')).status).toBe(403);
    expect((await hide(w.neighbour.worker.auth, c.id, '广告')).status).toBe(404);
    const hidden = await hide(w.worker.auth, c.id, '广告内容，违反议事规则');
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({
      hidden: true,
      body: '广告：低价装修请加微信',
      hiddenReason: '广告内容，违反议事规则',
      hiddenByName: w.worker.record.displayName,
    });
    for (const reader of [r, w.residents[2]!]) {
      const seen = (await comments(reader.auth, p.id)).find((x) => x.id === c.id)!;
      expect(seen).toMatchObject({
        hidden: true,
        body: null,
        hiddenReason: null,
        hiddenByName: null,
      });
    }
    expect((await comments(w.admin.auth, p.id)).find((x) => x.id === c.id)!.body).toBe(
      '广告：低价装修请加微信',
    );
    const twice = await hide(w.worker.auth, c.id, '再次');
    expect(twice.status).toBe(409);
    expect(twice.body.details).toMatchObject({ reason: 'already_hidden' });
    // The record itself refuses to lose or change the text.
    await expect(t.ds.query('DELETE FROM proposal_comment WHERE id = $1', [c.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(
      t.ds.query(`UPDATE proposal_comment SET body = 'x' WHERE id = $1`, [c.id]),
    ).rejects.toThrow(/append-only/);
    // No text of a hidden comment sits in the proposal's events.
    const events = JSON.stringify(
      (await t.http.get(`/api/proposals/${p.id}/events`).set('Authorization', r.auth)).body,
    );
    expect(events).not.toContain('低价装修');
    expect(events).toContain('comment_hidden');
  });

  it('refuses empty and huge comments, and comments before submission', async () => {
    const p = await openProposal(t, w);
    const empty = await comment(w.residents[1]!.auth, p.id, '   ');
    expect(empty.status).toBe(400);
    expect(empty.body.fields).toEqual([
      expect.objectContaining({ field: 'body', code: 'required' }),
    ]);
    const huge = await comment(w.residents[1]!.auth, p.id, '长'.repeat(2001));
    expect(huge.status).toBe(400);
    expect(huge.body.fields).toEqual([
      expect.objectContaining({ field: 'body', code: 'too_long', params: { max: 2000 } }),
    ]);
    const notText = await comment(w.residents[1]!.auth, p.id, 42);
    expect(notText.body.fields[0]).toMatchObject({ field: 'body', code: 'not_text' });
    const d = await draft(t, w.worker.auth, { authorResidentId: w.residents[1]!.record.id });
    const early = await comment(w.worker.auth, d.id, '先说一句');
    expect(early.status).toBe(409);
    expect(early.body.details).toMatchObject({ reason: 'closed_for_comments' });
    expect((await hide(w.worker.auth, '00000000-0000-4000-8000-000000000000', '广告')).status).toBe(
      404,
    );
  });
});
