import { Module } from '@nestjs/common';

/** Published grades before Baitong (import) and a community's grade for its residents. */
@Module({
  imports: [],
  controllers: [],
  providers: [],
  exports: [],
})
export class RatingHistoryModule {}
