import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The desk queue reads open cases of one desk in due order. A partial index in exactly that order
 * lets PostgreSQL stop after one page, however many cases the desk ever had; the statistics tell
 * the planner that a desk belongs to one community, so it does not underestimate a desk's rows.
 */
export class DeskQueueIndex1795767900000 implements MigrationInterface {
  name = 'DeskQueueIndex1795767900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX idx_case_desk_open_due ON service_case (desk_id,
      (LEAST(CASE WHEN status = 'submitted' THEN accept_due_at END,
             CASE WHEN status IN ('accepted','in_progress') THEN resolve_due_at END)),
      submitted_at)
      WHERE status IN ('submitted','accepted','in_progress','waiting_resident')`);
    await q.query(
      'CREATE STATISTICS IF NOT EXISTS stat_case_desk_community (dependencies) ON desk_id, community_id FROM service_case',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP STATISTICS IF EXISTS stat_case_desk_community');
    await q.query('DROP INDEX IF EXISTS idx_case_desk_open_due');
  }
}
