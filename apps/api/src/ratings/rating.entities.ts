import type { Framework, RatingInput, RatingResult } from '@baitong/rating-engine';
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
import { CreatedAt, UpdatedAt, numericToNumber } from '../database/columns';
import { CommunityEntity, StreetEntity } from '../org/org.entities';

// The annual harmonious-community rating (issue 12). The engine scores; these tables keep what
// went in (frameworks, assessments on site, disqualifications, frozen snapshots) and what came out
// (the engine's result, published grades), so that every grade can be traced back to its inputs.

const ASSESSOR_KIND_CHECK = (col: string): string =>
  `"${col}" IN ('district_inspection','third_party_monitoring','street_cross_inspection')`;

/**
 * One version of a rating framework (评定标准): the engine's framework JSON, validated on the way
 * in. A version a published run used is locked (`lockedAt`): an edit then makes a new version.
 */
@Entity('rating_framework')
@Unique(['frameworkKey', 'version'])
export class RatingFrameworkEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** The framework's own `id` in its JSON (e.g. `ljxq-harmonious-community-2022-sample`). */
  @Column({ type: 'varchar', length: 64 }) frameworkKey: string;
  @Column({ type: 'varchar', length: 64 }) version: string;
  @Column({ type: 'varchar', length: 200 }) nameZh: string;
  @Column({ type: 'varchar', length: 200, default: '' }) nameEn: string;
  @Column({ type: 'integer' }) effectiveYear: number;
  /** A shipped sample, to be replaced by the bureau. */
  @Column({ type: 'boolean', default: false }) sample: boolean;
  @Column({ type: 'jsonb' }) definition: Framework;
  /** The version this one was edited from. */
  @Column({ type: 'uuid', nullable: true }) previousVersionId: string | null;
  @ManyToOne(() => RatingFrameworkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'previous_version_id' })
  previousVersion?: Relation<RatingFrameworkEntity> | null;
  /** Set when a run using this version is published: from then on the version never changes. */
  @Column({ type: 'timestamptz', nullable: true }) lockedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;
  @Column({ type: 'varchar', length: 64 }) createdByName: string;
  @Column({ type: 'integer', default: 1 }) revision: number;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** The assessment campaign of one rating year: which framework, who scores what, who inspects whom. */
@Entity('rating_campaign')
@Unique(['year'])
@Check(`"status" IN ('open','closed')`)
export class RatingCampaignEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'uuid' }) frameworkId: string;
  @ManyToOne(() => RatingFrameworkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'framework_id' })
  framework?: Relation<RatingFrameworkEntity>;
  @Column({ type: 'varchar', length: 16, default: 'open' }) status: 'open' | 'closed';
  /** Scores may be entered from this day to `closesOn` (both inclusive, Asia/Shanghai). */
  @Column({ type: 'date', nullable: true }) opensOn: string | null;
  @Column({ type: 'date', nullable: true }) closesOn: string | null;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;
  @Column({ type: 'varchar', length: 64 }) createdByName: string;
  @Column({ type: 'integer', default: 1 }) version: number;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** Assessor kind × assessed indicator: the indicators each kind of assessor scores this year. */
@Entity('rating_campaign_assignment')
@Check(ASSESSOR_KIND_CHECK('assessor_kind'))
export class RatingCampaignAssignmentEntity {
  @PrimaryColumn({ type: 'uuid' }) campaignId: string;
  @ManyToOne(() => RatingCampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Relation<RatingCampaignEntity>;
  @PrimaryColumn({ type: 'varchar', length: 32 }) assessorKind: string;
  @PrimaryColumn({ type: 'varchar', length: 128 }) indicatorKey: string;
}

/** The cross-inspection plan: one street inspects a community of another street (never its own). */
@Entity('rating_cross_inspection')
@Unique(['campaignId', 'communityId'])
@Index(['campaignId', 'inspectorStreetId'])
export class RatingCrossInspectionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) campaignId: string;
  @ManyToOne(() => RatingCampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Relation<RatingCampaignEntity>;
  @Column({ type: 'uuid' }) inspectorStreetId: string;
  @ManyToOne(() => StreetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'inspector_street_id' })
  inspectorStreet?: Relation<StreetEntity>;
  @Column({ type: 'uuid' }) communityId: string;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<CommunityEntity>;
  @CreatedAt() createdAt: Date;
}

/**
 * One assessor kind's score of one assessed indicator for one community. A draft may change;
 * a submitted score is locked and changes only by a correction with a reason (audited below).
 */
@Entity('rating_assessment')
@Unique(['campaignId', 'communityId', 'indicatorKey', 'assessorKind'])
@Index(['campaignId', 'assessorKind', 'communityId'])
@Check(ASSESSOR_KIND_CHECK('assessor_kind'))
@Check(`"status" IN ('draft','submitted')`)
@Check(`"score" >= 0`)
@Check(`"status" = 'draft' OR "submitted_at" IS NOT NULL`)
export class RatingAssessmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) campaignId: string;
  @ManyToOne(() => RatingCampaignEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Relation<RatingCampaignEntity>;
  @Column({ type: 'uuid' }) communityId: string;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<CommunityEntity>;
  @Column({ type: 'varchar', length: 128 }) indicatorKey: string;
  @Column({ type: 'varchar', length: 32 }) assessorKind: string;
  @Column({ type: 'numeric', precision: 8, scale: 2, transformer: numericToNumber })
  score: number;
  @Column({ type: 'text', default: '' }) notes: string;
  @Column({ type: 'varchar', length: 16, default: 'draft' }) status: 'draft' | 'submitted';
  @Column({ type: 'uuid', nullable: true }) enteredById: string | null;
  @Column({ type: 'varchar', length: 64 }) enteredByName: string;
  @Column({ type: 'varchar', length: 32 }) enteredByRole: string;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'integer', default: 1 }) version: number;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** A change to a submitted score: the old and new value, why, and who. Append-only. */
@Entity('rating_assessment_correction')
@Index(['assessmentId', 'at'])
export class RatingAssessmentCorrectionEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) assessmentId: string;
  @ManyToOne(() => RatingAssessmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assessment_id' })
  assessment?: Relation<RatingAssessmentEntity>;
  @Column({ type: 'numeric', precision: 8, scale: 2, transformer: numericToNumber })
  oldScore: number;
  @Column({ type: 'numeric', precision: 8, scale: 2, transformer: numericToNumber })
  newScore: number;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 64 }) actorName: string;
  @Column({ type: 'varchar', length: 32 }) actorRole: string;
  @Column({ type: 'timestamptz' }) at: Date;
}

/** Evidence of a score taken on site: a photo or a document (minutes, sign-in sheets …). */
@Entity('rating_assessment_evidence')
@Index(['assessmentId'])
@Check(`"kind" IN ('photo','document')`)
export class RatingAssessmentEvidenceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) assessmentId: string;
  @ManyToOne(() => RatingAssessmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assessment_id' })
  assessment?: Relation<RatingAssessmentEntity>;
  @Column({ type: 'varchar', length: 16 }) kind: 'photo' | 'document';
  @Column({ type: 'varchar', length: 255 }) fileName: string;
  @Column({ type: 'varchar', length: 100 }) contentType: string;
  @Column({ type: 'integer' }) sizeBytes: number;
  @Column({ type: 'varchar', length: 128 }) storageKey: string;
  @Column({ type: 'varchar', length: 64 }) sha256: string;
  @Column({ type: 'uuid', nullable: true }) uploadedById: string | null;
  @Column({ type: 'varchar', length: 64 }) uploadedByName: string;
  @CreatedAt() createdAt: Date;
}

/** A major incident (重大事故, publicly notified) that removes a community from a year's grading. */
@Entity('rating_disqualification')
@Index('UQ_rating_disqualification_live', ['year', 'communityId'], {
  unique: true,
  where: '"revoked_at" IS NULL',
})
export class RatingDisqualificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'uuid' }) communityId: string;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<CommunityEntity>;
  /** What happened. */
  @Column({ type: 'text' }) what: string;
  @Column({ type: 'date' }) occurredOn: string;
  /** The reference of the public notice (通报文号). */
  @Column({ type: 'varchar', length: 64 }) noticeReference: string;
  @Column({ type: 'uuid', nullable: true }) recordedById: string | null;
  @Column({ type: 'varchar', length: 64 }) recordedByName: string;
  @Column({ type: 'timestamptz' }) recordedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ type: 'text', nullable: true }) revokedReason: string | null;
  @Column({ type: 'uuid', nullable: true }) revokedById: string | null;
}

export const RATING_RUN_STATUSES_SQL = `'draft','frozen','computed','in_review','published','cancelled'`;

/**
 * One rating run of one year: `draft → frozen → computed → in_review → published`, or
 * `cancelled`. A published run is never edited; a correction is a new run that supersedes it.
 */
@Entity('rating_run')
@Index('UQ_rating_run_published_year', ['year'], {
  unique: true,
  where: `"status" = 'published' AND "superseded_by_run_id" IS NULL`,
})
@Index('UQ_rating_run_open_year', ['year'], {
  unique: true,
  where: `"status" IN ('draft','frozen','computed','in_review')`,
})
@Check(`"status" IN (${RATING_RUN_STATUSES_SQL})`)
@Check(`"objection_window_days" BETWEEN 0 AND 60`)
export class RatingRunEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'varchar', length: 16, default: 'draft' }) status: string;
  @Column({ type: 'uuid' }) frameworkId: string;
  @ManyToOne(() => RatingFrameworkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'framework_id' })
  framework?: Relation<RatingFrameworkEntity>;
  /** Policy overrides over the engine's defaults (`minimumScore`, `quotas` …). */
  @Column({ type: 'jsonb', default: {} }) policy: Record<string, unknown>;
  /** Eligibility is counted up to this day. */
  @Column({ type: 'date' }) ratingDate: string;
  @Column({ type: 'integer', default: 7 }) objectionWindowDays: number;
  @Column({ type: 'timestamptz', nullable: true }) reviewOpenedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) reviewClosesAt: Date | null;
  /** The snapshot version the run currently stands on (null while a draft). */
  @Column({ type: 'integer', nullable: true }) snapshotVersion: number | null;
  @Column({ type: 'uuid', nullable: true }) supersedesRunId: string | null;
  @ManyToOne(() => RatingRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_run_id' })
  supersedes?: Relation<RatingRunEntity> | null;
  @Column({ type: 'uuid', nullable: true }) supersededByRunId: string | null;
  @ManyToOne(() => RatingRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'superseded_by_run_id' })
  supersededBy?: Relation<RatingRunEntity> | null;
  @Column({ type: 'text', default: '' }) note: string;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;
  @Column({ type: 'varchar', length: 64 }) createdByName: string;
  @Column({ type: 'timestamptz', nullable: true }) frozenAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) computedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) publishedById: string | null;
  @Column({ type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ type: 'text', nullable: true }) cancelReason: string | null;
  @Column({ type: 'integer', default: 1 }) version: number;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/**
 * Everything a run's grades rest on, frozen: the engine's whole input (framework, policy, every
 * community's metrics, assessments, eligibility facts, previous grade, disqualification) and the
 * rows behind each metric value, with a content hash. Immutable once written (a trigger holds it);
 * the engine's result is written once, beside it. A corrected input makes the next version.
 */
@Entity('rating_run_snapshot')
@Unique(['runId', 'version'])
export class RatingRunSnapshotEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) runId: string;
  @ManyToOne(() => RatingRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id' })
  run?: Relation<RatingRunEntity>;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) input: RatingInput;
  /** Per community and metric: value, numerator, denominator, period, and where its rows are. */
  @Column({ type: 'jsonb' }) facts: Record<string, unknown>;
  /** sha256 of the canonical JSON of `input` and `facts`. */
  @Column({ type: 'varchar', length: 64 }) contentHash: string;
  /** Why this version exists: `freeze`, or the objection(s) answered with a corrected input. */
  @Column({ type: 'text', default: '' }) reason: string;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;
  @Column({ type: 'varchar', length: 64 }) createdByName: string;
  @CreatedAt() createdAt: Date;
  @Column({ type: 'jsonb', nullable: true }) result: RatingResult | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) resultHash: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) engineVersion: string | null;
  @Column({ type: 'timestamptz', nullable: true }) computedAt: Date | null;
}

/** A community's objection (复核申请) to a run's draft result, and the bureau's answer. */
@Entity('rating_objection')
@Index(['runId', 'communityId'])
@Check(`"status" IN ('open','accepted','rejected')`)
@Check(`"status" = 'open' OR "answered_at" IS NOT NULL`)
export class RatingObjectionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) runId: string;
  @ManyToOne(() => RatingRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id' })
  run?: Relation<RatingRunEntity>;
  @Column({ type: 'uuid' }) communityId: string;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<CommunityEntity>;
  /** The snapshot version the community objected to. */
  @Column({ type: 'integer' }) snapshotVersion: number;
  /** The indicator objected to; null for the result as a whole. */
  @Column({ type: 'varchar', length: 128, nullable: true }) indicatorKey: string | null;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'uuid', nullable: true }) filedById: string | null;
  @Column({ type: 'varchar', length: 64 }) filedByName: string;
  @Column({ type: 'timestamptz' }) filedAt: Date;
  @Column({ type: 'varchar', length: 16, default: 'open' }) status:
    'open' | 'accepted' | 'rejected';
  @Column({ type: 'text', nullable: true }) answer: string | null;
  @Column({ type: 'uuid', nullable: true }) answeredById: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) answeredByName: string | null;
  @Column({ type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  /** The snapshot version made from the corrected input, when the answer corrected one. */
  @Column({ type: 'integer', nullable: true }) resultingSnapshotVersion: number | null;
  @Column({ type: 'integer', default: 1 }) version: number;
}

/**
 * A community's published grade of one year: written by publishing a run, or imported from the
 * results published before Baitong. Next year's `previousGrade` is read from here.
 */
@Entity('rating_grade')
@Unique(['year', 'communityId'])
@Index(['communityId', 'year'])
@Check(`"grade" IN ('AAA','AA','A','none')`)
@Check(`"source" IN ('run','import')`)
@Check(`"source" = 'import' OR "run_id" IS NOT NULL`)
export class RatingGradeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'uuid' }) communityId: string;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<CommunityEntity>;
  /** `none`: rated (or listed) and given no grade. */
  @Column({ type: 'varchar', length: 8 }) grade: 'AAA' | 'AA' | 'A' | 'none';
  /** The engine's status (`rated`, `disqualified`, `incomplete`, `not_eligible`); null when imported without it. */
  @Column({ type: 'varchar', length: 16, nullable: true }) status: string | null;
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: numericToNumber })
  total: number | null;
  @Column({ type: 'integer', nullable: true }) rank: number | null;
  @Column({ type: 'integer', nullable: true }) ratedCount: number | null;
  @Column({ type: 'boolean', default: false }) notice: boolean;
  @Column({ type: 'boolean', default: false }) recommended: boolean;
  @Column({ type: 'varchar', length: 16 }) source: 'run' | 'import';
  @Column({ type: 'uuid', nullable: true }) runId: string | null;
  @ManyToOne(() => RatingRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id' })
  run?: Relation<RatingRunEntity> | null;
  @Column({ type: 'uuid', nullable: true }) importedById: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) importedByName: string | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

export const RATING_ENTITIES = [
  RatingFrameworkEntity,
  RatingCampaignEntity,
  RatingCampaignAssignmentEntity,
  RatingCrossInspectionEntity,
  RatingAssessmentEntity,
  RatingAssessmentCorrectionEntity,
  RatingAssessmentEvidenceEntity,
  RatingDisqualificationEntity,
  RatingRunEntity,
  RatingRunSnapshotEntity,
  RatingObjectionEntity,
  RatingGradeEntity,
];
