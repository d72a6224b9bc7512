import { type LatLng, fromWgs84 } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityEntity } from '../../src/org/org.entities';
import { distanceMeters } from '../../src/org/geo';
import { type TestContext, createTestApp } from '../utils/app';

let t: TestContext;
let community: CommunityEntity;
let admin: string;

// A spot in Liangjiang as GPS and browsers give it (WGS-84), and the same spot as AMap or
// Tencent show it (GCJ-02) and Baidu (BD-09).
const SPOT: LatLng = { lat: 29.6612, lng: 106.5612 };
const SPOT_GCJ = fromWgs84(SPOT, 'gcj02');
const SPOT_BD = fromWgs84(SPOT, 'bd09');

beforeAll(async () => {
  t = await createTestApp();
  community = await t.given.community();
  admin = `Bearer ${await t.given.token(await t.given.staff('community_admin', { community }))}`;
});
afterAll(() => t.close());

const desks = (query: string) =>
  t.http.get(`/api/public/desks?communityId=${community.id}&${query}`);

describe('one datum inside, converted at the edges', () => {
  it('finds the nearest desk to a few metres whether the point comes from a Chinese map or from the browser', async () => {
    // The desk at the spot, and a decoy where the spot's GCJ-02 numbers would be read as WGS-84.
    const atSpot = await t.given.desk({ community, ...SPOT, name: '点位岗' });
    const decoy = await t.given.desk({ community, ...SPOT_GCJ, name: '误读岗' });
    expect(distanceMeters(SPOT, SPOT_GCJ)).toBeGreaterThan(300);

    const fromAmap = await desks(`lat=${SPOT_GCJ.lat}&lng=${SPOT_GCJ.lng}&coordinateSystem=gcj02`);
    expect(fromAmap.status).toBe(200);
    expect(fromAmap.body[0].id).toBe(atSpot.id);
    expect(fromAmap.body[0].distanceMeters).toBeLessThan(5);

    const fromBaidu = await desks(`lat=${SPOT_BD.lat}&lng=${SPOT_BD.lng}&coordinateSystem=bd09`);
    expect(fromBaidu.body[0].id).toBe(atSpot.id);
    expect(fromBaidu.body[0].distanceMeters).toBeLessThan(5);

    const fromBrowser = await desks(`lat=${SPOT.lat}&lng=${SPOT.lng}`);
    expect(fromBrowser.body[0].id).toBe(atSpot.id);
    expect(fromBrowser.body[0].distanceMeters).toBeLessThan(5);

    // The same GCJ-02 numbers taken as WGS-84 (no conversion): the wrong desk is "nearest" and
    // the right one hundreds of metres off.
    const unconverted = await desks(`lat=${SPOT_GCJ.lat}&lng=${SPOT_GCJ.lng}`);
    expect(unconverted.body[0].id).toBe(decoy.id);
    const right = unconverted.body.find((d: { id: string }) => d.id === atSpot.id);
    expect(right.distanceMeters).toBeGreaterThan(300);
    expect(right.distanceMeters).toBeLessThan(800);
  });

  it('returns positions in the datum the map asks for', async () => {
    const desk = await t.given.desk({ community, ...SPOT, name: '回显岗' });
    const asStored = await t.http.get(`/api/public/desks/${desk.id}`);
    expect(asStored.body).toMatchObject({ lat: SPOT.lat, lng: SPOT.lng });
    const forAmap = await t.http.get(`/api/public/desks/${desk.id}?coordinateSystem=gcj02`);
    expect(forAmap.status).toBe(200);
    expect(distanceMeters(forAmap.body, SPOT_GCJ)).toBeLessThan(1);
    const listed = await desks(`lat=${SPOT_BD.lat}&lng=${SPOT_BD.lng}&coordinateSystem=bd09`);
    const mine = listed.body.find((d: { id: string }) => d.id === desk.id);
    expect(distanceMeters(mine, SPOT_BD)).toBeLessThan(1);
  });

  it('stores a desk typed from AMap as WGS-84, and moves it when Baidu coordinates are pasted', async () => {
    const created = await t.http
      .post('/api/desks')
      .set('Authorization', admin)
      .send({
        communityId: community.id,
        name: '高德录入岗',
        address: '重庆市两江新区金渝大道1号',
        ...SPOT_GCJ,
        coordinateSystem: 'gcj02',
        areaSqm: 40,
      });
    expect(created.status).toBe(201);
    expect(distanceMeters(created.body, SPOT)).toBeLessThan(1);

    const moved = { lat: SPOT.lat + 0.001, lng: SPOT.lng };
    const updated = await t.http
      .patch(`/api/desks/${created.body.id}`)
      .set('Authorization', admin)
      .send({
        ...fromWgs84(moved, 'bd09'),
        coordinateSystem: 'bd09',
        version: created.body.version,
      });
    expect(updated.status).toBe(200);
    expect(distanceMeters(updated.body, moved)).toBeLessThan(1);

    const half = await t.http
      .patch(`/api/desks/${created.body.id}`)
      .set('Authorization', admin)
      .send({ lat: SPOT_GCJ.lat, coordinateSystem: 'gcj02' });
    expect(half.status).toBe(400);
    expect(half.body.fields).toEqual([expect.objectContaining({ field: 'lng', code: 'paired' })]);
  });

  it('stores a compound typed from Baidu as WGS-84 and clears its position with null', async () => {
    const created = await t.http
      .post('/api/compounds')
      .set('Authorization', admin)
      .send({ communityId: community.id, name: '百度小区', ...SPOT_BD, coordinateSystem: 'bd09' });
    expect(created.status).toBe(201);
    expect(distanceMeters(created.body, SPOT)).toBeLessThan(1);
    const cleared = await t.http
      .patch(`/api/compounds/${created.body.id}`)
      .set('Authorization', admin)
      .send({ lat: null, lng: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ lat: null, lng: null });
  });

  it('refuses an unknown datum, naming coordinateSystem', async () => {
    const res = await desks(`lat=${SPOT.lat}&lng=${SPOT.lng}&coordinateSystem=mercator`);
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([
      expect.objectContaining({
        field: 'coordinateSystem',
        code: 'not_one_of',
        params: { allowed: ['wgs84', 'gcj02', 'bd09'] },
      }),
    ]);
    const post = await t.http
      .post('/api/compounds')
      .set('Authorization', admin)
      .send({ communityId: community.id, name: '坐标系错', ...SPOT, coordinateSystem: 'GCJ-02' });
    expect(post.status).toBe(400);
    expect(post.body.fields[0].field).toBe('coordinateSystem');
  });

  it('refuses positions outside China or out of range, naming the field', async () => {
    const desk = (lat: number, lng: number) =>
      t.http.post('/api/desks').set('Authorization', admin).send({
        communityId: community.id,
        name: '境外岗',
        address: 'x',
        lat,
        lng,
        areaSqm: 10,
      });
    const siberia = await desk(60, 106.5);
    expect(siberia.status).toBe(400);
    expect(siberia.body.fields).toEqual([
      expect.objectContaining({ field: 'lat', code: 'outside_china' }),
    ]);
    const london = await desk(51.5007, -0.1246);
    expect(london.body.fields).toEqual([
      expect.objectContaining({ field: 'lng', code: 'outside_china' }),
    ]);
    const outOfRange = await desk(120, 106.5);
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.fields).toEqual([
      expect.objectContaining({ field: 'lat', code: 'invalid_latitude' }),
    ]);
    const finder = await desks('lat=-33.86&lng=151.21');
    expect(finder.status).toBe(400);
    expect(finder.body.fields).toEqual([
      expect.objectContaining({ field: 'lat', code: 'outside_china' }),
    ]);
  });
});
