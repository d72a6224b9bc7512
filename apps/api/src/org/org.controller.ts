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
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
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
  PublicDeskGetQuery,
  PublicDeskQuery,
  SetHoursDto,
  UpdateCommunityDto,
  UpdateCompoundDto,
  UpdateDeskDto,
  UpdateGridDto,
  UpdateStreetDto,
} from './org.dto';
import { OrgService } from './org.service';
import {
  CommunityDto,
  CompoundDto,
  DeskDto,
  FactChangeDto,
  GridDto,
  PublicDeskDto,
  StreetDto,
} from './org.responses';

type DeskView = Desk & OpenState;

@ApiTags('organisation')
@ApiBearerAuth()
@Roles(...STAFF_ROLES)
@Controller()
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @Get('streets')
  @ApiOperation({ summary: "Streets in the caller's scope" })
  @ApiOkResponse({ type: [StreetDto], description: 'Streets' })
  listStreets(@CurrentActor() a: Actor): Promise<Street[]> {
    return this.org.listStreets(a);
  }

  @Post('streets')
  @ApiOperation({ summary: 'Add a street' })
  @ApiCreatedResponse({ type: StreetDto, description: 'The new street' })
  createStreet(@CurrentActor() a: Actor, @Body() dto: CreateStreetDto): Promise<Street> {
    return this.org.createStreet(a, dto);
  }

  @Patch('streets/:id')
  @ApiOperation({ summary: 'Change a street' })
  @ApiOkResponse({ type: StreetDto, description: 'The street as changed' })
  updateStreet(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpdateStreetDto,
  ): Promise<Street> {
    return this.org.updateStreet(a, id, dto);
  }

  @Get('communities')
  @ApiOperation({ summary: "Communities in the caller's scope" })
  @ApiOkResponse({ type: [CommunityDto], description: 'Communities' })
  listCommunities(@CurrentActor() a: Actor, @Query() q: CommunityListQuery): Promise<Community[]> {
    return this.org.listCommunities(a, q);
  }

  @Get('communities/:id')
  @ApiOperation({ summary: 'One community' })
  @ApiOkResponse({ type: CommunityDto, description: 'The community' })
  getCommunity(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<Community> {
    return this.org.getCommunity(a, id);
  }

  @Post('communities')
  @ApiOperation({ summary: 'Add a community' })
  @ApiCreatedResponse({ type: CommunityDto, description: 'The new community' })
  createCommunity(
    @CurrentActor() a: Actor,
    @Body() dto: CreateCommunityDto,
    @Req() req: AppRequest,
  ): Promise<Community> {
    return this.org.createCommunity(a, dto, requestMeta(req));
  }

  @Patch('communities/:id')
  @ApiOperation({ summary: 'Change a community (rating facts need a reason)' })
  @ApiOkResponse({ type: CommunityDto, description: 'The community as changed' })
  updateCommunity(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpdateCommunityDto,
    @Req() req: AppRequest,
  ): Promise<Community> {
    return this.org.updateCommunity(a, id, dto, requestMeta(req));
  }

  @Get('communities/:id/fact-history')
  @ApiOperation({ summary: "Changes of the community's rating facts, newest first" })
  @ApiOkResponse({ type: [FactChangeDto], description: 'Recorded changes' })
  factHistory(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<FactChange[]> {
    return this.org.factHistory(a, id);
  }

  @Get('communities/:id/compounds')
  @ApiOperation({ summary: "The community's compounds" })
  @ApiOkResponse({ type: [CompoundDto], description: 'Compounds' })
  listCompounds(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<Compound[]> {
    return this.org.listCompounds(a, id);
  }

  @Get('communities/:id/grids')
  @ApiOperation({ summary: "The community's grids" })
  @ApiOkResponse({ type: [GridDto], description: 'Grids' })
  listGrids(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<Grid[]> {
    return this.org.listGrids(a, id);
  }

  @Get('communities/:id/desks')
  @ApiOperation({ summary: "The community's desks, each with whether it is open now" })
  @ApiOkResponse({ type: [DeskDto], description: 'Desks' })
  listDesks(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<DeskView[]> {
    return this.org.listDesks(a, id);
  }

  @Get('compounds/:id')
  @ApiOperation({ summary: 'One compound' })
  @ApiOkResponse({ type: CompoundDto, description: 'The compound' })
  getCompound(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<Compound> {
    return this.org.getCompound(a, id);
  }

  @Post('compounds')
  @ApiOperation({ summary: 'Add a compound' })
  @ApiCreatedResponse({ type: CompoundDto, description: 'The new compound' })
  createCompound(@CurrentActor() a: Actor, @Body() dto: CreateCompoundDto): Promise<Compound> {
    return this.org.createCompound(a, dto);
  }

  @Patch('compounds/:id')
  @ApiOperation({ summary: 'Change a compound' })
  @ApiOkResponse({ type: CompoundDto, description: 'The compound as changed' })
  updateCompound(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpdateCompoundDto,
  ): Promise<Compound> {
    return this.org.updateCompound(a, id, dto);
  }

  @Post('grids')
  @ApiOperation({ summary: 'Add a grid' })
  @ApiCreatedResponse({ type: GridDto, description: 'The new grid' })
  createGrid(@CurrentActor() a: Actor, @Body() dto: CreateGridDto): Promise<Grid> {
    return this.org.createGrid(a, dto);
  }

  @Patch('grids/:id')
  @ApiOperation({ summary: 'Change a grid' })
  @ApiOkResponse({ type: GridDto, description: 'The grid as changed' })
  updateGrid(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpdateGridDto,
  ): Promise<Grid> {
    return this.org.updateGrid(a, id, dto);
  }

  @Get('desks/:id')
  @ApiOperation({ summary: 'One desk with its hours and whether it is open now' })
  @ApiOkResponse({ type: DeskDto, description: 'The desk' })
  getDesk(@CurrentActor() a: Actor, @Param('id', ID) id: string): Promise<DeskView> {
    return this.org.getDesk(a, id);
  }

  @Post('desks')
  @ApiOperation({ summary: 'Add a desk' })
  @ApiCreatedResponse({ type: DeskDto, description: 'The new desk' })
  createDesk(
    @CurrentActor() a: Actor,
    @Body() dto: CreateDeskDto,
    @Req() req: AppRequest,
  ): Promise<DeskView> {
    return this.org.createDesk(a, dto, requestMeta(req));
  }

  @Patch('desks/:id')
  @ApiOperation({ summary: 'Change a desk' })
  @ApiOkResponse({ type: DeskDto, description: 'The desk as changed' })
  updateDesk(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpdateDeskDto,
    @Req() req: AppRequest,
  ): Promise<DeskView> {
    return this.org.updateDesk(a, id, dto, requestMeta(req));
  }

  @Put('desks/:id/hours')
  @ApiOperation({
    summary: "Set a desk's weekly opening hours (due times of its open cases are recomputed)",
  })
  @ApiOkResponse({ type: DeskDto, description: 'The desk with its new hours' })
  setHours(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: SetHoursDto,
  ): Promise<DeskView> {
    return this.org.setHours(a, id, dto);
  }

  @Post('desks/:id/exceptions')
  @ApiOperation({ summary: "Add a dated exception to a desk's hours" })
  @ApiCreatedResponse({ type: DeskDto, description: 'The desk with the exception' })
  addException(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: CreateExceptionDto,
  ): Promise<DeskView> {
    return this.org.addException(a, id, dto);
  }

  @Delete('desks/:id/exceptions/:exceptionId')
  @ApiOperation({ summary: "Remove a dated exception from a desk's hours" })
  @ApiOkResponse({ type: DeskDto, description: 'The desk without the exception' })
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
  @ApiOperation({ summary: 'Find desks (no sign-in), nearest first when a point is given' })
  @ApiOkResponse({
    type: [PublicDeskDto],
    description: 'Desks with their hours and whether each is open now',
  })
  list(@Query() q: PublicDeskQuery): Promise<PublicDesk[]> {
    return this.org.publicDesks(q);
  }

  @Get('desks/:id')
  @ApiOperation({ summary: 'One desk of the desk finder (no sign-in)' })
  @ApiOkResponse({ type: PublicDeskDto, description: 'The desk' })
  get(@Param('id', ID) id: string, @Query() q: PublicDeskGetQuery): Promise<PublicDesk> {
    return this.org.publicDesk(id, q);
  }
}
