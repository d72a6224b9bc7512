import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '../database/tx';
import { DomainEventEntity } from './domain-event.entity';

export type EventInsert = Omit<DomainEventEntity, 'id'>;

@Injectable()
export class EventsRepository {
  constructor(private readonly ds: DataSource) {}

  async append(tx: Tx, e: EventInsert, reactors: string[]): Promise<string> {
    const res = await tx
      .createQueryBuilder()
      .insert()
      .into(DomainEventEntity)
      .values(e as never)
      .returning('id')
      .execute();
    const id = String((res.identifiers[0] as { id: string }).id);
    if (reactors.length > 0) {
      await tx.query(
        `INSERT INTO event_reaction (reactor, event_id, run_after) SELECT unnest($1::varchar[]), $2, $3`,
        [reactors, id, e.at],
      );
    }
    return id;
  }

  /** Events of a room before `before` (or the newest), newest first. */
  beforeInRoom(room: string, before: string | null, limit: number): Promise<DomainEventEntity[]> {
    const q = this.ds
      .getRepository(DomainEventEntity)
      .createQueryBuilder('e')
      .where('e.rooms @> ARRAY[:room]::text[]', { room });
    if (before) q.andWhere('e.id < :before', { before });
    return q.orderBy('e.id', 'DESC').take(limit).getMany();
  }

  /** Events of a room after `since`, oldest first. */
  afterInRoom(room: string, since: string, limit: number): Promise<DomainEventEntity[]> {
    return this.ds
      .getRepository(DomainEventEntity)
      .createQueryBuilder('e')
      .where('e.rooms @> ARRAY[:room]::text[]', { room })
      .andWhere('e.id > :since', { since })
      .orderBy('e.id', 'ASC')
      .take(limit)
      .getMany();
  }

  /** The next due reaction, locked so that another process skips it; inside the caller's transaction. */
  async claimReaction(
    tx: Tx,
    now: Date,
  ): Promise<{ reactor: string; attempts: number; event: DomainEventEntity } | null> {
    const rows: { reactor: string; event_id: string; attempts: number }[] = await tx.query(
      `SELECT reactor, event_id, attempts FROM event_reaction
        WHERE run_after <= $1 ORDER BY event_id, reactor LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now],
    );
    const row = rows[0];
    if (!row) return null;
    const event = await tx.findOneByOrFail(DomainEventEntity, { id: row.event_id });
    return { reactor: row.reactor, attempts: row.attempts, event };
  }

  async completeReaction(tx: Tx, reactor: string, eventId: string): Promise<void> {
    await tx.query('DELETE FROM event_reaction WHERE reactor = $1 AND event_id = $2', [
      reactor,
      eventId,
    ]);
  }

  async deferReaction(
    reactor: string,
    eventId: string,
    runAfter: Date,
    error: string,
  ): Promise<void> {
    await this.ds.query(
      `UPDATE event_reaction SET attempts = attempts + 1, run_after = $3, last_error = $4
        WHERE reactor = $1 AND event_id = $2`,
      [reactor, eventId, runAfter, error.slice(0, 2000)],
    );
  }

  async pendingReactions(): Promise<number> {
    const [{ n }] = (await this.ds.query('SELECT count(*)::int AS n FROM event_reaction')) as [
      { n: number },
    ];
    return n;
  }
}
