import {
  STAFF_ROLES,
  type RatingObjection,
  type RatingRunDetail,
  type RatingRunSummary,
  type RatingSnapshotDiff,
} from '@baitong/contracts';
import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import { ID } from '../../common/uuid.pipe';
import {
  AnswerRatingObjectionDto,
  CancelRatingRunDto,
  CreateRatingObjectionDto,
  CreateRatingRunDto,
  FreezeRatingRunDto,
  SnapshotDiffQuery,
} from './rating-runs.dto';
import {
  RatingObjectionDto,
  RatingRunDetailDto,
  RatingRunSummaryDto,
  RatingSnapshotDiffDto,
} from './rating-runs.responses';
import { RatingRunsService } from './rating-runs.service';

@ApiTags('rating-runs')
@ApiBearerAuth()
@Roles(...STAFF_ROLES)
@Controller()
export class RatingRunsController {
  constructor(private readonly runs: RatingRunsService) {}

  @Post('rating-runs')
  @ApiCreatedResponse({ type: RatingRunDetailDto })
  @ApiOperation({ summary: 'A new run of a year (bureau); at most one open run per year' })
  create(@CurrentActor() a: Actor, @Body() dto: CreateRatingRunDto): Promise<RatingRunDetail> {
    return this.runs.create(a, dto);
  }

  @Get('rating-runs')
  @ApiOkResponse({ type: [RatingRunSummaryDto] })
  @ApiOperation({ summary: 'The runs; below the district only those in review or published' })
  list(@CurrentActor() a: Actor): Promise<RatingRunSummary[]> {
    return this.runs.list(a);
  }

  @Get('rating-runs/:id')
  @ApiOkResponse({ type: RatingRunDetailDto })
  @ApiOperation({ summary: 'One run with its snapshot versions, missing inputs and actions' })
  get(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<RatingRunDetail> {
    return this.runs.get(a, id);
  }

  @Post('rating-runs/:id/freeze')
  @ApiOkResponse({ type: RatingRunDetailDto })
  @HttpCode(200)
  @ApiOperation({ summary: 'Snapshot every input immutably with a content hash (draft → frozen)' })
  freeze(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: FreezeRatingRunDto,
  ): Promise<RatingRunDetail> {
    return this.runs.freeze(a, id, dto);
  }

  @Post('rating-runs/:id/compute')
  @ApiOkResponse({ type: RatingRunDetailDto })
  @HttpCode(200)
  @ApiOperation({
    summary: "Rate the frozen input and keep the engine's result (frozen → computed)",
  })
  compute(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<RatingRunDetail> {
    return this.runs.compute(a, id);
  }

  @Post('rating-runs/:id/open-review')
  @ApiOkResponse({ type: RatingRunDetailDto })
  @HttpCode(200)
  @ApiOperation({ summary: 'Open the objection window (computed → in_review)' })
  openReview(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<RatingRunDetail> {
    return this.runs.openReview(a, id);
  }

  @Post('rating-runs/:id/publish')
  @ApiOkResponse({ type: RatingRunDetailDto })
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish once and for all: grades, locked framework, live notice' })
  publish(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<RatingRunDetail> {
    return this.runs.publish(a, id);
  }

  @Post('rating-runs/:id/cancel')
  @ApiOkResponse({ type: RatingRunDetailDto })
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a run that is not published' })
  cancel(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: CancelRatingRunDto,
  ): Promise<RatingRunDetail> {
    return this.runs.cancel(a, id, dto);
  }

  @Get('rating-runs/:id/objections')
  @ApiOkResponse({ type: [RatingObjectionDto] })
  @ApiOperation({ summary: 'Objections (复核申请) of a run, in the caller’s scope' })
  objections(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<RatingObjection[]> {
    return this.runs.objections(a, id);
  }

  @Post('rating-runs/:id/objections')
  @ApiCreatedResponse({ type: RatingObjectionDto })
  @ApiOperation({ summary: "File an objection (the community's own admin, within the window)" })
  object(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: CreateRatingObjectionDto,
  ): Promise<RatingObjection> {
    return this.runs.object(a, id, dto);
  }

  @Post('rating-objections/:id/answer')
  @ApiOkResponse({ type: RatingObjectionDto })
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer an objection; a correction makes a new snapshot version' })
  answer(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: AnswerRatingObjectionDto,
  ): Promise<RatingObjection> {
    return this.runs.answer(a, id, dto);
  }

  @Get('rating-runs/:id/snapshots/:version/diff')
  @ApiOkResponse({ type: RatingSnapshotDiffDto })
  @ApiOperation({ summary: 'The input changes and result moves between two snapshot versions' })
  diff(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Param('version', ParseIntPipe) version: number,
    @Query() q: SnapshotDiffQuery,
  ): Promise<RatingSnapshotDiff> {
    return this.runs.diff(a, id, version, q.against);
  }
}
