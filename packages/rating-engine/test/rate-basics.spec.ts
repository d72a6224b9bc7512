import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indicatorFormula, rate, withFormulas, type RatingInput } from '../src/index.js';
import { byId, community, input } from './support/builders.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

describe('rating a run', () => {
  it('rates an empty input to an empty result with zeroed figures', () => {
    const result = rate(input([]));
    expect(result.communities).toEqual([]);
    expect(result.summary).toMatchObject({
      communities: 0,
      rated: 0,
      quotas: [
        { grade: 'AAA', share: 0.1, cap: 0, assigned: 0 },
        { grade: 'AA', share: 0.3, cap: 0, assigned: 0 },
        { grade: 'A', share: 0.5, cap: 0, assigned: 0 },
      ],
      grades: { AAA: 0, AA: 0, A: 0, none: 0 },
      scores: { count: 0, min: null, max: null, mean: null, median: null },
    });
    expect(result.summary.scores.histogram.map((bin) => bin.count)).toEqual(Array(10).fill(0));
    expect(result.warnings).toEqual([]);
  });

  it('gives a single rated community no grade, because every rounded-down quota is 0', () => {
    const result = rate(input([community('only', 95)]));
    expect(result.communities[0]).toMatchObject({
      status: 'rated',
      total: 95,
      rank: 1,
      grade: null,
      noGrade: { reason: 'outside_quota' },
      boundaryTie: null,
      notice: false,
      recommended: false,
    });
    expect(result.summary.quotas.map((q) => q.cap)).toEqual([0, 0, 0]);
  });

  it('gives a single community AAA when quotas are rounded up', () => {
    const result = rate(input([community('only', 95)], { quotaRounding: 'ceil' }));
    expect(result.communities[0]).toMatchObject({ grade: 'AAA', recommended: true });
  });

  it('explains every indicator and adds up aspects, sections and the total exactly', () => {
    const result = rate(input([community('a', 74, { service: 54 })]));
    const a = byId(result, 'a');
    expect(a.total).toBe(74);
    expect(a.maxTotal).toBe(100);
    expect(a.tieBreakers).toEqual([54, 20]);
    expect(a.sections).toEqual([
      {
        key: 'service',
        points: 54,
        maxPoints: 60,
        aspects: [
          {
            key: 'service_aspect',
            points: 54,
            maxPoints: 60,
            indicators: [
              {
                key: 'satisfaction',
                points: 54,
                maxPoints: 60,
                status: 'scored',
                source: 'metric',
                metric: 'satisfaction_rate',
                value: 0.9,
                rule: { type: 'linear', zeroAt: 0, fullAt: 1 },
                outcome: 'interpolated',
                band: null,
                share: 0.9,
              },
            ],
          },
        ],
      },
      {
        key: 'governance',
        points: 20,
        maxPoints: 40,
        aspects: [
          {
            key: 'governance_aspect',
            points: 20,
            maxPoints: 40,
            indicators: [expect.objectContaining({ key: 'participation', points: 20, value: 0.5 })],
          },
        ],
      },
    ]);
  });

  it('stamps the engine, the year, the rating date, the framework and the resolved policy', () => {
    const result = rate(input([]));
    expect(result.engine).toEqual({ name: '@baitong/rating-engine', version: '0.1.0' });
    expect(result.year).toBe(2023);
    expect(result.ratingDate).toBe('2024-01-31');
    expect(result.framework).toEqual({
      id: 'steerable',
      version: '1',
      effectiveYear: 2020,
      sample: false,
      sections: 2,
      aspects: 2,
      indicators: 2,
      metricIndicators: 2,
      assessmentIndicators: 0,
      totalPoints: 100,
    });
    expect(result.policy.minimumScore).toBe(70);
  });

  it('reproduces the README example exactly (golden file)', () => {
    const result = rate(fixture('mini.input.json') as RatingInput);
    expect(result).toEqual(fixture('mini.expected.json'));
  });

  it('scores the README example as worked out by hand', () => {
    const result = rate(fixture('mini.input.json') as RatingInput);
    const outcomes = result.communities.map((c) => [
      c.id,
      c.total,
      c.rank,
      c.grade,
      c.noGrade?.reason ?? null,
    ]);
    expect(outcomes).toEqual([
      ['cuiyulu', 98.2, 1, 'AA', null],
      ['yinzhuyuan', 78.67, 2, 'A', null],
      ['helulu', 71.38, 3, 'A', null],
      ['kangmei', 66.33, 4, null, 'below_minimum'],
      ['renhe', 35.63, 5, null, 'below_minimum'],
      ['shuanglong', 94.95, null, null, 'disqualified'],
      ['xinyuan', 75.95, null, null, 'not_eligible'],
    ]);
    // 0.4 × 18 + 0.4 × 19 + 0.2 × 17 = 18.2 of 20
    const council = byId(result, 'cuiyulu').sections[1]?.aspects[0]?.indicators[1];
    expect(council).toEqual({
      key: 'council_rules',
      points: 18.2,
      maxPoints: 20,
      status: 'scored',
      source: 'assessment',
      scale: 20,
      weights: {
        district_inspection: 0.4,
        third_party_monitoring: 0.4,
        street_cross_inspection: 0.2,
      },
      scores: {
        district_inspection: { score: 18, evidence: ['minutes-2023-11'] },
        third_party_monitoring: { score: 19 },
        street_cross_inspection: { score: 17 },
      },
      missingAssessors: [],
      weightedScore: 18.2,
      outcome: 'weighted',
      share: 0.91,
    });
    expect(council && indicatorFormula(council)).toBe(
      '(0.4 x 18 + 0.4 x 19 + 0.2 x 17) / 1 = 18.2 of 20; 0.91 x 20.00 = 18.20',
    );
    // yinzhuyuan: satisfaction (0.98 − 0.94) / 0.055 × 40 = 29.09; repeat (0.05 − 0.004) / 0.049 × 20
    // = 18.78; participation band [0.7, 0.8) = 14; council 0.4 × 16 + 0.4 × 17 + 0.2 × 18 = 16.8.
    expect(
      byId(result, 'yinzhuyuan').sections.flatMap((s) =>
        s.aspects[0]?.indicators.map((i) => i.points),
      ),
    ).toEqual([29.09, 18.78, 14, 16.8]);
  });

  it('renders every computation as a formula on request', () => {
    const result = withFormulas(rate(input([community('a', 74, { service: 54 })])));
    const indicators = result.communities[0]?.sections.flatMap((s) => s.aspects[0]?.indicators);
    expect(indicators?.map((i) => (i as { formula?: string } | undefined)?.formula)).toEqual([
      '(0.9 - 0) / (1 - 0) = 0.9; 0.9 x 60.00 = 54.00',
      '(0.5 - 0) / (1 - 0) = 0.5; 0.5 x 40.00 = 20.00',
    ]);
  });

  it('produces plain JSON: a round trip changes nothing', () => {
    const result = rate(fixture('mini.input.json') as RatingInput);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
