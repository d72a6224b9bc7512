import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityEntity, DeskEntity } from '../../src/org/org.entities';
import { type TestContext, createTestApp } from '../utils/app';

let t: TestContext;
let community: CommunityEntity;
let desk: DeskEntity;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  community = await t.given.community();
  desk = await t.given.desk({ community });
  admin = `Bearer ${await t.given.token(await t.given.staff('community_admin', { community }))}`;
});
afterAll(() => t.close());

interface Row {
  name: string;
  subject_type: string;
  subject_id: string;
  community_id: string;
  actor_kind: string;
}
const events = (): Promise<Row[]> =>
  t.ds.query(
    `SELECT name, subject_type, subject_id, community_id, actor_kind FROM domain_event
      WHERE subject_id = $1 ORDER BY id`,
    [desk.id],
  );

const expected = {
  name: 'desk.hours_changed',
  subject_type: 'desk',
  subject_id: '',
  community_id: '',
  actor_kind: 'staff',
};

describe('desk hours on the event stream', () => {
  it('appends one desk.hours_changed per change of weekly hours or dated exceptions', async () => {
    const one = { ...expected, subject_id: desk.id, community_id: community.id };
    const hours = await t.http
      .put(`/api/desks/${desk.id}/hours`)
      .set('Authorization', admin)
      .send({ weeklyHours: [{ weekday: 1, intervals: [{ opens: '09:00', closes: '20:00' }] }] });
    expect(hours.status).toBe(200);
    expect(await events()).toEqual([one]);

    const ex = await t.http
      .post(`/api/desks/${desk.id}/exceptions`)
      .set('Authorization', admin)
      .send({ date: '2099-01-01', intervals: [], note: '元旦' });
    expect(ex.status).toBe(201);
    expect(await events()).toHaveLength(2);

    const exceptionId = (ex.body.exceptions as { id: string; date: string }[]).find(
      (e) => e.date === '2099-01-01',
    )!.id;
    const removed = await t.http
      .delete(`/api/desks/${desk.id}/exceptions/${exceptionId}`)
      .set('Authorization', admin);
    expect(removed.status).toBe(200);

    const patched = await t.http
      .patch(`/api/desks/${desk.id}`)
      .set('Authorization', admin)
      .send({ weeklyHours: [{ weekday: 2, intervals: [{ opens: '08:30', closes: '21:30' }] }] });
    expect(patched.status).toBe(200);
    expect(await events()).toEqual([one, one, one, one]);
  });

  it('appends nothing for a refused change or one that leaves the hours alone', async () => {
    const before = (await events()).length;
    const stale = await t.http
      .put(`/api/desks/${desk.id}/hours`)
      .set('Authorization', admin)
      .send({ version: 1, weeklyHours: [] });
    expect(stale.status).toBe(409);
    const renamed = await t.http
      .patch(`/api/desks/${desk.id}`)
      .set('Authorization', admin)
      .send({ phone: '023-6000 0000' });
    expect(renamed.status).toBe(200);
    expect(await events()).toHaveLength(before);
  });
});
