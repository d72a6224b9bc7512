import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Implementation1796412071162 implements MigrationInterface {
  name = 'Implementation1796412071162';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "proposal_implementation" ("proposal_id" uuid NOT NULL, "community_id" uuid NOT NULL, "owner_staff_id" uuid, "owner_name" character varying(64) NOT NULL, "plan" text NOT NULL, "budget_yuan" numeric(12,2), "funding_source" character varying(32), "funding_note" character varying(200), "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE, "completion_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_93496ad516e2ac65e6a09195cc" CHECK ("completed_at" IS NULL OR "completed_at" >= "started_at"), CONSTRAINT "CHK_ac400080b261f1b2e42e374f29" CHECK ("budget_yuan" IS NULL OR "budget_yuan" >= 0), CONSTRAINT "CHK_9b89c0f01e1c6e231dca98569e" CHECK ("funding_source" IS NULL OR "funding_source" IN ('community_charity_fund','street_budget','district_budget','property_maintenance_fund','donation','other')), CONSTRAINT "PK_06665421fa192a6ffab93fd0b8d" PRIMARY KEY ("proposal_id"))`,
    );
    await q.query(
      `CREATE TABLE "proposal_milestone" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "community_id" uuid NOT NULL, "title" character varying(120) NOT NULL, "planned_on" date NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE, "done_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_970f990a6c2dd41746fb769224e" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_fffd32bc346a4a8c426c1e2f35" ON "proposal_milestone"  ("proposal_id", "planned_on") `,
    );
    await q.query(
      `CREATE TABLE "proposal_progress" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "community_id" uuid NOT NULL, "note" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by_id" uuid NOT NULL, "recorded_by_name" character varying(64) NOT NULL, CONSTRAINT "PK_f384059a2904cf36dfb7f0d2b8a" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_d0339878ef4bd5a41c97766f06" ON "proposal_progress"  ("proposal_id", "recorded_at") `,
    );
    await q.query(`ALTER TABLE "proposal_photo" ADD "progress_id" uuid`);
    await q.query(
      `ALTER TABLE "proposal_implementation" ADD CONSTRAINT "FK_06665421fa192a6ffab93fd0b8d" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal_implementation" ADD CONSTRAINT "FK_217438c658f2f352f24097bf80c" FOREIGN KEY ("owner_staff_id") REFERENCES "staff_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal_milestone" ADD CONSTRAINT "FK_db9fdabd4eef21bdf3485f64cef" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal_progress" ADD CONSTRAINT "FK_57a3a7fd950b5c6e64c9240d27c" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal_photo" ADD CONSTRAINT "FK_a01ad76c117d478e86751fac6e3" FOREIGN KEY ("progress_id") REFERENCES "proposal_progress"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "proposal_photo" DROP CONSTRAINT "FK_a01ad76c117d478e86751fac6e3"`);
    await q.query(
      `ALTER TABLE "proposal_progress" DROP CONSTRAINT "FK_57a3a7fd950b5c6e64c9240d27c"`,
    );
    await q.query(
      `ALTER TABLE "proposal_milestone" DROP CONSTRAINT "FK_db9fdabd4eef21bdf3485f64cef"`,
    );
    await q.query(
      `ALTER TABLE "proposal_implementation" DROP CONSTRAINT "FK_217438c658f2f352f24097bf80c"`,
    );
    await q.query(
      `ALTER TABLE "proposal_implementation" DROP CONSTRAINT "FK_06665421fa192a6ffab93fd0b8d"`,
    );
    await q.query(`ALTER TABLE "proposal_photo" DROP COLUMN "progress_id"`);
    await q.query(`DROP INDEX "public"."IDX_d0339878ef4bd5a41c97766f06"`);
    await q.query(`DROP TABLE "proposal_progress"`);
    await q.query(`DROP INDEX "public"."IDX_fffd32bc346a4a8c426c1e2f35"`);
    await q.query(`DROP TABLE "proposal_milestone"`);
    await q.query(`DROP TABLE "proposal_implementation"`);
  }
}
