import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BandsRule, LinearRule, ThresholdRule } from '../src/index.js';
import { ruleFormula, ruleLevelsAbove, ruleTarget, scoreRule } from '../src/rules/index.js';
import type { ScoringRule } from '../src/index.js';

function formulaOf(rule: ScoringRule, value: number, maxCents: number): string {
  return ruleFormula(rule, value, maxCents, scoreRule(rule, value, maxCents));
}

// Rules score in hundredths of a point ("cents"): an indicator worth 4 points is 400.

describe('linear rule', () => {
  const mediation: LinearRule = { type: 'linear', zeroAt: 0.61, fullAt: 0.98 };
  const repeat: LinearRule = { type: 'linear', zeroAt: 0.05, fullAt: 0.001 };

  it('interpolates between the zero-point and full-point values', () => {
    const outcome = scoreRule(mediation, 0.795, 400);
    expect(outcome).toEqual({
      cents: 200,
      share: expect.closeTo(0.5, 10) as number,
      outcome: 'interpolated',
      band: null,
    });
    expect(formulaOf(mediation, 0.795, 400)).toBe(
      '(0.795 - 0.61) / (0.98 - 0.61) = 0.5; 0.5 x 4.00 = 2.00',
    );
  });

  it('caps at full points beyond the full-point value and floors at zero before the zero point', () => {
    expect(scoreRule(mediation, 0.99, 400)).toMatchObject({
      cents: 400,
      share: 1,
      outcome: 'full',
    });
    expect(scoreRule(mediation, 0.98, 400)).toMatchObject({ cents: 400, outcome: 'full' });
    expect(scoreRule(mediation, 0.5, 400)).toMatchObject({ cents: 0, share: 0, outcome: 'zero' });
    expect(formulaOf(mediation, 0.99, 400)).toBe(
      '(0.99 - 0.61) / (0.98 - 0.61) = 1.027 (capped at 1); 1 x 4.00 = 4.00',
    );
  });

  it('scores a lower value higher when the full-point value is below the zero-point value', () => {
    expect(scoreRule(repeat, 0.001, 150)).toMatchObject({ cents: 150, outcome: 'full' });
    expect(scoreRule(repeat, 0.05, 150)).toMatchObject({ cents: 0, outcome: 'zero' });
    // (0.0255 - 0.05) / (0.001 - 0.05) = 0.5 of 1.5 points
    expect(scoreRule(repeat, 0.0255, 150).cents).toBe(75);
    expect(scoreRule(repeat, 0.2, 150).cents).toBe(0);
  });

  it('rounds half up to hundredths of a point', () => {
    // 1/3 of 1 point = 0.3333 → 0.33; 0.125 of 1 point → 0.13 (half up)
    expect(scoreRule({ type: 'linear', zeroAt: 0, fullAt: 3 }, 1, 100).cents).toBe(33);
    expect(scoreRule({ type: 'linear', zeroAt: 0, fullAt: 1 }, 0.125, 100).cents).toBe(13);
    // 0.285 of 1 point is 28.499999999999996 in binary; it still rounds to 0.29
    expect(scoreRule({ type: 'linear', zeroAt: 0, fullAt: 1 }, 0.285, 100).cents).toBe(29);
  });

  it('names a metric value that earns a given number of points, and no looser one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.boolean(), (cents, lowerIsBetter) => {
        const rule = lowerIsBetter ? repeat : mediation;
        const target = ruleTarget(rule, 400, cents, null);
        const value = lowerIsBetter ? target.max : target.min;
        expect(value).not.toBeNull();
        expect(scoreRule(rule, value ?? NaN, 400).cents).toBeGreaterThanOrEqual(cents);
        const looser = (value ?? 0) + (lowerIsBetter ? 1e-5 : -1e-5);
        expect(scoreRule(rule, looser, 400).cents).toBeLessThan(cents);
      }),
    );
  });

  it('offers every hundredth of a point above the current points as a level', () => {
    expect(ruleLevelsAbove(mediation, 400, 397)).toEqual([398, 399, 400]);
    expect(ruleLevelsAbove(mediation, 400, 400)).toEqual([]);
  });
});

describe('bands rule', () => {
  const bachelor: BandsRule = {
    type: 'bands',
    bands: [
      { min: 0.6488, points: 1 },
      { min: 0.5, max: 0.6488, points: 0.6 },
      { min: 0.3512, max: 0.5, points: 0.3 },
    ],
  };

  it('awards the points of the band the value falls in', () => {
    expect(scoreRule(bachelor, 0.7, 100)).toMatchObject({ cents: 100, outcome: 'band', band: 0 });
    expect(scoreRule(bachelor, 0.55, 100)).toMatchObject({ cents: 60, outcome: 'band', band: 1 });
    expect(formulaOf(bachelor, 0.55, 100)).toBe('0.55 in [0.5, 0.6488) (band 2) = 0.60');
  });

  it('includes a band minimum and excludes its maximum', () => {
    expect(scoreRule(bachelor, 0.5, 100)).toMatchObject({ cents: 60, band: 1 });
    expect(scoreRule(bachelor, 0.6488, 100)).toMatchObject({ cents: 100, band: 0 });
    expect(scoreRule(bachelor, 0.3512, 100)).toMatchObject({ cents: 30, band: 2 });
  });

  it('awards nothing outside every band', () => {
    expect(scoreRule(bachelor, 0.2, 100)).toEqual({
      cents: 0,
      share: 0,
      outcome: 'no_band',
      band: null,
    });
    expect(formulaOf(bachelor, 0.2, 100)).toBe('0.2 is in no band; 0.00');
  });

  it('offers the higher bands as levels and names the nearest band that earns them', () => {
    expect(ruleLevelsAbove(bachelor, 100, 30)).toEqual([60, 100]);
    expect(ruleTarget(bachelor, 100, 60, 0.4)).toEqual({
      min: 0.5,
      max: 0.6488,
      maxExclusive: true,
    });
    expect(ruleTarget(bachelor, 100, 100, 0.4)).toEqual({
      min: 0.6488,
      max: null,
      maxExclusive: false,
    });
  });

  it('works for lower-is-better bands', () => {
    const age: BandsRule = {
      type: 'bands',
      bands: [
        { max: 35, points: 2 },
        { min: 35, max: 45, points: 1 },
      ],
    };
    expect(scoreRule(age, 32, 200).cents).toBe(200);
    expect(scoreRule(age, 35, 200).cents).toBe(100);
    expect(scoreRule(age, 48, 200).cents).toBe(0);
    expect(ruleTarget(age, 200, 200, 40)).toEqual({ min: null, max: 35, maxExclusive: true });
  });
});

describe('boolean rule', () => {
  it('awards full points for 1 and none for 0', () => {
    expect(scoreRule({ type: 'boolean' }, 1, 150)).toMatchObject({ cents: 150, outcome: 'met' });
    expect(scoreRule({ type: 'boolean' }, 0, 150)).toMatchObject({ cents: 0, outcome: 'not_met' });
    expect(formulaOf({ type: 'boolean' }, 1, 150)).toBe('1 = 1; 1.50');
    expect(formulaOf({ type: 'boolean' }, 0, 150)).toBe('0 != 1; 0.00');
  });

  it('awards full points for 0 when inverted', () => {
    expect(scoreRule({ type: 'boolean', invert: true }, 0, 150).cents).toBe(150);
    expect(scoreRule({ type: 'boolean', invert: true }, 1, 150).cents).toBe(0);
    expect(ruleTarget({ type: 'boolean', invert: true }, 150, 150, 1)).toEqual({
      min: 0,
      max: 0,
      maxExclusive: false,
    });
  });
});

describe('threshold rule', () => {
  const evening: ThresholdRule = { type: 'threshold', atLeast: 0.1 };

  it('awards full points at or above atLeast, none below', () => {
    expect(scoreRule(evening, 0.1, 100)).toMatchObject({ cents: 100, outcome: 'met' });
    expect(scoreRule(evening, 0.0999, 100)).toMatchObject({ cents: 0, outcome: 'not_met' });
    expect(formulaOf(evening, 0.12, 100)).toBe('0.12 >= 0.1: met; 1.00');
    expect(formulaOf(evening, 0.05, 100)).toBe('0.05 >= 0.1: not met; 0.00');
  });

  it('awards full points at or below atMost', () => {
    const age: ThresholdRule = { type: 'threshold', atMost: 35 };
    expect(scoreRule(age, 35, 100).cents).toBe(100);
    expect(scoreRule(age, 35.1, 100).cents).toBe(0);
  });

  it('requires both bounds when both are given', () => {
    const range: ThresholdRule = { type: 'threshold', atLeast: 2, atMost: 4 };
    expect([1, 2, 3, 4, 5].map((v) => scoreRule(range, v, 100).cents)).toEqual([
      0, 100, 100, 100, 0,
    ]);
    expect(ruleLevelsAbove(range, 100, 0)).toEqual([100]);
    expect(ruleTarget(range, 100, 100, 5)).toEqual({ min: 2, max: 4, maxExclusive: false });
  });
});
