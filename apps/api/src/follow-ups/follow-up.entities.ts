import type {
  AppealStatus,
  FollowUpMethod,
  FollowUpOutcome,
  FollowUpStatus,
  FollowUpVerdict,
  SatisfactionLevel,
  SolvedAnswer,
} from '@baitong/contracts';
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
import { CaseEntity } from '../cases/case.entities';
import { ProposalEntity } from '../council/council.entities';
import { CreatedAt, UpdatedAt } from '../database/columns';
import { CommunityEntity } from '../org/org.entities';
import { StaffAccountEntity } from '../people/people.entities';

/**
 * One follow-up (回访) of a resolved case: scheduled by the resolution, completed by an attempt. A
 * completed council project's evaluation is a follow-up too: it names the proposal instead of a
 * case, one per resident, and has no consequence for any case.
 */
@Entity('follow_up_task')
@Check(`"status" IN ('open','done','unreachable')`)
@Check(`("case_id" IS NULL) <> ("proposal_id" IS NULL)`)
@Index('uq_follow_up_task_proposal_resident', ['proposalId', 'residentId'], {
  unique: true,
  where: `"proposal_id" IS NOT NULL`,
})
@Check(`"verdict" IS NULL OR "verdict" IN ('close','reopen')`)
@Check(`("status" = 'open') = ("completed_at" IS NULL)`)
// One open follow-up per case, whatever reacts twice.
@Index('uq_follow_up_task_open_case', ['caseId'], { unique: true, where: `"status" = 'open'` })
@Index(['assigneeId', 'status', 'dueAt'])
@Index(['communityId', 'status', 'dueAt'])
@Index(['communityId', 'firstDueAt'])
@Index(['caseId', 'round'])
export class FollowUpTaskEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Null for a project evaluation, which names its proposal instead. */
  @Column({ type: 'uuid', nullable: true }) caseId: string | null;
  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<CaseEntity> | null;
  @Column({ type: 'uuid', nullable: true }) proposalId: string | null;
  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<ProposalEntity> | null;
  @Column({ type: 'uuid' }) communityId: string;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<CommunityEntity>;
  @Column({ type: 'uuid', nullable: true }) compoundId: string | null;
  @Column({ type: 'uuid', nullable: true }) residentId: string | null;
  @Column({ type: 'uuid', nullable: true }) assigneeId: string | null;
  @ManyToOne(() => StaffAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: Relation<StaffAccountEntity> | null;
  @Column({ type: 'varchar', length: 16 }) status: FollowUpStatus;
  @Column({ type: 'integer' }) round: number;
  @Column({ type: 'timestamptz' }) dueAt: Date;
  @Column({ type: 'timestamptz' }) firstDueAt: Date;
  @Column({ type: 'integer', default: 0 }) tries: number;
  @Column({ type: 'timestamptz', nullable: true }) overdueAt: Date | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) verdict: FollowUpVerdict | null;
  @Column({ type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) resultAttemptId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) reworkDueAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) invitedAt: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** Append-only (a trigger refuses UPDATE and DELETE): every try to reach the resident, as it was recorded. */
@Entity('follow_up_attempt')
@Check(`"method" IN ('phone','visit','in_person','app')`)
@Check(`"outcome" IN ('reached','unreachable','declined')`)
@Check(
  `"satisfaction" IS NULL OR "satisfaction" IN ('very_satisfied','satisfied','basically_satisfied','dissatisfied','very_dissatisfied')`,
)
@Check(`"solved" IS NULL OR "solved" IN ('yes','partly','no')`)
// A reached resident answers both questions; nobody else does.
@Check(`("outcome" = 'reached') = ("satisfaction" IS NOT NULL AND "solved" IS NOT NULL)`)
@Check(`("supersedes_id" IS NULL) = ("supersede_reason" IS NULL)`)
@Check(`"recorded_by_kind" IN ('staff','resident')`)
@Unique(['recordedById', 'idempotencyKey'])
@Index(['taskId', 'recordedAt'])
@Index(['communityId', 'recordedAt'])
export class FollowUpAttemptEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) taskId: string;
  @ManyToOne(() => FollowUpTaskEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id' })
  task?: Relation<FollowUpTaskEntity>;
  /** Null for a project evaluation. */
  @Column({ type: 'uuid', nullable: true }) caseId: string | null;
  @Column({ type: 'uuid' }) communityId: string;
  @Column({ type: 'varchar', length: 16 }) method: FollowUpMethod;
  @Column({ type: 'varchar', length: 16 }) outcome: FollowUpOutcome;
  @Column({ type: 'varchar', length: 24, nullable: true }) satisfaction: SatisfactionLevel | null;
  @Column({ type: 'varchar', length: 8, nullable: true }) solved: SolvedAnswer | null;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Column({ type: 'varchar', length: 16 }) recordedByKind: 'staff' | 'resident';
  @Column({ type: 'uuid' }) recordedById: string;
  @Column({ type: 'varchar', length: 64 }) recordedByName: string;
  @Column({ type: 'timestamptz' }) recordedAt: Date;
  @Column({ type: 'uuid', nullable: true }) supersedesId: string | null;
  @ManyToOne(() => FollowUpAttemptEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id' })
  supersedes?: Relation<FollowUpAttemptEntity> | null;
  @Column({ type: 'text', nullable: true }) supersedeReason: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) idempotencyKey: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) requestHash: string | null;
  @CreatedAt() createdAt: Date;
}

/** Staff contest a dissatisfied rating (申诉复核); the street admin decides. Never deleted. */
@Entity('follow_up_appeal')
@Check(`"status" IN ('pending','upheld','rejected')`)
@Check(`("status" = 'pending') = ("decided_at" IS NULL)`)
@Index(['communityId', 'status'])
@Index(['streetId', 'status'])
export class FollowUpAppealEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', unique: true }) attemptId: string;
  @ManyToOne(() => FollowUpAttemptEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: Relation<FollowUpAttemptEntity>;
  @Column({ type: 'uuid' }) taskId: string;
  @Column({ type: 'uuid' }) caseId: string;
  @Column({ type: 'uuid' }) communityId: string;
  @Column({ type: 'uuid' }) streetId: string;
  @Column({ type: 'varchar', length: 16 }) status: AppealStatus;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'text' }) evidence: string;
  @Column({ type: 'uuid' }) appealedById: string;
  @Column({ type: 'varchar', length: 64 }) appealedByName: string;
  @Column({ type: 'timestamptz' }) appealedAt: Date;
  @Column({ type: 'uuid', nullable: true }) decidedById: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) decidedByName: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', nullable: true }) decisionReason: string | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
