import { Module } from '@nestjs/common';

/** Rating runs: draft → frozen → computed → in_review → published, snapshots, objections. */
@Module({
  imports: [],
  controllers: [],
  providers: [],
  exports: [],
})
export class RatingRunsModule {}
