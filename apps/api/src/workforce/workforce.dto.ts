import {
  WORKER_CERTIFICATE_LEVELS,
  WORKER_EDUCATION_LEVELS,
  WORKER_GENDERS,
  WORKFORCE_STATUSES,
  type CreateWorkforceEntryRequest,
  type LeaveWorkforceRequest,
  type UpdateWorkforceEntryRequest,
  type WorkerCertificateLevel,
  type WorkerEducation,
  type WorkerGender,
  type WorkforceStatus,
} from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../common/page.dto';
import { MAX_PAY_YUAN } from './workforce-rules';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayRule = { message: 'must be YYYY-MM-DD', context: { code: 'invalid_date' } };
const LEVEL =
  'Level of the 社会工作者职业资格 (助理社会工作师, 社会工作师, 高级社会工作师); only with certified: true';
const numberRule = { message: 'letters, digits, - or _', context: { code: 'invalid_code' } };

export class WorkforceListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: WORKFORCE_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(WORKFORCE_STATUSES)
  status?: WorkforceStatus;
}

export class WorkforceExportQuery {
  @ApiPropertyOptional({ enum: ['zh-CN', 'en'], description: 'Language of the headers and words' })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  lang?: 'zh-CN' | 'en';
}

export class CreateWorkforceEntryDto implements CreateWorkforceEntryRequest {
  @ApiProperty({ description: '工号, unique in the community', maxLength: 32 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  @Matches(/^[A-Za-z0-9_-]+$/, numberRule)
  workerNumber: string;
  @ApiProperty({ maxLength: 64 }) @IsString() @IsNotEmpty() @MaxLength(64) name: string;
  @ApiPropertyOptional({ enum: WORKER_GENDERS, nullable: true })
  @IsOptional()
  @IsIn(WORKER_GENDERS)
  gender?: WorkerGender | null;
  @ApiProperty({ format: 'date' }) @IsString() @Matches(DAY, dayRule) birthDate: string;
  @ApiProperty({ format: 'date' }) @IsString() @Matches(DAY, dayRule) hiredOn: string;
  @ApiProperty({ maxLength: 64 }) @IsString() @IsNotEmpty() @MaxLength(64) position: string;
  @ApiProperty({ description: 'Holds the 社工证' }) @IsBoolean() certified: boolean;
  @ApiPropertyOptional({
    enum: WORKER_CERTIFICATE_LEVELS,
    nullable: true,
    description: LEVEL,
  })
  @IsOptional()
  @IsIn(WORKER_CERTIFICATE_LEVELS)
  certificateLevel?: WorkerCertificateLevel | null;
  @ApiProperty({ enum: WORKER_EDUCATION_LEVELS })
  @IsIn(WORKER_EDUCATION_LEVELS)
  education: WorkerEducation;
  @ApiProperty({ minimum: 0, maximum: MAX_PAY_YUAN })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_PAY_YUAN)
  monthlyPayYuan: number;
}

export class UpdateWorkforceEntryDto implements UpdateWorkforceEntryRequest {
  @ApiProperty({ description: 'The version as read' }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({
    format: 'date',
    description: 'When the change of position, certificate, degree or pay takes effect',
  })
  @IsOptional()
  @IsString()
  @Matches(DAY, dayRule)
  effectiveOn?: string;
  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  name?: string;
  @ApiPropertyOptional({ enum: WORKER_GENDERS, nullable: true })
  @ValidateIf((o: UpdateWorkforceEntryDto) => o.gender !== null && o.gender !== undefined)
  @IsIn(WORKER_GENDERS)
  gender?: WorkerGender | null;
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsString()
  @Matches(DAY, dayRule)
  birthDate?: string;
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsString()
  @Matches(DAY, dayRule)
  hiredOn?: string;
  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  position?: string;
  @ApiPropertyOptional({ description: 'false without certificateLevel clears the level too' })
  @IsOptional()
  @IsBoolean()
  certified?: boolean;
  @ApiPropertyOptional({
    enum: WORKER_CERTIFICATE_LEVELS,
    nullable: true,
    description: `${LEVEL}; null: not (or no longer) recorded`,
  })
  @ValidateIf(
    (o: UpdateWorkforceEntryDto) => o.certificateLevel !== null && o.certificateLevel !== undefined,
  )
  @IsIn(WORKER_CERTIFICATE_LEVELS)
  certificateLevel?: WorkerCertificateLevel | null;
  @ApiPropertyOptional({ enum: WORKER_EDUCATION_LEVELS })
  @IsOptional()
  @IsIn(WORKER_EDUCATION_LEVELS)
  education?: WorkerEducation;
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_PAY_YUAN })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_PAY_YUAN)
  monthlyPayYuan?: number;
}

export class LeaveWorkforceDto implements LeaveWorkforceRequest {
  @ApiProperty({ format: 'date', description: 'The first day no longer employed' })
  @IsString()
  @Matches(DAY, dayRule)
  leftOn: string;
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
  @ApiPropertyOptional({ description: 'The version as read' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
