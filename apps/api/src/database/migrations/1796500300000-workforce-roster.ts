import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workforce roster (社区工作者名册): one row per worker and community as of today, and the
 * dated history of the facts that change (position, certificate, degree, pay), append-only and
 * held so by the database itself.
 */
export class WorkforceRoster1796500300000 implements MigrationInterface {
  name = 'WorkforceRoster1796500300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "workforce_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "worker_number" character varying(32) NOT NULL, "name" character varying(64) NOT NULL, "gender" character varying(8), "birth_date" date NOT NULL, "hired_on" date NOT NULL, "left_on" date, "leave_reason" character varying(200), "position" character varying(64) NOT NULL, "certified" boolean NOT NULL, "education" character varying(20) NOT NULL, "monthly_pay_yuan" numeric(10,2) NOT NULL, "facts_effective_on" date NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_56aefba15a3884a5bd07cf4c729" UNIQUE ("community_id", "worker_number"), CONSTRAINT "CHK_72c8195fac0667112d84d6fcb6" CHECK ("monthly_pay_yuan" >= 0), CONSTRAINT "CHK_d97186a7447164cff1f6f29e24" CHECK ("left_on" IS NULL OR "left_on" > "hired_on"), CONSTRAINT "CHK_f4abc0fd7c7f2f35ab4813e89b" CHECK ("gender" IS NULL OR "gender" IN ('female','male')), CONSTRAINT "CHK_0914e7058a8cf84c11a80f18a2" CHECK ("education" IN ('below_bachelor','bachelor','master_or_above')), CONSTRAINT "PK_9cb5ae5652f23277191e95c2cb1" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_33099af477b19487b86ec5e9d3" ON "workforce_entry"  ("community_id", "hired_on") `,
    );
    await q.query(
      `CREATE TABLE "workforce_revision" ("id" BIGSERIAL NOT NULL, "entry_id" uuid NOT NULL, "community_id" uuid NOT NULL, "effective_on" date NOT NULL, "position" character varying(64) NOT NULL, "certified" boolean NOT NULL, "education" character varying(20) NOT NULL, "monthly_pay_yuan" numeric(10,2) NOT NULL, "recorded_by_id" uuid, "recorded_by_name" character varying(64) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_c1d78d5379e273735e90c75f63" CHECK ("monthly_pay_yuan" >= 0), CONSTRAINT "CHK_41c60e46b03a8195d74afc0a7c" CHECK ("education" IN ('below_bachelor','bachelor','master_or_above')), CONSTRAINT "PK_7358ac286593f46542a94d2f5e8" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_7497dad696693dcaaf5bad64b2" ON "workforce_revision"  ("community_id", "effective_on") `,
    );
    await q.query(
      `CREATE INDEX "IDX_5bcdd9078dc81e4481f2656511" ON "workforce_revision"  ("entry_id", "effective_on") `,
    );
    await q.query(
      `ALTER TABLE "workforce_entry" ADD CONSTRAINT "FK_0ab198a71d001fadfc5a754eab9" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "workforce_revision" ADD CONSTRAINT "FK_411fa0b536ec4b4a9fa7721cd2e" FOREIGN KEY ("entry_id") REFERENCES "workforce_entry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(`CREATE TRIGGER workforce_revision_append_only BEFORE UPDATE OR DELETE ON "workforce_revision"
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER workforce_revision_no_truncate BEFORE TRUNCATE ON "workforce_revision"
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS workforce_revision_no_truncate ON "workforce_revision"');
    await q.query('DROP TRIGGER IF EXISTS workforce_revision_append_only ON "workforce_revision"');
    await q.query(
      `ALTER TABLE "workforce_revision" DROP CONSTRAINT "FK_411fa0b536ec4b4a9fa7721cd2e"`,
    );
    await q.query(`ALTER TABLE "workforce_entry" DROP CONSTRAINT "FK_0ab198a71d001fadfc5a754eab9"`);
    await q.query(`DROP INDEX "public"."IDX_5bcdd9078dc81e4481f2656511"`);
    await q.query(`DROP INDEX "public"."IDX_7497dad696693dcaaf5bad64b2"`);
    await q.query(`DROP TABLE "workforce_revision"`);
    await q.query(`DROP INDEX "public"."IDX_33099af477b19487b86ec5e9d3"`);
    await q.query(`DROP TABLE "workforce_entry"`);
  }
}
