import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795764808082 implements MigrationInterface {
  name = 'InitialSchema1795764808082';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_kind" character varying(16) NOT NULL, "actor_id" uuid, "actor_name" character varying(64), "action" character varying(64) NOT NULL, "entity" character varying(64), "entity_id" character varying(64), "community_id" uuid, "ip" character varying(64), "request_id" character varying(64), "detail" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_d8e245cc527ebafc225c38ff10" ON "audit_log"  ("community_id") `,
    );
    await q.query(
      `CREATE INDEX "IDX_a6b8adfa094785bf8ed30f2688" ON "audit_log"  ("action", "at") `,
    );
    await q.query(
      `CREATE INDEX "IDX_a6f497513affa8dfa3c46f9c60" ON "audit_log"  ("community_id", "at") `,
    );
    await q.query(
      `CREATE TABLE "auth_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_kind" character varying(16) NOT NULL, "subject_id" uuid NOT NULL, "refresh_token_hash" character varying(64) NOT NULL, "refresh_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "ip" character varying(64), "user_agent" character varying(255), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_refreshed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_6f81acb0313c7556425790445e" CHECK ("subject_kind" IN ('staff','resident')), CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_91b9dd510e8d2069af814cafe6" ON "auth_session"  ("subject_id") `,
    );
    await q.query(
      `CREATE TABLE "otp_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "phone" character varying(20) NOT NULL, "code_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "consumed_at" TIMESTAMP WITH TIME ZONE, "ip" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c2c773c7da0f03da4a23c4066a7" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_2295650702dc2a1c52cd6d052e" ON "otp_code"  ("phone", "created_at") `,
    );
    await q.query(
      `CREATE TABLE "rate_limit_bucket" ("key" character varying(200) NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL, CONSTRAINT "PK_f1310cfeb2b77745eb48247c6c7" PRIMARY KEY ("key"))`,
    );
    await q.query(
      `CREATE TABLE "street" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(32) NOT NULL, "name" character varying(64) NOT NULL, "name_en" character varying(128) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_f98f404542190ee497e7936570a" UNIQUE ("code"), CONSTRAINT "PK_5629a676c74c04f5845b964469c" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "community" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "street_id" uuid NOT NULL, "code" character varying(32) NOT NULL, "name" character varying(64) NOT NULL, "name_en" character varying(128) NOT NULL, "first_elected_on" date, "households" integer NOT NULL DEFAULT '0', "registered_residents" integer NOT NULL DEFAULT '0', "address" character varying(255) NOT NULL DEFAULT '', "lat" double precision, "lng" double precision, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_6c471079ce436540a256071cd08" UNIQUE ("code"), CONSTRAINT "CHK_68e56c71698a3c82898d292dfa" CHECK ("households" >= 0 AND "registered_residents" >= 0), CONSTRAINT "PK_cae794115a383328e8923de4193" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_e62f1d0a841557560335b846ac" ON "community"  ("street_id") `);
    await q.query(
      `CREATE TABLE "compound" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "name" character varying(64) NOT NULL, "name_en" character varying(128) NOT NULL, "address" character varying(255) NOT NULL DEFAULT '', "households" integer NOT NULL DEFAULT '0', "lat" double precision, "lng" double precision, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_cd37651a64924a753e24b2908ee" UNIQUE ("community_id", "name"), CONSTRAINT "CHK_0ddb3457d822538a6076045405" CHECK ("households" >= 0), CONSTRAINT "PK_7c1ece19d1450b2ada0ad941789" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_6e0bf83e115b9806c4d1807708" ON "compound"  ("community_id") `);
    await q.query(
      `CREATE TABLE "desk" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "compound_id" uuid, "name" character varying(64) NOT NULL, "name_en" character varying(128) NOT NULL, "address" character varying(255) NOT NULL DEFAULT '', "lat" double precision NOT NULL, "lng" double precision NOT NULL, "area_sqm" numeric(8,2) NOT NULL, "phone" character varying(32), "weekly_hours" jsonb NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_7a6e397bda44dafe336f00d476" CHECK ("area_sqm" > 0), CONSTRAINT "PK_e6f737f60f3b11ef487d158831d" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_dfd25ef32fd6715218d69f0e6d" ON "desk"  ("community_id") `);
    await q.query(`CREATE INDEX "IDX_d043a03307e2ec4a7af194f10d" ON "desk"  ("compound_id") `);
    await q.query(
      `CREATE TABLE "desk_hours_exception" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "desk_id" uuid NOT NULL, "date" date NOT NULL, "intervals" jsonb NOT NULL, "note" character varying(200) NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_1478e61b1ddd70c6b930958c2cc" UNIQUE ("desk_id", "date"), CONSTRAINT "PK_6f0a4d45dba143be191c96f5e88" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_0715a434b4c57d91aeaa6d050b" ON "desk_hours_exception"  ("desk_id") `,
    );
    await q.query(
      `CREATE TABLE "grid" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "compound_id" uuid, "code" character varying(32) NOT NULL, "name" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_6d1b18c7c9cf21321053d4648b2" UNIQUE ("community_id", "code"), CONSTRAINT "PK_fe4aaa758ecdccd442f6b91855a" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_9456f1ff29d4434cc13583c635" ON "grid"  ("community_id") `);
    await q.query(`CREATE TABLE "staff_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "password_hash" character varying(255) NOT NULL, "display_name" character varying(64) NOT NULL, "phone" character varying(20), "role" character varying(32) NOT NULL, "scope_level" character varying(16) NOT NULL, "street_id" uuid, "community_id" uuid, "compound_id" uuid, "desk_id" uuid, "grid_id" uuid, "failed_attempts" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a7c945e39de97ad2b20e719fc28" UNIQUE ("username"), CONSTRAINT "CHK_0c53e7abef98d3b888a60f44e5" CHECK (("scope_level" = 'district' AND "street_id" IS NULL AND "community_id" IS NULL AND "compound_id" IS NULL)
   OR ("scope_level" = 'street' AND "street_id" IS NOT NULL AND "community_id" IS NULL AND "compound_id" IS NULL)
   OR ("scope_level" = 'community' AND "community_id" IS NOT NULL AND "compound_id" IS NULL)
   OR ("scope_level" = 'compound' AND "community_id" IS NOT NULL AND "compound_id" IS NOT NULL)), CONSTRAINT "CHK_92219b2c4550f866d16de85637" CHECK ("role" IN ('grid_worker','desk_staff','community_worker','community_admin','street_admin','bureau_admin','monitor')), CONSTRAINT "PK_4d2399aabd15dae3014759ae87d" PRIMARY KEY ("id"))`);
    await q.query(
      `CREATE INDEX "IDX_37d87071c5bd0a6facccd0c494" ON "staff_account"  ("community_id") `,
    );
    await q.query(
      `CREATE TABLE "resident" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(64) NOT NULL, "phone" character varying(20) NOT NULL, "id_number" character varying(32), "community_id" uuid NOT NULL, "compound_id" uuid, "is_foreign" boolean NOT NULL DEFAULT false, "nationality" character varying(2), "preferred_language" character varying(8) NOT NULL DEFAULT 'zh-CN', "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_active_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_5272c8f5c024dbbde6ac74b8b0f" UNIQUE ("phone"), CONSTRAINT "PK_f1a321823d6f69d0e348535fd37" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_88d0c170d394a6241e725523e2" ON "resident"  ("compound_id") `);
    await q.query(
      `CREATE INDEX "IDX_4db5ca4114ffa1ac2b040b7f7a" ON "resident"  ("community_id", "name") `,
    );
    await q.query(
      `ALTER TABLE "community" ADD CONSTRAINT "FK_e62f1d0a841557560335b846ac4" FOREIGN KEY ("street_id") REFERENCES "street"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "compound" ADD CONSTRAINT "FK_6e0bf83e115b9806c4d1807708d" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "desk" ADD CONSTRAINT "FK_dfd25ef32fd6715218d69f0e6df" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "desk" ADD CONSTRAINT "FK_d043a03307e2ec4a7af194f10db" FOREIGN KEY ("compound_id") REFERENCES "compound"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "desk_hours_exception" ADD CONSTRAINT "FK_0715a434b4c57d91aeaa6d050b4" FOREIGN KEY ("desk_id") REFERENCES "desk"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "grid" ADD CONSTRAINT "FK_9456f1ff29d4434cc13583c635a" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "grid" ADD CONSTRAINT "FK_674002b3289638892d982bbe29b" FOREIGN KEY ("compound_id") REFERENCES "compound"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "staff_account" ADD CONSTRAINT "FK_660d5b8cb767de1d251c07334fd" FOREIGN KEY ("street_id") REFERENCES "street"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "staff_account" ADD CONSTRAINT "FK_37d87071c5bd0a6facccd0c494d" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "staff_account" ADD CONSTRAINT "FK_a79b979999e3d5bc01b8a771b1f" FOREIGN KEY ("compound_id") REFERENCES "compound"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "staff_account" ADD CONSTRAINT "FK_978271446fd3b684da468284bcd" FOREIGN KEY ("desk_id") REFERENCES "desk"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "staff_account" ADD CONSTRAINT "FK_a9bbfabd88458fab84523f6dbe1" FOREIGN KEY ("grid_id") REFERENCES "grid"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "resident" ADD CONSTRAINT "FK_2c296beae8e0a64b5ee39e6b443" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "resident" ADD CONSTRAINT "FK_88d0c170d394a6241e725523e28" FOREIGN KEY ("compound_id") REFERENCES "compound"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "resident" DROP CONSTRAINT "FK_88d0c170d394a6241e725523e28"`);
    await q.query(`ALTER TABLE "resident" DROP CONSTRAINT "FK_2c296beae8e0a64b5ee39e6b443"`);
    await q.query(`ALTER TABLE "staff_account" DROP CONSTRAINT "FK_a9bbfabd88458fab84523f6dbe1"`);
    await q.query(`ALTER TABLE "staff_account" DROP CONSTRAINT "FK_978271446fd3b684da468284bcd"`);
    await q.query(`ALTER TABLE "staff_account" DROP CONSTRAINT "FK_a79b979999e3d5bc01b8a771b1f"`);
    await q.query(`ALTER TABLE "staff_account" DROP CONSTRAINT "FK_37d87071c5bd0a6facccd0c494d"`);
    await q.query(`ALTER TABLE "staff_account" DROP CONSTRAINT "FK_660d5b8cb767de1d251c07334fd"`);
    await q.query(`ALTER TABLE "grid" DROP CONSTRAINT "FK_674002b3289638892d982bbe29b"`);
    await q.query(`ALTER TABLE "grid" DROP CONSTRAINT "FK_9456f1ff29d4434cc13583c635a"`);
    await q.query(
      `ALTER TABLE "desk_hours_exception" DROP CONSTRAINT "FK_0715a434b4c57d91aeaa6d050b4"`,
    );
    await q.query(`ALTER TABLE "desk" DROP CONSTRAINT "FK_d043a03307e2ec4a7af194f10db"`);
    await q.query(`ALTER TABLE "desk" DROP CONSTRAINT "FK_dfd25ef32fd6715218d69f0e6df"`);
    await q.query(`ALTER TABLE "compound" DROP CONSTRAINT "FK_6e0bf83e115b9806c4d1807708d"`);
    await q.query(`ALTER TABLE "community" DROP CONSTRAINT "FK_e62f1d0a841557560335b846ac4"`);
    await q.query(`DROP INDEX "public"."IDX_4db5ca4114ffa1ac2b040b7f7a"`);
    await q.query(`DROP INDEX "public"."IDX_88d0c170d394a6241e725523e2"`);
    await q.query(`DROP TABLE "resident"`);
    await q.query(`DROP INDEX "public"."IDX_37d87071c5bd0a6facccd0c494"`);
    await q.query(`DROP TABLE "staff_account"`);
    await q.query(`DROP INDEX "public"."IDX_9456f1ff29d4434cc13583c635"`);
    await q.query(`DROP TABLE "grid"`);
    await q.query(`DROP INDEX "public"."IDX_0715a434b4c57d91aeaa6d050b"`);
    await q.query(`DROP TABLE "desk_hours_exception"`);
    await q.query(`DROP INDEX "public"."IDX_d043a03307e2ec4a7af194f10d"`);
    await q.query(`DROP INDEX "public"."IDX_dfd25ef32fd6715218d69f0e6d"`);
    await q.query(`DROP TABLE "desk"`);
    await q.query(`DROP INDEX "public"."IDX_6e0bf83e115b9806c4d1807708"`);
    await q.query(`DROP TABLE "compound"`);
    await q.query(`DROP INDEX "public"."IDX_e62f1d0a841557560335b846ac"`);
    await q.query(`DROP TABLE "community"`);
    await q.query(`DROP TABLE "street"`);
    await q.query(`DROP TABLE "rate_limit_bucket"`);
    await q.query(`DROP INDEX "public"."IDX_2295650702dc2a1c52cd6d052e"`);
    await q.query(`DROP TABLE "otp_code"`);
    await q.query(`DROP INDEX "public"."IDX_91b9dd510e8d2069af814cafe6"`);
    await q.query(`DROP TABLE "auth_session"`);
    await q.query(`DROP INDEX "public"."IDX_a6f497513affa8dfa3c46f9c60"`);
    await q.query(`DROP INDEX "public"."IDX_a6b8adfa094785bf8ed30f2688"`);
    await q.query(`DROP INDEX "public"."IDX_d8e245cc527ebafc225c38ff10"`);
    await q.query(`DROP TABLE "audit_log"`);
  }
}
