import type {
  ApiError,
  RatingAssessment,
  RatingCampaignDetail,
  RatingCampaignProgress,
  RatingTasks,
} from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { tinyPng } from '../utils/matrix-world';
import { type AssessWorld, assessWorld, openCampaign, sampleKeys } from './assessments-world';

let t: TestContext;
let w: AssessWorld;
let c: RatingCampaignDetail;
const { assessed, metric } = sampleKeys();
const ind = assessed[0]!;
const scale = ind.source.kind === 'assessment' ? (ind.source.scale ?? ind.points) : 0;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-12-05T10:00:00+08:00');
  w = await assessWorld(t);
  c = await openCampaign(t, w, 2026);
});
afterAll(() => t.close());

const put = (auth: string, body: Record<string, unknown>, campaignId = c.id) =>
  t.http
    .put(`/api/rating-campaigns/${campaignId}/assessments`)
    .set('Authorization', auth)
    .send(body);
const cells = (communityId: string) =>
  t.ds.query(
    'SELECT count(*)::int AS n FROM rating_assessment WHERE campaign_id = $1 AND community_id = $2',
    [c.id, communityId],
  );

describe('the campaign', () => {
  it('has one campaign a year', async () => {
    const again = await t.http
      .post('/api/rating-campaigns')
      .set('Authorization', w.auth.bureau)
      .send({ year: 2026, frameworkId: w.sample2022.id });
    expect(again.status).toBe(409);
  });

  it('refuses to assign a metric indicator, naming it', async () => {
    const res = await t.http
      .put(`/api/rating-campaigns/${c.id}/assignments`)
      .set('Authorization', w.auth.bureau)
      .send({
        assignments: [
          {
            assessorKind: 'district_inspection',
            indicatorKeys: [assessed[0]!.key, metric[0]!.key],
          },
        ],
      });
    expect(res.status).toBe(400);
    expect((res.body as ApiError).fields?.[0]?.field).toBe('assignments[0].indicatorKeys[1]');
    const rows = await t.ds.query(
      'SELECT count(*)::int AS n FROM rating_campaign_assignment WHERE campaign_id = $1 AND indicator_key = $2',
      [c.id, metric[0]!.key],
    );
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('refuses a plan where a street inspects its own community, or a community twice', async () => {
    const own = await t.http
      .put(`/api/rating-campaigns/${c.id}/cross-inspections`)
      .set('Authorization', w.auth.bureau)
      .send({ plan: [{ inspectorStreetId: w.s1.id, communityIds: [w.c3.id, w.c1.id] }] });
    expect(own.status).toBe(400);
    expect((own.body as ApiError).fields?.[0]?.field).toBe('plan[0].communityIds[1]');
    const twice = await t.http
      .put(`/api/rating-campaigns/${c.id}/cross-inspections`)
      .set('Authorization', w.auth.bureau)
      .send({
        plan: [
          { inspectorStreetId: w.s1.id, communityIds: [w.c3.id] },
          { inspectorStreetId: w.s1.id, communityIds: [w.c3.id] },
        ],
      });
    expect(twice.status).toBe(400);
    expect((twice.body as ApiError).fields?.[0]?.field).toBe('plan[1].communityIds[0]');
    // the plan stands as it was
    const now = (
      await t.http.get(`/api/rating-campaigns/${c.id}`).set('Authorization', w.auth.bureau)
    ).body as RatingCampaignDetail;
    expect(
      now.crossInspections
        .find((x) => x.inspectorStreetId === w.s1.id)
        ?.communities.map((x) => x.id),
    ).toEqual([w.c3.id]);
  });

  it('proposes a round-robin plan in which no street inspects its own community', async () => {
    const res = await t.http
      .post(`/api/rating-campaigns/${c.id}/cross-inspections/rotate`)
      .set('Authorization', w.auth.bureau);
    expect(res.status).toBe(200);
    const plan = res.body.plan as { inspectorStreetId: string; communityIds: string[] }[];
    const streetOf = new Map(
      (
        (await t.ds.query('SELECT id, street_id FROM community')) as {
          id: string;
          street_id: string;
        }[]
      ).map((r) => [r.id, r.street_id]),
    );
    const all = plan.flatMap((p) => p.communityIds);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(streetOf.size);
    for (const p of plan)
      for (const id of p.communityIds) expect(streetOf.get(id)).not.toBe(p.inspectorStreetId);
    const saved = await t.http
      .put(`/api/rating-campaigns/${c.id}/cross-inspections`)
      .set('Authorization', w.auth.monitor)
      .send({ plan });
    expect(saved.status).toBe(403);
  });
});

describe('scores', () => {
  it('refuses a street scoring its own community, or one not among its tasks, and writes nothing', async () => {
    const own = await put(w.auth.street1, {
      communityId: w.c1.id,
      indicatorKey: ind.key,
      score: 1,
    });
    expect(own.status).toBe(403);
    expect((own.body as ApiError).details).toMatchObject({ reason: 'own_community' });
    expect(await cells(w.c1.id)).toEqual([{ n: 0 }]);
    // street 2 inspects c1 and c2 but not c3, its own
    const notTask = await put(w.auth.street2, {
      communityId: w.c3.id,
      indicatorKey: ind.key,
      score: 1,
    });
    expect(notTask.status).toBe(403);
    expect(await cells(w.c3.id)).toEqual([{ n: 0 }]);
    const community = await put(w.auth.community, {
      communityId: w.c1.id,
      indicatorKey: ind.key,
      score: 1,
    });
    expect(community.status).toBe(403);
    expect(await cells(w.c1.id)).toEqual([{ n: 0 }]);
  });

  it('refuses a score above the scale or below 0 with 400 on score, and a metric indicator on indicatorKey', async () => {
    const above = await put(w.auth.bureau, {
      communityId: w.c2.id,
      indicatorKey: ind.key,
      score: scale + 0.01,
    });
    expect(above.status).toBe(400);
    expect((above.body as ApiError).fields?.[0]).toMatchObject({
      field: 'score',
      code: 'too_large',
    });
    const below = await put(w.auth.bureau, {
      communityId: w.c2.id,
      indicatorKey: ind.key,
      score: -1,
    });
    expect(below.status).toBe(400);
    expect((below.body as ApiError).fields?.[0]?.field).toBe('score');
    const m = await put(w.auth.bureau, {
      communityId: w.c2.id,
      indicatorKey: metric[0]!.key,
      score: 0,
    });
    expect(m.status).toBe(400);
    expect((m.body as ApiError).fields?.[0]?.field).toBe('indicatorKey');
    expect(await cells(w.c2.id)).toEqual([{ n: 0 }]);
  });

  it('keeps one row per cell when two assessors upsert it at the same time', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        put(w.auth.monitor, {
          communityId: w.c3.id,
          indicatorKey: ind.key,
          score: (i % 3) * 0.25,
          notes: `n${i}`,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    const rows = (await t.ds.query(
      `SELECT id, version FROM rating_assessment WHERE campaign_id = $1 AND community_id = $2
          AND indicator_key = $3 AND assessor_kind = 'third_party_monitoring'`,
      [c.id, w.c3.id, ind.key],
    )) as { id: string; version: number }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.version).toBe(8);
    expect(new Set(results.map((r) => (r.body as RatingAssessment).id))).toEqual(
      new Set([rows[0]!.id]),
    );
  });

  it('locks a submitted score; a correction with a reason changes it, appends a row and an audit entry', async () => {
    const draft = await put(w.auth.street1, {
      communityId: w.c3.id,
      indicatorKey: ind.key,
      score: scale / 2,
      notes: '现场查看台账',
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    const a = draft.body as RatingAssessment;
    expect(a).toMatchObject({ status: 'draft', assessorKind: 'street_cross_inspection', scale });

    const otherKind = await t.http
      .post(`/api/rating-assessments/${a.id}/submit`)
      .set('Authorization', w.auth.bureau);
    expect(otherKind.status).toBe(403);
    const submitted = await t.http
      .post(`/api/rating-assessments/${a.id}/submit`)
      .set('Authorization', w.auth.street1);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted' });
    const twice = await t.http
      .post(`/api/rating-assessments/${a.id}/submit`)
      .set('Authorization', w.auth.street1);
    expect(twice.status).toBe(409);
    const overwrite = await put(w.auth.street1, {
      communityId: w.c3.id,
      indicatorKey: ind.key,
      score: 0,
    });
    expect(overwrite.status).toBe(409);

    const noReason = await t.http
      .post(`/api/rating-assessments/${a.id}/corrections`)
      .set('Authorization', w.auth.street1)
      .send({ score: scale, reason: ' ' });
    expect(noReason.status).toBe(400);
    expect((noReason.body as ApiError).fields?.[0]?.field).toBe('reason');
    const corrected = await t.http
      .post(`/api/rating-assessments/${a.id}/corrections`)
      .set('Authorization', w.auth.street1)
      .send({ score: scale, reason: '补交了会议纪要' });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    const after = corrected.body as RatingAssessment;
    expect(after.score).toBe(scale);
    expect(after.corrections).toEqual([
      expect.objectContaining({ oldScore: scale / 2, newScore: scale, reason: '补交了会议纪要' }),
    ]);
    const rows = await t.ds.query(
      'SELECT old_score::float8 AS o, new_score::float8 AS n FROM rating_assessment_correction WHERE assessment_id = $1',
      [a.id],
    );
    expect(rows).toEqual([{ o: scale / 2, n: scale }]);
    const audit = (await t.ds.query(
      `SELECT detail FROM audit_log WHERE action = 'rating.assessment_corrected' AND entity_id = $1`,
      [a.id],
    )) as { detail: Record<string, unknown> }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({
      oldScore: scale / 2,
      newScore: scale,
      reason: '补交了会议纪要',
    });
    // The correction table is append-only in practice: a second correction adds a row.
    await t.http
      .post(`/api/rating-assessments/${a.id}/corrections`)
      .set('Authorization', w.auth.bureau)
      .send({ score: 0, reason: '复核' })
      .expect(200);
    expect(
      await t.ds.query(
        'SELECT count(*)::int AS n FROM rating_assessment_correction WHERE assessment_id = $1',
        [a.id],
      ),
    ).toEqual([{ n: 2 }]);

    // a draft is not corrected
    const d = (await put(w.auth.bureau, { communityId: w.c1.id, indicatorKey: ind.key, score: 0 }))
      .body as RatingAssessment;
    const notSubmitted = await t.http
      .post(`/api/rating-assessments/${d.id}/corrections`)
      .set('Authorization', w.auth.bureau)
      .send({ score: 1, reason: '改' });
    expect(notSubmitted.status).toBe(409);
  });

  it('takes photos and documents as evidence, and serves them to the score readers', async () => {
    const a = (
      await put(w.auth.bureau, { communityId: w.c2.id, indicatorKey: ind.key, score: 0.5 })
    ).body as RatingAssessment;
    const png = await tinyPng();
    const photo = await t.http
      .post(`/api/rating-assessments/${a.id}/evidence`)
      .set('Authorization', w.auth.bureau)
      .attach('file', png, { filename: 'site.png', contentType: 'image/png' });
    expect(photo.status, JSON.stringify(photo.body)).toBe(201);
    const pdf = Buffer.from('%PDF-1.4\n%测试\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const doc = await t.http
      .post(`/api/rating-assessments/${a.id}/evidence`)
      .set('Authorization', w.auth.bureau)
      .attach('file', pdf, { filename: '会议纪要.pdf', contentType: 'application/pdf' });
    expect(doc.status).toBe(201);
    const ev = (doc.body as RatingAssessment).evidence;
    expect(ev.map((e) => [e.kind, e.contentType])).toEqual([
      ['photo', 'image/png'],
      ['document', 'application/pdf'],
    ]);
    const bad = await t.http
      .post(`/api/rating-assessments/${a.id}/evidence`)
      .set('Authorization', w.auth.bureau)
      .attach('file', Buffer.from('hello'), { filename: 'x.txt', contentType: 'text/plain' });
    expect(bad.status).toBe(415);
    const got = await t.http
      .get(ev[1]!.url)
      .set('Authorization', w.auth.monitor)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (x: Buffer) => chunks.push(x));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(got.status).toBe(200);
    expect((got.body as Buffer).equals(pdf)).toBe(true);
    const street = await t.http.get(ev[1]!.url).set('Authorization', w.auth.street1);
    expect(street.status).toBe(404);
  });

  it('refuses scores outside the window and in a closed campaign (409)', async () => {
    const later = await openCampaign(t, w, 2027, { opensOn: '2027-11-01', closesOn: '2027-12-31' });
    const early = await put(
      w.auth.bureau,
      { communityId: w.c1.id, indicatorKey: ind.key, score: 0 },
      later.id,
    );
    expect(early.status).toBe(409);
    expect((early.body as ApiError).details).toMatchObject({ reason: 'outside_window' });
    await t.ds.query(
      `UPDATE rating_campaign SET status = 'closed', opens_on = NULL, closes_on = NULL WHERE id = $1`,
      [later.id],
    );
    const closed = await put(
      w.auth.bureau,
      { communityId: w.c1.id, indicatorKey: ind.key, score: 0 },
      later.id,
    );
    expect(closed.status).toBe(409);
    expect((closed.body as ApiError).details).toMatchObject({ reason: 'campaign_closed' });
  });
});

describe('tasks and progress', () => {
  it("lists a street's tasks: only the communities it inspects, with the street kind's indicators", async () => {
    const res = await t.http
      .get(`/api/rating-campaigns/${c.id}/tasks`)
      .set('Authorization', w.auth.street2);
    expect(res.status).toBe(200);
    const body = res.body as RatingTasks;
    expect(body.assessorKind).toBe('street_cross_inspection');
    expect(body.tasks.map((x) => x.communityId).sort()).toEqual([w.c1.id, w.c2.id].sort());
    const expected = c.assignments.find(
      (a) => a.assessorKind === 'street_cross_inspection',
    )!.indicatorKeys;
    // in framework order
    expect(body.tasks[0]!.indicators.map((i) => i.indicatorKey)).toEqual(
      assessed.map((i) => i.key).filter((k) => expected.includes(k)),
    );
    const none = await t.http
      .get(`/api/rating-campaigns/${c.id}/tasks`)
      .set('Authorization', w.auth.community);
    expect(none.status).toBe(403);
  });

  it('counts expected, drafted and submitted scores per community and assessor', async () => {
    const res = await t.http
      .get(`/api/rating-campaigns/${c.id}/progress`)
      .set('Authorization', w.auth.bureau);
    expect(res.status).toBe(200);
    const p = res.body as RatingCampaignProgress;
    const n = (k: string) => c.assignments.find((a) => a.assessorKind === k)!.indicatorKeys.length;
    const row = (community: string, kind: string) =>
      p.rows.find((r) => r.communityId === community && r.assessorKind === kind)!;
    // So far: c3 monitor draft, c3 street submitted (corrected), c1 district draft, c2 district draft.
    expect(row(w.c3.id, 'third_party_monitoring')).toMatchObject({
      expected: n('third_party_monitoring'),
      drafts: 1,
      submitted: 0,
    });
    expect(row(w.c3.id, 'street_cross_inspection')).toMatchObject({
      expected: n('street_cross_inspection'),
      drafts: 0,
      submitted: 1,
      inspectorStreetId: w.s1.id,
    });
    expect(row(w.c1.id, 'district_inspection')).toMatchObject({ drafts: 1, submitted: 0 });
    expect(row(w.c2.id, 'district_inspection')).toMatchObject({ drafts: 1, submitted: 0 });
    expect(p.byKind.district_inspection).toMatchObject({ drafts: 2, submitted: 0 });
    expect(p.totals).toMatchObject({ drafts: 3, submitted: 1 });
    const communities = (await t.ds.query('SELECT count(*)::int AS n FROM community')) as {
      n: number;
    }[];
    expect(p.totals.expected).toBe(
      communities[0]!.n *
        (n('district_inspection') + n('third_party_monitoring') + n('street_cross_inspection')),
    );

    // Street 1: its own two communities (every kind) and c3, which it inspects (its own task only).
    const s = (
      await t.http
        .get(`/api/rating-campaigns/${c.id}/progress`)
        .set('Authorization', w.auth.street1)
    ).body as RatingCampaignProgress;
    expect([...new Set(s.rows.map((r) => r.communityId))].sort()).toEqual(
      [w.c1.id, w.c2.id, w.c3.id].sort(),
    );
    expect(s.rows.filter((r) => r.communityId === w.c3.id).map((r) => r.assessorKind)).toEqual([
      'street_cross_inspection',
    ]);
  });
});
