import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityEntity, StreetEntity } from '../../src/org/org.entities';
import { type TestContext, createTestApp } from '../utils/app';

let t: TestContext;
let street: StreetEntity;
let bureau: string;
let admin: string;
let community: CommunityEntity;
beforeAll(async () => {
  t = await createTestApp();
  street = await t.given.street({ name: '人和街道', nameEn: 'Renhe Subdistrict' });
  community = await t.given.community({
    street,
    name: '和睦路社区',
    nameEn: 'Hemu Road Community',
    address: '重庆市两江新区和睦路12号',
    addressEn: 'No. 12 Hemu Road, Liangjiang New Area, Chongqing',
  });
  bureau = `Bearer ${await t.given.token(await t.given.staff('bureau_admin'))}`;
  admin = `Bearer ${await t.given.token(await t.given.staff('community_admin', { community }))}`;
});
afterAll(() => t.close());

describe('English names and addresses of the organisation', () => {
  it('keeps the English name and address of a community, and gives its street’s English name', async () => {
    const created = await t.http
      .post('/api/communities')
      .set('Authorization', bureau)
      .send({
        streetId: street.id,
        code: `EN${Date.now().toString(36)}`,
        name: '万年路社区',
        nameEn: '  Wannian Road Community ',
        households: 10,
        registeredResidents: 20,
        address: '重庆市两江新区万年路8号',
        addressEn: 'No. 8 Wannian Road, Liangjiang New Area, Chongqing',
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      nameEn: 'Wannian Road Community',
      addressEn: 'No. 8 Wannian Road, Liangjiang New Area, Chongqing',
      streetName: '人和街道',
      streetNameEn: 'Renhe Subdistrict',
    });
    const read = await t.http
      .get(`/api/communities/${created.body.id}`)
      .set('Authorization', admin);
    // Not the admin's community: out of scope, as if it did not exist.
    expect(read.status).toBe(404);
    const own = await t.http.get(`/api/communities/${community.id}`).set('Authorization', admin);
    expect(own.body).toMatchObject({
      nameEn: 'Hemu Road Community',
      addressEn: 'No. 12 Hemu Road, Liangjiang New Area, Chongqing',
    });
  });

  it('makes the English name optional: left out or cleared with null it is empty', async () => {
    const compound = await t.http
      .post('/api/compounds')
      .set('Authorization', admin)
      .send({ communityId: community.id, name: '和睦国际花园' });
    expect(compound.status).toBe(201);
    expect(compound.body).toMatchObject({ nameEn: '', addressEn: '' });

    const named = await t.http
      .patch(`/api/compounds/${compound.body.id}`)
      .set('Authorization', admin)
      .send({
        nameEn: 'Hemu International Garden',
        addressEn: 'No. 30 Hemu Road, Liangjiang New Area, Chongqing',
      });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({
      nameEn: 'Hemu International Garden',
      addressEn: 'No. 30 Hemu Road, Liangjiang New Area, Chongqing',
    });
    const cleared = await t.http
      .patch(`/api/compounds/${compound.body.id}`)
      .set('Authorization', admin)
      .send({ nameEn: null, addressEn: '   ' });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ name: '和睦国际花园', nameEn: '', addressEn: '' });
  });

  it('refuses an English name or address that is too long or not text, naming the field', async () => {
    const res = await t.http
      .post('/api/desks')
      .set('Authorization', admin)
      .send({
        communityId: community.id,
        name: '美美国际之家',
        nameEn: 'x'.repeat(129),
        addressEn: 42,
        lat: 29.6,
        lng: 106.5,
        areaSqm: 140,
      });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'nameEn', code: 'too_long', params: { max: 128 } }),
        expect.objectContaining({ field: 'addressEn', code: 'not_text' }),
      ]),
    );
    const tooLong = await t.http
      .patch(`/api/communities/${community.id}`)
      .set('Authorization', admin)
      .send({ addressEn: 'y'.repeat(256) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.fields).toEqual([
      expect.objectContaining({ field: 'addressEn', code: 'too_long', params: { max: 255 } }),
    ]);
  });

  it('shows the desk in English to the public finder: its name, address, community and compound', async () => {
    const compound = await t.given.compound({
      community,
      name: '尚格博园',
      nameEn: 'Shangge Boyuan',
    });
    const created = await t.http.post('/api/desks').set('Authorization', admin).send({
      communityId: community.id,
      compoundId: compound.id,
      name: '尚格博园百通岗',
      nameEn: 'Shangge Boyuan Baitong Desk',
      address: '重庆市两江新区和睦路30号 尚格博园3栋架空层',
      addressEn:
        'Open ground floor, Building 3, Shangge Boyuan, No. 30 Hemu Road, Liangjiang New Area, Chongqing',
      lat: 29.6,
      lng: 106.5,
      areaSqm: 85,
    });
    expect(created.status).toBe(201);
    const english = {
      nameEn: 'Shangge Boyuan Baitong Desk',
      addressEn:
        'Open ground floor, Building 3, Shangge Boyuan, No. 30 Hemu Road, Liangjiang New Area, Chongqing',
      communityName: '和睦路社区',
      communityNameEn: 'Hemu Road Community',
      compoundName: '尚格博园',
      compoundNameEn: 'Shangge Boyuan',
    };
    expect(created.body).toMatchObject(english);
    const one = await t.http.get(`/api/public/desks/${created.body.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject(english);
    const list = await t.http.get(`/api/public/desks?communityId=${community.id}`);
    expect(list.body.find((d: { id: string }) => d.id === created.body.id)).toMatchObject(english);
  });

  it('lists communities and compounds in English for the registration form', async () => {
    await t.given.compound({ community, name: '美美国际之家', nameEn: 'Meimei Home' });
    const res = await t.http.get('/api/public/communities');
    expect(res.status).toBe(200);
    const hemu = res.body.find((c: { id: string }) => c.id === community.id);
    expect(hemu).toMatchObject({
      name: '和睦路社区',
      nameEn: 'Hemu Road Community',
      streetNameEn: 'Renhe Subdistrict',
    });
    expect(hemu.compounds).toEqual(
      expect.arrayContaining([
        { id: expect.any(String), name: '美美国际之家', nameEn: 'Meimei Home' },
      ]),
    );
  });

  it('names the staff member’s scope in English too, for the console header', async () => {
    const staff = await t.given.staff('desk_staff', { community });
    const me = await t.given.login(staff);
    expect(me.user.scope).toEqual({
      level: 'community',
      id: community.id,
      name: '和睦路社区',
      nameEn: 'Hemu Road Community',
    });
  });
});
