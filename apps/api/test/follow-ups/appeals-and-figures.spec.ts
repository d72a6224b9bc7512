import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type FollowUpWorld, attempt, followUpOf, followUpWorld, resolvedCase } from './world';

let t: TestContext;
let w: FollowUpWorld;
let otherStreetAuth: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await followUpWorld(t);
  const s2 = await t.given.street();
  otherStreetAuth = `Bearer ${await t.given.token(await t.given.staff('street_admin', { street: s2 }))}`;
});
afterAll(() => t.close());

async function dissatisfiedAttempt(at: string): Promise<{ caseId: string; attemptId: string }> {
  const c = await resolvedCase(t, w, { at });
  const f = (await followUpOf(t, w, c.id))!;
  const res = await attempt(t, w.workerAuth, f.id, {
    method: 'phone',
    outcome: 'reached',
    satisfaction: 'very_dissatisfied',
    solved: 'yes',
    notes: '居民对物业公司不满，与社区无关',
  });
  return { caseId: c.id, attemptId: res.body.attempts[0].id as string };
}

const appeal = (auth: string, attemptId: string) =>
  t.http
    .post(`/api/follow-up-attempts/${attemptId}/appeal`)
    .set('Authorization', auth)
    .send({ reason: '评价针对物业公司收费，不属于社区职责', evidence: '通话记录及物业合同' });

const decide = (auth: string, appealId: string, decision: string) =>
  t.http
    .post(`/api/follow-up-appeals/${appealId}/decision`)
    .set('Authorization', auth)
    .send({ decision, reason: '经核实' });

describe('appeals of unfair ratings', () => {
  it('an upheld appeal keeps the rating but leaves it out of the satisfaction figures, with who and why', async () => {
    const { attemptId } = await dissatisfiedAttempt('2026-11-02T10:00:00+08:00');
    const filed = await appeal(w.workerAuth, attemptId);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'pending', appealedById: w.worker.id });
    expect((await appeal(w.workerAuth, attemptId)).status).toBe(409);
    // Only the street admin of the community's street decides.
    expect((await decide(w.adminAuth, filed.body.id, 'upheld')).status).toBe(403);
    expect((await decide(otherStreetAuth, filed.body.id, 'upheld')).status).toBe(404);
    const upheld = await decide(w.streetAuth, filed.body.id, 'upheld');
    expect(upheld.status).toBe(200);
    expect(upheld.body).toMatchObject({
      status: 'upheld',
      decidedById: w.streetAdmin.id,
      decisionReason: '经核实',
    });
    expect((await decide(w.streetAuth, filed.body.id, 'rejected')).status).toBe(409);
    const rows: { n: number }[] = await t.ds.query(
      'SELECT count(*)::int AS n FROM follow_up_attempt WHERE id = $1',
      [attemptId],
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('a rejected appeal leaves the rating counted', async () => {
    const { attemptId } = await dissatisfiedAttempt('2026-11-03T10:00:00+08:00');
    const filed = await appeal(w.adminAuth, attemptId);
    expect(filed.status).toBe(201);
    const rejected = await decide(w.streetAuth, filed.body.id, 'rejected');
    expect(rejected.body).toMatchObject({ status: 'rejected' });
  });

  it('refuses to appeal a satisfied rating', async () => {
    const c = await resolvedCase(t, w, { at: '2026-11-04T10:00:00+08:00' });
    const f = (await followUpOf(t, w, c.id))!;
    const res = await attempt(t, w.workerAuth, f.id, {
      method: 'phone',
      outcome: 'reached',
      satisfaction: 'satisfied',
      solved: 'yes',
    });
    const refused = await appeal(w.workerAuth, res.body.attempts[0].id as string);
    expect(refused.status).toBe(409);
    expect(refused.body.details).toMatchObject({ reason: 'not_dissatisfied' });
  });

  it('sums the community up: coverage, timeliness, satisfaction without the upheld rating, rework, appeals', async () => {
    // One more follow-up in the period that nobody did, and one done late.
    await resolvedCase(t, w, { at: '2026-11-05T10:00:00+08:00' });
    const late = await resolvedCase(t, w, { at: '2026-11-05T11:00:00+08:00' });
    const f = (await followUpOf(t, w, late.id))!;
    t.clock.set('2026-11-20T10:00:00+08:00');
    await attempt(t, w.workerAuth, f.id, { method: 'visit', outcome: 'declined' });
    const res = await t.http
      .get(`/api/communities/${w.community.id}/follow-up-summary`)
      .query({ from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' })
      .set('Authorization', w.adminAuth);
    expect(res.status).toBe(200);
    const s = res.body;
    // Due: the two appealed cases, the satisfied one, the undone one, the late one.
    expect(s.coverage).toEqual({ numerator: 4, denominator: 5, rate: 4 / 5 });
    expect(s.timeliness).toEqual({ numerator: 3, denominator: 5, rate: 3 / 5 });
    expect(s.distribution).toEqual({
      very_satisfied: 0,
      satisfied: 1,
      basically_satisfied: 0,
      dissatisfied: 0,
      very_dissatisfied: 1,
    });
    expect(s.satisfaction).toEqual({ numerator: 1, denominator: 2, rate: 1 / 2 });
    expect(s.excludedRatings).toBe(1);
    expect(s.dissatisfied).toHaveLength(2);
    expect(s.dissatisfied.filter((d: { excluded: boolean }) => d.excluded)).toHaveLength(1);
    expect(s.dissatisfied.every((d: { rework: string }) => d.rework === 'overdue')).toBe(true);
    expect(s.appeals).toMatchObject({ pending: 0, upheld: 1, rejected: 1 });
    expect(s.overdueOpen).toBe(1);
  });

  it('shows the figures to the community’s admins, its street and the district only', async () => {
    const url = `/api/communities/${w.community.id}/follow-up-summary`;
    expect((await t.http.get(url).set('Authorization', w.streetAuth)).status).toBe(200);
    expect((await t.http.get(url).set('Authorization', w.workerAuth)).status).toBe(403);
    expect((await t.http.get(url).set('Authorization', otherStreetAuth)).status).toBe(404);
    expect((await t.http.get(url).set('Authorization', w.residentAuth)).status).toBe(403);
    const bad = await t.http
      .get(url)
      .query({ from: 'last week' })
      .set('Authorization', w.adminAuth);
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0]).toMatchObject({ field: 'from', code: 'invalid_date' });
  });
});
