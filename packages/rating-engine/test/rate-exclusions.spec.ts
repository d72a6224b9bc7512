import { describe, expect, it } from 'vitest';
import { rate } from '../src/index.js';
import { byId, community, gradesOf, input, ladder } from './support/builders.js';

describe('disqualification', () => {
  it('lists a disqualified top scorer with its reason, ungraded, and grades the rest as if it were absent', () => {
    const communities = [
      community('top', 99.5, {
        previousGrade: 'AAA',
        disqualification: { reason: '重大安全事故被通报', reference: 'LJ-2023-017' },
      }),
      ...ladder(10, 95),
    ];
    const result = rate(input(communities));
    expect(byId(result, 'top')).toMatchObject({
      status: 'disqualified',
      total: 99.5,
      rank: null,
      grade: null,
      noGrade: { reason: 'disqualified', detail: '重大安全事故被通报', reference: 'LJ-2023-017' },
      notice: false,
      recommended: false,
      movement: 'downgrade',
    });
    expect(gradesOf(result)).toMatchObject({ c01: 'AAA', c02: 'AA', c10: null });
    expect(result.summary).toMatchObject({
      communities: 11,
      rated: 10,
      byStatus: { rated: 10, not_eligible: 0, disqualified: 1, incomplete: 0 },
    });
    expect(result.communities.at(-1)?.id).toBe('top');
  });

  it('gives a null reference when the disqualification has none', () => {
    const result = rate(input([community('x', 90, { disqualification: { reason: 'incident' } })]));
    expect(result.communities[0]?.noGrade).toEqual({
      reason: 'disqualified',
      detail: 'incident',
      reference: null,
    });
  });
});

describe('eligibility', () => {
  it('rates a community from the first anniversary of its first election', () => {
    const communities = [
      community('anniversary', 90, { firstElectedOn: '2023-01-31' }),
      community('day-short', 90, { firstElectedOn: '2023-02-01' }),
      community('never', 90, { firstElectedOn: null }),
    ];
    const result = rate(input(communities));
    expect(byId(result, 'anniversary').status).toBe('rated');
    expect(byId(result, 'day-short')).toMatchObject({
      status: 'not_eligible',
      rank: null,
      noGrade: { reason: 'not_eligible', firstElectedOn: '2023-02-01', eligibleFrom: '2024-02-01' },
    });
    expect(byId(result, 'never').noGrade).toEqual({
      reason: 'not_eligible',
      firstElectedOn: null,
      eligibleFrom: null,
    });
    expect(result.summary.rated).toBe(1);
  });

  it('rolls a 29 February election over to 1 March', () => {
    const result = rate({
      ...input([community('leap', 90, { firstElectedOn: '2020-02-29' })]),
      ratingDate: '2021-02-28',
    });
    expect(result.communities[0]?.noGrade).toMatchObject({ eligibleFrom: '2021-03-01' });
  });

  it('does not count communities that are not yet eligible in the quotas', () => {
    const communities = [...ladder(10, 95), community('new', 99, { firstElectedOn: '2023-06-30' })];
    const result = rate(input(communities));
    expect(result.summary.quotas.map((q) => q.cap)).toEqual([1, 3, 5]);
    expect(byId(result, 'c01').grade).toBe('AAA');
  });

  it('applies an overridden waiting period', () => {
    const communities = [community('new', 99, { firstElectedOn: '2023-06-30' })];
    expect(rate(input(communities, { minYearsSinceFirstElection: 0 })).communities[0]?.status).toBe(
      'rated',
    );
    expect(rate(input(communities, { minYearsSinceFirstElection: 0 })).summary.rated).toBe(1);
  });

  it('lists communities that are not rated after the rated ones: disqualified, incomplete, not eligible', () => {
    const communities = [
      community('z-young', 90, { firstElectedOn: null }),
      community('y-incomplete', 90, { metrics: { satisfaction_rate: 1 } }),
      community('x-banned', 90, { disqualification: { reason: 'incident' } }),
      community('w-rated', 50),
    ];
    expect(rate(input(communities)).communities.map((c) => c.id)).toEqual([
      'w-rated',
      'x-banned',
      'y-incomplete',
      'z-young',
    ]);
  });
});
