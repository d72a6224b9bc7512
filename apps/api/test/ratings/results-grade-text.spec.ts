import type { RatingGradeDecision } from '@baitong/contracts';
import { type CommunityInput, rate } from '@baitong/rating-engine';
import { describe, expect, it } from 'vitest';
import { gradeDecisionText } from '../../src/ratings/results/grade-decision-text';
import { fixtureFramework } from './run-fixture';

// Communities scoring exactly `total`: satisfaction carries it (40 points), the rest full or empty.
const at = (id: string, total: number): CommunityInput => {
  const rest = Math.max(0, total - 40);
  const sat = Math.min(40, total) / 40;
  return {
    id,
    firstElectedOn: '2015-01-01',
    metrics: {
      satisfaction_rate: Number((0.9 + 0.1 * sat).toFixed(6)),
      repeat_handling_rate: Number((0.05 - 0.049 * Math.min(1, rest / 20)).toFixed(6)),
      participation_rate: Number((0.5 + 0.4 * Math.min(1, Math.max(0, rest - 20) / 20)).toFixed(6)),
    },
    assessments: {
      council_rules: Object.fromEntries(
        ['district_inspection', 'third_party_monitoring', 'street_cross_inspection'].map((k) => [
          k,
          { score: Math.min(20, Math.max(0, rest - 40)) },
        ]),
      ),
    },
  };
};
const decisions = (communities: CommunityInput[]) => {
  const result = rate({
    year: 2025,
    ratingDate: '2026-01-31',
    framework: fixtureFramework(),
    communities,
  });
  return new Map(
    result.communities.map((c) => [c.id, { d: c.gradeDecision as RatingGradeDecision, c }]),
  );
};
const ladder = (n: number, top = 99, prefix = 'c') =>
  Array.from({ length: n }, (_, i) => at(`${prefix}${String(i + 1).padStart(2, '0')}`, top - i));

describe('the grade decision in words', () => {
  it('within quota: rank of rated, the higher grades filled by their ranks, so the grade', () => {
    // 42 rated: 4 AAA, 12 AA, 21 A.
    const d = decisions(ladder(42)).get('c17')!.d;
    expect(d.reason).toBe('within_quota');
    expect(gradeDecisionText(d)).toEqual({
      zh: '第 17 名（共 42 个参评社区）；AAA 的 4 个名额已由第 1–4 名占满，AA 的 12 个名额已由第 5–16 名占满，在 A 的 21 个名额之内，故为 A',
      en: "Rank 17 of 42 rated; AAA's 4 places were filled by ranks 1–4; AA's 12 places were filled by ranks 5–16, so A (within its 21 places).",
    });
    const top = decisions(ladder(42)).get('c01')!.d;
    expect(gradeDecisionText(top).zh).toBe(
      '第 1 名（共 42 个参评社区）；在 AAA 的 4 个名额之内，评为 AAA',
    );
  });

  it('boundary tie: the places left in the missed grade and the size of the tie', () => {
    // 10 rated, caps 1 / 3 / 5: c01 AAA, c02 AA, then p, q, r tie for AA's last 2 places.
    const tie = decisions([
      at('c01', 99),
      at('c02', 98),
      at('p', 97),
      at('q', 97),
      at('r', 97),
      ...ladder(5, 90, 'l'),
    ]);
    const p = tie.get('p')!.d;
    expect(p).toMatchObject({
      reason: 'boundary_tie',
      missedGrade: 'AA',
      grade: 'A',
      tiedCount: 3,
    });
    expect(gradeDecisionText(p)).toEqual({
      zh: '第 3 名（共 10 个参评社区），与另 2 个社区并列；AA 剩余 2 个名额，容不下并列的 3 个社区，整组评为 A',
      en: 'Rank 3 of 10 rated, tied with 2 others; AA had 2 places left for a tie of 3, so all of them take A.',
    });
  });

  it('quota full: every grade filled, no grade', () => {
    const d = decisions(ladder(10)).get('c10')!.d;
    expect(d.reason).toBe('quota_full');
    expect(gradeDecisionText(d).zh).toBe(
      '第 10 名（共 10 个参评社区）；AAA 的 1 个名额已由第 1 名占满，AA 的 3 个名额已由第 2–4 名占满，A 的 5 个名额已由第 5–9 名占满，名额已满，不评等级',
    );
    expect(gradeDecisionText(d).en).toContain('every place was taken, so no grade');
  });

  it('below the minimum: no grade and a public notice', () => {
    const d = decisions([...ladder(5), at('low', 62)]).get('low')!.d;
    expect(d.reason).toBe('below_minimum');
    expect(gradeDecisionText(d)).toEqual({
      zh: '第 6 名（共 6 个参评社区）；总分低于 70 分，不评等级，予以通报批评',
      en: 'Rank 6 of 6 rated; the total is below 70 points: no grade, and a public notice.',
    });
  });

  it('not rated: the reason from the engine', () => {
    const all = decisions([...ladder(3), { ...at('new', 95), firstElectedOn: '2025-09-01' }]);
    const n = all.get('new')!;
    expect(gradeDecisionText(n.d, n.c.noGrade as Record<string, unknown>).zh).toBe(
      '首次选举未满规定年限，本年度不参评（2026-09-01 起可参评）',
    );
  });
});
