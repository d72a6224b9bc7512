import type {
  CaseDetail,
  CaseEvent,
  CasePhoto,
  CaseSummary,
  Category,
  Page,
  RepeatCandidate,
} from '@baitong/contracts';
import { STAFF_ROLES } from '@baitong/contracts';
import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ID } from '../common/uuid.pipe';
import { CategoriesService } from './categories.service';
import {
  AssignDto,
  CaseListQuery,
  CategoryQuery,
  CreateCaseDto,
  CreateCategoryDto,
  EscalateDto,
  MediationDto,
  RepeatDecisionDto,
  TransferDto,
  TransitionDto,
  UpdateCategoryDto,
} from './cases.dto';
import { CasesService } from './cases.service';
import { MAX_PHOTO_BYTES } from './photo-storage';
import { PhotoUploadErrors } from './photo-upload.interceptor';
import { PhotosService, type UploadedFile as Upload } from './photos.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller()
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly categories: CategoriesService,
    private readonly photos: PhotosService,
  ) {}

  @Get('categories')
  listCategories(@CurrentActor() a: Actor, @Query() q: CategoryQuery): Promise<Category[]> {
    return this.categories.list(a, q);
  }

  @Post('categories')
  createCategory(@CurrentActor() a: Actor, @Body() dto: CreateCategoryDto): Promise<Category> {
    return this.categories.create(a, dto);
  }

  @Patch('categories/:id')
  updateCategory(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpdateCategoryDto,
  ): Promise<Category> {
    return this.categories.update(a, id, dto);
  }

  @Post('photos')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @UseInterceptors(
    PhotoUploadErrors,
    FileInterceptor('file', { limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 0 } }),
  )
  uploadPhoto(
    @CurrentActor() a: Actor,
    @UploadedFile() file: Upload | undefined,
  ): Promise<CasePhoto> {
    return this.photos.upload(a, file);
  }

  // Uploaded bytes are served as the image type they were checked to be, never sniffed into
  // something runnable, never kept by a shared cache, and the file name is made of the id alone.
  @Get('photos/:id')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, max-age=3600')
  @Header('Content-Security-Policy', "default-src 'none'; sandbox")
  @Header('Cross-Origin-Resource-Policy', 'same-site')
  async photo(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<StreamableFile> {
    const p = await this.photos.read(a, id);
    return new StreamableFile(p.bytes, {
      type: p.contentType,
      length: p.bytes.length,
      disposition: `inline; filename="${p.fileName}"`,
    });
  }

  @Post('cases')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the first result',
  })
  async create(
    @CurrentActor() a: Actor,
    @Body() dto: CreateCaseDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseDetail> {
    const { detail, replayed } = await this.cases.create(a, dto, key);
    res.status(replayed ? 200 : 201);
    return detail;
  }

  @Get('cases')
  list(@CurrentActor() a: Actor, @Query() q: CaseListQuery): Promise<Page<CaseSummary>> {
    return this.cases.list(a, q);
  }

  @Get('cases/:id')
  get(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<CaseDetail> {
    return this.cases.detail(a, id);
  }

  @Get('cases/:id/events')
  events(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<CaseEvent[]> {
    return this.cases.events(a, id);
  }

  @Roles(...STAFF_ROLES)
  @Post('cases/:id/transitions')
  @HttpCode(200)
  transition(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: TransitionDto,
  ): Promise<CaseDetail> {
    return this.cases.transition(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Post('cases/:id/assign')
  @HttpCode(200)
  assign(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: AssignDto,
  ): Promise<CaseDetail> {
    return this.cases.assign(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Post('cases/:id/transfer')
  @HttpCode(200)
  transfer(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: TransferDto,
  ): Promise<CaseDetail> {
    return this.cases.transfer(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Post('cases/:id/escalate')
  @HttpCode(200)
  escalate(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: EscalateDto,
  ): Promise<CaseDetail> {
    return this.cases.escalate(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Get('cases/:id/repeat-candidates')
  repeatCandidates(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
  ): Promise<RepeatCandidate[]> {
    return this.cases.repeatCandidates(a, id);
  }

  @Roles(...STAFF_ROLES)
  @Post('cases/:id/repeat')
  @HttpCode(200)
  repeat(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: RepeatDecisionDto,
  ): Promise<CaseDetail> {
    return this.cases.decideRepeat(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Put('cases/:id/mediation')
  mediation(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: MediationDto,
  ): Promise<CaseDetail> {
    return this.cases.recordMediation(a, id, dto);
  }
}
