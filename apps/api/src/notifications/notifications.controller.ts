import type { NotificationCount, NotificationPage } from '@baitong/contracts';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiSchema,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { MarkNotificationsSeenDto, NotificationListQuery } from './notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiSchema({ name: 'NotificationCount' })
export class NotificationCountDto implements NotificationCount {
  @ApiProperty() unread: number;
  @ApiProperty({ type: String, nullable: true }) seenUpTo: string | null;
}

@ApiSchema({ name: 'NotificationPage' })
export class NotificationPageDto extends NotificationCountDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Newest first: { id, at, name, toStatus, push } with push as pushed live',
  })
  items: NotificationPage['items'];
  @ApiProperty({ type: String, nullable: true }) nextBefore: string | null;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Roles('resident')
  @Get()
  @ApiOperation({
    summary: 'My notifications (消息): the steps of my cases, proposals and meetings',
  })
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentActor() a: Actor, @Query() q: NotificationListQuery): Promise<NotificationPage> {
    return this.notifications.list(a, q.before ?? null, q.limit);
  }

  @Roles('resident')
  @Get('unread')
  @ApiOperation({ summary: 'How many notifications came after my "seen" mark' })
  @ApiOkResponse({ type: NotificationCountDto })
  unread(@CurrentActor() a: Actor): Promise<NotificationCount> {
    return this.notifications.count(a);
  }

  @Roles('resident')
  @Post('seen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark my notifications seen up to a stream id (never backwards)' })
  @ApiOkResponse({ type: NotificationCountDto })
  seen(
    @CurrentActor() a: Actor,
    @Body() dto: MarkNotificationsSeenDto,
  ): Promise<NotificationCount> {
    return this.notifications.markSeen(a, dto.upTo);
  }
}
