import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Meetings1796411526563 implements MigrationInterface {
  name = 'Meetings1796411526563';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "title" character varying(120) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" character varying(200) NOT NULL, "status" character varying(16) NOT NULL, "minutes" text, "closed_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_d369fc2450c5b3e19aa0145a59" CHECK (("status" = 'closed') = ("closed_at" IS NOT NULL)), CONSTRAINT "CHK_fa6c9db6bd151c9293c8e33cbf" CHECK ("status" IN ('planned','closed')), CONSTRAINT "PK_dccaf9e4c0e39067d82ccc7bb83" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_6bc95324a5761e5ef7701bec0a" ON "meeting"  ("community_id", "starts_at") `,
    );
    await q.query(
      `CREATE TABLE "meeting_agenda_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "proposal_id" uuid NOT NULL, "community_id" uuid NOT NULL, "position" integer NOT NULL, "decision" character varying(16), "present_at_decision" integer, "required_for" integer, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_f957d7ea0aee9f3f75c1969d6d5" UNIQUE ("meeting_id", "proposal_id"), CONSTRAINT "CHK_e25567877005354da0ec8ff431" CHECK (("decision" IS NULL) = ("decided_at" IS NULL)), CONSTRAINT "CHK_7b883e2d41d8e933857f0175e2" CHECK ("decision" IS NULL OR "decision" IN ('adopted','not_adopted')), CONSTRAINT "PK_31a218d0ca2eda48d596d11f821" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_5fe6b015712a743846504f9729" ON "meeting_agenda_item"  ("proposal_id") `,
    );
    await q.query(
      `CREATE TABLE "meeting_attendance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "community_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "member_id" uuid, "resident_id" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by_id" uuid NOT NULL, CONSTRAINT "CHK_2cd43add27bda188f57258bdba" CHECK ("kind" <> 'resident' OR "resident_id" IS NOT NULL), CONSTRAINT "CHK_a13f2fd756b499f1bea2b2ec77" CHECK (("kind" = 'member') = ("member_id" IS NOT NULL)), CONSTRAINT "CHK_f73ad09edc73564eee6f09159c" CHECK ("kind" IN ('member','resident')), CONSTRAINT "PK_1ece13054cdfcd65f8487e71267" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_meeting_attendance_resident" ON "meeting_attendance"  ("meeting_id", "resident_id") WHERE "resident_id" IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_meeting_attendance_member" ON "meeting_attendance"  ("meeting_id", "member_id") WHERE "member_id" IS NOT NULL`,
    );
    await q.query(
      `CREATE TABLE "meeting_vote" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agenda_item_id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "member_id" uuid NOT NULL, "choice" character varying(8) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by_id" uuid NOT NULL, CONSTRAINT "UQ_0ecc533f642559761a8e8925b1f" UNIQUE ("agenda_item_id", "member_id"), CONSTRAINT "CHK_62c319981ae2cf2b6df32436f2" CHECK ("choice" IN ('for','against','abstain')), CONSTRAINT "PK_05800a06ba86e34ed146778e0d5" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_83c1fa75154dfbb3ef756ebb93" ON "meeting_vote"  ("meeting_id") `,
    );
    await q.query(
      `ALTER TABLE "meeting" ADD CONSTRAINT "FK_2d59664bfb1f622ae21fb1b5b83" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "meeting" ADD CONSTRAINT "FK_a410e4187cde54b365b38eb11f4" FOREIGN KEY ("created_by_id") REFERENCES "staff_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "meeting_agenda_item" ADD CONSTRAINT "FK_2e6643c90973562e686b4a3e0f1" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "meeting_agenda_item" ADD CONSTRAINT "FK_5fe6b015712a743846504f9729a" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "meeting_attendance" ADD CONSTRAINT "FK_2bf53a2dc49796d33484ed1fe5c" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "meeting_attendance" ADD CONSTRAINT "FK_957b3c122b092f0ec5bd4d88f07" FOREIGN KEY ("member_id") REFERENCES "council_member"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "meeting_attendance" ADD CONSTRAINT "FK_8e1dd5e0b4fac32ed0b5ccff91a" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "meeting_vote" ADD CONSTRAINT "FK_a4131c63d1c087006d3abedfe68" FOREIGN KEY ("agenda_item_id") REFERENCES "meeting_agenda_item"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "meeting_vote" ADD CONSTRAINT "FK_86b050bf9c84cf0ea5e58e2afb4" FOREIGN KEY ("member_id") REFERENCES "council_member"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "meeting_vote" DROP CONSTRAINT "FK_86b050bf9c84cf0ea5e58e2afb4"`);
    await q.query(`ALTER TABLE "meeting_vote" DROP CONSTRAINT "FK_a4131c63d1c087006d3abedfe68"`);
    await q.query(
      `ALTER TABLE "meeting_attendance" DROP CONSTRAINT "FK_8e1dd5e0b4fac32ed0b5ccff91a"`,
    );
    await q.query(
      `ALTER TABLE "meeting_attendance" DROP CONSTRAINT "FK_957b3c122b092f0ec5bd4d88f07"`,
    );
    await q.query(
      `ALTER TABLE "meeting_attendance" DROP CONSTRAINT "FK_2bf53a2dc49796d33484ed1fe5c"`,
    );
    await q.query(
      `ALTER TABLE "meeting_agenda_item" DROP CONSTRAINT "FK_5fe6b015712a743846504f9729a"`,
    );
    await q.query(
      `ALTER TABLE "meeting_agenda_item" DROP CONSTRAINT "FK_2e6643c90973562e686b4a3e0f1"`,
    );
    await q.query(`ALTER TABLE "meeting" DROP CONSTRAINT "FK_a410e4187cde54b365b38eb11f4"`);
    await q.query(`ALTER TABLE "meeting" DROP CONSTRAINT "FK_2d59664bfb1f622ae21fb1b5b83"`);
    await q.query(`DROP INDEX "public"."IDX_83c1fa75154dfbb3ef756ebb93"`);
    await q.query(`DROP TABLE "meeting_vote"`);
    await q.query(`DROP INDEX "public"."uq_meeting_attendance_member"`);
    await q.query(`DROP INDEX "public"."uq_meeting_attendance_resident"`);
    await q.query(`DROP TABLE "meeting_attendance"`);
    await q.query(`DROP INDEX "public"."IDX_5fe6b015712a743846504f9729"`);
    await q.query(`DROP TABLE "meeting_agenda_item"`);
    await q.query(`DROP INDEX "public"."IDX_6bc95324a5761e5ef7701bec0a"`);
    await q.query(`DROP TABLE "meeting"`);
  }
}
