import type {
  CaseChannel,
  CategoryField,
  CaseEventType,
  CaseKind,
  CaseStatus,
  FollowUpScript,
  MediationOutcome,
  ReplyTemplate,
  SlaUnit,
  ThirdParty,
} from '@baitong/contracts';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import { CreatedAt, UpdatedAt } from '../database/columns';
import { CommunityEntity, CompoundEntity, DeskEntity } from '../org/org.entities';
import { ResidentEntity, StaffAccountEntity } from '../people/people.entities';
import { ApiClientEntity } from '../open311/open311.entities';

@Entity('category')
@Check(`"kind" IN ('affair','inquiry','concern','dispute')`)
@Check(`"resolve_within_unit" IN ('open_hours','working_days')`)
@Check(`"accept_within_minutes" > 0 AND "resolve_within_value" > 0`)
export class CategoryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 16 }) kind: CaseKind;
  @Column({ type: 'varchar', length: 48, unique: true }) code: string;
  @Column({ type: 'varchar', length: 64 }) nameZh: string;
  @Column({ type: 'varchar', length: 128 }) nameEn: string;
  @Column({ type: 'integer' }) acceptWithinMinutes: number;
  @Column({ type: 'integer' }) resolveWithinValue: number;
  @Column({ type: 'varchar', length: 16 }) resolveWithinUnit: SlaUnit;
  @Column({ type: 'boolean', default: true }) followUpRequired: boolean;
  @Column({ type: 'boolean', default: false }) publicArea: boolean;
  @Column({ type: 'jsonb', default: [] }) replyTemplates: ReplyTemplate[];
  /** The follow-up script (回访话术) in Chinese and English, shown while recording. */
  @Column({ type: 'jsonb', nullable: true }) followUpScript: FollowUpScript | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** Listed in the Open311 catalogue and open to client applications (docs/OPEN311.md). */
  @Column({ type: 'boolean', default: true }) public: boolean;
  @Column({ type: 'text', nullable: true }) descriptionZh: string | null;
  @Column({ type: 'text', nullable: true }) descriptionEn: string | null;
  @Column({ type: 'text', array: true, default: '{}' }) keywords: string[];
  /** The questions asked on intake; over Open311 they are the service definition's attributes. */
  @Column({ type: 'jsonb', default: [] }) fields: CategoryField[];
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

@Entity('service_case')
@Check(
  `"status" IN ('submitted','accepted','in_progress','waiting_resident','waiting_third_party','resolved','closed','rejected')`,
)
// Whom the case waits for is named exactly while it waits for a third party.
@Check(
  `("status" = 'waiting_third_party') = ("waiting_for" IS NOT NULL) AND ("waiting_for" IS NULL OR "waiting_for" IN ('property_company','utility_company','government_department','contractor','other'))`,
)
@Check(`"channel" IN ('app','desk','phone','grid_patrol','hotline_12345','council','open311')`)
@Check(`"kind" IN ('affair','inquiry','concern','dispute')`)
@Check(`"repeat_decision" IS NULL OR "repeat_decision" IN ('linked','dismissed')`)
// A grid worker's patrol finding (a hazard, a blocked lane) needs no resident behind it, and an
// Open311 client may file anonymously (the standard makes every contact field optional).
@Check(
  `"resident_id" IS NOT NULL OR "walk_in_name" IS NOT NULL OR "channel" = 'grid_patrol' OR "api_client_id" IS NOT NULL`,
)
@Check(`("lat" IS NULL) = ("lng" IS NULL)`)
@Index('idx_case_desk_queue', ['deskId', 'status', 'resolveDueAt'])
@Index('idx_case_community_status', ['communityId', 'status', 'submittedAt'])
@Index('idx_case_resident', ['residentId', 'submittedAt'])
@Index('idx_case_place', ['compoundId', 'categoryId', 'resolvedAt'])
// A pg_trgm GIN index for repeat candidates; created by hand in a migration, so TypeORM leaves it alone.
@Index('idx_case_description_trgm', { synchronize: false })
// The desk queue's order over open cases only (expression index, also created by hand).
@Index('idx_case_desk_open_due', { synchronize: false })
// Open311 `GET requests` lists a client's window of requests by time.
@Index('idx_case_submitted', ['submittedAt'])
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 32, unique: true }) number: string;
  @Column({ type: 'varchar', length: 16 }) kind: CaseKind;
  @Column({ type: 'uuid' }) categoryId: string;
  @ManyToOne(() => CategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: Relation<CategoryEntity>;
  @Column({ type: 'varchar', length: 16 }) channel: CaseChannel;
  @Column({ type: 'varchar', length: 20 }) status: CaseStatus;
  @Column({ type: 'uuid' }) communityId: string;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<CommunityEntity>;
  @Column({ type: 'uuid', nullable: true }) compoundId: string | null;
  @ManyToOne(() => CompoundEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'compound_id' })
  compound?: Relation<CompoundEntity> | null;
  @Column({ type: 'uuid' }) deskId: string;
  @ManyToOne(() => DeskEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'desk_id' })
  desk?: Relation<DeskEntity>;
  @Column({ type: 'uuid', nullable: true }) residentId: string | null;
  @ManyToOne(() => ResidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id' })
  resident?: Relation<ResidentEntity> | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) walkInName: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) walkInPhone: string | null;
  @Index() @Column({ type: 'uuid', nullable: true }) assigneeId: string | null;
  @ManyToOne(() => StaffAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: Relation<StaffAccountEntity> | null;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) place: string | null;
  @Column({ type: 'timestamptz' }) submittedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'text', nullable: true }) resolution: string | null;
  @Column({ type: 'text', nullable: true }) rejectionReason: string | null;
  @Column({ type: 'integer', default: 0 }) reopenCount: number;
  @Column({ type: 'uuid', nullable: true }) repeatOfId: string | null;
  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'repeat_of_id' })
  repeatOf?: Relation<CaseEntity> | null;
  /** The earlier request the resident pointed to; staff confirm or dismiss it. */
  @Column({ type: 'uuid', nullable: true }) earlierCaseId: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) repeatDecision:
    'linked' | 'dismissed' | null;
  @Column({ type: 'uuid', nullable: true }) repeatDecidedById: string | null;
  @Column({ type: 'timestamptz', nullable: true }) repeatDecidedAt: Date | null;
  @Column({ type: 'boolean', default: false }) escalated: boolean;
  @Column({ type: 'timestamptz', nullable: true }) acceptDueAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) resolveDueAt: Date | null;
  /** Waiting-for-resident periods: the SLA clock does not run in them. */
  @Column({ type: 'jsonb', default: [] }) pauses: { from: string; to: string | null }[];
  /** The third party a `waiting_third_party` case waits for; the SLA clock keeps running meanwhile. */
  @Column({ type: 'varchar', length: 24, nullable: true }) waitingFor: ThirdParty | null;
  @Column({ type: 'timestamptz', nullable: true }) acceptOverdueAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) resolveOverdueAt: Date | null;
  @Column({ type: 'integer', default: 1 }) version: number;
  /** Where the matter is, WGS-84 (converted from GCJ-02 / BD-09 at the edges); null when not given. */
  @Column({ type: 'double precision', nullable: true }) lat: number | null;
  @Column({ type: 'double precision', nullable: true }) lng: number | null;
  /** The client application (API key) that filed the case over Open311; null for every other channel. */
  @Index() @Column({ type: 'uuid', nullable: true }) apiClientId: string | null;
  @ManyToOne(() => ApiClientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'api_client_id' })
  apiClient?: Relation<ApiClientEntity> | null;
  /** Answers to the category's fields (`attribute[code]` over Open311), validated on intake. */
  @Column({ type: 'jsonb', default: {} }) attributes: Record<string, string | number | string[]>;
  /** A photo the client hosts itself (Open311 `media_url`). */
  @Column({ type: 'varchar', length: 1000, nullable: true }) mediaUrl: string | null;
  /**
   * The Open311 submitter's contact beyond name and phone (those go to walk-in name and phone):
   * e-mail, device and account ids. Personal data: only ever read inside Baitong.
   */
  @Column({ type: 'jsonb', nullable: true }) submitter: {
    email?: string;
    deviceId?: string;
    accountId?: string;
  } | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** Append-only: the audit trail of every case and the single source for metrics and live replay. */
@Entity('case_event')
@Index(['caseId', 'id'])
@Index(['deskId', 'id'])
@Index(['communityId', 'id'])
@Index(['residentId', 'id'])
export class CaseEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<CaseEntity>;
  @Column({ type: 'varchar', length: 24 }) type: CaseEventType;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  /** `client`: an Open311 client application, named by its API key's client id and name. */
  @Column({ type: 'varchar', length: 16 }) actorKind: 'staff' | 'resident' | 'system' | 'client';
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) actorName: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) fromStatus: CaseStatus | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) toStatus: CaseStatus | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'jsonb', default: {} }) data: Record<string, unknown>;
  /** Where the case was when this happened: the rooms the event goes to, and replays after reconnects. */
  @Column({ type: 'uuid' }) communityId: string;
  @Column({ type: 'uuid' }) deskId: string;
  @Column({ type: 'uuid', nullable: true }) residentId: string | null;
  @Column({ type: 'uuid', nullable: true }) assigneeId: string | null;
}

@Entity('case_mediation')
@Check(`"outcome" IS NULL OR "outcome" IN ('mediated','partially_mediated','failed','referred')`)
export class CaseMediationEntity {
  @PrimaryColumn({ type: 'uuid' }) caseId: string;
  @OneToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<CaseEntity>;
  @Column({ type: 'jsonb' }) parties: { name: string; role: string; phone?: string }[];
  @Column({ type: 'varchar', length: 64 }) mediatorName: string;
  @Column({ type: 'jsonb', default: [] }) sessions: { at: string; note: string }[];
  @Column({ type: 'varchar', length: 24, nullable: true }) outcome: MediationOutcome | null;
  @Column({ type: 'text', nullable: true }) agreement: string | null;
  @UpdatedAt() updatedAt: Date;
}

/** A retried create returns the first result; the same key with another body is refused. */
@Entity('idempotency_key')
@Unique(['actorId', 'key'])
export class IdempotencyKeyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) actorId: string;
  @Column({ type: 'varchar', length: 64 }) key: string;
  @Column({ type: 'varchar', length: 64 }) requestHash: string;
  @Column({ type: 'uuid', nullable: true }) caseId: string | null;
  @CreatedAt() createdAt: Date;
}

@Entity('photo')
// The quota reads an uploader's recent bytes on every upload.
@Index(['uploaderId', 'createdAt'])
// A photo on a case is attached; so is one another module (a proposal) took.
@Check(`"case_id" IS NULL OR "attached_at" IS NOT NULL`)
export class PhotoEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 16 }) uploaderKind: 'staff' | 'resident';
  @Column({ type: 'uuid' }) uploaderId: string;
  @Index() @Column({ type: 'uuid', nullable: true }) caseId: string | null;
  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<CaseEntity> | null;
  @Column({ type: 'varchar', length: 32 }) contentType: string;
  @Column({ type: 'integer' }) sizeBytes: number;
  @Column({ type: 'varchar', length: 128 }) storageKey: string;
  @Column({ type: 'varchar', length: 64 }) sha256: string;
  /** Null until a case or a proposal takes it; unattached photos count against the quota and expire. */
  @Column({ type: 'timestamptz', nullable: true }) attachedAt: Date | null;
  @CreatedAt() createdAt: Date;
}
