import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { JobsService } from './jobs.service';

@Module({
  imports: [CasesModule, FollowUpsModule],
  providers: [JobsService],
})
export class JobsModule {}
