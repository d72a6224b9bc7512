import { Module } from '@nestjs/common';
import { ApiClientAuthRepository } from './api-client-auth.repository';
import { ApiClientAuth } from './api-client-auth.service';

/** API keys of client applications: issued, scoped, rate-limited and revoked by the bureau. */
@Module({ providers: [ApiClientAuthRepository, ApiClientAuth], exports: [ApiClientAuth] })
export class ApiClientsModule {}
