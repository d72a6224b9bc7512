import type {
  Page,
  ResidentContact,
  ResidentCount,
  ResidentSummary,
  StaffMember,
} from '@baitong/contracts';
import { STAFF_ROLES } from '@baitong/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { type AppRequest, requestMeta } from '../common/request-context';
import { ID } from '../common/uuid.pipe';
import { PeopleService } from './people.service';
import { CreateResidentDto, MergeResidentDto, ResidentQuery } from './residents.dto';

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
  residents(@CurrentActor() a: Actor, @Query() q: ResidentQuery): Promise<Page<ResidentSummary>> {
    return this.people.listResidents(a, q);
  }

  @Post('residents')
  createResident(
    @CurrentActor() a: Actor,
    @Body() dto: CreateResidentDto,
    @Req() req: AppRequest,
  ): Promise<ResidentSummary> {
    return this.people.createResident(a, dto, requestMeta(req));
  }

  @Post('residents/:id/verify')
  @HttpCode(200)
  verify(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Req() req: AppRequest,
  ): Promise<ResidentSummary> {
    return this.people.verifyResident(a, id, requestMeta(req));
  }

  @Post('residents/:id/merge')
  @HttpCode(200)
  merge(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: MergeResidentDto,
    @Req() req: AppRequest,
  ): Promise<ResidentSummary> {
    return this.people.mergeResident(a, id, dto.intoResidentId, requestMeta(req));
  }

  @Get('residents/counts')
  residentCounts(
    @CurrentActor() a: Actor,
    @Query() q: ResidentCountQuery,
  ): Promise<ResidentCount[]> {
    return this.people.residentCounts(a, q);
  }

  @Get('residents/:id/contact')
  contact(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Req() req: AppRequest,
  ): Promise<ResidentContact> {
    return this.people.residentContact(a, id, requestMeta(req));
  }

  @Get('staff')
  staff(@CurrentActor() a: Actor, @Query() q: StaffQuery): Promise<StaffMember[]> {
    return this.people.listStaff(a, q.communityId);
  }
}
