import type {
  RatingAssessment,
  RatingCampaignDetail,
  RatingCampaignProgress,
  RatingCampaignSummary,
  RatingCrossInspectionLine,
  RatingTasks,
} from '@baitong/contracts';
import { STAFF_ROLES } from '@baitong/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
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
import { TasksQuery, UpsertAssessmentDto } from './assessments.dto';
import { RatingAssessmentsService } from './assessments.service';
import { AssignmentsDto, CreateRatingCampaignDto, CrossInspectionPlanDto } from './campaigns.dto';
import { RatingCampaignsService } from './campaigns.service';
import {
  RatingAssessmentDto,
  RatingCampaignDetailDto,
  RatingCampaignProgressDto,
  RatingCampaignSummaryDto,
  RatingCrossInspectionProposalDto,
  RatingTasksDto,
} from './rating-assessments.responses';

@ApiTags('ratings')
@ApiBearerAuth()
@Roles(...STAFF_ROLES)
@Controller('rating-campaigns')
export class RatingCampaignsController {
  constructor(
    private readonly campaigns: RatingCampaignsService,
    private readonly assessments: RatingAssessmentsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Open the assessment campaign of a year (bureau)' })
  @ApiCreatedResponse({ type: RatingCampaignDetailDto, description: 'The campaign' })
  create(
    @CurrentActor() a: Actor,
    @Body() dto: CreateRatingCampaignDto,
  ): Promise<RatingCampaignDetail> {
    return this.campaigns.create(a, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Campaigns, newest year first' })
  @ApiOkResponse({ type: [RatingCampaignSummaryDto], description: 'The campaigns' })
  list(@CurrentActor() a: Actor): Promise<RatingCampaignSummary[]> {
    return this.campaigns.list(a);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A campaign with its assignments and cross-inspection plan' })
  @ApiOkResponse({ type: RatingCampaignDetailDto, description: 'The campaign' })
  get(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<RatingCampaignDetail> {
    return this.campaigns.get(a, id);
  }

  @Put(':id/assignments')
  @ApiOperation({ summary: 'Which assessor kind scores which assessed indicator (bureau)' })
  @ApiOkResponse({ type: RatingCampaignDetailDto, description: 'The campaign' })
  assignments(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: AssignmentsDto,
  ): Promise<RatingCampaignDetail> {
    return this.campaigns.setAssignments(a, id, dto);
  }

  @Put(':id/cross-inspections')
  @ApiOperation({ summary: 'Which street inspects which community, never its own (bureau)' })
  @ApiOkResponse({ type: RatingCampaignDetailDto, description: 'The campaign' })
  plan(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: CrossInspectionPlanDto,
  ): Promise<RatingCampaignDetail> {
    return this.campaigns.setPlan(a, id, dto);
  }

  @Post(':id/cross-inspections/rotate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Propose a round-robin plan (not saved; PUT it to keep it)' })
  @ApiOkResponse({ type: RatingCrossInspectionProposalDto, description: 'The proposed plan' })
  rotate(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
  ): Promise<{ plan: RatingCrossInspectionLine[] }> {
    return this.campaigns.proposePlan(a, id);
  }

  @Get(':id/progress')
  @ApiOperation({ summary: 'Scores expected, drafted and submitted per community and assessor' })
  @ApiOkResponse({ type: RatingCampaignProgressDto, description: 'The progress' })
  progress(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<RatingCampaignProgress> {
    return this.campaigns.progress(a, id);
  }

  @Get(':id/tasks')
  @ApiOperation({ summary: "The caller's communities × indicators with the current scores" })
  @ApiOkResponse({ type: RatingTasksDto, description: 'The tasks' })
  tasks(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Query() q: TasksQuery,
  ): Promise<RatingTasks> {
    return this.assessments.tasks(a, id, q.communityId);
  }

  @Put(':id/assessments')
  @ApiOperation({ summary: 'Enter or change a draft score (one row per cell)' })
  @ApiOkResponse({ type: RatingAssessmentDto, description: 'The score' })
  upsert(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpsertAssessmentDto,
  ): Promise<RatingAssessment> {
    return this.assessments.upsert(a, id, dto);
  }
}
