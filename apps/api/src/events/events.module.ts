import { Global, Module } from '@nestjs/common';
import { Db } from '../database/db';
import { RealtimeService } from '../realtime/realtime.service';
import { EventsRepository } from './events.repository';
import { EventStream } from './event-stream.service';

/**
 * The spine every domain module writes through: transactions, the one event stream and its
 * publisher. Global, so no domain module imports another to emit or to be pushed.
 */
@Global()
@Module({
  providers: [Db, EventsRepository, EventStream, RealtimeService],
  exports: [Db, EventStream, RealtimeService],
})
export class EventsModule {}
