import { Module } from '@nestjs/common';

/** API keys of client applications: issued, scoped, rate-limited and revoked by the bureau. */
@Module({})
export class ApiClientsModule {}
