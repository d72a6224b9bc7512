import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The council (幸福议事会): councils and members, proposals with supports, followers, comments,
 * photos and their cases, and the participation rows; photos learn to be taken by a proposal.
 */
export class Council1796407795511 implements MigrationInterface {
  name = 'Council1796407795511';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "council" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "support_threshold_kind" character varying(16) NOT NULL DEFAULT 'household_share', "support_threshold_count" integer, "support_share_percent" numeric(5,2) NOT NULL DEFAULT '5', "support_minimum" integer NOT NULL DEFAULT '10', "quorum_kind" character varying(16) NOT NULL DEFAULT 'more_than_half', "quorum_count" integer, "adoption_rule" character varying(24) NOT NULL DEFAULT 'majority_of_present', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c5a9a9cc0c74b137c30890b1dd8" UNIQUE ("community_id"), CONSTRAINT "CHK_ce67df7f41459e1aa29fee5be2" CHECK ("adoption_rule" IN ('majority_of_present','majority_of_members','two_thirds_of_present')), CONSTRAINT "CHK_a77d23b944be7ebda0394e6fef" CHECK ("quorum_count" IS NULL OR "quorum_count" > 0), CONSTRAINT "CHK_f4788a6c656b65d103294041a3" CHECK ("quorum_kind" <> 'count' OR "quorum_count" IS NOT NULL), CONSTRAINT "CHK_f8f25ab496eae559d72066913e" CHECK ("quorum_kind" IN ('more_than_half','two_thirds','count')), CONSTRAINT "CHK_e115a670637abb05c69c772585" CHECK ("support_minimum" >= 1), CONSTRAINT "CHK_3c235a77d084bdc6e664cd6134" CHECK ("support_share_percent" > 0 AND "support_share_percent" <= 100), CONSTRAINT "CHK_feb2351b523f0805c34ff846bc" CHECK ("support_threshold_count" IS NULL OR "support_threshold_count" > 0), CONSTRAINT "CHK_b59cce417257ceda6b40256369" CHECK ("support_threshold_kind" <> 'count' OR "support_threshold_count" IS NOT NULL), CONSTRAINT "CHK_c24823abca001c24e37f008cb4" CHECK ("support_threshold_kind" IN ('count','household_share')), CONSTRAINT "PK_1749decabf3d8cf2edc4385c557" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "council_member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "council_id" uuid NOT NULL, "community_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "role" character varying(16) NOT NULL, "resident_id" uuid, "staff_id" uuid, "name" character varying(64), "organisation" character varying(64), "term_start" date NOT NULL, "term_end" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_8cb6f5ce15a2a3ce4e3e501348" CHECK ("term_end" IS NULL OR "term_end" >= "term_start"), CONSTRAINT "CHK_9e3d72ae3eccf72a8c67968d9f" CHECK ("kind" <> 'other' OR "name" IS NOT NULL), CONSTRAINT "CHK_119b7bf51a57f26b1c9f0fad90" CHECK (("kind" = 'staff') = ("staff_id" IS NOT NULL)), CONSTRAINT "CHK_b85080d060edc1a74c825f9ac1" CHECK (("kind" = 'resident') = ("resident_id" IS NOT NULL)), CONSTRAINT "CHK_72b545cc8fa9e7af1a9c2d2cc4" CHECK ("role" IN ('chair','vice_chair','member','secretary')), CONSTRAINT "CHK_2981d221d26ebc46512a1eaad1" CHECK ("kind" IN ('resident','staff','other')), CONSTRAINT "PK_6620361345f37130c3960fd80e8" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_7b9cf9fd4ad11e6121084e684a" ON "council_member"  ("resident_id") `,
    );
    await q.query(
      `CREATE INDEX "IDX_7c3d7100fd50f8c225c66df958" ON "council_member"  ("council_id", "term_start") `,
    );
    await q.query(`CREATE TABLE "proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(32) NOT NULL, "community_id" uuid NOT NULL, "compound_id" uuid, "origin" character varying(16) NOT NULL, "author_resident_id" uuid, "created_by_staff_id" uuid, "title" character varying(120) NOT NULL, "description" text NOT NULL, "topic" character varying(24) NOT NULL, "status" character varying(20) NOT NULL, "support_count" integer NOT NULL DEFAULT '0', "support_threshold" integer, "ready_at" TIMESTAMP WITH TIME ZONE, "merged_into_id" uuid, "rejection_reason" text, "withdrawal_reason" text, "submitted_at" TIMESTAMP WITH TIME ZONE, "opened_at" TIMESTAMP WITH TIME ZONE, "status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_80fde7617928819774f06163665" UNIQUE ("number"), CONSTRAINT "CHK_ec3dd404059efe4562e5080df8" CHECK ("support_count" >= 0), CONSTRAINT "CHK_955ed68af55a9a90fc1b7507fc" CHECK (("status" = 'rejected') = ("rejection_reason" IS NOT NULL)), CONSTRAINT "CHK_e3ab9de28d5c9dbbc87b4b6eec" CHECK ("merged_into_id" IS NULL OR "merged_into_id" <> "id"), CONSTRAINT "CHK_d8ceae10d1afb8757c594aec13" CHECK (("status" = 'merged') = ("merged_into_id" IS NOT NULL)), CONSTRAINT "CHK_1b835c3e9f189cb235b804083f" CHECK (("origin" = 'resident' AND "author_resident_id" IS NOT NULL AND "created_by_staff_id" IS NULL)
   OR ("origin" = 'staff' AND "author_resident_id" IS NOT NULL AND "created_by_staff_id" IS NOT NULL)
   OR ("origin" = 'cases' AND "created_by_staff_id" IS NOT NULL)), CONSTRAINT "CHK_00a7f0da0365643a9fcdf5908b" CHECK ("origin" IN ('resident','staff','cases')), CONSTRAINT "CHK_fd84152262cba95ce60198fc71" CHECK ("topic" IN ('environment','facilities','safety','traffic_parking','greening','elderly_children','culture_sports','neighbourhood','property_management','other')), CONSTRAINT "CHK_c4d6d121d8d1d0572fdc5039c8" CHECK ("status" IN ('draft','submitted','screening','open_for_support','scheduled','deliberated','adopted','not_adopted','in_implementation','completed','evaluated','rejected','merged','withdrawn')), CONSTRAINT "PK_ca872ecfe4fef5720d2d39e4275" PRIMARY KEY ("id"))`);
    await q.query(
      `CREATE INDEX "IDX_bc2b43f0ceec6893328f8dff89" ON "proposal"  ("author_resident_id") `,
    );
    await q.query(
      `CREATE INDEX "IDX_f3b2f88956f4bd95c6e0d768ee" ON "proposal"  ("community_id", "status", "status_changed_at") `,
    );
    await q.query(
      `CREATE TABLE "proposal_support" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "resident_id" uuid NOT NULL, "community_id" uuid NOT NULL, "supported_at" TIMESTAMP WITH TIME ZONE NOT NULL, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "carried_from_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_80bec23abbe9ef28f5007c321c1" UNIQUE ("proposal_id", "resident_id"), CONSTRAINT "PK_4f7198669fd8a586ecf678c5248" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_ae49bc6eff2a2d3c14f8b1f21f" ON "proposal_support"  ("resident_id") `,
    );
    await q.query(
      `CREATE TABLE "proposal_follower" ("proposal_id" uuid NOT NULL, "resident_id" uuid NOT NULL, "community_id" uuid NOT NULL, "reason" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_9fad21d13ac4d28de18fbe573e" CHECK ("reason" IN ('follow','case','merged')), CONSTRAINT "PK_89121f54ccc00265d50df03f031" PRIMARY KEY ("proposal_id", "resident_id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_c920b7e0da1bed66055b820949" ON "proposal_follower"  ("resident_id") `,
    );
    await q.query(
      `CREATE TABLE "proposal_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "community_id" uuid NOT NULL, "author_kind" character varying(16) NOT NULL, "author_resident_id" uuid, "author_staff_id" uuid, "author_name" character varying(64) NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "hidden_at" TIMESTAMP WITH TIME ZONE, "hidden_by_id" uuid, "hidden_by_name" character varying(64), "hidden_reason" text, CONSTRAINT "CHK_c044d85a236c3228fdc3d18d2a" CHECK (("hidden_at" IS NULL) = ("hidden_reason" IS NULL)), CONSTRAINT "CHK_7a013f578d0ce5e97919c7cc59" CHECK (("author_kind" = 'staff') = ("author_staff_id" IS NOT NULL)), CONSTRAINT "CHK_2cd9a5c3d4028fde7b908b75ed" CHECK (("author_kind" = 'resident') = ("author_resident_id" IS NOT NULL)), CONSTRAINT "CHK_d01d0dba4e999bc5a2166ca9be" CHECK ("author_kind" IN ('staff','resident')), CONSTRAINT "PK_16ff512bfd441e28b8ba9a9caf1" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_b6d41277f142c57c84f178d808" ON "proposal_comment"  ("proposal_id", "created_at") `,
    );
    await q.query(
      `CREATE TABLE "proposal_case" ("proposal_id" uuid NOT NULL, "case_id" uuid NOT NULL, "community_id" uuid NOT NULL, "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "linked_by_id" uuid, "carried_from_id" uuid, CONSTRAINT "PK_6f3ac023064d768b626578ae094" PRIMARY KEY ("proposal_id", "case_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_5d4eb9fd87e7cd229916f50593" ON "proposal_case"  ("case_id") `);
    await q.query(
      `CREATE TABLE "proposal_photo" ("photo_id" uuid NOT NULL, "proposal_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_5088cdb98cbed3a6ccae5f3aa76" PRIMARY KEY ("photo_id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_fcdc1f5dfa04a1bdc51bee08eb" ON "proposal_photo"  ("proposal_id", "position") `,
    );
    await q.query(
      `CREATE TABLE "participation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "resident_id" uuid NOT NULL, "community_id" uuid NOT NULL, "act" character varying(16) NOT NULL, "subject_type" character varying(16) NOT NULL, "subject_id" uuid NOT NULL, "proposal_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_23dd9c139846ca4aca37d287df8" UNIQUE ("resident_id", "act", "subject_id"), CONSTRAINT "CHK_ad1eef025fc339a9e809bbc51c" CHECK ("subject_type" IN ('proposal','meeting','agenda_item')), CONSTRAINT "CHK_f38d88ce69fc729814727cbe4d" CHECK ("act" IN ('propose','support','comment','attend','vote','evaluate')), CONSTRAINT "PK_ba5442bab90fc96ddde456c69e1" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_1f78b2403d26a50d63d9578893" ON "participation"  ("proposal_id") `,
    );
    await q.query(
      `CREATE INDEX "IDX_7f983797dbcc989b89b584aef8" ON "participation"  ("community_id", "at") `,
    );
    await q.query(`ALTER TABLE "photo" ADD "attached_at" TIMESTAMP WITH TIME ZONE`);
    // Photos already on a case were attached when it was filed.
    await q.query(`UPDATE "photo" SET "attached_at" = "created_at" WHERE "case_id" IS NOT NULL`);
    await q.query(
      `ALTER TABLE "photo" ADD CONSTRAINT "CHK_5339b6ad68eea91420a6c2125c" CHECK ("case_id" IS NULL OR "attached_at" IS NOT NULL)`,
    );
    await q.query(
      `ALTER TABLE "council" ADD CONSTRAINT "FK_c5a9a9cc0c74b137c30890b1dd8" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "council_member" ADD CONSTRAINT "FK_fd0574b297204dc512f17cfb07c" FOREIGN KEY ("council_id") REFERENCES "council"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "council_member" ADD CONSTRAINT "FK_7b9cf9fd4ad11e6121084e684a0" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "council_member" ADD CONSTRAINT "FK_d1015be4cfee5d12675cf2af105" FOREIGN KEY ("staff_id") REFERENCES "staff_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal" ADD CONSTRAINT "FK_9b4ff33f120f118a019f3988810" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal" ADD CONSTRAINT "FK_4ee2141936c5a194cc7e67f821b" FOREIGN KEY ("compound_id") REFERENCES "compound"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal" ADD CONSTRAINT "FK_bc2b43f0ceec6893328f8dff894" FOREIGN KEY ("author_resident_id") REFERENCES "resident"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal" ADD CONSTRAINT "FK_c874ae5a3200e0a1c69d42940b4" FOREIGN KEY ("created_by_staff_id") REFERENCES "staff_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal" ADD CONSTRAINT "FK_aadb2c6b997b1aef4b18e06e636" FOREIGN KEY ("merged_into_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal_support" ADD CONSTRAINT "FK_fcaee5cd4e8701683cc340c0342" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal_support" ADD CONSTRAINT "FK_ae49bc6eff2a2d3c14f8b1f21f1" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal_support" ADD CONSTRAINT "FK_a03c5caad88fae8dab399a7e640" FOREIGN KEY ("carried_from_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal_follower" ADD CONSTRAINT "FK_71b9f1c6a2615199ec6cca25e86" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal_follower" ADD CONSTRAINT "FK_c920b7e0da1bed66055b820949f" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal_comment" ADD CONSTRAINT "FK_be7911caeee5559cbae5da15b84" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal_comment" ADD CONSTRAINT "FK_391d8197e06453731583b29f670" FOREIGN KEY ("author_resident_id") REFERENCES "resident"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal_comment" ADD CONSTRAINT "FK_ab31aa5ab65511afff62aebf0db" FOREIGN KEY ("author_staff_id") REFERENCES "staff_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal_case" ADD CONSTRAINT "FK_a532850f8a4fa0b090eadb012d6" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal_case" ADD CONSTRAINT "FK_5d4eb9fd87e7cd229916f50593c" FOREIGN KEY ("case_id") REFERENCES "service_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal_photo" ADD CONSTRAINT "FK_5088cdb98cbed3a6ccae5f3aa76" FOREIGN KEY ("photo_id") REFERENCES "photo"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "proposal_photo" ADD CONSTRAINT "FK_1ff05e2b8543c7bcca07e9b52e1" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "participation" ADD CONSTRAINT "FK_60b46c25fa75d634e882c37824b" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "participation" ADD CONSTRAINT "FK_599f3efaf57ba8b579fe5772ca2" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "participation" ADD CONSTRAINT "FK_1f78b2403d26a50d63d95788936" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query('CREATE SEQUENCE proposal_number_seq');
    await q.query(
      `CREATE INDEX idx_proposal_text_trgm ON proposal USING gin ((title || ' ' || description) gin_trgm_ops)`,
    );
    // Participation is what the rating counts: never changed, never removed.
    await q.query(`CREATE TRIGGER participation_append_only BEFORE UPDATE OR DELETE ON "participation"
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER participation_no_truncate BEFORE TRUNCATE ON "participation"
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    // A hidden comment stays on record as it was written: no delete, no rewrite of its text.
    await q.query(`CREATE TRIGGER proposal_comment_no_delete BEFORE DELETE ON "proposal_comment"
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER proposal_comment_no_rewrite BEFORE UPDATE ON "proposal_comment"
      FOR EACH ROW WHEN (OLD.body IS DISTINCT FROM NEW.body OR OLD.author_name IS DISTINCT FROM NEW.author_name
        OR OLD.created_at IS DISTINCT FROM NEW.created_at) EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER proposal_comment_no_truncate BEFORE TRUNCATE ON "proposal_comment"
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS proposal_comment_no_truncate ON "proposal_comment"');
    await q.query('DROP TRIGGER IF EXISTS proposal_comment_no_rewrite ON "proposal_comment"');
    await q.query('DROP TRIGGER IF EXISTS proposal_comment_no_delete ON "proposal_comment"');
    await q.query('DROP TRIGGER IF EXISTS participation_no_truncate ON "participation"');
    await q.query('DROP TRIGGER IF EXISTS participation_append_only ON "participation"');
    await q.query('DROP INDEX IF EXISTS idx_proposal_text_trgm');
    await q.query('DROP SEQUENCE IF EXISTS proposal_number_seq');
    await q.query(`ALTER TABLE "participation" DROP CONSTRAINT "FK_1f78b2403d26a50d63d95788936"`);
    await q.query(`ALTER TABLE "participation" DROP CONSTRAINT "FK_599f3efaf57ba8b579fe5772ca2"`);
    await q.query(`ALTER TABLE "participation" DROP CONSTRAINT "FK_60b46c25fa75d634e882c37824b"`);
    await q.query(`ALTER TABLE "proposal_photo" DROP CONSTRAINT "FK_1ff05e2b8543c7bcca07e9b52e1"`);
    await q.query(`ALTER TABLE "proposal_photo" DROP CONSTRAINT "FK_5088cdb98cbed3a6ccae5f3aa76"`);
    await q.query(`ALTER TABLE "proposal_case" DROP CONSTRAINT "FK_5d4eb9fd87e7cd229916f50593c"`);
    await q.query(`ALTER TABLE "proposal_case" DROP CONSTRAINT "FK_a532850f8a4fa0b090eadb012d6"`);
    await q.query(
      `ALTER TABLE "proposal_comment" DROP CONSTRAINT "FK_ab31aa5ab65511afff62aebf0db"`,
    );
    await q.query(
      `ALTER TABLE "proposal_comment" DROP CONSTRAINT "FK_391d8197e06453731583b29f670"`,
    );
    await q.query(
      `ALTER TABLE "proposal_comment" DROP CONSTRAINT "FK_be7911caeee5559cbae5da15b84"`,
    );
    await q.query(
      `ALTER TABLE "proposal_follower" DROP CONSTRAINT "FK_c920b7e0da1bed66055b820949f"`,
    );
    await q.query(
      `ALTER TABLE "proposal_follower" DROP CONSTRAINT "FK_71b9f1c6a2615199ec6cca25e86"`,
    );
    await q.query(
      `ALTER TABLE "proposal_support" DROP CONSTRAINT "FK_a03c5caad88fae8dab399a7e640"`,
    );
    await q.query(
      `ALTER TABLE "proposal_support" DROP CONSTRAINT "FK_ae49bc6eff2a2d3c14f8b1f21f1"`,
    );
    await q.query(
      `ALTER TABLE "proposal_support" DROP CONSTRAINT "FK_fcaee5cd4e8701683cc340c0342"`,
    );
    await q.query(`ALTER TABLE "proposal" DROP CONSTRAINT "FK_aadb2c6b997b1aef4b18e06e636"`);
    await q.query(`ALTER TABLE "proposal" DROP CONSTRAINT "FK_c874ae5a3200e0a1c69d42940b4"`);
    await q.query(`ALTER TABLE "proposal" DROP CONSTRAINT "FK_bc2b43f0ceec6893328f8dff894"`);
    await q.query(`ALTER TABLE "proposal" DROP CONSTRAINT "FK_4ee2141936c5a194cc7e67f821b"`);
    await q.query(`ALTER TABLE "proposal" DROP CONSTRAINT "FK_9b4ff33f120f118a019f3988810"`);
    await q.query(`ALTER TABLE "council_member" DROP CONSTRAINT "FK_d1015be4cfee5d12675cf2af105"`);
    await q.query(`ALTER TABLE "council_member" DROP CONSTRAINT "FK_7b9cf9fd4ad11e6121084e684a0"`);
    await q.query(`ALTER TABLE "council_member" DROP CONSTRAINT "FK_fd0574b297204dc512f17cfb07c"`);
    await q.query(`ALTER TABLE "council" DROP CONSTRAINT "FK_c5a9a9cc0c74b137c30890b1dd8"`);
    await q.query(`ALTER TABLE "photo" DROP CONSTRAINT "CHK_5339b6ad68eea91420a6c2125c"`);
    await q.query(`ALTER TABLE "photo" DROP COLUMN "attached_at"`);
    await q.query(`DROP INDEX "public"."IDX_7f983797dbcc989b89b584aef8"`);
    await q.query(`DROP INDEX "public"."IDX_1f78b2403d26a50d63d9578893"`);
    await q.query(`DROP TABLE "participation"`);
    await q.query(`DROP INDEX "public"."IDX_fcdc1f5dfa04a1bdc51bee08eb"`);
    await q.query(`DROP TABLE "proposal_photo"`);
    await q.query(`DROP INDEX "public"."IDX_5d4eb9fd87e7cd229916f50593"`);
    await q.query(`DROP TABLE "proposal_case"`);
    await q.query(`DROP INDEX "public"."IDX_b6d41277f142c57c84f178d808"`);
    await q.query(`DROP TABLE "proposal_comment"`);
    await q.query(`DROP INDEX "public"."IDX_c920b7e0da1bed66055b820949"`);
    await q.query(`DROP TABLE "proposal_follower"`);
    await q.query(`DROP INDEX "public"."IDX_ae49bc6eff2a2d3c14f8b1f21f"`);
    await q.query(`DROP TABLE "proposal_support"`);
    await q.query(`DROP INDEX "public"."IDX_f3b2f88956f4bd95c6e0d768ee"`);
    await q.query(`DROP INDEX "public"."IDX_bc2b43f0ceec6893328f8dff89"`);
    await q.query(`DROP TABLE "proposal"`);
    await q.query(`DROP INDEX "public"."IDX_7c3d7100fd50f8c225c66df958"`);
    await q.query(`DROP INDEX "public"."IDX_7b9cf9fd4ad11e6121084e684a"`);
    await q.query(`DROP TABLE "council_member"`);
    await q.query(`DROP TABLE "council"`);
  }
}
