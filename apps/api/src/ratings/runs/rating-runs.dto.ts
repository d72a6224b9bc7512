import {
  RATING_ASSESSOR_KINDS,
  type AnswerRatingObjectionRequest,
  type CancelRatingRunRequest,
  type CreateRatingObjectionRequest,
  type CreateRatingRunRequest,
  type FreezeRatingRunRequest,
} from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayRule = { message: 'must be YYYY-MM-DD', context: { code: 'invalid_date' } };

export class CreateRatingRunDto implements CreateRatingRunRequest {
  @ApiProperty({ description: 'The year rated' }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ description: 'YYYY-MM-DD: eligibility is counted up to this day' })
  @IsString()
  @Matches(DAY, dayRule)
  ratingDate: string;
  @ApiPropertyOptional({ description: "Default: the framework of the year's campaign" })
  @IsOptional()
  @IsUUID()
  frameworkId?: string;
  @ApiPropertyOptional({ description: "Overrides over the engine's default policy" })
  @IsOptional()
  @IsObject()
  policy?: Record<string, unknown>;
  @ApiProperty({ minimum: 0, maximum: 60, description: '0: no review stage' })
  @IsInt()
  @Min(0)
  @Max(60)
  objectionWindowDays: number;
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
  @ApiPropertyOptional({ description: 'The published run of the same year this one corrects' })
  @IsOptional()
  @IsUUID()
  supersedesRunId?: string;
}

export class FreezeRatingRunDto implements FreezeRatingRunRequest {
  @ApiPropertyOptional({ description: "Freeze with missing inputs (the engine's policy applies)" })
  @IsOptional()
  @IsBoolean()
  acceptMissing?: boolean;
}

export class CancelRatingRunDto implements CancelRatingRunRequest {
  @ApiProperty({ maxLength: 2000 }) @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}

export class CreateRatingObjectionDto implements CreateRatingObjectionRequest {
  @ApiProperty() @IsUUID() communityId: string;
  @ApiPropertyOptional({ description: 'The indicator objected to; absent: the result as a whole' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  indicatorKey?: string;
  @ApiProperty({ maxLength: 4000 }) @IsString() @IsNotEmpty() @MaxLength(4000) body: string;
}

const CORRECTION_FIELDS = ['metric', 'assessment', 'firstElectedOn', 'disqualification'] as const;

/** One corrected input; `value`'s type follows `field` and is checked by the service. */
export class RatingCorrectionDto {
  @ApiProperty({ enum: CORRECTION_FIELDS })
  @IsIn(CORRECTION_FIELDS)
  field: (typeof CORRECTION_FIELDS)[number];
  @ApiPropertyOptional({ description: 'field metric: the metric key' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  metric?: string;
  @ApiPropertyOptional({ description: 'field assessment: the indicator' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  indicatorKey?: string;
  @ApiPropertyOptional({ enum: RATING_ASSESSOR_KINDS })
  @IsOptional()
  @IsIn(RATING_ASSESSOR_KINDS)
  assessorKind?: (typeof RATING_ASSESSOR_KINDS)[number];
  @ApiPropertyOptional({
    description:
      'metric/assessment: a number or null; firstElectedOn: YYYY-MM-DD or null; disqualification: { reason, reference? } or null',
  })
  @Allow()
  value?: unknown;
}

export class AnswerRatingObjectionDto {
  @ApiProperty({ enum: ['accepted', 'rejected'] })
  @IsIn(['accepted', 'rejected'])
  decision: 'accepted' | 'rejected';
  @ApiProperty({ maxLength: 4000 }) @IsString() @IsNotEmpty() @MaxLength(4000) answer: string;
  @ApiPropertyOptional({ type: [RatingCorrectionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RatingCorrectionDto)
  corrections?: RatingCorrectionDto[];
}

export type AnswerRequest = AnswerRatingObjectionRequest;

export class SnapshotDiffQuery {
  @ApiProperty({ description: 'The version compared against' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  against: number;
}
