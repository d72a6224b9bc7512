import { NOTIFICATIONS_PAGE_MAX, type MarkNotificationsSeenRequest } from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** A stream id as the API hands it out: a positive integer, as a string (it is a bigint). */
const STREAM_ID = /^[1-9][0-9]{0,17}$/;

export class NotificationListQuery {
  @ApiPropertyOptional({ description: 'A stream id: the page holds older notifications only' })
  @IsOptional()
  @Matches(STREAM_ID, { message: 'before must be a stream id' })
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: NOTIFICATIONS_PAGE_MAX, default: 20 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(NOTIFICATIONS_PAGE_MAX)
  limit: number = 20;
}

export class MarkNotificationsSeenDto implements MarkNotificationsSeenRequest {
  @ApiProperty({ description: 'The newest stream id seen' })
  @Matches(STREAM_ID, { message: 'upTo must be a stream id' })
  upTo: string;
}
