import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit trail must be trustworthy: the database itself refuses to change or remove a row. */
export class AuditAppendOnly1795764808100 implements MigrationInterface {
  name = 'AuditAppendOnly1795764808100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log"
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS audit_log_no_truncate ON "audit_log"');
    await q.query('DROP TRIGGER IF EXISTS audit_log_append_only ON "audit_log"');
  }
}
