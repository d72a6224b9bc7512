import type {
  EvaluationInvitation,
  EvaluationInvitationPush,
  MeetingDetail,
  MyProjectEvaluation,
  ProposalImplementation,
} from '@baitong/contracts';
import { type Socket, io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { tinyPng } from '../utils/matrix-world';
import { meetingCall, planMeeting, readyProposal, seatCouncil } from './meeting-world';
import { type CouncilWorld, councilWorld, drain, get } from './world';

let t: TestContext;
let w: CouncilWorld;
let members: string[];
let base: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-12-01T10:00:00+08:00');
  w = await councilWorld(t, 8);
  members = (await seatCouncil(t, w, w.residents.slice(5, 8))).residentMembers;
  await t.app.listen(0, '127.0.0.1');
  base = await t.app.getUrl();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t.close();
});

const post = (path: string, body: object, auth = w.worker.auth) =>
  t.http.post(path).set('Authorization', auth).send(body);

/** Author residents[0], supporters residents[1] and [2], adopted and being built. */
async function inImplementation(): Promise<string> {
  const p = await readyProposal(t, w);
  const call = meetingCall(t, w.worker.auth);
  const m = await planMeeting(t, w);
  const item = ((await call.agenda(m.id, p.id)).body as MeetingDetail).agenda[0]!.id;
  for (const id of members) await call.attend(m.id, { memberId: id });
  for (const id of members) await call.vote(m.id, item, id, 'for');
  expect((await call.decide(m.id, item)).status).toBe(200);
  const started = await post(`/api/proposals/${p.id}/implementation`, {
    ownerName: '物业公司',
    plan: '建封闭垃圾房和晾晒点',
  });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  return p.id;
}

async function complete(id: string): Promise<void> {
  expect((await post(`/api/proposals/${id}/complete`, {})).status).toBe(200);
  await drain(t);
}

const invitations = async (auth: string) =>
  (await t.http.get('/api/evaluation-invitations').set('Authorization', auth))
    .body as EvaluationInvitation[];

const mine = (id: string, auth: string) =>
  t.http.get(`/api/proposals/${id}/evaluation`).set('Authorization', auth);

function connect(auth: string): { socket: Socket; pushes: EvaluationInvitationPush[] } {
  const socket = io(base, {
    path: '/socket.io',
    auth: { token: auth.replace('Bearer ', '') },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  const pushes: EvaluationInvitationPush[] = [];
  socket.on('evaluation.invited', (e: EvaluationInvitationPush) => pushes.push(e));
  return { socket, pushes };
}

describe('a resident’s evaluation of a completed project', () => {
  it('invites the residents behind it, live in their own room and in the app, until they answer', async () => {
    const id = await inImplementation();
    const supporter = w.residents[1]!;
    const live = connect(supporter.auth);
    const bystander = connect(w.residents[4]!.auth);
    await new Promise<void>((r) => live.socket.on('connect', () => r()));
    await new Promise<void>((r) => bystander.socket.on('connect', () => r()));
    expect(await invitations(supporter.auth)).toEqual([]);
    expect((await mine(id, supporter.auth)).status).toBe(404);

    await complete(id);
    const end = Date.now() + 5000;
    while (Date.now() < end && live.pushes.length === 0)
      await new Promise((r) => setTimeout(r, 20));
    const p = await get(t, w.worker.auth, id);
    expect(live.pushes).toHaveLength(1);
    expect(live.pushes[0]!.invitation).toMatchObject({
      proposalId: id,
      number: p.number,
      title: p.title,
    });
    expect(bystander.pushes).toEqual([]);

    const listed = await invitations(supporter.auth);
    expect(listed.map((i) => i.proposalId)).toEqual([id]);
    expect(new Date(listed[0]!.dueAt).getTime() - new Date(listed[0]!.invitedAt).getTime()).toBe(
      14 * 86_400_000,
    );
    expect(await invitations(w.residents[4]!.auth)).toEqual([]);
    expect(await invitations(w.neighbour.resident.auth)).toEqual([]);
    expect((await mine(id, supporter.auth)).body).toMatchObject({
      status: 'open',
      satisfaction: null,
    });
    expect((await mine(id, w.residents[4]!.auth)).status).toBe(404);
    expect((await mine(id, w.neighbour.resident.auth)).status).toBe(404);
    expect(
      (await t.http.get('/api/evaluation-invitations').set('Authorization', w.worker.auth)).status,
    ).toBe(403);

    const answer = await post(
      `/api/proposals/${id}/evaluation`,
      { satisfaction: 'very_satisfied', solved: 'yes', comment: '垃圾房很干净' },
      supporter.auth,
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(await invitations(supporter.auth)).toEqual([]);
    expect((await mine(id, supporter.auth)).body as MyProjectEvaluation).toMatchObject({
      status: 'done',
      satisfaction: 'very_satisfied',
      solved: 'yes',
      comment: '垃圾房很干净',
    });
    // Replayed after a reconnect, like every push of the room.
    const again = connect(supporter.auth);
    const ack = (await again.socket
      .timeout(5000)
      .emitWithAck('subscribe', { room: `user:${supporter.record.id}`, since: '0' })) as {
      ok: boolean;
    };
    expect(ack.ok).toBe(true);
    // The invitation is answered: replay has nothing open to show.
    expect(again.pushes).toEqual([]);
  });

  it('takes a completed project with nobody to ask straight to evaluated, with an empty result', async () => {
    const id = await inImplementation();
    // Stands in for a project from walk-in cases whose supporters are gone: nobody behind it.
    await t.ds.query(
      `UPDATE proposal SET origin = 'cases', author_resident_id = NULL, created_by_staff_id = $2 WHERE id = $1`,
      [id, w.worker.record.id],
    );
    await t.ds.query(`UPDATE proposal_support SET withdrawn_at = now() WHERE proposal_id = $1`, [
      id,
    ]);
    await complete(id);
    await drain(t);
    expect((await get(t, w.worker.auth, id)).status).toBe('evaluated');
    const impl = (
      await t.http.get(`/api/proposals/${id}/implementation`).set('Authorization', w.worker.auth)
    ).body as ProposalImplementation;
    expect(impl.evaluation).toMatchObject({
      asked: 0,
      rated: 0,
      satisfiedShare: null,
      distribution: {
        very_satisfied: 0,
        satisfied: 0,
        basically_satisfied: 0,
        dissatisfied: 0,
        very_dissatisfied: 0,
      },
    });
    const tasks: unknown[] = await t.ds.query(
      'SELECT 1 FROM follow_up_task WHERE proposal_id = $1',
      [id],
    );
    expect(tasks).toEqual([]);
  });

  it('shows progress photos to the community’s residents only', async () => {
    const id = await inImplementation();
    const photo = await t.http
      .post('/api/photos')
      .set('Authorization', w.worker.auth)
      .attach('file', await tinyPng(), { filename: 'site.png', contentType: 'image/png' });
    expect(photo.status).toBe(201);
    const progress = await post(`/api/proposals/${id}/progress`, {
      note: '垃圾房主体完工',
      photoIds: [photo.body.id],
    });
    const url = (progress.body as ProposalImplementation).progress[0]!.photos[0]!.url;
    // A resident of the community who has nothing to do with the proposal sees it.
    const reader = await t.http.get(url).set('Authorization', w.residents[4]!.auth);
    expect(reader.status).toBe(200);
    expect(reader.headers['content-type']).toBe('image/png');
    const outsider = await t.http.get(url).set('Authorization', w.neighbour.resident.auth);
    expect(outsider.status).toBe(404);
    const implOutside = await t.http
      .get(`/api/proposals/${id}/implementation`)
      .set('Authorization', w.neighbour.resident.auth);
    expect(implOutside.status).toBe(404);
    // The photo is served under its own proposal only.
    const other = await readyProposal(t, w);
    const elsewhere = await t.http
      .get(`/api/proposals/${other.id}/photos/${photo.body.id}`)
      .set('Authorization', w.residents[4]!.auth);
    expect(elsewhere.status).toBe(404);
  });
});
