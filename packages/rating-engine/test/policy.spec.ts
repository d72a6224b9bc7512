import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  sampleFramework2022,
  validatePolicy,
  type RatingPolicy,
} from '../src/index.js';
import { compileFramework } from '../src/framework/compile.js';
import { quotaCaps } from '../src/policy.js';
import { steerableFramework } from './support/builders.js';

function resolved(overrides: unknown): RatingPolicy {
  const result = validatePolicy(overrides, steerableFramework());
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('policy', () => {
  it('defaults to the seed: 1 year, 10/30/50%, floor, 70 points, AA recommended, strict inputs', () => {
    expect(resolved(undefined)).toEqual({
      minYearsSinceFirstElection: 1,
      quotas: { AAA: 0.1, AA: 0.3, A: 0.5 },
      quotaRounding: 'floor',
      minimumScore: 70,
      tieBreakers: [
        { level: 'section', key: 'service' },
        { level: 'section', key: 'governance' },
      ],
      recommendFrom: 'AA',
      missingInputs: 'withhold_grade',
      partialAssessments: 'treat_as_missing',
    });
    expect(DEFAULT_POLICY.quotas).toEqual({ AAA: 0.1, AA: 0.3, A: 0.5 });
  });

  it('uses every section of the framework, in order, as the default tie-breakers', () => {
    const result = validatePolicy(undefined, sampleFramework2022);
    expect(result.ok && result.value.tieBreakers.map((t) => t.key)).toEqual([
      'party_leadership',
      'co_building',
      'shared_civility',
    ]);
  });

  it('merges overrides over the defaults, quota by quota', () => {
    const policy = resolved({
      quotas: { AAA: 0.2 },
      minimumScore: 60,
      recommendFrom: null,
      tieBreakers: [{ level: 'indicator', key: 'participation' }],
    });
    expect(policy.quotas).toEqual({ AAA: 0.2, AA: 0.3, A: 0.5 });
    expect(policy.minimumScore).toBe(60);
    expect(policy.recommendFrom).toBeNull();
    expect(policy.tieBreakers).toEqual([{ level: 'indicator', key: 'participation' }]);
  });

  it('refuses quotas that add up to more than all rated communities', () => {
    const result = validatePolicy({ quotas: { AAA: 0.3, AA: 0.3 } }, steerableFramework());
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'policy.quotas',
          code: 'sum_mismatch',
          message: 'the grade shares add up to 1.1; they may not exceed 1',
        },
      ],
    });
  });

  it('refuses tie-breakers the framework does not have', () => {
    const result = validatePolicy(
      {
        tieBreakers: [
          { level: 'section', key: 'nowhere' },
          { level: 'aspect', key: 'service' },
        ],
      },
      steerableFramework(),
    );
    expect(result.ok ? [] : result.issues).toEqual([
      {
        path: 'policy.tieBreakers[0].key',
        code: 'unknown_reference',
        message: 'the framework has no section "nowhere"',
      },
      {
        path: 'policy.tieBreakers[1].key',
        code: 'unknown_reference',
        message: '"service" is a section, not an aspect',
      },
    ]);
  });

  it('refuses unknown settings and values', () => {
    const result = validatePolicy(
      { minimumScore: 120, quotaRounding: 'up', grades: {} },
      steerableFramework(),
    );
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual([
      'policy.grades',
      'policy.quotaRounding',
      'policy.minimumScore',
    ]);
  });
});

describe('quota caps', () => {
  const policy = (rounding: RatingPolicy['quotaRounding']): RatingPolicy => ({
    ...resolved(undefined),
    quotaRounding: rounding,
  });

  it('gives 5 AAA, 16 AA and 27 A for the 55 communities of Liangjiang', () => {
    expect(quotaCaps(policy('floor'), 55)).toEqual([5, 16, 27]);
  });

  it('rounds each cap down on small counts', () => {
    const caps = [0, 1, 2, 3, 4, 5, 9, 10, 11].map((n) => quotaCaps(policy('floor'), n));
    expect(caps).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 1],
      [0, 0, 1],
      [0, 1, 2],
      [0, 1, 2],
      [0, 2, 4],
      [1, 3, 5],
      [1, 3, 5],
    ]);
  });

  it('can round to nearest or up instead', () => {
    expect(quotaCaps(policy('round'), 5)).toEqual([1, 2, 3]);
    expect(quotaCaps(policy('ceil'), 1)).toEqual([1, 1, 1]);
  });

  it('is not fooled by binary fractions (0.29 × 100 is 28.999999999999996)', () => {
    const odd = { ...policy('floor'), quotas: { AAA: 0.29, AA: 0.3, A: 0.41 } };
    expect(quotaCaps(odd, 100)).toEqual([29, 30, 41]);
  });

  it('compiles the framework the caps are resolved against', () => {
    expect(compileFramework(sampleFramework2022).totalCents).toBe(10000);
  });
});
