import {
  SATISFACTION_LEVELS,
  SOLVED_ANSWERS,
  type EvaluationInvitation,
  type MyProjectEvaluation,
  type ProjectEvaluationReceipt,
  type SatisfactionLevel,
  type SolvedAnswer,
} from '@baitong/contracts';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiSchema,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ID } from '../common/uuid.pipe';
import { EvaluateProjectDto } from './follow-ups.dto';
import { ProjectEvaluationsService } from './project-evaluations.service';

@ApiSchema({ name: 'ProjectEvaluationReceipt' })
export class ProjectEvaluationReceiptDto implements ProjectEvaluationReceipt {
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ enum: SATISFACTION_LEVELS }) satisfaction: SatisfactionLevel;
  @ApiProperty({ enum: SOLVED_ANSWERS }) solved: SolvedAnswer;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt: string;
}

@ApiSchema({ name: 'EvaluationInvitation' })
export class EvaluationInvitationDto implements EvaluationInvitation {
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ example: 'YS20261127-000042' }) number: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, format: 'date-time' }) invitedAt: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'The window ends' })
  dueAt: string;
}

@ApiSchema({ name: 'MyProjectEvaluation' })
export class MyProjectEvaluationDto implements MyProjectEvaluation {
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ enum: ['open', 'done', 'closed'] }) status: 'open' | 'done' | 'closed';
  @ApiProperty({ type: String, format: 'date-time' }) dueAt: string;
  @ApiProperty({ enum: SATISFACTION_LEVELS, nullable: true })
  satisfaction: SatisfactionLevel | null;
  @ApiProperty({ enum: SOLVED_ANSWERS, nullable: true }) solved: SolvedAnswer | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recordedAt: string | null;
}

@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller()
export class ProjectEvaluationsController {
  constructor(private readonly evaluations: ProjectEvaluationsService) {}

  @Roles('resident')
  @Get('evaluation-invitations')
  @ApiOperation({ summary: 'Completed council projects the resident is asked to evaluate now' })
  @ApiOkResponse({ type: [EvaluationInvitationDto], description: 'The soonest closing first' })
  invitations(@CurrentActor() a: Actor): Promise<EvaluationInvitation[]> {
    return this.evaluations.invitations(a);
  }

  @Roles('resident')
  @Get('proposals/:id/evaluation')
  @ApiOperation({ summary: 'The resident’s own evaluation of a project they were asked about' })
  @ApiOkResponse({
    type: MyProjectEvaluationDto,
    description: 'Open, done with the answer, or closed',
  })
  mine(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<MyProjectEvaluation> {
    return this.evaluations.mine(a, id);
  }

  @Roles('resident')
  @Post('proposals/:id/evaluation')
  @ApiOperation({
    summary: 'A resident asked about a completed council project evaluates it, once',
  })
  @ApiCreatedResponse({ type: ProjectEvaluationReceiptDto, description: 'The evaluation recorded' })
  evaluate(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: EvaluateProjectDto,
  ): Promise<ProjectEvaluationReceipt> {
    return this.evaluations.evaluate(a, id, dto);
  }
}
