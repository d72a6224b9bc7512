import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far a resident has read their inbox: one stream id per person, moved forward only. */
@Entity('notification_watermark')
export class NotificationWatermarkEntity {
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @Column({ type: 'bigint' }) seenUpTo: string;
  @Column({ type: 'timestamptz' }) updatedAt: Date;
}
