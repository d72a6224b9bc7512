import { compileFramework, type CompiledFramework } from './framework/compile.js';
import { ASSESSOR_KINDS, type AssessorKind, type Framework } from './framework/types.js';
import { validateFramework } from './framework/validate.js';
import type { CommunityInput, RatingInput } from './input.js';
import { isMetricKey, metricRangeProblem, METRIC_KEYS, type MetricKey } from './metrics.js';
import { GRADES, resolvePolicy, type RatingPolicy } from './policy.js';
import {
  checkFields,
  childPath,
  describe,
  isIsoDate,
  IssueList,
  isRecord,
  readNumber,
  readString,
  requireRecord,
  type Validation,
  type ValidationIssue,
} from './validation.js';

const COMMUNITY_FIELDS = [
  'id',
  'name',
  'firstElectedOn',
  'disqualification',
  'previousGrade',
  'metrics',
  'assessments',
] as const;

function booleanMetrics(compiled: CompiledFramework): Set<MetricKey> {
  const keys = new Set<MetricKey>();
  for (const indicator of compiled.indicators) {
    if (indicator.source.kind === 'metric' && indicator.source.rule.type === 'boolean') {
      keys.add(indicator.source.metric);
    }
  }
  return keys;
}

// The checks below run for every metric and score of every community, so they build a path
// string only when they have an issue to report.

function checkMetrics(
  value: unknown,
  path: string,
  booleans: Set<MetricKey>,
  issues: IssueList,
): void {
  if (value === undefined) return;
  if (!requireRecord(value, path, issues, 'an object of metric values')) return;
  for (const key of Object.keys(value)) {
    const metricValue = value[key];
    if (!isMetricKey(key)) {
      issues.add(
        childPath(path, key),
        'unknown_field',
        `unknown metric "${key}" (known: ${METRIC_KEYS.join(', ')})`,
      );
      continue;
    }
    if (metricValue === null) continue;
    if (typeof metricValue !== 'number' || !Number.isFinite(metricValue)) {
      issues.add(
        childPath(path, key),
        'type',
        `must be a finite number or null, got ${describe(metricValue)}`,
      );
      continue;
    }
    const problem = metricRangeProblem(key, metricValue);
    if (problem !== null) {
      issues.add(childPath(path, key), 'range', `${problem}, got ${metricValue}`);
    } else if (booleans.has(key) && metricValue !== 0 && metricValue !== 1) {
      issues.add(
        childPath(path, key),
        'range',
        `is scored as yes/no, so it must be 0 or 1, got ${metricValue}`,
      );
    }
  }
}

function isAssessorKind(value: string): value is AssessorKind {
  return (ASSESSOR_KINDS as readonly string[]).includes(value);
}

function scorePath(path: string, key: string, assessor: string): string {
  return childPath(childPath(path, key), assessor);
}

function checkScore(
  value: unknown,
  path: string,
  key: string,
  assessor: string,
  scale: number,
  issues: IssueList,
): void {
  if (value === null) return;

  if (!isRecord(value)) {
    issues.add(
      scorePath(path, key, assessor),
      'type',
      `must be an object { score, evidence? } or null, got ${describe(value)}`,
    );
    return;
  }
  for (const field in value) {
    if (field !== 'score' && field !== 'evidence') {
      issues.add(
        childPath(scorePath(path, key, assessor), field),
        'unknown_field',
        `unknown field "${field}" (allowed: score, evidence)`,
      );
    }
  }
  const score = value.score;
  if (typeof score !== 'number' || !Number.isFinite(score)) {
    issues.add(
      childPath(scorePath(path, key, assessor), 'score'),
      score === undefined ? 'required' : 'type',
      `must be a finite number, got ${describe(score)}`,
    );
  } else if (score < 0 || score > scale) {
    issues.add(
      childPath(scorePath(path, key, assessor), 'score'),
      'range',
      `must be between 0 and ${scale}, got ${score}`,
    );
  }
  const evidence = value.evidence;
  if (
    evidence !== undefined &&
    (!Array.isArray(evidence) || evidence.some((item) => typeof item !== 'string'))
  ) {
    issues.add(
      childPath(scorePath(path, key, assessor), 'evidence'),
      'type',
      'must be an array of strings',
    );
  }
}

function checkAssessments(
  value: unknown,
  path: string,
  compiled: CompiledFramework,
  issues: IssueList,
): void {
  if (value === undefined) return;
  if (!requireRecord(value, path, issues, 'an object of scores by indicator key')) return;
  for (const key of Object.keys(value)) {
    const scores = value[key];
    const node = compiled.nodes.get(key);
    const indicator = node?.level === 'indicator' ? compiled.indicators[node.index] : undefined;
    if (indicator === undefined) {
      issues.add(
        childPath(path, key),
        'unknown_reference',
        `the framework has no indicator "${key}"`,
      );
      continue;
    }
    if (indicator.source.kind !== 'assessment') {
      issues.add(
        childPath(path, key),
        'unknown_reference',
        `indicator "${key}" is scored from a metric, not assessed`,
      );
      continue;
    }
    if (!isRecord(scores)) {
      issues.add(
        childPath(path, key),
        'type',
        `must be an object of scores by assessor kind, got ${describe(scores)}`,
      );
      continue;
    }
    for (const assessor in scores) {
      const score = scores[assessor];
      if (!isAssessorKind(assessor)) {
        issues.add(
          scorePath(path, key, assessor),
          'unknown_field',
          `unknown field "${assessor}" (allowed: ${ASSESSOR_KINDS.join(', ')})`,
        );
        continue;
      }
      if (score === undefined) continue;
      if (indicator.declaredWeights[assessor] === undefined) {
        issues.add(
          scorePath(path, key, assessor),
          'unknown_reference',
          `indicator "${key}" is not scored by ${assessor} (weights: ${indicator.weights
            .map((w) => w.assessor)
            .join(', ')})`,
        );
        continue;
      }
      checkScore(score, path, key, assessor, indicator.scale, issues);
    }
  }
}

function checkCommunity(
  value: unknown,
  path: string,
  compiled: CompiledFramework,
  booleans: Set<MetricKey>,
  ids: Map<string, string>,
  issues: IssueList,
): void {
  if (!requireRecord(value, path, issues, 'a community object')) return;
  checkFields(value, COMMUNITY_FIELDS, path, issues);
  const id = readString(value, 'id', path, issues);
  if (id !== undefined) {
    const first = ids.get(id);
    if (first !== undefined) {
      issues.add(childPath(path, 'id'), 'duplicate_key', `id "${id}" is already used at ${first}`);
    } else {
      ids.set(id, path);
    }
  }
  readString(value, 'name', path, issues, { optional: true });
  const elected = value.firstElectedOn;
  if (elected !== null && (typeof elected !== 'string' || !isIsoDate(elected))) {
    issues.add(
      childPath(path, 'firstElectedOn'),
      elected === undefined ? 'required' : 'format',
      `must be a date YYYY-MM-DD, or null when not yet elected, got ${
        typeof elected === 'string' ? `"${elected}"` : describe(elected)
      }`,
    );
  }
  const disqualification = value.disqualification;
  if (disqualification !== undefined && disqualification !== null) {
    const at = childPath(path, 'disqualification');
    if (requireRecord(disqualification, at, issues, 'an object { reason, reference? } or null')) {
      checkFields(disqualification, ['reason', 'reference'], at, issues);
      readString(disqualification, 'reason', at, issues);
      readString(disqualification, 'reference', at, issues, { optional: true });
    }
  }
  const previous = value.previousGrade;
  if (
    previous !== undefined &&
    previous !== null &&
    !(typeof previous === 'string' && [...GRADES, 'none'].includes(previous))
  ) {
    issues.add(
      childPath(path, 'previousGrade'),
      'invalid_value',
      `must be "AAA", "AA", "A", "none" or null, got ${
        typeof previous === 'string' ? `"${previous}"` : describe(previous)
      }`,
    );
  }
  checkMetrics(value.metrics, childPath(path, 'metrics'), booleans, issues);
  checkAssessments(value.assessments, childPath(path, 'assessments'), compiled, issues);
}

function communityIssues(
  value: unknown,
  compiled: CompiledFramework,
  path: string,
  issues: IssueList,
): void {
  if (!Array.isArray(value)) {
    issues.add(
      path,
      value === undefined ? 'required' : 'type',
      `must be an array of communities, got ${describe(value)}`,
    );
    return;
  }
  const booleans = booleanMetrics(compiled);
  const ids = new Map<string, string>();
  value.forEach((community: unknown, i) => {
    checkCommunity(community, childPath(path, i), compiled, booleans, ids, issues);
  });
}

/**
 * Validates community inputs (as the API assembles them) against a framework: shapes, unique
 * ids, dates, known metric keys and their ranges, assessment scores within the indicator's scale
 * and only from the assessors the indicator is weighted for. Issue paths start at `path`.
 */
export function validateCommunityInputs(
  value: unknown,
  framework: Framework,
  path = 'communities',
): Validation<CommunityInput[]> {
  const issues = new IssueList();
  communityIssues(value, compileFramework(framework), path, issues);
  return issues.empty
    ? { ok: true, value: value as CommunityInput[] }
    : { ok: false, issues: issues.items };
}

// A validated input with its framework compiled and its policy resolved.
export interface PreparedInput {
  input: RatingInput;
  compiled: CompiledFramework;
  policy: RatingPolicy;
}

function prefixed(issues: ValidationIssue[], prefix: string): ValidationIssue[] {
  return issues.map((issue) => ({
    ...issue,
    path:
      issue.path === ''
        ? prefix
        : issue.path.startsWith('[')
          ? prefix + issue.path
          : `${prefix}.${issue.path}`,
  }));
}

export function prepareInput(value: unknown): Validation<PreparedInput> {
  const issues = new IssueList();
  if (!requireRecord(value, '', issues, 'a rating input object')) {
    return { ok: false, issues: issues.items };
  }
  checkFields(value, ['year', 'ratingDate', 'framework', 'policy', 'communities'], '', issues);
  const year = readNumber(value, 'year', '', issues, { integer: true, min: 2000, max: 2100 });
  const date = readString(value, 'ratingDate', '', issues);
  if (date !== undefined && !isIsoDate(date)) {
    issues.add('ratingDate', 'format', `must be a date YYYY-MM-DD, got "${date}"`);
  }
  const framework = validateFramework(value.framework);
  if (!framework.ok) {
    for (const issue of prefixed(framework.issues, 'framework')) {
      issues.add(issue.path, issue.code, issue.message);
    }
    return { ok: false, issues: issues.items };
  }
  if (year !== undefined && framework.value.effectiveYear > year) {
    issues.add(
      'year',
      'range',
      `framework "${framework.value.id}" takes effect in ${framework.value.effectiveYear}; it cannot rate ${year}`,
    );
  }
  const compiled = compileFramework(framework.value);
  const policy = resolvePolicy(value.policy, compiled);
  if (!policy.ok) {
    for (const issue of policy.issues) issues.add(issue.path, issue.code, issue.message);
  }
  communityIssues(value.communities, compiled, 'communities', issues);
  if (!issues.empty || !policy.ok) return { ok: false, issues: issues.items };
  return {
    ok: true,
    value: { input: value as unknown as RatingInput, compiled, policy: policy.value },
  };
}

/**
 * Validates a whole rating input: year and date, the framework, the policy overrides and every
 * community. Issue paths start at the input's root (`framework.sections[0].points`,
 * `communities[3].metrics.satisfaction_rate`).
 */
export function validateRatingInput(value: unknown): Validation<RatingInput> {
  const prepared = prepareInput(value);
  return prepared.ok ? { ok: true, value: prepared.value.input } : prepared;
}
