import type {
  CommunityMetrics,
  DistrictMetrics,
  DistrictMetricsRow,
  MetricFigure,
  MetricRow,
  MetricRowKind,
  MetricRowsPage,
  MetricSeries,
  MetricValueUnit,
} from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const UNITS: MetricValueUnit[] = ['fraction', 'count', 'yuan_per_month', 'years'];
const KINDS: MetricRowKind[] = [
  'case',
  'follow_up_task',
  'follow_up_attempt',
  'participation',
  'resident',
  'proposal',
  'roster_entry',
  'community_fact',
];

export class MetricFigureDto implements MetricFigure {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'null with a reason: nothing to divide by',
  })
  value: number | null;
  @ApiProperty() numerator: number;
  @ApiProperty() denominator: number;
  @ApiProperty({ enum: UNITS }) unit: MetricValueUnit;
  @ApiPropertyOptional({ enum: ['no_denominator', 'no_roster'] }) reason?: MetricFigure['reason'];
}

const metricsMap = {
  type: 'object',
  additionalProperties: { $ref: '#/components/schemas/MetricFigureDto' },
  description: 'Every key of METRIC_KEYS',
} as const;

export class CommunityMetricsDto implements CommunityMetrics {
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty(metricsMap) metrics: Record<string, MetricFigureDto>;
}

export class DistrictMetricsRowDto extends CommunityMetricsDto implements DistrictMetricsRow {
  @ApiProperty() communityName: string;
  @ApiProperty() communityNameEn: string;
  @ApiProperty({ format: 'uuid' }) streetId: string;
  @ApiProperty() streetName: string;
  @ApiProperty() streetNameEn: string;
}

export class DistrictMetricsDto implements DistrictMetrics {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [DistrictMetricsRowDto] }) items: DistrictMetricsRowDto[];
  @ApiProperty({
    description: 'All communities of items together: numerators summed over denominators summed',
    type: 'object',
    properties: { metrics: metricsMap },
  })
  total: { metrics: Record<string, MetricFigureDto> };
}

export class MetricRowDto implements MetricRow {
  @ApiProperty({ enum: KINDS }) kind: MetricRowKind;
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() label: string;
  @ApiProperty() href: string;
  @ApiPropertyOptional() consolePath?: string;
  @ApiPropertyOptional() amount?: number;
}

export class MetricRowsPageDto implements MetricRowsPage {
  @ApiProperty({ type: [MetricRowDto] }) items: MetricRowDto[];
  @ApiProperty({ description: 'Exactly the side’s figure' }) total: number;
}

export class MetricSeriesPointDto extends MetricFigureDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
}

export class MetricSeriesDto implements MetricSeries {
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() metric: string;
  @ApiProperty({ enum: ['month', 'week'] }) interval: MetricSeries['interval'];
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [MetricSeriesPointDto] }) points: MetricSeriesPointDto[];
}
