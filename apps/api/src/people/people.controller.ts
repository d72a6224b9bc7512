import type {
  Page,
  ResidentContact,
  ResidentCount,
  ResidentSummary,
  StaffMember,
} from '@baitong/contracts';
import { STAFF_ROLES } from '@baitong/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { type AppRequest, requestMeta } from '../common/request-context';
import { ID } from '../common/uuid.pipe';
import { PeopleService } from './people.service';
import { CreateResidentDto, MergeResidentDto, ResidentQuery } from './residents.dto';
import {
  ResidentContactDto,
  ResidentCountDto,
  ResidentPageDto,
  ResidentSummaryDto,
  StaffMemberDto,
} from './people.responses';

export class ResidentCountQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') communityId?: string;
}

export class StaffQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') communityId?: string;
}

@ApiTags('people')
@ApiBearerAuth()
@Roles(...STAFF_ROLES)
@Controller()
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get('residents')
  @ApiOperation({ summary: "Residents of the caller's communities, names and phones masked" })
  @ApiOkResponse({ type: ResidentPageDto, description: 'One page of residents' })
  residents(@CurrentActor() a: Actor, @Query() q: ResidentQuery): Promise<Page<ResidentSummary>> {
    return this.people.listResidents(a, q);
  }

  @Post('residents')
  @ApiOperation({ summary: 'Register a walk-in resident at intake (verified)' })
  @ApiCreatedResponse({ type: ResidentSummaryDto, description: 'The new resident, masked' })
  createResident(
    @CurrentActor() a: Actor,
    @Body() dto: CreateResidentDto,
    @Req() req: AppRequest,
  ): Promise<ResidentSummary> {
    return this.people.createResident(a, dto, requestMeta(req));
  }

  @Post('residents/:id/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a self-registered resident as checked by the community' })
  @ApiOkResponse({ type: ResidentSummaryDto, description: 'The resident, now verified' })
  verify(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Req() req: AppRequest,
  ): Promise<ResidentSummary> {
    return this.people.verifyResident(a, id, requestMeta(req));
  }

  @Post('residents/:id/merge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge a self-registration into the resident already on record' })
  @ApiOkResponse({
    type: ResidentSummaryDto,
    description: 'The resident on record, who now holds the phone and the requests',
  })
  merge(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: MergeResidentDto,
    @Req() req: AppRequest,
  ): Promise<ResidentSummary> {
    return this.people.mergeResident(a, id, dto.intoResidentId, requestMeta(req));
  }

  @Get('residents/counts')
  @ApiOperation({ summary: 'Residents per community, in numbers only' })
  @ApiOkResponse({ type: [ResidentCountDto], description: 'One row per community in scope' })
  residentCounts(
    @CurrentActor() a: Actor,
    @Query() q: ResidentCountQuery,
  ): Promise<ResidentCount[]> {
    return this.people.residentCounts(a, q);
  }

  @Get('residents/:id/contact')
  @ApiOperation({
    summary: "A resident's unmasked name, phone and ID number (written to the audit log)",
  })
  @ApiOkResponse({
    type: ResidentContactDto,
    description: 'Unmasked contact data; the read is audited',
  })
  contact(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Req() req: AppRequest,
  ): Promise<ResidentContact> {
    return this.people.residentContact(a, id, requestMeta(req));
  }

  @Get('staff')
  @ApiOperation({ summary: "Staff accounts in the caller's scope" })
  @ApiOkResponse({ type: [StaffMemberDto], description: 'Staff accounts' })
  staff(@CurrentActor() a: Actor, @Query() q: StaffQuery): Promise<StaffMember[]> {
    return this.people.listStaff(a, q.communityId);
  }
}
