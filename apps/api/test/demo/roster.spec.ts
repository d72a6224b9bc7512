import { describe, expect, it } from 'vitest';
import { generateDemoOrg } from '../../src/demo/demo-org';
import { ROSTER_FROM_YEAR, type RosterWorker, generateRoster } from '../../src/demo/roster';
import { expectBriefWorkforce } from './brief-workforce';

// The demo roster against BRIEF's before/after table, computed here by docs/WORKFORCE.md's rules
// (headcount on a day, leavers over the average of the headcounts at the period's ends, the other
// figures over the headcount at the period's end with the facts as of that day).

const REFERENCE = '2026-12-07';
const org = generateDemoOrg({ referenceDate: REFERENCE });
const roster = generateRoster(org, REFERENCE);

const onRoll = (w: RosterWorker, day: string) =>
  w.hiredOn <= day && (w.leftOn === null || w.leftOn > day);
const factsOn = (w: RosterWorker, day: string) =>
  [...w.revisions].reverse().find((r) => r.effectiveOn <= day)!;
const age = (w: RosterWorker, day: string) => {
  const [by, bm, bd] = w.birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

function figures(workers: RosterWorker[], from: string, to: string) {
  const atStart = workers.filter((w) => onRoll(w, from)).length;
  const atEnd = workers.filter((w) => onRoll(w, to));
  const leavers = workers.filter((w) => w.leftOn !== null && w.leftOn >= from && w.leftOn <= to);
  const n = atEnd.length;
  return {
    headcount: n,
    attrition: leavers.length / ((atStart + n) / 2),
    pay: atEnd.reduce((s, w) => s + factsOn(w, to).pay, 0) / n,
    certified: atEnd.filter((w) => factsOn(w, to).certified).length / n,
    bachelor: atEnd.filter((w) => factsOn(w, to).education !== 'below_bachelor').length / n,
    age: atEnd.reduce((s, w) => s + age(w, to), 0) / n,
  };
}

describe('demo roster', () => {
  it('reproduces BRIEF from 2018 to the last full year, district-wide', () => {
    const before = figures(roster, `${ROSTER_FROM_YEAR}-01-01`, `${ROSTER_FROM_YEAR}-12-31`);
    const after = figures(roster, '2025-01-01', '2025-12-31');
    expectBriefWorkforce(before, after);
    // 55 communities of 12 to 25 workers now.
    expect(after.headcount).toBeGreaterThan(55 * 12);
    expect(after.headcount).toBeLessThan(55 * 25);
  });

  it('gives every certified worker a level, mostly assistant, and some a later promotion', () => {
    const end = '2025-12-31';
    const onRollAtEnd = roster.filter((w) => onRoll(w, end));
    const levels = new Map<string, number>();
    for (const w of onRollAtEnd) {
      const f = factsOn(w, end);
      if (f.certified) expect(f.certificateLevel, w.workerNumber).not.toBeNull();
      else expect(f.certificateLevel, w.workerNumber).toBeNull();
      if (f.certificateLevel)
        levels.set(f.certificateLevel, (levels.get(f.certificateLevel) ?? 0) + 1);
    }
    // No revision of anyone, any year, holds a level without the certificate.
    for (const w of roster)
      for (const r of w.revisions) expect(r.certificateLevel === null || r.certified).toBe(true);
    const certified = [...levels.values()].reduce((a, b) => a + b, 0);
    expect(levels.get('assistant')! / certified).toBeGreaterThan(0.5);
    expect(levels.get('intermediate')).toBeGreaterThan(0);
    expect(levels.get('senior')).toBeGreaterThan(0);
    expect(levels.get('senior')!).toBeLessThan(levels.get('intermediate')!);
    const rank = { assistant: 0, intermediate: 1, senior: 2 } as const;
    const promoted = roster.filter((w) =>
      w.revisions.some(
        (r, i) =>
          i > 0 &&
          r.certificateLevel !== null &&
          w.revisions[i - 1]!.certificateLevel !== null &&
          rank[r.certificateLevel] > rank[w.revisions[i - 1]!.certificateLevel!],
      ),
    );
    expect(promoted.length).toBeGreaterThan(10);
  });

  it('differs between communities, keeps each history in date order and never leaves before hiring', () => {
    const byCommunity = new Map<string, RosterWorker[]>();
    for (const w of roster)
      byCommunity.set(w.communityKey, [...(byCommunity.get(w.communityKey) ?? []), w]);
    expect(byCommunity.size).toBe(55);
    const pays = [...byCommunity.values()].map((ws) => figures(ws, '2025-01-01', '2025-12-31').pay);
    expect(Math.max(...pays) - Math.min(...pays)).toBeGreaterThan(300);
    for (const w of roster) {
      expect(w.leftOn === null || w.leftOn > w.hiredOn).toBe(true);
      expect(w.revisions[0]!.effectiveOn).toBe(w.hiredOn);
      const days = w.revisions.map((r) => r.effectiveOn);
      expect(days).toEqual([...days].sort());
      expect(new Set(days).size).toBe(days.length);
    }
    expect(new Set(roster.map((w) => `${w.communityKey}/${w.workerNumber}`)).size).toBe(
      roster.length,
    );
  });
});
