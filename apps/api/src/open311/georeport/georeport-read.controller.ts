import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../auth/decorators';
import { sendOpen311 } from './format';
import { GeoReportReadService, type ReadContext, readContext } from './georeport-read.service';
import { formatParam } from './read-params';

type Body = Parameters<typeof sendOpen311>[3];

/**
 * GeoReport v2 reads, each in `.json` and `.xml` (docs/OPEN311.md). The standard's answers
 * are not Baitong's JSON: they are written by `sendOpen311` in the element names of the spec.
 */
@ApiExcludeController()
@Controller('open311/v2')
export class GeoReportReadController {
  constructor(private readonly reads: GeoReportReadService) {}

  private async answer(
    req: Request,
    res: Response,
    format: string,
    root: string,
    read: (ctx: ReadContext) => Promise<unknown>,
  ): Promise<void> {
    const f = formatParam(format);
    const ctx = readContext(req);
    const body = (await read(ctx)) as Body;
    res.setHeader('Content-Language', ctx.lang === 'en' ? 'en' : 'zh-CN');
    res.setHeader('Vary', 'Accept-Language');
    sendOpen311(res, f, root, body);
  }

  @Public()
  @Get('discovery.:format')
  discovery(@Param('format') format: string, @Req() req: Request, @Res() res: Response) {
    return this.answer(req, res, format, 'discovery', (ctx) => this.reads.discovery(ctx));
  }

  @Public()
  @Get('services.:format')
  services(@Param('format') format: string, @Req() req: Request, @Res() res: Response) {
    return this.answer(req, res, format, 'services', (ctx) => this.reads.services(ctx));
  }

  @Public()
  @Get('services/:code.:format')
  serviceDefinition(
    @Param('code') code: string,
    @Param('format') format: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.answer(req, res, format, 'service_definition', (ctx) =>
      this.reads.serviceDefinition(ctx, code),
    );
  }

  @Public()
  @Get('requests.:format')
  requests(@Param('format') format: string, @Req() req: Request, @Res() res: Response) {
    return this.answer(req, res, format, 'service_requests', (ctx) => this.reads.requests(ctx));
  }

  @Public()
  @Get('requests/:id.:format')
  request(
    @Param('id') id: string,
    @Param('format') format: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.answer(req, res, format, 'service_requests', (ctx) => this.reads.request(ctx, id));
  }

  @Public()
  @Get('tokens/:token.:format')
  token(
    @Param('token') token: string,
    @Param('format') format: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.answer(req, res, format, 'service_requests', (ctx) => this.reads.token(ctx, token));
  }
}
