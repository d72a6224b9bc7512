import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOption } from './support/what-if.js';
import {
  GRADES,
  gradeLevel,
  rate,
  whatIf,
  type CommunityInput,
  type Framework,
  type PolicyOverrides,
  type PreviousGrade,
  type RatingInput,
  type RatingResult,
  type TieBreaker,
} from '../src/index.js';

// Scenarios on the README's four-indicator framework (linear both ways, bands, an assessment):
// communities share a few score profiles so that ties are common.
const mini = JSON.parse(
  readFileSync(new URL('./fixtures/mini.input.json', import.meta.url), 'utf8'),
) as RatingInput & { framework: Framework };

const score = fc.integer({ min: 0, max: 40 }).map((half) => ({ score: half / 2 }));
const profile = fc.record({
  satisfaction: fc.integer({ min: 900, max: 1000 }).map((x) => x / 1000),
  repeat: fc.integer({ min: 0, max: 60 }).map((x) => x / 1000),
  participation: fc.integer({ min: 50, max: 90 }).map((x) => x / 100),
  district: score,
  thirdParty: score,
  street: fc.option(score, { freq: 8 }),
});
const member = fc.record({
  profile: fc.nat(),
  elected: fc.constantFrom<string | null>(
    '2015-01-01',
    '2015-01-01',
    '2015-01-01',
    '2023-12-01',
    null,
  ),
  disqualified: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
  previous: fc.constantFrom<PreviousGrade | null | undefined>(
    'AAA',
    'AA',
    'A',
    'none',
    null,
    undefined,
  ),
});
const tieKeys: TieBreaker[] = [
  { level: 'section', key: 'service' },
  { level: 'section', key: 'governance' },
  { level: 'aspect', key: 'council' },
  { level: 'indicator', key: 'participation' },
];
const policy: fc.Arbitrary<PolicyOverrides> = fc.record(
  {
    quotas: fc
      .tuple(fc.nat({ max: 30 }), fc.nat({ max: 30 }), fc.nat({ max: 40 }))
      .map(([a, b, c]) => ({ AAA: a / 100, AA: b / 100, A: c / 100 })),
    quotaRounding: fc.constantFrom('floor' as const, 'round' as const, 'ceil' as const),
    minimumScore: fc.integer({ min: 0, max: 90 }),
    tieBreakers: fc.subarray(tieKeys),
    missingInputs: fc.constantFrom('withhold_grade' as const, 'score_zero' as const),
    partialAssessments: fc.constantFrom('treat_as_missing' as const, 'reweight_present' as const),
  },
  { requiredKeys: [] },
);

const scenario = fc
  .record({
    profiles: fc.array(profile, { minLength: 1, maxLength: 6 }),
    members: fc.array(member, { maxLength: 40 }),
    policy,
  })
  .map(({ profiles, members, policy: overrides }): RatingInput => {
    const communities = members.map((m, i): CommunityInput => {
      const p = profiles[m.profile % profiles.length]!;
      const community: CommunityInput = {
        id: `m${String(i).padStart(2, '0')}`,
        firstElectedOn: m.elected,
        metrics: {
          satisfaction_rate: p.satisfaction,
          repeat_handling_rate: p.repeat,
          participation_rate: p.participation,
        },
        assessments: {
          council_rules: {
            district_inspection: p.district,
            third_party_monitoring: p.thirdParty,
            street_cross_inspection: p.street,
          },
        },
      };
      if (m.disqualified) community.disqualification = { reason: 'incident' };
      if (m.previous !== undefined) community.previousGrade = m.previous;
      return community;
    });
    return { ...mini, policy: overrides, communities };
  });

const cents = (points: number): number => Math.round(points * 100);
const rated = (result: RatingResult) => result.communities.filter((c) => c.status === 'rated');

describe('properties', () => {
  it('never grades more communities than a quota allows', () => {
    fc.assert(
      fc.property(scenario, (value) => {
        const result = rate(value);
        for (const [i, grade] of GRADES.entries()) {
          const quota = result.summary.quotas[i]!;
          const assigned = result.communities.filter((c) => c.grade === grade).length;
          expect(quota.assigned).toBe(assigned);
          expect(assigned).toBeLessThanOrEqual(quota.cap);
        }
      }),
    );
  });

  it('grades monotonically in score: a higher total never has a lower grade, equal standings share it', () => {
    fc.assert(
      fc.property(scenario, (value) => {
        const list = rated(rate(value));
        for (const a of list) {
          for (const b of list) {
            if (a.total > b.total)
              expect(gradeLevel(a.grade)).toBeGreaterThanOrEqual(gradeLevel(b.grade));
            if (a.total === b.total && a.tieBreakers.join() === b.tieBreakers.join()) {
              expect(a.grade).toBe(b.grade);
              expect(a.rank).toBe(b.rank);
            }
          }
        }
      }),
    );
  });

  it('makes every total the exact sum of its indicator points, through aspects and sections', () => {
    fc.assert(
      fc.property(scenario, (value) => {
        for (const community of rate(value).communities) {
          let total = 0;
          for (const section of community.sections) {
            let sectionSum = 0;
            for (const aspect of section.aspects) {
              const aspectSum = aspect.indicators.reduce((sum, i) => sum + cents(i.points), 0);
              expect(cents(aspect.points)).toBe(aspectSum);
              sectionSum += aspectSum;
            }
            expect(cents(section.points)).toBe(sectionSum);
            total += sectionSum;
          }
          expect(cents(community.total)).toBe(total);
          for (const indicator of community.sections.flatMap((s) =>
            s.aspects.flatMap((a) => a.indicators),
          )) {
            expect(cents(indicator.points) / 100).toBe(indicator.points);
            expect(indicator.points).toBeLessThanOrEqual(indicator.maxPoints);
          }
        }
      }),
    );
  });

  it('gives the same result whatever the order of the communities', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.nat()), (value, noise) => {
        const shuffled = value.communities
          .map((c, i) => ({ c, key: noise[i % Math.max(1, noise.length)] ?? 0, i }))
          .sort((a, b) => a.key - b.key || b.i - a.i)
          .map(({ c }) => c);
        expect(rate({ ...value, communities: shuffled })).toEqual(rate(value));
      }),
    );
  });

  it('produces plain JSON', () => {
    fc.assert(
      fc.property(scenario, (value) => {
        const result = rate(value);
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
      }),
    );
  });

  it('offers only what-if options that, applied to the input, reach the target grade', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (value, pick) => {
        const list = rated(rate(value));
        const target = list[pick % Math.max(1, list.length)];
        if (target === undefined) return;
        const answer = whatIf(value, target.id);
        for (const option of answer.options) {
          expect(gradeLevel(option.resultingGrade)).toBeGreaterThanOrEqual(
            gradeLevel(answer.targetGrade),
          );
          expect(option.pointsNeeded).toBeGreaterThan(0);
          expect(cents(option.resultingTotal)).toBe(
            cents(target.total) + cents(option.pointsNeeded),
          );
          const after = rate(applyOption(value, target.id, option)).communities.find(
            (c) => c.id === target.id,
          );
          expect(after?.total).toBe(option.resultingTotal);
          expect(gradeLevel(after?.grade ?? null)).toBeGreaterThanOrEqual(
            gradeLevel(answer.targetGrade),
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});
