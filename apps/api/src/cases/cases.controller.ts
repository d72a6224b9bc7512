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
  Req,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { type AppRequest, requestMeta } from '../common/request-context';
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
import {
  CaseDetailDto,
  CaseEventDto,
  CasePageDto,
  CasePhotoDto,
  CategoryDto,
  RepeatCandidateDto,
} from './cases.responses';

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
  @ApiOperation({ summary: 'Service categories with their time limits and reply templates' })
  @ApiOkResponse({ type: [CategoryDto], description: 'Categories' })
  listCategories(@CurrentActor() a: Actor, @Query() q: CategoryQuery): Promise<Category[]> {
    return this.categories.list(a, q);
  }

  @Post('categories')
  @ApiOperation({ summary: 'Add a service category' })
  @ApiCreatedResponse({ type: CategoryDto, description: 'The new category' })
  createCategory(@CurrentActor() a: Actor, @Body() dto: CreateCategoryDto): Promise<Category> {
    return this.categories.create(a, dto);
  }

  @Patch('categories/:id')
  @ApiOperation({ summary: 'Change a service category' })
  @ApiOkResponse({ type: CategoryDto, description: 'The category as changed' })
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
  @ApiOperation({ summary: 'Upload one photo for a request about to be submitted' })
  @ApiCreatedResponse({
    type: CasePhotoDto,
    description: 'The stored photo; send its id with the request',
  })
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
  @ApiOperation({ summary: "A photo's bytes, to those who may read its case" })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp', 'image/heic')
  @ApiOkResponse({
    schema: { type: 'string', format: 'binary' },
    description: 'The image, as the type it was checked to be',
  })
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
  @ApiOperation({ summary: 'Submit a request (resident) or take one in at intake (staff)' })
  @ApiCreatedResponse({ type: CaseDetailDto, description: 'The new case' })
  @ApiOkResponse({
    type: CaseDetailDto,
    description: 'A retry under the same Idempotency-Key: the case created first',
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
  @ApiOperation({ summary: "Cases in the caller's scope, filtered and paged" })
  @ApiOkResponse({ type: CasePageDto, description: 'One page of cases' })
  list(@CurrentActor() a: Actor, @Query() q: CaseListQuery): Promise<Page<CaseSummary>> {
    return this.cases.list(a, q);
  }

  @Get('cases/:id')
  @ApiOperation({
    summary: 'One case with its photos, mediation record and the actions allowed now',
  })
  @ApiOkResponse({ type: CaseDetailDto, description: 'The case' })
  get(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<CaseDetail> {
    return this.cases.detail(a, id);
  }

  @Get('cases/:id/events')
  @ApiOperation({ summary: "The case's timeline, oldest first" })
  @ApiOkResponse({ type: [CaseEventDto], description: 'Events of the case' })
  events(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<CaseEvent[]> {
    return this.cases.events(a, id);
  }

  @Roles(...STAFF_ROLES)
  @Post('cases/:id/transitions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a case through its lifecycle (accept, wait, resolve, reopen …)' })
  @ApiOkResponse({ type: CaseDetailDto, description: 'The case after the change' })
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
  @ApiOperation({ summary: 'Assign a case to a staff member' })
  @ApiOkResponse({ type: CaseDetailDto, description: 'The case after the change' })
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
  @ApiOperation({ summary: 'Transfer a case to another desk' })
  @ApiOkResponse({ type: CaseDetailDto, description: 'The case after the change' })
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
  @ApiOperation({ summary: 'Escalate a case to the community admin' })
  @ApiOkResponse({ type: CaseDetailDto, description: 'The case after the change' })
  escalate(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: EscalateDto,
  ): Promise<CaseDetail> {
    return this.cases.escalate(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Get('cases/:id/repeat-candidates')
  @ApiOperation({ summary: 'Earlier cases this one may repeat' })
  @ApiOkResponse({
    type: [RepeatCandidateDto],
    description: 'Candidates and why each was proposed',
  })
  repeatCandidates(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
  ): Promise<RepeatCandidate[]> {
    return this.cases.repeatCandidates(a, id);
  }

  @Roles(...STAFF_ROLES)
  @Post('cases/:id/repeat')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Link the case as a repeat of an earlier one, or dismiss the candidates',
  })
  @ApiOkResponse({ type: CaseDetailDto, description: 'The case after the decision' })
  repeat(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: RepeatDecisionDto,
  ): Promise<CaseDetail> {
    return this.cases.decideRepeat(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Put('cases/:id/mediation')
  @ApiOperation({ summary: 'Record the mediation of a dispute' })
  @ApiOkResponse({ type: CaseDetailDto, description: 'The case with its mediation record' })
  mediation(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: MediationDto,
    @Req() req: AppRequest,
  ): Promise<CaseDetail> {
    return this.cases.recordMediation(a, id, dto, requestMeta(req));
  }
}
