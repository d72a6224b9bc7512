import {
  CASE_ACTIONS,
  CASE_CHANNELS,
  CASE_KINDS,
  CASE_STATUSES,
  MEDIATION_OUTCOMES,
  SLA_UNITS,
  THIRD_PARTIES,
  type CaseAction,
  type CaseChannel,
  type CaseKind,
  type CaseStatus,
  type CreateCaseRequest,
  type MediationOutcome,
  type SlaUnit,
  type ThirdParty,
  type TransitionRequest,
} from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
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
import { PageQuery } from '../common/page.dto';
import { CategoryOpen311Dto } from './category-open311.dto';

export class WalkInDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) name: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+\- ]{5,20}$/, {
    message: 'phone must be digits',
    context: { code: 'invalid_phone' },
  })
  phone?: string;
}

export class CreateCaseDto implements CreateCaseRequest {
  @ApiProperty() @IsUUID('4') categoryId: string;
  @ApiProperty({ minLength: 5, maxLength: 2000 })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  description: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') compoundId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) place?: string;
  @ApiPropertyOptional({ enum: CASE_CHANNELS })
  @IsOptional()
  @IsIn(CASE_CHANNELS)
  channel?: CaseChannel;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') residentId?: string;
  @ApiPropertyOptional({ type: WalkInDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WalkInDto)
  walkIn?: WalkInDto;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') deskId?: string;
  @ApiPropertyOptional({ maxItems: 9 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsUUID('4', { each: true })
  photoIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') earlierCaseId?: string;
}

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

export class CaseListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Comma-separated statuses' })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsIn(CASE_STATUSES, { each: true })
  status?: CaseStatus[];
  @ApiPropertyOptional({ enum: CASE_KINDS }) @IsOptional() @IsIn(CASE_KINDS) kind?: CaseKind;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') deskId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') communityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['true', 'false']) overdue?: 'true' | 'false';
  @ApiPropertyOptional({ description: '`me` for the caller, or a staff id' })
  @IsOptional()
  @Matches(/^(me|[0-9a-f-]{36})$/, { message: 'assignee must be me or a staff id' })
  assignee?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) q?: string;
  @ApiPropertyOptional({ enum: ['due', 'newest'] }) @IsOptional() @IsIn(['due', 'newest']) sort?:
    'due' | 'newest';
}

export class VersionDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class TransitionDto extends VersionDto implements TransitionRequest {
  @ApiProperty({ enum: CASE_ACTIONS }) @IsIn(CASE_ACTIONS) action: CaseAction;
  @ApiPropertyOptional({
    description: 'Required for wait_resident: what the resident is asked for',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
  @ApiPropertyOptional({ description: 'Required for reject and reopen' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) resolution?: string;
  @ApiPropertyOptional({ enum: THIRD_PARTIES, description: 'Required for wait_third_party' })
  @IsOptional()
  @IsIn(THIRD_PARTIES)
  thirdParty?: ThirdParty;
}

export class AssignDto extends VersionDto {
  @ApiProperty() @IsUUID('4') assigneeId: string;
}

export class TransferDto extends VersionDto {
  @ApiProperty() @IsUUID('4') deskId: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) note: string;
}

export class EscalateDto extends VersionDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) note: string;
}

export class RepeatDecisionDto extends VersionDto {
  @ApiProperty({ enum: ['link', 'dismiss'] }) @IsIn(['link', 'dismiss']) decision:
    'link' | 'dismiss';
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') repeatOfId?: string;
}

export class PartyDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) name: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) role: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+\- ]{5,20}$/, {
    message: 'phone must be digits',
    context: { code: 'invalid_phone' },
  })
  phone?: string;
}

export class SessionDto {
  @ApiProperty() @IsISO8601({ strict: true }) at: string;
  @ApiProperty() @IsString() @MaxLength(2000) note: string;
}

export class MediationDto extends VersionDto {
  @ApiProperty({ type: [PartyDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  parties: PartyDto[];
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) mediatorName: string;
  @ApiProperty({ type: [SessionDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SessionDto)
  sessions: SessionDto[];
  @ApiPropertyOptional({ enum: MEDIATION_OUTCOMES })
  @IsOptional()
  @IsIn(MEDIATION_OUTCOMES)
  outcome?: MediationOutcome;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) agreement?: string;
  @ApiPropertyOptional({
    description:
      'Required once the dispute is resolved: the community admin’s reason for correcting the locked record',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  correctionReason?: string;
}

export class ReplyTemplateDto {
  @ApiProperty() @IsString() @MaxLength(32) id: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) titleZh: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(128) titleEn: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) bodyZh: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) bodyEn: string;
}

export class FollowUpScriptDto {
  @ApiProperty({ description: '回访话术' }) @IsString() @MinLength(1) @MaxLength(4000) zh: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(8000) en: string;
}

export class ResolveWithinDto {
  @ApiProperty() @IsInt() @Min(1) @Max(10_000) value: number;
  @ApiProperty({ enum: SLA_UNITS }) @IsIn(SLA_UNITS) unit: SlaUnit;
}

export class CreateCategoryDto {
  @ApiProperty({ enum: CASE_KINDS }) @IsIn(CASE_KINDS) kind: CaseKind;
  @ApiProperty()
  @IsString()
  @Matches(/^[a-z0-9_]{2,48}$/, {
    message: 'code must be 2-48 lower-case letters, digits or _',
    context: { code: 'invalid_code', params: { max: 48 } },
  })
  code: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) nameZh: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(128) nameEn: string;
  @ApiProperty() @IsInt() @Min(1) @Max(10_000) acceptWithinMinutes: number;
  @ApiProperty({ type: ResolveWithinDto })
  @ValidateNested()
  @Type(() => ResolveWithinDto)
  resolveWithin: ResolveWithinDto;
  @ApiProperty() @IsBoolean() followUpRequired: boolean;
  @ApiProperty() @IsBoolean() publicArea: boolean;
  @ApiPropertyOptional({ type: [ReplyTemplateDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ReplyTemplateDto)
  replyTemplates?: ReplyTemplateDto[];
  @ApiPropertyOptional({
    type: FollowUpScriptDto,
    nullable: true,
    description: 'Shown to the worker while recording a follow-up; null removes it',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FollowUpScriptDto)
  followUpScript?: FollowUpScriptDto | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({
    type: CategoryOpen311Dto,
    description: 'How Open311 clients see it; on a change only the parts given are replaced',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CategoryOpen311Dto)
  open311?: CategoryOpen311Dto;
}

export class UpdateCategoryDto extends PartialType(CreateCategoryDto) {}

export class CategoryQuery {
  @ApiPropertyOptional({ enum: CASE_KINDS }) @IsOptional() @IsIn(CASE_KINDS) kind?: CaseKind;
  @ApiPropertyOptional() @IsOptional() @IsIn(['true', 'false']) all?: 'true' | 'false';
}
