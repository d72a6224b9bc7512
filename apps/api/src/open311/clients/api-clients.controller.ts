import type { ApiClient, IssuedApiClient } from '@baitong/contracts';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import { type AppRequest, requestMeta } from '../../common/request-context';
import { ID } from '../../common/uuid.pipe';
import { CreateApiClientDto, RevokeApiClientDto, UpdateApiClientDto } from './api-clients.dto';
import { ApiClientDto, IssuedApiClientDto } from './api-clients.responses';
import { ApiClientsService } from './api-clients.service';

@ApiTags('open311-clients')
@ApiBearerAuth()
@Roles('bureau_admin', 'monitor')
@Controller('open311/clients')
export class ApiClientsController {
  constructor(private readonly clients: ApiClientsService) {}

  @Get()
  @ApiOperation({ summary: 'Client applications and their keys (no key itself), active first' })
  @ApiOkResponse({ type: [ApiClientDto], description: 'Every client' })
  list(@CurrentActor() a: Actor): Promise<ApiClient[]> {
    return this.clients.list(a);
  }

  @Post()
  @ApiOperation({ summary: 'Issue a key to a client application (bureau); the key is shown once' })
  @ApiCreatedResponse({ type: IssuedApiClientDto, description: 'The client and its key' })
  issue(
    @CurrentActor() a: Actor,
    @Body() dto: CreateApiClientDto,
    @Req() req: AppRequest,
  ): Promise<IssuedApiClient> {
    return this.clients.issue(a, dto, requestMeta(req));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, rescope or re-rate a client (bureau)' })
  @ApiOkResponse({ type: ApiClientDto, description: 'The client as it is now' })
  update(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: UpdateApiClientDto,
    @Req() req: AppRequest,
  ): Promise<ApiClient> {
    return this.clients.update(a, id, dto, requestMeta(req));
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a key with a reason (bureau); refused at its next request' })
  @ApiOkResponse({ type: ApiClientDto, description: 'The revoked client' })
  revoke(
    @CurrentActor() a: Actor,
    @Param('id', ID) id: string,
    @Body() dto: RevokeApiClientDto,
    @Req() req: AppRequest,
  ): Promise<ApiClient> {
    return this.clients.revoke(a, id, dto, requestMeta(req));
  }
}
