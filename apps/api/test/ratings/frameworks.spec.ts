import type { ApiError, RatingFrameworkDetail, RatingFrameworkSummary } from '@baitong/contracts';
import { sampleFramework2018, sampleFramework2022 } from '@baitong/rating-engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type AssessWorld, assessWorld } from './assessments-world';

let t: TestContext;
let w: AssessWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await assessWorld(t);
});
afterAll(() => t.close());

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
let n = 0;
/** The 2022 sample under a key of its own, so each test loads a fresh framework. */
function fresh() {
  const fw = copy(sampleFramework2022) as unknown as Record<string, unknown>;
  fw.id = `test-framework-${Date.now().toString(36)}-${n++}`;
  fw.version = '2026.1';
  delete fw.sample;
  return fw;
}

describe('rating frameworks', () => {
  it('has both shipped samples preloaded once, marked as samples, with their shapes', async () => {
    const res = await t.http.get('/api/rating-frameworks').set('Authorization', w.auth.community);
    expect(res.status).toBe(200);
    const list = res.body as RatingFrameworkSummary[];
    const s22 = list.filter((f) => f.key === sampleFramework2022.id);
    const s18 = list.filter((f) => f.key === sampleFramework2018.id);
    expect(s22).toHaveLength(1);
    expect(s18).toHaveLength(1);
    expect(s22[0]).toMatchObject({ sample: true, locked: false, effectiveYear: 2022 });
    expect(s22[0]!.shape).toMatchObject({
      sections: 3,
      aspects: 15,
      indicators: 90,
      totalPoints: 100,
    });
    expect(s18[0]!.shape).toMatchObject({ sections: 3, aspects: 12, indicators: 86 });
    // newest first
    expect(list.indexOf(s22[0]!)).toBeLessThan(list.indexOf(s18[0]!));
    // loading again at a second start changes nothing
    const { RatingFrameworksService } =
      await import('../../src/ratings/assessments/frameworks.service');
    await t.app.get(RatingFrameworksService).preloadSamples();
    const [counted] = (await t.ds.query(
      'SELECT count(*)::int AS n FROM rating_framework WHERE sample',
    )) as { n: number }[];
    expect(counted!.n).toBe(2);
  });

  it('gives the whole definition of one version', async () => {
    const res = await t.http
      .get(`/api/rating-frameworks/${w.sample2022.id}`)
      .set('Authorization', w.auth.monitor);
    expect(res.status).toBe(200);
    expect((res.body as RatingFrameworkDetail).definition).toEqual(sampleFramework2022);
  });

  it('refuses an invalid framework with the engine issue at its path, and writes nothing', async () => {
    const fw = fresh() as {
      sections: { aspects: { indicators: { source: { kind: string; rule?: unknown } }[] }[] }[];
    };
    // The first metric indicator of the second section whose aspect has one.
    let path = '';
    fw.sections[1]!.aspects.some((a, ai) =>
      a.indicators.some((ind, ii) => {
        if (ind.source.kind !== 'metric') return false;
        ind.source.rule = { type: 'linear', zeroAt: 0, fullAt: 'lots' };
        path = `sections[1].aspects[${ai}].indicators[${ii}].source.rule.fullAt`;
        return true;
      }),
    );
    expect(path).not.toBe('');
    const before = await t.ds.query('SELECT count(*)::int AS n FROM rating_framework');
    const res = await t.http
      .post('/api/rating-frameworks')
      .set('Authorization', w.auth.bureau)
      .send({ definition: fw });
    expect(res.status).toBe(400);
    const err = res.body as ApiError;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.fields!.map((f) => f.field)).toContain(path);
    expect(await t.ds.query('SELECT count(*)::int AS n FROM rating_framework')).toEqual(before);
  });

  it('loads a valid framework, refuses the same key and version again (409), and only for the bureau', async () => {
    const fw = fresh();
    const refused = await t.http
      .post('/api/rating-frameworks')
      .set('Authorization', w.auth.street1)
      .send({ definition: fw });
    expect(refused.status).toBe(403);
    const res = await t.http
      .post('/api/rating-frameworks')
      .set('Authorization', w.auth.bureau)
      .send({ definition: fw });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ key: fw.id, version: '2026.1', sample: false, revision: 1 });
    const again = await t.http
      .post('/api/rating-frameworks')
      .set('Authorization', w.auth.bureau)
      .send({ definition: fw });
    expect(again.status).toBe(409);
  });

  it('edits an unlocked version in place and refuses a stale revision', async () => {
    const fw = fresh();
    const made = (
      await t.http
        .post('/api/rating-frameworks')
        .set('Authorization', w.auth.bureau)
        .send({ definition: fw })
    ).body as RatingFrameworkDetail;
    (fw.name as { zh: string }).zh = '改过的名称';
    const res = await t.http
      .put(`/api/rating-frameworks/${made.id}`)
      .set('Authorization', w.auth.bureau)
      .send({ definition: fw, revision: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: made.id, revision: 2, name: { zh: '改过的名称' } });
    const stale = await t.http
      .put(`/api/rating-frameworks/${made.id}`)
      .set('Authorization', w.auth.bureau)
      .send({ definition: fw, revision: 1 });
    expect(stale.status).toBe(409);
    expect((stale.body as ApiError).code).toBe('STALE_VERSION');
  });

  it('turns an edit of a locked version into a new version pointing back at it', async () => {
    const fw = fresh() as Record<string, unknown> & {
      sections: { aspects: { indicators: { points: number }[] }[] }[];
    };
    const made = (
      await t.http
        .post('/api/rating-frameworks')
        .set('Authorization', w.auth.bureau)
        .send({ definition: fw })
    ).body as RatingFrameworkDetail;
    await t.ds.query('UPDATE rating_framework SET locked_at = now() WHERE id = $1', [made.id]);
    // move a point between two indicators of one aspect: the sums still hold
    const inds = fw.sections[0]!.aspects[0]!.indicators;
    inds[0]!.points += 0.5;
    inds[1]!.points -= 0.5;
    const res = await t.http
      .put(`/api/rating-frameworks/${made.id}`)
      .set('Authorization', w.auth.bureau)
      .send({ definition: fw, revision: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const next = res.body as RatingFrameworkDetail;
    expect(next.id).not.toBe(made.id);
    expect(next).toMatchObject({
      key: made.key,
      version: '2026.1-r2',
      previousVersionId: made.id,
      locked: false,
    });
    const old = (
      await t.http.get(`/api/rating-frameworks/${made.id}`).set('Authorization', w.auth.bureau)
    ).body as RatingFrameworkDetail;
    expect(old.revision).toBe(1);
    expect(old.definition).toEqual(made.definition);
  });

  it('refuses writes from everyone but the bureau, and reads from residents', async () => {
    const put = await t.http
      .put(`/api/rating-frameworks/${w.sample2022.id}`)
      .set('Authorization', w.auth.monitor)
      .send({ definition: sampleFramework2022, revision: 1 });
    expect(put.status).toBe(403);
  });
});
