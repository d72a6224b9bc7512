import type { LinearRule } from '../framework/types.js';
import { centsForShare, formatCents, formatNumber } from '../points.js';
import { checkFields, childPath, readNumber } from '../validation.js';
import type { RuleDefinition, RuleOutcome, ValueTarget } from './types.js';

function score(rule: LinearRule, value: number, maxCents: number): RuleOutcome {
  const raw = (value - rule.zeroAt) / (rule.fullAt - rule.zeroAt);
  const share = raw <= 0 ? 0 : raw >= 1 ? 1 : raw;
  return {
    cents: centsForShare(share, maxCents),
    share,
    outcome: raw >= 1 ? 'full' : raw <= 0 ? 'zero' : 'interpolated',
    band: null,
  };
}

function formula(rule: LinearRule, value: number, maxCents: number, outcome: RuleOutcome): string {
  const raw = (value - rule.zeroAt) / (rule.fullAt - rule.zeroAt);
  const clamp = raw > 1 ? ' (capped at 1)' : raw < 0 ? ' (floored at 0)' : '';
  return (
    `(${value} - ${rule.zeroAt}) / (${rule.fullAt} - ${rule.zeroAt}) = ${formatNumber(raw)}` +
    `${clamp}; ${formatNumber(outcome.share)} x ${formatCents(maxCents)} = ${formatCents(outcome.cents)}`
  );
}

// Enough decimals to tell apart a ten-thousandth of the rule's range, so a what-if answer reads
// "at least 4013.4 yuan" or "at least 0.97432", not a 17-digit float.
function decimalsFor(span: number): number {
  const decimals = Math.ceil(-Math.log10(Math.abs(span) / 10000));
  return Math.min(10, Math.max(0, decimals));
}

function snap(value: number, decimals: number, direction: 'up' | 'down'): number {
  const scaled = Number((value * 10 ** decimals).toFixed(6));
  const whole = direction === 'up' ? Math.ceil(scaled) : Math.floor(scaled);
  return Number((whole / 10 ** decimals).toFixed(decimals));
}

function targetFor(rule: LinearRule, maxCents: number, cents: number): ValueTarget {
  const span = rule.fullAt - rule.zeroAt;
  const up = span > 0;
  const decimals = decimalsFor(span);
  const step = (up ? 1 : -1) * 10 ** -decimals;
  const earns = (v: number): boolean => score(rule, v, maxCents).cents >= cents;
  const share = Math.max(0, (cents - 0.5) / maxCents);
  let value = snap(rule.zeroAt + share * span, decimals, up ? 'up' : 'down');
  for (let i = 0; i < 1000 && !earns(value); i++) value = Number((value + step).toFixed(decimals));
  for (let i = 0; i < 1000 && earns(Number((value - step).toFixed(decimals))); i++) {
    value = Number((value - step).toFixed(decimals));
  }
  return up
    ? { min: value, max: null, maxExclusive: false }
    : { min: null, max: value, maxExclusive: false };
}

// Linear between a zero-point value and a full-point value, in either direction.
export const linearRule: RuleDefinition<LinearRule> = {
  type: 'linear',
  validate(raw, { path, issues }) {
    checkFields(raw, ['type', 'zeroAt', 'fullAt'], path, issues);
    const zeroAt = readNumber(raw, 'zeroAt', path, issues);
    const fullAt = readNumber(raw, 'fullAt', path, issues);
    if (zeroAt === undefined || fullAt === undefined) return undefined;
    if (zeroAt === fullAt) {
      issues.add(
        childPath(path, 'fullAt'),
        'invalid_value',
        `must differ from zeroAt (both are ${zeroAt})`,
      );
      return undefined;
    }
    return { type: 'linear', zeroAt, fullAt };
  },
  bounds: (rule) => [rule.zeroAt, rule.fullAt],
  score,
  formula,
  levelsAbove(_rule, maxCents, currentCents) {
    const levels: number[] = [];
    for (let cents = currentCents + 1; cents <= maxCents; cents++) levels.push(cents);
    return levels;
  },
  targetFor: (rule, maxCents, cents) => targetFor(rule, maxCents, cents),
};
