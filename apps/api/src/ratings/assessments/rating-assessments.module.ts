import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { RatingAssessmentsController } from './assessments.controller';
import { RatingAssessmentsRepository } from './assessments.repository';
import { RatingAssessmentsService } from './assessments.service';
import { RatingCampaignsController } from './campaigns.controller';
import { RatingCampaignsRepository } from './campaigns.repository';
import { RatingCampaignsService } from './campaigns.service';
import { RatingDisqualificationsController } from './disqualifications.controller';
import { RatingDisqualificationsRepository } from './disqualifications.repository';
import { RatingDisqualificationsService } from './disqualifications.service';
import { RatingFrameworksController } from './frameworks.controller';
import { RatingFrameworksRepository } from './frameworks.repository';
import { RatingFrameworksService } from './frameworks.service';

/** Frameworks, the assessment campaign (who scores what, cross-inspection), scores on site, disqualifications. */
@Module({
  imports: [AuditModule],
  controllers: [
    RatingFrameworksController,
    RatingCampaignsController,
    RatingAssessmentsController,
    RatingDisqualificationsController,
  ],
  providers: [
    RatingFrameworksRepository,
    RatingFrameworksService,
    RatingCampaignsRepository,
    RatingCampaignsService,
    RatingAssessmentsRepository,
    RatingAssessmentsService,
    RatingDisqualificationsRepository,
    RatingDisqualificationsService,
  ],
  exports: [],
})
export class RatingAssessmentsModule implements OnApplicationBootstrap {
  constructor(private readonly frameworks: RatingFrameworksService) {}

  /** The shipped sample frameworks are there from the start (inserted once, by key and version). */
  async onApplicationBootstrap(): Promise<void> {
    await this.frameworks.preloadSamples();
  }
}
