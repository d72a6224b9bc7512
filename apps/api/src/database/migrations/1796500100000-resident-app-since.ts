import type { MigrationInterface, QueryRunner } from 'typeorm';

// When a resident first signed in to the resident app: the app registration rate counts residents
// with it. `last_active_at` only keeps the latest sign-in, so the first one needs its own column;
// residents active before this column existed start from their last activity.
export class ResidentAppSince1796500100000 implements MigrationInterface {
  name = 'ResidentAppSince1796500100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "resident" ADD "app_since" TIMESTAMP WITH TIME ZONE`);
    await q.query(`UPDATE "resident" SET "app_since" = "last_active_at"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "resident" DROP COLUMN "app_since"`);
  }
}
