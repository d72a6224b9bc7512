import {
  ADOPTION_RULES,
  COUNCIL_MEMBER_KINDS,
  COUNCIL_MEMBER_ROLES,
  MANUAL_PROPOSAL_ACTIONS,
  PROPOSAL_STATUSES,
  PROPOSAL_TOPICS,
  QUORUM_KINDS,
  SUPPORT_THRESHOLD_KINDS,
  type AddCommentRequest,
  type AddProposalPhotosRequest,
  type AddCouncilMemberRequest,
  type AdoptionRule,
  type CouncilMemberKind,
  type CouncilMemberRole,
  type CreateProposalRequest,
  type HideCommentRequest,
  type ManualProposalAction,
  type MergeProposalRequest,
  type PromoteCasesRequest,
  type ProposalStatus,
  type ProposalTopic,
  type ProposalTransitionRequest,
  type QuorumKind,
  type SimilarTextQuery,
  type SupportThresholdKind,
  type UpdateCouncilMemberRequest,
  type UpdateCouncilRulesRequest,
  type UpdateProposalRequest,
} from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../common/page.dto';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayRule = (field: string) => ({
  message: `${field} must be YYYY-MM-DD`,
  context: { code: 'invalid_date' },
});

export class UpdateCouncilRulesDto implements UpdateCouncilRulesRequest {
  @ApiPropertyOptional({ enum: SUPPORT_THRESHOLD_KINDS })
  @IsOptional()
  @IsIn(SUPPORT_THRESHOLD_KINDS)
  supportThresholdKind?: SupportThresholdKind;
  @ApiPropertyOptional({ minimum: 1, description: 'Supports needed, with kind `count`' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  supportThresholdCount?: number;
  @ApiPropertyOptional({ minimum: 0.01, maximum: 100, description: 'Percent of households' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(100)
  supportSharePercent?: number;
  @ApiPropertyOptional({ minimum: 1, description: 'Never fewer supports than this' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  supportMinimum?: number;
  @ApiPropertyOptional({ enum: QUORUM_KINDS })
  @IsOptional()
  @IsIn(QUORUM_KINDS)
  quorumKind?: QuorumKind;
  @ApiPropertyOptional({ minimum: 1, description: 'Members present, with quorum `count`' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  quorumCount?: number;
  @ApiPropertyOptional({ enum: ADOPTION_RULES })
  @IsOptional()
  @IsIn(ADOPTION_RULES)
  adoptionRule?: AdoptionRule;
}

export class AddCouncilMemberDto implements AddCouncilMemberRequest {
  @ApiProperty({ enum: COUNCIL_MEMBER_KINDS }) @IsIn(COUNCIL_MEMBER_KINDS) kind: CouncilMemberKind;
  @ApiProperty({ enum: COUNCIL_MEMBER_ROLES }) @IsIn(COUNCIL_MEMBER_ROLES) role: CouncilMemberRole;
  @ApiPropertyOptional({ description: 'Required for kind `resident`' })
  @IsOptional()
  @IsUUID('4')
  residentId?: string;
  @ApiPropertyOptional({ description: 'Required for kind `staff`' })
  @IsOptional()
  @IsUUID('4')
  staffId?: string;
  @ApiPropertyOptional({ description: 'Required for kind `other`' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  name?: string;
  @ApiPropertyOptional({ description: 'Whom an outside member represents' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  organisation?: string;
  @ApiProperty({ example: '2026-01-01' })
  @IsISO8601({ strict: true })
  @Matches(DAY, dayRule('termStart'))
  termStart: string;
  @ApiPropertyOptional({ example: '2028-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DAY, dayRule('termEnd'))
  termEnd?: string;
}

export class UpdateCouncilMemberDto implements UpdateCouncilMemberRequest {
  @ApiPropertyOptional({ enum: COUNCIL_MEMBER_ROLES })
  @IsOptional()
  @IsIn(COUNCIL_MEMBER_ROLES)
  role?: CouncilMemberRole;
  @ApiPropertyOptional({ description: 'Outside members only' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) organisation?: string;
  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DAY, dayRule('termStart'))
  termStart?: string;
  @ApiPropertyOptional({ example: '2028-12-31', description: 'Ends the term' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DAY, dayRule('termEnd'))
  termEnd?: string;
}

export class ParticipationQuery {
  @ApiPropertyOptional({ description: 'Start (inclusive, ISO 8601); default a year ago' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'End (exclusive, ISO 8601); default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

const TITLE = { minLength: 4, maxLength: 120 };
const DESCRIPTION = { minLength: 10, maxLength: 4000 };

export class CreateProposalDto implements CreateProposalRequest {
  @ApiProperty(TITLE) @IsString() @MinLength(4) @MaxLength(120) title: string;
  @ApiProperty(DESCRIPTION) @IsString() @MinLength(10) @MaxLength(4000) description: string;
  @ApiProperty({ enum: PROPOSAL_TOPICS }) @IsIn(PROPOSAL_TOPICS) topic: ProposalTopic;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') compoundId?: string;
  @ApiPropertyOptional({ description: 'Staff writing for a resident: the resident who proposes' })
  @IsOptional()
  @IsUUID('4')
  authorResidentId?: string;
  @ApiPropertyOptional({ maxItems: 9 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsUUID('4', { each: true })
  photoIds?: string[];
}

/** The words being typed into a new proposal; trimmed, blank is refused by the service. */
export class SimilarTextQueryDto implements SimilarTextQuery {
  @ApiPropertyOptional({ description: 'Staff: the community; a resident always reads their own' })
  @IsOptional()
  @IsUUID('4')
  communityId?: string;
  @ApiProperty({ minLength: 2, maxLength: 120 })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  title: string;
  // The start of the text is enough to compare, and keeps the query string within what a URL holds.
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;
}

export class AddProposalPhotosDto implements AddProposalPhotosRequest {
  @ApiProperty({ minItems: 1, maxItems: 9, description: 'Own uploads of POST /api/photos' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(9)
  @IsUUID('4', { each: true })
  photoIds: string[];
}

export class UpdateProposalDto implements UpdateProposalRequest {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiPropertyOptional(TITLE)
  @IsOptional()
  @IsString()
  @MinLength(4)
  @MaxLength(120)
  title?: string;
  @ApiPropertyOptional(DESCRIPTION)
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  description?: string;
  @ApiPropertyOptional({ enum: PROPOSAL_TOPICS })
  @IsOptional()
  @IsIn(PROPOSAL_TOPICS)
  topic?: ProposalTopic;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') compoundId?: string;
}

export class ProposalTransitionDto implements ProposalTransitionRequest {
  @ApiProperty({
    enum: MANUAL_PROPOSAL_ACTIONS,
    description: 'Meetings, implementation and evaluation move a proposal on by their own calls',
  })
  @IsIn(MANUAL_PROPOSAL_ACTIONS)
  action: ManualProposalAction;
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ description: 'Required to reject' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class MergeProposalDto implements MergeProposalRequest {
  @ApiProperty({ description: 'The duplicate of the same community it goes into' })
  @IsUUID('4')
  intoId: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class PromoteCasesDto implements PromoteCasesRequest {
  @ApiProperty({ minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true })
  caseIds: string[];
  @ApiProperty(TITLE) @IsString() @MinLength(4) @MaxLength(120) title: string;
  @ApiProperty(DESCRIPTION) @IsString() @MinLength(10) @MaxLength(4000) description: string;
  @ApiProperty({ enum: PROPOSAL_TOPICS }) @IsIn(PROPOSAL_TOPICS) topic: ProposalTopic;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') compoundId?: string;
  @ApiPropertyOptional({ description: 'A resident of the community who proposes it' })
  @IsOptional()
  @IsUUID('4')
  authorResidentId?: string;
}

export class AddCommentDto implements AddCommentRequest {
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  body: string;
}

export class HideCommentDto implements HideCommentRequest {
  @ApiProperty({ minLength: 1, maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

export class ProposalListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Comma-separated statuses' })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsIn(PROPOSAL_STATUSES, { each: true })
  status?: ProposalStatus[];
  @ApiPropertyOptional({ enum: PROPOSAL_TOPICS })
  @IsOptional()
  @IsIn(PROPOSAL_TOPICS)
  topic?: ProposalTopic;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') communityId?: string;
  @ApiPropertyOptional({ description: 'Proposals a case was taken into' })
  @IsOptional()
  @IsUUID('4')
  caseId?: string;
  @ApiPropertyOptional({ description: 'Only those whose supports reached the threshold' })
  @IsOptional()
  @IsIn(['true', 'false'])
  ready?: 'true' | 'false';
  @ApiPropertyOptional({ description: 'A resident’s own, or those a staff member wrote' })
  @IsOptional()
  @IsIn(['true', 'false'])
  mine?: 'true' | 'false';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) q?: string;
}
