import type { ProposalStatus, ProposalSummary } from '@baitong/contracts';

/** A column of the pipeline board: one status, or the two outcomes of a deliberation. */
export interface BoardColumn {
  key: string;
  statuses: ProposalStatus[];
}

/** The board's columns in lifecycle order (a draft is its author's until submitted). */
export const BOARD_COLUMNS: readonly BoardColumn[] = [
  { key: 'submitted', statuses: ['submitted'] },
  { key: 'screening', statuses: ['screening'] },
  { key: 'open_for_support', statuses: ['open_for_support'] },
  { key: 'scheduled', statuses: ['scheduled'] },
  { key: 'deliberated', statuses: ['deliberated'] },
  { key: 'decided', statuses: ['adopted', 'not_adopted'] },
  { key: 'in_implementation', statuses: ['in_implementation'] },
  { key: 'completed', statuses: ['completed'] },
  { key: 'evaluated', statuses: ['evaluated'] },
];

/** Screened out, merged into a duplicate or withdrawn: folded away unless asked for. */
export const CLOSED_COLUMN: BoardColumn = {
  key: 'closed',
  statuses: ['rejected', 'merged', 'withdrawn'],
};

/** Statuses a merge may go into (the API's MERGE_TARGET_STATUSES). */
export const MERGE_TARGET_STATUSES: readonly ProposalStatus[] = [
  'submitted',
  'screening',
  'open_for_support',
  'scheduled',
];

/** Statuses from which a proposal may be merged into a duplicate. */
export const MERGEABLE_STATUSES: readonly ProposalStatus[] = [
  'submitted',
  'screening',
  'open_for_support',
];

export const CLOSED_STATUSES: readonly ProposalStatus[] = CLOSED_COLUMN.statuses;

export const columnOf = (columns: readonly BoardColumn[], status: ProposalStatus) =>
  columns.find((c) => c.statuses.includes(status)) ?? null;

/** Whole days since `since` (the board's "age in this state"). */
export function daysSince(since: string, now: number): number {
  const ms = now - new Date(since).getTime();
  return ms > 0 ? Math.floor(ms / 86_400_000) : 0;
}

export interface BoardLane {
  items: ProposalSummary[];
  total: number;
}
export type BoardData = Record<string, BoardLane>;

/**
 * The board after a push: the proposal leaves the column it was in and heads the one of its new
 * status (latest change first), counts following. Null when the board cannot tell on its own
 * (the proposal may sit unseen beyond a column's first page): then it is read again.
 */
export function applyProposalPush(
  board: BoardData,
  columns: readonly BoardColumn[],
  proposal: ProposalSummary,
): BoardData | 'unchanged' | null {
  let found: { key: string; item: ProposalSummary } | null = null;
  for (const [key, lane] of Object.entries(board)) {
    const item = lane.items.find((p) => p.id === proposal.id);
    if (item) found = { key, item };
  }
  if (found && found.item.version >= proposal.version) return 'unchanged';
  if (!found && Object.values(board).some((lane) => lane.total > lane.items.length)) return null;
  const next: BoardData = {};
  for (const [key, lane] of Object.entries(board)) {
    if (found?.key === key) {
      next[key] = {
        items: lane.items.filter((p) => p.id !== proposal.id),
        total: Math.max(0, lane.total - 1),
      };
    } else {
      next[key] = lane;
    }
  }
  const target = columnOf(columns, proposal.status);
  const lane = target ? next[target.key] : undefined;
  if (target && lane)
    next[target.key] = { items: [proposal, ...lane.items], total: lane.total + 1 };
  return next;
}
