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
