import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../common/logger';
import { requestScope } from '../common/request-scope';
import type { Tx } from './tx';

interface Open {
  tx: Tx;
  afterCommit: (() => Promise<void> | void)[];
}

/**
 * The one way to write: `transaction` opens a transaction, or joins the one already open in this
 * async context (so a reaction's service call commits with the reaction's own bookkeeping), runs
 * the request's before-commit work inside it, and runs after-commit work (pushes) only once the
 * outermost transaction committed.
 */
@Injectable()
export class Db {
  private readonly open = new AsyncLocalStorage<Open>();
  private readonly byTx = new WeakMap<Tx, Open>();

  constructor(
    private readonly ds: DataSource,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const outer = this.open.getStore();
    if (outer) return fn(outer.tx);
    const state: Open = { tx: null as unknown as Tx, afterCommit: [] };
    const scope = requestScope.getStore();
    let ranRequestWork = false;
    const result = await this.ds.transaction(async (tx) => {
      state.tx = tx;
      this.byTx.set(tx, state);
      const out = await this.open.run(state, () => fn(tx));
      if (scope?.beforeCommit && !scope.committedWithChange) {
        await scope.beforeCommit(tx);
        ranRequestWork = true;
      }
      return out;
    });
    if (ranRequestWork && scope) scope.committedWithChange = true;
    for (const hook of state.afterCommit) {
      try {
        await hook();
      } catch (err) {
        // The change is committed; a failed push is recovered by the client's replay.
        this.log.error({ err }, 'after-commit work failed');
      }
    }
    return result;
  }

  /** Runs `fn` once the transaction `tx` (opened by `transaction`) has committed. */
  afterCommit(tx: Tx, fn: () => Promise<void> | void): void {
    const state = this.byTx.get(tx);
    if (!state) throw new Error('afterCommit needs a transaction opened by Db.transaction');
    state.afterCommit.push(fn);
  }

  /** The transaction open in this async context, if any. */
  current(): Tx | null {
    return this.open.getStore()?.tx ?? null;
  }
}
