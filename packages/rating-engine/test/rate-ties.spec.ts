import { describe, expect, it } from 'vitest';
import { rate } from '../src/index.js';
import { byId, community, gradesOf, input, ladder } from './support/builders.js';

describe('ties', () => {
  it('gives all-tied communities one shared rank and, as the tie straddles every boundary, no grade', () => {
    const tied = Array.from({ length: 10 }, (_, i) => community(`t${i}`, 80, { service: 50 }));
    const result = rate(input(tied));
    expect(result.communities.map((c) => c.id)).toEqual(tied.map((c) => c.id));
    for (const c of result.communities) {
      expect(c).toMatchObject({
        rank: 1,
        grade: null,
        noGrade: { reason: 'outside_quota' },
        boundaryTie: { missedGrade: 'AAA', tiedCount: 10 },
      });
    }
    expect(result.summary.boundaryTies).toBe(10);
  });

  it('splits equal totals by the section subtotals, in framework order', () => {
    const communities = [
      community('b', 95, { service: 55 }),
      community('a', 95, { service: 60 }),
      ...ladder(8, 90),
    ];
    const result = rate(input(communities));
    expect(byId(result, 'a')).toMatchObject({ rank: 1, grade: 'AAA', boundaryTie: null });
    expect(byId(result, 'b')).toMatchObject({ rank: 2, grade: 'AA', boundaryTie: null });
  });

  it('gives equal standings on a quota boundary both the lower grade', () => {
    const communities = [
      community('x', 95, { service: 55 }),
      community('y', 95, { service: 55 }),
      ...ladder(8, 90),
    ];
    const result = rate(input(communities));
    expect(gradesOf(result)).toEqual({
      x: 'AA',
      y: 'AA',
      c01: 'AA',
      c02: 'A',
      c03: 'A',
      c04: 'A',
      c05: 'A',
      c06: 'A',
      c07: null,
      c08: null,
    });
    expect(byId(result, 'x')).toMatchObject({
      rank: 1,
      boundaryTie: { missedGrade: 'AAA', tiedCount: 2 },
    });
    expect(byId(result, 'y').rank).toBe(1);
    expect(byId(result, 'c01').rank).toBe(3);
    expect(result.summary.quotas[0]).toEqual({ grade: 'AAA', share: 0.1, cap: 1, assigned: 0 });
  });

  it('leaves a tie on the last A place without a grade', () => {
    const communities = [
      ...ladder(8, 95),
      community('y', 80, { service: 50 }),
      community('x', 80, { service: 50 }),
    ];
    const result = rate(input(communities));
    // Caps 1 / 3 / 5: c01 AAA, c02–c04 AA, c05–c08 A (4 of 5), then x and y tie for the last place.
    expect(byId(result, 'c08').grade).toBe('A');
    for (const id of ['x', 'y']) {
      expect(byId(result, id)).toMatchObject({
        grade: null,
        noGrade: { reason: 'outside_quota' },
        boundaryTie: { missedGrade: 'A', tiedCount: 2 },
        rank: 9,
      });
    }
    expect(result.communities.slice(8).map((c) => c.id)).toEqual(['x', 'y']);
  });

  it('treats equal totals as a tie when the policy declares no tie-breakers', () => {
    const communities = [
      community('b', 95, { service: 55 }),
      community('a', 95, { service: 60 }),
      ...ladder(8, 90),
    ];
    const result = rate(input(communities, { tieBreakers: [] }));
    expect(byId(result, 'a')).toMatchObject({ rank: 1, grade: 'AA', tieBreakers: [] });
    expect(byId(result, 'b')).toMatchObject({ rank: 1, grade: 'AA' });
  });

  it('can break ties on an indicator named by the policy', () => {
    const communities = [
      community('b', 95, { service: 60 }),
      community('a', 95, { service: 55 }),
      ...ladder(8, 90),
    ];
    const result = rate(
      input(communities, { tieBreakers: [{ level: 'indicator', key: 'participation' }] }),
    );
    expect(byId(result, 'a')).toMatchObject({ rank: 1, grade: 'AAA', tieBreakers: [40] });
    expect(byId(result, 'b')).toMatchObject({ rank: 2, grade: 'AA', tieBreakers: [35] });
  });
});
