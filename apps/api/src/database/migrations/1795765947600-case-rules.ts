import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the database itself guarantees for cases: an untouchable event log, numbering, text search. */
export class CaseRules1795765947600 implements MigrationInterface {
  name = 'CaseRules1795765947600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON "case_event"
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER case_event_no_truncate BEFORE TRUNCATE ON "case_event"
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    await q.query('CREATE SEQUENCE case_number_seq');
    await q.query(
      'CREATE INDEX idx_case_description_trgm ON service_case USING gin (description gin_trgm_ops)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS idx_case_description_trgm');
    await q.query('DROP SEQUENCE IF EXISTS case_number_seq');
    await q.query('DROP TRIGGER IF EXISTS case_event_no_truncate ON "case_event"');
    await q.query('DROP TRIGGER IF EXISTS case_event_append_only ON "case_event"');
  }
}
