import {
  STAFF_ROLES,
  type RatingCommunityRun,
  type RatingCompare,
  type RatingResultsPage,
  type RatingScorecard,
  type RatingWhatIf,
} from '@baitong/contracts';
import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import { UuidPipe } from '../../common/uuid.pipe';
import { RatingExportsService } from './rating-exports.service';
import { RatingExportQuery } from './rating-results.dto';
import {
  RatingCommunityRunDto,
  RatingCompareDto,
  RatingResultsPageDto,
  RatingScorecardDto,
  RatingWhatIfDto,
} from './rating-results.responses';
import { RatingResultsService } from './rating-results.service';

const RUN = new UuidPipe('runId');
const COMMUNITY = new UuidPipe('communityId');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('ratings')
@ApiBearerAuth()
@Roles(...STAFF_ROLES)
@Controller()
export class RatingResultsController {
  constructor(
    private readonly results: RatingResultsService,
    private readonly exports: RatingExportsService,
  ) {}

  @Get('communities/:communityId/rating-results')
  @ApiOperation({ summary: 'The runs a community appears in, with its standing (我的评定)' })
  @ApiOkResponse({ type: [RatingCommunityRunDto] })
  communityRuns(
    @CurrentActor() a: Actor,
    @Param('communityId', COMMUNITY) communityId: string,
  ): Promise<RatingCommunityRun[]> {
    return this.results.communityRuns(a, communityId);
  }

  @Get('rating-runs/:runId/results')
  @ApiOperation({ summary: "A run's results: summary, quotas and the rows in the caller's scope" })
  @ApiOkResponse({ type: RatingResultsPageDto })
  list(@CurrentActor() a: Actor, @Param('runId', RUN) runId: string): Promise<RatingResultsPage> {
    return this.results.results(a, runId);
  }

  @Get('rating-runs/:runId/communities/:communityId/scorecard')
  @ApiOperation({
    summary: "One community's scorecard: every indicator explained, the grade decision",
  })
  @ApiOkResponse({ type: RatingScorecardDto })
  scorecard(
    @CurrentActor() a: Actor,
    @Param('runId', RUN) runId: string,
    @Param('communityId', COMMUNITY) communityId: string,
  ): Promise<RatingScorecard> {
    return this.results.scorecard(a, runId, communityId);
  }

  @Get('rating-runs/:runId/communities/:communityId/what-if')
  @ApiOperation({
    summary: 'The smallest single-indicator changes that lift the community a grade',
  })
  @ApiOkResponse({ type: RatingWhatIfDto })
  whatIf(
    @CurrentActor() a: Actor,
    @Param('runId', RUN) runId: string,
    @Param('communityId', COMMUNITY) communityId: string,
  ): Promise<RatingWhatIf> {
    return this.results.whatIf(a, runId, communityId);
  }

  @Get('rating-runs/:runId/communities/:communityId/compare')
  @ApiOperation({
    summary: 'Year on year: the latest published run (or imported grade) of the year before',
  })
  @ApiOkResponse({ type: RatingCompareDto })
  compare(
    @CurrentActor() a: Actor,
    @Param('runId', RUN) runId: string,
    @Param('communityId', COMMUNITY) communityId: string,
  ): Promise<RatingCompare> {
    return this.results.compare(a, runId, communityId);
  }

  @Get('rating-runs/:runId/export.xlsx')
  @ApiProduces(XLSX)
  @Header('Cache-Control', 'no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({
    summary: 'The results as xlsx: one row per community, then every indicator score',
  })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'An xlsx workbook' })
  async xlsx(
    @CurrentActor() a: Actor,
    @Param('runId', RUN) runId: string,
    @Query() q: RatingExportQuery,
  ): Promise<StreamableFile> {
    const out = await this.exports.xlsx(a, runId, q.lang ?? 'zh-CN');
    return new StreamableFile(out.file, {
      type: XLSX,
      length: out.file.length,
      disposition: `attachment; filename="${out.filename}"`,
    });
  }

  @Get('rating-runs/:runId/communities/:communityId/scorecard.pdf')
  @ApiProduces('application/pdf')
  @Header('Cache-Control', 'no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({
    summary: "A community's scorecard as an A4 PDF (CJK font embedded, hash on every page)",
  })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'A PDF' })
  async pdf(
    @CurrentActor() a: Actor,
    @Param('runId', RUN) runId: string,
    @Param('communityId', COMMUNITY) communityId: string,
    @Query() q: RatingExportQuery,
  ): Promise<StreamableFile> {
    const out = await this.exports.pdf(a, runId, communityId, q.lang ?? 'zh-CN');
    return new StreamableFile(out.file, {
      type: 'application/pdf',
      length: out.file.length,
      disposition: `attachment; filename="${out.filename}"`,
    });
  }
}
