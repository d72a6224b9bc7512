import type {
  CommunityFollowUpSummary,
  FollowUpAppeal,
  FollowUpAppealItem,
  FollowUpDetail,
  FollowUpSummary,
  Page,
  RatingInvitation,
  ResidentFollowUp,
} from '@baitong/contracts';
import { STAFF_ROLES } from '@baitong/contracts';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ID } from '../common/uuid.pipe';
import { FollowUpAppealsService } from './follow-up-appeals.service';
import {
  AppealDecisionDto,
  AppealDto,
  AppealListQuery,
  FollowUpListQuery,
  RateCaseDto,
  ReassignFollowUpDto,
  RecordAttemptDto,
  SummaryQuery,
} from './follow-ups.dto';
import {
  CommunityFollowUpSummaryDto,
  FollowUpAppealDto,
  FollowUpAppealPageDto,
  FollowUpDetailDto,
  FollowUpPageDto,
  RatingInvitationDto,
  ResidentFollowUpDto,
} from './follow-ups.responses';
import { FollowUpsService } from './follow-ups.service';
import { ResidentFollowUpsService } from './resident-follow-ups.service';

@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller()
export class FollowUpsController {
  constructor(
    private readonly followUps: FollowUpsService,
    private readonly appeals: FollowUpAppealsService,
    private readonly residentView: ResidentFollowUpsService,
  ) {}

  @Roles(...STAFF_ROLES)
  @Get('follow-ups')
  @ApiOperation({
    summary:
      "Follow-ups in the caller's scope: mine, due today, overdue, by compound, retries pending",
  })
  @ApiOkResponse({
    type: FollowUpPageDto,
    description: 'One page of follow-ups, soonest due first',
  })
  list(@CurrentActor() a: Actor, @Query() q: FollowUpListQuery): Promise<Page<FollowUpSummary>> {
    return this.followUps.list(a, q);
  }

  @Roles(...STAFF_ROLES)
  @Get('follow-ups/:id')
  @ApiOperation({ summary: 'One follow-up with its attempts, appeals and the category’s script' })
  @ApiOkResponse({ type: FollowUpDetailDto, description: 'The follow-up' })
  get(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<FollowUpDetail> {
    return this.followUps.detail(a, id);
  }

  @Roles(...STAFF_ROLES)
  @Post('follow-ups/:id/attempts')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the first result',
  })
  @ApiOperation({ summary: 'Record a try to reach the resident (phone, visit, in person)' })
  @ApiCreatedResponse({ type: FollowUpDetailDto, description: 'The follow-up after the attempt' })
  @ApiOkResponse({
    type: FollowUpDetailDto,
    description: 'A retry under the same Idempotency-Key: the follow-up as recorded first',
  })
  async record(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: RecordAttemptDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FollowUpDetail> {
    const { detail, replayed } = await this.followUps.recordAttempt(a, id, dto, key);
    res.status(replayed ? 200 : 201);
    return detail;
  }

  @Roles(...STAFF_ROLES)
  @Post('follow-ups/:id/assign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give a follow-up to another worker of the community' })
  @ApiOkResponse({ type: FollowUpDetailDto, description: 'The follow-up after the change' })
  assign(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: ReassignFollowUpDto,
  ): Promise<FollowUpDetail> {
    return this.followUps.reassign(a, id, dto);
  }

  @Roles('resident')
  @Post('cases/:id/rating')
  @ApiOperation({ summary: 'The resident rates their own resolved request, once' })
  @ApiCreatedResponse({
    type: FollowUpDetailDto,
    description: 'The follow-up the rating completed',
  })
  rate(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: RateCaseDto,
  ): Promise<FollowUpDetail> {
    return this.followUps.rate(a, id, dto);
  }

  @Roles('resident')
  @Get('cases/:id/follow-up')
  @ApiOperation({
    summary:
      'The follow-ups of the resident’s own request: how and when staff followed up, their ratings, whether they may rate',
  })
  @ApiOkResponse({
    type: ResidentFollowUpDto,
    description: 'The resident’s view of its follow-ups',
  })
  residentFollowUp(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
  ): Promise<ResidentFollowUp> {
    return this.residentView.view(a, id);
  }

  @Roles('resident')
  @Get('rating-invitations')
  @ApiOperation({ summary: 'Resolved requests the resident is invited to rate (邀评)' })
  @ApiOkResponse({ type: [RatingInvitationDto], description: 'Open invitations, newest first' })
  invitations(@CurrentActor() a: Actor): Promise<RatingInvitation[]> {
    return this.followUps.invitations(a);
  }

  @Roles(...STAFF_ROLES)
  @Post('follow-up-attempts/:id/appeal')
  @ApiOperation({ summary: 'Appeal a dissatisfied rating believed unfair (申诉), with evidence' })
  @ApiCreatedResponse({ type: FollowUpAppealDto, description: 'The pending appeal' })
  appeal(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: AppealDto,
  ): Promise<FollowUpAppeal> {
    return this.appeals.appeal(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Get('follow-up-appeals')
  @ApiOperation({
    summary: "Appeals in the caller's scope, e.g. those pending for the street admin to decide",
  })
  @ApiOkResponse({
    type: FollowUpAppealPageDto,
    description: 'One page of appeals: pending ones longest waiting first, others newest first',
  })
  listAppeals(
    @CurrentActor() a: Actor,
    @Query() q: AppealListQuery,
  ): Promise<Page<FollowUpAppealItem>> {
    return this.appeals.list(a, q);
  }

  @Roles(...STAFF_ROLES)
  @Post('follow-up-appeals/:id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'The street admin upholds or rejects an appeal (复核)' })
  @ApiOkResponse({ type: FollowUpAppealDto, description: 'The decided appeal' })
  decide(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: AppealDecisionDto,
  ): Promise<FollowUpAppeal> {
    return this.appeals.decide(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Get('communities/:id/follow-up-summary')
  @ApiOperation({
    summary: 'A community’s follow-up figures: coverage, timeliness, satisfaction, rework, appeals',
  })
  @ApiOkResponse({ type: CommunityFollowUpSummaryDto, description: 'Figures for the period' })
  summary(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Query() q: SummaryQuery,
  ): Promise<CommunityFollowUpSummary> {
    return this.appeals.summary(a, id, q);
  }
}
