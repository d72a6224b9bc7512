import { isIsoDate } from './validation.js';

// The date a community elected on `firstElectedOn` becomes ratable (29 Feb rolls to 1 Mar).
export function eligibleFrom(firstElectedOn: string, years: number): string {
  const year = Number(firstElectedOn.slice(0, 4)) + years;
  const candidate = `${String(year).padStart(4, '0')}${firstElectedOn.slice(4)}`;
  return isIsoDate(candidate) ? candidate : `${String(year).padStart(4, '0')}-03-01`;
}

// ISO dates compare as strings.
export function isEligible(
  firstElectedOn: string | null,
  years: number,
  ratingDate: string,
): boolean {
  return firstElectedOn !== null && eligibleFrom(firstElectedOn, years) <= ratingDate;
}
