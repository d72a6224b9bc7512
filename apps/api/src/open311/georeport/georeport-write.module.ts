import { Module } from '@nestjs/common';
import { ApiClientsModule } from '../clients/api-clients.module';

/** GeoReport v2 `POST requests.{format}`: a client files a case into the desk workflow. */
@Module({ imports: [ApiClientsModule] })
export class GeoReportWriteModule {}
