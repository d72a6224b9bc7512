import { describe, expect, it } from 'vitest';
import { rate } from '../src/index.js';
import { byId, community, input, ladder } from './support/builders.js';

describe('minimum score', () => {
  it('gives no grade and a public notice to a top-band community below 70 points', () => {
    const result = rate(input(ladder(10, 69)));
    expect(byId(result, 'c01')).toMatchObject({
      rank: 1,
      total: 69,
      grade: null,
      noGrade: { reason: 'below_minimum', minimumScore: 70 },
      notice: true,
      recommended: false,
    });
    expect(result.summary.notices).toBe(10);
    expect(result.summary.grades.AAA).toBe(0);
  });

  it('grades exactly 70 points and notices 69.99', () => {
    const communities = [...ladder(8, 99), community('at', 70), community('under', 69.99)];
    const result = rate(input(communities));
    expect(byId(result, 'at')).toMatchObject({ grade: 'A', notice: false });
    expect(byId(result, 'under')).toMatchObject({
      grade: null,
      notice: true,
      noGrade: { reason: 'below_minimum' },
    });
  });

  it('keeps quota places unused rather than grading communities below the minimum', () => {
    const communities = [
      ...ladder(3, 90),
      ...ladder(7, 60).map((c) => ({ ...c, id: `low-${c.id}` })),
    ];
    const result = rate(input(communities));
    expect(result.summary.quotas.map((q) => [q.cap, q.assigned])).toEqual([
      [1, 1],
      [3, 2],
      [5, 0],
    ]);
    expect(result.summary.notices).toBe(7);
  });

  it('applies an overridden minimum score', () => {
    const result = rate(input(ladder(10, 69), { minimumScore: 60 }));
    expect(byId(result, 'c01')).toMatchObject({ grade: 'AAA', notice: false });
  });

  it('notices only rated communities', () => {
    const communities = [
      ...ladder(9, 95),
      community('young', 40, { firstElectedOn: '2023-12-01' }),
      community('banned', 40, { disqualification: { reason: 'major incident' } }),
    ];
    const result = rate(input(communities));
    expect(byId(result, 'young').notice).toBe(false);
    expect(byId(result, 'banned').notice).toBe(false);
  });
});
