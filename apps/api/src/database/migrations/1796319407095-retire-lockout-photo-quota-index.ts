import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in is throttled per (account, address) now, never locked, so the lockout columns go; the
 * photo quota reads an uploader's recent bytes on every upload, so it gets its index.
 */
export class RetireLockoutPhotoQuotaIndex1796319407095 implements MigrationInterface {
  name = 'RetireLockoutPhotoQuotaIndex1796319407095';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "staff_account" DROP COLUMN "failed_attempts"`);
    await q.query(`ALTER TABLE "staff_account" DROP COLUMN "locked_until"`);
    await q.query(
      `CREATE INDEX "IDX_2e1337d5411bfc56375fd17fff" ON "photo"  ("uploader_id", "created_at") `,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_2e1337d5411bfc56375fd17fff"`);
    await q.query(`ALTER TABLE "staff_account" ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "staff_account" ADD "failed_attempts" integer NOT NULL DEFAULT '0'`);
  }
}
