import { RatingValidationError } from '../errors.js';
import { isMetricKey, METRIC_KEYS, METRIC_UNITS } from '../metrics.js';
import { formatCents, hasAtMostTwoDecimals, toCents } from '../points.js';
import { ruleBounds, validateRule } from '../rules/index.js';
import {
  checkFields,
  childPath,
  IssueList,
  readBoolean,
  readEnum,
  readNumber,
  readString,
  requireRecord,
  type Validation,
} from '../validation.js';
import { ASSESSOR_KINDS, RULE_TYPES, type AssessmentWeights, type Framework } from './types.js';

// Keys of sections, aspects and indicators: letters, digits, `_`, `.`, `-`.
export const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const KEY_HINT = 'must be 1-64 letters, digits, "_", "." or "-", starting with a letter or digit';

interface Context {
  issues: IssueList;
  keys: Map<string, string>;
  defaultWeights: AssessmentWeights | undefined;
}

function readKey(
  owner: Record<string, unknown>,
  path: string,
  context: Context,
): string | undefined {
  const key = readString(owner, 'key', path, context.issues, {
    pattern: KEY_PATTERN,
    patternHint: KEY_HINT,
  });
  if (key === undefined) return undefined;
  const first = context.keys.get(key);
  if (first !== undefined) {
    context.issues.add(
      childPath(path, 'key'),
      'duplicate_key',
      `key "${key}" is already used at ${first}`,
    );
  } else {
    context.keys.set(key, path);
  }
  return key;
}

function readText(
  owner: Record<string, unknown>,
  field: string,
  path: string,
  issues: IssueList,
): void {
  const at = childPath(path, field);
  const value = owner[field];
  if (!requireRecord(value, at, issues, 'an object { zh, en }')) return;
  checkFields(value, ['zh', 'en'], at, issues);
  readString(value, 'zh', at, issues);
  readString(value, 'en', at, issues);
}

function readPoints(
  owner: Record<string, unknown>,
  path: string,
  issues: IssueList,
  optional: boolean,
): number | undefined {
  const points = readNumber(owner, 'points', path, issues, { optional, above: 0 });
  if (points !== undefined && !hasAtMostTwoDecimals(points)) {
    issues.add(
      childPath(path, 'points'),
      'format',
      `must have at most two decimals, got ${points}`,
    );
    return undefined;
  }
  return points;
}

export function readWeights(
  value: unknown,
  path: string,
  issues: IssueList,
): AssessmentWeights | undefined {
  if (!requireRecord(value, path, issues, 'an object of assessor weights')) return undefined;
  const before = issues.items.length;
  checkFields(value, ASSESSOR_KINDS, path, issues);
  for (const kind of ASSESSOR_KINDS) {
    readNumber(value, kind, path, issues, { optional: true, above: 0 });
  }
  if (Object.keys(value).length === 0) {
    issues.add(path, 'required', `needs a weight for at least one of ${ASSESSOR_KINDS.join(', ')}`);
  }
  return issues.items.length > before ? undefined : (value as AssessmentWeights);
}

function checkSource(value: unknown, path: string, maxCents: number, context: Context): void {
  const { issues } = context;
  if (!requireRecord(value, path, issues)) return;
  const kind = readEnum(value, 'kind', ['metric', 'assessment'] as const, path, issues);
  if (kind === 'metric') {
    checkFields(value, ['kind', 'metric', 'rule'], path, issues);
    const metric = readString(value, 'metric', path, issues);
    if (metric !== undefined && !isMetricKey(metric)) {
      issues.add(
        childPath(path, 'metric'),
        'unknown_reference',
        `unknown metric "${metric}" (known: ${METRIC_KEYS.join(', ')})`,
      );
    }
    const rulePath = childPath(path, 'rule');
    const raw = value.rule;
    if (!requireRecord(raw, rulePath, issues)) return;
    const type = readEnum(raw, 'type', RULE_TYPES, rulePath, issues);
    if (type === undefined) return;
    const rule = validateRule(type, raw, { path: rulePath, issues, maxCents });
    if (rule === undefined || metric === undefined || !isMetricKey(metric)) return;
    const unit = METRIC_UNITS[metric];
    const outside = ruleBounds(rule).filter((b) => (unit === 'fraction' ? b < 0 || b > 1 : b < 0));
    if (outside.length > 0) {
      issues.add(
        rulePath,
        'range',
        unit === 'fraction'
          ? `${metric} is a fraction 0..1 (99.5% is 0.995), but the rule uses ${outside.join(', ')}`
          : `${metric} cannot be negative, but the rule uses ${outside.join(', ')}`,
      );
    }
  } else if (kind === 'assessment') {
    checkFields(value, ['kind', 'weights', 'scale'], path, issues);
    readNumber(value, 'scale', path, issues, { optional: true, above: 0 });
    if (value.weights !== undefined) {
      readWeights(value.weights, childPath(path, 'weights'), issues);
    } else if (context.defaultWeights === undefined) {
      issues.add(
        childPath(path, 'weights'),
        'required',
        'no assessor weights: declare them here or in the framework\'s "assessmentWeights"',
      );
    }
  }
}

function checkIndicator(value: unknown, path: string, context: Context): number {
  const { issues } = context;
  if (!requireRecord(value, path, issues)) return 0;
  checkFields(value, ['key', 'name', 'points', 'source'], path, issues);
  readKey(value, path, context);
  readText(value, 'name', path, issues);
  const points = readPoints(value, path, issues, false);
  checkSource(value.source, childPath(path, 'source'), toCents(points ?? 0), context);
  return toCents(points ?? 0);
}

function checkList(
  owner: Record<string, unknown>,
  field: string,
  path: string,
  issues: IssueList,
): unknown[] {
  const value = owner[field];
  if (!Array.isArray(value) || value.length === 0) {
    issues.add(
      childPath(path, field),
      value === undefined ? 'required' : 'type',
      'must be a non-empty array',
    );
    return [];
  }
  return value;
}

function checkDeclared(
  owner: Record<string, unknown>,
  path: string,
  sumCents: number,
  parts: string,
  issues: IssueList,
  clean: boolean,
): void {
  const declared = readPoints(owner, path, issues, true);
  // A sum over parts that are themselves invalid would only repeat their error.
  if (clean && declared !== undefined && toCents(declared) !== sumCents) {
    issues.add(
      childPath(path, 'points'),
      'sum_mismatch',
      `declared ${declared} but its ${parts} add up to ${formatCents(sumCents)}`,
    );
  }
}

function checkAspect(value: unknown, path: string, context: Context): number {
  const { issues } = context;
  if (!requireRecord(value, path, issues)) return 0;
  const before = issues.items.length;
  checkFields(value, ['key', 'name', 'points', 'indicators'], path, issues);
  readKey(value, path, context);
  readText(value, 'name', path, issues);
  let sum = 0;
  checkList(value, 'indicators', path, issues).forEach((indicator, i) => {
    sum += checkIndicator(indicator, childPath(childPath(path, 'indicators'), i), context);
  });
  checkDeclared(value, path, sum, 'indicators', issues, issues.items.length === before);
  return sum;
}

function checkSection(value: unknown, path: string, context: Context): number {
  const { issues } = context;
  if (!requireRecord(value, path, issues)) return 0;
  const before = issues.items.length;
  checkFields(value, ['key', 'name', 'points', 'aspects'], path, issues);
  readKey(value, path, context);
  readText(value, 'name', path, issues);
  let sum = 0;
  checkList(value, 'aspects', path, issues).forEach((aspect, i) => {
    sum += checkAspect(aspect, childPath(childPath(path, 'aspects'), i), context);
  });
  checkDeclared(value, path, sum, 'aspects', issues, issues.items.length === before);
  return sum;
}

const FRAMEWORK_FIELDS = [
  'id',
  'version',
  'name',
  'description',
  'effectiveYear',
  'totalPoints',
  'sample',
  'assessmentWeights',
  'sections',
] as const;

/**
 * Validates a framework: shape, unique keys, known metrics, sound rules, assessor weights and
 * points that add up (per aspect and section when declared, and to `totalPoints`, default 100).
 * Every issue carries the path to the bad node.
 */
export function validateFramework(value: unknown): Validation<Framework> {
  const issues = new IssueList();
  if (!requireRecord(value, '', issues, 'a framework object')) {
    return { ok: false, issues: issues.items };
  }
  checkFields(value, FRAMEWORK_FIELDS, '', issues);
  readString(value, 'id', '', issues, { pattern: KEY_PATTERN, patternHint: KEY_HINT });
  readString(value, 'version', '', issues);
  readText(value, 'name', '', issues);
  if (value.description !== undefined) readText(value, 'description', '', issues);
  readNumber(value, 'effectiveYear', '', issues, { integer: true, min: 2000, max: 2100 });
  const total = readNumber(value, 'totalPoints', '', issues, { optional: true, above: 0 });
  if (total !== undefined && !hasAtMostTwoDecimals(total)) {
    issues.add('totalPoints', 'format', `must have at most two decimals, got ${total}`);
  }
  readBoolean(value, 'sample', '', issues);
  const defaultWeights =
    value.assessmentWeights === undefined
      ? undefined
      : readWeights(value.assessmentWeights, 'assessmentWeights', issues);
  const context: Context = { issues, keys: new Map(), defaultWeights };
  const sums: string[] = [];
  let sum = 0;
  checkList(value, 'sections', '', issues).forEach((section, i) => {
    const cents = checkSection(section, childPath('sections', i), context);
    sum += cents;
    sums.push(`sections[${i}] ${formatCents(cents)}`);
  });
  const expected = toCents(total ?? 100);
  if (issues.empty && sum !== expected) {
    issues.add(
      total === undefined ? 'sections' : 'totalPoints',
      'sum_mismatch',
      `indicator points add up to ${formatCents(sum)}, expected ${formatCents(expected)} (${sums.join(', ')})`,
    );
  }
  return issues.empty
    ? { ok: true, value: value as unknown as Framework }
    : { ok: false, issues: issues.items };
}

/** Like {@link validateFramework}, but returns the framework or throws `RatingValidationError`. */
export function parseFramework(value: unknown): Framework {
  const result = validateFramework(value);
  if (!result.ok) throw new RatingValidationError('framework', result.issues);
  return result.value;
}
