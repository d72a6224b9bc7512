import {
  RATING_GRADE_IMPORT_MAX_BYTES,
  STAFF_ROLES,
  type RatingCommunityHistory,
  type RatingGradeImportResult,
  type RatingGradeList,
  type ResidentCommunityRating,
} from '@baitong/contracts';
import {
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import { UploadErrors } from '../../common/upload-errors.interceptor';
import { UuidPipe } from '../../common/uuid.pipe';
import { RatingGradeImportOptions, RatingGradeListQuery } from './rating-history.dto';
import {
  RatingCommunityHistoryDto,
  RatingGradeImportResultDto,
  RatingGradeListDto,
  ResidentCommunityRatingDto,
} from './rating-history.responses';
import {
  type UploadedGradeFile,
  RatingHistoryService,
  gradeImportTooLarge,
} from './rating-history.service';

const COMMUNITY = new UuidPipe('communityId');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const GradeUploadErrors = UploadErrors(gradeImportTooLarge, {
  message: 'Send one results file, in the field "file"',
  field: 'one file per import',
});

@ApiTags('rating-history')
@ApiBearerAuth()
@Controller()
export class RatingHistoryController {
  constructor(private readonly history: RatingHistoryService) {}

  @Get('rating-grades')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Published grades by year (runs and imports), in the reader’s scope' })
  @ApiOkResponse({
    type: RatingGradeListDto,
    description: 'Newest year first, then street and community code',
  })
  list(@CurrentActor() a: Actor, @Query() q: RatingGradeListQuery): Promise<RatingGradeList> {
    return this.history.list(a, q);
  }

  @Get('rating-grades/import-template.xlsx')
  @Roles('bureau_admin')
  @ApiProduces(XLSX)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The xlsx template of an import of past results' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'An xlsx workbook' })
  async template(@CurrentActor() a: Actor): Promise<StreamableFile> {
    const file = await this.history.template(a);
    return new StreamableFile(file, {
      type: XLSX,
      length: file.length,
      disposition: 'attachment; filename="rating-grades-template.xlsx"',
    });
  }

  @Post('rating-grades/import')
  @Roles('bureau_admin')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @UseInterceptors(
    GradeUploadErrors,
    FileInterceptor('file', {
      limits: { fileSize: RATING_GRADE_IMPORT_MAX_BYTES, files: 1, fields: 0 },
    }),
  )
  @ApiOperation({
    summary:
      'Import past published results (xlsx), all or nothing; `?dryRun=true` previews (422 IMPORT_REJECTED lists rows and columns)',
  })
  @ApiOkResponse({
    type: RatingGradeImportResultDto,
    description: 'The rows as written (or as they would be), and any errors',
  })
  import(
    @CurrentActor() a: Actor,
    @Query() q: RatingGradeImportOptions,
    @UploadedFile() file: UploadedGradeFile | undefined,
  ): Promise<RatingGradeImportResult> {
    return this.history.import(a, file, q.dryRun === 'true');
  }

  @Get('communities/:communityId/rating-history')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Every year’s published grade of one community (历年评定)' })
  @ApiOkResponse({ type: RatingCommunityHistoryDto, description: 'Newest year first' })
  communityHistory(
    @CurrentActor() a: Actor,
    @Param('communityId', COMMUNITY) communityId: string,
  ): Promise<RatingCommunityHistory> {
    return this.history.communityHistory(a, communityId);
  }

  @Get('me/community-rating')
  @Roles('resident')
  @ApiOperation({ summary: 'The resident’s own community: its latest published grade and years' })
  @ApiOkResponse({
    type: ResidentCommunityRatingDto,
    description: 'latest is null when the community was never rated',
  })
  residentRating(@CurrentActor() a: Actor): Promise<ResidentCommunityRating> {
    return this.history.residentRating(a);
  }
}
