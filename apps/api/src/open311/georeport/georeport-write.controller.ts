import { Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../auth/decorators';
import { type AppRequest, requestMeta } from '../../common/request-context';
import { OPEN311_FORMATS, type Open311Format, sendOpen311 } from './format';
import { GeoReportWriteService } from './georeport-write.service';
import { Open311Exception } from './open311-errors';
import { readFilingBody } from './request-body';
import { noticeLanguage } from './service-notice';

/** GeoReport v2 `POST requests.{format}`; documented in docs/OPEN311.md, not in the /api OpenAPI. */
@ApiExcludeController()
@Controller('open311/v2')
export class GeoReportWriteController {
  constructor(private readonly filing: GeoReportWriteService) {}

  @Public()
  @Post('requests.:format')
  async file(
    @Param('format') format: string,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    if (!(OPEN311_FORMATS as readonly string[]).includes(format))
      throw new Open311Exception(404, [`format: ${format} is not served; use .json or .xml`]);
    const header = req.headers['idempotency-key'];
    const filed = await this.filing.file(readFilingBody(req), {
      idempotencyKey: typeof header === 'string' ? header : undefined,
      lang: noticeLanguage(req.headers['accept-language']),
      meta: requestMeta(req),
    });
    sendOpen311(res, format as Open311Format, 'service_requests', [{ ...filed }]);
  }
}
