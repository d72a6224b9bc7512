/**
 * The demo follow-ups: one per resolution of a case that needs one, told by the case's own events,
 * with satisfaction near the report's figures (94% rising to 99.5%, a few communities clearly worse).
 */
import { SATISFIED_LEVELS } from '@baitong/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type DemoCase,
  generateCaseHistory,
  weakFollowUpCommunities,
} from '../../src/demo/case-history';
import { DEMO_CATEGORIES } from '../../src/demo/categories';
import { generateDemoOrg } from '../../src/demo/demo-org';
import { type DemoFollowUp, generateFollowUpHistory } from '../../src/demo/follow-up-history';

const REF = '2026-11-27';
const org = generateDemoOrg({ referenceDate: REF });
const required = new Set(DEMO_CATEGORIES.filter((c) => c.followUpRequired).map((c) => c.code));

/** Satisfied ÷ rated of the results, leaving out ratings an upheld appeal excluded. */
function satisfaction(list: readonly DemoFollowUp[]): number {
  let rated = 0;
  let satisfied = 0;
  for (const f of list) {
    f.attempts.forEach((a, i) => {
      if (!a.satisfaction) return;
      if (f.appeal?.attempt === i && f.appeal.status === 'upheld') return;
      rated++;
      if (SATISFIED_LEVELS.includes(a.satisfaction)) satisfied++;
    });
  }
  return satisfied / rated;
}

describe('demo follow-ups', () => {
  let cases: DemoCase[];
  let followUps: DemoFollowUp[];
  let byCase: Map<string, DemoFollowUp[]>;
  beforeAll(() => {
    cases = generateCaseHistory({ org, referenceDate: REF });
    followUps = generateFollowUpHistory({ org, cases, referenceDate: REF });
    byCase = new Map();
    for (const f of followUps) byCase.set(f.caseKey, [...(byCase.get(f.caseKey) ?? []), f]);
  });

  it('is deterministic', () => {
    const again = generateFollowUpHistory({ org, cases, referenceDate: REF });
    expect(again).toEqual(followUps);
  });

  it('follows up every resolution of a case that needs it, and nothing else', () => {
    let resolutions = 0;
    for (const c of cases) {
      const resolves = c.events.filter(
        (e) => e.type === 'transition' && e.data['action'] === 'resolve',
      ).length;
      const own = byCase.get(c.key) ?? [];
      if (!required.has(c.categoryCode)) {
        expect(own).toEqual([]);
        continue;
      }
      resolutions += resolves;
      expect(own.map((f) => f.round)).toEqual(Array.from({ length: resolves }, (_, i) => i + 1));
      // At most one follow-up is open, and only on a case still resolved.
      const open = own.filter((f) => f.status === 'open');
      expect(open.length).toBe(c.status === 'resolved' ? 1 : 0);
    }
    expect(followUps.length).toBe(resolutions);
    expect(followUps.length).toBeGreaterThan(5000);
  });

  it('agrees with the event its result caused, and keeps every attempt inside the follow-up', () => {
    const caseOf = new Map(cases.map((c) => [c.key, c]));
    for (const f of followUps) {
      const c = caseOf.get(f.caseKey)!;
      const start = Date.parse(f.resolvedAt);
      let last = start;
      for (const a of f.attempts) {
        const at = Date.parse(a.at);
        expect(at).toBeGreaterThan(last);
        last = at;
        expect(a.outcome === 'reached').toBe(a.satisfaction !== null && a.solved !== null);
        if (a.byResident) expect(a.method).toBe('app');
      }
      if (f.status === 'open') {
        expect(f.eventIndex).toBeNull();
        expect(f.attempts.every((a) => a.outcome === 'unreachable')).toBe(true);
        continue;
      }
      const e = c.events[f.eventIndex!]!;
      expect(e.actorKind).toBe('system');
      expect(Date.parse(e.at)).toBeGreaterThan(last);
      const result = f.attempts.at(-1)!;
      const unsolved =
        result.solved === 'no' ||
        result.satisfaction === 'dissatisfied' ||
        result.satisfaction === 'very_dissatisfied';
      expect(e.data['action']).toBe(f.verdict);
      expect(f.verdict === 'reopen').toBe(result.outcome === 'reached' && unsolved);
      expect(e.data['noteCode']).toBe(e.data['reason']);
      if (f.status === 'unreachable') {
        expect(f.attempts.map((a) => a.outcome)).toEqual([
          'unreachable',
          'unreachable',
          'unreachable',
        ]);
      }
      if (f.appeal) {
        expect(f.appeal.attempt).toBe(f.attempts.length - 1);
        expect(['dissatisfied', 'very_dissatisfied']).toContain(result.satisfaction);
        expect(Date.parse(f.appeal.at)).toBeGreaterThan(Date.parse(result.at));
      }
    }
  });

  it('has retries, unreachable and declined residents, app ratings and a few appeals', () => {
    const count = (p: (f: DemoFollowUp) => boolean) => followUps.filter(p).length;
    const n = followUps.length;
    expect(count((f) => f.attempts.some((a) => a.outcome === 'unreachable'))).toBeGreaterThan(
      n * 0.05,
    );
    expect(count((f) => f.status === 'unreachable')).toBeGreaterThan(n * 0.005);
    expect(count((f) => f.attempts.some((a) => a.outcome === 'declined'))).toBeGreaterThan(0);
    expect(count((f) => f.attempts.some((a) => a.method === 'app'))).toBeGreaterThan(n * 0.05);
    const appeals = followUps.flatMap((f) => (f.appeal ? [f.appeal] : []));
    expect(appeals.length).toBeGreaterThan(5);
    expect(appeals.length).toBeLessThan(n * 0.01);
    for (const s of ['upheld', 'rejected'] as const) {
      expect(appeals.some((a) => a.status === s)).toBe(true);
    }
  });

  it('is about 99% satisfied, rising over the year, with a few communities clearly worse', () => {
    const overall = satisfaction(followUps);
    expect(overall).toBeGreaterThan(0.985);
    expect(overall).toBeLessThan(0.996);
    const half = Date.parse('2026-05-27T00:00:00+08:00');
    const early = satisfaction(followUps.filter((f) => Date.parse(f.resolvedAt) < half));
    const late = satisfaction(followUps.filter((f) => Date.parse(f.resolvedAt) >= half));
    expect(late).toBeGreaterThan(early);
    const weak = weakFollowUpCommunities(org);
    expect(weak.size).toBe(3);
    const community = new Map(cases.map((c) => [c.key, c.communityKey]));
    for (const key of weak) {
      const own = followUps.filter((f) => community.get(f.caseKey) === key);
      expect(satisfaction(own)).toBeLessThan(overall - 0.01);
    }
    const reopened = followUps.filter((f) => f.verdict === 'reopen').length;
    expect(reopened).toBeGreaterThan(50);
  });
});
