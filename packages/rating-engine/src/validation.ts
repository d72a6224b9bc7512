/** Stable codes of validation issues; front ends translate on them. */
export type IssueCode =
  | 'required'
  | 'type'
  | 'format'
  | 'range'
  | 'unknown_field'
  | 'unknown_reference'
  | 'duplicate_key'
  | 'sum_mismatch'
  | 'overlap'
  | 'invalid_value'
  | 'too_many_issues';

/** One problem in a framework, policy or input, located by a path such as `sections[0].aspects[2].points`. */
export interface ValidationIssue {
  path: string;
  code: IssueCode;
  message: string;
}

/** The outcome of validating untrusted data: the typed value, or every issue found (up to a cap). */
export type Validation<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

const MAX_ISSUES = 200;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

// Collects issues, stopping at a cap so a wholly wrong file does not produce megabytes of errors.
export class IssueList {
  readonly items: ValidationIssue[] = [];
  private overflowed = false;

  add(path: string, code: IssueCode, message: string): void {
    if (this.items.length < MAX_ISSUES) {
      this.items.push({ path, code, message });
    } else if (!this.overflowed) {
      this.overflowed = true;
      this.items.push({
        path: '',
        code: 'too_many_issues',
        message: `more than ${MAX_ISSUES} issues; the rest are not listed`,
      });
    }
  }

  get empty(): boolean {
    return this.items.length === 0;
  }
}

export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (IDENTIFIER.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

// Reports fields that are not in `allowed`: a typo in a framework must not be ignored silently.
export function checkFields(
  value: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  issues: IssueList,
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      issues.add(
        childPath(path, key),
        'unknown_field',
        `unknown field "${key}" (allowed: ${allowed.join(', ')})`,
      );
    }
  }
}

export function requireRecord(
  value: unknown,
  path: string,
  issues: IssueList,
  what = 'an object',
): value is Record<string, unknown> {
  if (isRecord(value)) return true;
  issues.add(
    path,
    value === undefined ? 'required' : 'type',
    `must be ${what}, got ${describe(value)}`,
  );
  return false;
}

export function readString(
  owner: Record<string, unknown>,
  field: string,
  path: string,
  issues: IssueList,
  options: { optional?: boolean; pattern?: RegExp; patternHint?: string } = {},
): string | undefined {
  const value = owner[field];
  if (value === undefined && options.optional === true) return undefined;
  const at = childPath(path, field);
  if (typeof value === 'string' && value.trim() === '') {
    issues.add(at, 'required', 'must not be empty');
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.add(
      at,
      value === undefined ? 'required' : 'type',
      `must be a non-empty string, got ${describe(value)}`,
    );
    return undefined;
  }
  if (options.pattern !== undefined && !options.pattern.test(value)) {
    issues.add(at, 'format', `"${value}" ${options.patternHint ?? 'has the wrong format'}`);
    return undefined;
  }
  return value;
}

export function readNumber(
  owner: Record<string, unknown>,
  field: string,
  path: string,
  issues: IssueList,
  options: {
    optional?: boolean;
    min?: number;
    max?: number;
    integer?: boolean;
    above?: number;
  } = {},
): number | undefined {
  const value = owner[field];
  if (value === undefined && options.optional === true) return undefined;
  const at = childPath(path, field);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    issues.add(
      at,
      value === undefined ? 'required' : 'type',
      `must be a finite number, got ${describe(value)}`,
    );
    return undefined;
  }
  return checkNumberRange(value, at, issues, options) ? value : undefined;
}

export function checkNumberRange(
  value: number,
  at: string,
  issues: IssueList,
  options: { min?: number; max?: number; integer?: boolean; above?: number },
): boolean {
  if (options.integer === true && !Number.isInteger(value)) {
    issues.add(at, 'type', `must be a whole number, got ${value}`);
    return false;
  }
  if (options.above !== undefined && !(value > options.above)) {
    issues.add(at, 'range', `must be greater than ${options.above}, got ${value}`);
    return false;
  }
  if (options.min !== undefined && value < options.min) {
    issues.add(at, 'range', `must be at least ${options.min}, got ${value}`);
    return false;
  }
  if (options.max !== undefined && value > options.max) {
    issues.add(at, 'range', `must be at most ${options.max}, got ${value}`);
    return false;
  }
  return true;
}

export function readBoolean(
  owner: Record<string, unknown>,
  field: string,
  path: string,
  issues: IssueList,
): boolean | undefined {
  const value = owner[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') {
    issues.add(childPath(path, field), 'type', `must be true or false, got ${describe(value)}`);
    return undefined;
  }
  return value;
}

export function readEnum<T extends string>(
  owner: Record<string, unknown>,
  field: string,
  allowed: readonly T[],
  path: string,
  issues: IssueList,
  options: { optional?: boolean } = {},
): T | undefined {
  const value = owner[field];
  if (value === undefined && options.optional === true) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    issues.add(
      childPath(path, field),
      value === undefined ? 'required' : 'invalid_value',
      `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${
        typeof value === 'string' ? `"${value}"` : describe(value)
      }`,
    );
    return undefined;
  }
  return value as T;
}

// A calendar date `YYYY-MM-DD` that exists (no 2023-02-30).
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
