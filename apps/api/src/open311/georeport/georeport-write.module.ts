import { Module } from '@nestjs/common';

/** GeoReport v2 `POST requests.{format}`: a client files a case into the desk workflow. */
@Module({})
export class GeoReportWriteModule {}
