import type { Framework } from '@baitong/rating-engine';
import type { StaffAccountEntity } from '../../src/people/people.entities';
import type { TestContext } from '../utils/app';
import { type MetricsWorld, metricsWorld } from '../metrics/world';

// A small framework (one metric indicator, two assessed ones), a campaign of 2026 with every
// score submitted, and the staff who run, watch and object. Rows are written straight into the
// tables of the other parts (assessments, grades), which have their own tests.

export const YEAR = 2026;

export const MINI_FRAMEWORK: Framework = {
  id: 'runs-test-mini',
  version: '1',
  name: { zh: '测试标准', en: 'Test framework' },
  effectiveYear: 2022,
  assessmentWeights: { district_inspection: 0.5, third_party_monitoring: 0.5 },
  sections: [
    {
      key: 'governance',
      name: { zh: '治理', en: 'Governance' },
      aspects: [
        {
          key: 'council',
          name: { zh: '议事', en: 'Council' },
          indicators: [
            {
              key: 'council.adopted',
              name: { zh: '采纳议题', en: 'Proposals adopted' },
              points: 20,
              source: {
                kind: 'metric',
                metric: 'proposals_adopted',
                rule: { type: 'linear', zeroAt: 0, fullAt: 4 },
              },
            },
            {
              key: 'council.rules',
              name: { zh: '议事规则', en: 'Council rules' },
              points: 40,
              source: { kind: 'assessment' },
            },
          ],
        },
      ],
    },
    {
      key: 'service',
      name: { zh: '服务', en: 'Service' },
      aspects: [
        {
          key: 'venues',
          name: { zh: '阵地', en: 'Venues' },
          indicators: [
            {
              key: 'venues.quality',
              name: { zh: '阵地建设', en: 'Venues' },
              points: 40,
              source: { kind: 'assessment' },
            },
          ],
        },
      ],
    },
  ],
};

export const ASSESSED = ['council.rules', 'venues.quality'] as const;
export const KINDS = ['district_inspection', 'third_party_monitoring'] as const;

export interface RunsWorld extends MetricsWorld {
  frameworkId: string;
  campaignId: string;
  /** Every community of the district, in the order of the scores below. */
  communityIds: string[];
  bureau: string;
  monitor: string;
  streetAdmin: string;
  /** The admin of `community`. */
  admin: string;
  /** The admin of `sibling` (a neighbour on the same street). */
  neighbourAdmin: string;
  worker: StaffAccountEntity;
  auth: { worker: string };
}

export async function runsWorld(t: TestContext): Promise<RunsWorld> {
  const w = await metricsWorld(t);
  const [{ id: frameworkId }] = (await t.ds.query(
    `INSERT INTO rating_framework (framework_key, version, name_zh, name_en, effective_year, sample,
       definition, created_by_name)
     VALUES ($1, $2, '测试标准', 'Test framework', 2022, false, $3, 'test') RETURNING id`,
    [MINI_FRAMEWORK.id, MINI_FRAMEWORK.version, JSON.stringify(MINI_FRAMEWORK)],
  )) as [{ id: string }];
  const [{ id: campaignId }] = (await t.ds.query(
    `INSERT INTO rating_campaign (year, framework_id, created_by_name) VALUES ($1, $2, 'test') RETURNING id`,
    [YEAR, frameworkId],
  )) as [{ id: string }];
  const communityIds = [w.community.id, w.sibling.id, w.elsewhere.community.id];
  // Scores out of 40: community 38/36, sibling 30/28, elsewhere 20/18.
  const base = [38, 30, 20];
  for (const [n, id] of communityIds.entries())
    for (const ind of ASSESSED)
      for (const kind of KINDS)
        await score(
          t,
          campaignId,
          id,
          ind,
          kind,
          base[n]! - (kind === 'third_party_monitoring' ? 2 : 0),
        );
  // Last year's grade of the community.
  await t.ds.query(
    `INSERT INTO rating_grade (year, community_id, grade, source) VALUES ($1, $2, 'A', 'import')`,
    [YEAR - 1, w.community.id],
  );
  const token = async (s: StaffAccountEntity) => `Bearer ${await t.given.token(s)}`;
  return {
    ...w,
    frameworkId,
    campaignId,
    communityIds,
    bureau: await token(await t.given.staff('bureau_admin')),
    monitor: await token(await t.given.staff('monitor')),
    streetAdmin: await token(await t.given.staff('street_admin', { street: w.street })),
    admin: await token(await t.given.staff('community_admin', { community: w.community })),
    neighbourAdmin: await token(await t.given.staff('community_admin', { community: w.sibling })),
    auth: { worker: await token(w.worker) },
  };
}

export async function score(
  t: TestContext,
  campaignId: string,
  communityId: string,
  indicatorKey: string,
  kind: string,
  value: number,
  status: 'draft' | 'submitted' = 'submitted',
): Promise<string> {
  const [{ id }] = (await t.ds.query(
    `INSERT INTO rating_assessment (campaign_id, community_id, indicator_key, assessor_kind, score,
       status, entered_by_name, entered_by_role, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6::text, '查验员', 'bureau_admin', CASE WHEN $6::text = 'submitted' THEN now() END)
     RETURNING id`,
    [campaignId, communityId, indicatorKey, kind, value, status],
  )) as [{ id: string }];
  return id;
}
