import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { FollowUpAppealsService } from './follow-up-appeals.service';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsService } from './follow-ups.service';
import { ProjectEvaluationsController } from './project-evaluations.controller';
import { ProjectEvaluationsRepository } from './project-evaluations.repository';
import { ProjectEvaluationsService } from './project-evaluations.service';
import { ResidentFollowUpsService } from './resident-follow-ups.service';

@Module({
  imports: [CasesModule],
  controllers: [FollowUpsController, ProjectEvaluationsController],
  providers: [
    FollowUpsRepository,
    FollowUpsService,
    FollowUpAppealsService,
    ResidentFollowUpsService,
    ProjectEvaluationsRepository,
    ProjectEvaluationsService,
  ],
  exports: [FollowUpsService, ProjectEvaluationsService],
})
export class FollowUpsModule {}
