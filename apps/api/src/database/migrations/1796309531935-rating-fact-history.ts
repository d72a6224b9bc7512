import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The history of the facts the rating rests on (election date, households, registered residents,
 * desk area): who changed what, from what, and why. Append-only, held by the database itself.
 */
export class RatingFactHistory1796309531935 implements MigrationInterface {
  name = 'RatingFactHistory1796309531935';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "community_fact_change" ("id" BIGSERIAL NOT NULL, "community_id" uuid NOT NULL, "desk_id" uuid, "field" character varying(32) NOT NULL, "old_value" text, "new_value" text, "reason" character varying(500) NOT NULL, "actor_id" uuid NOT NULL, "actor_name" character varying(64) NOT NULL, "actor_role" character varying(32) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_f26514cfcf4600d6888b539a05" CHECK ("field" IN ('firstElectedOn','households','registeredResidents','areaSqm')), CONSTRAINT "PK_a11f36648d8837a5d83ae6b987c" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_48f52333c75adabd7b405148c1" ON "community_fact_change"  ("desk_id") `,
    );
    await q.query(
      `CREATE INDEX "IDX_be0a62266bacd4e60ba2770fdd" ON "community_fact_change"  ("community_id", "at") `,
    );
    await q.query(
      `ALTER TABLE "community_fact_change" ADD CONSTRAINT "FK_a72ae21decc7e6a13c8f9fb0be7" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "community_fact_change" ADD CONSTRAINT "FK_48f52333c75adabd7b405148c18" FOREIGN KEY ("desk_id") REFERENCES "desk"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(`CREATE TRIGGER community_fact_change_append_only BEFORE UPDATE OR DELETE ON "community_fact_change"
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER community_fact_change_no_truncate BEFORE TRUNCATE ON "community_fact_change"
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TRIGGER IF EXISTS community_fact_change_no_truncate ON "community_fact_change"',
    );
    await q.query(
      'DROP TRIGGER IF EXISTS community_fact_change_append_only ON "community_fact_change"',
    );
    await q.query(
      `ALTER TABLE "community_fact_change" DROP CONSTRAINT "FK_48f52333c75adabd7b405148c18"`,
    );
    await q.query(
      `ALTER TABLE "community_fact_change" DROP CONSTRAINT "FK_a72ae21decc7e6a13c8f9fb0be7"`,
    );
    await q.query(`DROP INDEX "public"."IDX_be0a62266bacd4e60ba2770fdd"`);
    await q.query(`DROP INDEX "public"."IDX_48f52333c75adabd7b405148c1"`);
    await q.query(`DROP TABLE "community_fact_change"`);
  }
}
