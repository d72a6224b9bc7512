import { describe, expect, it } from 'vitest';
import { rate } from '../src/index.js';
import { byId, community, input, ladder } from './support/builders.js';

// Every community result carries the quota state that decided its grade.
describe('gradeDecision', () => {
  it('explains a grade taken within its quota, with the higher grades filled by their ranks', () => {
    // 42 rated: caps floor(4.2) = 4 AAA, floor(12.6) = 12 AA, floor(21) = 21 A.
    const result = rate(input(ladder(42, 99, 0.5)));
    const c16 = byId(result, 'c16');
    expect(c16.grade).toBe('AA');
    const c17 = byId(result, 'c17');
    expect(c17.grade).toBe('A');
    expect(c17.gradeDecision).toEqual({
      rank: 17,
      rated: 42,
      tiedCount: 1,
      grade: 'A',
      reason: 'within_quota',
      missedGrade: null,
      minimumScore: 70,
      quotas: [
        { grade: 'AAA', cap: 4, filledRanks: { from: 1, to: 4 }, assigned: 4 },
        { grade: 'AA', cap: 12, filledRanks: { from: 5, to: 16 }, assigned: 12 },
        { grade: 'A', cap: 21, filledRanks: { from: 17, to: 37 }, assigned: 21 },
      ],
    });
    // One quota object per run, shared by every community.
    expect(byId(result, 'c01').gradeDecision.quotas).toBe(c17.gradeDecision.quotas);
    expect(result.summary.quotas.map((q) => q.assigned)).toEqual(
      c17.gradeDecision.quotas.map((q) => q.assigned),
    );
  });

  it('says quota_full when every place is taken and the total is above the minimum', () => {
    const result = rate(input(ladder(10)));
    expect(byId(result, 'c10').gradeDecision).toMatchObject({
      rank: 10,
      rated: 10,
      grade: null,
      reason: 'quota_full',
      missedGrade: null,
    });
  });

  it('says boundary_tie with the missed grade and the size of the tie group', () => {
    // Caps 1 / 3 / 5 on 10 rated: c01 AAA, c02–c04 AA, c05–c08 A, then x and y tie for A's last place.
    const last = rate(
      input(
        [...ladder(8), community('x', 20, { service: 10 }), community('y', 20, { service: 10 })],
        {
          minimumScore: 0,
        },
      ),
    );
    expect(byId(last, 'x').gradeDecision).toMatchObject({
      rank: 9,
      tiedCount: 2,
      grade: null,
      reason: 'boundary_tie',
      missedGrade: 'A',
    });
    expect(byId(last, 'x').gradeDecision.quotas[2]).toEqual({
      grade: 'A',
      cap: 5,
      filledRanks: { from: 5, to: 8 },
      assigned: 4,
    });
  });

  it('says boundary_tie when a tie straddling the AAA place takes AA', () => {
    const communities = [
      community('p', 95, { service: 55 }),
      community('q', 95, { service: 55 }),
      ...ladder(8, 90),
    ];
    const result = rate(input(communities));
    expect(byId(result, 'p').gradeDecision).toMatchObject({
      rank: 1,
      tiedCount: 2,
      grade: 'AA',
      reason: 'boundary_tie',
      missedGrade: 'AAA',
    });
    expect(byId(result, 'p').gradeDecision.quotas[0]).toMatchObject({
      grade: 'AAA',
      cap: 1,
      filledRanks: null,
      assigned: 0,
    });
  });

  it('says below_minimum with the minimum score', () => {
    const result = rate(input([...ladder(5), community('low', 60, { service: 40 })]));
    expect(byId(result, 'low').gradeDecision).toMatchObject({
      rank: 6,
      rated: 6,
      grade: null,
      reason: 'below_minimum',
      minimumScore: 70,
    });
  });

  it('says not_rated for a community outside the quota base', () => {
    const result = rate(
      input([...ladder(5), community('new', 95, { firstElectedOn: '2023-09-01' })]),
    );
    expect(byId(result, 'new').gradeDecision).toMatchObject({
      rank: null,
      rated: 5,
      tiedCount: 1,
      grade: null,
      reason: 'not_rated',
    });
  });
});
