import {
  SATISFACTION_LEVELS,
  SOLVED_ANSWERS,
  type ProjectEvaluationReceipt,
  type SatisfactionLevel,
  type SolvedAnswer,
} from '@baitong/contracts';
import { Body, Controller, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
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

@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller()
export class ProjectEvaluationsController {
  constructor(private readonly evaluations: ProjectEvaluationsService) {}

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
