import type { MetricInterval, MetricPeriodQuery, MetricSide } from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { PageQuery } from '../common/page.dto';

const day = (description: string) => ({ description, example: '2026-01-01', format: 'date' });

// The days are checked in the service (metric-period.ts): a real calendar day, from ≤ to, ≤ 3 years.
export class MetricPeriodDto implements MetricPeriodQuery {
  @ApiProperty(day('First Shanghai day, included (YYYY-MM-DD)')) @IsString() from: string;
  @ApiProperty(day('Last Shanghai day, included (YYYY-MM-DD)')) @IsString() to: string;
}

export class DistrictMetricsQuery extends MetricPeriodDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this street’s communities' })
  @IsOptional()
  @IsUUID('4')
  streetId?: string;
}

export class MetricRowsQuery extends PageQuery implements MetricPeriodQuery {
  @ApiProperty(day('First Shanghai day, included (YYYY-MM-DD)')) @IsString() from: string;
  @ApiProperty(day('Last Shanghai day, included (YYYY-MM-DD)')) @IsString() to: string;
  @ApiProperty({ enum: ['numerator', 'denominator'] })
  @IsIn(['numerator', 'denominator'])
  side: MetricSide;
}

export class MetricSeriesQuery extends MetricPeriodDto {
  @ApiProperty({ description: 'A metric key (METRIC_KEYS)', example: 'satisfaction_rate' })
  @IsString()
  metric: string;
  @ApiProperty({ enum: ['month', 'week'] })
  @IsIn(['month', 'week'])
  interval: MetricInterval;
}
