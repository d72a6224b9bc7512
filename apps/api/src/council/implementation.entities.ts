import type { FundingSource, ProposalEvaluationResult } from '@baitong/contracts';
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
} from 'typeorm';
import { CreatedAt, UpdatedAt, numericToNumber } from '../database/columns';
import { StaffAccountEntity } from '../people/people.entities';
import { ProposalEntity } from './council.entities';

/** How an adopted proposal is built: who owns it, the plan, the money; completed once. */
@Entity('proposal_implementation')
@Check(
  `"funding_source" IS NULL OR "funding_source" IN ('community_charity_fund','street_budget','district_budget','property_maintenance_fund','donation','other')`,
)
@Check(`"budget_yuan" IS NULL OR "budget_yuan" >= 0`)
@Check(`"completed_at" IS NULL OR "completed_at" >= "started_at"`)
export class ProposalImplementationEntity {
  @PrimaryColumn({ type: 'uuid' }) proposalId: string;
  @OneToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<ProposalEntity>;
  @Column({ type: 'uuid' }) communityId: string;
  /** A worker of the community who owns it, or a name (the property company, a volunteer team). */
  @Column({ type: 'uuid', nullable: true }) ownerStaffId: string | null;
  @ManyToOne(() => StaffAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_staff_id' })
  ownerStaff?: Relation<StaffAccountEntity> | null;
  @Column({ type: 'varchar', length: 64 }) ownerName: string;
  @Column({ type: 'text' }) plan: string;
  @Column({
    type: 'numeric',
    precision: 12,
    scale: 2,
    nullable: true,
    transformer: numericToNumber,
  })
  budgetYuan: number | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) fundingSource: FundingSource | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) fundingNote: string | null;
  @Column({ type: 'timestamptz' }) startedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ type: 'text', nullable: true }) completionNote: string | null;
  /** The residents' evaluation, taken once every one asked answered or the window passed. */
  @Column({ type: 'jsonb', nullable: true }) evaluation: ProposalEvaluationResult | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** A step of the plan with its planned date; done once, by whom and when. */
@Entity('proposal_milestone')
@Index(['proposalId', 'plannedOn'])
export class ProposalMilestoneEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) proposalId: string;
  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<ProposalEntity>;
  @Column({ type: 'uuid' }) communityId: string;
  @Column({ type: 'varchar', length: 120 }) title: string;
  @Column({ type: 'date' }) plannedOn: string;
  @Column({ type: 'timestamptz', nullable: true }) doneAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) doneById: string | null;
  @CreatedAt() createdAt: Date;
}

/** A progress update with its photos (in `proposal_photo`, naming this update). */
@Entity('proposal_progress')
@Index(['proposalId', 'recordedAt'])
export class ProposalProgressEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) proposalId: string;
  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<ProposalEntity>;
  @Column({ type: 'uuid' }) communityId: string;
  @Column({ type: 'text' }) note: string;
  @Column({ type: 'timestamptz' }) recordedAt: Date;
  @Column({ type: 'uuid' }) recordedById: string;
  @Column({ type: 'varchar', length: 64 }) recordedByName: string;
}
