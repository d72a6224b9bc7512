import type {
  Page,
  ResidentContact,
  ResidentCount,
  ResidentSummary,
  StaffMember,
} from '@baitong/contracts';
import { STAFF_ROLES } from '@baitong/contracts';
import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { PageQuery } from '../common/page.dto';
import { type AppRequest, requestMeta } from '../common/request-context';
import { ID } from '../common/uuid.pipe';
import { PeopleService } from './people.service';

export class ResidentQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') communityId?: string;
  @ApiPropertyOptional({ description: 'Name, or the last 4 digits of the phone' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;
}

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
