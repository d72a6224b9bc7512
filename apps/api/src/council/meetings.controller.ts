import type { MeetingDetail, MeetingSummary, Page } from '@baitong/contracts';
import { STAFF_ROLES } from '@baitong/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { ID } from '../common/uuid.pipe';
import {
  AddAgendaItemDto,
  CloseMeetingDto,
  CreateMeetingDto,
  DecideAgendaItemDto,
  MeetingListQuery,
  RecordAttendanceDto,
  RecordVoteDto,
  UpdateMeetingDto,
} from './meeting.dto';
import { MeetingDetailDto, MeetingPageDto } from './meeting.responses';
import { MeetingsService } from './meetings.service';

@ApiTags('council')
@ApiBearerAuth()
@Controller()
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Roles(...STAFF_ROLES)
  @Post('communities/:id/meetings')
  @ApiOperation({ summary: 'The community’s staff plan a council meeting: title, date, place' })
  @ApiCreatedResponse({ type: MeetingDetailDto, description: 'The planned meeting' })
  create(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: CreateMeetingDto,
  ): Promise<MeetingDetail> {
    return this.meetings.create(a, id, dto);
  }

  @Get('communities/:id/meetings')
  @ApiOperation({ summary: 'A community’s council meetings, latest first' })
  @ApiOkResponse({ type: MeetingPageDto, description: 'One page' })
  list(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Query() q: MeetingListQuery,
  ): Promise<Page<MeetingSummary>> {
    return this.meetings.list(a, id, q);
  }

  @Get('meetings/:id')
  @ApiOperation({ summary: 'One meeting: agenda with votes and decisions, attendance, quorum' })
  @ApiOkResponse({ type: MeetingDetailDto, description: 'The meeting' })
  get(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<MeetingDetail> {
    return this.meetings.detail(a, id);
  }

  @Roles(...STAFF_ROLES)
  @Patch('meetings/:id')
  @ApiOperation({ summary: 'Change the title, date or place of a planned meeting, or its minutes' })
  @ApiOkResponse({ type: MeetingDetailDto, description: 'The meeting after the change' })
  update(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpdateMeetingDto,
  ): Promise<MeetingDetail> {
    return this.meetings.update(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Post('meetings/:id/agenda')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put a proposal past its threshold on the agenda: it is scheduled' })
  @ApiOkResponse({ type: MeetingDetailDto, description: 'The meeting with the new item' })
  addAgendaItem(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: AddAgendaItemDto,
  ): Promise<MeetingDetail> {
    return this.meetings.addAgendaItem(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Delete('meetings/:id/agenda/:itemId')
  @ApiOperation({ summary: 'Take an undecided item without votes off the agenda' })
  @ApiOkResponse({ type: MeetingDetailDto, description: 'The meeting without the item' })
  removeAgendaItem(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Param('itemId', ID) itemId: string,
  ): Promise<MeetingDetail> {
    return this.meetings.removeAgendaItem(a, id, itemId);
  }

  @Roles(...STAFF_ROLES)
  @Post('meetings/:id/attendance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record on the spot that a member or a resident came' })
  @ApiOkResponse({ type: MeetingDetailDto, description: 'The meeting with its attendance' })
  attend(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: RecordAttendanceDto,
  ): Promise<MeetingDetail> {
    return this.meetings.recordAttendance(a, id, dto);
  }

  @Roles(...STAFF_ROLES)
  @Post('meetings/:id/agenda/:itemId/votes')
  @HttpCode(200)
  @ApiOperation({ summary: 'A present member’s vote on an item, with quorum; once per member' })
  @ApiOkResponse({ type: MeetingDetailDto, description: 'The meeting with the vote' })
  vote(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Param('itemId', ID) itemId: string,
    @Body() dto: RecordVoteDto,
  ): Promise<MeetingDetail> {
    return this.meetings.recordVote(a, id, itemId, dto);
  }

  @Roles(...STAFF_ROLES)
  @Post('meetings/:id/agenda/:itemId/decide')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decide an item by the adoption rule: the proposal is adopted or not' })
  @ApiOkResponse({ type: MeetingDetailDto, description: 'The meeting with the decision' })
  decide(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Param('itemId', ID) itemId: string,
    @Body() dto: DecideAgendaItemDto,
  ): Promise<MeetingDetail> {
    return this.meetings.decide(a, id, itemId, dto);
  }

  @Roles(...STAFF_ROLES)
  @Post('meetings/:id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the meeting with its minutes once every item is decided' })
  @ApiOkResponse({ type: MeetingDetailDto, description: 'The closed meeting' })
  close(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: CloseMeetingDto,
  ): Promise<MeetingDetail> {
    return this.meetings.close(a, id, dto);
  }
}
