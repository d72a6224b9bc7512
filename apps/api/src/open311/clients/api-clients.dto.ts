import {
  API_CLIENT_CHANNELS,
  type ApiClientChannel,
  type CreateApiClientInput,
  type UpdateApiClientInput,
} from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export const RATE_LIMIT_MIN = 1;
export const RATE_LIMIT_MAX = 100_000;

export class CreateApiClientDto implements CreateApiClientInput {
  @ApiProperty({ maxLength: 80, description: 'What the application is, e.g. "12345 热线"' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  name: string;
  @ApiPropertyOptional({ type: String, maxLength: 200, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contact?: string | null;
  @ApiProperty({ enum: API_CLIENT_CHANNELS, description: 'The channel its cases enter with' })
  @IsIn(API_CLIENT_CHANNELS)
  channel: ApiClientChannel;
  @ApiPropertyOptional({
    type: [String],
    description: 'Category codes it may file into (public ones); empty: every public category',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(48, { each: true })
  categoryCodes?: string[];
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Streets it may file into; empty: the whole district',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('4', { each: true })
  streetIds?: string[];
  @ApiPropertyOptional({ minimum: RATE_LIMIT_MIN, maximum: RATE_LIMIT_MAX, default: 60 })
  @IsOptional()
  @IsInt()
  @Min(RATE_LIMIT_MIN)
  @Max(RATE_LIMIT_MAX)
  rateLimitPerMinute?: number;
}

export class UpdateApiClientDto implements UpdateApiClientInput {
  @ApiPropertyOptional({ maxLength: 80 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  name?: string;
  @ApiPropertyOptional({ type: String, maxLength: 200, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contact?: string | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(48, { each: true })
  categoryCodes?: string[];
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('4', { each: true })
  streetIds?: string[];
  @ApiPropertyOptional({ minimum: RATE_LIMIT_MIN, maximum: RATE_LIMIT_MAX })
  @IsOptional()
  @IsInt()
  @Min(RATE_LIMIT_MIN)
  @Max(RATE_LIMIT_MAX)
  rateLimitPerMinute?: number;
}

export class RevokeApiClientDto {
  @ApiProperty({ maxLength: 500, description: 'Why the key stops working (kept with it)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
