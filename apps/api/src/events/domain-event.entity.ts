import type { StreamEventName } from '@baitong/contracts';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';

/**
 * Append-only (a trigger refuses UPDATE and DELETE): every domain change of every module, with
 * one sequence. The source of live pushes, of replay after a reconnect and of reactions.
 */
@Entity('domain_event')
@Check(`"actor_kind" IN ('staff','resident','system','client')`)
@Index(['subjectType', 'subjectId', 'id'])
@Index(['communityId', 'id'])
// Replay by room: a GIN index over `rooms`, created by hand in the migration.
@Index('idx_domain_event_rooms', { synchronize: false })
export class DomainEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'varchar', length: 48 }) name: StreamEventName;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'varchar', length: 24 }) subjectType: string;
  @Column({ type: 'uuid' }) subjectId: string;
  @Column({ type: 'uuid', nullable: true }) communityId: string | null;
  /** `desk:<id>`, `community:<id>`, `user:<id>`: where the push goes and what replay filters on. */
  @Column({ type: 'text', array: true, default: '{}' }) rooms: string[];
  @Column({ type: 'varchar', length: 16 }) actorKind: 'staff' | 'resident' | 'system' | 'client';
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) actorName: string | null;
  /** For system changes: why (`overdue`, `desk_hours_changed` …). */
  @Column({ type: 'varchar', length: 48, nullable: true }) reason: string | null;
  @Column({ type: 'jsonb', default: {} }) data: Record<string, unknown>;
}

/**
 * One row per (reactor, event) still to be handled, written with the event. A worker takes a
 * row, runs the reactor and deletes the row in one transaction: a crash between the change and
 * the reaction loses nothing, and a reaction that committed never runs again.
 */
@Entity('event_reaction')
@Index(['runAfter'])
export class EventReactionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) reactor: string;
  @PrimaryColumn({ type: 'bigint' }) eventId: string;
  @ManyToOne(() => DomainEventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<DomainEventEntity>;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ type: 'timestamptz' }) runAfter: Date;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
}
