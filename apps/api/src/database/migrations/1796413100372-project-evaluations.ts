import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProjectEvaluations1796413100372 implements MigrationInterface {
  name = 'ProjectEvaluations1796413100372';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "proposal_implementation" ADD "evaluation" jsonb`);
    await q.query(`ALTER TABLE "follow_up_task" ADD "proposal_id" uuid`);
    await q.query(`ALTER TABLE "follow_up_task" DROP CONSTRAINT "FK_a84133875ea908853eea016c543"`);
    await q.query(`DROP INDEX "public"."IDX_0bf7198a4923e48c753c16d5be"`);
    await q.query(`ALTER TABLE "follow_up_task" ALTER COLUMN "case_id" DROP NOT NULL`);
    await q.query(`ALTER TABLE "follow_up_attempt" ALTER COLUMN "case_id" DROP NOT NULL`);
    await q.query(
      `CREATE INDEX "IDX_0bf7198a4923e48c753c16d5be" ON "follow_up_task"  ("case_id", "round") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_follow_up_task_proposal_resident" ON "follow_up_task"  ("proposal_id", "resident_id") WHERE "proposal_id" IS NOT NULL`,
    );
    await q.query(
      `ALTER TABLE "follow_up_task" ADD CONSTRAINT "CHK_a9572249b75167939098920eb0" CHECK (("case_id" IS NULL) <> ("proposal_id" IS NULL))`,
    );
    await q.query(
      `ALTER TABLE "follow_up_task" ADD CONSTRAINT "FK_a84133875ea908853eea016c543" FOREIGN KEY ("case_id") REFERENCES "service_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "follow_up_task" ADD CONSTRAINT "FK_0744b2be9a7e18a5fb65602a2b1" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "follow_up_task" DROP CONSTRAINT "FK_0744b2be9a7e18a5fb65602a2b1"`);
    await q.query(`ALTER TABLE "follow_up_task" DROP CONSTRAINT "FK_a84133875ea908853eea016c543"`);
    await q.query(`ALTER TABLE "follow_up_task" DROP CONSTRAINT "CHK_a9572249b75167939098920eb0"`);
    await q.query(`DROP INDEX "public"."uq_follow_up_task_proposal_resident"`);
    await q.query(`DROP INDEX "public"."IDX_0bf7198a4923e48c753c16d5be"`);
    await q.query(`ALTER TABLE "follow_up_attempt" ALTER COLUMN "case_id" SET NOT NULL`);
    await q.query(`ALTER TABLE "follow_up_task" ALTER COLUMN "case_id" SET NOT NULL`);
    await q.query(
      `CREATE INDEX "IDX_0bf7198a4923e48c753c16d5be" ON "follow_up_task" USING btree ("case_id", "round") `,
    );
    await q.query(
      `ALTER TABLE "follow_up_task" ADD CONSTRAINT "FK_a84133875ea908853eea016c543" FOREIGN KEY ("case_id") REFERENCES "service_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE "follow_up_task" DROP COLUMN "proposal_id"`);
    await q.query(`ALTER TABLE "proposal_implementation" DROP COLUMN "evaluation"`);
  }
}
