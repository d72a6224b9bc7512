import type { WorkerCertificateLevel, WorkerEducation, WorkerGender } from '@baitong/contracts';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import { CreatedAt, UpdatedAt, numericToNumber } from '../database/columns';
import { CommunityEntity } from '../org/org.entities';

const CERTIFICATE_LEVEL_CHECK = `"certificate_level" IS NULL OR "certificate_level" IN ('assistant','intermediate','senior')`;
/** A level is a level of a certificate held: the database refuses one without it. */
const LEVEL_NEEDS_CERTIFICATE = `"certificate_level" IS NULL OR "certified"`;

/**
 * One worker of one community as of today (社区工作者名册). The facts that change over time
 * (position, certificate, degree, pay) are copies of the latest revision's, kept here so that
 * lists read one row; the figures read them "as of" a day from `workforce_revision`.
 */
@Entity('workforce_entry')
@Unique(['communityId', 'workerNumber'])
@Index(['communityId', 'hiredOn'])
@Check(`"education" IN ('below_bachelor','bachelor','master_or_above')`)
@Check(`"gender" IS NULL OR "gender" IN ('female','male')`)
@Check(`"left_on" IS NULL OR "left_on" > "hired_on"`)
@Check(`"monthly_pay_yuan" >= 0`)
@Check(CERTIFICATE_LEVEL_CHECK)
@Check(LEVEL_NEEDS_CERTIFICATE)
export class WorkforceEntryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) communityId: string;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<CommunityEntity>;
  @Column({ type: 'varchar', length: 32 }) workerNumber: string;
  @Column({ type: 'varchar', length: 64 }) name: string;
  @Column({ type: 'varchar', length: 8, nullable: true }) gender: WorkerGender | null;
  @Column({ type: 'date' }) birthDate: string;
  @Column({ type: 'date' }) hiredOn: string;
  /** The first day no longer employed. */
  @Column({ type: 'date', nullable: true }) leftOn: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) leaveReason: string | null;
  @Column({ type: 'varchar', length: 64 }) position: string;
  @Column({ type: 'boolean' }) certified: boolean;
  /** Null: not certified, or the level not recorded (rows imported before it was asked). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  certificateLevel: WorkerCertificateLevel | null;
  @Column({ type: 'varchar', length: 20 }) education: WorkerEducation;
  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: numericToNumber })
  monthlyPayYuan: number;
  /** The effective day of the revision whose facts the columns above hold. */
  @Column({ type: 'date' }) factsEffectiveOn: string;
  @Column({ type: 'integer', default: 1 }) version: number;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/**
 * The history of a worker's changing facts, append-only (a trigger refuses UPDATE and DELETE):
 * each row holds all four facts from `effective_on` until the next row's. For one day, the row in
 * force is the one with the greatest `effective_on` ≤ that day (the latest recorded on a tie).
 */
@Entity('workforce_revision')
@Index(['entryId', 'effectiveOn'])
@Index(['communityId', 'effectiveOn'])
@Check(`"education" IN ('below_bachelor','bachelor','master_or_above')`)
@Check(`"monthly_pay_yuan" >= 0`)
@Check(CERTIFICATE_LEVEL_CHECK)
@Check(LEVEL_NEEDS_CERTIFICATE)
export class WorkforceRevisionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) entryId: string;
  @ManyToOne(() => WorkforceEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id' })
  entry?: Relation<WorkforceEntryEntity>;
  /** The entry's community, so the figures of many communities read by one index. */
  @Column({ type: 'uuid' }) communityId: string;
  @Column({ type: 'date' }) effectiveOn: string;
  @Column({ type: 'varchar', length: 64 }) position: string;
  @Column({ type: 'boolean' }) certified: boolean;
  /** Null: not certified, or the level not recorded (rows imported before it was asked). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  certificateLevel: WorkerCertificateLevel | null;
  @Column({ type: 'varchar', length: 20 }) education: WorkerEducation;
  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: numericToNumber })
  monthlyPayYuan: number;
  @Column({ type: 'uuid', nullable: true }) recordedById: string | null;
  @Column({ type: 'varchar', length: 64 }) recordedByName: string;
  @Column({ type: 'timestamptz' }) recordedAt: Date;
}
