import type { AuditEntry, Page } from '@baitong/contracts';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { FREE_FORM, PageMetaDto } from '../common/responses.dto';

@ApiSchema({ name: 'AuditEntry' })
export class AuditEntryDto implements AuditEntry {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ['staff', 'resident', 'anonymous', 'system'] })
  actorKind: AuditEntry['actorKind'];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ example: 'case.transition' }) action: string;
  @ApiProperty({ type: String, nullable: true }) entity: string | null;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Case number, name (residents masked)',
  })
  targetLabel: string | null;
  @ApiProperty({ type: String, nullable: true }) targetLabelEn: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) communityId: string | null;
  @ApiProperty({ type: String, nullable: true }) communityName: string | null;
  @ApiProperty({ type: String, nullable: true }) communityNameEn: string | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty(FREE_FORM) detail: Record<string, unknown>;
}

@ApiSchema({ name: 'AuditPage' })
export class AuditPageDto extends PageMetaDto implements Page<AuditEntry> {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
}
