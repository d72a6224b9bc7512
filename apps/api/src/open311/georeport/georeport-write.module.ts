import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { CasesModule } from '../../cases/cases.module';
import { ApiClientsModule } from '../clients/api-clients.module';
import { GeoReportWriteController } from './georeport-write.controller';
import { GeoReportWriteRepository } from './georeport-write.repository';
import { GeoReportWriteService } from './georeport-write.service';

/** GeoReport v2 `POST requests.{format}`: a client files a case into the desk workflow. */
@Module({
  imports: [ApiClientsModule, CasesModule, AuditModule],
  controllers: [GeoReportWriteController],
  providers: [GeoReportWriteRepository, GeoReportWriteService],
})
export class GeoReportWriteModule {}
