import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One event stream for every domain, and the durable reactions fed from it. */
export class EventStream1796315050886 implements MigrationInterface {
  name = 'EventStream1796315050886';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "domain_event" ("id" BIGSERIAL NOT NULL, "name" character varying(48) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "subject_type" character varying(24) NOT NULL, "subject_id" uuid NOT NULL, "community_id" uuid, "rooms" text array NOT NULL DEFAULT '{}', "actor_kind" character varying(16) NOT NULL, "actor_id" uuid, "actor_name" character varying(64), "reason" character varying(48), "data" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "CHK_d61ca9428ba9f3b04b0b54b908" CHECK ("actor_kind" IN ('staff','resident','system')), CONSTRAINT "PK_f901502d0301da69fb8cebbb8f2" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_b37d13b14df1d5faadd8960ff8" ON "domain_event"  ("community_id", "id") `,
    );
    await q.query(
      `CREATE INDEX "IDX_63067dabf0aad17bdcfa773676" ON "domain_event"  ("subject_type", "subject_id", "id") `,
    );
    await q.query(
      `CREATE TABLE "event_reaction" ("reactor" character varying(64) NOT NULL, "event_id" bigint NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "run_after" TIMESTAMP WITH TIME ZONE NOT NULL, "last_error" text, CONSTRAINT "PK_d2e4ed6b32c0900e23dca3c7080" PRIMARY KEY ("reactor", "event_id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_40f9a88e3d73d7802671c3cc8f" ON "event_reaction"  ("run_after") `,
    );
    await q.query(
      `ALTER TABLE "event_reaction" ADD CONSTRAINT "FK_4aa177129e43cf67e2a6d9fda5c" FOREIGN KEY ("event_id") REFERENCES "domain_event"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Replay "after id N" for one room.
    await q.query('CREATE INDEX idx_domain_event_rooms ON domain_event USING gin (rooms)');
    // The stream is history: the database refuses to change or remove an event.
    await q.query(`CREATE TRIGGER domain_event_append_only BEFORE UPDATE OR DELETE ON "domain_event"
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER domain_event_no_truncate BEFORE TRUNCATE ON "domain_event"
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS domain_event_no_truncate ON "domain_event"');
    await q.query('DROP TRIGGER IF EXISTS domain_event_append_only ON "domain_event"');
    await q.query('DROP INDEX IF EXISTS idx_domain_event_rooms');
    await q.query(`ALTER TABLE "event_reaction" DROP CONSTRAINT "FK_4aa177129e43cf67e2a6d9fda5c"`);
    await q.query(`DROP INDEX "public"."IDX_40f9a88e3d73d7802671c3cc8f"`);
    await q.query(`DROP TABLE "event_reaction"`);
    await q.query(`DROP INDEX "public"."IDX_63067dabf0aad17bdcfa773676"`);
    await q.query(`DROP INDEX "public"."IDX_b37d13b14df1d5faadd8960ff8"`);
    await q.query(`DROP TABLE "domain_event"`);
  }
}
