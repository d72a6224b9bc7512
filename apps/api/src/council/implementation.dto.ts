import {
  FUNDING_SOURCES,
  type AddMilestoneRequest,
  type AddProgressRequest,
  type CompleteImplementationRequest,
  type FundingSource,
  type StartImplementationRequest,
} from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const SOMETHING = /\S/;
const notBlank = (field: string) => ({ message: `${field} must not be blank` });
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class AddMilestoneDto implements AddMilestoneRequest {
  @ApiProperty({ minLength: 2, maxLength: 120, example: '完成垃圾房选址' })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  @Matches(SOMETHING, notBlank('title'))
  title: string;
  @ApiProperty({ example: '2027-01-15' })
  @IsISO8601({ strict: true })
  @Matches(DAY, { message: 'plannedOn must be YYYY-MM-DD', context: { code: 'invalid_date' } })
  plannedOn: string;
}

export class StartImplementationDto implements StartImplementationRequest {
  @ApiPropertyOptional({ description: 'A worker of the community who owns it' })
  @IsOptional()
  @IsUUID('4')
  ownerStaffId?: string;
  @ApiPropertyOptional({ maxLength: 64, description: 'Required without ownerStaffId' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  ownerName?: string;
  @ApiProperty({ minLength: 10, maxLength: 4000 })
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  plan: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 100_000_000, description: 'Yuan' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100_000_000)
  budgetYuan?: number;
  @ApiPropertyOptional({ enum: FUNDING_SOURCES })
  @IsOptional()
  @IsIn(FUNDING_SOURCES)
  fundingSource?: FundingSource;
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  fundingNote?: string;
  @ApiPropertyOptional({ type: [AddMilestoneDto], maxItems: 30 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AddMilestoneDto)
  milestones?: AddMilestoneDto[];
}

export class AddProgressDto implements AddProgressRequest {
  @ApiProperty({ minLength: 2, maxLength: 2000 })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  @Matches(SOMETHING, notBlank('note'))
  note: string;
  @ApiPropertyOptional({ maxItems: 9 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsUUID('4', { each: true })
  photoIds?: string[];
}

export class CompleteImplementationDto implements CompleteImplementationRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}
