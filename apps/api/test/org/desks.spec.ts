import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('public desk finder', () => {
  it('lists desks nearest first with open state at the server clock, no login needed', async () => {
    const community = await t.given.community();
    const near = await t.given.desk({ community, lat: 29.6, lng: 106.5, name: '近的岗' });
    const far = await t.given.desk({ community, lat: 29.7, lng: 106.6, name: '远的岗' });
    await t.given.exception(far, '2026-11-27', [], '培训 · Training');
    t.clock.set('2026-11-27T08:30:00+08:00');
    const res = await t.http.get(
      `/api/public/desks?lat=29.601&lng=106.5&communityId=${community.id}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.map((d: { id: string }) => d.id)).toEqual([near.id, far.id]);
    expect(res.body[0]).toMatchObject({
      openNow: true,
      closesAt: '2026-11-27T13:30:00.000Z',
      distanceMeters: 111,
    });
    expect(res.body[1]).toMatchObject({
      openNow: false,
      exceptionToday: true,
      nextOpensAt: '2026-11-28T00:30:00.000Z',
    });
    expect(res.body[1].exceptions).toEqual([
      expect.objectContaining({ date: '2026-11-27', note: '培训 · Training' }),
    ]);
    t.clock.set('2026-11-27T08:29:00+08:00');
    const before = await t.http.get(`/api/public/desks/${near.id}`);
    expect(before.body).toMatchObject({
      openNow: false,
      nextOpensAt: '2026-11-27T00:30:00.000Z',
      distanceMeters: null,
    });
    t.clock.at = null;
  });

  it('asks for lat and lng together', async () => {
    const res = await t.http.get('/api/public/desks?lat=29.6');
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([
      {
        field: 'lng',
        code: 'paired',
        params: { with: 'lat' },
        message: 'lat and lng go together',
      },
    ]);
  });
});

describe('desk hours', () => {
  it('lets the community admin change hours and add an exception, and refuses a stale version', async () => {
    const community = await t.given.community();
    const desk = await t.given.desk({ community });
    const admin = await t.given.staff('community_admin', { community });
    const auth = `Bearer ${await t.given.token(admin)}`;
    t.clock.set('2026-11-27T12:00:00+08:00');
    const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      intervals: [{ opens: '09:00', closes: '20:00' }],
    }));
    const set = await t.http
      .put(`/api/desks/${desk.id}/hours`)
      .set('Authorization', auth)
      .send({ weeklyHours: hours, version: 1 });
    expect(set.status).toBe(200);
    expect(set.body.version).toBe(2);
    expect(set.body.weeklyHours[0].intervals).toEqual([{ opens: '09:00', closes: '20:00' }]);
    const stale = await t.http
      .put(`/api/desks/${desk.id}/hours`)
      .set('Authorization', auth)
      .send({ weeklyHours: hours, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const ex = await t.http
      .post(`/api/desks/${desk.id}/exceptions`)
      .set('Authorization', auth)
      .send({ date: '2026-11-27', intervals: [], note: '停电' });
    expect(ex.status).toBe(201);
    expect(ex.body).toMatchObject({ openNow: false, exceptionToday: true });
    const del = await t.http
      .delete(`/api/desks/${desk.id}/exceptions/${ex.body.exceptions[0].id}`)
      .set('Authorization', auth);
    expect(del.status).toBe(200);
    expect(del.body).toMatchObject({ openNow: true, exceptions: [] });
    const past = await t.http
      .post(`/api/desks/${desk.id}/exceptions`)
      .set('Authorization', auth)
      .send({ date: '2026-11-26', intervals: [] });
    expect(past.body.fields).toEqual([
      { field: 'date', code: 'in_past', message: 'must be today or later' },
    ]);
    t.clock.at = null;
  });

  it('names overlapping and reversed intervals and repeated weekdays', async () => {
    const community = await t.given.community();
    const desk = await t.given.desk({ community });
    const auth = `Bearer ${await t.given.token(await t.given.staff('community_admin', { community }))}`;
    const res = await t.http
      .put(`/api/desks/${desk.id}/hours`)
      .set('Authorization', auth)
      .send({
        weeklyHours: [
          {
            weekday: 1,
            intervals: [
              { opens: '08:00', closes: '12:00' },
              { opens: '11:00', closes: '13:00' },
            ],
          },
          { weekday: 2, intervals: [{ opens: '20:00', closes: '09:00' }] },
          { weekday: 1, intervals: [] },
        ],
      });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([
      {
        field: 'weeklyHours.0.intervals.1',
        code: 'overlaps',
        message: 'overlaps another interval of the same day',
      },
      {
        field: 'weeklyHours.1.intervals.0',
        code: 'not_after',
        params: { field: 'opens' },
        message: 'closes must be after opens',
      },
      { field: 'weeklyHours.2.weekday', code: 'duplicate', message: 'weekday appears twice' },
    ]);
  });
});
