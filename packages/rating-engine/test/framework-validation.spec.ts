import { describe, expect, it } from 'vitest';
import {
  parseFramework,
  RatingValidationError,
  sampleFramework2022,
  validateFramework,
  type Framework,
} from '../src/index.js';
import { steerableFramework } from './support/builders.js';

function issuesOf(framework: unknown): Array<{ path: string; code: string; message: string }> {
  const result = validateFramework(framework);
  return result.ok ? [] : result.issues;
}

/** A deep copy to break: JSON round trip keeps the samples untouched. */
function copy(framework: Framework = steerableFramework()): Framework {
  return JSON.parse(JSON.stringify(framework)) as Framework;
}

describe('framework validation', () => {
  it('accepts a sound framework', () => {
    expect(validateFramework(steerableFramework())).toEqual({
      ok: true,
      value: steerableFramework(),
    });
  });

  it('reports points that do not add up to 100, with each section subtotal', () => {
    const framework = copy();
    framework.sections[1]!.aspects[0]!.indicators[0]!.points = 39.5;
    expect(issuesOf(framework)).toEqual([
      {
        path: 'sections',
        code: 'sum_mismatch',
        message:
          'indicator points add up to 99.50, expected 100.00 (sections[0] 60.00, sections[1] 39.50)',
      },
    ]);
  });

  it('checks the sum against a declared total instead of 100', () => {
    const framework = { ...copy(), totalPoints: 120 };
    expect(issuesOf(framework)[0]).toMatchObject({ path: 'totalPoints', code: 'sum_mismatch' });
    framework.sections[0]!.aspects[0]!.indicators[0]!.points = 80;
    expect(validateFramework(framework).ok).toBe(true);
  });

  it('points at the aspect whose declared points differ from its indicators', () => {
    const framework = copy();
    framework.sections[0]!.aspects[0]!.points = 50;
    expect(issuesOf(framework)).toContainEqual({
      path: 'sections[0].aspects[0].points',
      code: 'sum_mismatch',
      message: 'declared 50 but its indicators add up to 60.00',
    });
  });

  it('refuses a key used twice, naming where it was first used', () => {
    const framework = copy();
    framework.sections[1]!.aspects[0]!.indicators[0]!.key = 'satisfaction';
    expect(issuesOf(framework)).toEqual([
      {
        path: 'sections[1].aspects[0].indicators[0].key',
        code: 'duplicate_key',
        message: 'key "satisfaction" is already used at sections[0].aspects[0].indicators[0]',
      },
    ]);
  });

  it('refuses an unknown metric and lists the known ones', () => {
    const framework = copy();
    const source = framework.sections[0]!.aspects[0]!.indicators[0]!.source as { metric: string };
    source.metric = 'happiness';
    const [issue] = issuesOf(framework);
    expect(issue).toMatchObject({
      path: 'sections[0].aspects[0].indicators[0].source.metric',
      code: 'unknown_reference',
    });
    expect(issue?.message).toContain('unknown metric "happiness" (known: repeat_handling_rate,');
  });

  it('catches a rate written as a percentage', () => {
    const framework = copy();
    framework.sections[0]!.aspects[0]!.indicators[0]!.source = {
      kind: 'metric',
      metric: 'satisfaction_rate',
      rule: { type: 'linear', zeroAt: 94, fullAt: 99.5 },
    };
    expect(issuesOf(framework)).toEqual([
      {
        path: 'sections[0].aspects[0].indicators[0].source.rule',
        code: 'range',
        message:
          'satisfaction_rate is a fraction 0..1 (99.5% is 0.995), but the rule uses 94, 99.5',
      },
    ]);
  });

  it('refuses a linear rule whose two values are equal', () => {
    const framework = copy();
    framework.sections[0]!.aspects[0]!.indicators[0]!.source = {
      kind: 'metric',
      metric: 'satisfaction_rate',
      rule: { type: 'linear', zeroAt: 0.9, fullAt: 0.9 },
    };
    expect(issuesOf(framework)).toEqual([
      {
        path: 'sections[0].aspects[0].indicators[0].source.rule.fullAt',
        code: 'invalid_value',
        message: 'must differ from zeroAt (both are 0.9)',
      },
    ]);
  });

  it('refuses overlapping bands and bands that never award full points', () => {
    const framework = copy();
    const indicator = framework.sections[0]!.aspects[0]!.indicators[0]!;
    indicator.source = {
      kind: 'metric',
      metric: 'satisfaction_rate',
      rule: {
        type: 'bands',
        bands: [
          { min: 0.9, points: 60 },
          { min: 0.8, max: 0.95, points: 30 },
        ],
      },
    };
    expect(issuesOf(framework)).toEqual([
      {
        path: 'sections[0].aspects[0].indicators[0].source.rule.bands[0]',
        code: 'overlap',
        message: '[0.9, inf) overlaps bands[1] [0.8, 0.95)',
      },
    ]);
    indicator.source.rule = { type: 'bands', bands: [{ min: 0.9, points: 50 }] };
    expect(issuesOf(framework)).toEqual([
      {
        path: 'sections[0].aspects[0].indicators[0].source.rule.bands',
        code: 'invalid_value',
        message: "no band awards the indicator's full 60 points",
      },
    ]);
  });

  it('refuses a band worth more than its indicator', () => {
    const framework = copy();
    framework.sections[0]!.aspects[0]!.indicators[0]!.source = {
      kind: 'metric',
      metric: 'satisfaction_rate',
      rule: { type: 'bands', bands: [{ min: 0.9, points: 70 }] },
    };
    expect(issuesOf(framework)).toContainEqual({
      path: 'sections[0].aspects[0].indicators[0].source.rule.bands[0].points',
      code: 'range',
      message: 'must be at most 60, got 70',
    });
  });

  it('refuses a threshold without a bound', () => {
    const framework = copy();
    framework.sections[0]!.aspects[0]!.indicators[0]!.source = {
      kind: 'metric',
      metric: 'satisfaction_rate',
      rule: { type: 'threshold' },
    };
    expect(issuesOf(framework)).toEqual([
      {
        path: 'sections[0].aspects[0].indicators[0].source.rule',
        code: 'required',
        message: 'a threshold needs atLeast, atMost or both',
      },
    ]);
  });

  it('requires assessor weights for an assessed indicator', () => {
    const framework = copy();
    framework.sections[0]!.aspects[0]!.indicators[0]!.source = { kind: 'assessment' };
    expect(issuesOf(framework)).toEqual([
      {
        path: 'sections[0].aspects[0].indicators[0].source.weights',
        code: 'required',
        message:
          'no assessor weights: declare them here or in the framework\'s "assessmentWeights"',
      },
    ]);
    framework.assessmentWeights = { district_inspection: 2, street_cross_inspection: 1 };
    expect(validateFramework(framework).ok).toBe(true);
  });

  it('refuses unknown assessor kinds and non-positive weights', () => {
    const framework = copy();
    framework.sections[0]!.aspects[0]!.indicators[0]!.source = {
      kind: 'assessment',
      weights: { district_inspection: 0, resident_vote: 1 } as never,
    };
    expect(issuesOf(framework)).toEqual([
      {
        path: 'sections[0].aspects[0].indicators[0].source.weights.resident_vote',
        code: 'unknown_field',
        message:
          'unknown field "resident_vote" (allowed: district_inspection, third_party_monitoring, street_cross_inspection)',
      },
      {
        path: 'sections[0].aspects[0].indicators[0].source.weights.district_inspection',
        code: 'range',
        message: 'must be greater than 0, got 0',
      },
    ]);
  });

  it('refuses unknown fields, wrong types and missing names', () => {
    const framework = copy() as unknown as Record<string, unknown>;
    framework.sectons = [];
    framework.effectiveYear = '2022';
    delete framework.name;
    expect(issuesOf(framework)).toEqual([
      {
        path: 'sectons',
        code: 'unknown_field',
        message: expect.stringContaining('unknown field "sectons"') as string,
      },
      { path: 'name', code: 'required', message: 'must be an object { zh, en }, got nothing' },
      { path: 'effectiveYear', code: 'type', message: 'must be a finite number, got a string' },
    ]);
  });

  it('refuses points with more than two decimals', () => {
    const framework = copy();
    framework.sections[0]!.aspects[0]!.indicators[0]!.points = 59.995;
    expect(issuesOf(framework)).toContainEqual({
      path: 'sections[0].aspects[0].indicators[0].points',
      code: 'format',
      message: 'must have at most two decimals, got 59.995',
    });
  });

  it('refuses keys with characters outside letters, digits, _ . -', () => {
    const framework = copy();
    framework.sections[0]!.key = '党建';
    expect(issuesOf(framework)[0]).toMatchObject({ path: 'sections[0].key', code: 'format' });
  });

  it('stops listing after 200 issues', () => {
    const framework = copy(sampleFramework2022);
    for (const section of framework.sections) {
      for (const aspect of section.aspects) {
        for (const indicator of aspect.indicators) {
          (indicator as unknown as Record<string, unknown>).extra = 1;
          (indicator as unknown as Record<string, unknown>).more = 1;
          (indicator as unknown as Record<string, unknown>).points = -1;
        }
      }
    }
    const issues = issuesOf(framework);
    expect(issues).toHaveLength(201);
    expect(issues[200]).toEqual({
      path: '',
      code: 'too_many_issues',
      message: 'more than 200 issues; the rest are not listed',
    });
  });

  it('throws a RatingValidationError from parseFramework', () => {
    expect(() => parseFramework({ id: 'x' })).toThrow(RatingValidationError);
    expect(() => parseFramework({ id: 'x' })).toThrow(/^invalid framework: version must be/);
    expect(parseFramework(steerableFramework()).id).toBe('steerable');
  });

  it('refuses something that is not an object', () => {
    expect(issuesOf(null)).toEqual([
      { path: '', code: 'type', message: 'must be a framework object, got null' },
    ]);
  });
});
