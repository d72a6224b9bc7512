import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: a trigger refuses UPDATE and DELETE (see the migration). */
@Entity('audit_log')
@Index(['communityId', 'at'])
@Index(['action', 'at'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'varchar', length: 16 }) actorKind:
    'staff' | 'resident' | 'anonymous' | 'system' | 'client';
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) actorName: string | null;
  @Column({ type: 'varchar', length: 64 }) action: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) entity: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) entityId: string | null;
  /** The community the record belongs to, so audit reads can be scoped like everything else. */
  @Index() @Column({ type: 'uuid', nullable: true }) communityId: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) requestId: string | null;
  @Column({ type: 'jsonb', default: {} }) detail: Record<string, unknown>;
}
