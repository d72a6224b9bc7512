import { DEFAULT_COUNCIL_RULES, type Council } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quorumOf, supportThresholdOf } from '../../src/council/council-rules';
import { type TestContext, createTestApp } from '../utils/app';
import { type CouncilWorld, councilWorld } from './world';

let t: TestContext;
let w: CouncilWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await councilWorld(t, 2);
});
afterAll(() => t.close());

const read = (auth: string, id = w.community.id) =>
  t.http.get(`/api/communities/${id}/council`).set('Authorization', auth);
const rules = (auth: string, body: unknown, id = w.community.id) =>
  t.http
    .patch(`/api/communities/${id}/council`)
    .set('Authorization', auth)
    .send(body as object);
const addMember = (auth: string, body: Record<string, unknown>, id = w.community.id) =>
  t.http.post(`/api/communities/${id}/council/members`).set('Authorization', auth).send(body);

describe('council rules', () => {
  it('computes thresholds and quorums as the rules say', () => {
    const share = DEFAULT_COUNCIL_RULES;
    expect(supportThresholdOf(share, 3000)).toBe(150);
    expect(supportThresholdOf(share, 100)).toBe(10);
    expect(supportThresholdOf({ ...share, supportSharePercent: 2.5 }, 1001)).toBe(26);
    expect(
      supportThresholdOf(
        { ...share, supportThresholdKind: 'count', supportThresholdCount: 30 },
        3000,
      ),
    ).toBe(30);
    expect([1, 2, 3, 9, 10].map((n) => quorumOf(share, n))).toEqual([1, 2, 2, 5, 6]);
    expect([3, 9, 10].map((n) => quorumOf({ ...share, quorumKind: 'two_thirds' }, n))).toEqual([
      2, 6, 7,
    ]);
    expect(quorumOf({ ...share, quorumKind: 'count', quorumCount: 7 }, 9)).toBe(7);
  });

  it('starts every community with the default rules, without writing anything', async () => {
    const res = await read(w.residents[0]!.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      communityId: w.community.id,
      households: 200,
      rules: DEFAULT_COUNCIL_RULES,
      supportThreshold: 10,
      currentMembers: 0,
      quorum: 1,
      members: [],
      updatedAt: null,
    });
    const rows: { n: number }[] = await t.ds.query(
      'SELECT count(*)::int AS n FROM council WHERE community_id = $1',
      [w.community.id],
    );
    expect(rows[0]!.n).toBe(0);
    // The street and the district read it; a neighbour's resident does not.
    expect((await read(w.streetAdmin.auth)).status).toBe(200);
    expect((await read(w.neighbour.resident.auth)).status).toBe(404);
  });

  it('lets the community admin alone change the rules, each change an event', async () => {
    const res = await rules(w.admin.auth, {
      supportThresholdKind: 'count',
      supportThresholdCount: 25,
      quorumKind: 'two_thirds',
      adoptionRule: 'majority_of_members',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      supportThreshold: 25,
      rules: {
        supportThresholdKind: 'count',
        quorumKind: 'two_thirds',
        adoptionRule: 'majority_of_members',
      },
    });
    expect((res.body as Council).updatedAt).not.toBeNull();
    for (const auth of [w.worker.auth, w.streetAdmin.auth])
      expect((await rules(auth, { supportMinimum: 3 })).status).toBe(403);
    expect((await rules(w.residents[0]!.auth, { supportMinimum: 3 })).status).toBe(403);
    expect((await rules(w.neighbour.admin.auth, { supportMinimum: 3 })).status).toBe(404);
    const events: { name: string; data: { type: string } }[] = await t.ds.query(
      `SELECT name, data FROM domain_event WHERE subject_type = 'council' AND community_id = $1`,
      [w.community.id],
    );
    expect(events).toEqual([
      { name: 'council.updated', data: expect.objectContaining({ type: 'rules_changed' }) },
    ]);
    await rules(w.admin.auth, {
      supportThresholdKind: 'household_share',
      quorumKind: 'more_than_half',
    });
  });

  it('names the field for rules that do not hold together or are out of range', async () => {
    const fresh = await t.given.community({ street: w.street });
    const admin = await t.given.staff('community_admin', { community: fresh });
    const auth = `Bearer ${await t.given.token(admin)}`;
    const missing = await rules(auth, { supportThresholdKind: 'count' }, fresh.id);
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual([
      expect.objectContaining({ field: 'supportThresholdCount', code: 'required' }),
    ]);
    const quorum = await rules(auth, { quorumKind: 'count' }, fresh.id);
    expect(quorum.body.fields[0]).toMatchObject({ field: 'quorumCount', code: 'required' });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ supportThresholdKind: 'votes' }, 'supportThresholdKind', 'not_one_of'],
      [{ supportSharePercent: 150 }, 'supportSharePercent', 'too_large'],
      [{ supportSharePercent: '5' }, 'supportSharePercent', 'not_a_number'],
      [{ supportMinimum: 0 }, 'supportMinimum', 'too_small'],
      [{ supportMinimum: 2.5 }, 'supportMinimum', 'not_an_integer'],
      [{ adoptionRule: 'unanimous' }, 'adoptionRule', 'not_one_of'],
      [{ quorum: 3 }, 'quorum', 'unknown_field'],
    ];
    for (const [body, field, code] of cases) {
      const res = await rules(auth, body, fresh.id);
      expect(res.status, field).toBe(400);
      expect(res.body.fields, field).toEqual([expect.objectContaining({ field, code })]);
    }
    expect((await read(auth, fresh.id)).body.updatedAt).toBeNull();
  });
});

describe('council members', () => {
  it('keeps members with roles, kinds and terms; the current ones make the quorum', async () => {
    const [r0, r1] = [w.residents[0]!, w.residents[1]!];
    const chair = await addMember(w.admin.auth, {
      kind: 'resident',
      role: 'chair',
      residentId: r0.record.id,
      termStart: '2025-01-01',
    });
    expect(chair.status, JSON.stringify(chair.body)).toBe(201);
    await addMember(w.admin.auth, {
      kind: 'staff',
      role: 'secretary',
      staffId: w.worker.record.id,
      termStart: '2025-01-01',
    });
    const other = await addMember(w.admin.auth, {
      kind: 'other',
      role: 'member',
      name: '王经理',
      organisation: '物业公司',
      termStart: '2025-01-01',
      termEnd: '2027-12-31',
    });
    expect(other.status).toBe(201);
    const past = await addMember(w.admin.auth, {
      kind: 'resident',
      role: 'member',
      residentId: r1.record.id,
      termStart: '2023-01-01',
      termEnd: '2024-12-31',
    });
    const council = past.body as Council;
    expect(council.currentMembers).toBe(3);
    expect(council.quorum).toBe(2);
    expect(council.members.map((m) => [m.role, m.name, m.current])).toEqual([
      ['chair', r0.record.name, true],
      ['member', '王经理', true],
      ['secretary', w.worker.record.displayName, true],
      ['member', r1.record.name, false],
    ]);
    expect(council.members[1]).toMatchObject({
      kind: 'other',
      organisation: '物业公司',
      termEnd: '2027-12-31',
    });
    // A term ends by its end date; the member stays on record.
    const ended = await t.http
      .patch(`/api/council-members/${council.members[1]!.id}`)
      .set('Authorization', w.admin.auth)
      .send({ termEnd: '2025-06-30' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ currentMembers: 2, quorum: 2 });
    expect((ended.body as Council).members.find((m) => m.name === '王经理')).toMatchObject({
      current: false,
      termEnd: '2025-06-30',
    });
  });

  it('refuses a second term of one person at the same time, and members that are not the community’s', async () => {
    const r0 = w.residents[0]!;
    const again = await addMember(w.admin.auth, {
      kind: 'resident',
      role: 'member',
      residentId: r0.record.id,
      termStart: '2026-01-01',
    });
    expect(again.status).toBe(409);
    expect(again.body.details).toMatchObject({ reason: 'already_member' });
    const bad: [Record<string, unknown>, string, string][] = [
      [{ kind: 'resident', role: 'member', termStart: '2026-01-01' }, 'residentId', 'required'],
      [
        {
          kind: 'resident',
          role: 'member',
          residentId: w.neighbour.resident.record.id,
          termStart: '2026-01-01',
        },
        'residentId',
        'not_found',
      ],
      [
        {
          kind: 'staff',
          role: 'member',
          staffId: w.neighbour.worker.record.id,
          termStart: '2026-01-01',
        },
        'staffId',
        'not_found',
      ],
      [{ kind: 'other', role: 'member', termStart: '2026-01-01' }, 'name', 'required'],
      [
        {
          kind: 'other',
          role: 'member',
          name: '派出所',
          termStart: '2026-05-01',
          termEnd: '2026-01-01',
        },
        'termEnd',
        'not_after',
      ],
      [
        { kind: 'other', role: 'mayor', name: '派出所', termStart: '2026-01-01' },
        'role',
        'not_one_of',
      ],
      [
        { kind: 'other', role: 'member', name: '派出所', termStart: '2026-13-40' },
        'termStart',
        'invalid_date',
      ],
      [
        { kind: 'other', role: 'member', name: 'x'.repeat(65), termStart: '2026-01-01' },
        'name',
        'too_long',
      ],
    ];
    for (const [body, field, code] of bad) {
      const res = await addMember(w.admin.auth, body);
      expect(res.status, `${field} ${code}`).toBe(400);
      expect(res.body.fields, `${field} ${code}`).toEqual([
        expect.objectContaining({ field, code }),
      ]);
    }
    const council = (await read(w.admin.auth)).body as Council;
    const resident = council.members.find((m) => m.kind === 'resident')!;
    const rename = await t.http
      .patch(`/api/council-members/${resident.id}`)
      .set('Authorization', w.admin.auth)
      .send({ name: '改名' });
    expect(rename.body.fields).toEqual([
      expect.objectContaining({ field: 'name', code: 'unchangeable' }),
    ]);
    expect(
      (
        await t.http
          .patch(`/api/council-members/${resident.id}`)
          .set('Authorization', w.neighbour.admin.auth)
          .send({ role: 'member' })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.http
          .patch(`/api/council-members/${resident.id}`)
          .set('Authorization', w.worker.auth)
          .send({ role: 'member' })
      ).status,
    ).toBe(403);
  });
});
