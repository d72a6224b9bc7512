// Points are carried as integer hundredths ("cents") so that subtotals and totals are exact sums of
// the rounded indicator points; they become decimals only at the edge of a result.

// Whole hundredths of a point from a points value that has at most two decimals.
export function toCents(points: number): number {
  return Math.round(points * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}

// Whether a points value has at most two decimals (tolerating binary representation noise).
export function hasAtMostTwoDecimals(points: number): boolean {
  return Math.abs(points * 100 - Math.round(points * 100)) < 1e-6;
}

// Rounds a non-negative value half up to a whole number. The value is first snapped to six
// decimals so that binary noise (28.499999999999996 for 28.5) does not flip the rounding.
export function roundHalfUp(value: number): number {
  return Math.round(Math.round(value * 1e6) / 1e6);
}

// The points (in cents) earned for a share 0..1 of an indicator worth `maxCents`.
export function centsForShare(share: number, maxCents: number): number {
  const clamped = share <= 0 ? 0 : share >= 1 ? 1 : share;
  return roundHalfUp(clamped * maxCents);
}

export function formatCents(cents: number): string {
  return (cents / 100).toFixed(2);
}

// A number for a formula: exact inputs as given, derived values to four decimals.
export function formatNumber(value: number, decimals = 4): string {
  const rounded = Number(value.toFixed(decimals));
  return String(rounded === 0 ? 0 : rounded);
}
