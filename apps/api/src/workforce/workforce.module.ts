import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { WORKFORCE_FIGURES } from './workforce-figures.port';
import { WorkforceFiguresService } from './workforce-figures.service';
import { WorkforceController } from './workforce.controller';
import { WorkforceRepository } from './workforce.repository';
import { WorkforceService } from './workforce.service';

// Global so that the metrics module's optional WORKFORCE_FIGURES finds the roster without
// importing this module (and without the roster ever importing the metrics).
@Global()
@Module({
  imports: [AuditModule],
  controllers: [WorkforceController],
  providers: [
    WorkforceRepository,
    WorkforceService,
    WorkforceFiguresService,
    { provide: WORKFORCE_FIGURES, useExisting: WorkforceFiguresService },
  ],
  exports: [WORKFORCE_FIGURES],
})
export class WorkforceModule {}
