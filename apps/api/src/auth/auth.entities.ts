import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt } from '../database/columns';

@Entity('auth_session')
@Check(`"subject_kind" IN ('staff','resident')`)
export class AuthSessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 16 }) subjectKind: 'staff' | 'resident';
  @Index() @Column({ type: 'uuid' }) subjectId: string;
  /** SHA-256 of the current refresh token; the token itself is never stored. */
  @Column({ type: 'varchar', length: 64 }) refreshTokenHash: string;
  @Column({ type: 'timestamptz' }) refreshExpiresAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) userAgent: string | null;
  @CreatedAt() createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) lastRefreshedAt: Date | null;
}

@Entity('otp_code')
@Index(['phone', 'createdAt'])
export class OtpCodeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 20 }) phone: string;
  @Column({ type: 'varchar', length: 64 }) codeHash: string;
  @Column({ type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ type: 'timestamptz', nullable: true }) consumedAt: Date | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip: string | null;
  @CreatedAt() createdAt: Date;
}

/** Fixed-window counters shared by every API process (login throttling, OTP sends). */
@Entity('rate_limit_bucket')
export class RateLimitBucketEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 }) key: string;
  @Column({ type: 'timestamptz' }) windowStart: Date;
  @Column({ type: 'integer' }) count: number;
}
