import {
  RESIDENT_LANGUAGES,
  RESIDENT_VERIFICATIONS,
  type CreateResidentRequest,
  type MergeResidentRequest,
  type RegisterResidentRequest,
  type ResidentLanguage,
  type ResidentVerification,
} from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { MAINLAND_MOBILE } from '../auth/auth.dto';
import { PageQuery } from '../common/page.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

/** Name, nationality, language and home: what a resident says about themselves. */
class ResidentProfileDto {
  @ApiProperty({ description: 'As on the ID card; for a foreigner as on the passport' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name is required' })
  @MaxLength(64)
  name: string;

  @ApiProperty() @IsBoolean() foreign: boolean;

  @ApiPropertyOptional({
    description: 'ISO 3166-1 alpha-2; required for a foreigner',
    example: 'KR',
  })
  @ValidateIf((o: ResidentProfileDto) => o.foreign || (o.nationality ?? null) !== null)
  @Transform(upper)
  @IsString({ message: 'nationality is required for a foreign resident' })
  @IsISO31661Alpha2({ message: 'nationality must be an ISO 3166-1 country code such as KR' })
  nationality?: string | null;

  @ApiPropertyOptional({ enum: RESIDENT_LANGUAGES })
  @IsOptional()
  @IsIn(RESIDENT_LANGUAGES)
  preferredLanguage?: ResidentLanguage;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID('4')
  compoundId?: string | null;
}

export class RegisterResidentDto extends ResidentProfileDto implements RegisterResidentRequest {
  @ApiProperty({ description: 'From the sign-in answer for a phone nobody holds yet' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  registrationToken: string;

  @ApiProperty() @IsUUID('4') communityId: string;
}

export class CreateResidentDto extends ResidentProfileDto implements CreateResidentRequest {
  @ApiProperty({ example: '13800000009', description: '11-digit mainland mobile number' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(/[\s-]/g, '') : value,
  )
  @IsString()
  @Matches(MAINLAND_MOBILE, { message: 'phone must be an 11-digit mainland mobile number' })
  phone: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(/^[0-9A-Za-z]{6,32}$/, { message: 'idNumber must be 6-32 letters or digits' })
  idNumber?: string | null;
}

export class MergeResidentDto implements MergeResidentRequest {
  @ApiProperty({ description: 'The resident on record this registration is' })
  @IsUUID('4')
  intoResidentId: string;
}

export class ResidentQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') communityId?: string;
  @ApiPropertyOptional({ description: 'Name, or the last 4 digits of the phone' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;
  @ApiPropertyOptional({ enum: RESIDENT_VERIFICATIONS })
  @IsOptional()
  @IsIn(RESIDENT_VERIFICATIONS)
  verification?: ResidentVerification;
}
