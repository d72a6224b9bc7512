import { Module } from '@nestjs/common';
import { CategoriesService } from './categories.service';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { PhotosRepository } from './photos.repository';
import { PhotosService } from './photos.service';

@Module({
  controllers: [CasesController],
  providers: [CasesRepository, CasesService, CategoriesService, PhotosRepository, PhotosService],
  exports: [CasesService, PhotosService],
})
export class CasesModule {}
