import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The annual rating (issue 12): frameworks, the assessment campaign, disqualifications, runs with
 * their frozen snapshots and objections, and the published grades. Snapshots and score corrections
 * are held immutable by the database: a snapshot's input and hash never change and its result is
 * written once.
 */
export class RatingRuns1796683555591 implements MigrationInterface {
  name = 'RatingRuns1796683555591';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "rating_framework" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "framework_key" character varying(64) NOT NULL, "version" character varying(64) NOT NULL, "name_zh" character varying(200) NOT NULL, "name_en" character varying(200) NOT NULL DEFAULT '', "effective_year" integer NOT NULL, "sample" boolean NOT NULL DEFAULT false, "definition" jsonb NOT NULL, "previous_version_id" uuid, "locked_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_by_name" character varying(64) NOT NULL, "revision" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c45c8af6bf6e625fe32972e40e9" UNIQUE ("framework_key", "version"), CONSTRAINT "PK_1aba4197fb2b9e45753951c0a60" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "rating_campaign" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "framework_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'open', "opens_on" date, "closes_on" date, "created_by_id" uuid, "created_by_name" character varying(64) NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_4f527830d891cd30f592b4a67ed" UNIQUE ("year"), CONSTRAINT "CHK_c898e21e39771e9d5520c0325e" CHECK ("status" IN ('open','closed')), CONSTRAINT "PK_9e9ddce67f68f1bdc0f2030da04" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "rating_campaign_assignment" ("campaign_id" uuid NOT NULL, "assessor_kind" character varying(32) NOT NULL, "indicator_key" character varying(128) NOT NULL, CONSTRAINT "CHK_2d941929fe3649470858de09bc" CHECK ("assessor_kind" IN ('district_inspection','third_party_monitoring','street_cross_inspection')), CONSTRAINT "PK_099f70ab4793fa5d1ff15e93596" PRIMARY KEY ("campaign_id", "assessor_kind", "indicator_key"))`,
    );
    await q.query(
      `CREATE TABLE "rating_cross_inspection" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "inspector_street_id" uuid NOT NULL, "community_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e4461bdd81b3653416cffd0f6b6" UNIQUE ("campaign_id", "community_id"), CONSTRAINT "PK_c250278ab342beea4d351789eb5" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_0217c343209717288f02a47d8d" ON "rating_cross_inspection"  ("campaign_id", "inspector_street_id") `,
    );
    await q.query(
      `CREATE TABLE "rating_assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "community_id" uuid NOT NULL, "indicator_key" character varying(128) NOT NULL, "assessor_kind" character varying(32) NOT NULL, "score" numeric(8,2) NOT NULL, "notes" text NOT NULL DEFAULT '', "status" character varying(16) NOT NULL DEFAULT 'draft', "entered_by_id" uuid, "entered_by_name" character varying(64) NOT NULL, "entered_by_role" character varying(32) NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_4162a6c5e2332c6f1e52976feb1" UNIQUE ("campaign_id", "community_id", "indicator_key", "assessor_kind"), CONSTRAINT "CHK_b3bc07a3a08b42628dea4cae13" CHECK ("status" = 'draft' OR "submitted_at" IS NOT NULL), CONSTRAINT "CHK_72bf70de0967c366cb75dbd8e5" CHECK ("score" >= 0), CONSTRAINT "CHK_02bed2ac1f330760661048d775" CHECK ("status" IN ('draft','submitted')), CONSTRAINT "CHK_5846383a3425f32aecf68ba7f6" CHECK ("assessor_kind" IN ('district_inspection','third_party_monitoring','street_cross_inspection')), CONSTRAINT "PK_09271fe0ea6152452ab7828d717" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_edb968af19d05e2805ee8ac098" ON "rating_assessment"  ("campaign_id", "assessor_kind", "community_id") `,
    );
    await q.query(
      `CREATE TABLE "rating_assessment_correction" ("id" BIGSERIAL NOT NULL, "assessment_id" uuid NOT NULL, "old_score" numeric(8,2) NOT NULL, "new_score" numeric(8,2) NOT NULL, "reason" text NOT NULL, "actor_id" uuid, "actor_name" character varying(64) NOT NULL, "actor_role" character varying(32) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0d22e58f94e01cac7f5ccc130ae" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_ae8b1c8674db610bbcaaaaf147" ON "rating_assessment_correction"  ("assessment_id", "at") `,
    );
    await q.query(
      `CREATE TABLE "rating_assessment_evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assessment_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "file_name" character varying(255) NOT NULL, "content_type" character varying(100) NOT NULL, "size_bytes" integer NOT NULL, "storage_key" character varying(128) NOT NULL, "sha256" character varying(64) NOT NULL, "uploaded_by_id" uuid, "uploaded_by_name" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_04c2b0839e9fd9f55c1569e347" CHECK ("kind" IN ('photo','document')), CONSTRAINT "PK_9cb12bd525edaefc5e46742eb9e" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_cefa184c84254948c1a8e047b7" ON "rating_assessment_evidence"  ("assessment_id") `,
    );
    await q.query(
      `CREATE TABLE "rating_disqualification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "community_id" uuid NOT NULL, "what" text NOT NULL, "occurred_on" date NOT NULL, "notice_reference" character varying(64) NOT NULL, "recorded_by_id" uuid, "recorded_by_name" character varying(64) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, "revoked_by_id" uuid, CONSTRAINT "PK_98d7f411a01bf38fc9c2c47b0a8" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_rating_disqualification_live" ON "rating_disqualification"  ("year", "community_id") WHERE "revoked_at" IS NULL`,
    );
    await q.query(
      `CREATE TABLE "rating_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'draft', "framework_id" uuid NOT NULL, "policy" jsonb NOT NULL DEFAULT '{}', "rating_date" date NOT NULL, "objection_window_days" integer NOT NULL DEFAULT '7', "review_opened_at" TIMESTAMP WITH TIME ZONE, "review_closes_at" TIMESTAMP WITH TIME ZONE, "snapshot_version" integer, "supersedes_run_id" uuid, "superseded_by_run_id" uuid, "note" text NOT NULL DEFAULT '', "created_by_id" uuid, "created_by_name" character varying(64) NOT NULL, "frozen_at" TIMESTAMP WITH TIME ZONE, "computed_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "published_by_id" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" text, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_06eb2fc0c7ac6437a966763f40" CHECK ("objection_window_days" BETWEEN 0 AND 60), CONSTRAINT "CHK_e08042adb8261806445ce2c951" CHECK ("status" IN ('draft','frozen','computed','in_review','published','cancelled')), CONSTRAINT "PK_c562bb048f4fda354345c8141c7" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_rating_run_open_year" ON "rating_run"  ("year") WHERE "status" IN ('draft','frozen','computed','in_review')`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_rating_run_published_year" ON "rating_run"  ("year") WHERE "status" = 'published' AND "superseded_by_run_id" IS NULL`,
    );
    await q.query(
      `CREATE TABLE "rating_run_snapshot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "run_id" uuid NOT NULL, "version" integer NOT NULL, "input" jsonb NOT NULL, "facts" jsonb NOT NULL, "content_hash" character varying(64) NOT NULL, "reason" text NOT NULL DEFAULT '', "created_by_id" uuid, "created_by_name" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "result" jsonb, "result_hash" character varying(64), "engine_version" character varying(32), "computed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_ff02d798e418f9d80c20bb291b8" UNIQUE ("run_id", "version"), CONSTRAINT "PK_2b455f117b9a12fcddf5c98d037" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "rating_objection" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "run_id" uuid NOT NULL, "community_id" uuid NOT NULL, "snapshot_version" integer NOT NULL, "indicator_key" character varying(128), "body" text NOT NULL, "filed_by_id" uuid, "filed_by_name" character varying(64) NOT NULL, "filed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'open', "answer" text, "answered_by_id" uuid, "answered_by_name" character varying(64), "answered_at" TIMESTAMP WITH TIME ZONE, "resulting_snapshot_version" integer, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_5f62017d43a0e7211fe9c7c808" CHECK ("status" = 'open' OR "answered_at" IS NOT NULL), CONSTRAINT "CHK_d93d5713dca5e0b5290b6df5e3" CHECK ("status" IN ('open','accepted','rejected')), CONSTRAINT "PK_213ca073c519844bed3c6a08d19" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_b0d592d4029c173235e24c9e84" ON "rating_objection"  ("run_id", "community_id") `,
    );
    await q.query(
      `CREATE TABLE "rating_grade" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "community_id" uuid NOT NULL, "grade" character varying(8) NOT NULL, "status" character varying(16), "total" numeric(6,2), "rank" integer, "rated_count" integer, "notice" boolean NOT NULL DEFAULT false, "recommended" boolean NOT NULL DEFAULT false, "source" character varying(16) NOT NULL, "run_id" uuid, "imported_by_id" uuid, "imported_by_name" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_eaa4b266d84f02f19cc722ca8f4" UNIQUE ("year", "community_id"), CONSTRAINT "CHK_5e0bbd61444ead7faf6391345e" CHECK ("source" = 'import' OR "run_id" IS NOT NULL), CONSTRAINT "CHK_a7a15c60eae3185511110ca519" CHECK ("source" IN ('run','import')), CONSTRAINT "CHK_896066ad082a142ce4871f4fcc" CHECK ("grade" IN ('AAA','AA','A','none')), CONSTRAINT "PK_705e36902a2eb06f968e59c5a65" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_eaa4b266d84f02f19cc722ca8f" ON "rating_grade"  ("community_id", "year") `,
    );
    await q.query(
      `ALTER TABLE "rating_framework" ADD CONSTRAINT "FK_4a69124288005cd7b8a661f662f" FOREIGN KEY ("previous_version_id") REFERENCES "rating_framework"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rating_campaign" ADD CONSTRAINT "FK_c0ca79c4475a237b2bfc90f1d63" FOREIGN KEY ("framework_id") REFERENCES "rating_framework"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rating_campaign_assignment" ADD CONSTRAINT "FK_1f2257ee22061d77b7d173455e8" FOREIGN KEY ("campaign_id") REFERENCES "rating_campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rating_cross_inspection" ADD CONSTRAINT "FK_d2b471ea0a8177aaaae6d6fa8f9" FOREIGN KEY ("campaign_id") REFERENCES "rating_campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rating_cross_inspection" ADD CONSTRAINT "FK_d7b2c58638754eae35301339bcd" FOREIGN KEY ("inspector_street_id") REFERENCES "street"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rating_cross_inspection" ADD CONSTRAINT "FK_e447f1f23e9bddfdeb9a01b72b3" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rating_assessment" ADD CONSTRAINT "FK_40d661e905ed60853fee2a133a5" FOREIGN KEY ("campaign_id") REFERENCES "rating_campaign"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rating_assessment" ADD CONSTRAINT "FK_6d9b8fd903fba9453f961a563d2" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rating_assessment_correction" ADD CONSTRAINT "FK_7fb81dbbb29a6bd708829e3baeb" FOREIGN KEY ("assessment_id") REFERENCES "rating_assessment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rating_assessment_evidence" ADD CONSTRAINT "FK_cefa184c84254948c1a8e047b71" FOREIGN KEY ("assessment_id") REFERENCES "rating_assessment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rating_disqualification" ADD CONSTRAINT "FK_45945f7913b2ed573f720ccddd0" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rating_run" ADD CONSTRAINT "FK_62a362cabf96f7ab4b6ed9b2ad1" FOREIGN KEY ("framework_id") REFERENCES "rating_framework"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rating_run" ADD CONSTRAINT "FK_b4fa230b7c71aa01d9fa9a3bf18" FOREIGN KEY ("supersedes_run_id") REFERENCES "rating_run"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rating_run" ADD CONSTRAINT "FK_3a0fd3169abe97966d61c8c3651" FOREIGN KEY ("superseded_by_run_id") REFERENCES "rating_run"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rating_run_snapshot" ADD CONSTRAINT "FK_4d5826f5d5aefe827285e305d25" FOREIGN KEY ("run_id") REFERENCES "rating_run"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rating_objection" ADD CONSTRAINT "FK_7bee0ab9b50f6dbd8fc042bd0d8" FOREIGN KEY ("run_id") REFERENCES "rating_run"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rating_objection" ADD CONSTRAINT "FK_c7f2b359dcb79bf07c8bbcd785f" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rating_grade" ADD CONSTRAINT "FK_3ce6ab66747e338f17b832ae858" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rating_grade" ADD CONSTRAINT "FK_88dd9d03da888033dcb3cc0d817" FOREIGN KEY ("run_id") REFERENCES "rating_run"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(`CREATE TRIGGER rating_assessment_correction_append_only BEFORE UPDATE OR DELETE ON "rating_assessment_correction"
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    // Column-list triggers, so that writing the result never compares the large frozen jsonb:
    // the frozen columns may not even be named in an UPDATE, and the result is written once.
    await q.query(`CREATE OR REPLACE FUNCTION rating_snapshot_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'rating_run_snapshot rows are immutable: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER rating_run_snapshot_frozen BEFORE UPDATE OF "id", "run_id", "version", "input", "facts", "content_hash", "reason", "created_by_id", "created_by_name", "created_at" ON "rating_run_snapshot"
      FOR EACH ROW EXECUTE FUNCTION rating_snapshot_refuse()`);
    await q.query(`CREATE OR REPLACE FUNCTION rating_snapshot_result_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.result_hash IS NOT NULL OR OLD.computed_at IS NOT NULL THEN
          RAISE EXCEPTION 'rating_run_snapshot rows are immutable (the result is written once)'
            USING ERRCODE = 'raise_exception';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER rating_run_snapshot_result_once BEFORE UPDATE OF "result", "result_hash", "engine_version", "computed_at" ON "rating_run_snapshot"
      FOR EACH ROW EXECUTE FUNCTION rating_snapshot_result_once()`);
    await q.query(`CREATE TRIGGER rating_run_snapshot_no_delete BEFORE DELETE ON "rating_run_snapshot"
      FOR EACH ROW EXECUTE FUNCTION rating_snapshot_refuse()`);
    await q.query(`CREATE TRIGGER rating_run_snapshot_no_truncate BEFORE TRUNCATE ON "rating_run_snapshot"
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TRIGGER IF EXISTS rating_run_snapshot_no_truncate ON "rating_run_snapshot"',
    );
    await q.query('DROP TRIGGER IF EXISTS rating_run_snapshot_no_delete ON "rating_run_snapshot"');
    await q.query(
      'DROP TRIGGER IF EXISTS rating_run_snapshot_result_once ON "rating_run_snapshot"',
    );
    await q.query('DROP FUNCTION IF EXISTS rating_snapshot_result_once()');
    await q.query('DROP TRIGGER IF EXISTS rating_run_snapshot_frozen ON "rating_run_snapshot"');
    await q.query('DROP FUNCTION IF EXISTS rating_snapshot_refuse()');
    await q.query(
      'DROP TRIGGER IF EXISTS rating_assessment_correction_append_only ON "rating_assessment_correction"',
    );
    await q.query(`ALTER TABLE "rating_grade" DROP CONSTRAINT "FK_88dd9d03da888033dcb3cc0d817"`);
    await q.query(`ALTER TABLE "rating_grade" DROP CONSTRAINT "FK_3ce6ab66747e338f17b832ae858"`);
    await q.query(
      `ALTER TABLE "rating_objection" DROP CONSTRAINT "FK_c7f2b359dcb79bf07c8bbcd785f"`,
    );
    await q.query(
      `ALTER TABLE "rating_objection" DROP CONSTRAINT "FK_7bee0ab9b50f6dbd8fc042bd0d8"`,
    );
    await q.query(
      `ALTER TABLE "rating_run_snapshot" DROP CONSTRAINT "FK_4d5826f5d5aefe827285e305d25"`,
    );
    await q.query(`ALTER TABLE "rating_run" DROP CONSTRAINT "FK_3a0fd3169abe97966d61c8c3651"`);
    await q.query(`ALTER TABLE "rating_run" DROP CONSTRAINT "FK_b4fa230b7c71aa01d9fa9a3bf18"`);
    await q.query(`ALTER TABLE "rating_run" DROP CONSTRAINT "FK_62a362cabf96f7ab4b6ed9b2ad1"`);
    await q.query(
      `ALTER TABLE "rating_disqualification" DROP CONSTRAINT "FK_45945f7913b2ed573f720ccddd0"`,
    );
    await q.query(
      `ALTER TABLE "rating_assessment_evidence" DROP CONSTRAINT "FK_cefa184c84254948c1a8e047b71"`,
    );
    await q.query(
      `ALTER TABLE "rating_assessment_correction" DROP CONSTRAINT "FK_7fb81dbbb29a6bd708829e3baeb"`,
    );
    await q.query(
      `ALTER TABLE "rating_assessment" DROP CONSTRAINT "FK_6d9b8fd903fba9453f961a563d2"`,
    );
    await q.query(
      `ALTER TABLE "rating_assessment" DROP CONSTRAINT "FK_40d661e905ed60853fee2a133a5"`,
    );
    await q.query(
      `ALTER TABLE "rating_cross_inspection" DROP CONSTRAINT "FK_e447f1f23e9bddfdeb9a01b72b3"`,
    );
    await q.query(
      `ALTER TABLE "rating_cross_inspection" DROP CONSTRAINT "FK_d7b2c58638754eae35301339bcd"`,
    );
    await q.query(
      `ALTER TABLE "rating_cross_inspection" DROP CONSTRAINT "FK_d2b471ea0a8177aaaae6d6fa8f9"`,
    );
    await q.query(
      `ALTER TABLE "rating_campaign_assignment" DROP CONSTRAINT "FK_1f2257ee22061d77b7d173455e8"`,
    );
    await q.query(`ALTER TABLE "rating_campaign" DROP CONSTRAINT "FK_c0ca79c4475a237b2bfc90f1d63"`);
    await q.query(
      `ALTER TABLE "rating_framework" DROP CONSTRAINT "FK_4a69124288005cd7b8a661f662f"`,
    );
    await q.query(`DROP INDEX "public"."IDX_eaa4b266d84f02f19cc722ca8f"`);
    await q.query(`DROP TABLE "rating_grade"`);
    await q.query(`DROP INDEX "public"."IDX_b0d592d4029c173235e24c9e84"`);
    await q.query(`DROP TABLE "rating_objection"`);
    await q.query(`DROP TABLE "rating_run_snapshot"`);
    await q.query(`DROP INDEX "public"."UQ_rating_run_published_year"`);
    await q.query(`DROP INDEX "public"."UQ_rating_run_open_year"`);
    await q.query(`DROP TABLE "rating_run"`);
    await q.query(`DROP INDEX "public"."UQ_rating_disqualification_live"`);
    await q.query(`DROP TABLE "rating_disqualification"`);
    await q.query(`DROP INDEX "public"."IDX_cefa184c84254948c1a8e047b7"`);
    await q.query(`DROP TABLE "rating_assessment_evidence"`);
    await q.query(`DROP INDEX "public"."IDX_ae8b1c8674db610bbcaaaaf147"`);
    await q.query(`DROP TABLE "rating_assessment_correction"`);
    await q.query(`DROP INDEX "public"."IDX_edb968af19d05e2805ee8ac098"`);
    await q.query(`DROP TABLE "rating_assessment"`);
    await q.query(`DROP INDEX "public"."IDX_0217c343209717288f02a47d8d"`);
    await q.query(`DROP TABLE "rating_cross_inspection"`);
    await q.query(`DROP TABLE "rating_campaign_assignment"`);
    await q.query(`DROP TABLE "rating_campaign"`);
    await q.query(`DROP TABLE "rating_framework"`);
  }
}
