import type { Role } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityEntity, CompoundEntity } from '../../src/org/org.entities';
import type { ResidentEntity } from '../../src/people/people.entities';
import { maskName } from '../../src/people/mask-name';
import { type TestContext, createTestApp } from '../utils/app';

/**
 * Need-to-know over every role (the table is at `policy.ts`): who lists residents, who sees
 * names, who gets only numbers, who gets nothing. Own community has two compounds, so the grid
 * worker's compound scope is tested too; a sibling community on the same street and one on
 * another street must never show up for community-bound roles.
 */
let t: TestContext;
let own: { community: CommunityEntity; mine: CompoundEntity; other: CompoundEntity };
let inMine: ResidentEntity;
let inOther: ResidentEntity;
let sibling: ResidentEntity;
let elsewhere: ResidentEntity;
const tokens = {} as Record<Role, string>;

const ROLES: Role[] = [
  'desk_staff',
  'community_worker',
  'grid_worker',
  'community_admin',
  'street_admin',
  'bureau_admin',
  'monitor',
  'resident',
];

beforeAll(async () => {
  t = await createTestApp();
  const street = await t.given.street();
  const community = await t.given.community({ street });
  own = {
    community,
    mine: await t.given.compound({ community }),
    other: await t.given.compound({ community }),
  };
  inMine = await t.given.resident({ community, compound: own.mine });
  inOther = await t.given.resident({ community, compound: own.other });
  await t.ds.query(`UPDATE resident SET is_foreign = true, nationality = 'KR' WHERE id = $1`, [
    inOther.id,
  ]);
  const siblingCommunity = await t.given.community({ street });
  sibling = await t.given.resident({ community: siblingCommunity });
  elsewhere = await t.given.resident({ community: await t.given.community() });
  const staff = {
    desk_staff: await t.given.staff('desk_staff', { community }),
    community_worker: await t.given.staff('community_worker', { community }),
    grid_worker: await t.given.staff('grid_worker', { compound: own.mine }),
    community_admin: await t.given.staff('community_admin', { community }),
    street_admin: await t.given.staff('street_admin', { street }),
    bureau_admin: await t.given.staff('bureau_admin'),
    monitor: await t.given.staff('monitor'),
  };
  for (const [role, s] of Object.entries(staff)) tokens[role as Role] = await t.given.token(s);
  tokens.resident = (await t.given.residentLogin(inMine)).accessToken;
});
afterAll(() => t.close());

const get = (role: Role, url: string) =>
  t.http.get(url).set('Authorization', `Bearer ${tokens[role]}`);

/** Who sees which residents in the list; `null`: refused with 403. */
const LIST: Record<Role, (() => ResidentEntity[]) | null> = {
  desk_staff: () => [inMine, inOther],
  community_worker: () => [inMine, inOther],
  grid_worker: () => [inMine],
  community_admin: () => [inMine, inOther],
  street_admin: null,
  bureau_admin: null,
  monitor: null,
  resident: null,
};

/** Residents per community each role is told, by community; `null`: refused with 403. */
const COUNTS: Record<Role, (() => Record<string, number>) | null> = {
  desk_staff: () => ({ [own.community.id]: 2 }),
  community_worker: () => ({ [own.community.id]: 2 }),
  grid_worker: () => ({ [own.community.id]: 1 }),
  community_admin: () => ({ [own.community.id]: 2 }),
  street_admin: () => ({ [own.community.id]: 2, [sibling.communityId]: 1 }),
  bureau_admin: () => ({
    [own.community.id]: 2,
    [sibling.communityId]: 1,
    [elsewhere.communityId]: 1,
  }),
  monitor: null,
  resident: null,
};

/** Whose full name and phone each role may open (audited); others are 404 (out of scope) or 403. */
const CONTACT: Record<Role, { ok: () => ResidentEntity[]; hidden: () => ResidentEntity[] }> = {
  desk_staff: { ok: () => [inMine, inOther], hidden: () => [sibling, elsewhere] },
  community_worker: { ok: () => [inMine, inOther], hidden: () => [sibling, elsewhere] },
  grid_worker: { ok: () => [inMine], hidden: () => [inOther, sibling, elsewhere] },
  community_admin: { ok: () => [inMine, inOther], hidden: () => [sibling, elsewhere] },
  street_admin: { ok: () => [], hidden: () => [elsewhere] },
  bureau_admin: { ok: () => [], hidden: () => [] },
  monitor: { ok: () => [], hidden: () => [] },
  resident: { ok: () => [], hidden: () => [] },
};

const auditCount = async (): Promise<number> => {
  const [{ n }] = (await t.ds.query(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = 'personal_data.read'`,
  )) as [{ n: number }];
  return n;
};

describe('the resident list', () => {
  it.each(ROLES)('%s: the residents of its scope, masked, or 403', async (role) => {
    const res = await get(role, '/api/residents?pageSize=200');
    const expected = LIST[role];
    if (!expected) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      expect(res.body.items).toBeUndefined();
      return;
    }
    expect(res.status).toBe(200);
    const items = res.body.items as { id: string; name: string; phoneMasked: string }[];
    expect(items.map((r) => r.id).sort()).toEqual(
      expected()
        .map((r) => r.id)
        .sort(),
    );
    for (const item of items) {
      const real = [inMine, inOther].find((r) => r.id === item.id)!;
      expect(item.name).not.toBe(real.name);
      expect(item.name).toBe(maskName(real.name));
      expect(item.phoneMasked).not.toContain(real.phone.slice(3, 7));
    }
  });

  it('still finds a resident by the full name typed at the desk', async () => {
    const res = await get('desk_staff', `/api/residents?q=${encodeURIComponent(inOther.name)}`);
    expect(res.body.items).toEqual([
      expect.objectContaining({ id: inOther.id, foreign: true, nationality: 'KR' }),
    ]);
  });
});

describe('resident counts', () => {
  it.each(ROLES)('%s: numbers for its scope only, or 403', async (role) => {
    const res = await get(role, '/api/residents/counts');
    const expected = COUNTS[role];
    if (!expected) {
      expect(res.status).toBe(403);
      return;
    }
    expect(res.status).toBe(200);
    const rows = res.body as { communityId: string; residents: number; foreign: number }[];
    const seen = Object.fromEntries(
      rows.filter((r) => r.residents > 0).map((r) => [r.communityId, r.residents]),
    );
    // The bureau sees every community of the district: compare only those of this test.
    const mine = [own.community.id, sibling.communityId, elsewhere.communityId];
    expect(Object.fromEntries(Object.entries(seen).filter(([id]) => mine.includes(id)))).toEqual(
      expected(),
    );
    expect(JSON.stringify(rows)).not.toContain(inMine.name);
  });
});

describe('one resident’s name and contact', () => {
  const cases = ROLES.flatMap((role) =>
    (['inMine', 'inOther', 'sibling', 'elsewhere'] as const).map((who) => ({ role, who })),
  );
  it.each(cases)('$role opening $who', async ({ role, who }) => {
    const r = { inMine, inOther, sibling, elsewhere }[who];
    const before = await auditCount();
    const res = await get(role, `/api/residents/${r.id}/contact`);
    const rule = CONTACT[role];
    const ok = rule.ok().some((x) => x.id === r.id);
    const hidden = rule.hidden().some((x) => x.id === r.id);
    expect(res.status).toBe(ok ? 200 : hidden ? 404 : 403);
    if (ok) {
      expect(res.body).toEqual({ id: r.id, name: r.name, phone: r.phone, idNumber: r.idNumber });
      expect(await auditCount()).toBe(before + 1);
    } else {
      expect(res.body.name).toBeUndefined();
      expect(await auditCount()).toBe(before);
    }
  });
});

describe('masking names', () => {
  it.each([
    ['李明', '李*'],
    ['欧阳娜娜', '欧***'],
    ['王', '*'],
    ['John Smith', 'J*** S****'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
