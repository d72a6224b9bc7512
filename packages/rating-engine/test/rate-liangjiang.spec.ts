import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rate, sampleFramework2022 } from '../src/index.js';
import { liangjiangInput, project } from './support/liangjiang.js';

const expected: unknown = JSON.parse(
  readFileSync(new URL('./fixtures/liangjiang-55.expected.json', import.meta.url), 'utf8'),
);

function liangjiang() {
  return { ...liangjiangInput(), framework: sampleFramework2022 };
}

describe('55 communities on the 2022 sample framework', () => {
  it('matches the golden outcome', () => {
    expect(project(rate(liangjiang()))).toEqual(expected);
  });

  it('fills 5 AAA and 16 AA places; A stops at the 70-point line', () => {
    const { summary } = rate(liangjiang());
    expect(summary.quotas).toEqual([
      { grade: 'AAA', share: 0.1, cap: 5, assigned: 5 },
      { grade: 'AA', share: 0.3, cap: 16, assigned: 16 },
      { grade: 'A', share: 0.5, cap: 27, assigned: 26 },
    ]);
    expect(summary.grades).toEqual({ AAA: 5, AA: 16, A: 26, none: 8 });
    expect(summary.notices).toBe(8);
    expect(summary.recommended).toBe(21);
  });

  it('shrinks the quotas when the top scorer is disqualified and a community is too young', () => {
    const value = liangjiang();
    const [first, second] = rate(value).communities;
    value.communities = value.communities.map((c) =>
      c.id === first?.id
        ? { ...c, disqualification: { reason: 'major incident' } }
        : c.id === second?.id
          ? { ...c, firstElectedOn: '2023-09-01' }
          : c,
    );
    const result = rate(value);
    expect(result.summary.rated).toBe(53);
    expect(result.summary.quotas.map((q) => q.cap)).toEqual([5, 15, 26]);
    expect(result.communities[0]?.rank).toBe(1);
    expect(result.communities[0]?.grade).toBe('AAA');
  });
});
