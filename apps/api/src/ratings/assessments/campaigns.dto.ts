import {
  RATING_ASSESSOR_KINDS,
  type CreateRatingCampaignRequest,
  type RatingAssessorKind,
  type RatingCampaignAssignment,
  type RatingCampaignAssignmentsRequest,
  type RatingCrossInspectionLine,
  type RatingCrossInspectionPlanRequest,
} from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
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

export class CreateRatingCampaignDto implements CreateRatingCampaignRequest {
  @ApiProperty({ description: 'The rating year' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
  @ApiProperty() @IsUUID() frameworkId: string;
  @ApiPropertyOptional({ nullable: true, description: 'First day scores may be entered' })
  @IsOptional()
  @Matches(DAY, dayRule)
  opensOn?: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Last day scores may be entered' })
  @IsOptional()
  @Matches(DAY, dayRule)
  closesOn?: string | null;
}

export class AssignmentDto implements RatingCampaignAssignment {
  @ApiProperty({ enum: RATING_ASSESSOR_KINDS })
  @IsIn(RATING_ASSESSOR_KINDS)
  assessorKind: RatingAssessorKind;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  indicatorKeys: string[];
}

export class AssignmentsDto implements RatingCampaignAssignmentsRequest {
  @ApiProperty({ type: [AssignmentDto] })
  @IsArray()
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => AssignmentDto)
  assignments: AssignmentDto[];
}

export class CrossInspectionLineDto implements RatingCrossInspectionLine {
  @ApiProperty() @IsUUID() inspectorStreetId: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  communityIds: string[];
}

export class CrossInspectionPlanDto implements RatingCrossInspectionPlanRequest {
  @ApiProperty({ type: [CrossInspectionLineDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CrossInspectionLineDto)
  plan: CrossInspectionLineDto[];
}
