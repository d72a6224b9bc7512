import type { MigrationInterface, QueryRunner } from 'typeorm';

// Daily roll-ups of the additive metric sides (docs/METRICS.md, "Roll-ups"). Every write to a
// table the additive sides read marks the (community, Shanghai day) pairs whose rows it may have
// moved, old row and new; a job recomputes marked days from the rows and sums them into months
// and years. A read adds the roll-ups of clean days to the live rows of marked ones, so a figure
// is exact however far the job lags.
//
// The mark takes the marked row's lock (ON CONFLICT DO UPDATE, not DO NOTHING): a drain that
// deleted the mark while the writer was still open would otherwise recompute without the
// writer's rows, and the writer's no-op mark would leave nothing for the next drain.

interface Marker {
  table: string;
  ops: ('INSERT' | 'UPDATE' | 'DELETE')[];
  /** SELECT community_id, at FROM the transition relation `r` (and joins), one per instant. */
  pairs: (r: string) => string[];
}

const own =
  (...columns: string[]) =>
  (r: string) =>
    columns.map((col) => `SELECT r.community_id, r.${col} AS at FROM ${r} r`);

const MARKERS: Marker[] = [
  {
    table: 'service_case',
    ops: ['INSERT', 'UPDATE', 'DELETE'],
    pairs: own(
      'resolved_at',
      'closed_at',
      'accepted_at',
      'accept_overdue_at',
      'resolve_overdue_at',
    ),
  },
  {
    // First-contact resolution looks for a transfer or an escalation among the case's events.
    table: 'case_event',
    ops: ['INSERT'],
    pairs: (r) => [
      `SELECT c.community_id, c.resolved_at AS at FROM ${r} r JOIN service_case c ON c.id = r.case_id
        WHERE r.type IN ('transferred', 'escalated')`,
    ],
  },
  {
    table: 'case_mediation',
    ops: ['INSERT', 'UPDATE', 'DELETE'],
    pairs: (r) => [
      `SELECT c.community_id, c.closed_at AS at FROM ${r} r JOIN service_case c ON c.id = r.case_id`,
    ],
  },
  {
    table: 'follow_up_task',
    ops: ['INSERT', 'UPDATE', 'DELETE'],
    pairs: own('first_due_at', 'completed_at'),
  },
  {
    // An attempt counts by its own day, ends a superseded one's count, and decides its task's
    // timeliness (by the task's due day) and whether the task went unrated (by its completion).
    table: 'follow_up_attempt',
    ops: ['INSERT', 'UPDATE', 'DELETE'],
    pairs: (r) => [
      `SELECT r.community_id, r.recorded_at AS at FROM ${r} r`,
      `SELECT b.community_id, b.recorded_at FROM ${r} r JOIN follow_up_attempt b ON b.id = r.supersedes_id`,
      `SELECT t.community_id, t.first_due_at FROM ${r} r JOIN follow_up_task t ON t.id = r.task_id`,
      `SELECT t.community_id, t.completed_at FROM ${r} r JOIN follow_up_task t ON t.id = r.task_id`,
    ],
  },
  {
    table: 'follow_up_appeal',
    ops: ['INSERT', 'UPDATE', 'DELETE'],
    pairs: (r) => [
      `SELECT a.community_id, a.recorded_at AS at FROM ${r} r JOIN follow_up_attempt a ON a.id = r.attempt_id`,
    ],
  },
  { table: 'resident', ops: ['INSERT', 'UPDATE', 'DELETE'], pairs: own('app_since') },
  { table: 'meeting_agenda_item', ops: ['INSERT', 'UPDATE', 'DELETE'], pairs: own('decided_at') },
  {
    table: 'proposal_implementation',
    ops: ['INSERT', 'UPDATE', 'DELETE'],
    pairs: own('completed_at'),
  },
];

const name = (table: string, op: string) => `metric_mark_${table}_${op.toLowerCase()}`;

// PL/pgSQL cannot name a transition table the trigger lacks, so each operation has its function.
function markerSql(m: Marker, op: Marker['ops'][number]): string[] {
  const rels =
    op === 'INSERT' ? ['new_rows'] : op === 'DELETE' ? ['old_rows'] : ['old_rows', 'new_rows'];
  const selects = rels.flatMap((rel) => m.pairs(rel)).join('\n        UNION ALL\n        ');
  const fn = name(m.table, op);
  const referencing =
    op === 'INSERT'
      ? 'NEW TABLE AS new_rows'
      : op === 'DELETE'
        ? 'OLD TABLE AS old_rows'
        : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
  return [
    `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metric_day_dirty AS d (community_id, day)
  SELECT DISTINCT x.community_id, (x.at AT TIME ZONE 'Asia/Shanghai')::date
    FROM (${selects}) x
   WHERE x.community_id IS NOT NULL AND x.at IS NOT NULL
   ORDER BY 1, 2
  ON CONFLICT (community_id, day) DO UPDATE SET marks = d.marks + 1;
  RETURN NULL;
END $$`,
    `CREATE TRIGGER ${fn} AFTER ${op} ON "${m.table}" REFERENCING ${referencing}
       FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
  ];
}

export class MetricRollups1796500250000 implements MigrationInterface {
  name = 'MetricRollups1796500250000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "metric_rollup" (
      "grain" char(1) NOT NULL CHECK ("grain" IN ('d', 'm', 'y')),
      "start" date NOT NULL,
      "community_id" uuid NOT NULL,
      "source" text NOT NULL,
      "n" bigint NOT NULL,
      PRIMARY KEY ("grain", "start", "community_id", "source"))`);
    await q.query(`CREATE TABLE "metric_day_dirty" (
      "community_id" uuid NOT NULL,
      "day" date NOT NULL,
      "marks" integer NOT NULL DEFAULT 1,
      PRIMARY KEY ("community_id", "day"))`);
    await q.query(`CREATE INDEX "idx_metric_day_dirty_day" ON "metric_day_dirty" ("day")`);
    await q.query(`CREATE TABLE "metric_rollup_state" (
      "id" integer PRIMARY KEY CHECK ("id" = 1),
      "fingerprint" text NOT NULL,
      "built_at" timestamptz NOT NULL)`);
    for (const m of MARKERS)
      for (const op of m.ops) for (const sql of markerSql(m, op)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const m of MARKERS)
      for (const op of m.ops) {
        await q.query(`DROP TRIGGER ${name(m.table, op)} ON "${m.table}"`);
        await q.query(`DROP FUNCTION ${name(m.table, op)}()`);
      }
    await q.query(`DROP TABLE "metric_rollup_state"`);
    await q.query(`DROP TABLE "metric_day_dirty"`);
    await q.query(`DROP TABLE "metric_rollup"`);
  }
}
