import { Module } from '@nestjs/common';

/** Frameworks, the assessment campaign (who scores what, cross-inspection), scores on site, disqualifications. */
@Module({
  imports: [],
  controllers: [],
  providers: [],
  exports: [],
})
export class RatingAssessmentsModule {}
