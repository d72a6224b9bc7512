import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796417354790 implements MigrationInterface {
  name = 'Notifications1796417354790';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "notification_watermark" ("user_id" uuid NOT NULL, "seen_up_to" bigint NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8f626723542135e650169b251bd" PRIMARY KEY ("user_id"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "notification_watermark"`);
  }
}
