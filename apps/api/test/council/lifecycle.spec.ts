import type { ProposalDetail, ProposalEvent } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/actor';
import { ProposalsService } from '../../src/council/proposals.service';
import { type TestContext, createTestApp } from '../utils/app';
import { type CouncilWorld, PROPOSAL, councilWorld, draft, get, move, openProposal } from './world';

let t: TestContext;
let w: CouncilWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t);
});
afterAll(() => t.close());

async function events(auth: string, id: string): Promise<ProposalEvent[]> {
  const res = await t.http.get(`/api/proposals/${id}/events`).set('Authorization', auth);
  expect(res.status).toBe(200);
  return res.body as ProposalEvent[];
}

describe('the proposal lifecycle', () => {
  it('takes a resident’s proposal from draft to open for support, each step an event of the one stream', async () => {
    const author = w.residents[0]!;
    const d = await draft(t, author.auth, { compoundId: w.compound.id });
    expect(d).toMatchObject({
      status: 'draft',
      origin: 'resident',
      authorResidentId: author.record.id,
      authorName: author.record.name,
      compoundId: w.compound.id,
      allowedActions: ['submit', 'withdraw'],
      supportThreshold: null,
    });
    expect(d.number).toMatch(/^YS\d{8}-\d{6}$/);
    // A draft is the author's own until it is submitted.
    expect(
      (await t.http.get(`/api/proposals/${d.id}`).set('Authorization', w.worker.auth)).status,
    ).toBe(404);
    expect(
      (await t.http.get(`/api/proposals/${d.id}`).set('Authorization', w.residents[1]!.auth))
        .status,
    ).toBe(404);

    const submitted = await move(t, author.auth, d, 'submit');
    expect(submitted).toMatchObject({ status: 'submitted', allowedActions: ['withdraw'] });
    const asWorker = await get(t, w.worker.auth, d.id);
    expect(asWorker.allowedActions).toEqual(['start_screening']);
    const screening = await move(t, w.worker.auth, asWorker, 'start_screening');
    expect(screening.allowedActions).toEqual(['accept', 'reject']);
    const open = await move(t, w.worker.auth, screening, 'accept');
    // 5% of 200 households is 10, and never fewer than 10.
    expect(open).toMatchObject({ status: 'open_for_support', supportThreshold: 10, readyAt: null });

    const timeline = await events(w.worker.auth, d.id);
    expect(timeline.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ['created', null, 'draft'],
      ['transition', 'draft', 'submitted'],
      ['transition', 'submitted', 'screening'],
      ['transition', 'screening', 'open_for_support'],
    ]);
    expect(timeline[0]!.actorName).toBe(author.record.name);
    expect(timeline[2]!.actorName).toBe(w.worker.record.displayName);
    const stream: { subject_type: string; name: string }[] = await t.ds.query(
      `SELECT subject_type, name FROM domain_event WHERE subject_id = $1 ORDER BY id`,
      [d.id],
    );
    expect(stream).toHaveLength(4);
    expect(new Set(stream.map((e) => `${e.subject_type} ${e.name}`))).toEqual(
      new Set(['proposal proposal.updated']),
    );
    // Other residents of the community read it with the author's name masked.
    const neighbour = await get(t, w.residents[1]!.auth, d.id);
    expect(neighbour.authorName).not.toBe(author.record.name);
    expect(neighbour.authorName?.startsWith(author.record.name[0]!)).toBe(true);
    expect(neighbour.authorResidentId).toBeNull();
  });

  it('refuses moves out of order with 409 naming the allowed ones, and stale versions', async () => {
    const author = w.residents[0]!;
    const submitted = await move(t, author.auth, await draft(t, author.auth), 'submit');
    const accept = await t.http
      .post(`/api/proposals/${submitted.id}/transitions`)
      .set('Authorization', w.worker.auth)
      .send({ action: 'accept', version: submitted.version });
    expect(accept.status).toBe(409);
    expect(accept.body).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: { status: 'submitted', allowed: ['start_screening', 'merge', 'withdraw'] },
    });
    const stale = await t.http
      .post(`/api/proposals/${submitted.id}/transitions`)
      .set('Authorization', w.worker.auth)
      .send({ action: 'start_screening', version: submitted.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'STALE_VERSION',
      details: { currentVersion: submitted.version },
    });
    // The screening is the staff's, the withdrawal the author's.
    const byAuthor = await t.http
      .post(`/api/proposals/${submitted.id}/transitions`)
      .set('Authorization', author.auth)
      .send({ action: 'start_screening', version: submitted.version });
    expect(byAuthor.status).toBe(403);
    const byStaff = await t.http
      .post(`/api/proposals/${submitted.id}/transitions`)
      .set('Authorization', w.worker.auth)
      .send({ action: 'withdraw', version: submitted.version });
    expect(byStaff.status).toBe(403);
    // Meeting and implementation steps are no transition anyone asks for.
    const schedule = await t.http
      .post(`/api/proposals/${submitted.id}/transitions`)
      .set('Authorization', w.worker.auth)
      .send({ action: 'schedule', version: submitted.version });
    expect(schedule.status).toBe(400);
    expect(schedule.body.fields).toEqual([
      expect.objectContaining({ field: 'action', code: 'not_one_of' }),
    ]);
    expect((await get(t, w.worker.auth, submitted.id)).version).toBe(submitted.version);
  });

  it('rejects only with a reason, which stays with the proposal and closes it to comments', async () => {
    const author = w.residents[0]!;
    const submitted = await move(t, author.auth, await draft(t, author.auth), 'submit');
    const screening = await move(t, w.worker.auth, submitted, 'start_screening');
    const bare = await t.http
      .post(`/api/proposals/${screening.id}/transitions`)
      .set('Authorization', w.worker.auth)
      .send({ action: 'reject', version: screening.version, reason: '   ' });
    expect(bare.status).toBe(400);
    expect(bare.body.fields).toEqual([
      expect.objectContaining({ field: 'reason', code: 'required' }),
    ]);
    const rejected = await move(t, w.worker.auth, screening, 'reject', {
      reason: '属于物业公司职责，已转物业处理',
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejectionReason: '属于物业公司职责，已转物业处理',
      allowedActions: [],
    });
    const seen = await get(t, author.auth, rejected.id);
    expect(seen.rejectionReason).toBe('属于物业公司职责，已转物业处理');
    const timeline = await events(author.auth, rejected.id);
    expect(timeline.at(-1)).toMatchObject({
      toStatus: 'rejected',
      note: '属于物业公司职责，已转物业处理',
    });
    const comment = await t.http
      .post(`/api/proposals/${rejected.id}/comments`)
      .set('Authorization', author.auth)
      .send({ body: '为什么？' });
    expect(comment.status).toBe(409);
    expect(comment.body.details).toMatchObject({ reason: 'closed_for_comments' });
  });

  it('lets the author withdraw; a draft never submitted stays theirs after it', async () => {
    const author = w.residents[0]!;
    const d = await draft(t, author.auth);
    const withdrawn = await move(t, author.auth, d, 'withdraw', { reason: '想再考虑一下' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawalReason: '想再考虑一下' });
    expect(
      (await t.http.get(`/api/proposals/${d.id}`).set('Authorization', w.worker.auth)).status,
    ).toBe(404);
    const open = await openProposal(t, w);
    const gone = await move(t, author.auth, open, 'withdraw');
    expect(gone.status).toBe('withdrawn');
    expect((await get(t, w.worker.auth, open.id)).status).toBe('withdrawn');
  });

  it('lets staff write a proposal for a resident, who is its author', async () => {
    const resident = w.residents[1]!;
    const d = await draft(t, w.desker.auth, { authorResidentId: resident.record.id });
    expect(d).toMatchObject({
      origin: 'staff',
      authorResidentId: resident.record.id,
      compoundId: resident.record.compoundId,
      allowedActions: ['submit', 'withdraw'],
    });
    // The resident sees the draft written for them and may submit it themselves.
    const theirs = await get(t, resident.auth, d.id);
    expect(theirs.allowedActions).toEqual(['submit', 'withdraw']);
    await move(t, resident.auth, theirs, 'submit');
    const rows: { act: string }[] = await t.ds.query(
      `SELECT act FROM participation WHERE resident_id = $1 AND subject_id = $2`,
      [resident.record.id, d.id],
    );
    expect(rows).toEqual([{ act: 'propose' }]);
    const missing = await t.http
      .post('/api/proposals')
      .set('Authorization', w.desker.auth)
      .send(PROPOSAL);
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual([
      expect.objectContaining({ field: 'authorResidentId', code: 'required' }),
    ]);
    const stranger = await t.http
      .post('/api/proposals')
      .set('Authorization', w.desker.auth)
      .send({ ...PROPOSAL, authorResidentId: w.neighbour.resident.record.id });
    expect(stranger.status).toBe(400);
    expect(stranger.body.fields).toEqual([
      expect.objectContaining({ field: 'authorResidentId', code: 'not_found' }),
    ]);
  });

  it('changes the text before screening ends, each change an event', async () => {
    const author = w.residents[0]!;
    const d = await draft(t, author.auth);
    const res = await t.http
      .patch(`/api/proposals/${d.id}`)
      .set('Authorization', author.auth)
      .send({ version: d.version, title: '空地改建垃圾房', topic: 'facilities' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: '空地改建垃圾房', topic: 'facilities', version: 2 });
    const open = await openProposal(t, w);
    const late = await t.http
      .patch(`/api/proposals/${open.id}`)
      .set('Authorization', w.worker.auth)
      .send({ version: open.version, title: '改个标题' });
    expect(late.status).toBe(409);
    expect(late.body.details).toMatchObject({ reason: 'not_editable', status: 'open_for_support' });
    const timeline = await events(author.auth, d.id);
    expect(timeline.at(-1)).toMatchObject({
      type: 'edited',
      data: { fields: ['title', 'topic'] },
    });
  });

  it('leaves the meeting, implementation and evaluation steps to those processes, in order', async () => {
    const service = t.app.get(ProposalsService);
    const open = await openProposal(t, w);
    const meeting = systemActor('meeting');
    await expect(service.processTransition(meeting, open.id, 'deliberate')).rejects.toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: { status: 'open_for_support', allowed: ['schedule', 'merge', 'withdraw'] },
    });
    const steps = [
      ['schedule', 'scheduled'],
      ['deliberate', 'deliberated'],
      ['adopt', 'adopted'],
      ['start_implementation', 'in_implementation'],
      ['complete', 'completed'],
      ['evaluate', 'evaluated'],
    ] as const;
    for (const [action, status] of steps)
      expect(await service.processTransition(meeting, open.id, action)).toBe(status);
    const done: ProposalDetail = await get(t, w.residents[0]!.auth, open.id);
    expect(done).toMatchObject({ status: 'evaluated', allowedActions: [] });
    expect(done.version).toBe(open.version + steps.length);
    const timeline = await events(w.worker.auth, open.id);
    expect(timeline.slice(-6).map((e) => e.toStatus)).toEqual(steps.map(([, s]) => s));
    expect(timeline.at(-1)).toMatchObject({ actorKind: 'system', data: { reason: 'meeting' } });
  });

  it('suggests similar proposals of the community when one is submitted', async () => {
    const earlier = await openProposal(t, w, {
      title: '小区东门空地垃圾成堆，建议建垃圾房',
      description: '东门旁边空地长期堆放垃圾，气味很大，建议建封闭垃圾房并定期清运。',
    });
    const author = w.residents[2]!;
    const d = await draft(t, author.auth, {
      title: '东门空地垃圾成堆，建议建垃圾房',
      description: '东门旁空地堆放垃圾，气味很大，希望建封闭垃圾房，定期清运。',
    });
    const similar = await t.http
      .get(`/api/proposals/${d.id}/similar`)
      .set('Authorization', author.auth);
    expect(similar.status).toBe(200);
    expect(similar.body[0]).toMatchObject({ proposalId: earlier.id, status: 'open_for_support' });
    expect(similar.body[0].similarity).toBeGreaterThan(0.3);
    await move(t, author.auth, d, 'submit');
    const submitted = (await events(w.worker.auth, d.id)).at(-1)!;
    expect(submitted.data['similarIds']).toContain(earlier.id);
    // Another community's proposals are never suggested.
    const elsewhere = await draft(t, w.neighbour.resident.auth, {
      title: '东门空地垃圾成堆，建议建垃圾房',
      description: '东门旁空地堆放垃圾，气味很大，希望建封闭垃圾房，定期清运。',
    });
    const none = await t.http
      .get(`/api/proposals/${elsewhere.id}/similar`)
      .set('Authorization', w.neighbour.resident.auth);
    expect(none.body).toEqual([]);
  });
});
