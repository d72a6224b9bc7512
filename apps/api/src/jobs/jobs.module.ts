import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { JobsService } from './jobs.service';

@Module({
  imports: [CasesModule],
  providers: [JobsService],
})
export class JobsModule {}
