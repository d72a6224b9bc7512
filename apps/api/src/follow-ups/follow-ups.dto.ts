import {
  APPEAL_DECISIONS,
  APPEAL_STATUSES,
  FOLLOW_UP_METHODS,
  FOLLOW_UP_OUTCOMES,
  FOLLOW_UP_STATUSES,
  SATISFACTION_LEVELS,
  SOLVED_ANSWERS,
  type AppealDecision,
  type AppealDecisionRequest,
  type AppealStatus,
  type EvaluateProjectRequest,
  type FollowUpAppealQuery,
  type AppealRequest,
  type FollowUpMethod,
  type FollowUpOutcome,
  type FollowUpStatus,
  type RateCaseRequest,
  type ReassignFollowUpRequest,
  type RecordAttemptRequest,
  type SatisfactionLevel,
  type SolvedAnswer,
} from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../common/page.dto';

export class RecordAttemptDto implements RecordAttemptRequest {
  @ApiProperty({ enum: FOLLOW_UP_METHODS, description: '`app` is the resident’s own rating' })
  @IsIn(FOLLOW_UP_METHODS)
  method: FollowUpMethod;
  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES }) @IsIn(FOLLOW_UP_OUTCOMES) outcome: FollowUpOutcome;
  @ApiPropertyOptional({ enum: SATISFACTION_LEVELS, description: 'Required when reached' })
  @IsOptional()
  @IsIn(SATISFACTION_LEVELS)
  satisfaction?: SatisfactionLevel;
  @ApiPropertyOptional({ enum: SOLVED_ANSWERS, description: 'Required when reached' })
  @IsOptional()
  @IsIn(SOLVED_ANSWERS)
  solved?: SolvedAnswer;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) notes?: string;
  @ApiPropertyOptional({ description: 'Correcting a completed follow-up: the attempt corrected' })
  @IsOptional()
  @IsUUID('4')
  supersedesId?: string;
  @ApiPropertyOptional({ description: 'Required with supersedesId: why it is corrected' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  supersedeReason?: string;
}

export class RateCaseDto implements RateCaseRequest {
  @ApiProperty({ enum: SATISFACTION_LEVELS })
  @IsIn(SATISFACTION_LEVELS)
  satisfaction: SatisfactionLevel;
  @ApiProperty({ enum: SOLVED_ANSWERS }) @IsIn(SOLVED_ANSWERS) solved: SolvedAnswer;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class ReassignFollowUpDto implements ReassignFollowUpRequest {
  @ApiProperty() @IsUUID('4') assigneeId: string;
}

export class AppealDto implements AppealRequest {
  @ApiProperty({ description: 'Why the rating is unfair (malicious, outside the remit …)' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
  @ApiProperty({ description: 'What shows it: call notes, photos’ description, witnesses' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  evidence: string;
}

export class AppealDecisionDto implements AppealDecisionRequest {
  @ApiProperty({ enum: APPEAL_DECISIONS }) @IsIn(APPEAL_DECISIONS) decision: AppealDecision;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) reason: string;
}

export class FollowUpListQuery extends PageQuery {
  @ApiPropertyOptional({ description: '`me` for the caller, or a staff id' })
  @IsOptional()
  @Matches(/^(me|[0-9a-f-]{36})$/, { message: 'assignee must be me or a staff id' })
  assignee?: string;
  @ApiPropertyOptional({ enum: ['today', 'overdue'] })
  @IsOptional()
  @IsIn(['today', 'overdue'])
  due?: 'today' | 'overdue';
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') compoundId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') caseId?: string;
  @ApiPropertyOptional({ description: 'Only those with an unreachable try and another one due' })
  @IsOptional()
  @IsIn(['true', 'false'])
  retriesPending?: 'true' | 'false';
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES })
  @IsOptional()
  @IsIn(FOLLOW_UP_STATUSES)
  status?: FollowUpStatus;
}

export class SummaryQuery {
  @ApiPropertyOptional({ description: 'Start (inclusive, ISO 8601); default 30 days ago' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'End (exclusive, ISO 8601); default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AppealListQuery extends PageQuery implements FollowUpAppealQuery {
  @ApiPropertyOptional({ enum: APPEAL_STATUSES })
  @IsOptional()
  @IsIn(APPEAL_STATUSES)
  status?: AppealStatus;
  @ApiPropertyOptional({ description: 'Only this community (within the caller’s scope)' })
  @IsOptional()
  @IsUUID('4')
  communityId?: string;
}

export class EvaluateProjectDto implements EvaluateProjectRequest {
  @ApiProperty({ enum: SATISFACTION_LEVELS })
  @IsIn(SATISFACTION_LEVELS)
  satisfaction: SatisfactionLevel;
  @ApiProperty({ enum: SOLVED_ANSWERS, description: 'Did it solve what the residents raised?' })
  @IsIn(SOLVED_ANSWERS)
  solved: SolvedAnswer;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}
