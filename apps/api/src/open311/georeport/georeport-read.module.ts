import { Module } from '@nestjs/common';
import { ApiClientsModule } from '../clients/api-clients.module';
import { GeoReportReadController } from './georeport-read.controller';
import { GeoReportReadRepository } from './georeport-read.repository';
import { GeoReportReadService } from './georeport-read.service';

/** GeoReport v2 reads: discovery, services, service definitions, requests and tokens. */
@Module({
  imports: [ApiClientsModule],
  controllers: [GeoReportReadController],
  providers: [GeoReportReadRepository, GeoReportReadService],
})
export class GeoReportReadModule {}
