import { compileFramework, type CompiledFramework } from './framework/compile.js';
import type { Framework } from './framework/types.js';
import {
  checkFields,
  childPath,
  IssueList,
  readEnum,
  readNumber,
  readString,
  requireRecord,
  type Validation,
} from './validation.js';

/** The grades, highest first. */
export const GRADES = ['AAA', 'AA', 'A'] as const;

/** A harmonious-community grade: AAA (top 10%), AA (next 30%), A (next 50%). */
export type Grade = (typeof GRADES)[number];

/** 3 for AAA, 2 for AA, 1 for A, 0 for no grade; for comparing grades. */
export function gradeLevel(grade: Grade | null): number {
  return grade === null ? 0 : GRADES.length - GRADES.indexOf(grade);
}

/** A secondary ranking key: the subtotal of a section, an aspect or an indicator, higher first. */
export interface TieBreaker {
  level: 'section' | 'aspect' | 'indicator';
  key: string;
}

/** The rating policy with every setting resolved against a framework. */
export interface RatingPolicy {
  /** Communities first elected less than this many years before the rating date are not rated. */
  minYearsSinceFirstElection: number;
  /** Share of the rated communities each grade may take at most. */
  quotas: Record<Grade, number>;
  /** How a quota's share of the rated count becomes a whole cap. */
  quotaRounding: 'floor' | 'round' | 'ceil';
  /** Below this total: public notice (通报批评) and no grade. */
  minimumScore: number;
  /** Secondary keys that split equal totals, in order; equal on all of them is a tie. */
  tieBreakers: TieBreaker[];
  /** Communities graded this or higher are recommended for city and national selection. */
  recommendFrom: Grade | null;
  /** A community with a missing input: no grade until it is supplied, or the input scores zero. */
  missingInputs: 'withhold_grade' | 'score_zero';
  /** When some but not all weighted assessors scored an indicator. */
  partialAssessments: 'treat_as_missing' | 'reweight_present';
}

/** Policy settings as written in an input: every field optional, quotas per grade. */
export interface PolicyOverrides {
  minYearsSinceFirstElection?: number;
  quotas?: Partial<Record<Grade, number>>;
  quotaRounding?: RatingPolicy['quotaRounding'];
  minimumScore?: number;
  /** Default: every section subtotal, in framework order. */
  tieBreakers?: TieBreaker[];
  recommendFrom?: Grade | null;
  missingInputs?: RatingPolicy['missingInputs'];
  partialAssessments?: RatingPolicy['partialAssessments'];
}

/** The seed's policy; `tieBreakers` absent means the section subtotals in framework order. */
export const DEFAULT_POLICY: Readonly<Omit<RatingPolicy, 'tieBreakers'>> = Object.freeze({
  minYearsSinceFirstElection: 1,
  quotas: Object.freeze({ AAA: 0.1, AA: 0.3, A: 0.5 }),
  quotaRounding: 'floor',
  minimumScore: 70,
  recommendFrom: 'AA',
  missingInputs: 'withhold_grade',
  partialAssessments: 'treat_as_missing',
});

const POLICY_FIELDS = [
  'minYearsSinceFirstElection',
  'quotas',
  'quotaRounding',
  'minimumScore',
  'tieBreakers',
  'recommendFrom',
  'missingInputs',
  'partialAssessments',
] as const;

function article(level: TieBreaker['level']): string {
  return level === 'section' ? 'a' : 'an';
}

function readTieBreakers(
  value: unknown,
  path: string,
  compiled: CompiledFramework,
  issues: IssueList,
): TieBreaker[] {
  if (!Array.isArray(value)) {
    issues.add(path, 'type', 'must be an array of { level, key }');
    return [];
  }
  const result: TieBreaker[] = [];
  value.forEach((item: unknown, i) => {
    const at = childPath(path, i);
    if (!requireRecord(item, at, issues)) return;
    checkFields(item, ['level', 'key'], at, issues);
    const level = readEnum(item, 'level', ['section', 'aspect', 'indicator'] as const, at, issues);
    const key = readString(item, 'key', at, issues);
    if (level === undefined || key === undefined) return;
    const node = compiled.nodes.get(key);
    if (node?.level !== level) {
      issues.add(
        childPath(at, 'key'),
        'unknown_reference',
        node === undefined
          ? `the framework has no ${level} "${key}"`
          : `"${key}" is ${article(node.level)} ${node.level}, not ${article(level)} ${level}`,
      );
      return;
    }
    result.push({ level, key });
  });
  return result;
}

function readQuotas(value: unknown, path: string, issues: IssueList): Record<Grade, number> {
  const quotas = { ...DEFAULT_POLICY.quotas };
  if (!requireRecord(value, path, issues, 'an object of shares per grade')) return quotas;
  checkFields(value, GRADES, path, issues);
  for (const grade of GRADES) {
    const share = readNumber(value, grade, path, issues, { optional: true, min: 0, max: 1 });
    if (share !== undefined) quotas[grade] = share;
  }
  const sum = GRADES.reduce((total, grade) => total + quotas[grade], 0);
  if (sum > 1 + 1e-9) {
    issues.add(path, 'sum_mismatch', `the grade shares add up to ${sum}; they may not exceed 1`);
  }
  return quotas;
}

// Merges policy overrides over DEFAULT_POLICY and checks them against the framework
// (tie-breaker keys must exist; the minimum score must be within the total).
export function resolvePolicy(
  value: unknown,
  compiled: CompiledFramework,
  path = 'policy',
): Validation<RatingPolicy> {
  const issues = new IssueList();
  const policy: RatingPolicy = {
    ...DEFAULT_POLICY,
    quotas: { ...DEFAULT_POLICY.quotas },
    tieBreakers: compiled.sections.map((section) => ({ level: 'section', key: section.key })),
  };
  if (value === undefined || value === null) return { ok: true, value: policy };
  if (!requireRecord(value, path, issues, 'a policy object')) {
    return { ok: false, issues: issues.items };
  }
  checkFields(value, POLICY_FIELDS, path, issues);
  const years = readNumber(value, 'minYearsSinceFirstElection', path, issues, {
    optional: true,
    integer: true,
    min: 0,
    max: 10,
  });
  if (years !== undefined) policy.minYearsSinceFirstElection = years;
  if (value.quotas !== undefined) {
    policy.quotas = readQuotas(value.quotas, childPath(path, 'quotas'), issues);
  }
  const rounding = readEnum(
    value,
    'quotaRounding',
    ['floor', 'round', 'ceil'] as const,
    path,
    issues,
    {
      optional: true,
    },
  );
  if (rounding !== undefined) policy.quotaRounding = rounding;
  const minimum = readNumber(value, 'minimumScore', path, issues, {
    optional: true,
    min: 0,
    max: compiled.totalCents / 100,
  });
  if (minimum !== undefined) policy.minimumScore = minimum;
  if (value.tieBreakers !== undefined) {
    policy.tieBreakers = readTieBreakers(
      value.tieBreakers,
      childPath(path, 'tieBreakers'),
      compiled,
      issues,
    );
  }
  if (value.recommendFrom === null) {
    policy.recommendFrom = null;
  } else {
    const from = readEnum(value, 'recommendFrom', GRADES, path, issues, { optional: true });
    if (from !== undefined) policy.recommendFrom = from;
  }
  const missing = readEnum(
    value,
    'missingInputs',
    ['withhold_grade', 'score_zero'] as const,
    path,
    issues,
    { optional: true },
  );
  if (missing !== undefined) policy.missingInputs = missing;
  const partial = readEnum(
    value,
    'partialAssessments',
    ['treat_as_missing', 'reweight_present'] as const,
    path,
    issues,
    { optional: true },
  );
  if (partial !== undefined) policy.partialAssessments = partial;
  return issues.empty ? { ok: true, value: policy } : { ok: false, issues: issues.items };
}

// The most communities each grade may take (highest grade first) when `rated` are rated.
export function quotaCaps(policy: RatingPolicy, rated: number): number[] {
  return GRADES.map((grade) => {
    // Snap first: 0.29 * 100 is 28.999999999999996 in binary floating point.
    const exact = Math.round(policy.quotas[grade] * rated * 1e6) / 1e6;
    switch (policy.quotaRounding) {
      case 'floor':
        return Math.floor(exact);
      case 'round':
        return Math.round(exact);
      case 'ceil':
        return Math.ceil(exact);
    }
  });
}

/**
 * Validates policy overrides against a (valid) framework and returns the resolved policy: the
 * seed's defaults with the overrides applied. Issue paths start at `policy`.
 */
export function validatePolicy(value: unknown, framework: Framework): Validation<RatingPolicy> {
  return resolvePolicy(value, compileFramework(framework));
}
