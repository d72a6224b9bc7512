import type { StreamEventName } from '@baitong/contracts';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Logger } from 'pino';
import type { ChangeActor } from '../auth/actor';
import { CLOCK, type Clock } from '../common/clock';
import { LOGGER } from '../common/logger';
import { requestScope } from '../common/request-scope';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Db } from '../database/db';
import type { Tx } from '../database/tx';
import type { DomainEventEntity } from './domain-event.entity';
import { EventsRepository } from './events.repository';

export type DomainEvent = DomainEventEntity;

export interface EventDraft {
  name: StreamEventName;
  subject: { type: string; id: string };
  communityId?: string | null;
  /** `desk:<id>`, `community:<id>`, `user:<id>`: who is told, live and on replay. */
  rooms?: string[];
  actor: ChangeActor;
  data?: Record<string, unknown>;
  at?: Date;
}

/**
 * A module's reaction to another module's events. `handle` runs inside a transaction that also
 * retires the reaction, so the service calls it makes commit with it, exactly once.
 */
export interface Reactor {
  name: string;
  on: readonly StreamEventName[];
  handle(event: DomainEvent): Promise<void>;
}

export type CommitListener = (events: DomainEvent[]) => Promise<void>;

const POLL_MS = 2_000;
const MAX_ATTEMPTS = 12;

/**
 * The one event stream: append in the change's transaction, publish after commit to whoever
 * listens (real time), and run reactions durably — rows in `event_reaction` are written with the
 * event and retired with the reaction's own writes; failures back off and retry.
 */
@Injectable()
export class EventStream implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly reactors = new Map<string, Reactor>();
  private readonly listeners: CommitListener[] = [];
  private readonly pending = new WeakMap<Tx, DomainEvent[]>();
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly repo: EventsRepository,
    private readonly db: Db,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  /** Events of one room after `since`, oldest first: the replay for a reconnecting client. */
  afterInRoom(room: string, since: string, limit = 1000): Promise<DomainEvent[]> {
    return this.repo.afterInRoom(room, since, limit);
  }

  /** Events of one room before `before` (or the newest), newest first: a resident's inbox. */
  beforeInRoom(room: string, before: string | null, limit: number): Promise<DomainEvent[]> {
    return this.repo.beforeInRoom(room, before, limit);
  }

  /** Registers a reaction; every process registers the same ones at start. */
  react(reactor: Reactor): void {
    if (this.reactors.has(reactor.name))
      throw new Error(`reactor ${reactor.name} registered twice`);
    this.reactors.set(reactor.name, reactor);
  }

  onCommitted(listener: CommitListener): void {
    this.listeners.push(listener);
  }

  /** Appends an event inside `tx`; it is published, and its reactions run, after commit. */
  async append(tx: Tx, d: EventDraft): Promise<string> {
    const actor = d.actor;
    const row = {
      name: d.name,
      at: d.at ?? this.clock.now(),
      subjectType: d.subject.type,
      subjectId: d.subject.id,
      communityId: d.communityId ?? null,
      rooms: [...new Set(d.rooms ?? [])],
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      reason: actor.kind === 'system' ? actor.reason : null,
      data: d.data ?? {},
    };
    const reactors = [...this.reactors.values()].filter((r) => r.on.includes(d.name));
    const id = await this.repo.append(
      tx,
      row,
      reactors.map((r) => r.name),
    );
    let batch = this.pending.get(tx);
    if (!batch) {
      const events: DomainEvent[] = [];
      batch = events;
      this.pending.set(tx, events);
      this.db.afterCommit(tx, () => this.committed(events));
    }
    batch.push({ id, ...row });
    return id;
  }

  private async committed(events: DomainEvent[]): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(events);
      } catch (err) {
        this.log.error({ err }, 'publishing committed events failed');
      }
    }
    if (events.some((e) => [...this.reactors.values()].some((r) => r.on.includes(e.name))))
      void this.drain();
  }

  /** Runs every due reaction; resolves when none is left. Calls queue behind each other. */
  drain(): Promise<number> {
    // Reactions are the system's work, never part of the request that triggered them.
    const run = this.chain.then(() => requestScope.exit(() => this.drainNow()));
    this.chain = run.catch(() => 0);
    return run;
  }

  private async drainNow(): Promise<number> {
    let handled = 0;
    while (!this.stopped && handled < 1000) {
      let claimed: { reactor: string; eventId: string; attempts: number } | null = null;
      try {
        const ran = await this.db.transaction(async (tx) => {
          const next = await this.repo.claimReaction(tx, this.clock.now());
          if (!next) return false;
          claimed = { reactor: next.reactor, eventId: next.event.id, attempts: next.attempts };
          const reactor = this.reactors.get(next.reactor);
          // A reaction this process does not know (an older or newer deployment) waits for one that does.
          if (!reactor) throw new Error(`no reactor named ${next.reactor} in this process`);
          await reactor.handle(next.event);
          await this.repo.completeReaction(tx, next.reactor, next.event.id);
          return true;
        });
        if (!ran) break;
        handled++;
      } catch (err) {
        if (!claimed) throw err;
        const { reactor, eventId, attempts } = claimed as {
          reactor: string;
          eventId: string;
          attempts: number;
        };
        const delayS = attempts + 1 >= MAX_ATTEMPTS ? 24 * 3600 : Math.min(3600, 2 ** attempts);
        this.log.error({ err, reactor, eventId, attempts: attempts + 1 }, 'reaction failed');
        await this.repo.deferReaction(
          reactor,
          eventId,
          new Date(this.clock.now().getTime() + delayS * 1000),
          err instanceof Error ? err.message : String(err),
        );
      }
    }
    return handled;
  }

  onApplicationBootstrap(): void {
    // The poll picks up reactions whose process crashed after the commit, and retries.
    if (this.config.runJobs)
      this.timer = setInterval(() => void this.drain().catch(() => 0), POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.chain.catch(() => undefined);
  }
}
