import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationWatermarkEntity } from './notification.entity';

@Injectable()
export class NotificationsRepository {
  constructor(private readonly ds: DataSource) {}

  async seenUpTo(userId: string): Promise<string | null> {
    const row = await this.ds.getRepository(NotificationWatermarkEntity).findOneBy({ userId });
    return row ? String(row.seenUpTo) : null;
  }

  /** Moves the mark forward only, in one statement: two tabs marking at once keep the newest. */
  async markSeen(userId: string, upTo: string, at: Date): Promise<void> {
    await this.ds.query(
      `INSERT INTO notification_watermark (user_id, seen_up_to, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE
         SET seen_up_to = GREATEST(notification_watermark.seen_up_to, EXCLUDED.seen_up_to),
             updated_at = EXCLUDED.updated_at`,
      [userId, upTo, at],
    );
  }
}
