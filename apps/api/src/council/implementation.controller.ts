import type { ProposalImplementation } from '@baitong/contracts';
import { STAFF_ROLES } from '@baitong/contracts';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ID } from '../common/uuid.pipe';
import {
  AddMilestoneDto,
  AddProgressDto,
  CompleteImplementationDto,
  StartImplementationDto,
} from './implementation.dto';
import { ProposalImplementationDto } from './implementation.responses';
import { ImplementationService } from './implementation.service';

@ApiTags('council')
@ApiBearerAuth()
@Controller()
export class ImplementationController {
  constructor(private readonly implementation: ImplementationService) {}

  @Get('proposals/:id/implementation')
  @ApiOperation({ summary: 'How an adopted proposal is built: owner, plan, milestones, progress' })
  @ApiOkResponse({ type: ProposalImplementationDto, description: 'The implementation' })
  get(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<ProposalImplementation> {
    return this.implementation.get(a, id);
  }

  @Roles(...STAFF_ROLES)
  @Post('proposals/:id/implementation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start building an adopted proposal: owner, plan, budget, funding' })
  @ApiOkResponse({ type: ProposalImplementationDto, description: 'The implementation started' })
  start(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: StartImplementationDto,
  ): Promise<ProposalImplementation> {
    return this.implementation.start(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Post('proposals/:id/milestones')
  @HttpCode(200)
  @ApiOperation({ summary: 'Plan a milestone of the implementation' })
  @ApiOkResponse({ type: ProposalImplementationDto, description: 'With the milestone' })
  addMilestone(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: AddMilestoneDto,
  ): Promise<ProposalImplementation> {
    return this.implementation.addMilestone(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Post('proposals/:id/milestones/:milestoneId/done')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a milestone done' })
  @ApiOkResponse({ type: ProposalImplementationDto, description: 'With the milestone done' })
  milestoneDone(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Param('milestoneId', ID) milestoneId: string,
  ): Promise<ProposalImplementation> {
    return this.implementation.milestoneDone(a, id, milestoneId);
  }

  @Roles(...STAFF_ROLES)
  @Post('proposals/:id/progress')
  @HttpCode(200)
  @ApiOperation({ summary: 'A progress update with photos (own uploads of POST /api/photos)' })
  @ApiOkResponse({ type: ProposalImplementationDto, description: 'With the update' })
  addProgress(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: AddProgressDto,
  ): Promise<ProposalImplementation> {
    return this.implementation.addProgress(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Post('proposals/:id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete the implementation: the proposal is completed' })
  @ApiOkResponse({ type: ProposalImplementationDto, description: 'The completed implementation' })
  complete(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: CompleteImplementationDto,
  ): Promise<ProposalImplementation> {
    return this.implementation.complete(a, id, dto);
  }
}
