import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import {
  type FollowUpWorld,
  attempt,
  caseOf,
  drain,
  followUpOf,
  followUpWorld,
  resolvedCase,
} from './world';

let t: TestContext;
let w: FollowUpWorld;
let neighbour: FollowUpWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await followUpWorld(t);
  neighbour = await followUpWorld(t);
});
afterAll(() => t.close());

const satisfied = {
  method: 'phone',
  outcome: 'reached',
  satisfaction: 'satisfied',
  solved: 'yes',
};

describe('recording an attempt', () => {
  it('names the field of bad input with a stable code, never a 5xx', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-16T10:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...satisfied, satisfaction: 'thrilled' }, 'satisfaction', 'not_one_of'],
      [{ ...satisfied, method: 'pigeon' }, 'method', 'not_one_of'],
      [{ ...satisfied, outcome: 'maybe' }, 'outcome', 'not_one_of'],
      [{ method: 'phone', outcome: 'reached', solved: 'yes' }, 'satisfaction', 'required'],
      [{ method: 'phone', outcome: 'reached', satisfaction: 'satisfied' }, 'solved', 'required'],
      [
        { method: 'phone', outcome: 'unreachable', satisfaction: 'satisfied' },
        'satisfaction',
        'invalid',
      ],
      [{ ...satisfied, method: 'app' }, 'method', 'not_one_of'],
      [{ ...satisfied, notes: 'x'.repeat(2001) }, 'notes', 'too_long'],
      [{ ...satisfied, extra: 1 }, 'extra', 'unknown_field'],
      [{ ...satisfied, supersedesId: 'nope' }, 'supersedesId', 'invalid_id'],
    ];
    for (const [body, field, code] of cases) {
      const res = await attempt(t, w.workerAuth, f.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.fields[0], JSON.stringify(body)).toMatchObject({ field, code });
    }
    const badKey = await attempt(t, w.workerAuth, f.id, satisfied, 'short');
    expect(badKey.status).toBe(400);
    expect(badKey.body.fields[0]).toMatchObject({
      field: 'Idempotency-Key',
      code: 'invalid_format',
    });
    const badId = await t.http
      .post('/api/follow-ups/not-a-uuid/attempts')
      .set('Authorization', w.workerAuth)
      .send(satisfied);
    expect(badId.status).toBe(400);
    expect((await followUpOf(t, w, c.id))!.attempts).toHaveLength(0);
  });

  it('refuses a follow-up of another community as not found, and a resident as forbidden', async () => {
    const c = await resolvedCase(t, neighbour, { at: '2026-11-16T11:00:00+08:00' });
    const f = (await followUpOf(t, neighbour, c.id))!;
    const res = await attempt(t, w.workerAuth, f.id, satisfied);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(
      (await t.http.get(`/api/follow-ups/${f.id}`).set('Authorization', w.workerAuth)).status,
    ).toBe(404);
    expect((await attempt(t, w.residentAuth, f.id, satisfied)).status).toBe(403);
    const list = await t.http
      .get('/api/follow-ups')
      .query({ pageSize: 200 })
      .set('Authorization', w.workerAuth);
    expect(
      (list.body.items as { communityId: string }[]).every((i) => i.communityId === w.community.id),
    ).toBe(true);
    // The street admin of the street reads both communities' follow-ups but records none.
    expect(
      (await t.http.get(`/api/follow-ups/${f.id}`).set('Authorization', neighbour.streetAuth))
        .status,
    ).toBe(200);
    expect((await attempt(t, neighbour.streetAuth, f.id, satisfied)).status).toBe(403);
  });

  it('refuses to record on a case that is being worked again', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-16T12:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    const now = await caseOf(t, w, c.id);
    const reopened = await t.http
      .post(`/api/cases/${c.id}/transitions`)
      .set('Authorization', w.deskAuth)
      .send({ version: now.version, action: 'reopen', reason: '居民来电说又坏了' });
    expect(reopened.status).toBe(200);
    await drain(t);
    const res = await attempt(t, w.workerAuth, f.id, satisfied);
    expect(res.status).toBe(409);
    expect(res.body.details).toMatchObject({
      reason: 'case_not_resolved',
      caseStatus: 'in_progress',
    });
  });

  it('answers a retry under the same Idempotency-Key with the first result, and another body with 422', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-16T13:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    const key = 'retry-storm-0001';
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.http
          .post(`/api/follow-ups/${f.id}/attempts`)
          .set('Authorization', w.workerAuth)
          .set('Idempotency-Key', key)
          .send({ method: 'phone', outcome: 'unreachable' }),
      ),
    );
    await drain(t);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const after = (await followUpOf(t, w, c.id))!;
    expect(after.attempts).toHaveLength(1);
    expect(after.tries).toBe(1);
    const reused = await attempt(t, w.workerAuth, f.id, satisfied, key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('lets exactly one of two workers recording at once complete the task, with one consequence', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-16T14:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    const [a, b] = await Promise.all([
      t.http
        .post(`/api/follow-ups/${f.id}/attempts`)
        .set('Authorization', w.workerAuth)
        .send({ ...satisfied, satisfaction: 'very_dissatisfied', solved: 'no' }),
      t.http
        .post(`/api/follow-ups/${f.id}/attempts`)
        .set('Authorization', w.adminAuth)
        .send({ ...satisfied, satisfaction: 'very_dissatisfied', solved: 'no' }),
    ]);
    await drain(t);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const after = (await followUpOf(t, w, c.id))!;
    expect(after.attempts).toHaveLength(1);
    const cs = await caseOf(t, w, c.id);
    expect(cs).toMatchObject({ status: 'in_progress', reopenCount: 1 });
    const reopens: { n: number }[] = await t.ds.query(
      `SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND data->>'action' = 'reopen'`,
      [c.id],
    );
    expect(reopens[0]!.n).toBe(1);
  });

  it('keeps concurrent unreachable tries both, in order', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-16T15:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    const res = await Promise.all(
      [w.workerAuth, w.adminAuth].map((auth) =>
        t.http
          .post(`/api/follow-ups/${f.id}/attempts`)
          .set('Authorization', auth)
          .send({ method: 'phone', outcome: 'unreachable' }),
      ),
    );
    expect(res.map((r) => r.status)).toEqual([201, 201]);
    const after = (await followUpOf(t, w, c.id))!;
    expect(after).toMatchObject({ tries: 2, status: 'open' });
    expect(after.attempts).toHaveLength(2);
  });
});
