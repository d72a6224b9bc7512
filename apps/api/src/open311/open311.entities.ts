import type { ApiClientChannel } from '@baitong/contracts';
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
import { CreatedAt } from '../database/columns';
import { CaseEntity } from '../cases/case.entities';
import { StaffAccountEntity } from '../people/people.entities';

/**
 * A client application allowed to file requests over Open311 (another app, the 12345 hotline).
 * Only the key's sha256 is kept: a lost key is revoked and a new one issued, never shown again.
 */
@Entity('api_client')
@Check(`"channel" IN ('open311','hotline_12345')`)
@Check(`"rate_limit_per_minute" BETWEEN 1 AND 100000`)
@Check(`("revoked_at" IS NULL) = ("revoke_reason" IS NULL)`)
export class ApiClientEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 80 }) name: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) contact: string | null;
  @Column({ type: 'varchar', length: 16 }) channel: ApiClientChannel;
  @Column({ type: 'varchar', length: 16 }) keyPrefix: string;
  @Column({ type: 'varchar', length: 64, unique: true }) keyHash: string;
  /** Category codes the client may file into; empty: every public category. */
  @Column({ type: 'text', array: true, default: '{}' }) categoryCodes: string[];
  /** Streets the client may file into; empty: the whole district. */
  @Column({ type: 'uuid', array: true, default: '{}' }) streetIds: string[];
  @Column({ type: 'integer', default: 60 }) rateLimitPerMinute: number;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;
  @ManyToOne(() => StaffAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<StaffAccountEntity> | null;
  @CreatedAt() createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) lastUsedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) revokedById: string | null;
  @ManyToOne(() => StaffAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'revoked_by_id' })
  revokedBy?: Relation<StaffAccountEntity> | null;
  @Column({ type: 'text', nullable: true }) revokeReason: string | null;
  @Column({ type: 'integer', default: 1 }) version: number;
}

/**
 * Requests per client and minute: the rate limit's counter, in PostgreSQL so that every API
 * process counts the same window. Old minutes are deleted by a job.
 */
@Entity('api_client_usage')
export class ApiClientUsageEntity {
  @PrimaryColumn({ type: 'uuid' }) clientId: string;
  @ManyToOne(() => ApiClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: Relation<ApiClientEntity>;
  @PrimaryColumn({ type: 'timestamptz' }) minute: Date;
  @Column({ type: 'integer', default: 0 }) count: number;
}

/**
 * Open311 `tokens/{token}`: every request a client files gets a token, which resolves to the
 * case's `service_request_id` once the case exists (at once, as Baitong creates cases synchronously).
 */
@Entity('open311_token')
@Index(['clientId', 'createdAt'])
export class Open311TokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 }) token: string;
  @Column({ type: 'uuid' }) clientId: string;
  @ManyToOne(() => ApiClientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id' })
  client?: Relation<ApiClientEntity>;
  @Column({ type: 'uuid', nullable: true }) caseId: string | null;
  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<CaseEntity> | null;
  @CreatedAt() createdAt: Date;
}

export const OPEN311_ENTITIES = [ApiClientEntity, ApiClientUsageEntity, Open311TokenEntity];
