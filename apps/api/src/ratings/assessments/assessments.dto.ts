import type { RatingCorrectionRequest, UpsertRatingAssessmentRequest } from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class UpsertAssessmentDto implements UpsertRatingAssessmentRequest {
  @ApiProperty() @IsUUID() communityId: string;
  @ApiProperty({ maxLength: 128 }) @IsString() @IsNotEmpty() @MaxLength(128) indicatorKey: string;
  @ApiProperty({ description: "0 to the indicator's scale, at most two decimals" })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  score: number;
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class CorrectAssessmentDto implements RatingCorrectionRequest {
  @ApiProperty()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  score: number;
  @ApiProperty({ maxLength: 2000, description: 'Why the submitted score changes' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class TasksQuery {
  @ApiPropertyOptional({ description: 'Only this community' })
  @IsOptional()
  @IsUUID()
  communityId?: string;
}
