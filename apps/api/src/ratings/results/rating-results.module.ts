import { Module } from '@nestjs/common';

/** What a run shows: results, scorecards, what-if, year-on-year, exports (xlsx, PDF). */
@Module({
  imports: [],
  controllers: [],
  providers: [],
  exports: [],
})
export class RatingResultsModule {}
