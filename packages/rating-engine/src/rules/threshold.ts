import type { ThresholdRule } from '../framework/types.js';
import { formatCents } from '../points.js';
import { checkFields, childPath, readNumber } from '../validation.js';
import type { RuleDefinition } from './types.js';

function conditions(rule: ThresholdRule, value: number): string {
  const parts: string[] = [];
  if (rule.atLeast !== undefined) parts.push(`${value} >= ${rule.atLeast}`);
  if (rule.atMost !== undefined) parts.push(`${value} <= ${rule.atMost}`);
  return parts.join(' and ');
}

// Full points when the value is at least `atLeast` and/or at most `atMost`, otherwise none.
export const thresholdRule: RuleDefinition<ThresholdRule> = {
  type: 'threshold',
  validate(raw, { path, issues }) {
    const before = issues.items.length;
    checkFields(raw, ['type', 'atLeast', 'atMost'], path, issues);
    const atLeast = readNumber(raw, 'atLeast', path, issues, { optional: true });
    const atMost = readNumber(raw, 'atMost', path, issues, { optional: true });
    if (raw.atLeast === undefined && raw.atMost === undefined) {
      issues.add(path, 'required', 'a threshold needs atLeast, atMost or both');
    }
    if (atLeast !== undefined && atMost !== undefined && atLeast > atMost) {
      issues.add(
        childPath(path, 'atMost'),
        'range',
        `must be at least atLeast (${atLeast}), got ${atMost}`,
      );
    }
    if (issues.items.length > before) return undefined;
    const rule: ThresholdRule = { type: 'threshold' };
    if (atLeast !== undefined) rule.atLeast = atLeast;
    if (atMost !== undefined) rule.atMost = atMost;
    return rule;
  },
  bounds: (rule) => [rule.atLeast, rule.atMost].filter((b) => b !== undefined),
  score(rule, value, maxCents) {
    const met =
      (rule.atLeast === undefined || value >= rule.atLeast) &&
      (rule.atMost === undefined || value <= rule.atMost);
    return {
      cents: met ? maxCents : 0,
      share: met ? 1 : 0,
      outcome: met ? 'met' : 'not_met',
      band: null,
    };
  },
  formula(rule, value, _maxCents, outcome) {
    const met = outcome.outcome === 'met';
    return `${conditions(rule, value)}: ${met ? 'met' : 'not met'}; ${formatCents(outcome.cents)}`;
  },
  levelsAbove: (_rule, maxCents, currentCents) => (currentCents < maxCents ? [maxCents] : []),
  targetFor: (rule) => ({
    min: rule.atLeast ?? null,
    max: rule.atMost ?? null,
    maxExclusive: false,
  }),
};
