import { SATISFIED_LEVELS, type FollowUpAttempt, type FollowUpSummary } from '@baitong/contracts';
import type { FollowUpQuery } from '@/api/follow-ups';
import { shanghaiDateKey } from '@/utils/format';

/** The filters of "My follow-ups"; each asks the API for one slice of the worker's open tasks. */
export const FOLLOW_UP_TABS = ['all', 'today', 'overdue', 'retries'] as const;
export type FollowUpTab = (typeof FOLLOW_UP_TABS)[number];

export const isFollowUpTab = (value: unknown): value is FollowUpTab =>
  typeof value === 'string' && (FOLLOW_UP_TABS as readonly string[]).includes(value);

/** The query of one tab: always the caller's own open tasks, soonest due first (the API's order). */
export function followUpQuery(tab: FollowUpTab, compoundId: string | null): FollowUpQuery {
  const query: FollowUpQuery = { assignee: 'me', status: 'open' };
  if (tab === 'today' || tab === 'overdue') query.due = tab;
  if (tab === 'retries') query.retriesPending = true;
  if (compoundId) query.compoundId = compoundId;
  return query;
}

/**
 * Past its due time. The API marks overdue tasks in a job every few minutes; the page does not
 * wait for it, so a task turns red the minute it is late.
 */
export const isLate = (f: Pick<FollowUpSummary, 'status' | 'overdue' | 'dueAt'>, now: number) =>
  f.status === 'open' && (f.overdue || Date.parse(f.dueAt) < now);

/** Whether a task belongs on a tab, by the rules the API filters by. */
export function onFollowUpTab(tab: FollowUpTab, f: FollowUpSummary, now: number): boolean {
  if (f.status !== 'open') return false;
  switch (tab) {
    case 'all':
      return true;
    case 'overdue':
      return isLate(f, now);
    case 'today':
      return !isLate(f, now) && shanghaiDateKey(f.dueAt) === shanghaiDateKey(new Date(now));
    case 'retries':
      return f.tries > 0;
  }
}

/** The API's order: soonest due first, then by id. */
export function compareFollowUps(a: FollowUpSummary, b: FollowUpSummary): number {
  const byDue = Date.parse(a.dueAt) - Date.parse(b.dueAt);
  if (byDue !== 0) return byDue;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A rating that counts against the community: reached, and dissatisfied or "not solved". */
export const isDissatisfied = (a: Pick<FollowUpAttempt, 'outcome' | 'satisfaction' | 'solved'>) =>
  a.outcome === 'reached' &&
  ((a.satisfaction !== null && !SATISFIED_LEVELS.includes(a.satisfaction)) || a.solved === 'no');

/** What the API accepts an appeal for: dissatisfied, not corrected since, never appealed (one each). */
export const isAppealable = (a: FollowUpAttempt) =>
  isDissatisfied(a) && !a.supersededById && !a.appeal;
