import { Module } from '@nestjs/common';

/** GeoReport v2 reads: discovery, services, service definitions, requests and tokens. */
@Module({})
export class GeoReportReadModule {}
