import type { CoordinateSystem, IsoWeekday } from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsLongitude,
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
import { CoordinateSystemField } from './geo';

/**
 * Optional text that may be cleared: null or empty stores '' (the English names and addresses,
 * where the front ends then show the Chinese).
 */
function OptionalText(max: number): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({ maxLength: max, description: 'Empty or null: none' })(target, key);
    Transform(({ value }: { value: unknown }) => (value === null ? '' : value))(target, key);
    IsOptional()(target, key);
    IsString()(target, key);
    MaxLength(max)(target, key);
  };
}

const HHMM = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const CODE = /^[A-Za-z0-9_-]{1,32}$/;
const CODE_RULE = {
  message: 'code must be 1-32 letters, digits, - or _',
  context: { code: 'invalid_code', params: { max: 32 } },
};

export class IntervalDto {
  @ApiProperty({ example: '08:30' })
  @IsString()
  @Matches(HHMM, { message: 'opens must be HH:mm', context: { code: 'invalid_time' } })
  opens: string;
  @ApiProperty({ example: '21:30' })
  @IsString()
  @Matches(HHMM, {
    message: 'closes must be HH:mm (24:00 allowed)',
    context: { code: 'invalid_time' },
  })
  closes: string;
}

export class WeeklyHoursDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: IsoWeekday;

  @ApiProperty({ type: [IntervalDto] })
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => IntervalDto)
  intervals: IntervalDto[];
}

export class SetHoursDto {
  @ApiProperty({ type: [WeeklyHoursDto] })
  @IsArray()
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => WeeklyHoursDto)
  weeklyHours: WeeklyHoursDto[];

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}

export class CreateExceptionDto {
  @ApiProperty({ example: '2026-12-24' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, {
    message: 'date must be YYYY-MM-DD',
    context: { code: 'invalid_date' },
  })
  date: string;

  @ApiProperty({ type: [IntervalDto], description: 'Empty: closed all day' })
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => IntervalDto)
  intervals: IntervalDto[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) note?: string;
}

export class CreateStreetDto {
  @ApiProperty()
  @IsString()
  @Matches(CODE, CODE_RULE)
  code: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) name: string;
  @OptionalText(128) nameEn?: string;
}
export class UpdateStreetDto extends PartialType(CreateStreetDto) {}

export class CreateCommunityDto {
  @ApiProperty() @IsUUID('4') streetId: string;
  @ApiProperty()
  @IsString()
  @Matches(CODE, CODE_RULE)
  code: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) name: string;
  @OptionalText(128) nameEn?: string;
  @ApiPropertyOptional({ nullable: true, example: '2019-06-30' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, {
    message: 'firstElectedOn must be YYYY-MM-DD',
    context: { code: 'invalid_date' },
  })
  firstElectedOn?: string | null;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) households: number;
  @ApiProperty() @IsInt() @Min(0) @Max(5_000_000) registeredResidents: number;
  @OptionalText(255) address?: string;
  @OptionalText(255) addressEn?: string;
}
const REASON_DOC = 'Why a rating fact changes; required when one does';

export class UpdateCommunityDto extends PartialType(CreateCommunityDto) {
  @ApiPropertyOptional({
    description: `${REASON_DOC} (firstElectedOn, households, registeredResidents)`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class CreateCompoundDto {
  @ApiProperty() @IsUUID('4') communityId: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) name: string;
  @OptionalText(128) nameEn?: string;
  @OptionalText(255) address?: string;
  @OptionalText(255) addressEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100_000) households?: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'With lng, or null to clear' })
  @IsOptional()
  @IsLatitude()
  lat?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsLongitude()
  lng?: number | null;
  @CoordinateSystemField() coordinateSystem?: CoordinateSystem;
}
export class UpdateCompoundDto extends PartialType(CreateCompoundDto) {}

export class CreateGridDto {
  @ApiProperty() @IsUUID('4') communityId: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') compoundId?: string;
  @ApiProperty()
  @IsString()
  @Matches(CODE, CODE_RULE)
  code: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) name: string;
}
export class UpdateGridDto extends PartialType(CreateGridDto) {}

export class CreateDeskDto {
  @ApiProperty() @IsUUID('4') communityId: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') compoundId?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) name: string;
  @OptionalText(128) nameEn?: string;
  @OptionalText(255) address?: string;
  @OptionalText(255) addressEn?: string;
  @ApiProperty() @IsLatitude() lat: number;
  @ApiProperty() @IsLongitude() lng: number;
  @CoordinateSystemField() coordinateSystem?: CoordinateSystem;
  @ApiProperty({ example: 60 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(1)
  @Max(100_000)
  areaSqm: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+\- ]{3,32}$/, {
    message: 'phone must be digits',
    context: { code: 'invalid_phone' },
  })
  phone?: string;
  @ApiPropertyOptional({ type: [WeeklyHoursDto], description: 'Default 08:30–21:30 every day' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => WeeklyHoursDto)
  weeklyHours?: WeeklyHoursDto[];
}
export class UpdateDeskDto extends PartialType(CreateDeskDto) {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
  @ApiPropertyOptional({ description: `${REASON_DOC} (areaSqm)` })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class CommunityListQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') streetId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) q?: string;
}

export class PublicDeskQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsLatitude() lat?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsLongitude() lng?: number;
  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') communityId?: string;
  /** The datum of the point given and of the positions returned (a map's own). */
  @CoordinateSystemField() coordinateSystem?: CoordinateSystem;
}

export class PublicDeskGetQuery {
  @CoordinateSystemField() coordinateSystem?: CoordinateSystem;
}
