import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { MetricsModule } from '../metrics/metrics.module';
import { JobsService } from './jobs.service';

@Module({
  imports: [CasesModule, FollowUpsModule, MetricsModule],
  providers: [JobsService],
})
export class JobsModule {}
