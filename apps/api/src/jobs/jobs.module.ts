import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { MetricsModule } from '../metrics/metrics.module';
import { ApiClientsModule } from '../open311/clients/api-clients.module';
import { JobsService } from './jobs.service';

@Module({
  imports: [CasesModule, FollowUpsModule, MetricsModule, ApiClientsModule],
  providers: [JobsService],
})
export class JobsModule {}
