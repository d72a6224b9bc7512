import type {
  Community,
  Compound,
  Desk,
  FactChange,
  Grid,
  OpenState,
  PublicDesk,
  Street,
} from '@baitong/contracts';
import { STAFF_ROLES } from '@baitong/contracts';
import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Public, Roles } from '../auth/decorators';
import { type AppRequest, requestMeta } from '../common/request-context';
import { ID, UuidPipe } from '../common/uuid.pipe';
import {
  CommunityListQuery,
  CreateCommunityDto,
  CreateCompoundDto,
  CreateDeskDto,
  CreateExceptionDto,
  CreateGridDto,
  CreateStreetDto,
  PublicDeskQuery,
  SetHoursDto,
  UpdateCommunityDto,
  UpdateCompoundDto,
  UpdateDeskDto,
  UpdateGridDto,
  UpdateStreetDto,
} from './org.dto';
import { OrgService } from './org.service';

type DeskView = Desk & OpenState;

@ApiTags('organisation')
@ApiBearerAuth()
@Roles(...STAFF_ROLES)
@Controller()
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @Get('streets')
  listStreets(@CurrentActor() a: Actor): Promise<Street[]> {
    return this.org.listStreets(a);
  }

  @Post('streets')
  createStreet(@CurrentActor() a: Actor, @Body() dto: CreateStreetDto): Promise<Street> {
    return this.org.createStreet(a, dto);
  }

  @Patch('streets/:id')
  updateStreet(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpdateStreetDto,
  ): Promise<Street> {
    return this.org.updateStreet(a, id, dto);
  }

  @Get('communities')
  listCommunities(@CurrentActor() a: Actor, @Query() q: CommunityListQuery): Promise<Community[]> {
    return this.org.listCommunities(a, q);
  }

  @Get('communities/:id')
  getCommunity(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<Community> {
    return this.org.getCommunity(a, id);
  }

  @Post('communities')
  createCommunity(
    @CurrentActor() a: Actor,
    @Body() dto: CreateCommunityDto,
    @Req() req: AppRequest,
  ): Promise<Community> {
    return this.org.createCommunity(a, dto, requestMeta(req));
  }

  @Patch('communities/:id')
  updateCommunity(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpdateCommunityDto,
    @Req() req: AppRequest,
  ): Promise<Community> {
    return this.org.updateCommunity(a, id, dto, requestMeta(req));
  }

  @Get('communities/:id/fact-history')
  factHistory(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<FactChange[]> {
    return this.org.factHistory(a, id);
  }

  @Get('communities/:id/compounds')
  listCompounds(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<Compound[]> {
    return this.org.listCompounds(a, id);
  }

  @Get('communities/:id/grids')
  listGrids(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<Grid[]> {
    return this.org.listGrids(a, id);
  }

  @Get('communities/:id/desks')
  listDesks(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<DeskView[]> {
    return this.org.listDesks(a, id);
  }

  @Get('compounds/:id')
  getCompound(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<Compound> {
    return this.org.getCompound(a, id);
  }

  @Post('compounds')
  createCompound(@CurrentActor() a: Actor, @Body() dto: CreateCompoundDto): Promise<Compound> {
    return this.org.createCompound(a, dto);
  }

  @Patch('compounds/:id')
  updateCompound(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpdateCompoundDto,
  ): Promise<Compound> {
    return this.org.updateCompound(a, id, dto);
  }

  @Post('grids')
  createGrid(@CurrentActor() a: Actor, @Body() dto: CreateGridDto): Promise<Grid> {
    return this.org.createGrid(a, dto);
  }

  @Patch('grids/:id')
  updateGrid(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpdateGridDto,
  ): Promise<Grid> {
    return this.org.updateGrid(a, id, dto);
  }

  @Get('desks/:id')
  getDesk(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<DeskView> {
    return this.org.getDesk(a, id);
  }

  @Post('desks')
  createDesk(
    @CurrentActor() a: Actor,
    @Body() dto: CreateDeskDto,
    @Req() req: AppRequest,
  ): Promise<DeskView> {
    return this.org.createDesk(a, dto, requestMeta(req));
  }

  @Patch('desks/:id')
  updateDesk(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpdateDeskDto,
    @Req() req: AppRequest,
  ): Promise<DeskView> {
    return this.org.updateDesk(a, id, dto, requestMeta(req));
  }

  @Put('desks/:id/hours')
  setHours(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: SetHoursDto,
  ): Promise<DeskView> {
    return this.org.setHours(a, id, dto);
  }

  @Post('desks/:id/exceptions')
  addException(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: CreateExceptionDto,
  ): Promise<DeskView> {
    return this.org.addException(a, id, dto);
  }

  @Delete('desks/:id/exceptions/:exceptionId')
  removeException(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Param('exceptionId', new UuidPipe('exceptionId')) exceptionId: string,
  ): Promise<DeskView> {
    return this.org.removeException(a, id, exceptionId);
  }
}

@ApiTags('public')
@Public()
@Controller('public')
export class PublicDesksController {
  constructor(private readonly org: OrgService) {}

  @Get('desks')
  list(@Query() q: PublicDeskQuery): Promise<PublicDesk[]> {
    return this.org.publicDesks(q);
  }

  @Get('desks/:id')
  get(@Param('id', ID) id: string): Promise<PublicDesk> {
    return this.org.publicDesk(id);
  }
}
