import {
  WORKER_CERTIFICATE_LEVELS,
  WORKER_EDUCATION_LEVELS,
  WORKER_GENDERS,
  type WorkerCertificateLevel,
  type WorkerEducation,
  type WorkerGender,
  type WorkforceEntry,
  type WorkforceEntryDetail,
  type WorkforceImportResult,
  type WorkforcePage,
  type WorkforceRevision,
} from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const LEVEL =
  'Level of the 社会工作者职业资格; null when not certified or the level is not recorded';
const PERSONAL = 'Only for the community’s admin and the bureau (each read audited)';

export class WorkforceEntryDto implements WorkforceEntry {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() workerNumber: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ enum: WORKER_GENDERS, nullable: true }) gender?: WorkerGender | null;
  @ApiPropertyOptional({ format: 'date', description: PERSONAL }) birthDate?: string;
  @ApiProperty({ format: 'date' }) hiredOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) leftOn: string | null;
  @ApiProperty({ type: String, nullable: true }) leaveReason: string | null;
  @ApiProperty() position: string;
  @ApiProperty() certified: boolean;
  @ApiProperty({ enum: WORKER_CERTIFICATE_LEVELS, nullable: true, description: LEVEL })
  certificateLevel: WorkerCertificateLevel | null;
  @ApiProperty({ enum: WORKER_EDUCATION_LEVELS }) education: WorkerEducation;
  @ApiPropertyOptional({ description: PERSONAL }) monthlyPayYuan?: number;
  @ApiProperty({ format: 'date' }) factsEffectiveOn: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class WorkforceRevisionDto implements WorkforceRevision {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty({ format: 'date' }) effectiveOn: string;
  @ApiProperty() position: string;
  @ApiProperty() certified: boolean;
  @ApiProperty({ enum: WORKER_CERTIFICATE_LEVELS, nullable: true, description: LEVEL })
  certificateLevel: WorkerCertificateLevel | null;
  @ApiProperty({ enum: WORKER_EDUCATION_LEVELS }) education: WorkerEducation;
  @ApiPropertyOptional({ description: PERSONAL }) monthlyPayYuan?: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedById: string | null;
  @ApiProperty() recordedByName: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class WorkforceEntryDetailDto extends WorkforceEntryDto implements WorkforceEntryDetail {
  @ApiProperty({ type: [WorkforceRevisionDto] }) revisions: WorkforceRevisionDto[];
}

export class WorkforcePageDto implements WorkforcePage {
  @ApiProperty({ type: [WorkforceEntryDto] }) items: WorkforceEntryDto[];
  @ApiProperty() total: number;
}

export class WorkforceImportResultDto implements WorkforceImportResult {
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
}
