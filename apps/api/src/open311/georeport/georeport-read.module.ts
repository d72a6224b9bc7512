import { Module } from '@nestjs/common';
import { ApiClientsModule } from '../clients/api-clients.module';

/** GeoReport v2 reads: discovery, services, service definitions, requests and tokens. */
@Module({ imports: [ApiClientsModule] })
export class GeoReportReadModule {}
