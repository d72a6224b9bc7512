import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OrgModule } from '../org/org.module';
import { RealtimeGateway } from './realtime.gateway';

/** The socket gateway; the publisher itself lives in the global EventsModule. */
@Module({
  imports: [AuthModule, OrgModule],
  providers: [RealtimeGateway],
})
export class RealtimeModule {}
