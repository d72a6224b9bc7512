import {
  APPEAL_STATUSES,
  FOLLOW_UP_METHODS,
  FOLLOW_UP_OUTCOMES,
  FOLLOW_UP_STATUSES,
  FOLLOW_UP_VERDICTS,
  SATISFACTION_LEVELS,
  SOLVED_ANSWERS,
  type AppealStatus,
  type CommunityFollowUpSummary,
  type DissatisfiedCase,
  type FollowUpAppeal,
  type FollowUpAppealItem,
  type FollowUpAttempt,
  type FollowUpDetail,
  type FollowUpFigure,
  type FollowUpMethod,
  type FollowUpOutcome,
  type FollowUpStatus,
  type FollowUpSummary,
  type FollowUpVerdict,
  type Page,
  type RatingInvitation,
  type ResidentFollowUp,
  type ResidentFollowUpContact,
  type ResidentRating,
  type SatisfactionLevel,
  type SolvedAnswer,
} from '@baitong/contracts';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { FollowUpScriptRecordDto } from '../cases/cases.responses';
import { PageMetaDto } from '../common/responses.dto';

const instant = { type: String, format: 'date-time' } as const;
const maybeInstant = { type: String, format: 'date-time', nullable: true } as const;
const maybeText = { type: String, nullable: true } as const;
const maybeId = { type: String, format: 'uuid', nullable: true } as const;

@ApiSchema({ name: 'FollowUpAppeal' })
export class FollowUpAppealDto implements FollowUpAppeal {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) attemptId: string;
  @ApiProperty({ enum: APPEAL_STATUSES }) status: AppealStatus;
  @ApiProperty() reason: string;
  @ApiProperty() evidence: string;
  @ApiProperty({ format: 'uuid' }) appealedById: string;
  @ApiProperty() appealedByName: string;
  @ApiProperty(instant) appealedAt: string;
  @ApiProperty(maybeId) decidedById: string | null;
  @ApiProperty(maybeText) decidedByName: string | null;
  @ApiProperty(maybeInstant) decidedAt: string | null;
  @ApiProperty(maybeText) decisionReason: string | null;
}

@ApiSchema({ name: 'FollowUpAppealItem' })
export class FollowUpAppealItemDto extends FollowUpAppealDto implements FollowUpAppealItem {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() caseNumber: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() communityName: string;
  @ApiProperty() communityNameEn: string;
  @ApiProperty({ format: 'uuid', description: 'The street whose admin decides it' })
  streetId: string;
  @ApiProperty({ enum: SATISFACTION_LEVELS, nullable: true, description: 'The rating appealed' })
  satisfaction: SatisfactionLevel | null;
  @ApiProperty({ enum: SOLVED_ANSWERS, nullable: true }) solved: SolvedAnswer | null;
}

@ApiSchema({ name: 'FollowUpAppealPage' })
export class FollowUpAppealPageDto extends PageMetaDto implements Page<FollowUpAppealItem> {
  @ApiProperty({ type: [FollowUpAppealItemDto] }) items: FollowUpAppealItemDto[];
}

@ApiSchema({ name: 'FollowUpAttempt' })
export class FollowUpAttemptDto implements FollowUpAttempt {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: FOLLOW_UP_METHODS }) method: FollowUpMethod;
  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES }) outcome: FollowUpOutcome;
  @ApiProperty({ enum: SATISFACTION_LEVELS, nullable: true })
  satisfaction: SatisfactionLevel | null;
  @ApiProperty({ enum: SOLVED_ANSWERS, nullable: true }) solved: SolvedAnswer | null;
  @ApiProperty(maybeText) notes: string | null;
  @ApiProperty({ enum: ['staff', 'resident'] }) recordedByKind: 'staff' | 'resident';
  @ApiProperty({ format: 'uuid' }) recordedById: string;
  @ApiProperty() recordedByName: string;
  @ApiProperty(instant) recordedAt: string;
  @ApiProperty(maybeId) supersedesId: string | null;
  @ApiProperty(maybeText) supersedeReason: string | null;
  @ApiProperty(maybeId) supersededById: string | null;
  @ApiProperty({ description: 'An upheld appeal keeps it out of the satisfaction figures' })
  excluded: boolean;
  @ApiProperty({ type: FollowUpAppealDto, nullable: true }) appeal: FollowUpAppealDto | null;
}

@ApiSchema({ name: 'FollowUpSummary' })
export class FollowUpSummaryDto implements FollowUpSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() caseNumber: string;
  @ApiProperty() caseSummary: string;
  @ApiProperty({ format: 'uuid' }) categoryId: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty(maybeId) compoundId: string | null;
  @ApiProperty(maybeId) assigneeId: string | null;
  @ApiProperty(maybeText) assigneeName: string | null;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status: FollowUpStatus;
  @ApiProperty({ description: '1 for the first follow-up of the case, 2 after its rework …' })
  round: number;
  @ApiProperty({ ...instant, description: 'Due now (the next try after an unreachable one)' })
  dueAt: string;
  @ApiProperty({ ...instant, description: 'Due as scheduled; timeliness is measured on it' })
  firstDueAt: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty() tries: number;
  @ApiProperty() retryPending: boolean;
  @ApiProperty({ enum: FOLLOW_UP_VERDICTS, nullable: true }) verdict: FollowUpVerdict | null;
  @ApiProperty(maybeInstant) completedAt: string | null;
  @ApiProperty(instant) createdAt: string;
}

@ApiSchema({ name: 'FollowUpDetail' })
export class FollowUpDetailDto extends FollowUpSummaryDto implements FollowUpDetail {
  @ApiProperty(maybeText) residentName: string | null;
  @ApiProperty({ description: 'The audited contact read of the case' }) contactUrl: string;
  @ApiProperty({ type: FollowUpScriptRecordDto, nullable: true })
  script: FollowUpScriptRecordDto | null;
  @ApiProperty(maybeInstant) reworkDueAt: string | null;
  @ApiProperty() maxTries: number;
  @ApiProperty({ type: [FollowUpAttemptDto] }) attempts: FollowUpAttemptDto[];
}

@ApiSchema({ name: 'FollowUpPage' })
export class FollowUpPageDto extends PageMetaDto implements Page<FollowUpSummary> {
  @ApiProperty({ type: [FollowUpSummaryDto] }) items: FollowUpSummaryDto[];
}

@ApiSchema({ name: 'RatingInvitation' })
export class RatingInvitationDto implements RatingInvitation {
  @ApiProperty({ format: 'uuid' }) followUpId: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() caseNumber: string;
  @ApiProperty() caseSummary: string;
  @ApiProperty(instant) invitedAt: string;
}

@ApiSchema({ name: 'ResidentFollowUpContact' })
export class ResidentFollowUpContactDto implements ResidentFollowUpContact {
  @ApiProperty() round: number;
  @ApiProperty({ enum: ['phone', 'visit', 'in_person'] }) method: Exclude<FollowUpMethod, 'app'>;
  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES }) outcome: FollowUpOutcome;
  @ApiProperty(instant) at: string;
}

@ApiSchema({ name: 'ResidentRating' })
export class ResidentRatingDto implements ResidentRating {
  @ApiProperty() round: number;
  @ApiProperty({ enum: SATISFACTION_LEVELS }) satisfaction: SatisfactionLevel;
  @ApiProperty({ enum: SOLVED_ANSWERS }) solved: SolvedAnswer;
  @ApiProperty(maybeText) comment: string | null;
  @ApiProperty(instant) ratedAt: string;
  @ApiProperty({ enum: FOLLOW_UP_VERDICTS, nullable: true }) verdict: FollowUpVerdict | null;
}

@ApiSchema({ name: 'ResidentFollowUp' })
export class ResidentFollowUpDto implements ResidentFollowUp {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: 'Resolved, and this resolution not rated by the resident yet' })
  canRate: boolean;
  @ApiProperty({ type: [ResidentRatingDto] }) ratings: ResidentRatingDto[];
  @ApiProperty({ type: [ResidentFollowUpContactDto] }) contacts: ResidentFollowUpContactDto[];
}

@ApiSchema({ name: 'FollowUpFigure' })
export class FollowUpFigureDto implements FollowUpFigure {
  @ApiProperty() numerator: number;
  @ApiProperty() denominator: number;
  @ApiProperty({ type: Number, nullable: true }) rate: number | null;
}

@ApiSchema({ name: 'SatisfactionDistribution' })
export class SatisfactionDistributionDto implements Record<SatisfactionLevel, number> {
  @ApiProperty({ description: '非常满意' }) very_satisfied: number;
  @ApiProperty({ description: '满意' }) satisfied: number;
  @ApiProperty({ description: '基本满意' }) basically_satisfied: number;
  @ApiProperty({ description: '不满意' }) dissatisfied: number;
  @ApiProperty({ description: '非常不满意' }) very_dissatisfied: number;
}

@ApiSchema({ name: 'DissatisfiedCase' })
export class DissatisfiedCaseDto implements DissatisfiedCase {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() caseNumber: string;
  @ApiProperty({ enum: SATISFACTION_LEVELS, nullable: true })
  satisfaction: SatisfactionLevel | null;
  @ApiProperty({ enum: SOLVED_ANSWERS, nullable: true }) solved: SolvedAnswer | null;
  @ApiProperty(instant) ratedAt: string;
  @ApiProperty(maybeInstant) reworkDueAt: string | null;
  @ApiProperty({ enum: ['in_rework', 'reworked', 'overdue'] }) rework:
    'in_rework' | 'reworked' | 'overdue';
  @ApiProperty() excluded: boolean;
}

@ApiSchema({ name: 'FollowUpAppeals' })
export class FollowUpAppealsDto {
  @ApiProperty() pending: number;
  @ApiProperty() upheld: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ type: [FollowUpAppealItemDto] }) items: FollowUpAppealItemDto[];
}

@ApiSchema({ name: 'CommunityFollowUpSummary' })
export class CommunityFollowUpSummaryDto implements CommunityFollowUpSummary {
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty(instant) from: string;
  @ApiProperty(instant) to: string;
  @ApiProperty({ type: FollowUpFigureDto, description: 'Followed up ÷ due' })
  coverage: FollowUpFigureDto;
  @ApiProperty({ type: FollowUpFigureDto, description: 'First try by the first due time ÷ due' })
  timeliness: FollowUpFigureDto;
  @ApiProperty({ type: FollowUpFigureDto, description: 'Satisfied (three levels) ÷ rated' })
  satisfaction: FollowUpFigureDto;
  @ApiProperty({ type: SatisfactionDistributionDto }) distribution: SatisfactionDistributionDto;
  @ApiProperty() excludedRatings: number;
  @ApiProperty() overdueOpen: number;
  @ApiProperty() unreachable: number;
  @ApiProperty({ type: [DissatisfiedCaseDto] }) dissatisfied: DissatisfiedCaseDto[];
  @ApiProperty({ type: FollowUpAppealsDto }) appeals: FollowUpAppealsDto;
}
