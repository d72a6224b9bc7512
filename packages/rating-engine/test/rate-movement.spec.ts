import { describe, expect, it } from 'vitest';
import { rate, type PreviousGrade } from '../src/index.js';
import { byId, input, ladder } from './support/builders.js';

/** Ten communities graded AAA, AA×3, A×5, none, with last year's grades as given. */
function withPrevious(previous: Array<PreviousGrade | null | undefined>) {
  return ladder(10).map((c, i) => {
    const grade = previous[i];
    return grade === undefined ? c : { ...c, previousGrade: grade };
  });
}

describe('movement and recommendation', () => {
  it('compares this year with last year: upgrade, keep, downgrade, new', () => {
    const communities = withPrevious([
      'AA',
      'AA',
      'AAA',
      undefined,
      'none',
      'A',
      null,
      'AA',
      'A',
      'A',
    ]);
    const result = rate(input(communities));
    expect(result.communities.map((c) => [c.id, c.previousGrade, c.grade, c.movement])).toEqual([
      ['c01', 'AA', 'AAA', 'upgrade'],
      ['c02', 'AA', 'AA', 'keep'],
      ['c03', 'AAA', 'AA', 'downgrade'],
      ['c04', null, 'AA', 'new'],
      ['c05', 'none', 'A', 'upgrade'],
      ['c06', 'A', 'A', 'keep'],
      ['c07', null, 'A', 'new'],
      ['c08', 'AA', 'A', 'downgrade'],
      ['c09', 'A', 'A', 'keep'],
      ['c10', 'A', null, 'downgrade'],
    ]);
    expect(result.summary.movement).toEqual({ upgrade: 2, keep: 3, downgrade: 3, new: 2 });
  });

  it('has no movement for a community ungraded now and not rated last year, and keeps "none"', () => {
    const result = rate(input(withPrevious([...Array<undefined>(9), 'none'])));
    expect(byId(result, 'c10').movement).toBe('keep');
    expect(rate(input(ladder(10))).communities[9]?.movement).toBeNull();
  });

  it('recommends AA and above by default, or from the grade the policy names', () => {
    const recommended = (policy?: { recommendFrom: 'A' | null }) =>
      rate(input(ladder(10), policy)).communities.filter((c) => c.recommended).length;
    expect(recommended()).toBe(4);
    expect(recommended({ recommendFrom: 'A' })).toBe(9);
    expect(recommended({ recommendFrom: null })).toBe(0);
  });
});
