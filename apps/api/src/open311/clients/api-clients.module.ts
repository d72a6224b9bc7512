import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { ApiClientAuthRepository } from './api-client-auth.repository';
import { ApiClientAuth } from './api-client-auth.service';
import { ApiClientsController } from './api-clients.controller';
import { ApiClientsRepository } from './api-clients.repository';
import { ApiClientsService } from './api-clients.service';

/** API keys of client applications: issued, scoped, rate-limited and revoked by the bureau. */
@Module({
  imports: [AuditModule],
  controllers: [ApiClientsController],
  providers: [ApiClientAuthRepository, ApiClientAuth, ApiClientsRepository, ApiClientsService],
  exports: [ApiClientAuth, ApiClientsService],
})
export class ApiClientsModule {}
