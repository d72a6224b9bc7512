import { describe, expect, it } from 'vitest';
import { rate } from '../src/index.js';
import { gradesOf, input, ladder } from './support/builders.js';

describe('quotas', () => {
  it('grades 10 communities 1 AAA, 3 AA, 5 A and leaves the last without a grade', () => {
    const result = rate(input(ladder(10)));
    expect(gradesOf(result)).toEqual({
      c01: 'AAA',
      c02: 'AA',
      c03: 'AA',
      c04: 'AA',
      c05: 'A',
      c06: 'A',
      c07: 'A',
      c08: 'A',
      c09: 'A',
      c10: null,
    });
    expect(result.communities[9]?.noGrade).toEqual({ reason: 'outside_quota' });
    expect(result.summary.quotas.map((q) => [q.cap, q.assigned])).toEqual([
      [1, 1],
      [3, 3],
      [5, 5],
    ]);
  });

  it('grades the 55 communities of Liangjiang 5 AAA, 16 AA, 27 A, 7 without a grade', () => {
    const result = rate(input(ladder(55, 99, 0.5)));
    expect(result.summary.grades).toEqual({ AAA: 5, AA: 16, A: 27, none: 7 });
    expect(result.summary.recommended).toBe(21);
    expect(result.communities.map((c) => c.rank)).toEqual(
      Array.from({ length: 55 }, (_, i) => i + 1),
    );
    expect(result.communities.slice(4, 6).map((c) => [c.id, c.total, c.grade])).toEqual([
      ['c05', 97, 'AAA'],
      ['c06', 96.5, 'AA'],
    ]);
    expect(result.communities.slice(47, 49).map((c) => [c.id, c.total, c.grade])).toEqual([
      ['c48', 75.5, 'A'],
      ['c49', 75, null],
    ]);
  });

  it('rounds every quota down on small counts', () => {
    const gradesFor = (count: number): Array<string | null> =>
      rate(input(ladder(count))).communities.map((c) => c.grade);
    expect(gradesFor(1)).toEqual([null]);
    expect(gradesFor(2)).toEqual(['A', null]);
    expect(gradesFor(3)).toEqual(['A', null, null]);
    expect(gradesFor(4)).toEqual(['AA', 'A', 'A', null]);
    expect(gradesFor(7)).toEqual(['AA', 'AA', 'A', 'A', 'A', null, null]);
  });

  it('applies overridden quotas', () => {
    const result = rate(input(ladder(10), { quotas: { AAA: 0.2, AA: 0.2, A: 0.2 } }));
    expect(result.communities.map((c) => c.grade)).toEqual([
      'AAA',
      'AAA',
      'AA',
      'AA',
      'A',
      'A',
      null,
      null,
      null,
      null,
    ]);
  });
});
