import {
  AUDIT_TARGET_KINDS,
  type AuditEntry,
  type AuditFilter,
  type AuditTargetKind,
  type Page,
} from '@baitong/contracts';
import { Controller, Get, Header, Query, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
  IntersectionType,
} from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { PageQuery } from '../common/page.dto';
import { type AppRequest, requestMeta } from '../common/request-context';
import type { ExportLanguage } from './audit-export';
import { AuditService } from './audit.service';
import { AuditPageDto } from './audit.responses';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class AuditFilterQuery implements AuditFilter {
  @ApiPropertyOptional({ description: 'Local date YYYY-MM-DD, inclusive' })
  @IsOptional()
  @Matches(DATE)
  from?: string;
  @ApiPropertyOptional({ description: 'Local date YYYY-MM-DD, inclusive' })
  @IsOptional()
  @Matches(DATE)
  to?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ description: 'Part of the name of who acted' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  actor?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) action?: string;
  @ApiPropertyOptional({ enum: AUDIT_TARGET_KINDS })
  @IsOptional()
  @IsIn(AUDIT_TARGET_KINDS)
  entity?: AuditTargetKind;
  @ApiPropertyOptional({ description: 'Record id, case number, or part of a name' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  target?: string;
}

/** The page of the ledger and its filters, checked the same way as the export's. */
export class AuditQuery extends IntersectionType(PageQuery, AuditFilterQuery) {}

export class AuditExportQuery extends AuditFilterQuery {
  @ApiPropertyOptional({ enum: ['zh-CN', 'en'], description: 'Language of headers and words' })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  lang?: ExportLanguage;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: "The audit log in the caller's scope, newest first, filtered" })
  @ApiOkResponse({ type: AuditPageDto, description: 'One page of the ledger' })
  list(@CurrentActor() actor: Actor, @Query() q: AuditQuery): Promise<Page<AuditEntry>> {
    return this.audit.list(actor, q);
  }

  // The file holds who did what to whom: never kept by a cache, never sniffed.
  @Get('export')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Cache-Control', 'no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({
    summary: 'The filtered audit log as an Excel file (the export is itself audited)',
  })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'An xlsx workbook' })
  async export(
    @CurrentActor() actor: Actor,
    @Query() q: AuditExportQuery,
    @Req() req: AppRequest,
  ): Promise<StreamableFile> {
    const out = await this.audit.export(actor, q, requestMeta(req));
    return new StreamableFile(out.file, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      length: out.file.length,
      disposition: `attachment; filename="${out.filename}"`,
    });
  }
}
