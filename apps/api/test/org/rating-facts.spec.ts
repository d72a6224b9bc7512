import type { FactChange } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityEntity, DeskEntity, StreetEntity } from '../../src/org/org.entities';
import { type TestContext, createTestApp } from '../utils/app';

let t: TestContext;
let street: StreetEntity;
let community: CommunityEntity;
let desk: DeskEntity;
const auth = {} as Record<
  'communityAdmin' | 'streetAdmin' | 'otherStreetAdmin' | 'bureau' | 'outsider' | 'monitor',
  string
>;

beforeAll(async () => {
  t = await createTestApp();
  street = await t.given.street();
  community = await t.given.community({ street, households: 3000, registeredResidents: 7500 });
  desk = await t.given.desk({ community, areaSqm: 60 });
  const bearer = async (s: Parameters<typeof t.given.token>[0]) =>
    `Bearer ${await t.given.token(s)}`;
  auth.communityAdmin = await bearer(await t.given.staff('community_admin', { community }));
  auth.streetAdmin = await bearer(await t.given.staff('street_admin', { street }));
  auth.otherStreetAdmin = await bearer(
    await t.given.staff('street_admin', { street: await t.given.street() }),
  );
  auth.bureau = await bearer(await t.given.staff('bureau_admin'));
  auth.monitor = await bearer(await t.given.staff('monitor'));
  auth.outsider = await bearer(
    await t.given.staff('community_admin', { community: await t.given.community({ street }) }),
  );
});
afterAll(() => t.close());

const patchCommunity = (who: string, body: Record<string, unknown>) =>
  t.http.patch(`/api/communities/${community.id}`).set('Authorization', who).send(body);
const patchDesk = (who: string, body: Record<string, unknown>) =>
  t.http.patch(`/api/desks/${desk.id}`).set('Authorization', who).send(body);
const history = async (who = auth.bureau): Promise<FactChange[]> => {
  const res = await t.http
    .get(`/api/communities/${community.id}/fact-history`)
    .set('Authorization', who);
  expect(res.status).toBe(200);
  return res.body as FactChange[];
};
const current = async () =>
  (await t.http.get(`/api/communities/${community.id}`).set('Authorization', auth.bureau)).body as {
    households: number;
    registeredResidents: number;
    firstElectedOn: string | null;
  };

describe('the community admin', () => {
  it('is refused a change of the rating facts with 403 naming every field, and nothing changes', async () => {
    const res = await patchCommunity(auth.communityAdmin, {
      households: 9999,
      firstElectedOn: '2025-06-30',
      name: '改名也一起',
      reason: '自己说了算',
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect((res.body.fields as { field: string }[]).map((f) => f.field)).toEqual([
      'firstElectedOn',
      'households',
    ]);
    expect(res.body.message).toContain('households');
    expect(await current()).toMatchObject({ households: 3000, firstElectedOn: '2019-06-30' });
    expect(await history()).toEqual([]);
  });

  it('still edits the rest of the record, and may send the facts back unchanged', async () => {
    const res = await patchCommunity(auth.communityAdmin, {
      address: '金渝大道 1 号',
      households: 3000,
      registeredResidents: 7500,
      firstElectedOn: '2019-06-30',
    });
    expect(res.status).toBe(200);
    expect(res.body.address).toBe('金渝大道 1 号');
    expect(await history()).toEqual([]);
  });

  it('is refused a change of a desk’s area, naming areaSqm, but may rename the desk', async () => {
    const res = await patchDesk(auth.communityAdmin, { areaSqm: 500 });
    expect(res.status).toBe(403);
    expect(res.body.fields).toEqual([
      { field: 'areaSqm', code: 'locked', message: 'set by the bureau or the street admin' },
    ]);
    const ok = await patchDesk(auth.communityAdmin, { name: '一号百通岗', areaSqm: 60 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: '一号百通岗', areaSqm: 60 });
  });
});

describe('the bureau and the street', () => {
  it('must give a reason, else 400 naming it', async () => {
    for (const reason of [undefined, '   ']) {
      const res = await patchCommunity(auth.bureau, { households: 3100, reason });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual([
        { field: 'reason', code: 'required', message: 'say why the rating facts change' },
      ]);
    }
    expect((await current()).households).toBe(3000);
  });

  it('records each changed fact with old and new value, reason and actor, and in the audit log', async () => {
    t.clock.set('2026-11-02T10:00:00+08:00');
    const res = await patchCommunity(auth.bureau, {
      households: 3100,
      registeredResidents: 7500,
      firstElectedOn: '2020-01-15',
      reason: '2026 年人口普查复核',
    });
    t.clock.at = null;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ households: 3100, firstElectedOn: '2020-01-15' });
    const rows = await history();
    expect(rows.map((r) => [r.field, r.oldValue, r.newValue, r.reason, r.deskId])).toEqual([
      ['households', 3000, 3100, '2026 年人口普查复核', null],
      ['firstElectedOn', '2019-06-30', '2020-01-15', '2026 年人口普查复核', null],
    ]);
    expect(rows[0]).toMatchObject({
      actorRole: 'bureau_admin',
      at: '2026-11-02T02:00:00.000Z',
      communityId: community.id,
    });
    const audit: { detail: { reason: string; changes: { field: string }[] } }[] = await t.ds.query(
      `SELECT detail FROM audit_log WHERE action = 'rating_facts.changed' AND entity_id = $1`,
      [community.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail.reason).toBe('2026 年人口普查复核');
    expect(audit[0]!.detail.changes.map((c) => c.field)).toEqual(['firstElectedOn', 'households']);
  });

  it('lets the street admin of the community’s street change a desk’s area, with its history', async () => {
    const res = await patchDesk(auth.streetAdmin, { areaSqm: 85.5, reason: '扩建后重新测量' });
    expect(res.status).toBe(200);
    expect(res.body.areaSqm).toBe(85.5);
    const [latest] = await history(auth.communityAdmin);
    expect(latest).toMatchObject({
      field: 'areaSqm',
      deskId: desk.id,
      deskName: '一号百通岗',
      oldValue: 60,
      newValue: 85.5,
      actorRole: 'street_admin',
    });
  });

  it('keeps the history of a desk created with its area', async () => {
    const res = await t.http.post('/api/desks').set('Authorization', auth.communityAdmin).send({
      communityId: community.id,
      name: '二号岗',
      nameEn: 'Desk 2',
      lat: 29.6,
      lng: 106.5,
      areaSqm: 40,
    });
    expect(res.status).toBe(201);
    const [latest] = await history();
    expect(latest).toMatchObject({
      field: 'areaSqm',
      deskId: res.body.id,
      oldValue: null,
      newValue: 40,
      reason: 'created',
    });
  });

  it('does not reach a street admin of another street', async () => {
    const res = await patchCommunity(auth.otherStreetAdmin, { households: 1, reason: 'x' });
    expect(res.status).toBe(404);
  });
});

describe('the fact history', () => {
  it('is read like the community: 404 outside the scope, 403 for residents', async () => {
    expect(
      (
        await t.http
          .get(`/api/communities/${community.id}/fact-history`)
          .set('Authorization', auth.outsider)
      ).status,
    ).toBe(404);
    expect((await history(auth.monitor)).length).toBeGreaterThan(0);
    const resident = await t.given.resident({ community });
    const token = (await t.given.residentLogin(resident)).accessToken;
    expect(
      (
        await t.http
          .get(`/api/communities/${community.id}/fact-history`)
          .set('Authorization', `Bearer ${token}`)
      ).status,
    ).toBe(403);
  });

  it('cannot be rewritten, even in the database', async () => {
    await expect(
      t.ds.query(`UPDATE community_fact_change SET reason = 'tampered'`),
    ).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`DELETE FROM community_fact_change`)).rejects.toThrow(/append-only/);
  });
});
