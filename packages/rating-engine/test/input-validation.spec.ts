import { describe, expect, it } from 'vitest';
import {
  rate,
  RatingValidationError,
  sampleFramework2022,
  validateCommunityInputs,
  validateRatingInput,
  type Framework,
} from '../src/index.js';
import { community, input, steerableFramework } from './support/builders.js';

function pathsAndMessages(result: {
  ok: boolean;
  issues?: Array<{ path: string; message: string }>;
}) {
  return result.ok ? [] : (result.issues ?? []).map((i) => `${i.path}: ${i.message}`);
}

describe('community input validation', () => {
  it('accepts communities the API would send', () => {
    const communities = [community('a', 80), community('b', 75, { previousGrade: 'none' })];
    expect(validateCommunityInputs(communities, steerableFramework())).toEqual({
      ok: true,
      value: communities,
    });
  });

  it('locates every problem by its path', () => {
    const communities: unknown = [
      { id: 'a', firstElectedOn: '2015-02-30', metrics: { satisfaction_rate: 99.5 } },
      {
        id: 'a',
        firstElectedOn: null,
        previousGrade: 'B',
        metrics: { happiness: 1, proposals_adopted: 2.5, worker_avg_age: null },
        disqualification: { reference: 'x' },
        street: 'Cuiyun',
      },
      'c',
    ];
    expect(pathsAndMessages(validateCommunityInputs(communities, steerableFramework()))).toEqual([
      'communities[0].firstElectedOn: must be a date YYYY-MM-DD, or null when not yet elected, got "2015-02-30"',
      'communities[0].metrics.satisfaction_rate: must be a fraction between 0 and 1, got 99.5',
      'communities[1].street: unknown field "street" (allowed: id, name, firstElectedOn, disqualification, previousGrade, metrics, assessments)',
      'communities[1].id: id "a" is already used at communities[0]',
      'communities[1].disqualification.reason: must be a non-empty string, got nothing',
      'communities[1].previousGrade: must be "AAA", "AA", "A", "none" or null, got "B"',
      expect.stringMatching(
        /^communities\[1\]\.metrics\.happiness: unknown metric "happiness"/,
      ) as string,
      'communities[1].metrics.proposals_adopted: must be a whole number, 0 or more, got 2.5',
      'communities[2]: must be a community object, got a string',
    ]);
  });

  it('checks assessments against the framework: indicator, assessor kind and scale', () => {
    const communities: unknown = [
      {
        id: 'a',
        firstElectedOn: '2015-01-01',
        assessments: {
          'organisation.party_organisation': {
            district_inspection: { score: 1.5 },
            third_party_monitoring: { score: 0.5, evidence: 'photo.jpg' },
          },
          'venues.service_centre': { third_party_monitoring: { score: 1 } },
          'workforce.attrition': { district_inspection: { score: 1 } },
          'nowhere.at_all': {},
          'organisation.one_shoulder': { resident_vote: { score: 1 } },
        },
      },
    ];
    expect(pathsAndMessages(validateCommunityInputs(communities, sampleFramework2022))).toEqual([
      'communities[0].assessments["organisation.party_organisation"].district_inspection.score: must be between 0 and 1, got 1.5',
      'communities[0].assessments["organisation.party_organisation"].third_party_monitoring.evidence: must be an array of strings',
      'communities[0].assessments["venues.service_centre"].third_party_monitoring: indicator "venues.service_centre" is not scored by third_party_monitoring (weights: district_inspection, street_cross_inspection)',
      'communities[0].assessments["workforce.attrition"]: indicator "workforce.attrition" is scored from a metric, not assessed',
      'communities[0].assessments["nowhere.at_all"]: the framework has no indicator "nowhere.at_all"',
      'communities[0].assessments["organisation.one_shoulder"].resident_vote: unknown field "resident_vote" (allowed: district_inspection, third_party_monitoring, street_cross_inspection)',
    ]);
  });

  it('requires 0 or 1 for a metric scored as yes/no', () => {
    const framework: Framework = steerableFramework();
    framework.sections[1]!.aspects[0]!.indicators[0]!.source = {
      kind: 'metric',
      metric: 'participation_rate',
      rule: { type: 'boolean' },
    };
    const result = validateCommunityInputs(
      [{ id: 'a', firstElectedOn: null, metrics: { participation_rate: 0.7 } }],
      framework,
    );
    expect(pathsAndMessages(result)).toEqual([
      'communities[0].metrics.participation_rate: is scored as yes/no, so it must be 0 or 1, got 0.7',
    ]);
  });

  it('requires firstElectedOn to be given, as null when there was no election yet', () => {
    expect(pathsAndMessages(validateCommunityInputs([{ id: 'a' }], steerableFramework()))).toEqual([
      'communities[0].firstElectedOn: must be a date YYYY-MM-DD, or null when not yet elected, got nothing',
    ]);
  });
});

describe('rating input validation', () => {
  it('prefixes framework issues with "framework"', () => {
    const bad = { ...input([]), framework: { ...steerableFramework(), version: '' } };
    expect(pathsAndMessages(validateRatingInput(bad))).toEqual([
      'framework.version: must not be empty',
    ]);
  });

  it('refuses a framework that takes effect after the rated year', () => {
    const value = { ...input([]), year: 2019 };
    expect(pathsAndMessages(validateRatingInput(value))).toEqual([
      'year: framework "steerable" takes effect in 2020; it cannot rate 2019',
    ]);
  });

  it('refuses a malformed rating date, unknown fields and a missing community list', () => {
    const value = { year: 2023, ratingDate: '2024/01/31', framework: steerableFramework(), now: 1 };
    expect(pathsAndMessages(validateRatingInput(value))).toEqual([
      'now: unknown field "now" (allowed: year, ratingDate, framework, policy, communities)',
      'ratingDate: must be a date YYYY-MM-DD, got "2024/01/31"',
      'communities: must be an array of communities, got nothing',
    ]);
  });

  it('reports policy and community issues together', () => {
    const value = input([{ id: '', firstElectedOn: null }], { minimumScore: -1 });
    expect(pathsAndMessages(validateRatingInput(value))).toEqual([
      'policy.minimumScore: must be at least 0, got -1',
      'communities[0].id: must not be empty',
    ]);
  });

  it('makes rate throw a RatingValidationError that carries the issues', () => {
    const value = input([community('a', 80, { metrics: { satisfaction_rate: 2 } })]);
    expect(() => rate(value)).toThrow(RatingValidationError);
    try {
      rate(value);
    } catch (error) {
      expect((error as RatingValidationError).issues).toEqual([
        {
          path: 'communities[0].metrics.satisfaction_rate',
          code: 'range',
          message: 'must be a fraction between 0 and 1, got 2',
        },
      ]);
      expect((error as Error).message).toBe(
        'invalid rating input: communities[0].metrics.satisfaction_rate must be a fraction between 0 and 1, got 2',
      );
    }
  });
});
