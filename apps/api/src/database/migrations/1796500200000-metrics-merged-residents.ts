import type { MigrationInterface, QueryRunner } from 'typeorm';

// The participation and app-activity metrics count a merged resident as the one they were merged
// into; this partial index lets them join only the merged rows instead of the whole resident table.
export class MetricsMergedResidents1796500200000 implements MigrationInterface {
  name = 'MetricsMergedResidents1796500200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "idx_resident_merged" ON "resident" ("id", "merged_into_id") WHERE "verification" = 'merged'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_resident_merged"`);
  }
}
