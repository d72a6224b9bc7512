import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Waiting has a reason: besides the resident (the SLA clock pauses), a case can wait for a third
 * party such as the property company, named in `waiting_for`, while its clock keeps running. The
 * desk queue's partial index follows: such a case stays open and is ordered by its resolve due time.
 */
export class WaitingThirdParty1796319806056 implements MigrationInterface {
  name = 'WaitingThirdParty1796319806056';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "service_case" DROP CONSTRAINT "CHK_e3253988e9b7f942ef19d7ad6a"`);
    await q.query(`ALTER TABLE "service_case" ADD "waiting_for" character varying(24)`);
    await q.query(
      `ALTER TABLE "service_case" ADD CONSTRAINT "CHK_22992a50a27956313b498069f1" CHECK (("status" = 'waiting_third_party') = ("waiting_for" IS NOT NULL) AND ("waiting_for" IS NULL OR "waiting_for" IN ('property_company','utility_company','government_department','contractor','other')))`,
    );
    await q.query(
      `ALTER TABLE "service_case" ADD CONSTRAINT "CHK_ebf2052933d046ffe605cd9040" CHECK ("status" IN ('submitted','accepted','in_progress','waiting_resident','waiting_third_party','resolved','closed','rejected'))`,
    );
    await q.query('DROP INDEX IF EXISTS idx_case_desk_open_due');
    await q.query(`CREATE INDEX idx_case_desk_open_due ON service_case (desk_id,
      (LEAST(CASE WHEN status = 'submitted' THEN accept_due_at END,
             CASE WHEN status IN ('accepted','in_progress','waiting_third_party') THEN resolve_due_at END)),
      submitted_at)
      WHERE status IN ('submitted','accepted','in_progress','waiting_resident','waiting_third_party')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS idx_case_desk_open_due');
    await q.query(`CREATE INDEX idx_case_desk_open_due ON service_case (desk_id,
      (LEAST(CASE WHEN status = 'submitted' THEN accept_due_at END,
             CASE WHEN status IN ('accepted','in_progress') THEN resolve_due_at END)),
      submitted_at)
      WHERE status IN ('submitted','accepted','in_progress','waiting_resident')`);
    await q.query(`ALTER TABLE "service_case" DROP CONSTRAINT "CHK_ebf2052933d046ffe605cd9040"`);
    await q.query(`ALTER TABLE "service_case" DROP CONSTRAINT "CHK_22992a50a27956313b498069f1"`);
    await q.query(`ALTER TABLE "service_case" DROP COLUMN "waiting_for"`);
    await q.query(
      `ALTER TABLE "service_case" ADD CONSTRAINT "CHK_e3253988e9b7f942ef19d7ad6a" CHECK ("status" IN ('submitted','accepted','in_progress','waiting_resident','resolved','closed','rejected'))`,
    );
  }
}
