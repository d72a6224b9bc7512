import type {
  AdoptionRule,
  CouncilMemberKind,
  CouncilMemberRole,
  ParticipationAct,
  ProposalOrigin,
  ProposalStatus,
  ProposalTopic,
  QuorumKind,
  SupportThresholdKind,
} from '@baitong/contracts';
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
  Unique,
} from 'typeorm';
import { CaseEntity, PhotoEntity } from '../cases/case.entities';
import { CreatedAt, UpdatedAt, numericToNumber } from '../database/columns';
import { CommunityEntity, CompoundEntity } from '../org/org.entities';
import { ResidentEntity, StaffAccountEntity } from '../people/people.entities';
import { ProposalProgressEntity } from './implementation.entities';

/** A community's council (幸福议事会) and its rules; the row appears with the first change. */
@Entity('council')
@Check(`"support_threshold_kind" IN ('count','household_share')`)
@Check(`"support_threshold_kind" <> 'count' OR "support_threshold_count" IS NOT NULL`)
@Check(`"support_threshold_count" IS NULL OR "support_threshold_count" > 0`)
@Check(`"support_share_percent" > 0 AND "support_share_percent" <= 100`)
@Check(`"support_minimum" >= 1`)
@Check(`"quorum_kind" IN ('more_than_half','two_thirds','count')`)
@Check(`"quorum_kind" <> 'count' OR "quorum_count" IS NOT NULL`)
@Check(`"quorum_count" IS NULL OR "quorum_count" > 0`)
@Check(`"adoption_rule" IN ('majority_of_present','majority_of_members','two_thirds_of_present')`)
export class CouncilEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', unique: true }) communityId: string;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<CommunityEntity>;
  @Column({ type: 'varchar', length: 16, default: 'household_share' })
  supportThresholdKind: SupportThresholdKind;
  @Column({ type: 'integer', nullable: true }) supportThresholdCount: number | null;
  @Column({
    type: 'numeric',
    precision: 5,
    scale: 2,
    default: 5,
    transformer: numericToNumber,
  })
  supportSharePercent: number;
  @Column({ type: 'integer', default: 10 }) supportMinimum: number;
  @Column({ type: 'varchar', length: 16, default: 'more_than_half' }) quorumKind: QuorumKind;
  @Column({ type: 'integer', nullable: true }) quorumCount: number | null;
  @Column({ type: 'varchar', length: 24, default: 'majority_of_present' })
  adoptionRule: AdoptionRule;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** One term of one member; a term that ended stays on record. */
@Entity('council_member')
@Check(`"kind" IN ('resident','staff','other')`)
@Check(`"role" IN ('chair','vice_chair','member','secretary')`)
@Check(`("kind" = 'resident') = ("resident_id" IS NOT NULL)`)
@Check(`("kind" = 'staff') = ("staff_id" IS NOT NULL)`)
@Check(`"kind" <> 'other' OR "name" IS NOT NULL`)
@Check(`"term_end" IS NULL OR "term_end" >= "term_start"`)
@Index(['councilId', 'termStart'])
@Index(['residentId'])
export class CouncilMemberEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) councilId: string;
  @ManyToOne(() => CouncilEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'council_id' })
  council?: Relation<CouncilEntity>;
  @Column({ type: 'uuid' }) communityId: string;
  @Column({ type: 'varchar', length: 16 }) kind: CouncilMemberKind;
  @Column({ type: 'varchar', length: 16 }) role: CouncilMemberRole;
  @Column({ type: 'uuid', nullable: true }) residentId: string | null;
  @ManyToOne(() => ResidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id' })
  resident?: Relation<ResidentEntity> | null;
  @Column({ type: 'uuid', nullable: true }) staffId: string | null;
  @ManyToOne(() => StaffAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'staff_id' })
  staff?: Relation<StaffAccountEntity> | null;
  /** Outside representatives only; residents and staff are named by their own record. */
  @Column({ type: 'varchar', length: 64, nullable: true }) name: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) organisation: string | null;
  @Column({ type: 'date' }) termStart: string;
  @Column({ type: 'date', nullable: true }) termEnd: string | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

@Entity('proposal')
@Check(
  `"status" IN ('draft','submitted','screening','open_for_support','scheduled','deliberated','adopted','not_adopted','in_implementation','completed','evaluated','rejected','merged','withdrawn')`,
)
@Check(
  `"topic" IN ('environment','facilities','safety','traffic_parking','greening','elderly_children','culture_sports','neighbourhood','property_management','other')`,
)
@Check(`"origin" IN ('resident','staff','cases')`)
// A resident's own proposal has no staff behind it; one staff wrote names the resident it is for.
@Check(
  `("origin" = 'resident' AND "author_resident_id" IS NOT NULL AND "created_by_staff_id" IS NULL)
   OR ("origin" = 'staff' AND "author_resident_id" IS NOT NULL AND "created_by_staff_id" IS NOT NULL)
   OR ("origin" = 'cases' AND "created_by_staff_id" IS NOT NULL)`,
)
@Check(`("status" = 'merged') = ("merged_into_id" IS NOT NULL)`)
@Check(`"merged_into_id" IS NULL OR "merged_into_id" <> "id"`)
@Check(`("status" = 'rejected') = ("rejection_reason" IS NOT NULL)`)
@Check(`"support_count" >= 0`)
@Index(['communityId', 'status', 'statusChangedAt'])
@Index(['authorResidentId'])
// A pg_trgm GIN index over title and description for similar proposals; created by hand.
@Index('idx_proposal_text_trgm', { synchronize: false })
export class ProposalEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 32, unique: true }) number: string;
  @Column({ type: 'uuid' }) communityId: string;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<CommunityEntity>;
  @Column({ type: 'uuid', nullable: true }) compoundId: string | null;
  @ManyToOne(() => CompoundEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'compound_id' })
  compound?: Relation<CompoundEntity> | null;
  @Column({ type: 'varchar', length: 16 }) origin: ProposalOrigin;
  @Column({ type: 'uuid', nullable: true }) authorResidentId: string | null;
  @ManyToOne(() => ResidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_resident_id' })
  authorResident?: Relation<ResidentEntity> | null;
  @Column({ type: 'uuid', nullable: true }) createdByStaffId: string | null;
  @ManyToOne(() => StaffAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_staff_id' })
  createdByStaff?: Relation<StaffAccountEntity> | null;
  @Column({ type: 'varchar', length: 120 }) title: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'varchar', length: 24 }) topic: ProposalTopic;
  @Column({ type: 'varchar', length: 20 }) status: ProposalStatus;
  /** Active supports, kept with each support under the proposal's row lock. */
  @Column({ type: 'integer', default: 0 }) supportCount: number;
  /** The council's threshold when the proposal opened for support. */
  @Column({ type: 'integer', nullable: true }) supportThreshold: number | null;
  @Column({ type: 'timestamptz', nullable: true }) readyAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) mergedIntoId: string | null;
  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id' })
  mergedInto?: Relation<ProposalEntity> | null;
  @Column({ type: 'text', nullable: true }) rejectionReason: string | null;
  @Column({ type: 'text', nullable: true }) withdrawalReason: string | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) openedAt: Date | null;
  @Column({ type: 'timestamptz' }) statusChangedAt: Date;
  @Column({ type: 'integer', default: 1 }) version: number;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** A resident's support: one row per resident and proposal; a withdrawal keeps the row. */
@Entity('proposal_support')
@Unique(['proposalId', 'residentId'])
@Index(['residentId'])
export class ProposalSupportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) proposalId: string;
  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<ProposalEntity>;
  @Column({ type: 'uuid' }) residentId: string;
  @ManyToOne(() => ResidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id' })
  resident?: Relation<ResidentEntity>;
  @Column({ type: 'uuid' }) communityId: string;
  @Column({ type: 'timestamptz' }) supportedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  /** Carried over from a proposal merged into this one. */
  @Column({ type: 'uuid', nullable: true }) carriedFromId: string | null;
  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'carried_from_id' })
  carriedFrom?: Relation<ProposalEntity> | null;
  @CreatedAt() createdAt: Date;
}

/** Residents told of every step: who follow it, whose case it came from, or carried by a merge. */
@Entity('proposal_follower')
@Check(`"reason" IN ('follow','case','merged')`)
@Index(['residentId'])
export class ProposalFollowerEntity {
  @PrimaryColumn({ type: 'uuid' }) proposalId: string;
  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<ProposalEntity>;
  @PrimaryColumn({ type: 'uuid' }) residentId: string;
  @ManyToOne(() => ResidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id' })
  resident?: Relation<ResidentEntity>;
  @Column({ type: 'uuid' }) communityId: string;
  @Column({ type: 'varchar', length: 16 }) reason: 'follow' | 'case' | 'merged';
  @CreatedAt() createdAt: Date;
}

/** Never deleted and never rewritten (a trigger); staff hide one with a reason, on record. */
@Entity('proposal_comment')
@Check(`"author_kind" IN ('staff','resident')`)
@Check(`("author_kind" = 'resident') = ("author_resident_id" IS NOT NULL)`)
@Check(`("author_kind" = 'staff') = ("author_staff_id" IS NOT NULL)`)
@Check(`("hidden_at" IS NULL) = ("hidden_reason" IS NULL)`)
@Index(['proposalId', 'createdAt'])
export class ProposalCommentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) proposalId: string;
  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<ProposalEntity>;
  @Column({ type: 'uuid' }) communityId: string;
  @Column({ type: 'varchar', length: 16 }) authorKind: 'staff' | 'resident';
  @Column({ type: 'uuid', nullable: true }) authorResidentId: string | null;
  @ManyToOne(() => ResidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_resident_id' })
  authorResident?: Relation<ResidentEntity> | null;
  @Column({ type: 'uuid', nullable: true }) authorStaffId: string | null;
  @ManyToOne(() => StaffAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_staff_id' })
  authorStaff?: Relation<StaffAccountEntity> | null;
  @Column({ type: 'varchar', length: 64 }) authorName: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) hiddenAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) hiddenById: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) hiddenByName: string | null;
  @Column({ type: 'text', nullable: true }) hiddenReason: string | null;
}

/** A concern case taken to the council, both ways: the proposal's cases, the case's proposals. */
@Entity('proposal_case')
@Index(['caseId'])
export class ProposalCaseEntity {
  @PrimaryColumn({ type: 'uuid' }) proposalId: string;
  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<ProposalEntity>;
  @PrimaryColumn({ type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<CaseEntity>;
  @Column({ type: 'uuid' }) communityId: string;
  @Column({ type: 'timestamptz' }) linkedAt: Date;
  @Column({ type: 'uuid', nullable: true }) linkedById: string | null;
  /** Carried over from a proposal merged into this one. */
  @Column({ type: 'uuid', nullable: true }) carriedFromId: string | null;
}

/** A photo belongs to one proposal; the photo row and bytes are the cases' photo store. */
@Entity('proposal_photo')
@Index(['proposalId', 'position'])
export class ProposalPhotoEntity {
  @PrimaryColumn({ type: 'uuid' }) photoId: string;
  @ManyToOne(() => PhotoEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'photo_id' })
  photo?: Relation<PhotoEntity>;
  @Column({ type: 'uuid' }) proposalId: string;
  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<ProposalEntity>;
  @Column({ type: 'integer' }) position: number;
  /** A photo of an implementation progress update; null for the proposal's own photos. */
  @Column({ type: 'uuid', nullable: true }) progressId: string | null;
  @ManyToOne(() => ProposalProgressEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'progress_id' })
  progress?: Relation<ProposalProgressEntity> | null;
}

/**
 * Append-only (a trigger): one row per resident, act and subject (a proposal, a meeting, an agenda
 * item), so a retried act never counts twice; the participation rate counts residents in it.
 */
@Entity('participation')
@Check(`"act" IN ('propose','support','comment','attend','vote','evaluate')`)
@Check(`"subject_type" IN ('proposal','meeting','agenda_item')`)
@Unique(['residentId', 'act', 'subjectId'])
@Index(['communityId', 'at'])
@Index(['proposalId'])
export class ParticipationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) residentId: string;
  @ManyToOne(() => ResidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id' })
  resident?: Relation<ResidentEntity>;
  @Column({ type: 'uuid' }) communityId: string;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<CommunityEntity>;
  @Column({ type: 'varchar', length: 16 }) act: ParticipationAct;
  @Column({ type: 'varchar', length: 16 }) subjectType: 'proposal' | 'meeting' | 'agenda_item';
  @Column({ type: 'uuid' }) subjectId: string;
  @Column({ type: 'uuid', nullable: true }) proposalId: string | null;
  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<ProposalEntity> | null;
  @Column({ type: 'timestamptz' }) at: Date;
  @CreatedAt() createdAt: Date;
}
