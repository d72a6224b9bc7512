import { AsyncLocalStorage } from 'node:async_hooks';
import type { Tx } from '../database/tx';

/**
 * Work bound to one HTTP request that must commit with the request's change: the audit row of a
 * staff write is written inside the first transaction the request commits, so a change and its
 * audit row commit together or not at all.
 */
export interface RequestScope {
  beforeCommit?: (tx: Tx) => Promise<void>;
  /** Set once `beforeCommit` has run in a transaction that committed. */
  committedWithChange?: boolean;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();
