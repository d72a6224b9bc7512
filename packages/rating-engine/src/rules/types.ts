import type { ScoringRule } from '../framework/types.js';
import type { IssueList } from '../validation.js';

/** What a rule decided, as a code the UI translates. */
export type RuleOutcomeCode =
  'interpolated' | 'full' | 'zero' | 'band' | 'no_band' | 'met' | 'not_met';

export interface RuleOutcome {
  cents: number;
  // The unrounded share 0..1 of the indicator's points.
  share: number;
  outcome: RuleOutcomeCode;
  // For `bands`: the index of the matching band, else null.
  band: number | null;
}

/**
 * The metric values that earn a given number of points: `min` (inclusive) up to `max`
 * (exclusive when `maxExclusive`); a null bound is open.
 */
export interface ValueTarget {
  min: number | null;
  max: number | null;
  maxExclusive: boolean;
}

export interface RuleContext {
  path: string;
  issues: IssueList;
  maxCents: number;
}

// One scoring rule: how it is validated, how it scores, and what a what-if may ask of it.
export interface RuleDefinition<R extends ScoringRule> {
  readonly type: R['type'];
  validate(raw: Record<string, unknown>, context: RuleContext): R | undefined;
  // The numbers of the rule that are metric values (to check them against the metric's unit).
  bounds(rule: R): number[];
  score(rule: R, value: number, maxCents: number): RuleOutcome;
  // The computation as a line of arithmetic, e.g. `(0.795 - 0.61) / (0.98 - 0.61) = 0.5; …`.
  formula(rule: R, value: number, maxCents: number, outcome: RuleOutcome): string;
  // The point levels (cents) above `currentCents` the rule can award, lowest first.
  levelsAbove(rule: R, maxCents: number, currentCents: number): number[];
  // The values that earn at least `cents` points, nearest to `current` where there is a choice.
  targetFor(rule: R, maxCents: number, cents: number, current: number | null): ValueTarget;
}
