import type { LoginResponse, RegistrationRequired } from '@baitong/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CategoryEntity } from '../../src/cases/case.entities';
import type { CommunityEntity, CompoundEntity, DeskEntity } from '../../src/org/org.entities';
import { type TestContext, createTestApp } from '../utils/app';

/**
 * A newcomer registers with their phone and a code (issue 8, item 1): every phone gets a code,
 * the answer never tells who is a resident, a registered newcomer files requests at once, and
 * the community's own staff verify them or merge them with the resident on record.
 */
let t: TestContext;
let community: CommunityEntity;
let compound: CompoundEntity;
let desk: DeskEntity;
let category: CategoryEntity;
let deskAuth: string;
let siblingAuth: string;
let streetAuth: string;

let phoneSeq = 0;
const newPhone = () => `1370000${String(1000 + phoneSeq++).slice(-4)}`;

beforeAll(async () => {
  t = await createTestApp();
  const street = await t.given.street();
  community = await t.given.community({ street, name: '和睦路社区', nameEn: 'Hemu Road' });
  compound = await t.given.compound({ community, name: '美美国际之家', nameEn: 'Meimei Home' });
  desk = await t.given.desk({ community, compoundId: compound.id });
  category = await t.given.category();
  deskAuth = `Bearer ${await t.given.token(await t.given.staff('desk_staff', { community }))}`;
  const sibling = await t.given.community({ street });
  siblingAuth = `Bearer ${await t.given.token(await t.given.staff('community_admin', { community: sibling }))}`;
  streetAuth = `Bearer ${await t.given.token(await t.given.staff('street_admin', { street }))}`;
});
afterAll(() => t.close());
beforeEach(() => {
  t.clock.at = null;
});

/** A minute later, when the phone may ask for another code. */
function aMinuteLater(): void {
  t.clock.set(new Date(t.clock.now().getTime() + 61_000).toISOString());
}

/** Asks for a code and signs in with it, as the app does. */
async function signInWithCode(phone: string) {
  expect((await t.http.post('/api/auth/resident/otp').send({ phone })).status).toBe(200);
  return t.http.post('/api/auth/resident/login').send({ phone, code: t.sms.lastCode(phone) });
}

async function register(phone: string, profile: Record<string, unknown> = {}) {
  const login = await signInWithCode(phone);
  expect(login.status).toBe(200);
  const opened = login.body as RegistrationRequired;
  expect(opened.registrationRequired).toBe(true);
  const res = await t.http.post('/api/auth/resident/register').send({
    registrationToken: opened.registrationToken,
    name: 'Kim Minji',
    foreign: true,
    nationality: 'KR',
    preferredLanguage: 'en',
    communityId: community.id,
    compoundId: compound.id,
    ...profile,
  });
  return res;
}

describe('codes for every phone, no enumeration', () => {
  it('sends a real code to an unregistered phone and answers exactly as for a registered one', async () => {
    const resident = await t.given.resident({ community, phone: newPhone() });
    const stranger = newPhone();
    const known = await t.http.post('/api/auth/resident/otp').send({ phone: resident.phone });
    const unknown = await t.http.post('/api/auth/resident/otp').send({ phone: stranger });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());
    // Both really got a text with a code.
    expect(t.sms.lastCode(resident.phone)).toMatch(/^\d{6}$/);
    expect(t.sms.lastCode(stranger)).toMatch(/^\d{6}$/);
  });

  it('refuses a wrong code with the same answer whether or not the phone is registered', async () => {
    const resident = await t.given.resident({ community, phone: newPhone() });
    const stranger = newPhone();
    for (const phone of [resident.phone, stranger])
      await t.http.post('/api/auth/resident/otp').send({ phone }).expect(200);
    const wrongFor = (phone: string) => (t.sms.lastCode(phone) === '000000' ? '111111' : '000000');
    const a = await t.http
      .post('/api/auth/resident/login')
      .send({ phone: resident.phone, code: wrongFor(resident.phone) });
    const b = await t.http
      .post('/api/auth/resident/login')
      .send({ phone: stranger, code: wrongFor(stranger) });
    expect([a.status, b.status]).toEqual([401, 401]);
    const { requestId: _a, ...aBody } = a.body as Record<string, unknown>;
    const { requestId: _b, ...bBody } = b.body as Record<string, unknown>;
    expect(bBody).toEqual(aBody);
  });

  it('shows the development code on the login page for any phone', async () => {
    // Outside production with the logging SMS provider, the answer carries the code (README).
    const sms = t.sms as { name: string };
    sms.name = 'log';
    try {
      const phone = newPhone();
      const res = await t.http.post('/api/auth/resident/otp').send({ phone });
      expect(res.status).toBe(200);
      expect(res.body.devCode).toBe(t.sms.lastCode(phone));
    } finally {
      sms.name = 'capture';
    }
  });
});

describe('self-registration', () => {
  it('opens a registration with the right code and signs the newcomer in as unverified', async () => {
    const phone = newPhone();
    const login = await signInWithCode(phone);
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      registrationRequired: true,
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}`,
      expiresInSeconds: 1800,
    });
    // No session yet: no cookie, no access token.
    expect(login.headers['set-cookie']).toBeUndefined();
    expect(login.body).not.toHaveProperty('accessToken');
    const res = await t.http.post('/api/auth/resident/register').send({
      registrationToken: login.body.registrationToken,
      name: '  Kim Minji ',
      foreign: true,
      nationality: 'kr',
      communityId: community.id,
      compoundId: compound.id,
    });
    expect(res.status).toBe(201);
    const session = res.body as LoginResponse;
    expect(session.user).toMatchObject({
      kind: 'resident',
      displayName: 'Kim Minji',
      scope: { id: community.id },
      verification: 'unverified',
    });
    expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).join()).toContain(
      'bt_resident_refresh',
    );
    const [row] = await t.ds.query(
      `SELECT name, is_foreign, nationality, preferred_language, verification, compound_id
         FROM resident WHERE phone = $1`,
      [phone],
    );
    expect(row).toEqual({
      name: 'Kim Minji',
      is_foreign: true,
      nationality: 'KR',
      preferred_language: 'en',
      verification: 'unverified',
      compound_id: compound.id,
    });
    const audit = await t.ds.query(
      `SELECT action, detail FROM audit_log WHERE action = 'resident.registered' AND entity_id = $1`,
      [session.user.id],
    );
    expect(audit).toEqual([{ action: 'resident.registered', detail: { via: 'app' } }]);
    // The next sign-in with the phone is an ordinary one.
    aMinuteLater();
    const again = await signInWithCode(phone);
    expect(again.body.user.id).toBe(session.user.id);
  });

  it('lets an unverified resident file a request at once, marked unverified for the desk', async () => {
    const res = await register(newPhone());
    const auth = `Bearer ${(res.body as LoginResponse).accessToken}`;
    const filed = await t.http
      .post('/api/cases')
      .set('Authorization', auth)
      .send({ categoryId: category.id, description: 'The stairwell light on floor 3 is broken' });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ channel: 'app', compoundId: compound.id, deskId: desk.id });
    const seen = await t.http.get(`/api/cases/${filed.body.id}`).set('Authorization', deskAuth);
    expect(seen.body.residentVerification).toBe('unverified');
  });

  it('names the field for a foreigner without nationality, a blank name and an unknown country', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ nationality: null }, 'nationality'],
      [{ nationality: 'XX' }, 'nationality'],
      [{ name: '   ' }, 'name'],
      [
        { compoundId: (await t.given.compound({ community: await t.given.community() })).id },
        'compoundId',
      ],
    ];
    for (const [profile, field] of cases) {
      const res = await register(newPhone(), profile);
      expect(res.status, JSON.stringify(profile)).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
  });

  it('refuses a forged or expired registration token', async () => {
    const forged = await t.http.post('/api/auth/resident/register').send({
      registrationToken: 'eyJhbGciOiJIUzI1NiJ9.eyJwaG4iOiIxMzcwMDAwMDAwMCJ9.x',
      name: 'Someone',
      foreign: false,
      communityId: community.id,
    });
    expect(forged.status).toBe(401);
    const phone = newPhone();
    const login = await signInWithCode(phone);
    t.clock.set(new Date(Date.now() + 31 * 60_000).toISOString());
    try {
      const late = await t.http.post('/api/auth/resident/register').send({
        registrationToken: login.body.registrationToken,
        name: '迟到的人',
        foreign: false,
        communityId: community.id,
      });
      expect(late.status).toBe(401);
    } finally {
      t.clock.at = null;
    }
  });

  it('does not take an access token for a registration token', async () => {
    const login = await signInWithCode(newPhone());
    const me = await t.http
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${login.body.registrationToken}`);
    expect(me.status).toBe(401);
  });

  it('signs the holder in when the registration is sent twice', async () => {
    const phone = newPhone();
    const login = await signInWithCode(phone);
    const body = {
      registrationToken: login.body.registrationToken,
      name: '王芳',
      foreign: false,
      communityId: community.id,
    };
    const first = await t.http.post('/api/auth/resident/register').send(body);
    const second = await t.http.post('/api/auth/resident/register').send(body);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.user.id).toBe(first.body.user.id);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM resident WHERE phone = $1`, [
      phone,
    ]);
    expect(n).toBe(1);
  });

  it('lists communities and their compounds for the form, without anyone in them', async () => {
    const res = await t.http.get('/api/public/communities');
    expect(res.status).toBe(200);
    const mine = (res.body as { id: string; compounds: { id: string }[] }[]).find(
      (c) => c.id === community.id,
    );
    expect(mine).toMatchObject({
      name: '和睦路社区',
      nameEn: 'Hemu Road',
      compounds: [{ id: compound.id, name: '美美国际之家', nameEn: 'Meimei Home' }],
    });
  });
});

describe('verification and merge by the community’s own staff', () => {
  it('verifies an unverified resident once; another community’s staff get 404, the street 403', async () => {
    const res = await register(newPhone());
    const id = (res.body as LoginResponse).user.id;
    const list = await t.http
      .get('/api/residents')
      .query({ verification: 'unverified' })
      .set('Authorization', deskAuth);
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(id);
    expect(
      (await t.http.post(`/api/residents/${id}/verify`).set('Authorization', siblingAuth)).status,
    ).toBe(404);
    expect(
      (await t.http.post(`/api/residents/${id}/verify`).set('Authorization', streetAuth)).status,
    ).toBe(403);
    const ok = await t.http.post(`/api/residents/${id}/verify`).set('Authorization', deskAuth);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id, verification: 'verified' });
    // The resident's own session says so too (the app stops calling them unverified).
    const me = await t.http
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${(res.body as LoginResponse).accessToken}`);
    expect(me.body.verification).toBe('verified');
    const twice = await t.http.post(`/api/residents/${id}/verify`).set('Authorization', deskAuth);
    expect(twice.status).toBe(409);
    const audit = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'resident.verified' AND entity_id = $1`,
      [id],
    );
    expect(audit[0].n).toBe(1);
  });

  it('merges a registration into the resident on record: requests, phone and sign-in move over', async () => {
    const onRecord = await t.given.resident({ community, compound, phone: newPhone() });
    const phone = newPhone();
    const reg = await register(phone, { name: '李明', foreign: false, nationality: null });
    const newcomer = reg.body as LoginResponse;
    const auth = `Bearer ${newcomer.accessToken}`;
    const filed = await t.http
      .post('/api/cases')
      .set('Authorization', auth)
      .send({ categoryId: category.id, description: '楼道灯坏了，请尽快维修' });
    expect(filed.status).toBe(201);

    const refused = await t.http
      .post(`/api/residents/${newcomer.user.id}/merge`)
      .set('Authorization', siblingAuth)
      .send({ intoResidentId: onRecord.id });
    expect(refused.status).toBe(404);
    const elsewhere = await t.given.resident({ community: await t.given.community() });
    const foreignTarget = await t.http
      .post(`/api/residents/${newcomer.user.id}/merge`)
      .set('Authorization', deskAuth)
      .send({ intoResidentId: elsewhere.id });
    expect(foreignTarget.status).toBe(400);

    const merged = await t.http
      .post(`/api/residents/${newcomer.user.id}/merge`)
      .set('Authorization', deskAuth)
      .send({ intoResidentId: onRecord.id });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ id: onRecord.id, verification: 'verified' });
    const moved = await t.http.get(`/api/cases/${filed.body.id}`).set('Authorization', deskAuth);
    expect(moved.body).toMatchObject({ residentId: onRecord.id, residentVerification: 'verified' });
    // The registration's session ended; the phone now signs in as the record on file.
    expect((await t.http.get('/api/auth/me').set('Authorization', auth)).status).toBe(401);
    aMinuteLater();
    const signIn = await signInWithCode(phone);
    expect(signIn.body.user.id).toBe(onRecord.id);
    const list = await t.http
      .get('/api/residents')
      .query({ pageSize: 200 })
      .set('Authorization', deskAuth);
    expect(list.body.items.map((r: { id: string }) => r.id)).not.toContain(newcomer.user.id);
    const [audit] = await t.ds.query(
      `SELECT detail FROM audit_log WHERE action = 'resident.merged' AND entity_id = $1`,
      [onRecord.id],
    );
    expect(audit.detail).toEqual({ mergedId: newcomer.user.id, movedCaseIds: [filed.body.id] });
  });
});

describe('a walk-in registered at intake', () => {
  it('registers the walk-in as a verified resident the desk can file for, who can then sign in', async () => {
    const phone = newPhone();
    const res = await t.http.post('/api/residents').set('Authorization', deskAuth).send({
      name: 'John Smith',
      phone,
      foreign: true,
      nationality: 'GB',
      compoundId: compound.id,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'J*** S****',
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}`,
      verification: 'verified',
      nationality: 'GB',
      preferredLanguage: 'en',
      communityId: community.id,
    });
    const filed = await t.http.post('/api/cases').set('Authorization', deskAuth).send({
      categoryId: category.id,
      description: 'Needs a residence certificate',
      residentId: res.body.id,
      channel: 'desk',
    });
    expect(filed.status).toBe(201);
    expect(filed.body.residentId).toBe(res.body.id);
    const signIn = await signInWithCode(phone);
    expect(signIn.body.user.id).toBe(res.body.id);
  });

  it('answers 409 for a phone already held, naming the resident only inside the caller’s community', async () => {
    const own = await t.given.resident({ community, phone: newPhone() });
    const dupe = await t.http
      .post('/api/residents')
      .set('Authorization', deskAuth)
      .send({ name: '张三', phone: own.phone, foreign: false });
    expect(dupe.status).toBe(409);
    expect(dupe.body.details).toEqual({ residentId: own.id });
    expect(dupe.body.fields).toMatchObject([{ field: 'phone', message: 'already registered' }]);
    const theirs = await t.http
      .post('/api/residents')
      .set('Authorization', siblingAuth)
      .send({ name: '张三', phone: own.phone, foreign: false });
    expect(theirs.status).toBe(409);
    expect(theirs.body.details).toBeUndefined();
  });

  it('refuses the street admin and a bad phone with the field named', async () => {
    expect(
      (
        await t.http
          .post('/api/residents')
          .set('Authorization', streetAuth)
          .send({ name: '张三', phone: newPhone(), foreign: false })
      ).status,
    ).toBe(403);
    const bad = await t.http
      .post('/api/residents')
      .set('Authorization', deskAuth)
      .send({ name: '张三', phone: '12345', foreign: false });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['phone']);
  });
});
