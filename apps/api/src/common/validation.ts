import type { FieldError, FieldErrorCode, FieldErrorParams } from '@baitong/contracts';
import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { AppException } from './app-exception';

/** Where whitespace is part of the value: a password is checked exactly as typed. */
const KEEP_WHITESPACE = /password/i;

/**
 * Trims every string of a body or query, deeply, so that whitespace-only text is empty before it
 * is validated: one rule for every DTO instead of a decorator on each field.
 */
export function trimStrings(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return KEEP_WHITESPACE.test(key) ? value : value.trim();
  if (Array.isArray(value)) return value.map((v) => trimStrings(v, key));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = trimStrings(v, k);
    return out;
  }
  return value;
}

/** Constraint names of class-validator → our codes, where the code depends on nothing else. */
const CODES: Record<string, FieldErrorCode> = {
  isDefined: 'required',
  isNotEmpty: 'required',
  isString: 'not_text',
  isNumber: 'not_a_number',
  isInt: 'not_an_integer',
  isBoolean: 'not_a_boolean',
  isArray: 'not_a_list',
  isObject: 'not_an_object',
  nestedValidation: 'not_an_object',
  isUuid: 'invalid_id',
  isIso8601: 'invalid_date',
  isDateString: 'invalid_date',
  isLatitude: 'invalid_latitude',
  isLongitude: 'invalid_longitude',
  matches: 'invalid_format',
  whitelistValidation: 'unknown_field',
};

interface Metadata {
  name?: string;
  type: string;
  propertyName: string;
  constraints?: unknown[];
}

function metadataOf(target: object | undefined, property: string): Metadata[] {
  if (!target) return [];
  return (
    getMetadataStorage().getTargetValidationMetadatas(
      target.constructor,
      '',
      true,
      false,
    ) as Metadata[]
  ).filter((m) => m.propertyName === property);
}

/**
 * Missing (for a field that must be given) or empty: a present but empty optional field is
 * "required" only where it may not be empty (a name sent as "   " on an update).
 */
function isMissing(e: ValidationError, names: string[], optional: boolean): boolean {
  if (names.includes('whitelistValidation')) return false;
  if (e.value === undefined || e.value === null) return !optional;
  if (e.value !== '') return false;
  return !optional || names.some((c) => c === 'minLength' || c === 'isNotEmpty');
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' || Array.isArray(value) ? value.length : 0;
}

/** The code and parameters for one failed constraint of one property. */
function describe(
  constraint: string,
  e: ValidationError,
  meta: Metadata[],
): { code: FieldErrorCode; params?: FieldErrorParams } {
  const context = e.contexts?.[constraint] as
    { code?: FieldErrorCode; params?: FieldErrorParams } | undefined;
  if (context?.code)
    return { code: context.code, ...(context.params ? { params: context.params } : {}) };
  const args = meta.find((m) => m.name === constraint)?.constraints ?? [];
  const n = (i: number) => Number(args[i]);
  switch (constraint) {
    case 'minLength':
      return { code: 'too_short', params: { min: n(0) } };
    case 'maxLength':
      return { code: 'too_long', params: { max: n(0) } };
    case 'isLength':
      return lengthOf(e.value) < n(0)
        ? { code: 'too_short', params: { min: n(0) } }
        : { code: 'too_long', params: { max: n(1) } };
    case 'min':
      return { code: 'too_small', params: { min: n(0) } };
    case 'max':
      return { code: 'too_large', params: { max: n(0) } };
    case 'arrayMaxSize':
      return { code: 'too_many', params: { max: n(0) } };
    case 'arrayMinSize':
      return { code: 'too_few', params: { min: n(0) } };
    case 'isIn':
      return {
        code: 'not_one_of',
        params: { allowed: ((args[0] as unknown[]) ?? []).map(String) },
      };
    default:
      return { code: CODES[constraint] ?? 'invalid' };
  }
}

/**
 * Constraints whose failure explains the others: a string sent for a number fails `min` and `max`
 * too, and a missing text fails its length checks; the type is what to tell.
 */
const FIRST = [
  'whitelistValidation',
  'isDefined',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'nestedValidation',
  'isUuid',
  'isIso8601',
  'isIn',
];

/** The one constraint to report for a property: the most basic that failed. */
function firstProblem(names: string[]): string[] {
  if (names.length <= 1) return names;
  const rank = (c: string) => (FIRST.includes(c) ? FIRST.indexOf(c) : FIRST.length);
  return [[...names].sort((a, b) => rank(a) - rank(b))[0]!];
}

// class-validator prefixes messages with the property; the field is named separately.
function unprefixed(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/**
 * One entry per failed field, with a stable code. A field that is missing or empty (after
 * trimming) is `required`, whichever of its constraints failed first: "must be shorter than 2000
 * characters" is no answer to a description that was not given.
 */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const names = firstProblem(Object.keys(e.constraints ?? {}));
    const meta = metadataOf(e.target, e.property);
    const optional = meta.some((m) => m.type === 'conditionalValidation');
    let own: FieldError[];
    if (names.length > 0 && isMissing(e, names, optional)) {
      own = [{ field, code: 'required', message: 'is required' }];
    } else {
      own = names.map((constraint) => ({
        field,
        ...describe(constraint, e, meta),
        message: unprefixed(e.constraints![constraint]!, e.property),
      }));
    }
    return own.concat(toFieldErrors(e.children ?? [], field));
  });
}

/**
 * The one validation pipe for the app and the tests: trims strings, then whitelist, refuse unknown
 * fields, transform; failures become VALIDATION_FAILED with a code per field.
 */
class TrimmingValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const trimmed =
      metadata.type === 'body' || metadata.type === 'query' ? trimStrings(value) : value;
    return super.transform(trimmed, metadata) as Promise<unknown>;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new TrimmingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    // Every failed constraint is collected; toFieldErrors reports the most basic per field.
    stopAtFirstError: false,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // Target and value only feed toFieldErrors (which constraint, missing or not); never sent.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => {
      const fields = toFieldErrors(errors);
      const names = [...new Set(fields.map((f) => f.field))].join(', ');
      return new AppException('VALIDATION_FAILED', `Invalid fields: ${names}`, fields);
    },
  });
}
