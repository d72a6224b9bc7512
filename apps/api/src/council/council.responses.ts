import {
  ADOPTION_RULES,
  COUNCIL_MEMBER_KINDS,
  COUNCIL_MEMBER_ROLES,
  MANUAL_PROPOSAL_ACTIONS,
  PROPOSAL_EVENT_TYPES,
  PROPOSAL_ORIGINS,
  PROPOSAL_STATUSES,
  PROPOSAL_TOPICS,
  QUORUM_KINDS,
  SUPPORT_THRESHOLD_KINDS,
  type AdoptionRule,
  type Council,
  type CouncilMember,
  type CouncilMemberKind,
  type CouncilMemberRole,
  type CouncilRules,
  type ManualProposalAction,
  type Page,
  type ParticipationAct,
  type ParticipationSummary,
  type ProposalCaseLink,
  type ProposalComment,
  type ProposalDetail,
  type ProposalEvent,
  type ProposalEventType,
  type ProposalOrigin,
  type ProposalPhoto,
  type ProposalStatus,
  type ProposalListItem,
  type ProposalSummary,
  type ProposalTopic,
  type QuorumKind,
  type SimilarProposal,
  type SupportThresholdKind,
} from '@baitong/contracts';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { FREE_FORM, PageMetaDto } from '../common/responses.dto';

const instant = { type: String, format: 'date-time' } as const;
const maybeInstant = { type: String, format: 'date-time', nullable: true } as const;
const maybeText = { type: String, nullable: true } as const;
const maybeId = { type: String, format: 'uuid', nullable: true } as const;
const maybeCount = { type: Number, nullable: true } as const;
const day = { type: String, example: '2026-01-01' } as const;

@ApiSchema({ name: 'CouncilRules' })
export class CouncilRulesDto implements CouncilRules {
  @ApiProperty({ enum: SUPPORT_THRESHOLD_KINDS }) supportThresholdKind: SupportThresholdKind;
  @ApiProperty(maybeCount) supportThresholdCount: number | null;
  @ApiProperty({ description: 'Percent of households, with `household_share`' })
  supportSharePercent: number;
  @ApiProperty() supportMinimum: number;
  @ApiProperty({ enum: QUORUM_KINDS }) quorumKind: QuorumKind;
  @ApiProperty(maybeCount) quorumCount: number | null;
  @ApiProperty({ enum: ADOPTION_RULES }) adoptionRule: AdoptionRule;
}

@ApiSchema({ name: 'CouncilMember' })
export class CouncilMemberDto implements CouncilMember {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: COUNCIL_MEMBER_KINDS }) kind: CouncilMemberKind;
  @ApiProperty({ enum: COUNCIL_MEMBER_ROLES }) role: CouncilMemberRole;
  @ApiProperty(maybeId) residentId: string | null;
  @ApiProperty(maybeId) staffId: string | null;
  @ApiProperty() name: string;
  @ApiProperty(maybeText) organisation: string | null;
  @ApiProperty(day) termStart: string;
  @ApiProperty({ ...day, nullable: true }) termEnd: string | null;
  @ApiProperty() current: boolean;
}

@ApiSchema({ name: 'Council' })
export class CouncilDto implements Council {
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() households: number;
  @ApiProperty({ type: CouncilRulesDto }) rules: CouncilRulesDto;
  @ApiProperty({ description: 'Supports a proposal opened today needs' }) supportThreshold: number;
  @ApiProperty() currentMembers: number;
  @ApiProperty({ description: 'Members present for a meeting to decide' }) quorum: number;
  @ApiProperty({ type: [CouncilMemberDto] }) members: CouncilMemberDto[];
  @ApiProperty(maybeInstant) updatedAt: string | null;
}

@ApiSchema({ name: 'ParticipationByAct' })
export class ParticipationByActDto implements Record<ParticipationAct, number> {
  @ApiProperty() propose: number;
  @ApiProperty() support: number;
  @ApiProperty() comment: number;
  @ApiProperty() attend: number;
  @ApiProperty() vote: number;
  @ApiProperty() evaluate: number;
}

@ApiSchema({ name: 'ParticipationSummary' })
export class ParticipationSummaryDto implements ParticipationSummary {
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty(instant) from: string;
  @ApiProperty(instant) to: string;
  @ApiProperty() registeredResidents: number;
  @ApiProperty() participants: number;
  @ApiProperty({ type: Number, nullable: true, description: 'participants ÷ registeredResidents' })
  rate: number | null;
  @ApiProperty({ type: ParticipationByActDto }) byAct: ParticipationByActDto;
}

@ApiSchema({ name: 'ProposalPhoto' })
export class ProposalPhotoDto implements ProposalPhoto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() url: string;
}

@ApiSchema({ name: 'ProposalCaseLink' })
export class ProposalCaseLinkDto implements ProposalCaseLink {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() number: string;
  @ApiProperty() summary: string;
  @ApiProperty() status: string;
}

@ApiSchema({ name: 'ProposalSummary' })
export class ProposalSummaryDto implements ProposalSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'YS20261127-000042' }) number: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty(maybeId) compoundId: string | null;
  @ApiProperty(maybeText) compoundName: string | null;
  @ApiProperty(maybeText) compoundNameEn: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PROPOSAL_TOPICS }) topic: ProposalTopic;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: ProposalStatus;
  @ApiProperty({ enum: PROPOSAL_ORIGINS }) origin: ProposalOrigin;
  @ApiProperty(maybeId) authorResidentId: string | null;
  @ApiProperty({ ...maybeText, description: 'Masked for other residents' })
  authorName: string | null;
  @ApiProperty() supportCount: number;
  @ApiProperty({ ...maybeCount, description: 'Fixed when it opened for support' })
  supportThreshold: number | null;
  @ApiProperty({ ...maybeInstant, description: 'Ready for an agenda since' })
  readyAt: string | null;
  @ApiProperty() commentCount: number;
  @ApiProperty() caseCount: number;
  @ApiProperty(maybeId) mergedIntoId: string | null;
  @ApiProperty(maybeInstant) submittedAt: string | null;
  @ApiProperty(instant) statusChangedAt: string;
  @ApiProperty(instant) createdAt: string;
  @ApiProperty(instant) updatedAt: string;
  @ApiProperty() version: number;
}

@ApiSchema({ name: 'ProposalDetail' })
export class ProposalDetailDto extends ProposalSummaryDto implements ProposalDetail {
  @ApiProperty() description: string;
  @ApiProperty({ type: [ProposalPhotoDto] }) photos: ProposalPhotoDto[];
  @ApiProperty({ type: [ProposalCaseLinkDto], description: 'Staff only' })
  cases: ProposalCaseLinkDto[];
  @ApiProperty(maybeText) rejectionReason: string | null;
  @ApiProperty(maybeText) withdrawalReason: string | null;
  @ApiProperty({ enum: ['none', 'active', 'withdrawn'] }) mySupport:
    'none' | 'active' | 'withdrawn';
  @ApiProperty() following: boolean;
  @ApiProperty({ enum: MANUAL_PROPOSAL_ACTIONS, isArray: true })
  allowedActions: ManualProposalAction[];
}

@ApiSchema({ name: 'ProposalListItem' })
export class ProposalListItemDto extends ProposalSummaryDto implements ProposalListItem {
  @ApiProperty({ description: 'The calling resident supports it now (false for staff)' })
  supportedByMe: boolean;
  @ApiProperty({ description: 'The calling resident follows it (false for staff)' })
  followedByMe: boolean;
}

@ApiSchema({ name: 'ProposalPage' })
export class ProposalPageDto extends PageMetaDto implements Page<ProposalListItem> {
  @ApiProperty({ type: [ProposalListItemDto] }) items: ProposalListItemDto[];
}

@ApiSchema({ name: 'ProposalEvent' })
export class ProposalEventDto implements ProposalEvent {
  @ApiProperty({ description: 'The id in the one event stream' }) id: string;
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ enum: PROPOSAL_EVENT_TYPES }) type: ProposalEventType;
  @ApiProperty(instant) at: string;
  @ApiProperty({ enum: ['staff', 'resident', 'system', 'client'] }) actorKind:
    'staff' | 'resident' | 'system' | 'client';
  @ApiProperty(maybeText) actorName: string | null;
  @ApiProperty({ enum: PROPOSAL_STATUSES, nullable: true }) fromStatus: ProposalStatus | null;
  @ApiProperty({ enum: PROPOSAL_STATUSES, nullable: true }) toStatus: ProposalStatus | null;
  @ApiProperty(maybeText) note: string | null;
  @ApiProperty(FREE_FORM) data: Record<string, unknown>;
}

@ApiSchema({ name: 'SimilarProposal' })
export class SimilarProposalDto implements SimilarProposal {
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty() number: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: ProposalStatus;
  @ApiProperty() supportCount: number;
  @ApiProperty({ description: 'Text similarity 0..1' }) similarity: number;
}

@ApiSchema({ name: 'ProposalComment' })
export class ProposalCommentDto implements ProposalComment {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ enum: ['staff', 'resident'] }) authorKind: 'staff' | 'resident';
  @ApiProperty() authorName: string;
  @ApiProperty({ ...maybeText, description: 'Null once hidden, for residents' })
  body: string | null;
  @ApiProperty(instant) createdAt: string;
  @ApiProperty() hidden: boolean;
  @ApiProperty({ ...maybeText, description: 'Staff only' }) hiddenReason: string | null;
  @ApiProperty({ ...maybeText, description: 'Staff only' }) hiddenByName: string | null;
  @ApiProperty(maybeInstant) hiddenAt: string | null;
}
