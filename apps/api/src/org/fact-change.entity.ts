import type { RatingFactField } from '@baitong/contracts';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { CommunityEntity, DeskEntity } from './org.entities';

/**
 * Append-only history of the facts the rating rests on (a trigger refuses UPDATE and DELETE):
 * who changed which fact of a community or of one of its desks, from what to what, and why.
 */
@Entity('community_fact_change')
@Index(['communityId', 'at'])
@Check(`"field" IN ('firstElectedOn','households','registeredResidents','areaSqm')`)
export class CommunityFactChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) communityId: string;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<CommunityEntity>;
  /** Set for a desk's fact (its area); null for the community's own. */
  @Index() @Column({ type: 'uuid', nullable: true }) deskId: string | null;
  @ManyToOne(() => DeskEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'desk_id' })
  desk?: Relation<DeskEntity> | null;
  @Column({ type: 'varchar', length: 32 }) field: RatingFactField;
  /** The value as text (a date, a whole number, a decimal); null where there was none. */
  @Column({ type: 'text', nullable: true }) oldValue: string | null;
  @Column({ type: 'text', nullable: true }) newValue: string | null;
  @Column({ type: 'varchar', length: 500 }) reason: string;
  @Column({ type: 'uuid' }) actorId: string;
  @Column({ type: 'varchar', length: 64 }) actorName: string;
  @Column({ type: 'varchar', length: 32 }) actorRole: string;
  @Column({ type: 'timestamptz' }) at: Date;
}
