import type { OpeningInterval, WeeklyHours } from '@baitong/contracts';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { CreatedAt, UpdatedAt, numericToNumber } from '../database/columns';

@Entity('street')
export class StreetEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 32, unique: true }) code: string;
  @Column({ type: 'varchar', length: 64 }) name: string;
  @Column({ type: 'varchar', length: 128, default: '' }) nameEn: string;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

@Entity('community')
@Check('"households" >= 0 AND "registered_residents" >= 0')
export class CommunityEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column({ type: 'uuid' }) streetId: string;
  @ManyToOne(() => StreetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: Relation<StreetEntity>;
  @Column({ type: 'varchar', length: 32, unique: true }) code: string;
  @Column({ type: 'varchar', length: 64 }) name: string;
  @Column({ type: 'varchar', length: 128, default: '' }) nameEn: string;
  @Column({ type: 'date', nullable: true }) firstElectedOn: string | null;
  @Column({ type: 'integer', default: 0 }) households: number;
  @Column({ type: 'integer', default: 0 }) registeredResidents: number;
  @Column({ type: 'varchar', length: 255, default: '' }) address: string;
  @Column({ type: 'varchar', length: 255, default: '' }) addressEn: string;
  @Column({ type: 'double precision', nullable: true }) lat: number | null;
  @Column({ type: 'double precision', nullable: true }) lng: number | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

@Entity('compound')
@Check('"households" >= 0')
@Unique(['communityId', 'name'])
export class CompoundEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column({ type: 'uuid' }) communityId: string;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<CommunityEntity>;
  @Column({ type: 'varchar', length: 64 }) name: string;
  @Column({ type: 'varchar', length: 128, default: '' }) nameEn: string;
  @Column({ type: 'varchar', length: 255, default: '' }) address: string;
  @Column({ type: 'varchar', length: 255, default: '' }) addressEn: string;
  @Column({ type: 'integer', default: 0 }) households: number;
  @Column({ type: 'double precision', nullable: true }) lat: number | null;
  @Column({ type: 'double precision', nullable: true }) lng: number | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

@Entity('desk')
@Check('"area_sqm" > 0')
export class DeskEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column({ type: 'uuid' }) communityId: string;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<CommunityEntity>;
  @Index() @Column({ type: 'uuid', nullable: true }) compoundId: string | null;
  @ManyToOne(() => CompoundEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'compound_id' })
  compound?: Relation<CompoundEntity> | null;
  @Column({ type: 'varchar', length: 64 }) name: string;
  @Column({ type: 'varchar', length: 128, default: '' }) nameEn: string;
  @Column({ type: 'varchar', length: 255, default: '' }) address: string;
  @Column({ type: 'varchar', length: 255, default: '' }) addressEn: string;
  @Column({ type: 'double precision' }) lat: number;
  @Column({ type: 'double precision' }) lng: number;
  @Column({ type: 'numeric', precision: 8, scale: 2, transformer: numericToNumber })
  areaSqm: number;
  @Column({ type: 'varchar', length: 32, nullable: true }) phone: string | null;
  @Column({ type: 'jsonb' }) weeklyHours: WeeklyHours[];
  @Column({ type: 'integer', default: 1 }) version: number;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

@Entity('desk_hours_exception')
@Unique(['deskId', 'date'])
export class DeskHoursExceptionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column({ type: 'uuid' }) deskId: string;
  @ManyToOne(() => DeskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'desk_id' })
  desk?: Relation<DeskEntity>;
  @Column({ type: 'date' }) date: string;
  @Column({ type: 'jsonb' }) intervals: OpeningInterval[];
  @Column({ type: 'varchar', length: 200, default: '' }) note: string;
  @CreatedAt() createdAt: Date;
}

@Entity('grid')
@Unique(['communityId', 'code'])
export class GridEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column({ type: 'uuid' }) communityId: string;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<CommunityEntity>;
  @Column({ type: 'uuid', nullable: true }) compoundId: string | null;
  @ManyToOne(() => CompoundEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'compound_id' })
  compound?: Relation<CompoundEntity> | null;
  @Column({ type: 'varchar', length: 32 }) code: string;
  @Column({ type: 'varchar', length: 64 }) name: string;
  @CreatedAt() createdAt: Date;
}
