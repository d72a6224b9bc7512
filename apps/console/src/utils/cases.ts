import type { CaseStatus, CaseSummary } from '@baitong/contracts';

/** Statuses in which a case is still with the desk. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'submitted',
  'accepted',
  'in_progress',
  'waiting_resident',
];

/** The workbench's status tabs, in lifecycle order; `all` sets no status filter. */
export const QUEUE_TABS = [
  'submitted',
  'accepted',
  'in_progress',
  'waiting_resident',
  'resolved',
  'all',
] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export function isQueueTab(value: unknown): value is QueueTab {
  return typeof value === 'string' && (QUEUE_TABS as readonly string[]).includes(value);
}

export type DueKind = 'accept' | 'resolve';

/** The deadline the case is working against now: acceptance, then resolution; none otherwise. */
export function currentDue(c: Pick<CaseSummary, 'status' | 'sla'>): {
  kind: DueKind;
  at: string;
} | null {
  if (c.status === 'submitted' && c.sla.acceptDueAt)
    return { kind: 'accept', at: c.sla.acceptDueAt };
  if ((c.status === 'accepted' || c.status === 'in_progress') && c.sla.resolveDueAt)
    return { kind: 'resolve', at: c.sla.resolveDueAt };
  return null;
}

/**
 * Whether the case is past its current deadline. The server's flags can lag behind the clock
 * (a row loaded a while ago), so the due time itself counts too.
 */
export function isOverdue(c: Pick<CaseSummary, 'status' | 'sla'>, now: number): boolean {
  if (c.status === 'submitted') {
    return c.sla.acceptOverdue || (!!c.sla.acceptDueAt && Date.parse(c.sla.acceptDueAt) <= now);
  }
  if (c.status === 'accepted' || c.status === 'in_progress') {
    return c.sla.resolveOverdue || (!!c.sla.resolveDueAt && Date.parse(c.sla.resolveDueAt) <= now);
  }
  return false;
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

/** Where a case goes in a list kept in due order. */
export function dueInsertIndex(rows: readonly CaseSummary[], c: CaseSummary): number {
  const index = rows.findIndex((row) => compareDue(c, row) < 0);
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

/** A key to send with a create call: generated once per form, reused on every retry. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  // Outside a secure context randomUUID is missing; getRandomValues is always there.
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The desk a user works at by default: their compound's desk (grid workers), else the
 * community's own office desk (no compound, where the API also sends cases by default), else
 * the first one listed.
 */
export function defaultDeskFor<D extends { compoundId: string | null }>(
  desks: readonly D[],
  user: { scope: { level: string; id: string } } | null | undefined,
): D | null {
  const compound = user?.scope.level === 'compound' ? user.scope.id : null;
  return (
    (compound ? desks.find((d) => d.compoundId === compound) : undefined) ??
    desks.find((d) => d.compoundId === null) ??
    desks[0] ??
    null
  );
}
