import type { MigrationInterface, QueryRunner } from 'typeorm';

export class GridPatrolWithoutResident1795767354509 implements MigrationInterface {
  name = 'GridPatrolWithoutResident1795767354509';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "service_case" DROP CONSTRAINT "CHK_09ba0dcab3c83ef73902f5ac74"`);
    await q.query(
      `ALTER TABLE "service_case" ADD CONSTRAINT "CHK_4e16e03646a8b0657363c07ff8" CHECK ("resident_id" IS NOT NULL OR "walk_in_name" IS NOT NULL OR "channel" = 'grid_patrol')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "service_case" DROP CONSTRAINT "CHK_4e16e03646a8b0657363c07ff8"`);
    await q.query(
      `ALTER TABLE "service_case" ADD CONSTRAINT "CHK_09ba0dcab3c83ef73902f5ac74" CHECK (((resident_id IS NOT NULL) OR (walk_in_name IS NOT NULL)))`,
    );
  }
}
