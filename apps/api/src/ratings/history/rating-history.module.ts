import { Module } from '@nestjs/common';
import { RatingHistoryController } from './rating-history.controller';
import { RatingHistoryRepository } from './rating-history.repository';
import { RatingHistoryService } from './rating-history.service';

/** Published grades before Baitong (import) and a community's grade for its residents. */
@Module({
  imports: [],
  controllers: [RatingHistoryController],
  providers: [RatingHistoryRepository, RatingHistoryService],
  exports: [],
})
export class RatingHistoryModule {}
