import type { MeetingDetail, ProposalEvent } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { votesToAdopt } from '../../src/council/council-rules';
import { DEFAULT_COUNCIL_RULES } from '@baitong/contracts';
import { type TestContext, createTestApp } from '../utils/app';
import { meetingCall, planMeeting, readyProposal, seatCouncil } from './meeting-world';
import { type CouncilWorld, councilWorld, get, openProposal, setRules } from './world';

let t: TestContext;
let w: CouncilWorld;
let seats: Awaited<ReturnType<typeof seatCouncil>>;
let call: ReturnType<typeof meetingCall>;

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t, 9);
  // Five members: three residents, the worker as secretary, the property company's man.
  seats = await seatCouncil(t, w, w.residents.slice(4, 7));
  call = meetingCall(t, w.worker.auth);
});
afterAll(() => t.close());

/** A planned meeting with one ready proposal on its agenda. */
async function meetingWithItem(): Promise<{
  m: MeetingDetail;
  itemId: string;
  proposalId: string;
}> {
  const p = await readyProposal(t, w);
  const m = await planMeeting(t, w);
  const res = await call.agenda(m.id, p.id);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const after = res.body as MeetingDetail;
  return { m: after, itemId: after.agenda[0]!.id, proposalId: p.id };
}

async function attend(id: string, memberIds: string[]): Promise<void> {
  for (const memberId of memberIds) expect((await call.attend(id, { memberId })).status).toBe(200);
}

const all = () => [...seats.residentMembers, seats.staffMember, seats.otherMember];

describe('the adoption rule', () => {
  it('counts abstentions among those present and never adopts on a tie', () => {
    const r = DEFAULT_COUNCIL_RULES;
    expect(votesToAdopt(r, 4, 5)).toBe(3);
    expect(votesToAdopt(r, 3, 5)).toBe(2);
    expect(votesToAdopt({ ...r, adoptionRule: 'majority_of_members' }, 3, 5)).toBe(3);
    expect(votesToAdopt({ ...r, adoptionRule: 'two_thirds_of_present' }, 4, 5)).toBe(3);
    expect(votesToAdopt({ ...r, adoptionRule: 'two_thirds_of_present' }, 3, 5)).toBe(2);
  });
});

describe('council meetings', () => {
  it('schedules a ready proposal, refuses votes without quorum, and adopts by a majority of those present', async () => {
    const { m, itemId, proposalId } = await meetingWithItem();
    expect(m).toMatchObject({ status: 'planned', currentMembers: 5, quorum: 3, quorate: false });
    expect(m.agenda[0]).toMatchObject({ proposalId, proposalStatus: 'scheduled', decision: null });
    expect((await get(t, w.worker.auth, proposalId)).status).toBe('scheduled');

    await attend(m.id, all().slice(0, 2));
    const early = await call.vote(m.id, itemId, all()[0]!, 'for');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'no_quorum', present: 2, members: 5, quorum: 3 },
    });
    expect(early.body.message).toMatch(/quorum/i);
    expect((await call.decide(m.id, itemId)).body.details.reason).toBe('no_quorum');

    await attend(m.id, [all()[2]!]);
    // A resident who is no member does not vote, nor does a member who is not there.
    const outsider = await t.http
      .post(`/api/meetings/${m.id}/agenda/${itemId}/votes`)
      .set('Authorization', w.worker.auth)
      .send({ memberId: w.residents[1]!.record.id, choice: 'for' });
    expect(outsider.status).toBe(400);
    expect(outsider.body.fields[0]).toMatchObject({ field: 'memberId', code: 'not_found' });
    const absent = await call.vote(m.id, itemId, all()[3]!, 'for');
    expect(absent.status).toBe(409);
    expect(absent.body.details).toMatchObject({ reason: 'member_absent' });

    for (const [memberId, choice] of [
      [all()[0]!, 'for'],
      [all()[1]!, 'for'],
      [all()[2]!, 'abstain'],
    ] as const)
      expect((await call.vote(m.id, itemId, memberId, choice)).status).toBe(200);
    const again = await call.vote(m.id, itemId, all()[0]!, 'against');
    expect(again.body.details).toMatchObject({ reason: 'already_voted' });

    const decided = await call.decide(m.id, itemId, '通过，由物业配合');
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect((decided.body as MeetingDetail).agenda[0]).toMatchObject({
      decision: 'adopted',
      tally: { for: 2, against: 0, abstain: 1 },
      presentAtDecision: 3,
      requiredFor: 2,
      proposalStatus: 'adopted',
      decisionNote: '通过，由物业配合',
    });
    expect((await call.decide(m.id, itemId)).body.details.reason).toBe('item_decided');

    const events = (
      await t.http.get(`/api/proposals/${proposalId}/events`).set('Authorization', w.worker.auth)
    ).body as ProposalEvent[];
    expect(
      events
        .filter((e) => e.type === 'transition')
        .map((e) => e.toStatus)
        .slice(-4),
    ).toEqual(['open_for_support', 'scheduled', 'deliberated', 'adopted']);
  });

  it('does not adopt on a tie, and an abstention weighs like a vote against', async () => {
    for (const votes of [
      ['for', 'for', 'against', 'against'],
      ['for', 'for', 'against', 'abstain'],
    ]) {
      const { m, itemId, proposalId } = await meetingWithItem();
      await attend(m.id, all().slice(0, 4));
      for (const [i, choice] of votes.entries())
        expect((await call.vote(m.id, itemId, all()[i]!, choice)).status).toBe(200);
      const res = await call.decide(m.id, itemId);
      expect((res.body as MeetingDetail).agenda[0]).toMatchObject({
        decision: 'not_adopted',
        requiredFor: 3,
        presentAtDecision: 4,
      });
      expect((await get(t, w.worker.auth, proposalId)).status).toBe('not_adopted');
    }
  });

  it('follows the council’s adoption rule: a majority of all members', async () => {
    await setRules(t, w, { adoptionRule: 'majority_of_members' });
    const { m, itemId } = await meetingWithItem();
    await attend(m.id, all().slice(0, 3));
    for (const i of [0, 1]) await call.vote(m.id, itemId, all()[i]!, 'for');
    const res = await call.decide(m.id, itemId);
    // Two of three present is a majority of them, not of the five members.
    expect((res.body as MeetingDetail).agenda[0]).toMatchObject({
      decision: 'not_adopted',
      requiredFor: 3,
    });
    await setRules(t, w, { adoptionRule: 'majority_of_present' });
  });

  it('counts two votes of one member at once as one', async () => {
    const { m, itemId } = await meetingWithItem();
    await attend(m.id, all().slice(0, 3));
    const [a, b] = await Promise.all([
      call.vote(m.id, itemId, all()[0]!, 'for'),
      call.vote(m.id, itemId, all()[0]!, 'against'),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const rows = (await t.ds.query('SELECT choice FROM meeting_vote WHERE agenda_item_id = $1', [
      itemId,
    ])) as unknown[];
    expect(rows).toHaveLength(1);
  });

  it('records attendance once, of members and of the community’s residents, each a participation row', async () => {
    const { m, itemId } = await meetingWithItem();
    const listener = w.residents[7]!;
    expect((await call.attend(m.id, { residentId: listener.record.id })).status).toBe(200);
    const twice = await call.attend(m.id, { residentId: listener.record.id });
    expect(twice.body.details).toMatchObject({ reason: 'already_present' });
    // A resident member named as a resident counts as the member.
    const member = w.residents[4]!;
    const res = await call.attend(m.id, { residentId: member.record.id });
    expect((res.body as MeetingDetail).attendees.map((a) => a.kind)).toEqual([
      'resident',
      'member',
    ]);
    const neighbour = await call.attend(m.id, { residentId: w.neighbour.resident.record.id });
    expect(neighbour.status).toBe(400);
    expect(neighbour.body.fields[0]).toMatchObject({ field: 'residentId', code: 'not_found' });
    await attend(m.id, [seats.staffMember, seats.otherMember]);
    await call.vote(m.id, itemId, seats.residentMembers[0]!, 'for');
    await call.vote(m.id, itemId, seats.staffMember, 'for');

    const rows = (await t.ds.query(
      `SELECT resident_id, act, subject_type FROM participation
        WHERE subject_id = ANY($1::uuid[]) ORDER BY act, resident_id`,
      [[m.id, itemId]],
    )) as { resident_id: string; act: string; subject_type: string }[];
    expect(rows).toEqual(
      [
        { resident_id: listener.record.id, act: 'attend', subject_type: 'meeting' },
        { resident_id: member.record.id, act: 'attend', subject_type: 'meeting' },
        // The worker's vote is no resident's participation.
        { resident_id: member.record.id, act: 'vote', subject_type: 'agenda_item' },
      ].sort((x, y) => (x.act + x.resident_id).localeCompare(y.act + y.resident_id)),
    );
  });

  it('takes on its agenda only its own community’s proposals that reached their threshold', async () => {
    const m = await planMeeting(t, w);
    const foreign = await t.http
      .post('/api/proposals')
      .set('Authorization', w.neighbour.resident.auth)
      .send({ title: '隔壁社区的议题', description: '隔壁社区居民提出的议题说明', topic: 'other' });
    const other = await call.agenda(m.id, foreign.body.id as string);
    expect(other.status).toBe(400);
    expect(other.body.fields[0]).toMatchObject({ field: 'proposalId', code: 'not_found' });

    await setRules(t, w, { supportThresholdKind: 'count', supportThresholdCount: 5 });
    const unready = await openProposal(t, w);
    const res = await call.agenda(m.id, unready.id);
    expect(res.status).toBe(409);
    expect(res.body.details).toMatchObject({ reason: 'not_ready', supportThreshold: 5 });
    expect((await get(t, w.worker.auth, unready.id)).status).toBe('open_for_support');
  });

  it('takes an item off the agenda back to support, and closes only with every item decided', async () => {
    const { m, itemId, proposalId } = await meetingWithItem();
    const second = await readyProposal(t, w);
    const withTwo = (await call.agenda(m.id, second.id)).body as MeetingDetail;
    const secondItem = withTwo.agenda.find((a) => a.proposalId === second.id)!;
    const off = await t.http
      .delete(`/api/meetings/${m.id}/agenda/${secondItem.id}`)
      .set('Authorization', w.worker.auth);
    expect(off.status).toBe(200);
    expect((await get(t, w.worker.auth, second.id)).status).toBe('open_for_support');

    const fresh = (await call.get(m.id)).body as MeetingDetail;
    const early = await t.http
      .post(`/api/meetings/${m.id}/close`)
      .set('Authorization', w.worker.auth)
      .send({ version: fresh.version, minutes: '会议纪要' });
    expect(early.body.details).toMatchObject({
      reason: 'undecided_items',
      agendaItemIds: [itemId],
    });

    await attend(m.id, all().slice(0, 3));
    for (const i of [0, 1, 2]) await call.vote(m.id, itemId, all()[i]!, 'for');
    const decided = (await call.decide(m.id, itemId)).body as MeetingDetail;
    expect((await get(t, w.worker.auth, proposalId)).status).toBe('adopted');
    const closed = await t.http
      .post(`/api/meetings/${m.id}/close`)
      .set('Authorization', w.worker.auth)
      .send({ version: decided.version, minutes: '  一致通过垃圾房议题。  ' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', minutes: '一致通过垃圾房议题。' });
    const late = await call.attend(m.id, { memberId: all()[3]! });
    expect(late.body.details).toMatchObject({ reason: 'meeting_closed' });
  });

  it('tells the community and the residents behind the proposal of each step, in the one stream', async () => {
    const { m, itemId } = await meetingWithItem();
    await attend(m.id, all().slice(0, 3));
    for (const i of [0, 1, 2]) await call.vote(m.id, itemId, all()[i]!, 'for');
    await call.decide(m.id, itemId);
    const rows = (await t.ds.query(
      `SELECT name, data->>'type' AS type, rooms FROM domain_event
        WHERE subject_type = 'meeting' AND subject_id = $1 ORDER BY id`,
      [m.id],
    )) as { name: string; type: string; rooms: string[] }[];
    expect(rows.map((r) => r.type)).toEqual([
      'created',
      'agenda_added',
      'attended',
      'attended',
      'attended',
      'voted',
      'voted',
      'voted',
      'decided',
    ]);
    expect(rows.every((r) => r.name === 'meeting.updated')).toBe(true);
    const decided = rows.at(-1)!;
    expect(decided.rooms).toEqual(
      expect.arrayContaining([
        `community:${w.community.id}`,
        `user:${w.residents[0]!.record.id}`,
        `user:${w.residents[1]!.record.id}`,
        `user:${w.residents[2]!.record.id}`,
      ]),
    );
  });
});

describe('meeting scope and input', () => {
  it('is read by the community’s residents and its street, and run only by its own staff', async () => {
    const { m, itemId } = await meetingWithItem();
    expect((await meetingCall(t, w.residents[3]!.auth).get(m.id)).status).toBe(200);
    expect((await meetingCall(t, w.streetAdmin.auth).get(m.id)).status).toBe(200);
    expect((await meetingCall(t, w.neighbour.worker.auth).get(m.id)).status).toBe(404);
    expect((await meetingCall(t, w.neighbour.resident.auth).get(m.id)).status).toBe(404);
    expect(
      (await meetingCall(t, w.streetAdmin.auth).attend(m.id, { memberId: all()[0]! })).status,
    ).toBe(403);
    expect(
      (await meetingCall(t, w.residents[4]!.auth).vote(m.id, itemId, all()[0]!, 'for')).status,
    ).toBe(403);
    expect((await meetingCall(t, w.neighbour.worker.auth).decide(m.id, itemId)).status).toBe(404);
    const list = await t.http
      .get(`/api/communities/${w.community.id}/meetings`)
      .set('Authorization', w.neighbour.worker.auth);
    expect(list.status).toBe(404);
    const planned = await t.http
      .post(`/api/communities/${w.community.id}/meetings`)
      .set('Authorization', w.neighbour.admin.auth)
      .send({ title: '越界会议', startsAt: '2026-12-10T19:30:00+08:00', place: '某处' });
    expect(planned.status).toBe(404);
  });

  it('names the field of bad input', async () => {
    const plan = (body: Record<string, unknown>) =>
      t.http
        .post(`/api/communities/${w.community.id}/meetings`)
        .set('Authorization', w.worker.auth)
        .send(body);
    const good = { title: '议事会', startsAt: '2026-12-10T19:30:00+08:00', place: '会议室' };
    for (const [body, field] of [
      [{ ...good, title: '   ' }, 'title'],
      [{ ...good, title: 'x'.repeat(121) }, 'title'],
      [{ ...good, startsAt: '2026-12-10' }, 'startsAt'],
      [{ ...good, startsAt: 'tomorrow' }, 'startsAt'],
      [{ ...good, place: undefined }, 'place'],
      [{ ...good, extra: 1 }, 'extra'],
    ] as const) {
      const res = await plan(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const { m, itemId } = await meetingWithItem();
    const bad = await t.http
      .post(`/api/meetings/${m.id}/agenda/${itemId}/votes`)
      .set('Authorization', w.worker.auth)
      .send({ memberId: all()[0], choice: 'maybe' });
    expect(bad.body.fields[0]).toMatchObject({ field: 'choice' });
    const neither = await call.attend(m.id, {});
    expect(neither.body.fields[0]).toMatchObject({ field: 'memberId', code: 'required' });
    const notId = await call.agenda(m.id, 'nope');
    expect(notId.body.fields[0]).toMatchObject({ field: 'proposalId' });
    const huge = await t.http
      .patch(`/api/meetings/${m.id}`)
      .set('Authorization', w.worker.auth)
      .send({ version: m.version, minutes: 'x'.repeat(20_001) });
    expect(huge.body.fields[0]).toMatchObject({ field: 'minutes' });
  });
});
