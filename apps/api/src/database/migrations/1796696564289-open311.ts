import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Open3111796696564289 implements MigrationInterface {
  name = 'Open3111796696564289';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "service_case" DROP CONSTRAINT "CHK_eb3d5e7c8fbc1f17948dac5a8a"`);
    await q.query(`ALTER TABLE "service_case" DROP CONSTRAINT "CHK_4e16e03646a8b0657363c07ff8"`);
    await q.query(`ALTER TABLE "domain_event" DROP CONSTRAINT "CHK_d61ca9428ba9f3b04b0b54b908"`);
    await q.query(
      `CREATE TABLE "api_client" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(80) NOT NULL, "contact" character varying(200), "channel" character varying(16) NOT NULL, "key_prefix" character varying(16) NOT NULL, "key_hash" character varying(64) NOT NULL, "category_codes" text array NOT NULL DEFAULT '{}', "street_ids" uuid array NOT NULL DEFAULT '{}', "rate_limit_per_minute" integer NOT NULL DEFAULT '60', "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by_id" uuid, "revoke_reason" text, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "UQ_fdadb7da6b922b466b7fd4b0214" UNIQUE ("key_hash"), CONSTRAINT "CHK_023d3aaecd2090cffecae2d3b3" CHECK (("revoked_at" IS NULL) = ("revoke_reason" IS NULL)), CONSTRAINT "CHK_45deb4dc9a4d3a1f4bc54d3f62" CHECK ("rate_limit_per_minute" BETWEEN 1 AND 100000), CONSTRAINT "CHK_b2822b4ee8dea66d5fada06a0d" CHECK ("channel" IN ('open311','hotline_12345')), CONSTRAINT "PK_82a5ec6981d2be903a9eb1d9b9a" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "api_client_usage" ("client_id" uuid NOT NULL, "minute" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_554ebc41a607f45e55e041c74b8" PRIMARY KEY ("client_id", "minute"))`,
    );
    await q.query(
      `CREATE TABLE "open311_token" ("token" character varying(40) NOT NULL, "client_id" uuid NOT NULL, "case_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3e5901c358fb8e872a2e274f87a" PRIMARY KEY ("token"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_b96fe301af144cc49156d9a064" ON "open311_token"  ("client_id", "created_at") `,
    );
    await q.query(`ALTER TABLE "category" ADD "public" boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE "category" ADD "description_zh" text`);
    await q.query(`ALTER TABLE "category" ADD "description_en" text`);
    await q.query(`ALTER TABLE "category" ADD "keywords" text array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "category" ADD "fields" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE "service_case" ADD "lat" double precision`);
    await q.query(`ALTER TABLE "service_case" ADD "lng" double precision`);
    await q.query(`ALTER TABLE "service_case" ADD "api_client_id" uuid`);
    await q.query(`ALTER TABLE "service_case" ADD "attributes" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "service_case" ADD "media_url" character varying(1000)`);
    await q.query(`ALTER TABLE "service_case" ADD "submitter" jsonb`);
    await q.query(
      `CREATE INDEX "IDX_fdfd4534349425b6b94437cd50" ON "service_case"  ("api_client_id") `,
    );
    await q.query(`CREATE INDEX "idx_case_submitted" ON "service_case"  ("submitted_at") `);
    await q.query(
      `ALTER TABLE "service_case" ADD CONSTRAINT "CHK_d201cc99501fdee4312cda41b3" CHECK (("lat" IS NULL) = ("lng" IS NULL))`,
    );
    await q.query(
      `ALTER TABLE "service_case" ADD CONSTRAINT "CHK_f8de881c8106f78cb8f04abc65" CHECK ("resident_id" IS NOT NULL OR "walk_in_name" IS NOT NULL OR "channel" = 'grid_patrol' OR "api_client_id" IS NOT NULL)`,
    );
    await q.query(
      `ALTER TABLE "service_case" ADD CONSTRAINT "CHK_614d73eb8b3a0c08dfe571ad26" CHECK ("channel" IN ('app','desk','phone','grid_patrol','hotline_12345','council','open311'))`,
    );
    await q.query(
      `ALTER TABLE "domain_event" ADD CONSTRAINT "CHK_ecd5440bc654edd712eaf0d361" CHECK ("actor_kind" IN ('staff','resident','system','client'))`,
    );
    await q.query(
      `ALTER TABLE "api_client" ADD CONSTRAINT "FK_e25d8bd548c0117e89507900c62" FOREIGN KEY ("created_by_id") REFERENCES "staff_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "api_client" ADD CONSTRAINT "FK_e197934cb2345e656f566ab25a0" FOREIGN KEY ("revoked_by_id") REFERENCES "staff_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "api_client_usage" ADD CONSTRAINT "FK_32c0700ce1c62c76c64966ffdc5" FOREIGN KEY ("client_id") REFERENCES "api_client"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "open311_token" ADD CONSTRAINT "FK_13db0aa831465244835cf0919e2" FOREIGN KEY ("client_id") REFERENCES "api_client"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "open311_token" ADD CONSTRAINT "FK_dada091f543a6dee0afa38523ff" FOREIGN KEY ("case_id") REFERENCES "service_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "service_case" ADD CONSTRAINT "FK_fdfd4534349425b6b94437cd50e" FOREIGN KEY ("api_client_id") REFERENCES "api_client"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "service_case" DROP CONSTRAINT "FK_fdfd4534349425b6b94437cd50e"`);
    await q.query(`ALTER TABLE "open311_token" DROP CONSTRAINT "FK_dada091f543a6dee0afa38523ff"`);
    await q.query(`ALTER TABLE "open311_token" DROP CONSTRAINT "FK_13db0aa831465244835cf0919e2"`);
    await q.query(
      `ALTER TABLE "api_client_usage" DROP CONSTRAINT "FK_32c0700ce1c62c76c64966ffdc5"`,
    );
    await q.query(`ALTER TABLE "api_client" DROP CONSTRAINT "FK_e197934cb2345e656f566ab25a0"`);
    await q.query(`ALTER TABLE "api_client" DROP CONSTRAINT "FK_e25d8bd548c0117e89507900c62"`);
    await q.query(`ALTER TABLE "domain_event" DROP CONSTRAINT "CHK_ecd5440bc654edd712eaf0d361"`);
    await q.query(`ALTER TABLE "service_case" DROP CONSTRAINT "CHK_614d73eb8b3a0c08dfe571ad26"`);
    await q.query(`ALTER TABLE "service_case" DROP CONSTRAINT "CHK_f8de881c8106f78cb8f04abc65"`);
    await q.query(`ALTER TABLE "service_case" DROP CONSTRAINT "CHK_d201cc99501fdee4312cda41b3"`);
    await q.query(`DROP INDEX "public"."idx_case_submitted"`);
    await q.query(`DROP INDEX "public"."IDX_fdfd4534349425b6b94437cd50"`);
    await q.query(`ALTER TABLE "service_case" DROP COLUMN "submitter"`);
    await q.query(`ALTER TABLE "service_case" DROP COLUMN "media_url"`);
    await q.query(`ALTER TABLE "service_case" DROP COLUMN "attributes"`);
    await q.query(`ALTER TABLE "service_case" DROP COLUMN "api_client_id"`);
    await q.query(`ALTER TABLE "service_case" DROP COLUMN "lng"`);
    await q.query(`ALTER TABLE "service_case" DROP COLUMN "lat"`);
    await q.query(`ALTER TABLE "category" DROP COLUMN "fields"`);
    await q.query(`ALTER TABLE "category" DROP COLUMN "keywords"`);
    await q.query(`ALTER TABLE "category" DROP COLUMN "description_en"`);
    await q.query(`ALTER TABLE "category" DROP COLUMN "description_zh"`);
    await q.query(`ALTER TABLE "category" DROP COLUMN "public"`);
    await q.query(`DROP INDEX "public"."IDX_b96fe301af144cc49156d9a064"`);
    await q.query(`DROP TABLE "open311_token"`);
    await q.query(`DROP TABLE "api_client_usage"`);
    await q.query(`DROP TABLE "api_client"`);
    await q.query(
      `ALTER TABLE "domain_event" ADD CONSTRAINT "CHK_d61ca9428ba9f3b04b0b54b908" CHECK (((actor_kind)::text = ANY ((ARRAY['staff'::character varying, 'resident'::character varying, 'system'::character varying])::text[])))`,
    );
    await q.query(
      `ALTER TABLE "service_case" ADD CONSTRAINT "CHK_4e16e03646a8b0657363c07ff8" CHECK (((resident_id IS NOT NULL) OR (walk_in_name IS NOT NULL) OR ((channel)::text = 'grid_patrol'::text)))`,
    );
    await q.query(
      `ALTER TABLE "service_case" ADD CONSTRAINT "CHK_eb3d5e7c8fbc1f17948dac5a8a" CHECK (((channel)::text = ANY ((ARRAY['app'::character varying, 'desk'::character varying, 'phone'::character varying, 'grid_patrol'::character varying, 'hotline_12345'::character varying, 'council'::character varying])::text[])))`,
    );
  }
}
