import type { CaseStatus, CaseSummary, ReplyTemplate, ResidentLanguage } from '@baitong/contracts';

/** Statuses in which a case is still with the desk. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'submitted',
  'accepted',
  'in_progress',
  'waiting_resident',
  'waiting_third_party',
];

/**
 * The workbench's tabs: `open` (where it opens: everything still with the desk), then each status
 * in lifecycle order, then `all` with no status filter.
 */
export const QUEUE_TABS = [
  'open',
  'submitted',
  'accepted',
  'in_progress',
  'waiting_resident',
  'waiting_third_party',
  'resolved',
  'all',
] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];
export const DEFAULT_QUEUE_TAB: QueueTab = 'open';

export function isQueueTab(value: unknown): value is QueueTab {
  return typeof value === 'string' && (QUEUE_TABS as readonly string[]).includes(value);
}

/**
 * What a tab asks the API for: open work and each status by due time, nearest first; `all`
 * (finished cases included) newest first, where a due time means little.
 */
export function queueQuery(tab: QueueTab): { status?: string; sort: 'due' | 'newest' } {
  if (tab === 'all') return { sort: 'newest' };
  if (tab === 'open') return { status: OPEN_STATUSES.join(','), sort: 'due' };
  return { status: tab, sort: 'due' };
}

/** Whether a case belongs on a tab, by the same rule the API filters by. */
export function onTab(tab: QueueTab, status: CaseStatus): boolean {
  if (tab === 'all') return true;
  if (tab === 'open') return OPEN_STATUSES.includes(status);
  return status === tab;
}

/** Statuses whose resolve clock runs (waiting for the resident pauses it; a third party does not). */
const RESOLVE_CLOCK: readonly CaseStatus[] = ['accepted', 'in_progress', 'waiting_third_party'];

export type DueKind = 'accept' | 'resolve';

/** The deadline the case is working against now: acceptance, then resolution; none otherwise. */
export function currentDue(c: Pick<CaseSummary, 'status' | 'sla'>): {
  kind: DueKind;
  at: string;
} | null {
  if (c.status === 'submitted' && c.sla.acceptDueAt)
    return { kind: 'accept', at: c.sla.acceptDueAt };
  if (RESOLVE_CLOCK.includes(c.status) && c.sla.resolveDueAt)
    return { kind: 'resolve', at: c.sla.resolveDueAt };
  return null;
}

/**
 * Whether the case is past its current deadline: exactly when its countdown turns to "overdue"
 * ({@link relativeDue}), on the same clock. The server's flags were computed when the row was
 * loaded (and on the server's clock), so they are not mixed in: the mark and the countdown
 * change together.
 */
export function isOverdue(c: Pick<CaseSummary, 'status' | 'sla'>, now: number): boolean {
  const due = currentDue(c);
  return !!due && relativeDue(due.at, now).overdue;
}

/** The queue's order (`sort=due`): nearest current deadline first, none last, then oldest. */
export function compareDue(a: CaseSummary, b: CaseSummary): number {
  const da = currentDue(a);
  const db = currentDue(b);
  if (da && db) {
    const diff = Date.parse(da.at) - Date.parse(db.at);
    if (diff !== 0) return diff;
  } else if (da || db) {
    return da ? -1 : 1;
  }
  return Date.parse(a.submittedAt) - Date.parse(b.submittedAt);
}

/** The `all` tab's order (`sort=newest`): latest submission first. */
export function compareNewest(a: CaseSummary, b: CaseSummary): number {
  return Date.parse(b.submittedAt) - Date.parse(a.submittedAt);
}

/** Where a case goes in a list kept in an order (due order by default). */
export function insertIndex(
  rows: readonly CaseSummary[],
  c: CaseSummary,
  compare: (a: CaseSummary, b: CaseSummary) => number = compareDue,
): number {
  const index = rows.findIndex((row) => compare(c, row) < 0);
  return index === -1 ? rows.length : index;
}

export interface RelativeDue {
  /** i18n key under `due.` */
  key: 'leftMinutes' | 'leftHours' | 'leftDays' | 'overMinutes' | 'overHours' | 'overDays';
  n: number;
  overdue: boolean;
}

const MINUTE = 60_000;

/** "35 min left" / "2 h overdue": minutes under an hour, hours under two days, then days. */
export function relativeDue(dueAt: string, now: number): RelativeDue {
  const diff = Date.parse(dueAt) - now;
  const overdue = diff <= 0;
  const minutes = overdue ? Math.max(1, Math.floor(-diff / MINUTE)) : Math.ceil(diff / MINUTE);
  const prefix = overdue ? 'over' : 'left';
  if (minutes < 60) return { key: `${prefix}Minutes`, n: minutes, overdue };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { key: `${prefix}Hours`, n: hours, overdue };
  return { key: `${prefix}Days`, n: Math.floor(hours / 24), overdue };
}

/** Start of today in Asia/Shanghai (UTC+8, no daylight saving) as epoch milliseconds. */
export function shanghaiDayStart(now: number = Date.now()): number {
  const shifted = now + 8 * 3_600_000;
  return shifted - (shifted % 86_400_000) - 8 * 3_600_000;
}

// One key per form, sent unchanged on every retry (shared with the resident app).
export { newIdempotencyKey } from '@baitong/web-client';

/**
 * The desk a user works at by default: the desk of their account (周洋 leads the 尚格博园 desk),
 * else their compound's desk (grid workers), else the community's own office desk (no compound,
 * where the API also sends cases by default), else the first one listed.
 */
export function defaultDeskFor<D extends { id: string; compoundId: string | null }>(
  desks: readonly D[],
  user: { scope: { level: string; id: string }; deskId?: string | null } | null | undefined,
): D | null {
  const compound = user?.scope.level === 'compound' ? user.scope.id : null;
  return (
    (user?.deskId ? desks.find((d) => d.id === user.deskId) : undefined) ??
    (compound ? desks.find((d) => d.compoundId === compound) : undefined) ??
    desks.find((d) => d.compoundId === null) ??
    desks[0] ??
    null
  );
}

/** A reply template's text in the given language; a template without English falls back to Chinese. */
export function templateBody(
  template: Pick<ReplyTemplate, 'bodyZh' | 'bodyEn'>,
  language: ResidentLanguage,
): string {
  return language === 'en' && template.bodyEn.trim() ? template.bodyEn : template.bodyZh;
}
