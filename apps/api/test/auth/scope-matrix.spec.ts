import type { Role } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityEntity, CompoundEntity, DeskEntity } from '../../src/org/org.entities';
import type { ResidentEntity } from '../../src/people/people.entities';
import { type TestContext, createTestApp } from '../utils/app';

/**
 * Every role × every resource × own community / a sibling on the same street / a community
 * of another street. Records outside the caller's scope must not exist for it (404); records in
 * scope that its role may not touch are 403.
 */
type Target = 'own' | 'sibling' | 'otherStreet';
type World = Record<
  Target,
  {
    community: CommunityEntity;
    compound: CompoundEntity;
    desk: DeskEntity;
    resident: ResidentEntity;
  }
>;

let t: TestContext;
let world: World;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  t = await createTestApp();
  const s1 = await t.given.street();
  const s2 = await t.given.street();
  const make = async (street: typeof s1) => {
    const community = await t.given.community({ street });
    const compound = await t.given.compound({ community });
    const desk = await t.given.desk({ community, compound: undefined, compoundId: compound.id });
    await t.given.grid({ community, compound });
    const resident = await t.given.resident({ community, compound });
    return { community, compound, desk, resident };
  };
  world = { own: await make(s1), sibling: await make(s1), otherStreet: await make(s2) };
  const own = world.own;
  const staff = {
    bureau_admin: await t.given.staff('bureau_admin'),
    monitor: await t.given.staff('monitor'),
    street_admin: await t.given.staff('street_admin', { street: s1 }),
    community_admin: await t.given.staff('community_admin', { community: own.community }),
    community_worker: await t.given.staff('community_worker', { community: own.community }),
    desk_staff: await t.given.staff('desk_staff', { community: own.community }),
    grid_worker: await t.given.staff('grid_worker', { compound: own.compound }),
  };
  for (const [role, s] of Object.entries(staff)) tokens[role as Role] = await t.given.token(s);
  tokens.resident = (await t.given.residentLogin(own.resident)).accessToken;
  // Audit rows tied to each community, so the audit read has something to leak.
  for (const target of Object.values(world)) {
    await t.ds.query(
      `INSERT INTO audit_log (actor_kind, action, community_id) VALUES ('system', 'matrix.probe', $1)`,
      [target.community.id],
    );
  }
});
afterAll(() => t.close());

const ROLES: Role[] = [
  'bureau_admin',
  'monitor',
  'street_admin',
  'community_admin',
  'community_worker',
  'desk_staff',
  'grid_worker',
  'resident',
];

/** Which targets each role may read at all. */
const READS: Record<Role, Target[]> = {
  bureau_admin: ['own', 'sibling', 'otherStreet'],
  monitor: ['own', 'sibling', 'otherStreet'],
  street_admin: ['own', 'sibling'],
  community_admin: ['own'],
  community_worker: ['own'],
  desk_staff: ['own'],
  grid_worker: ['own'],
  resident: [],
};

const readResources: [string, (w: World[Target]) => string][] = [
  ['community', (w) => `/api/communities/${w.community.id}`],
  ['compounds', (w) => `/api/communities/${w.community.id}/compounds`],
  ['grids', (w) => `/api/communities/${w.community.id}/grids`],
  ['desks', (w) => `/api/communities/${w.community.id}/desks`],
  ['compound', (w) => `/api/compounds/${w.compound.id}`],
  ['desk', (w) => `/api/desks/${w.desk.id}`],
];

function expectedRead(role: Role, target: Target): number {
  if (role === 'resident') return 403;
  return READS[role].includes(target) ? 200 : 404;
}

const cases = ROLES.flatMap((role) =>
  readResources.flatMap(([name, url]) =>
    (['own', 'sibling', 'otherStreet'] as Target[]).map((target) => ({ role, name, url, target })),
  ),
);

describe('reads', () => {
  it.each(cases)('$role reading $name of $target community', async ({ role, url, target }) => {
    const res = await t.http.get(url(world[target])).set('Authorization', `Bearer ${tokens[role]}`);
    expect(res.status).toBe(expectedRead(role, target));
    if (res.status === 404) expect(res.body.code).toBe('NOT_FOUND');
  });

  it.each(ROLES)('%s sees exactly the communities of its scope in lists', async (role) => {
    const auth = `Bearer ${tokens[role]}`;
    const list = await t.http.get('/api/communities').set('Authorization', auth);
    if (role === 'resident') {
      expect(list.status).toBe(403);
      return;
    }
    const visible = new Set((list.body as { id: string }[]).map((c) => c.id));
    for (const target of ['own', 'sibling', 'otherStreet'] as Target[]) {
      expect(visible.has(world[target].community.id)).toBe(READS[role].includes(target));
    }
    const residents = await t.http.get('/api/residents?pageSize=200').set('Authorization', auth);
    // Need to know: street, district and monitoring roles get counts, never the list.
    if (['street_admin', 'bureau_admin', 'monitor'].includes(role)) {
      expect(residents.status).toBe(403);
      return;
    }
    const residentCommunities = new Set(
      (residents.body.items as { communityId: string }[]).map((r) => r.communityId),
    );
    for (const target of ['own', 'sibling', 'otherStreet'] as Target[]) {
      expect(residentCommunities.has(world[target].community.id)).toBe(
        READS[role].includes(target),
      );
    }
    // Phones are masked in every list.
    for (const r of residents.body.items as { phoneMasked: string }[])
      expect(r.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it.each(ROLES)('%s reads the audit log only for its scope', async (role) => {
    const res = await t.http
      .get('/api/audit?action=matrix.probe&pageSize=200')
      .set('Authorization', `Bearer ${tokens[role]}`);
    const allowed = ['bureau_admin', 'monitor', 'street_admin', 'community_admin'].includes(role);
    if (!allowed) {
      expect(res.status).toBe(403);
      return;
    }
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(READS[role].length);
  });
});

describe('personal data', () => {
  const PERSONAL: Role[] = ['community_admin', 'community_worker', 'desk_staff', 'grid_worker'];
  const contactCases = ROLES.flatMap((role) =>
    (['own', 'sibling', 'otherStreet'] as Target[]).map((target) => ({ role, target })),
  );

  it.each(contactCases)(
    '$role reading the contact of a resident of the $target community',
    async ({ role, target }) => {
      const before: { n: number }[] = await t.ds.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'personal_data.read'`,
      );
      const res = await t.http
        .get(`/api/residents/${world[target].resident.id}/contact`)
        .set('Authorization', `Bearer ${tokens[role]}`);
      const expected =
        role === 'resident'
          ? 403
          : !READS[role].includes(target)
            ? 404
            : PERSONAL.includes(role)
              ? 200
              : 403;
      expect(res.status).toBe(expected);
      const after: { n: number }[] = await t.ds.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'personal_data.read'`,
      );
      if (expected === 200) {
        expect(res.body.phone).toBe(world[target].resident.phone);
        expect(after[0]!.n).toBe(before[0]!.n + 1);
        const [last] = await t.ds.query(
          `SELECT entity_id, community_id, ip FROM audit_log WHERE action = 'personal_data.read' ORDER BY id DESC LIMIT 1`,
        );
        expect(last).toMatchObject({
          entity_id: world[target].resident.id,
          community_id: world[target].community.id,
        });
        expect(last.ip).toBeTruthy();
      } else {
        expect(res.body.phone).toBeUndefined();
        expect(after[0]!.n).toBe(before[0]!.n);
      }
    },
  );
});

describe('writes', () => {
  /** Who may change desks, hours and compounds of a community in scope. */
  const WRITERS: Role[] = ['bureau_admin', 'street_admin', 'community_admin'];
  const writeCases = ROLES.flatMap((role) =>
    (['own', 'sibling', 'otherStreet'] as Target[]).map((target) => ({ role, target })),
  );

  function expectedWrite(role: Role, target: Target, created = false): number {
    if (role === 'resident') return 403;
    if (!READS[role].includes(target)) return created ? 400 : 404;
    return WRITERS.includes(role) ? (created ? 201 : 200) : 403;
  }

  it.each(writeCases)(
    '$role setting desk hours in the $target community',
    async ({ role, target }) => {
      const res = await t.http
        .put(`/api/desks/${world[target].desk.id}/hours`)
        .set('Authorization', `Bearer ${tokens[role]}`)
        .send({ weeklyHours: [{ weekday: 1, intervals: [{ opens: '09:00', closes: '21:30' }] }] });
      expect(res.status).toBe(expectedWrite(role, target));
    },
  );

  it.each(writeCases)(
    '$role adding a compound to the $target community',
    async ({ role, target }) => {
      const res = await t.http
        .post('/api/compounds')
        .set('Authorization', `Bearer ${tokens[role]}`)
        .send({
          communityId: world[target].community.id,
          name: `新小区-${role}`,
          nameEn: `New ${role}`,
        });
      expect(res.status).toBe(expectedWrite(role, target, true));
      if (res.status === 400)
        expect(res.body.fields).toEqual([
          { field: 'communityId', code: 'not_found', message: 'no such community' },
        ]);
    },
  );

  it.each(ROLES)('%s editing the community record of another street', async (role) => {
    const res = await t.http
      .patch(`/api/communities/${world.otherStreet.community.id}`)
      .set('Authorization', `Bearer ${tokens[role]}`)
      .send({ households: 1, reason: '人口普查更正' });
    expect(res.status).toBe(
      role === 'resident' ? 403 : role === 'bureau_admin' ? 200 : role === 'monitor' ? 403 : 404,
    );
  });

  it('records every staff write, refused ones included, in the audit log', async () => {
    const rows: { detail: { outcome: string } }[] = await t.ds.query(
      `SELECT detail FROM audit_log WHERE action = 'staff.write'`,
    );
    const outcomes = new Set(rows.map((r) => r.detail.outcome));
    expect(outcomes).toEqual(new Set(['ok', 'refused']));
  });
});
