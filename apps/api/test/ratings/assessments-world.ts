import type { RatingCampaignDetail, RatingFrameworkSummary } from '@baitong/contracts';
import { type Framework, sampleFramework2022 } from '@baitong/rating-engine';
import { expect } from 'vitest';
import type { CommunityEntity, StreetEntity } from '../../src/org/org.entities';
import type { TestContext } from '../utils/app';

export interface AssessWorld {
  s1: StreetEntity;
  s2: StreetEntity;
  /** Two communities on street 1, one on street 2. */
  c1: CommunityEntity;
  c2: CommunityEntity;
  c3: CommunityEntity;
  auth: { bureau: string; monitor: string; street1: string; street2: string; community: string };
  sample2022: RatingFrameworkSummary;
}

/** The 2022 sample's indicators, by source. */
export function sampleKeys(fw: Framework = sampleFramework2022) {
  const all = fw.sections.flatMap((s) => s.aspects.flatMap((a) => a.indicators));
  const assessed = all.filter((i) => i.source.kind === 'assessment');
  const metric = all.filter((i) => i.source.kind === 'metric');
  return { all, assessed, metric };
}

export async function assessWorld(t: TestContext): Promise<AssessWorld> {
  const { given } = t;
  const s1 = await given.street();
  const s2 = await given.street();
  const c1 = await given.community({ street: s1 });
  const c2 = await given.community({ street: s1 });
  const c3 = await given.community({ street: s2 });
  const bearer = async (s: Parameters<typeof given.token>[0]) => `Bearer ${await given.token(s)}`;
  const auth = {
    bureau: await bearer(await given.staff('bureau_admin')),
    monitor: await bearer(await given.staff('monitor')),
    street1: await bearer(await given.staff('street_admin', { street: s1 })),
    street2: await bearer(await given.staff('street_admin', { street: s2 })),
    community: await bearer(await given.staff('community_admin', { community: c1 })),
  };
  const list = await t.http.get('/api/rating-frameworks').set('Authorization', auth.bureau);
  expect(list.status).toBe(200);
  const sample2022 = (list.body as RatingFrameworkSummary[]).find(
    (f) => f.key === sampleFramework2022.id && f.version === sampleFramework2022.version,
  )!;
  return { s1, s2, c1, c2, c3, auth, sample2022 };
}

/** A campaign of the year with every assessed indicator given to every weighted kind. */
export async function openCampaign(
  t: TestContext,
  w: AssessWorld,
  year: number,
  extra: { opensOn?: string; closesOn?: string } = {},
): Promise<RatingCampaignDetail> {
  const made = await t.http
    .post('/api/rating-campaigns')
    .set('Authorization', w.auth.bureau)
    .send({ year, frameworkId: w.sample2022.id, ...extra });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const fw = sampleFramework2022;
  const { assessed } = sampleKeys();
  const kinds = [
    'district_inspection',
    'third_party_monitoring',
    'street_cross_inspection',
  ] as const;
  const assignments = kinds.map((k) => ({
    assessorKind: k,
    indicatorKeys: assessed
      .filter((i) => {
        const weights =
          (i.source.kind === 'assessment' && i.source.weights) || fw.assessmentWeights;
        return weights?.[k] !== undefined;
      })
      .map((i) => i.key),
  }));
  const set = await t.http
    .put(`/api/rating-campaigns/${made.body.id}/assignments`)
    .set('Authorization', w.auth.bureau)
    .send({ assignments });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  const plan = await t.http
    .put(`/api/rating-campaigns/${made.body.id}/cross-inspections`)
    .set('Authorization', w.auth.bureau)
    .send({
      plan: [
        { inspectorStreetId: w.s1.id, communityIds: [w.c3.id] },
        { inspectorStreetId: w.s2.id, communityIds: [w.c1.id, w.c2.id] },
      ],
    });
  expect(plan.status, JSON.stringify(plan.body)).toBe(200);
  return plan.body as RatingCampaignDetail;
}
