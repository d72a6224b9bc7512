import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/decorators';
import { HealthRepository } from './health.repository';
import { LivenessDto, ReadinessDto } from './health.responses';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly repo: HealthRepository) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: LivenessDto, description: 'Alive' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 503 while the database cannot be reached, so a load balancer stops sending traffic. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database answers and is migrated' })
  @ApiOkResponse({ type: ReadinessDto, description: 'Ready for traffic' })
  @ApiServiceUnavailableResponse({
    type: ReadinessDto,
    description: 'The database cannot be reached',
  })
  async ready(
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ status: 'ok' | 'unavailable'; database: 'up' | 'down'; migrations: number }> {
    const db = await this.repo.check();
    if (!db.up) res.status(503);
    return {
      status: db.up ? 'ok' : 'unavailable',
      database: db.up ? 'up' : 'down',
      migrations: db.migrations,
    };
  }
}
