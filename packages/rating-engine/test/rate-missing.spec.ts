import { describe, expect, it } from 'vitest';
import {
  indicatorFormula,
  rate,
  type CommunityInput,
  type Framework,
  type IndicatorScore,
  type PolicyOverrides,
} from '../src/index.js';
import { byId, input, steerableFramework } from './support/builders.js';

/** The steerable framework with participation cut to 20 points and a 20-point inspection beside it. */
function frameworkWithInspection(): Framework {
  const framework = steerableFramework();
  const aspect = framework.sections[1]!.aspects[0]!;
  aspect.indicators[0]!.points = 20;
  aspect.indicators.push({
    key: 'inspection',
    name: { zh: '现场查验', en: 'On-site inspection' },
    points: 20,
    source: {
      kind: 'assessment',
      weights: {
        district_inspection: 0.5,
        third_party_monitoring: 0.3,
        street_cross_inspection: 0.2,
      },
    },
  });
  return framework;
}

function member(id: string, extra: Partial<CommunityInput> = {}): CommunityInput {
  return {
    id,
    firstElectedOn: '2015-01-01',
    metrics: { satisfaction_rate: 0.9, participation_rate: 0.5 },
    assessments: {
      inspection: {
        district_inspection: { score: 18 },
        third_party_monitoring: { score: 16 },
        street_cross_inspection: { score: 20 },
      },
    },
    ...extra,
  };
}

const run = (communities: CommunityInput[], policy?: PolicyOverrides) =>
  rate(input(communities, policy, frameworkWithInspection()));

describe('missing inputs', () => {
  it('scores a complete community: 54 + 10 + (0.5 × 18 + 0.3 × 16 + 0.2 × 20 = 17.8)', () => {
    expect(run([member('full')]).communities[0]).toMatchObject({ status: 'rated', total: 81.8 });
  });

  it('withholds the grade of a community with a missing metric, and leaves it out of the quotas', () => {
    const communities = [
      member('gap', { metrics: { satisfaction_rate: 1, participation_rate: null } }),
      ...Array.from({ length: 10 }, (_, i) => member(`m${i}`)),
    ];
    const result = run(communities);
    const gap = byId(result, 'gap');
    expect(gap).toMatchObject({
      status: 'incomplete',
      rank: null,
      grade: null,
      noGrade: { reason: 'incomplete_inputs', missing: 1 },
      notice: false,
      missing: [{ indicator: 'participation', source: 'metric', metric: 'participation_rate' }],
    });
    const participation = gap.sections[1]?.aspects[0]?.indicators[0] as IndicatorScore;
    expect(participation).toMatchObject({
      points: 0,
      status: 'missing',
      value: null,
      outcome: 'missing',
      share: null,
    });
    expect(indicatorFormula(participation)).toBe('participation_rate missing; 0.00');
    expect(result.summary.rated).toBe(10);
    expect(result.warnings).toEqual([
      { code: 'incomplete_inputs', communityId: 'gap', indicators: ['participation'] },
    ]);
  });

  it('reports an assessment nobody scored, naming every assessor', () => {
    const result = run([member('unassessed', { assessments: {} })]);
    expect(result.communities[0]).toMatchObject({
      status: 'incomplete',
      missing: [
        {
          indicator: 'inspection',
          source: 'assessment',
          assessors: ['district_inspection', 'third_party_monitoring', 'street_cross_inspection'],
        },
      ],
    });
  });

  it('treats a partial assessment as missing by default', () => {
    const partial = member('partial', {
      assessments: {
        inspection: {
          district_inspection: { score: 18 },
          third_party_monitoring: { score: 16 },
          street_cross_inspection: null,
        },
      },
    });
    const result = run([partial]);
    expect(result.communities[0]).toMatchObject({
      status: 'incomplete',
      missing: [
        { indicator: 'inspection', source: 'assessment', assessors: ['street_cross_inspection'] },
      ],
    });
    const indicator = result.communities[0]?.sections[1]?.aspects[0]
      ?.indicators[1] as IndicatorScore;
    expect(indicator).toMatchObject({
      points: 0,
      status: 'missing',
      outcome: 'missing',
      weightedScore: null,
      missingAssessors: ['street_cross_inspection'],
      scores: {
        district_inspection: { score: 18 },
        third_party_monitoring: { score: 16 },
        street_cross_inspection: null,
      },
    });
    expect(indicatorFormula(indicator)).toBe('no score from street_cross_inspection; 0.00');
  });

  it('reweights over the assessors present when the policy says so, and says so', () => {
    const partial = member('partial', {
      assessments: {
        inspection: { district_inspection: { score: 18 }, third_party_monitoring: { score: 16 } },
      },
    });
    const result = run([partial], { partialAssessments: 'reweight_present' });
    const indicator = result.communities[0]?.sections[1]?.aspects[0]
      ?.indicators[1] as IndicatorScore;
    // (0.5 × 18 + 0.3 × 16) / 0.8 = 17.25 of 20
    expect(indicator).toMatchObject({
      points: 17.25,
      status: 'scored',
      outcome: 'reweighted',
      weightedScore: 17.25,
      missingAssessors: ['street_cross_inspection'],
    });
    expect(indicatorFormula(indicator)).toBe(
      '(0.5 x 18 + 0.3 x 16) / 0.8 = 17.25 of 20; 0.8625 x 20.00 = 17.25',
    );
    expect(result.communities[0]).toMatchObject({ status: 'rated', total: 81.25, missing: [] });
    expect(result.warnings).toEqual([
      {
        code: 'partial_assessments_reweighted',
        communityId: 'partial',
        indicators: ['inspection'],
      },
    ]);
  });

  it('scores missing inputs as zero when the policy says so, and lists them', () => {
    const result = run([member('gap', { metrics: { satisfaction_rate: 0.9 } })], {
      missingInputs: 'score_zero',
    });
    expect(result.communities[0]).toMatchObject({
      status: 'rated',
      total: 71.8,
      missing: [{ indicator: 'participation', source: 'metric' }],
    });
    expect(result.warnings).toEqual([
      { code: 'missing_inputs_scored_zero', communityId: 'gap', indicators: ['participation'] },
    ]);
  });

  it('never counts a missing input as full points', () => {
    const result = run([member('gap', { assessments: {} })], { missingInputs: 'score_zero' });
    expect(result.communities[0]?.total).toBe(64);
  });
});
