import type { RatingFrameworkDetail, RatingFrameworkSummary } from '@baitong/contracts';
import { STAFF_ROLES } from '@baitong/contracts';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import { ID } from '../../common/uuid.pipe';
import { CreateRatingFrameworkDto, UpdateRatingFrameworkDto } from './frameworks.dto';
import { RatingFrameworksService } from './frameworks.service';
import {
  RatingFrameworkDetailDto,
  RatingFrameworkSummaryDto,
} from './rating-assessments.responses';

@ApiTags('ratings')
@ApiBearerAuth()
@Roles(...STAFF_ROLES)
@Controller('rating-frameworks')
export class RatingFrameworksController {
  constructor(private readonly frameworks: RatingFrameworksService) {}

  @Get()
  @ApiOperation({ summary: 'Framework versions, newest first, with their shape' })
  @ApiOkResponse({ type: [RatingFrameworkSummaryDto], description: 'The versions' })
  list(@CurrentActor() a: Actor): Promise<RatingFrameworkSummary[]> {
    return this.frameworks.list(a);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One framework version with its whole definition' })
  @ApiOkResponse({ type: RatingFrameworkDetailDto, description: 'The version' })
  get(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<RatingFrameworkDetail> {
    return this.frameworks.get(a, id);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: "Load a framework (the engine's JSON), validated; bureau only" })
  @ApiCreatedResponse({ type: RatingFrameworkDetailDto, description: 'The new version' })
  create(
    @CurrentActor() a: Actor,
    @Body() dto: CreateRatingFrameworkDto,
  ): Promise<RatingFrameworkDetail> {
    return this.frameworks.create(a, dto);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Edit names, points and rules; a locked version gives a new version (201)',
  })
  @ApiOkResponse({ type: RatingFrameworkDetailDto, description: 'The version edited in place' })
  @ApiCreatedResponse({
    type: RatingFrameworkDetailDto,
    description: 'The new version, when the edited one was locked',
  })
  async update(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpdateRatingFrameworkDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RatingFrameworkDetail> {
    const out = await this.frameworks.update(a, id, dto);
    res.status(out.created ? 201 : 200);
    return out.framework;
  }
}
