import {
  WORKER_CERTIFICATE_LEVELS,
  WORKER_EDUCATION_LEVELS,
  WORKER_GENDERS,
  type FieldErrorCode,
  type WorkerCertificateLevel,
  type WorkerEducation,
  type WorkerGender,
} from '@baitong/contracts';
import type { WorkforceFacts, WorkforceRecord } from './workforce.repository';

/** One problem of one field, before it becomes a 400 (API) or an import row's error. */
export interface FieldProblem {
  field: string;
  code: FieldErrorCode;
  message: string;
  params?: Record<string, string | number | string[]>;
}

export const MAX_PAY_YUAN = 1_000_000;
export const WORKER_NUMBER = /^[A-Za-z0-9_-]{1,32}$/;

/** A real calendar day YYYY-MM-DD (2026-02-30 is not). */
export function isDay(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Whole years from `birth` to `day` (both YYYY-MM-DD). */
export function ageOn(birth: string, day: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export const isEducation = (v: unknown): v is WorkerEducation =>
  (WORKER_EDUCATION_LEVELS as readonly unknown[]).includes(v);
export const isCertificateLevel = (v: unknown): v is WorkerCertificateLevel =>
  (WORKER_CERTIFICATE_LEVELS as readonly unknown[]).includes(v);
export const isGender = (v: unknown): v is WorkerGender =>
  (WORKER_GENDERS as readonly unknown[]).includes(v);

/**
 * The rules a worker's record and facts obey together, whoever sends them (a form, an import
 * row): dates are real days and none after today, a worker is at least 16 when hired, leaves
 * after being hired, and is paid between 0 and a million yuan a month.
 */
export function recordProblems(
  r: WorkforceRecord & WorkforceFacts,
  today: string,
  effectiveOn?: string | null,
): FieldProblem[] {
  const out: FieldProblem[] = [];
  const day = (field: string, v: string | null | undefined) => {
    if (v === null || v === undefined) return false;
    if (!isDay(v)) {
      out.push({ field, code: 'invalid_date', message: 'must be a calendar day YYYY-MM-DD' });
      return false;
    }
    if (v > today) {
      out.push({ field, code: 'in_future', message: 'must not be after today' });
      return false;
    }
    return true;
  };
  const birthOk = day('birthDate', r.birthDate);
  const hiredOk = day('hiredOn', r.hiredOn);
  const leftOk = day('leftOn', r.leftOn);
  const effOk = day('effectiveOn', effectiveOn);
  if (birthOk && hiredOk && ageOn(r.birthDate, r.hiredOn) < 16)
    out.push({
      field: 'birthDate',
      code: 'invalid',
      message: 'a worker is at least 16 years old when hired',
    });
  if (hiredOk && leftOk && r.leftOn! <= r.hiredOn)
    out.push({
      field: 'leftOn',
      code: 'not_after',
      params: { field: 'hiredOn' },
      message: 'must be after the hire date',
    });
  if (hiredOk && effOk && effectiveOn! < r.hiredOn)
    out.push({
      field: 'effectiveOn',
      code: 'invalid',
      message: 'must not be before the hire date',
    });
  if (!Number.isFinite(r.monthlyPayYuan))
    out.push({ field: 'monthlyPayYuan', code: 'not_a_number', message: 'must be a number' });
  else if (r.monthlyPayYuan < 0)
    out.push({
      field: 'monthlyPayYuan',
      code: 'too_small',
      params: { min: 0 },
      message: 'must not be below 0',
    });
  else if (r.monthlyPayYuan > MAX_PAY_YUAN)
    out.push({
      field: 'monthlyPayYuan',
      code: 'too_large',
      params: { max: MAX_PAY_YUAN },
      message: `must not be above ${MAX_PAY_YUAN}`,
    });
  else if (Math.round(r.monthlyPayYuan * 100) !== r.monthlyPayYuan * 100)
    out.push({ field: 'monthlyPayYuan', code: 'invalid', message: 'at most two decimals (fen)' });
  const text = (field: string, v: string | null, max: number, required: boolean) => {
    if (v === null || v.trim() === '') {
      if (required) out.push({ field, code: 'required', message: 'is required' });
    } else if ([...v].length > max)
      out.push({ field, code: 'too_long', params: { max }, message: `at most ${max} characters` });
  };
  text('name', r.name, 64, true);
  text('position', r.position, 64, true);
  text('leaveReason', r.leaveReason, 200, false);
  if (r.gender !== null && !isGender(r.gender))
    out.push({
      field: 'gender',
      code: 'not_one_of',
      params: { allowed: [...WORKER_GENDERS] },
      message: 'is not a gender of the list',
    });
  if (!isEducation(r.education))
    out.push({
      field: 'education',
      code: 'not_one_of',
      params: { allowed: [...WORKER_EDUCATION_LEVELS] },
      message: 'is not a level of the list',
    });
  out.push(...levelProblems(r));
  return out;
}

/** The certificate level is one of the list and goes with a certificate held. */
export function levelProblems(
  r: Pick<WorkforceFacts, 'certified' | 'certificateLevel'>,
): FieldProblem[] {
  if (r.certificateLevel !== null && !isCertificateLevel(r.certificateLevel))
    return [
      {
        field: 'certificateLevel',
        code: 'not_one_of',
        params: { allowed: [...WORKER_CERTIFICATE_LEVELS] },
        message: 'is not a certificate level of the list',
      },
    ];
  // A level is the level of a certificate held (the database refuses it too).
  if (r.certificateLevel !== null && !r.certified)
    return [
      {
        field: 'certificateLevel',
        code: 'paired',
        params: { with: 'certified' },
        message: 'a certificate level needs certified: true',
      },
    ];
  return [];
}

export const sameFacts = (a: WorkforceFacts, b: WorkforceFacts): boolean =>
  a.position === b.position &&
  a.certified === b.certified &&
  a.certificateLevel === b.certificateLevel &&
  a.education === b.education &&
  Math.round(a.monthlyPayYuan * 100) === Math.round(b.monthlyPayYuan * 100);

export const sameRecord = (a: WorkforceRecord, b: WorkforceRecord): boolean =>
  a.name === b.name &&
  a.gender === b.gender &&
  a.birthDate === b.birthDate &&
  a.hiredOn === b.hiredOn &&
  a.leftOn === b.leftOn &&
  (a.leaveReason ?? null) === (b.leaveReason ?? null);
