import type {
  CreateRatingDisqualificationRequest,
  RevokeRatingDisqualificationRequest,
} from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayRule = { message: 'must be YYYY-MM-DD', context: { code: 'invalid_date' } };

export class DisqualificationsQuery {
  @ApiPropertyOptional({ description: 'The rating year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class CreateDisqualificationDto implements CreateRatingDisqualificationRequest {
  @ApiProperty() @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty() @IsUUID() communityId: string;
  @ApiProperty({ maxLength: 2000, description: 'What happened (重大事故)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  what: string;
  @ApiProperty({ example: '2026-05-01' }) @Matches(DAY, dayRule) occurredOn: string;
  @ApiProperty({ maxLength: 64, description: 'Reference of the public notice (通报文号)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  noticeReference: string;
}

export class RevokeDisqualificationDto implements RevokeRatingDisqualificationRequest {
  @ApiProperty({ maxLength: 2000 }) @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}
