import {
  NOTIFICATIONS_UNREAD_CAP,
  type NotificationCount,
  type NotificationPage,
  type ResidentNotification,
} from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { CLOCK, type Clock } from '../common/clock';
import { RealtimeService } from '../realtime/realtime.service';
import { NotificationWatermarkEntity } from './notification.entity';

/**
 * A resident's inbox (消息) is their own room of the one event stream, in the view they were
 * pushed live: nothing is written per notification, so no step of a case, a proposal or a
 * meeting can be told live and missing here, or the other way round.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly realtime: RealtimeService,
    private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(actor: Actor, before: string | null, limit: number): Promise<NotificationPage> {
    const room = `user:${actor.id}`;
    const [{ items, nextBefore }, count] = await Promise.all([
      this.realtime.history(room, { before, limit, skipActor: actor.id }),
      this.count(actor),
    ]);
    return {
      items: items.map(
        ({ event, push }) =>
          ({
            id: event.id,
            at: event.at.toISOString(),
            name: event.name,
            toStatus: typeof event.data['toStatus'] === 'string' ? event.data['toStatus'] : null,
            push,
          }) as ResidentNotification,
      ),
      ...count,
      nextBefore,
    };
  }

  async count(actor: Actor): Promise<NotificationCount> {
    const seenUpTo = await this.seenUpTo(actor.id);
    const unread = await this.realtime.countAfter(
      `user:${actor.id}`,
      seenUpTo ?? '0',
      actor.id,
      NOTIFICATIONS_UNREAD_CAP,
    );
    return { unread, seenUpTo };
  }

  /** Moves the mark forward only: an older tab marking an older page seen undoes nothing. */
  async markSeen(actor: Actor, upTo: string): Promise<NotificationCount> {
    await this.ds.query(
      `INSERT INTO notification_watermark (user_id, seen_up_to, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE
         SET seen_up_to = GREATEST(notification_watermark.seen_up_to, EXCLUDED.seen_up_to),
             updated_at = EXCLUDED.updated_at`,
      [actor.id, upTo, this.clock.now()],
    );
    return this.count(actor);
  }

  private async seenUpTo(userId: string): Promise<string | null> {
    const row = await this.ds.getRepository(NotificationWatermarkEntity).findOneBy({ userId });
    return row ? String(row.seenUpTo) : null;
  }
}
