import type { BooleanRule } from '../framework/types.js';
import { formatCents } from '../points.js';
import { checkFields, readBoolean } from '../validation.js';
import type { RuleDefinition } from './types.js';

// Full points when the 0/1 metric is 1 (or 0 when `invert`), otherwise none.
export const booleanRule: RuleDefinition<BooleanRule> = {
  type: 'boolean',
  validate(raw, { path, issues }) {
    checkFields(raw, ['type', 'invert'], path, issues);
    const invert = readBoolean(raw, 'invert', path, issues);
    return invert === undefined ? { type: 'boolean' } : { type: 'boolean', invert };
  },
  bounds: () => [0, 1],
  score(rule, value, maxCents) {
    const met = value === (rule.invert === true ? 0 : 1);
    return {
      cents: met ? maxCents : 0,
      share: met ? 1 : 0,
      outcome: met ? 'met' : 'not_met',
      band: null,
    };
  },
  formula(rule, value, _maxCents, outcome) {
    const wanted = rule.invert === true ? 0 : 1;
    return `${value} ${value === wanted ? '=' : '!='} ${wanted}; ${formatCents(outcome.cents)}`;
  },
  levelsAbove: (_rule, maxCents, currentCents) => (currentCents < maxCents ? [maxCents] : []),
  targetFor(rule) {
    const wanted = rule.invert === true ? 0 : 1;
    return { min: wanted, max: wanted, maxExclusive: false };
  },
};
