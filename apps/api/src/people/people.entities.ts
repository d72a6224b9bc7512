import type { ResidentVerification, ScopeLevel, StaffRole } from '@baitong/contracts';
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
import { CreatedAt, UpdatedAt } from '../database/columns';
import {
  CommunityEntity,
  CompoundEntity,
  DeskEntity,
  GridEntity,
  StreetEntity,
} from '../org/org.entities';

@Entity('staff_account')
@Check(
  `"role" IN ('grid_worker','desk_staff','community_worker','community_admin','street_admin','bureau_admin','monitor')`,
)
@Check(
  `("scope_level" = 'district' AND "street_id" IS NULL AND "community_id" IS NULL AND "compound_id" IS NULL)
   OR ("scope_level" = 'street' AND "street_id" IS NOT NULL AND "community_id" IS NULL AND "compound_id" IS NULL)
   OR ("scope_level" = 'community' AND "community_id" IS NOT NULL AND "compound_id" IS NULL)
   OR ("scope_level" = 'compound' AND "community_id" IS NOT NULL AND "compound_id" IS NOT NULL)`,
)
export class StaffAccountEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 64, unique: true }) username: string;
  @Column({ type: 'varchar', length: 255 }) passwordHash: string;
  @Column({ type: 'varchar', length: 64 }) displayName: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone: string | null;
  @Column({ type: 'varchar', length: 32 }) role: StaffRole;
  @Column({ type: 'varchar', length: 16 }) scopeLevel: ScopeLevel;
  @Column({ type: 'uuid', nullable: true }) streetId: string | null;
  @ManyToOne(() => StreetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: Relation<StreetEntity> | null;
  @Index() @Column({ type: 'uuid', nullable: true }) communityId: string | null;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<CommunityEntity> | null;
  @Column({ type: 'uuid', nullable: true }) compoundId: string | null;
  @ManyToOne(() => CompoundEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'compound_id' })
  compound?: Relation<CompoundEntity> | null;
  @Column({ type: 'uuid', nullable: true }) deskId: string | null;
  @ManyToOne(() => DeskEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'desk_id' })
  desk?: Relation<DeskEntity> | null;
  @Column({ type: 'uuid', nullable: true }) gridId: string | null;
  @ManyToOne(() => GridEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'grid_id' })
  grid?: Relation<GridEntity> | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

@Entity('resident')
@Index(['communityId', 'name'])
// A merged record keeps its row (its cases moved, its events stay) but gives up its phone.
@Index('uq_resident_phone', ['phone'], { unique: true, where: `"verification" <> 'merged'` })
@Index('idx_resident_unverified', ['communityId', 'registeredAt'], {
  where: `"verification" = 'unverified'`,
})
// The metrics resolve merged residents by joining only these rows (metric-definitions.ts).
@Index('idx_resident_merged', ['id', 'mergedIntoId'], { where: `"verification" = 'merged'` })
@Check(`"verification" IN ('verified','unverified','merged')`)
@Check(`("verification" = 'merged') = ("merged_into_id" IS NOT NULL)`)
@Check(`"nationality" IS NULL OR "nationality" ~ '^[A-Z]{2}$'`)
export class ResidentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 64 }) name: string;
  @Column({ type: 'varchar', length: 20 }) phone: string;
  @Column({ type: 'varchar', length: 32, nullable: true }) idNumber: string | null;
  @Column({ type: 'uuid' }) communityId: string;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<CommunityEntity>;
  @Index() @Column({ type: 'uuid', nullable: true }) compoundId: string | null;
  @ManyToOne(() => CompoundEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'compound_id' })
  compound?: Relation<CompoundEntity> | null;
  @Column({ type: 'boolean', default: false }) isForeign: boolean;
  @Column({ type: 'varchar', length: 2, nullable: true }) nationality: string | null;
  @Column({ type: 'varchar', length: 8, default: 'zh-CN' }) preferredLanguage: string;
  @Column({ type: 'timestamptz' }) registeredAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) lastActiveAt: Date | null;
  /** The first sign-in to the resident app: null for a resident who never used it. */
  @Column({ type: 'timestamptz', nullable: true }) appSince: Date | null;
  /**
   * `unverified`: registered themselves in the app, not yet checked by the community's staff;
   * `merged`: the same person as `mergedIntoId`, who now holds the phone and the requests.
   */
  @Column({ type: 'varchar', length: 16, default: 'verified' }) verification: ResidentVerification;
  @Column({ type: 'timestamptz', nullable: true }) verifiedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) verifiedById: string | null;
  @ManyToOne(() => StaffAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'verified_by_id' })
  verifiedBy?: Relation<StaffAccountEntity> | null;
  @Column({ type: 'uuid', nullable: true }) mergedIntoId: string | null;
  @ManyToOne(() => ResidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id' })
  mergedInto?: Relation<ResidentEntity> | null;
  @CreatedAt() createdAt: Date;
}
