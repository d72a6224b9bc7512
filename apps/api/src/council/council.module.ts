import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { CouncilOverviewController } from './council-overview.controller';
import { CouncilOverviewRepository } from './council-overview.repository';
import { CouncilOverviewService } from './council-overview.service';
import { CouncilsController } from './councils.controller';
import { CouncilsRepository } from './councils.repository';
import { CouncilsService } from './councils.service';
import { ImplementationController } from './implementation.controller';
import { ImplementationRepository } from './implementation.repository';
import { ImplementationService } from './implementation.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { ProposalActivityRepository } from './proposal-activity.repository';
import { ProposalCommentsService } from './proposal-comments.service';
import { ProposalPromotionService } from './proposal-promotion.service';
import { ProposalDraftsService } from './proposal-drafts.service';
import { ProposalSupportsService } from './proposal-supports.service';
import { ProposalsController } from './proposals.controller';
import { ProposalsRepository } from './proposals.repository';
import { ProposalsService } from './proposals.service';

@Module({
  imports: [CasesModule, FollowUpsModule],
  controllers: [
    CouncilsController,
    ProposalsController,
    MeetingsController,
    ImplementationController,
    CouncilOverviewController,
  ],
  providers: [
    CouncilsRepository,
    CouncilsService,
    ProposalsRepository,
    ProposalActivityRepository,
    ProposalsService,
    ProposalSupportsService,
    ProposalDraftsService,
    ProposalCommentsService,
    ProposalPromotionService,
    MeetingsRepository,
    MeetingsService,
    ImplementationRepository,
    ImplementationService,
    CouncilOverviewRepository,
    CouncilOverviewService,
  ],
  exports: [ProposalsService, CouncilsService],
})
export class CouncilModule {}
