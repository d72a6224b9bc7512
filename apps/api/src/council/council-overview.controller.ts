import { type CouncilOverview, STAFF_ROLES } from '@baitong/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { CouncilOverviewQuery } from './council-overview.dto';
import { CouncilOverviewDto } from './council-overview.responses';
import { CouncilOverviewService } from './council-overview.service';

@ApiTags('council')
@ApiBearerAuth()
@Controller()
export class CouncilOverviewController {
  constructor(private readonly overview: CouncilOverviewService) {}

  @Roles(...STAFF_ROLES)
  @Get('council-overview')
  @ApiOperation({
    summary:
      'Council activity per community of the caller’s scope in a period, with street and overall totals',
  })
  @ApiOkResponse({ type: CouncilOverviewDto, description: 'Figures for the period' })
  get(@CurrentActor() a: Actor, @Query() q: CouncilOverviewQuery): Promise<CouncilOverview> {
    return this.overview.overview(a, q);
  }
}
