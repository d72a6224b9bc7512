import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The level of the social-work certificate (社会工作者职业资格: 助理社会工作师, 社会工作师,
 * 高级社会工作师) beside the yes/no `certified`, on the record and in its dated history. Null for
 * the rows already there: their level was never asked. The database itself refuses a level
 * without the certificate.
 */
export class WorkforceCertificateLevel1796500400000 implements MigrationInterface {
  name = 'WorkforceCertificateLevel1796500400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "workforce_entry" ADD "certificate_level" character varying(16)`);
    await q.query(`ALTER TABLE "workforce_revision" ADD "certificate_level" character varying(16)`);
    await q.query(
      `ALTER TABLE "workforce_entry" ADD CONSTRAINT "CHK_57dfead2666cc8be3285882051" CHECK ("certificate_level" IS NULL OR "certified")`,
    );
    await q.query(
      `ALTER TABLE "workforce_entry" ADD CONSTRAINT "CHK_7e72becc313b84aaca07c0b0e5" CHECK ("certificate_level" IS NULL OR "certificate_level" IN ('assistant','intermediate','senior'))`,
    );
    await q.query(
      `ALTER TABLE "workforce_revision" ADD CONSTRAINT "CHK_e89b9dd8b4c86d31505f86beb3" CHECK ("certificate_level" IS NULL OR "certified")`,
    );
    await q.query(
      `ALTER TABLE "workforce_revision" ADD CONSTRAINT "CHK_dadb33379347fb6813f36d14b3" CHECK ("certificate_level" IS NULL OR "certificate_level" IN ('assistant','intermediate','senior'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "workforce_revision" DROP CONSTRAINT "CHK_dadb33379347fb6813f36d14b3"`,
    );
    await q.query(
      `ALTER TABLE "workforce_revision" DROP CONSTRAINT "CHK_e89b9dd8b4c86d31505f86beb3"`,
    );
    await q.query(`ALTER TABLE "workforce_entry" DROP CONSTRAINT "CHK_7e72becc313b84aaca07c0b0e5"`);
    await q.query(`ALTER TABLE "workforce_entry" DROP CONSTRAINT "CHK_57dfead2666cc8be3285882051"`);
    await q.query(`ALTER TABLE "workforce_revision" DROP COLUMN "certificate_level"`);
    await q.query(`ALTER TABLE "workforce_entry" DROP COLUMN "certificate_level"`);
  }
}
