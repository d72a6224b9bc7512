import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrgController, PublicDesksController } from './org.controller';
import { OrgPushes } from './org-pushes';
import { OrgRepository } from './org.repository';
import { OrgService } from './org.service';

@Module({
  imports: [AuditModule],
  controllers: [OrgController, PublicDesksController],
  providers: [OrgRepository, OrgService, OrgPushes],
  exports: [OrgService],
})
export class OrgModule {}
