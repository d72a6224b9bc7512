import type { CouncilOverviewQuery as CouncilOverviewRequest } from '@baitong/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';

export class CouncilOverviewQuery implements CouncilOverviewRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only this street (the district roles; the others only their own street)',
  })
  @IsOptional()
  @IsUUID('4')
  streetId?: string;
  @ApiPropertyOptional({
    description:
      'Start, inclusive: a Shanghai day (YYYY-MM-DD) or an instant; default a year before `to`',
    example: '2026-01-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({
    description: 'End: a Shanghai day, included, or an instant, excluded; default now',
    example: '2026-12-31',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
