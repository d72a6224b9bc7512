import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * English for foreign residents (issue 8): communities, compounds and desks get an English
 * address, and the English names become optional (empty: the front ends show the Chinese).
 */
export class EnglishNames1796338997452 implements MigrationInterface {
  name = 'EnglishNames1796338997452';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "community" ADD "address_en" character varying(255) NOT NULL DEFAULT ''`,
    );
    await q.query(
      `ALTER TABLE "compound" ADD "address_en" character varying(255) NOT NULL DEFAULT ''`,
    );
    await q.query(`ALTER TABLE "desk" ADD "address_en" character varying(255) NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "street" ALTER COLUMN "name_en" SET DEFAULT ''`);
    await q.query(`ALTER TABLE "community" ALTER COLUMN "name_en" SET DEFAULT ''`);
    await q.query(`ALTER TABLE "compound" ALTER COLUMN "name_en" SET DEFAULT ''`);
    await q.query(`ALTER TABLE "desk" ALTER COLUMN "name_en" SET DEFAULT ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "desk" ALTER COLUMN "name_en" DROP DEFAULT`);
    await q.query(`ALTER TABLE "compound" ALTER COLUMN "name_en" DROP DEFAULT`);
    await q.query(`ALTER TABLE "community" ALTER COLUMN "name_en" DROP DEFAULT`);
    await q.query(`ALTER TABLE "street" ALTER COLUMN "name_en" DROP DEFAULT`);
    await q.query(`ALTER TABLE "desk" DROP COLUMN "address_en"`);
    await q.query(`ALTER TABLE "compound" DROP COLUMN "address_en"`);
    await q.query(`ALTER TABLE "community" DROP COLUMN "address_en"`);
  }
}
