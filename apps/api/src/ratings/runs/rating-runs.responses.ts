import {
  RATING_OBJECTION_STATUSES,
  RATING_RUN_ACTIONS,
  RATING_RUN_STATUSES,
  type RatingObjection,
  type RatingObjectionStatus,
  type RatingRunAction,
  type RatingRunStatus,
} from '@baitong/contracts';
import { ApiProperty } from '@nestjs/swagger';

// The OpenAPI shapes of the rating-run answers (the types themselves are in contracts).

export class RatingSnapshotSummaryDto {
  @ApiProperty() version: number;
  @ApiProperty({ description: 'sha256 of the canonical JSON of input and facts' })
  contentHash: string;
  @ApiProperty({ description: '`freeze`, or `objection:<id>`' }) reason: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() createdByName: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) computedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) resultHash: string | null;
  @ApiProperty({ type: String, nullable: true }) engineVersion: string | null;
}

export class RatingRunSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: RATING_RUN_STATUSES }) status: RatingRunStatus;
  @ApiProperty({ format: 'uuid' }) frameworkId: string;
  @ApiProperty({ type: Object, description: '{ zh, en }' }) frameworkName: {
    zh: string;
    en: string;
  };
  @ApiProperty() frameworkVersion: string;
  @ApiProperty() frameworkSample: boolean;
  @ApiProperty({ format: 'date' }) ratingDate: string;
  @ApiProperty({ type: Object, description: "Overrides over the engine's defaults" })
  policy: Record<string, unknown>;
  @ApiProperty() objectionWindowDays: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewOpenedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewClosesAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) snapshotVersion: number | null;
  @ApiProperty({ type: String, nullable: true }) contentHash: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) supersedesRunId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) supersededByRunId: string | null;
  @ApiProperty() note: string;
  @ApiProperty() createdByName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) frozenAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) computedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({
    type: Object,
    nullable: true,
    description: '{ communities, rated, grades: { AAA, AA, A, none } } of the current result',
  })
  counts: {
    communities: number;
    rated: number;
    grades: Record<'AAA' | 'AA' | 'A' | 'none', number>;
  } | null;
  @ApiProperty() version: number;
}

export class RatingRunDetailDto extends RatingRunSummaryDto {
  @ApiProperty({ type: [RatingSnapshotSummaryDto] }) snapshots: RatingSnapshotSummaryDto[];
  @ApiProperty({
    type: [Object],
    description: 'RatingMissingInput: { communityId, indicatorKey, source, metric?, assessors? }',
  })
  missing: never[];
  @ApiProperty({ type: Object, description: '{ open, accepted, rejected }' })
  objections: Record<RatingObjectionStatus, number>;
  @ApiProperty({ enum: RATING_RUN_ACTIONS, isArray: true }) allowedActions: RatingRunAction[];
}

export class RatingObjectionDto implements RatingObjection {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() communityName: string;
  @ApiProperty() communityNameEn: string;
  @ApiProperty() snapshotVersion: number;
  @ApiProperty({ type: String, nullable: true }) indicatorKey: string | null;
  @ApiProperty() body: string;
  @ApiProperty() filedByName: string;
  @ApiProperty({ format: 'date-time' }) filedAt: string;
  @ApiProperty({ enum: RATING_OBJECTION_STATUSES }) status: RatingObjectionStatus;
  @ApiProperty({ type: String, nullable: true }) answer: string | null;
  @ApiProperty({ type: String, nullable: true }) answeredByName: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) resultingSnapshotVersion: number | null;
}

export class RatingSnapshotDiffDto {
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty() version: number;
  @ApiProperty() against: number;
  @ApiProperty() contentHash: string;
  @ApiProperty() againstContentHash: string;
  @ApiProperty({
    type: [Object],
    description: 'RatingInputChange: { communityId, path, from, to }',
  })
  inputChanges: never[];
  @ApiProperty({
    type: [Object],
    description:
      'RatingResultMove: { communityId, name, before, after } (total, rank, grade, status)',
  })
  resultChanges: never[];
}
