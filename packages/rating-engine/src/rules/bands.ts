import type { Band, BandsRule } from '../framework/types.js';
import { formatCents, hasAtMostTwoDecimals, toCents } from '../points.js';
import {
  checkFields,
  childPath,
  readNumber,
  requireRecord,
  type IssueList,
} from '../validation.js';
import type { RuleDefinition, RuleOutcome, ValueTarget } from './types.js';

function contains(band: Band, value: number): boolean {
  return (
    (band.min === undefined || value >= band.min) && (band.max === undefined || value < band.max)
  );
}

function describeBand(band: Band): string {
  return `[${band.min ?? '-inf'}, ${band.max ?? 'inf'})`;
}

function readBand(
  raw: unknown,
  path: string,
  issues: IssueList,
  maxCents: number,
): Band | undefined {
  if (!requireRecord(raw, path, issues)) return undefined;
  const before = issues.items.length;
  checkFields(raw, ['min', 'max', 'points'], path, issues);
  const min = readNumber(raw, 'min', path, issues, { optional: true });
  const max = readNumber(raw, 'max', path, issues, { optional: true });
  const points = readNumber(raw, 'points', path, issues, { min: 0, max: maxCents / 100 });
  if (points !== undefined && !hasAtMostTwoDecimals(points)) {
    issues.add(
      childPath(path, 'points'),
      'format',
      `must have at most two decimals, got ${points}`,
    );
  }
  if (raw.min === undefined && raw.max === undefined) {
    issues.add(path, 'required', 'a band needs min, max or both');
  }
  if (min !== undefined && max !== undefined && !(min < max)) {
    issues.add(childPath(path, 'max'), 'range', `must be greater than min (${min}), got ${max}`);
  }
  if (issues.items.length > before || points === undefined) return undefined;
  const band: Band = { points };
  if (min !== undefined) band.min = min;
  if (max !== undefined) band.max = max;
  return band;
}

function validate(
  raw: Record<string, unknown>,
  { path, issues, maxCents }: { path: string; issues: IssueList; maxCents: number },
): BandsRule | undefined {
  checkFields(raw, ['type', 'bands'], path, issues);
  const at = childPath(path, 'bands');
  if (!Array.isArray(raw.bands) || raw.bands.length === 0) {
    issues.add(at, raw.bands === undefined ? 'required' : 'type', 'must be a non-empty array');
    return undefined;
  }
  const bands: Band[] = [];
  let complete = true;
  raw.bands.forEach((item: unknown, i) => {
    const band = readBand(item, childPath(at, i), issues, maxCents);
    if (band === undefined) complete = false;
    else bands.push(band);
  });
  if (!complete) return undefined;
  const order = bands
    .map((band, index) => ({ band, index }))
    .sort((a, b) => (a.band.min ?? -Infinity) - (b.band.min ?? -Infinity));
  for (let i = 1; i < order.length; i++) {
    const previous = order[i - 1];
    const next = order[i];
    if (previous === undefined || next === undefined) continue;
    if ((previous.band.max ?? Infinity) > (next.band.min ?? -Infinity)) {
      issues.add(
        childPath(at, next.index),
        'overlap',
        `${describeBand(next.band)} overlaps bands[${previous.index}] ${describeBand(previous.band)}`,
      );
      return undefined;
    }
  }
  if (!bands.some((band) => toCents(band.points) === maxCents)) {
    issues.add(at, 'invalid_value', `no band awards the indicator's full ${maxCents / 100} points`);
    return undefined;
  }
  return { type: 'bands', bands };
}

function score(rule: BandsRule, value: number, maxCents: number): RuleOutcome {
  const index = rule.bands.findIndex((band) => contains(band, value));
  const band = rule.bands[index];
  if (band === undefined) return { cents: 0, share: 0, outcome: 'no_band', band: null };
  const cents = toCents(band.points);
  return { cents, share: cents / maxCents, outcome: 'band', band: index };
}

function formula(rule: BandsRule, value: number, _maxCents: number, outcome: RuleOutcome): string {
  const band = outcome.band === null ? undefined : rule.bands[outcome.band];
  return band === undefined
    ? `${value} is in no band; 0.00`
    : `${value} in ${describeBand(band)} (band ${(outcome.band ?? 0) + 1}) = ${formatCents(outcome.cents)}`;
}

function distance(band: Band, value: number | null): number {
  if (value === null) return 0;
  if (band.min !== undefined && value < band.min) return band.min - value;
  if (band.max !== undefined && value >= band.max) return value - band.max;
  return 0;
}

// Fixed points per value band: `[min, max)`, first match wins (bands may not overlap).
export const bandsRule: RuleDefinition<BandsRule> = {
  type: 'bands',
  validate,
  bounds: (rule) =>
    rule.bands.flatMap((band) => [band.min, band.max].filter((b) => b !== undefined)),
  score,
  formula,
  levelsAbove(rule, _maxCents, currentCents) {
    const levels = new Set(rule.bands.map((band) => toCents(band.points)));
    return [...levels].filter((cents) => cents > currentCents).sort((a, b) => a - b);
  },
  targetFor(rule, _maxCents, cents, current): ValueTarget {
    const candidates = rule.bands
      .filter((band) => toCents(band.points) >= cents)
      .sort(
        (a, b) =>
          toCents(a.points) - toCents(b.points) || distance(a, current) - distance(b, current),
      );
    const band = candidates[0];
    if (band === undefined) return { min: null, max: null, maxExclusive: false };
    return { min: band.min ?? null, max: band.max ?? null, maxExclusive: band.max !== undefined };
  },
};
