import {
  STAFF_ROLES,
  WORKFORCE_IMPORT_MAX_BYTES,
  type WorkforceEntryDetail,
  type WorkforceImportResult,
  type WorkforcePage,
} from '@baitong/contracts';
import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
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
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { type AppRequest, requestMeta } from '../common/request-context';
import { ID, UuidPipe } from '../common/uuid.pipe';
import { RosterUploadErrors } from './workforce-upload.interceptor';
import {
  CreateWorkforceEntryDto,
  LeaveWorkforceDto,
  UpdateWorkforceEntryDto,
  WorkforceExportQuery,
  WorkforceListQuery,
} from './workforce.dto';
import {
  WorkforceEntryDetailDto,
  WorkforceImportResultDto,
  WorkforcePageDto,
} from './workforce.responses';
import { type UploadedFile as Upload, WorkforceService } from './workforce.service';

const COMMUNITY = new UuidPipe('communityId');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('workforce')
@ApiBearerAuth()
@Roles(...STAFF_ROLES)
@Controller()
export class WorkforceController {
  constructor(private readonly workforce: WorkforceService) {}

  @Get('communities/:communityId/workforce')
  @ApiOperation({
    summary: "A community's roster; pay and birth dates for its admin and the bureau (audited)",
  })
  @ApiOkResponse({ type: WorkforcePageDto, description: 'One page, by worker number' })
  list(
    @CurrentActor() a: Actor,
    @Param('communityId', COMMUNITY) communityId: string,
    @Query() q: WorkforceListQuery,
    @Req() req: AppRequest,
  ): Promise<WorkforcePage> {
    return this.workforce.list(a, communityId, q, requestMeta(req));
  }

  // The file holds pay and birth dates: never kept by a cache, never sniffed.
  @Get('communities/:communityId/workforce/export.xlsx')
  @ApiProduces(XLSX)
  @Header('Cache-Control', 'no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: "The community's whole roster as xlsx (audited); it re-imports as is" })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'An xlsx workbook' })
  async export(
    @CurrentActor() a: Actor,
    @Param('communityId', COMMUNITY) communityId: string,
    @Query() q: WorkforceExportQuery,
    @Req() req: AppRequest,
  ): Promise<StreamableFile> {
    const out = await this.workforce.export(a, communityId, q.lang ?? 'zh-CN', requestMeta(req));
    return new StreamableFile(out.file, {
      type: XLSX,
      length: out.file.length,
      disposition: `attachment; filename="${out.filename}"`,
    });
  }

  @Post('communities/:communityId/workforce')
  @ApiOperation({ summary: 'Add a worker to the roster (409 when the worker number is taken)' })
  @ApiCreatedResponse({ type: WorkforceEntryDetailDto, description: 'The new record' })
  create(
    @CurrentActor() a: Actor,
    @Param('communityId', COMMUNITY) communityId: string,
    @Body() dto: CreateWorkforceEntryDto,
  ): Promise<WorkforceEntryDetail> {
    return this.workforce.create(a, communityId, dto);
  }

  @Post('communities/:communityId/workforce/import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @UseInterceptors(
    RosterUploadErrors,
    FileInterceptor('file', {
      limits: { fileSize: WORKFORCE_IMPORT_MAX_BYTES, files: 1, fields: 0 },
    }),
  )
  @ApiOperation({
    summary: 'Import an xlsx roster, all or nothing (422 IMPORT_REJECTED lists rows and columns)',
  })
  @ApiOkResponse({ type: WorkforceImportResultDto, description: 'What the file changed' })
  import(
    @CurrentActor() a: Actor,
    @Param('communityId', COMMUNITY) communityId: string,
    @UploadedFile() file: Upload | undefined,
  ): Promise<WorkforceImportResult> {
    return this.workforce.import(a, communityId, file);
  }

  @Get('workforce/:id')
  @ApiOperation({ summary: "One worker's record with its dated revisions" })
  @ApiOkResponse({
    type: WorkforceEntryDetailDto,
    description: 'The record, revisions oldest first',
  })
  detail(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Req() req: AppRequest,
  ): Promise<WorkforceEntryDetail> {
    return this.workforce.detail(a, id, requestMeta(req));
  }

  @Patch('workforce/:id')
  @ApiOperation({ summary: 'Correct the record, or revise its facts from `effectiveOn`' })
  @ApiOkResponse({ type: WorkforceEntryDetailDto, description: 'The record as changed' })
  update(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpdateWorkforceEntryDto,
  ): Promise<WorkforceEntryDetail> {
    return this.workforce.update(a, id, dto);
  }

  @Post('workforce/:id/leave')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that the worker left (the first day no longer employed)' })
  @ApiOkResponse({ type: WorkforceEntryDetailDto, description: 'The record as changed' })
  leave(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: LeaveWorkforceDto,
  ): Promise<WorkforceEntryDetail> {
    return this.workforce.leave(a, id, dto);
  }
}
