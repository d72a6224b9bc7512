import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  rate,
  sampleFramework2022,
  UnknownCommunityError,
  whatIf,
  type RatingInput,
} from '../src/index.js';
import { byId, community, input, ladder } from './support/builders.js';
import { liangjiangInput } from './support/liangjiang.js';
import { applyOption } from './support/what-if.js';

const mini = JSON.parse(
  readFileSync(new URL('./fixtures/mini.input.json', import.meta.url), 'utf8'),
) as RatingInput;

describe('what-if', () => {
  it('finds the smallest single-indicator changes that lift a community to A', () => {
    const result = whatIf(mini, 'kangmei');
    expect(result).toMatchObject({
      communityId: 'kangmei',
      status: 'options',
      total: 66.33,
      rank: 4,
      grade: null,
      targetGrade: 'A',
      insufficient: ['repeat_rate', 'council_rules'],
    });
    // Passing helulu (71.38) needs 5.05 more points; equal totals would be split by the service
    // subtotal, which the satisfaction points raise too.
    expect(result.options).toEqual([
      {
        indicator: 'satisfaction_rate',
        section: 'service',
        aspect: 'satisfaction',
        currentPoints: 21.82,
        requiredPoints: 26.87,
        pointsNeeded: 5.05,
        maxPoints: 40,
        resultingTotal: 71.38,
        resultingRank: 3,
        resultingGrade: 'A',
        change: {
          source: 'metric',
          metric: 'satisfaction_rate',
          currentValue: 0.97,
          required: { min: 0.97694, max: null, maxExclusive: false },
        },
      },
      {
        indicator: 'participation',
        section: 'governance',
        aspect: 'council',
        currentPoints: 14,
        requiredPoints: 20,
        pointsNeeded: 6,
        maxPoints: 20,
        resultingTotal: 72.33,
        resultingRank: 3,
        resultingGrade: 'A',
        change: {
          source: 'metric',
          metric: 'participation_rate',
          currentValue: 0.7,
          required: { min: 0.8, max: null, maxExclusive: false },
        },
      },
    ]);
  });

  it('gives options that do lift the community when applied, and none that is looser', () => {
    const result = whatIf(mini, 'kangmei');
    for (const option of result.options) {
      expect(byId(rate(applyOption(mini, 'kangmei', option)), 'kangmei').grade).toBe('A');
    }
    const tooLittle = applyOption(mini, 'kangmei', result.options[0]!);
    tooLittle.communities = tooLittle.communities.map((c) =>
      c.id === 'kangmei' ? { ...c, metrics: { ...c.metrics, satisfaction_rate: 0.97693 } } : c,
    );
    expect(byId(rate(tooLittle), 'kangmei').grade).toBeNull();
  });

  it('says when no single indicator can lift a community', () => {
    expect(whatIf(mini, 'helulu')).toMatchObject({
      status: 'no_single_change',
      grade: 'A',
      targetGrade: 'AA',
      options: [],
      insufficient: ['satisfaction_rate', 'repeat_rate', 'participation', 'council_rules'],
    });
  });

  it('has nothing to offer an AAA community', () => {
    const result = whatIf(input(ladder(10)), 'c01');
    expect(result).toMatchObject({
      status: 'top_grade',
      grade: 'AAA',
      targetGrade: null,
      options: [],
    });
  });

  it('does not apply to communities that are not rated', () => {
    expect(whatIf(mini, 'shuanglong')).toMatchObject({
      status: 'not_rated',
      notRatedReason: 'disqualified',
    });
    expect(whatIf(mini, 'xinyuan')).toMatchObject({
      status: 'not_rated',
      notRatedReason: 'not_eligible',
    });
  });

  it('throws for a community that is not in the input', () => {
    expect(() => whatIf(mini, 'nowhere')).toThrow(UnknownCommunityError);
  });

  it('needs just one hundredth of a point to win a tie on a quota boundary', () => {
    // x and y tie for AAA and both take AA; x gains AAA with 0.01 more on either indicator.
    const communities = [
      community('x', 95, { service: 57 }),
      community('y', 95, { service: 57 }),
      ...ladder(8, 90),
    ];
    const result = whatIf(input(communities), 'x');
    expect(result.grade).toBe('AA');
    expect(
      result.options.map((o) => [o.indicator, o.pointsNeeded, o.resultingGrade, o.resultingRank]),
    ).toEqual([
      ['satisfaction', 0.01, 'AAA', 1],
      ['participation', 0.01, 'AAA', 1],
    ]);
  });

  it('names the weighted assessment score needed for an assessed indicator', () => {
    const value: RatingInput = { ...liangjiangInput(), framework: sampleFramework2022 };
    const sixth = rate(value).communities[5];
    expect(sixth).toMatchObject({ rank: 6, grade: 'AA' });
    const result = whatIf(value, sixth?.id ?? '');
    expect(result.targetGrade).toBe('AAA');
    const assessed = result.options.find((o) => o.change.source === 'assessment');
    expect(assessed?.change).toEqual({
      source: 'assessment',
      scale: assessed?.maxPoints,
      currentWeightedScore: expect.any(Number) as number,
      requiredWeightedScore: expect.any(Number) as number,
    });
    const after = rate(applyOption(value, sixth?.id ?? '', assessed!));
    expect(byId(after, sixth?.id ?? '').grade).toBe('AAA');
  });

  it('lists options fewest points first, then in framework order', () => {
    const value: RatingInput = { ...liangjiangInput(), framework: sampleFramework2022 };
    const below = rate(value).communities.find((c) => c.noGrade?.reason === 'below_minimum');
    const result = whatIf(value, below?.id ?? '');
    expect(result.targetGrade).toBe('A');
    const needed = result.options.map((o) => o.pointsNeeded);
    expect(needed).toEqual([...needed].sort((a, b) => a - b));
    for (const option of result.options) {
      expect(option.resultingTotal).toBeGreaterThanOrEqual(70);
      expect(option.requiredPoints).toBeLessThanOrEqual(option.maxPoints);
    }
  });
});
