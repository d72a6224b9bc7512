import { Module } from '@nestjs/common';
import { MetricCountsRepository } from './metric-counts.repository';
import { MetricRollupRepository } from './metric-rollup.repository';
import { MetricsController } from './metrics.controller';
import { MetricsRepository } from './metrics.repository';
import { MetricsService } from './metrics.service';

// The workforce figures come through the WORKFORCE_FIGURES port when a module provides it
// globally; without it the worker keys read `no_roster`.
@Module({
  controllers: [MetricsController],
  providers: [MetricsRepository, MetricRollupRepository, MetricCountsRepository, MetricsService],
  exports: [MetricsService, MetricRollupRepository],
})
export class MetricsModule {}
