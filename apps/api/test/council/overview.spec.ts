import type { CouncilOverview, MeetingDetail } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityEntity, StreetEntity } from '../../src/org/org.entities';
import { type TestContext, createTestApp } from '../utils/app';
import { meetingCall, planMeeting, readyProposal, seatCouncil } from './meeting-world';
import {
  type CouncilWorld,
  councilWorld,
  draft,
  drain,
  move,
  openProposal,
  support,
} from './world';

let t: TestContext;
let w: CouncilWorld;
let elsewhere: { street: StreetEntity; community: CommunityEntity };
const auth: Record<'bureau' | 'monitor' | 'otherStreetAdmin', string> = {
  bureau: '',
  monitor: '',
  otherStreetAdmin: '',
};
/** Moves the clock days on and signs everyone in again: access tokens last minutes. */
async function at(iso: string): Promise<void> {
  t.clock.set(iso);
  const staff = [w.worker, w.admin, w.desker, w.streetAdmin, w.neighbour.admin, w.neighbour.worker];
  for (const p of staff) p.auth = `Bearer ${await t.given.token(p.record)}`;
  for (const p of [...w.residents, w.neighbour.resident])
    p.auth = `Bearer ${(await t.given.residentLogin(p.record)).accessToken}`;
}

const ids: Record<'adopted' | 'rejected' | 'submitted', string> = {
  adopted: '',
  rejected: '',
  submitted: '',
};

/**
 * One community's council through a month: two proposals decided at one meeting (one adopted,
 * built and evaluated by three residents, two of them satisfied), one only submitted, a draft;
 * the neighbour on the same street has one submitted proposal; a community on another street has
 * none.
 */
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-20T10:00:00+08:00');
  w = await councilWorld(t, 8);
  await t.ds.query(`UPDATE community SET registered_residents = 100 WHERE id = $1`, [
    w.neighbour.community.id,
  ]);
  const street = await t.given.street();
  elsewhere = { street, community: await t.given.community({ street, registeredResidents: 50 }) };
  const readers = {
    bureau: await t.given.staff('bureau_admin'),
    monitor: await t.given.staff('monitor'),
    otherStreetAdmin: await t.given.staff('street_admin', { street }),
  };
  const members = (await seatCouncil(t, w, w.residents.slice(5, 8))).residentMembers;

  await at('2026-12-01T10:00:00+08:00');
  const adopted = await readyProposal(t, w);
  await at('2026-12-02T09:00:00+08:00');
  const next = await draft(t, w.neighbour.resident.auth);
  await move(t, w.neighbour.resident.auth, next, 'submit');
  await at('2026-12-04T10:00:00+08:00');
  const rejected = await openProposal(t, w, {}, w.residents[3]!);
  for (const r of w.residents.slice(1, 3))
    expect((await support(t, r.auth, rejected.id)).status).toBe(200);
  await at('2026-12-05T10:00:00+08:00');
  const submitted = await move(
    t,
    w.residents[4]!.auth,
    await draft(t, w.residents[4]!.auth),
    'submit',
  );
  await draft(t, w.residents[4]!.auth, { title: '只是草稿，还没提交' });
  Object.assign(ids, { adopted: adopted.id, rejected: rejected.id, submitted: submitted.id });

  // The meeting decides both 9 days 10 hours and 6 days 10 hours after their submission.
  await at('2026-12-10T20:00:00+08:00');
  const call = meetingCall(t, w.worker.auth);
  const m = await planMeeting(t, w);
  await call.agenda(m.id, adopted.id);
  const agenda = ((await call.agenda(m.id, rejected.id)).body as MeetingDetail).agenda;
  const item = (id: string) => agenda.find((a) => a.proposalId === id)!.id;
  for (const id of members) await call.attend(m.id, { memberId: id });
  for (const id of members) await call.vote(m.id, item(adopted.id), id, 'for');
  for (const id of members) await call.vote(m.id, item(rejected.id), id, 'against');
  expect((await call.decide(m.id, item(adopted.id))).status).toBe(200);
  expect((await call.decide(m.id, item(rejected.id))).status).toBe(200);
  const version = ((await call.get(m.id)).body as MeetingDetail).version;
  const closed = await t.http
    .post(`/api/meetings/${m.id}/close`)
    .set('Authorization', w.worker.auth)
    .send({ version, minutes: '两项议题已表决' });
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);

  await at('2026-12-11T10:00:00+08:00');
  const post = (path: string, body: object, as = w.worker.auth) =>
    t.http.post(path).set('Authorization', as).send(body);
  expect(
    (
      await post(`/api/proposals/${adopted.id}/implementation`, {
        ownerName: '物业公司',
        plan: '建封闭垃圾房和晾晒点',
      })
    ).status,
  ).toBe(200);
  await at('2026-12-18T10:00:00+08:00');
  expect((await post(`/api/proposals/${adopted.id}/complete`, {})).status).toBe(200);
  await drain(t);
  await at('2026-12-20T10:00:00+08:00');
  const levels = ['very_satisfied', 'satisfied', 'dissatisfied'];
  for (const [i, satisfaction] of levels.entries()) {
    const res = await post(
      `/api/proposals/${adopted.id}/evaluation`,
      { satisfaction, solved: 'yes' },
      w.residents[i]!.auth,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  await drain(t);
  for (const [k, staff] of Object.entries(readers))
    auth[k as keyof typeof auth] = `Bearer ${await t.given.token(staff)}`;
});
afterAll(() => t.close());

const overview = (as: string, query: Record<string, string> = {}) =>
  t.http.get('/api/council-overview').set('Authorization', as).query(query);
const DECEMBER = { from: '2026-11-01', to: '2026-12-31' };
const body = (res: { body: unknown }) => res.body as CouncilOverview;
const rowOf = (o: CouncilOverview, id: string) => o.communities.find((c) => c.communityId === id);

describe('the council overview', () => {
  it('gives the street admin each community of the street with its figures for the period', async () => {
    const res = await overview(w.streetAdmin.auth, DECEMBER);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const o = body(res);
    expect(o.from).toBe('2026-10-31T16:00:00.000Z');
    expect(o.to).toBe('2026-12-31T16:00:00.000Z');
    expect(o.communities.map((c) => c.communityId).sort()).toEqual(
      [w.community.id, w.neighbour.community.id].sort(),
    );
    expect(rowOf(o, w.community.id)).toMatchObject({
      communityName: w.community.name,
      streetId: w.street.id,
      byStatus: {
        submitted: 1,
        screening: 0,
        open_for_support: 0,
        not_adopted: 1,
        evaluated: 1,
        in_implementation: 0,
      },
      newProposals: 3,
      supports: 4,
      meetingsHeld: 1,
      adopted: 1,
      notAdopted: 1,
      implementationStarted: 1,
      completed: 1,
      evaluated: 1,
      satisfiedShareMean: 0.6667,
      // 9.42 and 6.42 days.
      medianDaysToDecision: 7.9,
      // Three authors, two supporters and three attending, voting members.
      participants: 8,
      registeredResidents: 500,
      participationRate: 0.016,
    });
    expect(rowOf(o, w.community.id)!.byStatus).not.toHaveProperty('draft');
    expect(rowOf(o, w.neighbour.community.id)).toMatchObject({
      newProposals: 1,
      supports: 0,
      meetingsHeld: 0,
      satisfiedShareMean: null,
      medianDaysToDecision: null,
      participants: 1,
      registeredResidents: 100,
      participationRate: 0.01,
    });
  });

  it('works the street total out of the records, not as a mean of the communities’ rates', async () => {
    const o = body(await overview(w.streetAdmin.auth, DECEMBER));
    expect(o.streets).toHaveLength(1);
    const street = {
      communities: 2,
      newProposals: 4,
      supports: 4,
      participants: 9,
      registeredResidents: 600,
      // 9 ÷ 600, where the mean of 1.6 % and 1 % would be 1.3 %.
      participationRate: 0.015,
      satisfiedShareMean: 0.6667,
      medianDaysToDecision: 7.9,
    };
    expect(o.streets[0]).toMatchObject({ streetId: w.street.id, ...street });
    expect(o.streets[0]!.byStatus).toMatchObject({ submitted: 2, evaluated: 1, not_adopted: 1 });
    expect(o.total).toMatchObject(street);
  });

  it('counts only what happened in the period, by Shanghai days or by instants', async () => {
    const day = body(await overview(w.streetAdmin.auth, { from: '2026-12-05', to: '2026-12-05' }));
    expect(rowOf(day, w.community.id)).toMatchObject({
      newProposals: 1,
      supports: 0,
      meetingsHeld: 0,
      adopted: 0,
      participants: 1,
      medianDaysToDecision: null,
    });
    const meeting = body(
      await overview(w.streetAdmin.auth, {
        from: '2026-12-10T00:00:00+08:00',
        to: '2026-12-11T00:00:00+08:00',
      }),
    );
    expect(rowOf(meeting, w.community.id)).toMatchObject({
      newProposals: 0,
      meetingsHeld: 1,
      adopted: 1,
      notAdopted: 1,
      implementationStarted: 0,
      participants: 3,
      medianDaysToDecision: 7.9,
    });
    // The states are today's, whatever the period.
    expect(rowOf(meeting, w.community.id)!.byStatus.evaluated).toBe(1);
  });

  it('shows the district every street, or the street asked for', async () => {
    const all = body(await overview(auth.bureau, DECEMBER));
    expect(all.communities).toHaveLength(3);
    expect(all.streets.map((s) => s.streetId).sort()).toEqual(
      [w.street.id, elsewhere.street.id].sort(),
    );
    // 9 residents of 650 registered.
    expect(all.total).toMatchObject({
      communities: 3,
      participants: 9,
      participationRate: 0.013846,
    });
    const one = body(await overview(auth.monitor, { ...DECEMBER, streetId: elsewhere.street.id }));
    expect(one.streetId).toBe(elsewhere.street.id);
    expect(one.communities.map((c) => c.communityId)).toEqual([elsewhere.community.id]);
    expect(one.total).toMatchObject({ communities: 1, participants: 0, newProposals: 0 });
  });

  it('gives a community admin its own row only, and keeps other streets from a street admin', async () => {
    const own = body(await overview(w.admin.auth, DECEMBER));
    expect(own.communities.map((c) => c.communityId)).toEqual([w.community.id]);
    expect(own.total).toMatchObject({ communities: 1, participants: 8, registeredResidents: 500 });
    const theirs = body(await overview(w.neighbour.admin.auth, DECEMBER));
    expect(theirs.communities.map((c) => c.communityId)).toEqual([w.neighbour.community.id]);

    const other = body(await overview(auth.otherStreetAdmin, DECEMBER));
    expect(other.communities.map((c) => c.communityId)).toEqual([elsewhere.community.id]);
    const notTheirs = await overview(auth.otherStreetAdmin, { streetId: w.street.id });
    expect(notTheirs.status).toBe(404);
    expect(notTheirs.body).toMatchObject({ code: 'NOT_FOUND' });
    expect((await overview(w.admin.auth, { streetId: elsewhere.street.id })).status).toBe(404);
  });

  it('refuses the community’s workers and residents', async () => {
    for (const as of [w.worker.auth, w.desker.auth, w.residents[0]!.auth]) {
      const res = await overview(as);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('names the field of a bad period or street', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ from: '2026-12-31', to: '2026-12-01' }, 'from'],
      [{ from: 'last month' }, 'from'],
      [{ to: '2026-13-01' }, 'to'],
      [{ streetId: 'elsewhere' }, 'streetId'],
      [{ period: 'year' }, 'period'],
    ];
    for (const [query, field] of cases) {
      const res = await overview(w.streetAdmin.auth, query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect((res.body as { fields: { field: string }[] }).fields[0]).toMatchObject({ field });
    }
  });
});
