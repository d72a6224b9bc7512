import { RATING_EVIDENCE_MAX_BYTES, type RatingAssessment, STAFF_ROLES } from '@baitong/contracts';
import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
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
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import type { UploadedFile as Upload } from '../../cases/photos.service';
import { UploadErrors } from '../../common/upload-errors.interceptor';
import { type AppRequest, requestMeta } from '../../common/request-context';
import { ID, UuidPipe } from '../../common/uuid.pipe';
import { CorrectAssessmentDto } from './assessments.dto';
import { RatingAssessmentsService, evidenceTooLarge } from './assessments.service';
import { RatingAssessmentDto } from './rating-assessments.responses';

const EvidenceUploadErrors = UploadErrors(evidenceTooLarge, {
  message: 'Send one file per upload, in the field "file"',
  field: 'one file per upload',
});

@ApiTags('ratings')
@ApiBearerAuth()
@Roles(...STAFF_ROLES)
@Controller('rating-assessments')
export class RatingAssessmentsController {
  constructor(private readonly assessments: RatingAssessmentsService) {}

  @Get(':id')
  @ApiOperation({ summary: 'A score with its corrections and evidence' })
  @ApiOkResponse({ type: RatingAssessmentDto, description: 'The score' })
  get(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<RatingAssessment> {
    return this.assessments.get(a, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit a draft score: it is locked from then on' })
  @ApiOkResponse({ type: RatingAssessmentDto, description: 'The submitted score' })
  submit(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<RatingAssessment> {
    return this.assessments.submit(a, id);
  }

  @Post(':id/corrections')
  @HttpCode(200)
  @ApiOperation({ summary: 'Correct a submitted score, with a reason (kept and audited)' })
  @ApiOkResponse({ type: RatingAssessmentDto, description: 'The corrected score' })
  correct(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: CorrectAssessmentDto,
    @Req() req: AppRequest,
  ): Promise<RatingAssessment> {
    return this.assessments.correct(a, id, dto, requestMeta(req));
  }

  @Post(':id/evidence')
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @UseInterceptors(
    EvidenceUploadErrors,
    FileInterceptor('file', {
      limits: { fileSize: RATING_EVIDENCE_MAX_BYTES, files: 1, fields: 0 },
    }),
  )
  @ApiOperation({ summary: 'Add a photo (jpeg/png/webp) or a document (pdf/docx/xlsx)' })
  @ApiCreatedResponse({ type: RatingAssessmentDto, description: 'The score with its evidence' })
  addEvidence(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @UploadedFile() file: (Upload & { originalname?: string }) | undefined,
  ): Promise<RatingAssessment> {
    return this.assessments.addEvidence(a, id, file);
  }

  // Served as the type the bytes were checked to be, never sniffed, never kept by a shared cache.
  @Get(':id/evidence/:evidenceId')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, max-age=3600')
  @Header('Content-Security-Policy', "default-src 'none'; sandbox")
  @Header('Cross-Origin-Resource-Policy', 'same-site')
  @ApiOperation({ summary: "An evidence file's bytes, to those who read the score" })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The file' })
  async evidence(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Param('evidenceId', new UuidPipe('evidenceId')) evidenceId: string,
  ): Promise<StreamableFile> {
    const f = await this.assessments.evidenceFile(a, id, evidenceId);
    return new StreamableFile(f.bytes, {
      type: f.contentType,
      length: f.bytes.length,
      disposition: `${f.inline ? 'inline' : 'attachment'}; filename="${f.fileName}"`,
    });
  }
}
