import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Residents register themselves (issue 8): a self-registration is `unverified` until the
 * community's staff verify it or merge it into the resident already on record, whose row then
 * holds the phone; the merged row stays (its events name it), so the phone is unique only among
 * records that are not merged.
 */
export class ResidentRegistration1796319959112 implements MigrationInterface {
  name = 'ResidentRegistration1796319959112';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "resident" ADD "verification" character varying(16) NOT NULL DEFAULT 'verified'`,
    );
    await q.query(`ALTER TABLE "resident" ADD "verified_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "resident" ADD "verified_by_id" uuid`);
    await q.query(`ALTER TABLE "resident" ADD "merged_into_id" uuid`);
    await q.query(`ALTER TABLE "resident" DROP CONSTRAINT "UQ_5272c8f5c024dbbde6ac74b8b0f"`);
    await q.query(
      `CREATE INDEX "idx_resident_unverified" ON "resident"  ("community_id", "registered_at") WHERE "verification" = 'unverified'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_resident_phone" ON "resident"  ("phone") WHERE "verification" <> 'merged'`,
    );
    await q.query(
      `ALTER TABLE "resident" ADD CONSTRAINT "CHK_15c6439ac6015b08a4016a1337" CHECK ("nationality" IS NULL OR "nationality" ~ '^[A-Z]{2}$')`,
    );
    await q.query(
      `ALTER TABLE "resident" ADD CONSTRAINT "CHK_878ba1502f407a5f9b2e77dda9" CHECK (("verification" = 'merged') = ("merged_into_id" IS NOT NULL))`,
    );
    await q.query(
      `ALTER TABLE "resident" ADD CONSTRAINT "CHK_fa259866ddf42bf5080aa9e79b" CHECK ("verification" IN ('verified','unverified','merged'))`,
    );
    await q.query(
      `ALTER TABLE "resident" ADD CONSTRAINT "FK_4b902cc02e33591eb9523ebfabd" FOREIGN KEY ("verified_by_id") REFERENCES "staff_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "resident" ADD CONSTRAINT "FK_313cd2eb1b8b4cdcf5c9ad91f2d" FOREIGN KEY ("merged_into_id") REFERENCES "resident"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "resident" DROP CONSTRAINT "FK_313cd2eb1b8b4cdcf5c9ad91f2d"`);
    await q.query(`ALTER TABLE "resident" DROP CONSTRAINT "FK_4b902cc02e33591eb9523ebfabd"`);
    await q.query(`ALTER TABLE "resident" DROP CONSTRAINT "CHK_fa259866ddf42bf5080aa9e79b"`);
    await q.query(`ALTER TABLE "resident" DROP CONSTRAINT "CHK_878ba1502f407a5f9b2e77dda9"`);
    await q.query(`ALTER TABLE "resident" DROP CONSTRAINT "CHK_15c6439ac6015b08a4016a1337"`);
    await q.query(`DROP INDEX "public"."uq_resident_phone"`);
    await q.query(`DROP INDEX "public"."idx_resident_unverified"`);
    await q.query(
      `ALTER TABLE "resident" ADD CONSTRAINT "UQ_5272c8f5c024dbbde6ac74b8b0f" UNIQUE ("phone")`,
    );
    await q.query(`ALTER TABLE "resident" DROP COLUMN "merged_into_id"`);
    await q.query(`ALTER TABLE "resident" DROP COLUMN "verified_by_id"`);
    await q.query(`ALTER TABLE "resident" DROP COLUMN "verified_at"`);
    await q.query(`ALTER TABLE "resident" DROP COLUMN "verification"`);
  }
}
