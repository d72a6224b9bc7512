import { Module } from '@nestjs/common';
import { MetricsModule } from '../../metrics/metrics.module';
import { RatingRunsController } from './rating-runs.controller';
import { RatingRunsRepository } from './rating-runs.repository';
import { RatingRunsService } from './rating-runs.service';

/** Rating runs: draft → frozen → computed → in_review → published, snapshots, objections. */
@Module({
  imports: [MetricsModule],
  controllers: [RatingRunsController],
  providers: [RatingRunsRepository, RatingRunsService],
  exports: [],
})
export class RatingRunsModule {}
