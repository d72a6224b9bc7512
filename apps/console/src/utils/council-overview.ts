import type { CouncilOverviewFigures, CouncilOverviewRow } from '@baitong/contracts';
import type { AppLocale } from '@/i18n';
import { formatRate } from '@/utils/follow-up-overview';

/** The columns of the overview, in their order; each sorts the table. */
export const OVERVIEW_COLUMNS = [
  'participationRate',
  'newProposals',
  'supports',
  'meetingsHeld',
  'adopted',
  'notAdopted',
  'inImplementation',
  'completed',
  'evaluated',
  'satisfiedShareMean',
  'medianDaysToDecision',
] as const;
export type OverviewColumn = (typeof OVERVIEW_COLUMNS)[number];
export type OverviewSortKey = OverviewColumn | 'community';
export type SortOrder = 'ascending' | 'descending';

export const isOverviewSortKey = (value: unknown): value is OverviewSortKey =>
  value === 'community' || (OVERVIEW_COLUMNS as readonly unknown[]).includes(value);

/** The self-governance participation the district aims at (DESIGN: 80 %, was 60 %). */
export const PARTICIPATION_TARGET = 0.8;

/** A column's figure; "in implementation" is the state today, the others the period's. */
export function figureOf(f: CouncilOverviewFigures, column: OverviewColumn): number | null {
  return column === 'inImplementation' ? f.byStatus.in_implementation : f[column];
}

/**
 * The rows in the order asked for; a row without the figure (no rating, no decision) goes last
 * either way, and equal figures keep the order of the names.
 */
export function sortRows(
  rows: readonly CouncilOverviewRow[],
  key: OverviewSortKey,
  order: SortOrder,
  nameOf: (row: CouncilOverviewRow) => string,
): CouncilOverviewRow[] {
  const sign = order === 'ascending' ? 1 : -1;
  const byName = (a: CouncilOverviewRow, b: CouncilOverviewRow) =>
    nameOf(a).localeCompare(nameOf(b), 'zh-CN');
  return [...rows].sort((a, b) => {
    if (key === 'community') return sign * byName(a, b);
    const x = figureOf(a, key);
    const y = figureOf(b, key);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return x === y ? byName(a, b) : sign * (x - y);
  });
}

/**
 * A share as a percentage (see formatRate); one resident of fourteen thousand is not "0 %": a
 * share above nothing but below the last digit shown reads as "< 0.1 %".
 */
export function formatShare(rate: number | null, locale: AppLocale): string {
  if (rate !== null && rate > 0 && rate < 0.001) return `< ${formatRate(0.001, locale)}`;
  return formatRate(rate, locale);
}
