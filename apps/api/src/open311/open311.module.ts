import { Module } from '@nestjs/common';
import { ApiClientsModule } from './clients/api-clients.module';
import { GeoReportReadModule } from './georeport/georeport-read.module';
import { GeoReportWriteModule } from './georeport/georeport-write.module';

/**
 * Open311 GeoReport v2 with Baitong's China profile (docs/OPEN311.md): the client applications
 * and their keys (managed by the bureau under `/api/open311/clients`), and the standard's methods
 * under `/open311/v2/`, reading and filing.
 */
@Module({ imports: [ApiClientsModule, GeoReportReadModule, GeoReportWriteModule] })
export class Open311Module {}
