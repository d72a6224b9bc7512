import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Follow-ups (回访): tasks, their append-only attempts, appeals, and the category's script. */
export class FollowUps1796400000000 implements MigrationInterface {
  name = 'FollowUps1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "follow_up_task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "community_id" uuid NOT NULL, "compound_id" uuid, "resident_id" uuid, "assignee_id" uuid, "status" character varying(16) NOT NULL, "round" integer NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "first_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "tries" integer NOT NULL DEFAULT '0', "overdue_at" TIMESTAMP WITH TIME ZONE, "verdict" character varying(16), "completed_at" TIMESTAMP WITH TIME ZONE, "result_attempt_id" uuid, "rework_due_at" TIMESTAMP WITH TIME ZONE, "invited_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_e7994b6e03f18c92e4f54ab96d" CHECK (("status" = 'open') = ("completed_at" IS NULL)), CONSTRAINT "CHK_258dd835bcc35e71057a778d96" CHECK ("verdict" IS NULL OR "verdict" IN ('close','reopen')), CONSTRAINT "CHK_70c64f4c6b110b8b9849e9c227" CHECK ("status" IN ('open','done','unreachable')), CONSTRAINT "PK_e14f926bb57c06a45be03e312c7" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_0bf7198a4923e48c753c16d5be" ON "follow_up_task"  ("case_id", "round") `,
    );
    await q.query(
      `CREATE INDEX "IDX_0cec977e1ac5f75def6bf1d392" ON "follow_up_task"  ("community_id", "first_due_at") `,
    );
    await q.query(
      `CREATE INDEX "IDX_0d89126e85df68b3fd4bf083d4" ON "follow_up_task"  ("community_id", "status", "due_at") `,
    );
    await q.query(
      `CREATE INDEX "IDX_44062029465517d71e4dd714ce" ON "follow_up_task"  ("assignee_id", "status", "due_at") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_follow_up_task_open_case" ON "follow_up_task"  ("case_id") WHERE "status" = 'open'`,
    );
    await q.query(
      `CREATE TABLE "follow_up_attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "case_id" uuid NOT NULL, "community_id" uuid NOT NULL, "method" character varying(16) NOT NULL, "outcome" character varying(16) NOT NULL, "satisfaction" character varying(24), "solved" character varying(8), "notes" text, "recorded_by_kind" character varying(16) NOT NULL, "recorded_by_id" uuid NOT NULL, "recorded_by_name" character varying(64) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "supersedes_id" uuid, "supersede_reason" text, "idempotency_key" character varying(64), "request_hash" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_21f63674ed0a09c08b0c42a3c40" UNIQUE ("recorded_by_id", "idempotency_key"), CONSTRAINT "CHK_d823e348d5bf9b75d193f6050a" CHECK ("recorded_by_kind" IN ('staff','resident')), CONSTRAINT "CHK_b80940664aac36a0e56ac5079c" CHECK (("supersedes_id" IS NULL) = ("supersede_reason" IS NULL)), CONSTRAINT "CHK_f0d50092292a31424f6c9047e8" CHECK (("outcome" = 'reached') = ("satisfaction" IS NOT NULL AND "solved" IS NOT NULL)), CONSTRAINT "CHK_6d76ec6a9c95872b7c0087eb24" CHECK ("solved" IS NULL OR "solved" IN ('yes','partly','no')), CONSTRAINT "CHK_d4d813d2d12de572b2cfe5ef3e" CHECK ("satisfaction" IS NULL OR "satisfaction" IN ('very_satisfied','satisfied','basically_satisfied','dissatisfied','very_dissatisfied')), CONSTRAINT "CHK_2e0602f5fbd59c0a940115392d" CHECK ("outcome" IN ('reached','unreachable','declined')), CONSTRAINT "CHK_2a66c38d78c00fd4a6f8b0e307" CHECK ("method" IN ('phone','visit','in_person','app')), CONSTRAINT "PK_2b2c514a3c8ef5ef0d8377d757a" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_50ea772755328548accff17084" ON "follow_up_attempt"  ("community_id", "recorded_at") `,
    );
    await q.query(
      `CREATE INDEX "IDX_03cba3962048e21426aabe0b9e" ON "follow_up_attempt"  ("task_id", "recorded_at") `,
    );
    await q.query(
      `CREATE TABLE "follow_up_appeal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "attempt_id" uuid NOT NULL, "task_id" uuid NOT NULL, "case_id" uuid NOT NULL, "community_id" uuid NOT NULL, "street_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "reason" text NOT NULL, "evidence" text NOT NULL, "appealed_by_id" uuid NOT NULL, "appealed_by_name" character varying(64) NOT NULL, "appealed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_by_id" uuid, "decided_by_name" character varying(64), "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_05bbc3fe0963cc2981f3943337e" UNIQUE ("attempt_id"), CONSTRAINT "CHK_534bd50f6f7001207fae547f62" CHECK (("status" = 'pending') = ("decided_at" IS NULL)), CONSTRAINT "CHK_54f9d7b2933c0708eb1b9c0f18" CHECK ("status" IN ('pending','upheld','rejected')), CONSTRAINT "PK_633fd9e1790935dce67d5fca1f8" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_693617d6e0cbcf804c5d3b41f5" ON "follow_up_appeal"  ("street_id", "status") `,
    );
    await q.query(
      `CREATE INDEX "IDX_ef0a426d8b6e0e4f260e49128a" ON "follow_up_appeal"  ("community_id", "status") `,
    );
    await q.query(`ALTER TABLE "category" ADD "follow_up_script" jsonb`);
    await q.query(
      `ALTER TABLE "follow_up_task" ADD CONSTRAINT "FK_a84133875ea908853eea016c543" FOREIGN KEY ("case_id") REFERENCES "service_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "follow_up_task" ADD CONSTRAINT "FK_de3531dd0f6dad9dfacc30ca118" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "follow_up_task" ADD CONSTRAINT "FK_d5421613031d567188d807bd2e4" FOREIGN KEY ("assignee_id") REFERENCES "staff_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "follow_up_attempt" ADD CONSTRAINT "FK_b8e7f1127b494a047d927412def" FOREIGN KEY ("task_id") REFERENCES "follow_up_task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "follow_up_attempt" ADD CONSTRAINT "FK_9536325f50288f7d4503dfbd1ae" FOREIGN KEY ("supersedes_id") REFERENCES "follow_up_attempt"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "follow_up_appeal" ADD CONSTRAINT "FK_05bbc3fe0963cc2981f3943337e" FOREIGN KEY ("attempt_id") REFERENCES "follow_up_attempt"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Attempts are history: the database refuses to change or remove one.
    await q.query(`CREATE TRIGGER follow_up_attempt_append_only BEFORE UPDATE OR DELETE ON "follow_up_attempt"
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER follow_up_attempt_no_truncate BEFORE TRUNCATE ON "follow_up_attempt"
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS follow_up_attempt_no_truncate ON "follow_up_attempt"');
    await q.query('DROP TRIGGER IF EXISTS follow_up_attempt_append_only ON "follow_up_attempt"');
    await q.query(
      `ALTER TABLE "follow_up_appeal" DROP CONSTRAINT "FK_05bbc3fe0963cc2981f3943337e"`,
    );
    await q.query(
      `ALTER TABLE "follow_up_attempt" DROP CONSTRAINT "FK_9536325f50288f7d4503dfbd1ae"`,
    );
    await q.query(
      `ALTER TABLE "follow_up_attempt" DROP CONSTRAINT "FK_b8e7f1127b494a047d927412def"`,
    );
    await q.query(`ALTER TABLE "follow_up_task" DROP CONSTRAINT "FK_d5421613031d567188d807bd2e4"`);
    await q.query(`ALTER TABLE "follow_up_task" DROP CONSTRAINT "FK_de3531dd0f6dad9dfacc30ca118"`);
    await q.query(`ALTER TABLE "follow_up_task" DROP CONSTRAINT "FK_a84133875ea908853eea016c543"`);
    await q.query(`ALTER TABLE "category" DROP COLUMN "follow_up_script"`);
    await q.query(`DROP INDEX "public"."IDX_ef0a426d8b6e0e4f260e49128a"`);
    await q.query(`DROP INDEX "public"."IDX_693617d6e0cbcf804c5d3b41f5"`);
    await q.query(`DROP TABLE "follow_up_appeal"`);
    await q.query(`DROP INDEX "public"."IDX_03cba3962048e21426aabe0b9e"`);
    await q.query(`DROP INDEX "public"."IDX_50ea772755328548accff17084"`);
    await q.query(`DROP TABLE "follow_up_attempt"`);
    await q.query(`DROP INDEX "public"."uq_follow_up_task_open_case"`);
    await q.query(`DROP INDEX "public"."IDX_44062029465517d71e4dd714ce"`);
    await q.query(`DROP INDEX "public"."IDX_0d89126e85df68b3fd4bf083d4"`);
    await q.query(`DROP INDEX "public"."IDX_0cec977e1ac5f75def6bf1d392"`);
    await q.query(`DROP INDEX "public"."IDX_0bf7198a4923e48c753c16d5be"`);
    await q.query(`DROP TABLE "follow_up_task"`);
  }
}
