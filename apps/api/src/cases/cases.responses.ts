import {
  API_CLIENT_CHANNELS,
  CASE_ACTIONS,
  CASE_CHANNELS,
  CASE_EVENT_TYPES,
  CASE_KINDS,
  CASE_STATUSES,
  MEDIATION_OUTCOMES,
  RESIDENT_LANGUAGES,
  RESIDENT_VERIFICATIONS,
  SLA_UNITS,
  THIRD_PARTIES,
  type ApiClientChannel,
  type CaseAction,
  type CaseFiledBy,
  type CaseChannel,
  type CaseContact,
  type CaseDetail,
  type CaseEvent,
  type CaseEventType,
  type CaseKind,
  type CasePhoto,
  type CaseSla,
  type CaseStatus,
  type CaseSummary,
  type Category,
  type Mediation,
  type MediationOutcome,
  type Page,
  type RepeatCandidate,
  type ReplyTemplate,
  type ResidentLanguage,
  type ResidentVerification,
  type SlaUnit,
  type ThirdParty,
} from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { FREE_FORM, PageMetaDto } from '../common/responses.dto';
import { CategoryOpen311RecordDto } from './category-open311.dto';

@ApiSchema({ name: 'ReplyTemplate' })
export class ReplyTemplateRecordDto implements ReplyTemplate {
  @ApiProperty() id: string;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() bodyZh: string;
  @ApiProperty() bodyEn: string;
}

@ApiSchema({ name: 'ResolveWithin' })
export class ResolveWithinRecordDto {
  @ApiProperty() value: number;
  @ApiProperty({ enum: SLA_UNITS }) unit: SlaUnit;
}

@ApiSchema({ name: 'FollowUpScript' })
export class FollowUpScriptRecordDto {
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

@ApiSchema({ name: 'CasePosition' })
export class CasePositionDto {
  @ApiProperty({ description: 'WGS-84' }) lat: number;
  @ApiProperty({ description: 'WGS-84' }) lng: number;
}

@ApiSchema({ name: 'CaseFiledBy' })
export class CaseFiledByDto implements CaseFiledBy {
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty() clientName: string;
  @ApiProperty({ enum: API_CLIENT_CHANNELS }) channel: ApiClientChannel;
  @ApiProperty({ ...FREE_FORM, description: 'The answers to the category fields, by code' })
  attributes: Record<string, string | number | string[]>;
  @ApiProperty({ type: String, nullable: true }) mediaUrl: string | null;
  @ApiProperty({ type: CasePositionDto, nullable: true }) position: CasePositionDto | null;
}

@ApiSchema({ name: 'Category' })
export class CategoryDto implements Category {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CASE_KINDS }) kind: CaseKind;
  @ApiProperty() code: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ description: "Minutes of the handling desk's opening hours" })
  acceptWithinMinutes: number;
  @ApiProperty({ type: ResolveWithinRecordDto }) resolveWithin: ResolveWithinRecordDto;
  @ApiProperty() followUpRequired: boolean;
  @ApiProperty({ description: 'Public-area matters repeat by place, not by resident' })
  publicArea: boolean;
  @ApiProperty({ type: [ReplyTemplateRecordDto] }) replyTemplates: ReplyTemplateRecordDto[];
  @ApiProperty({
    type: FollowUpScriptRecordDto,
    nullable: true,
    description: 'The follow-up script (回访话术)',
  })
  followUpScript: FollowUpScriptRecordDto | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: CategoryOpen311RecordDto, description: 'How Open311 clients see it' })
  open311: CategoryOpen311RecordDto;
}

@ApiSchema({ name: 'CasePhoto' })
export class CasePhotoDto implements CasePhoto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'image/jpeg' }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'Served only to those allowed to read the case' }) url: string;
}

@ApiSchema({ name: 'CaseSla' })
export class CaseSlaDto implements CaseSla {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptDueAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Null while the clock is paused (waiting for the resident)',
  })
  resolveDueAt: string | null;
  @ApiProperty() acceptOverdue: boolean;
  @ApiProperty() resolveOverdue: boolean;
  @ApiProperty() paused: boolean;
}

@ApiSchema({ name: 'CaseSummary' })
export class CaseSummaryDto implements CaseSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'BT20261127-0042' }) number: string;
  @ApiProperty({ enum: CASE_KINDS }) kind: CaseKind;
  @ApiProperty({ format: 'uuid' }) categoryId: string;
  @ApiProperty() categoryName: string;
  @ApiProperty() categoryNameEn: string;
  @ApiProperty({ enum: CASE_CHANNELS }) channel: CaseChannel;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) compoundId: string | null;
  @ApiProperty({ type: String, nullable: true }) compoundName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Empty when unknown' })
  compoundNameEn: string | null;
  @ApiProperty({ format: 'uuid' }) deskId: string;
  @ApiProperty() deskName: string;
  @ApiProperty({ description: 'Empty when unknown: show the Chinese' }) deskNameEn: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) residentId: string | null;
  @ApiProperty({ type: String, nullable: true }) residentName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Masked: 138****5678' })
  residentPhoneMasked: string | null;
  @ApiProperty({
    enum: RESIDENT_VERIFICATIONS,
    nullable: true,
    description: '`unverified`: a self-registered resident not yet checked',
  })
  residentVerification: ResidentVerification | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeId: string | null;
  @ApiProperty({ type: String, nullable: true }) assigneeName: string | null;
  @ApiProperty({ enum: THIRD_PARTIES, nullable: true, description: 'While waiting_third_party' })
  waitingFor: ThirdParty | null;
  @ApiProperty() summary: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: CaseSlaDto }) sla: CaseSlaDto;
  @ApiProperty() reopenCount: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) repeatOfId: string | null;
  @ApiProperty() escalated: boolean;
  @ApiProperty({ description: 'Send it back with a change: a stale one answers 409' })
  version: number;
}

@ApiSchema({ name: 'CasePage' })
export class CasePageDto extends PageMetaDto implements Page<CaseSummary> {
  @ApiProperty({ type: [CaseSummaryDto] }) items: CaseSummaryDto[];
}

@ApiSchema({ name: 'MediationParty' })
export class MediationPartyDto {
  @ApiProperty() name: string;
  @ApiProperty() role: string;
  @ApiPropertyOptional({ description: 'Masked' }) phoneMasked?: string;
}

@ApiSchema({ name: 'MediationSession' })
export class MediationSessionDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() note: string;
}

@ApiSchema({ name: 'Mediation' })
export class MediationRecordDto implements Mediation {
  @ApiProperty({ description: 'Locked once the dispute is resolved' }) locked: boolean;
  @ApiProperty({ type: [MediationPartyDto] }) parties: MediationPartyDto[];
  @ApiProperty() mediatorName: string;
  @ApiProperty({ type: [MediationSessionDto] }) sessions: MediationSessionDto[];
  @ApiProperty({ enum: MEDIATION_OUTCOMES, nullable: true }) outcome: MediationOutcome | null;
  @ApiProperty({ type: String, nullable: true }) agreement: string | null;
}

@ApiSchema({ name: 'RepeatDecisionRecord' })
export class RepeatDecisionRecordDto {
  @ApiProperty({ enum: ['linked', 'dismissed'] }) decision: 'linked' | 'dismissed';
  @ApiProperty() byName: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

@ApiSchema({ name: 'CaseDetail' })
export class CaseDetailDto extends CaseSummaryDto implements CaseDetail {
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true }) place: string | null;
  @ApiProperty({ type: [CasePhotoDto] }) photos: CasePhotoDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) resolution: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiProperty({ type: RepeatDecisionRecordDto, nullable: true, description: 'Null until decided' })
  repeatDecision: RepeatDecisionRecordDto | null;
  @ApiProperty({ type: MediationRecordDto, nullable: true }) mediation: MediationRecordDto | null;
  @ApiProperty({
    enum: RESIDENT_LANGUAGES,
    nullable: true,
    description: 'The language the resident reads; null for a caller not on record',
  })
  residentPreferredLanguage: ResidentLanguage | null;
  @ApiProperty({ enum: CASE_ACTIONS, isArray: true, description: 'What the caller may do now' })
  allowedActions: CaseAction[];
  @ApiProperty({
    type: CaseFiledByDto,
    nullable: true,
    description: 'The Open311 client that filed it (staff only); null otherwise',
  })
  filedBy: CaseFiledByDto | null;
}

@ApiSchema({ name: 'CaseEvent' })
export class CaseEventDto implements CaseEvent {
  @ApiProperty({ description: 'Monotonic id in the one event stream' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: CASE_EVENT_TYPES }) type: CaseEventType;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ['staff', 'resident', 'system', 'client'] }) actorKind:
    'staff' | 'resident' | 'system' | 'client';
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ enum: CASE_STATUSES, nullable: true }) fromStatus: CaseStatus | null;
  @ApiProperty({ enum: CASE_STATUSES, nullable: true }) toStatus: CaseStatus | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty(FREE_FORM) data: Record<string, unknown>;
}

@ApiSchema({ name: 'RepeatCandidate' })
export class RepeatCandidateDto implements RepeatCandidate {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() number: string;
  @ApiProperty() summary: string;
  @ApiProperty() categoryName: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: string | null;
  @ApiProperty({ enum: ['pointed_by_resident', 'same_resident', 'same_place'] })
  reason: RepeatCandidate['reason'];
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Text similarity' }) similarity: number;
}

@ApiSchema({
  name: 'CaseContact',
  description: 'Unmasked, one contact at a time; every read audited',
})
export class CaseContactDto implements CaseContact {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: ['resident', 'walk_in', 'party'] }) source: CaseContact['source'];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) residentId: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'A mediation party: its place' })
  partyIndex: number | null;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) idNumber: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'An Open311 submitter’s e-mail',
  })
  email?: string | null;
}
