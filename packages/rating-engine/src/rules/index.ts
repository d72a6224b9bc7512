import type { ScoringRule } from '../framework/types.js';
import { bandsRule } from './bands.js';
import { booleanRule } from './boolean.js';
import { linearRule } from './linear.js';
import { thresholdRule } from './threshold.js';
import type { RuleContext, RuleOutcome, ValueTarget } from './types.js';

export type { RuleOutcome, RuleOutcomeCode, ValueTarget } from './types.js';

export function validateRule(
  type: ScoringRule['type'],
  raw: Record<string, unknown>,
  context: RuleContext,
): ScoringRule | undefined {
  switch (type) {
    case 'linear':
      return linearRule.validate(raw, context);
    case 'bands':
      return bandsRule.validate(raw, context);
    case 'boolean':
      return booleanRule.validate(raw, context);
    case 'threshold':
      return thresholdRule.validate(raw, context);
  }
}

export function ruleBounds(rule: ScoringRule): number[] {
  switch (rule.type) {
    case 'linear':
      return linearRule.bounds(rule);
    case 'bands':
      return bandsRule.bounds(rule);
    case 'boolean':
      return booleanRule.bounds(rule);
    case 'threshold':
      return thresholdRule.bounds(rule);
  }
}

// Scores a metric value with a rule for an indicator worth `maxCents` hundredths of a point.
export function scoreRule(rule: ScoringRule, value: number, maxCents: number): RuleOutcome {
  switch (rule.type) {
    case 'linear':
      return linearRule.score(rule, value, maxCents);
    case 'bands':
      return bandsRule.score(rule, value, maxCents);
    case 'boolean':
      return booleanRule.score(rule, value, maxCents);
    case 'threshold':
      return thresholdRule.score(rule, value, maxCents);
  }
}

// The computation of a rule's outcome as a line of arithmetic.
export function ruleFormula(
  rule: ScoringRule,
  value: number,
  maxCents: number,
  outcome: RuleOutcome,
): string {
  switch (rule.type) {
    case 'linear':
      return linearRule.formula(rule, value, maxCents, outcome);
    case 'bands':
      return bandsRule.formula(rule, value, maxCents, outcome);
    case 'boolean':
      return booleanRule.formula(rule, value, maxCents, outcome);
    case 'threshold':
      return thresholdRule.formula(rule, value, maxCents, outcome);
  }
}

export function ruleLevelsAbove(
  rule: ScoringRule,
  maxCents: number,
  currentCents: number,
): number[] {
  switch (rule.type) {
    case 'linear':
      return linearRule.levelsAbove(rule, maxCents, currentCents);
    case 'bands':
      return bandsRule.levelsAbove(rule, maxCents, currentCents);
    case 'boolean':
      return booleanRule.levelsAbove(rule, maxCents, currentCents);
    case 'threshold':
      return thresholdRule.levelsAbove(rule, maxCents, currentCents);
  }
}

export function ruleTarget(
  rule: ScoringRule,
  maxCents: number,
  cents: number,
  current: number | null,
): ValueTarget {
  switch (rule.type) {
    case 'linear':
      return linearRule.targetFor(rule, maxCents, cents, current);
    case 'bands':
      return bandsRule.targetFor(rule, maxCents, cents, current);
    case 'boolean':
      return booleanRule.targetFor(rule, maxCents, cents, current);
    case 'threshold':
      return thresholdRule.targetFor(rule, maxCents, cents, current);
  }
}
