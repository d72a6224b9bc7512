import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { FollowUpAppealsService } from './follow-up-appeals.service';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsService } from './follow-ups.service';
import { ResidentFollowUpsService } from './resident-follow-ups.service';

@Module({
  imports: [CasesModule],
  controllers: [FollowUpsController],
  providers: [
    FollowUpsRepository,
    FollowUpsService,
    FollowUpAppealsService,
    ResidentFollowUpsService,
  ],
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
