import {
  NOTIFICATIONS_UNREAD_CAP,
  type NotificationCount,
  type NotificationPage,
  type ResidentNotification,
} from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { CLOCK, type Clock } from '../common/clock';
import { RealtimeService } from '../realtime/realtime.service';
import { NotificationsRepository } from './notifications.repository';

/**
 * A resident's inbox (消息) is their own room of the one event stream, in the view they were
 * pushed live: nothing is written per notification, so no step of a case, a proposal or a
 * meeting can be told live and missing here, or the other way round.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly realtime: RealtimeService,
    private readonly repo: NotificationsRepository,
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
    const seenUpTo = await this.repo.seenUpTo(actor.id);
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
    await this.repo.markSeen(actor.id, upTo, this.clock.now());
    return this.count(actor);
  }
}
