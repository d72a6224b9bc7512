import type { MeetingDetail, ProposalEvent, ProposalImplementation } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { tinyPng } from '../utils/matrix-world';
import { meetingCall, planMeeting, readyProposal, seatCouncil } from './meeting-world';
import { type CouncilWorld, councilWorld, get } from './world';

let t: TestContext;
let w: CouncilWorld;
let members: string[];

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t, 6);
  const seats = await seatCouncil(t, w, w.residents.slice(3, 6));
  members = seats.residentMembers;
});
afterAll(() => t.close());

/** A proposal adopted at a meeting: three of three resident members for (the others absent but fewer than quorum needs). */
async function adopted(): Promise<string> {
  const p = await readyProposal(t, w);
  const call = meetingCall(t, w.worker.auth);
  const m = await planMeeting(t, w);
  const item = ((await call.agenda(m.id, p.id)).body as MeetingDetail).agenda[0]!.id;
  for (const id of members) await call.attend(m.id, { memberId: id });
  for (const id of members) await call.vote(m.id, item, id, 'for');
  const res = await call.decide(m.id, item);
  expect((res.body as MeetingDetail).agenda[0]!.decision).toBe('adopted');
  return p.id;
}

const post = (path: string, body: object = {}, auth = w.worker.auth) =>
  t.http.post(path).set('Authorization', auth).send(body);

describe('implementation of an adopted proposal', () => {
  it('runs from owner and plan through milestones and progress with photos to completion', async () => {
    const id = await adopted();
    const started = await post(`/api/proposals/${id}/implementation`, {
      ownerStaffId: w.worker.record.id,
      plan: '在空地上建封闭垃圾房一座、晾晒架两组，物业负责日常保洁。',
      budgetYuan: 38500.5,
      fundingSource: 'community_charity_fund',
      fundingNote: '社区慈善基金 2026 年度',
      milestones: [
        { title: '清运垃圾', plannedOn: '2027-01-10' },
        { title: '垃圾房完工', plannedOn: '2027-02-20' },
      ],
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const impl = started.body as ProposalImplementation;
    expect(impl).toMatchObject({
      ownerName: w.worker.record.displayName,
      budgetYuan: 38500.5,
      fundingSource: 'community_charity_fund',
      completedAt: null,
    });
    expect(impl.milestones.map((m) => [m.title, m.plannedOn, m.doneAt])).toEqual([
      ['清运垃圾', '2027-01-10', null],
      ['垃圾房完工', '2027-02-20', null],
    ]);
    expect((await get(t, w.worker.auth, id)).status).toBe('in_implementation');
    const twice = await post(`/api/proposals/${id}/implementation`, {
      ownerName: '物业',
      plan: '再开始一次的计划说明',
    });
    expect(twice.status).toBe(409);

    const more = await post(`/api/proposals/${id}/milestones`, {
      title: '晾晒点完工',
      plannedOn: '2027-03-01',
    });
    expect((more.body as ProposalImplementation).milestones).toHaveLength(3);
    const first = impl.milestones[0]!.id;
    const done = await post(`/api/proposals/${id}/milestones/${first}/done`);
    expect((done.body as ProposalImplementation).milestones[0]!.doneAt).not.toBeNull();
    expect(
      (await post(`/api/proposals/${id}/milestones/${first}/done`)).body.details,
    ).toMatchObject({ reason: 'already_done' });

    const photo = await t.http
      .post('/api/photos')
      .set('Authorization', w.worker.auth)
      .attach('file', await tinyPng(), { filename: 'site.png', contentType: 'image/png' });
    expect(photo.status).toBe(201);
    const progress = await post(`/api/proposals/${id}/progress`, {
      note: '垃圾已清运，地基已打好。',
      photoIds: [photo.body.id],
    });
    expect(progress.status, JSON.stringify(progress.body)).toBe(200);
    const update = (progress.body as ProposalImplementation).progress[0]!;
    expect(update).toMatchObject({
      note: '垃圾已清运，地基已打好。',
      recordedByName: w.worker.record.displayName,
    });
    expect(update.photos).toHaveLength(1);
    // The supporter sees the photo; the proposal's own photos stay its own.
    const supporter = w.residents[1]!;
    const bytes = await t.http.get(update.photos[0]!.url).set('Authorization', supporter.auth);
    expect(bytes.status).toBe(200);
    expect((await get(t, supporter.auth, id)).photos).toHaveLength(0);
    const again = await post(`/api/proposals/${id}/progress`, {
      note: '同一张照片再用一次',
      photoIds: [photo.body.id],
    });
    expect(again.body.fields[0]).toMatchObject({ field: 'photoIds' });

    const completed = await post(`/api/proposals/${id}/complete`, { note: '验收通过' });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect((completed.body as ProposalImplementation).completedAt).not.toBeNull();
    expect((await get(t, w.worker.auth, id)).status).toBe('completed');
    const late = await post(`/api/proposals/${id}/progress`, { note: '完成后再记进度' });
    expect(late.body.details).toMatchObject({ reason: 'not_in_implementation' });

    const events = (
      await t.http.get(`/api/proposals/${id}/events`).set('Authorization', supporter.auth)
    ).body as ProposalEvent[];
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['milestone_added', 'milestone_done', 'progress_added']),
    );
    expect(
      events
        .filter((e) => e.type === 'transition')
        .map((e) => e.toStatus)
        .slice(-2),
    ).toEqual(['in_implementation', 'completed']);
    const rooms = (await t.ds.query(
      `SELECT rooms FROM domain_event WHERE subject_id = $1 AND data->>'type' = 'progress_added'`,
      [id],
    )) as { rooms: string[] }[];
    expect(rooms[0]!.rooms).toEqual(
      expect.arrayContaining([`user:${supporter.record.id}`, `user:${w.residents[0]!.record.id}`]),
    );
  });

  it('starts only on an adopted proposal, run by the community’s own staff', async () => {
    const p = await readyProposal(t, w);
    const body = { ownerName: '物业公司', plan: '还没有通过的议题的计划' };
    const early = await post(`/api/proposals/${p.id}/implementation`, body);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ILLEGAL_TRANSITION');
    const id = await adopted();
    expect(
      (await post(`/api/proposals/${id}/implementation`, body, w.neighbour.worker.auth)).status,
    ).toBe(404);
    expect(
      (await post(`/api/proposals/${id}/implementation`, body, w.streetAdmin.auth)).status,
    ).toBe(403);
    expect(
      (await post(`/api/proposals/${id}/implementation`, body, w.residents[0]!.auth)).status,
    ).toBe(403);
    expect(
      (await t.http.get(`/api/proposals/${id}/implementation`).set('Authorization', w.worker.auth))
        .status,
    ).toBe(404);
  });

  it('names the field of bad input', async () => {
    const id = await adopted();
    for (const [body, field] of [
      [{ plan: '计划的说明文字写得很长' }, 'ownerName'],
      [{ ownerName: '物业', plan: '短' }, 'plan'],
      [{ ownerName: '物业', plan: '计划的说明文字写得很长', budgetYuan: -1 }, 'budgetYuan'],
      [
        { ownerName: '物业', plan: '计划的说明文字写得很长', fundingSource: 'lottery' },
        'fundingSource',
      ],
      [
        { ownerName: '物业', plan: '计划的说明文字写得很长', fundingNote: '没有来源' },
        'fundingSource',
      ],
      [
        { ownerStaffId: w.neighbour.worker.record.id, plan: '计划的说明文字写得很长' },
        'ownerStaffId',
      ],
      [
        {
          ownerName: '物业',
          plan: '计划的说明文字写得很长',
          milestones: [{ title: '某步', plannedOn: '明天' }],
        },
        'milestones.0.plannedOn',
      ],
    ] as const) {
      const res = await post(`/api/proposals/${id}/implementation`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect((await get(t, w.worker.auth, id)).status).toBe('adopted');
  });
});
