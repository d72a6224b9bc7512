import { Module } from '@nestjs/common';
import { RatingExportsService } from './rating-exports.service';
import { RatingResultsController } from './rating-results.controller';
import { RatingResultsRepository } from './rating-results.repository';
import { RatingResultsService } from './rating-results.service';

/** What a run shows: results, scorecards, what-if, year-on-year, exports (xlsx, PDF). */
@Module({
  imports: [],
  controllers: [RatingResultsController],
  providers: [RatingResultsRepository, RatingResultsService, RatingExportsService],
  exports: [],
})
export class RatingResultsModule {}
