import {
  RESIDENT_VERIFICATIONS,
  type Page,
  type PublicCommunity,
  type ResidentContact,
  type ResidentCount,
  type ResidentSummary,
  type ResidentVerification,
  type StaffMember,
} from '@baitong/contracts';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ScopeRefDto } from '../auth/auth.responses';
import { PageMetaDto } from '../common/responses.dto';

@ApiSchema({ name: 'ResidentSummary', description: 'Name and phone masked' })
export class ResidentSummaryDto implements ResidentSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Masked: 李*, J*** S****' }) name: string;
  @ApiProperty({ description: 'Masked: 138****5678' }) phoneMasked: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) compoundId: string | null;
  @ApiProperty() foreign: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'ISO 3166-1 alpha-2' })
  nationality: string | null;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ enum: RESIDENT_VERIFICATIONS }) verification: ResidentVerification;
  @ApiProperty({ example: 'zh-CN' }) preferredLanguage: string;
}

@ApiSchema({ name: 'ResidentPage' })
export class ResidentPageDto extends PageMetaDto implements Page<ResidentSummary> {
  @ApiProperty({ type: [ResidentSummaryDto] }) items: ResidentSummaryDto[];
}

@ApiSchema({
  name: 'ResidentContact',
  description: 'Unmasked; every read is written to the audit log',
})
export class ResidentContactDto implements ResidentContact {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() phone: string;
  @ApiProperty({ type: String, nullable: true }) idNumber: string | null;
}

@ApiSchema({ name: 'ResidentCount', description: 'Residents of one community in numbers only' })
export class ResidentCountDto implements ResidentCount {
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() communityName: string;
  @ApiProperty({ description: 'Residents on record in the app' }) residents: number;
  @ApiProperty() foreign: number;
  @ApiProperty({ description: 'Residents who used the app in the last 30 days' })
  activeLast30Days: number;
}

@ApiSchema({ name: 'StaffMember' })
export class StaffMemberDto implements StaffMember {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty() role: string;
  @ApiProperty({ type: ScopeRefDto }) scope: ScopeRefDto;
  @ApiProperty() active: boolean;
}

@ApiSchema({ name: 'PublicCompound' })
export class PublicCompoundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
}

@ApiSchema({ name: 'PublicCommunity', description: 'Where one can live, for registration' })
export class PublicCommunityDto implements PublicCommunity {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() streetName: string;
  @ApiProperty() streetNameEn: string;
  @ApiProperty({ type: [PublicCompoundDto] }) compounds: PublicCompoundDto[];
}
