import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CaseContactsController } from './case-contacts.controller';
import { CaseContactsRepository } from './case-contacts.repository';
import { CaseContactsService } from './case-contacts.service';
import { CategoriesService } from './categories.service';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { PhotosRepository } from './photos.repository';
import { PhotosService } from './photos.service';

@Module({
  imports: [AuditModule],
  controllers: [CasesController, CaseContactsController],
  providers: [
    CasesRepository,
    CasesService,
    CategoriesService,
    PhotosRepository,
    PhotosService,
    CaseContactsRepository,
    CaseContactsService,
  ],
  exports: [CasesService, PhotosService],
})
export class CasesModule {}
