import type { AuditEntry, Page } from '@baitong/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { PageQuery } from '../common/page.dto';
import { AuditService } from './audit.service';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) action?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() q: AuditQuery): Promise<Page<AuditEntry>> {
    return this.audit.list(actor, q);
  }
}
