import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceCases1795765947499 implements MigrationInterface {
  name = 'ServiceCases1795765947499';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "category" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "code" character varying(48) NOT NULL, "name_zh" character varying(64) NOT NULL, "name_en" character varying(128) NOT NULL, "accept_within_minutes" integer NOT NULL, "resolve_within_value" integer NOT NULL, "resolve_within_unit" character varying(16) NOT NULL, "follow_up_required" boolean NOT NULL DEFAULT true, "public_area" boolean NOT NULL DEFAULT false, "reply_templates" jsonb NOT NULL DEFAULT '[]', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_652a15c02538138f021f1320de8" UNIQUE ("code"), CONSTRAINT "CHK_262186c3ed0474dd90bd89525e" CHECK ("accept_within_minutes" > 0 AND "resolve_within_value" > 0), CONSTRAINT "CHK_1b08a91c8d95d575a9581b0878" CHECK ("resolve_within_unit" IN ('open_hours','working_days')), CONSTRAINT "CHK_ccd75e0d178a7d761426fdd085" CHECK ("kind" IN ('affair','inquiry','concern','dispute')), CONSTRAINT "PK_9c4e4a89e3674fc9f382d733f03" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "service_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(32) NOT NULL, "kind" character varying(16) NOT NULL, "category_id" uuid NOT NULL, "channel" character varying(16) NOT NULL, "status" character varying(20) NOT NULL, "community_id" uuid NOT NULL, "compound_id" uuid, "desk_id" uuid NOT NULL, "resident_id" uuid, "walk_in_name" character varying(64), "walk_in_phone" character varying(20), "assignee_id" uuid, "description" text NOT NULL, "place" character varying(200), "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "resolution" text, "rejection_reason" text, "reopen_count" integer NOT NULL DEFAULT '0', "repeat_of_id" uuid, "earlier_case_id" uuid, "repeat_decision" character varying(16), "repeat_decided_by_id" uuid, "repeat_decided_at" TIMESTAMP WITH TIME ZONE, "escalated" boolean NOT NULL DEFAULT false, "accept_due_at" TIMESTAMP WITH TIME ZONE, "resolve_due_at" TIMESTAMP WITH TIME ZONE, "pauses" jsonb NOT NULL DEFAULT '[]', "accept_overdue_at" TIMESTAMP WITH TIME ZONE, "resolve_overdue_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a0fefa2a12cdc2ce65a18405e26" UNIQUE ("number"), CONSTRAINT "CHK_09ba0dcab3c83ef73902f5ac74" CHECK ("resident_id" IS NOT NULL OR "walk_in_name" IS NOT NULL), CONSTRAINT "CHK_d40fb24e30b4e20b3cfd228ff9" CHECK ("repeat_decision" IS NULL OR "repeat_decision" IN ('linked','dismissed')), CONSTRAINT "CHK_94f581454786089c9a7f10e6d5" CHECK ("kind" IN ('affair','inquiry','concern','dispute')), CONSTRAINT "CHK_eb3d5e7c8fbc1f17948dac5a8a" CHECK ("channel" IN ('app','desk','phone','grid_patrol','hotline_12345','council')), CONSTRAINT "CHK_e3253988e9b7f942ef19d7ad6a" CHECK ("status" IN ('submitted','accepted','in_progress','waiting_resident','resolved','closed','rejected')), CONSTRAINT "PK_3bb7629c4152e1a9d9ae0668b91" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_d887ef1976dce495ce2b094a75" ON "service_case"  ("assignee_id") `,
    );
    await q.query(
      `CREATE INDEX "idx_case_place" ON "service_case"  ("compound_id", "category_id", "resolved_at") `,
    );
    await q.query(
      `CREATE INDEX "idx_case_resident" ON "service_case"  ("resident_id", "submitted_at") `,
    );
    await q.query(
      `CREATE INDEX "idx_case_community_status" ON "service_case"  ("community_id", "status", "submitted_at") `,
    );
    await q.query(
      `CREATE INDEX "idx_case_desk_queue" ON "service_case"  ("desk_id", "status", "resolve_due_at") `,
    );
    await q.query(
      `CREATE TABLE "case_event" ("id" BIGSERIAL NOT NULL, "case_id" uuid NOT NULL, "type" character varying(24) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_kind" character varying(16) NOT NULL, "actor_id" uuid, "actor_name" character varying(64), "from_status" character varying(20), "to_status" character varying(20), "note" text, "data" jsonb NOT NULL DEFAULT '{}', "community_id" uuid NOT NULL, "desk_id" uuid NOT NULL, "resident_id" uuid, "assignee_id" uuid, CONSTRAINT "PK_5b6e18b2d4fd178711a2269645e" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_4724ad9d52532b593ac735d7bb" ON "case_event"  ("resident_id", "id") `,
    );
    await q.query(
      `CREATE INDEX "IDX_2cb04e69d7207b9fe402b4a915" ON "case_event"  ("community_id", "id") `,
    );
    await q.query(
      `CREATE INDEX "IDX_04aaafed95a18040fa3a6506ff" ON "case_event"  ("desk_id", "id") `,
    );
    await q.query(
      `CREATE INDEX "IDX_711de5541284b22dd209597ac7" ON "case_event"  ("case_id", "id") `,
    );
    await q.query(
      `CREATE TABLE "case_mediation" ("case_id" uuid NOT NULL, "parties" jsonb NOT NULL, "mediator_name" character varying(64) NOT NULL, "sessions" jsonb NOT NULL DEFAULT '[]', "outcome" character varying(24), "agreement" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_1d5105808d5f38b098f2e5b92c" CHECK ("outcome" IS NULL OR "outcome" IN ('mediated','partially_mediated','failed','referred')), CONSTRAINT "PK_07c8e42d31bf2c92b305237822c" PRIMARY KEY ("case_id"))`,
    );
    await q.query(
      `CREATE TABLE "idempotency_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_id" uuid NOT NULL, "key" character varying(64) NOT NULL, "request_hash" character varying(64) NOT NULL, "case_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_9bc0c30f480ca1ce0cec0dbc6f2" UNIQUE ("actor_id", "key"), CONSTRAINT "PK_213f125e14469be304f9ff1d452" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "photo" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "uploader_kind" character varying(16) NOT NULL, "uploader_id" uuid NOT NULL, "case_id" uuid, "content_type" character varying(32) NOT NULL, "size_bytes" integer NOT NULL, "storage_key" character varying(128) NOT NULL, "sha256" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_723fa50bf70dcfd06fb5a44d4ff" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_7f64ac1edf2b66e295fb7f5fc1" ON "photo"  ("case_id") `);
    await q.query(
      `ALTER TABLE "service_case" ADD CONSTRAINT "FK_b7c3068db97a595d2053e928b98" FOREIGN KEY ("category_id") REFERENCES "category"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_case" ADD CONSTRAINT "FK_84bf6da7bd2742a26dbc5bb9122" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_case" ADD CONSTRAINT "FK_764d19924d9e3f382f275bda852" FOREIGN KEY ("compound_id") REFERENCES "compound"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_case" ADD CONSTRAINT "FK_6f9bcff1c3a761878e3de663111" FOREIGN KEY ("desk_id") REFERENCES "desk"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_case" ADD CONSTRAINT "FK_22286faddcaa6c7bd2afeeca4dc" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_case" ADD CONSTRAINT "FK_d887ef1976dce495ce2b094a75c" FOREIGN KEY ("assignee_id") REFERENCES "staff_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_case" ADD CONSTRAINT "FK_70390ad9847e6fe3f7e3141be6c" FOREIGN KEY ("repeat_of_id") REFERENCES "service_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "case_event" ADD CONSTRAINT "FK_85962fcd8d72296385c01a5dd45" FOREIGN KEY ("case_id") REFERENCES "service_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "case_mediation" ADD CONSTRAINT "FK_07c8e42d31bf2c92b305237822c" FOREIGN KEY ("case_id") REFERENCES "service_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "photo" ADD CONSTRAINT "FK_7f64ac1edf2b66e295fb7f5fc11" FOREIGN KEY ("case_id") REFERENCES "service_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "photo" DROP CONSTRAINT "FK_7f64ac1edf2b66e295fb7f5fc11"`);
    await q.query(`ALTER TABLE "case_mediation" DROP CONSTRAINT "FK_07c8e42d31bf2c92b305237822c"`);
    await q.query(`ALTER TABLE "case_event" DROP CONSTRAINT "FK_85962fcd8d72296385c01a5dd45"`);
    await q.query(`ALTER TABLE "service_case" DROP CONSTRAINT "FK_70390ad9847e6fe3f7e3141be6c"`);
    await q.query(`ALTER TABLE "service_case" DROP CONSTRAINT "FK_d887ef1976dce495ce2b094a75c"`);
    await q.query(`ALTER TABLE "service_case" DROP CONSTRAINT "FK_22286faddcaa6c7bd2afeeca4dc"`);
    await q.query(`ALTER TABLE "service_case" DROP CONSTRAINT "FK_6f9bcff1c3a761878e3de663111"`);
    await q.query(`ALTER TABLE "service_case" DROP CONSTRAINT "FK_764d19924d9e3f382f275bda852"`);
    await q.query(`ALTER TABLE "service_case" DROP CONSTRAINT "FK_84bf6da7bd2742a26dbc5bb9122"`);
    await q.query(`ALTER TABLE "service_case" DROP CONSTRAINT "FK_b7c3068db97a595d2053e928b98"`);
    await q.query(`DROP INDEX "public"."IDX_7f64ac1edf2b66e295fb7f5fc1"`);
    await q.query(`DROP TABLE "photo"`);
    await q.query(`DROP TABLE "idempotency_key"`);
    await q.query(`DROP TABLE "case_mediation"`);
    await q.query(`DROP INDEX "public"."IDX_711de5541284b22dd209597ac7"`);
    await q.query(`DROP INDEX "public"."IDX_04aaafed95a18040fa3a6506ff"`);
    await q.query(`DROP INDEX "public"."IDX_2cb04e69d7207b9fe402b4a915"`);
    await q.query(`DROP INDEX "public"."IDX_4724ad9d52532b593ac735d7bb"`);
    await q.query(`DROP TABLE "case_event"`);
    await q.query(`DROP INDEX "public"."idx_case_desk_queue"`);
    await q.query(`DROP INDEX "public"."idx_case_community_status"`);
    await q.query(`DROP INDEX "public"."idx_case_resident"`);
    await q.query(`DROP INDEX "public"."idx_case_place"`);
    await q.query(`DROP INDEX "public"."IDX_d887ef1976dce495ce2b094a75"`);
    await q.query(`DROP TABLE "service_case"`);
    await q.query(`DROP TABLE "category"`);
  }
}
