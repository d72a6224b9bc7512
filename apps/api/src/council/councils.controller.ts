import type { Council, ParticipationSummary } from '@baitong/contracts';
import { STAFF_ROLES } from '@baitong/contracts';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ID } from '../common/uuid.pipe';
import {
  AddCouncilMemberDto,
  ParticipationQuery,
  UpdateCouncilMemberDto,
  UpdateCouncilRulesDto,
} from './council.dto';
import { CouncilDto, ParticipationSummaryDto } from './council.responses';
import { CouncilsService } from './councils.service';

@ApiTags('council')
@ApiBearerAuth()
@Controller()
export class CouncilsController {
  constructor(private readonly councils: CouncilsService) {}

  @Get('communities/:id/council')
  @ApiOperation({
    summary: 'A community’s council (幸福议事会): its rules, threshold, quorum and members',
  })
  @ApiOkResponse({ type: CouncilDto, description: 'The council; default rules until changed' })
  get(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<Council> {
    return this.councils.get(a, id);
  }

  @Roles(...STAFF_ROLES)
  @Patch('communities/:id/council')
  @ApiOperation({ summary: 'The community admin sets the council’s rules' })
  @ApiOkResponse({ type: CouncilDto, description: 'The council with its new rules' })
  updateRules(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpdateCouncilRulesDto,
  ): Promise<Council> {
    return this.councils.updateRules(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Post('communities/:id/council/members')
  @ApiOperation({ summary: 'The community admin adds a member’s term (resident, worker or other)' })
  @ApiCreatedResponse({ type: CouncilDto, description: 'The council with the new member' })
  addMember(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: AddCouncilMemberDto,
  ): Promise<Council> {
    return this.councils.addMember(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Patch('council-members/:id')
  @ApiOperation({ summary: 'The community admin changes a member’s role or term (ends it)' })
  @ApiOkResponse({ type: CouncilDto, description: 'The council after the change' })
  updateMember(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpdateCouncilMemberDto,
  ): Promise<Council> {
    return this.councils.updateMember(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Get('communities/:id/participation')
  @ApiOperation({
    summary:
      'Residents who took part in self-governance in a period (propose, support, comment, attend, vote, evaluate) ÷ registered residents',
  })
  @ApiOkResponse({ type: ParticipationSummaryDto, description: 'Figures for the period' })
  participation(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Query() q: ParticipationQuery,
  ): Promise<ParticipationSummary> {
    return this.councils.participation(a, id, q);
  }
}
