import { type RatingDisqualification, STAFF_ROLES } from '@baitong/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
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
  CreateDisqualificationDto,
  DisqualificationsQuery,
  RevokeDisqualificationDto,
} from './disqualifications.dto';
import { RatingDisqualificationsService } from './disqualifications.service';
import { RatingDisqualificationDto } from './rating-assessments.responses';

@ApiTags('ratings')
@ApiBearerAuth()
@Roles(...STAFF_ROLES)
@Controller('rating-disqualifications')
export class RatingDisqualificationsController {
  constructor(private readonly disqualifications: RatingDisqualificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Disqualifications in scope, optionally of one year' })
  @ApiOkResponse({ type: [RatingDisqualificationDto], description: 'The disqualifications' })
  list(
    @CurrentActor() a: Actor,
    @Query() q: DisqualificationsQuery,
  ): Promise<RatingDisqualification[]> {
    return this.disqualifications.list(a, q.year);
  }

  @Post()
  @ApiOperation({ summary: 'Record a major incident that disqualifies a community (bureau)' })
  @ApiCreatedResponse({ type: RatingDisqualificationDto, description: 'The disqualification' })
  create(
    @CurrentActor() a: Actor,
    @Body() dto: CreateDisqualificationDto,
  ): Promise<RatingDisqualification> {
    return this.disqualifications.create(a, dto);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a disqualification, with a reason (bureau)' })
  @ApiOkResponse({ type: RatingDisqualificationDto, description: 'The revoked disqualification' })
  revoke(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: RevokeDisqualificationDto,
  ): Promise<RatingDisqualification> {
    return this.disqualifications.revoke(a, id, dto);
  }
}
