import type { AgendaDecision, MeetingStatus, VoteChoice } from '@baitong/contracts';
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
import { CreatedAt, UpdatedAt } from '../database/columns';
import { CommunityEntity } from '../org/org.entities';
import { ResidentEntity, StaffAccountEntity } from '../people/people.entities';
import { CouncilMemberEntity, ProposalEntity } from './council.entities';

/** A council meeting (议事会会议) of one community: planned by its staff, closed with minutes. */
@Entity('meeting')
@Check(`"status" IN ('planned','closed')`)
@Check(`("status" = 'closed') = ("closed_at" IS NOT NULL)`)
@Index(['communityId', 'startsAt'])
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) communityId: string;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<CommunityEntity>;
  @Column({ type: 'varchar', length: 120 }) title: string;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'varchar', length: 200 }) place: string;
  @Column({ type: 'varchar', length: 16 }) status: MeetingStatus;
  @Column({ type: 'text', nullable: true }) minutes: string | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'uuid' }) createdById: string;
  @ManyToOne(() => StaffAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<StaffAccountEntity>;
  @Column({ type: 'integer', default: 1 }) version: number;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** One proposal on a meeting's agenda, with the decision the meeting took on it. */
@Entity('meeting_agenda_item')
@Check(`"decision" IS NULL OR "decision" IN ('adopted','not_adopted')`)
@Check(`("decision" IS NULL) = ("decided_at" IS NULL)`)
@Unique(['meetingId', 'proposalId'])
@Index(['proposalId'])
export class MeetingAgendaItemEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) meetingId: string;
  @ManyToOne(() => MeetingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<MeetingEntity>;
  @Column({ type: 'uuid' }) proposalId: string;
  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<ProposalEntity>;
  @Column({ type: 'uuid' }) communityId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'varchar', length: 16, nullable: true }) decision: AgendaDecision | null;
  @Column({ type: 'integer', nullable: true }) presentAtDecision: number | null;
  @Column({ type: 'integer', nullable: true }) requiredFor: number | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', nullable: true }) decisionNote: string | null;
  @CreatedAt() createdAt: Date;
}

/**
 * Who was there, recorded on the spot: a serving member of the council (a resident member also
 * names the resident), or a resident of the community who came to listen. Once each.
 */
@Entity('meeting_attendance')
@Check(`"kind" IN ('member','resident')`)
@Check(`("kind" = 'member') = ("member_id" IS NOT NULL)`)
@Check(`"kind" <> 'resident' OR "resident_id" IS NOT NULL`)
@Index('uq_meeting_attendance_member', ['meetingId', 'memberId'], {
  unique: true,
  where: `"member_id" IS NOT NULL`,
})
@Index('uq_meeting_attendance_resident', ['meetingId', 'residentId'], {
  unique: true,
  where: `"resident_id" IS NOT NULL`,
})
export class MeetingAttendanceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) meetingId: string;
  @ManyToOne(() => MeetingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<MeetingEntity>;
  @Column({ type: 'uuid' }) communityId: string;
  @Column({ type: 'varchar', length: 16 }) kind: 'member' | 'resident';
  @Column({ type: 'uuid', nullable: true }) memberId: string | null;
  @ManyToOne(() => CouncilMemberEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id' })
  member?: Relation<CouncilMemberEntity> | null;
  @Column({ type: 'uuid', nullable: true }) residentId: string | null;
  @ManyToOne(() => ResidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id' })
  resident?: Relation<ResidentEntity> | null;
  @Column({ type: 'timestamptz' }) recordedAt: Date;
  @Column({ type: 'uuid' }) recordedById: string;
}

/** A member's vote on one agenda item: one per member and item (the unique key decides). */
@Entity('meeting_vote')
@Check(`"choice" IN ('for','against','abstain')`)
@Unique(['agendaItemId', 'memberId'])
@Index(['meetingId'])
export class MeetingVoteEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) agendaItemId: string;
  @ManyToOne(() => MeetingAgendaItemEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agenda_item_id' })
  agendaItem?: Relation<MeetingAgendaItemEntity>;
  @Column({ type: 'uuid' }) meetingId: string;
  @Column({ type: 'uuid' }) memberId: string;
  @ManyToOne(() => CouncilMemberEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id' })
  member?: Relation<CouncilMemberEntity>;
  @Column({ type: 'varchar', length: 8 }) choice: VoteChoice;
  @Column({ type: 'timestamptz' }) recordedAt: Date;
  @Column({ type: 'uuid' }) recordedById: string;
}
