import type { ApiError, RatingDisqualification } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type AssessWorld, assessWorld } from './assessments-world';

let t: TestContext;
let w: AssessWorld;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-12-05T10:00:00+08:00');
  w = await assessWorld(t);
});
afterAll(() => t.close());

const body = (communityId: string) => ({
  year: 2026,
  communityId,
  what: '辖区发生重大安全事故',
  occurredOn: '2026-05-01',
  noticeReference: 'LJ-2026-017',
});

describe('disqualifications', () => {
  it('records one live disqualification per year and community; a second is 409 until revoked', async () => {
    const made = await t.http
      .post('/api/rating-disqualifications')
      .set('Authorization', w.auth.bureau)
      .send(body(w.c1.id));
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ year: 2026, communityId: w.c1.id, revokedAt: null });
    const dup = await t.http
      .post('/api/rating-disqualifications')
      .set('Authorization', w.auth.bureau)
      .send(body(w.c1.id));
    expect(dup.status).toBe(409);
    expect((dup.body as ApiError).code).toBe('CONFLICT');
    const rows = await t.ds.query(
      'SELECT count(*)::int AS n FROM rating_disqualification WHERE community_id = $1',
      [w.c1.id],
    );
    expect(rows).toEqual([{ n: 1 }]);

    const noReason = await t.http
      .post(`/api/rating-disqualifications/${made.body.id}/revoke`)
      .set('Authorization', w.auth.bureau)
      .send({ reason: '  ' });
    expect(noReason.status).toBe(400);
    const revoked = await t.http
      .post(`/api/rating-disqualifications/${made.body.id}/revoke`)
      .set('Authorization', w.auth.bureau)
      .send({ reason: '复核后撤销' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedReason).toBe('复核后撤销');
    const twice = await t.http
      .post(`/api/rating-disqualifications/${made.body.id}/revoke`)
      .set('Authorization', w.auth.bureau)
      .send({ reason: '再撤销' });
    expect(twice.status).toBe(409);
    const again = await t.http
      .post('/api/rating-disqualifications')
      .set('Authorization', w.auth.bureau)
      .send(body(w.c1.id));
    expect(again.status).toBe(201);
  });

  it('is written by the bureau only and read within scope', async () => {
    const street = await t.http
      .post('/api/rating-disqualifications')
      .set('Authorization', w.auth.street1)
      .send(body(w.c2.id));
    expect(street.status).toBe(403);
    await t.http
      .post('/api/rating-disqualifications')
      .set('Authorization', w.auth.bureau)
      .send(body(w.c3.id))
      .expect(201);
    const seen = async (auth: string) =>
      (
        (await t.http.get('/api/rating-disqualifications?year=2026').set('Authorization', auth))
          .body as RatingDisqualification[]
      ).map((d) => d.communityId);
    expect(await seen(w.auth.bureau)).toEqual(expect.arrayContaining([w.c1.id, w.c3.id]));
    expect(await seen(w.auth.street1)).not.toContain(w.c3.id);
    expect(await seen(w.auth.street2)).toEqual([w.c3.id]);
    expect(await seen(w.auth.community)).toEqual(expect.arrayContaining([w.c1.id]));
    const other = await t.http
      .get('/api/rating-disqualifications?year=2025')
      .set('Authorization', w.auth.bureau);
    expect(other.body).toEqual([]);
  });

  it('names a bad field: an unknown community, a date ahead of today', async () => {
    const unknown = await t.http
      .post('/api/rating-disqualifications')
      .set('Authorization', w.auth.bureau)
      .send(body('0b7c1b56-2c47-4c4e-9e3a-3c2f2f6b0c11'));
    expect(unknown.status).toBe(400);
    expect((unknown.body as ApiError).fields?.[0]?.field).toBe('communityId');
    const future = await t.http
      .post('/api/rating-disqualifications')
      .set('Authorization', w.auth.bureau)
      .send({ ...body(w.c2.id), occurredOn: '2027-01-01' });
    expect(future.status).toBe(400);
    expect((future.body as ApiError).fields?.[0]?.field).toBe('occurredOn');
  });
});
