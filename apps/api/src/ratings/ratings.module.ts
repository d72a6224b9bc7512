import { Module } from '@nestjs/common';
import { RatingAssessmentsModule } from './assessments/rating-assessments.module';
import { RatingHistoryModule } from './history/rating-history.module';
import { RatingResultsModule } from './results/rating-results.module';
import { RatingRunsModule } from './runs/rating-runs.module';

/** The annual harmonious-community rating (issue 12), one sub-module per part of the year. */
@Module({
  imports: [RatingAssessmentsModule, RatingRunsModule, RatingResultsModule, RatingHistoryModule],
})
export class RatingsModule {}
