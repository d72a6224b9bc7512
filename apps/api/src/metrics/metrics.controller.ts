import {
  type CommunityMetrics,
  type DistrictMetrics,
  type MetricRowsPage,
  type MetricSeries,
  STAFF_ROLES,
} from '@baitong/contracts';
import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { type AppRequest, requestMeta } from '../common/request-context';
import { UuidPipe } from '../common/uuid.pipe';
import {
  DistrictMetricsQuery,
  MetricPeriodDto,
  MetricRowsQuery,
  MetricSeriesQuery,
} from './metrics.dto';
import {
  CommunityMetricsDto,
  DistrictMetricsDto,
  MetricRowsPageDto,
  MetricSeriesDto,
} from './metrics.responses';
import { MetricsService } from './metrics.service';

const COMMUNITY = new UuidPipe('communityId');

@ApiTags('metrics')
@ApiBearerAuth()
@Controller('metrics/communities')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Roles(...STAFF_ROLES)
  @Get()
  @ApiOperation({ summary: 'Every metric of every community in scope (the district table)' })
  @ApiOkResponse({ type: DistrictMetricsDto })
  district(@CurrentActor() a: Actor, @Query() q: DistrictMetricsQuery): Promise<DistrictMetrics> {
    return this.metrics.district(a, q);
  }

  @Roles(...STAFF_ROLES)
  @Get(':communityId')
  @ApiOperation({ summary: 'Every metric of one community in a period of Shanghai days' })
  @ApiOkResponse({ type: CommunityMetricsDto })
  community(
    @CurrentActor() a: Actor,
    @Param('communityId', COMMUNITY) id: string,
    @Query() q: MetricPeriodDto,
  ): Promise<CommunityMetrics> {
    return this.metrics.communityMetrics(a, id, q);
  }

  @Roles(...STAFF_ROLES)
  @Get(':communityId/series')
  @ApiOperation({ summary: 'One metric per month or ISO week of the period' })
  @ApiOkResponse({ type: MetricSeriesDto })
  series(
    @CurrentActor() a: Actor,
    @Param('communityId', COMMUNITY) id: string,
    @Query() q: MetricSeriesQuery,
  ): Promise<MetricSeries> {
    return this.metrics.series(a, id, q);
  }

  @Roles(...STAFF_ROLES)
  @Get(':communityId/:metricKey/rows')
  @ApiOperation({ summary: 'The rows behind one side of one metric; total equals that side' })
  @ApiOkResponse({ type: MetricRowsPageDto })
  rows(
    @CurrentActor() a: Actor,
    @Param('communityId', COMMUNITY) id: string,
    @Param('metricKey') key: string,
    @Query() q: MetricRowsQuery,
    @Req() req: AppRequest,
  ): Promise<MetricRowsPage> {
    // The roster's rows carry pay and ages for some readers: those reads are audited.
    return this.metrics.rows(a, id, key, q, requestMeta(req));
  }
}
