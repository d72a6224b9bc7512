import type { MetricRowKind, MetricValueUnit } from '@baitong/contracts';
import { METRIC_KEYS, METRIC_UNITS } from '@baitong/rating-engine';
import {
  WORKFORCE_METRIC_KEYS,
  type WorkforceMetricKey,
} from '../workforce/workforce-figures.port';

// The one definition of every derived metric (docs/METRICS.md). Each side is SQL yielding the rows
// that count, one per row: `community_id`, `at` (the instant that puts the row in a period),
// `row_id`, `row_kind`, `link_id` (the record a client opens), `label`, `key` (what a distinct
// count counts) and `amount`. The figure, the drill-down, the series and the district table all
// count these same rows, so they can never disagree; a daily roll-up is the same rows grouped by
// community and `(at AT TIME ZONE 'Asia/Shanghai')::date` (and `key` for the distinct metrics).
//
// Every side reads its parameters from the CTE `p` (see metrics.repository.ts), but the
// communities, which are `$1` itself (IDS): PostgreSQL hashes a parameter array for `= ANY`, and
// searches a column of `p` linearly for every row, which for thousands of communities costs more
// than the rest of the query; `p.lo` and `p.hi` the whole range read [lo, hi), `p.evening` the evening boundary,
// `p.unrated` whether an unrated follow-up counts as satisfied. A side must not filter on `at`
// itself beyond `p.lo`/`p.hi`: the caller places each row in its period (or interval) by `at`.

export type DerivedMetricKey = Exclude<(typeof METRIC_KEYS)[number], WorkforceMetricKey>;

/** Rows whose `at` lies in the period count (`window`), or all rows up to the period's end. */
export type SideSpan = 'window' | 'until_end';

export interface RowSide {
  kind: 'rows';
  span: SideSpan;
  /** Count distinct `key` instead of rows (one resident acting twice counts once). */
  distinct: boolean;
  sql: string;
}

/** A figure held on the community as of the period's end (registered residents). */
export interface SnapshotSide {
  kind: 'snapshot';
  /** SQL yielding `community_id, value` for the communities `$1` as of the instant `$end`. */
  sql: (end: string) => string;
  /** The label of the one row that stands for the snapshot in a drill-down. */
  label: string;
}

/** A count: the denominator is 1 and has no rows. */
export interface UnitSide {
  kind: 'unit';
}

export interface MetricDefinition {
  key: DerivedMetricKey;
  unit: MetricValueUnit;
  numerator: RowSide;
  denominator: RowSide | SnapshotSide | UnitSide;
  /** The row kinds each side yields, for the contract's links. */
  rowKind: { numerator: MetricRowKind; denominator: MetricRowKind };
}

const SHANGHAI = `'Asia/Shanghai'`;
/** The communities asked for: the first parameter of every query that reads a side. */
const IDS = '$1::uuid[]';

// The case lines every case row shares: the case is its own link, its number and kind its label.
const caseRow = (at: string) => `c.community_id, ${at} AS at, c.id AS row_id, 'case' AS row_kind,
  c.id AS link_id, c.number || ' · ' || c.kind AS label, c.id AS key, NULL::float8 AS amount`;

// Resolved cases: the last resolution in the period. Rejected cases never resolve, so they are
// out of every rate built on this set.
const resolvedCases = (extra = 'TRUE') => `SELECT ${caseRow('c.resolved_at')}
  FROM service_case c CROSS JOIN p
 WHERE c.community_id = ANY(${IDS}) AND c.resolved_at >= p.lo AND c.resolved_at < p.hi
   AND c.status IN ('resolved', 'closed') AND ${extra}`;

// A repeat (二次办理): linked by staff to an earlier resolved case of the same matter, or reopened
// after its resolution.
const IS_REPEAT = `(c.repeat_of_id IS NOT NULL OR c.reopen_count > 0)`;

// First contact: resolved on the Shanghai day it was submitted, never transferred, escalated or
// reopened, and never handed to anyone else to wait for.
const FIRST_CONTACT = `c.reopen_count = 0 AND NOT c.escalated
  AND (c.resolved_at AT TIME ZONE ${SHANGHAI})::date = (c.submitted_at AT TIME ZONE ${SHANGHAI})::date
  AND NOT EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id
                   AND e.type IN ('transferred', 'escalated'))`;

// The ratings that count, as in the follow-up summary: reached, not superseded by a correction,
// not struck out by an upheld appeal, on a case. A reached attempt always carries a level.
const ratings = (extra: string) => `SELECT a.community_id, a.recorded_at AS at, a.id AS row_id,
    'follow_up_attempt' AS row_kind, a.case_id AS link_id,
    sc.number || ' · ' || a.satisfaction AS label, a.id AS key, NULL::float8 AS amount
  FROM follow_up_attempt a CROSS JOIN p
  JOIN service_case sc ON sc.id = a.case_id
 WHERE a.community_id = ANY(${IDS}) AND a.recorded_at >= p.lo AND a.recorded_at < p.hi
   AND a.case_id IS NOT NULL AND a.outcome = 'reached'
   AND NOT EXISTS (SELECT 1 FROM follow_up_attempt b WHERE b.supersedes_id = a.id)
   AND NOT EXISTS (SELECT 1 FROM follow_up_appeal ap WHERE ap.attempt_id = a.id AND ap.status = 'upheld')
   AND ${extra}`;
// Unrated: a case's follow-up that ended (done or unreachable) without any reached attempt, by its
// completion. Only with METRICS_UNRATED_AS_SATISFIED does it count, and then as satisfied (默认好评).
const unrated = `SELECT t.community_id, t.completed_at AS at, t.id AS row_id,
    'follow_up_task' AS row_kind, t.case_id AS link_id, sc.number || ' · unrated' AS label,
    t.id AS key, NULL::float8 AS amount
  FROM follow_up_task t CROSS JOIN p
  JOIN service_case sc ON sc.id = t.case_id
 WHERE p.unrated AND t.community_id = ANY(${IDS}) AND t.case_id IS NOT NULL
   AND t.status IN ('done', 'unreachable') AND t.completed_at >= p.lo AND t.completed_at < p.hi
   AND NOT EXISTS (SELECT 1 FROM follow_up_attempt ua WHERE ua.task_id = t.id AND ua.outcome = 'reached')`;
const SATISFIED = `a.satisfaction IN ('very_satisfied', 'satisfied', 'basically_satisfied')`;

// Follow-up tasks of cases first due in the period, as in the follow-up summary.
const dueTasks = (extra = 'TRUE') => `SELECT t.community_id, t.first_due_at AS at, t.id AS row_id,
    'follow_up_task' AS row_kind, t.case_id AS link_id,
    sc.number || ' · ' || t.status AS label, t.id AS key, NULL::float8 AS amount
  FROM follow_up_task t CROSS JOIN p
  JOIN service_case sc ON sc.id = t.case_id
 WHERE t.community_id = ANY(${IDS}) AND t.first_due_at >= p.lo AND t.first_due_at < p.hi
   AND t.case_id IS NOT NULL AND ${extra}`;

// Closed disputes (矛盾纠纷) by their closing.
const closedDisputes = (extra = 'TRUE') => `SELECT ${caseRow('c.closed_at')}
  FROM service_case c CROSS JOIN p
  LEFT JOIN case_mediation m ON m.case_id = c.id
 WHERE c.community_id = ANY(${IDS}) AND c.kind = 'dispute' AND c.status = 'closed'
   AND c.closed_at >= p.lo AND c.closed_at < p.hi AND ${extra}`;

// The SLA sides: a case is decided when the step is done, or when it fell overdue still undone;
// it complies when the step was done by its due time. Cases without a due time have no SLA.
const slaCases = (done: string, due: string, overdue: string, extra = 'TRUE') =>
  `SELECT ${caseRow(`COALESCE(c.${done}, c.${overdue})`)}
  FROM service_case c CROSS JOIN p
 WHERE c.community_id = ANY(${IDS}) AND c.${due} IS NOT NULL
   AND ((c.${done} >= p.lo AND c.${done} < p.hi)
     OR (c.${done} IS NULL AND c.status <> 'rejected' AND c.${overdue} >= p.lo AND c.${overdue} < p.hi))
   AND ${extra}`;

// A merged resident acts as the resident they were merged into. Only merged rows are joined
// (their partial index), never the whole resident table.
const MERGED = `(SELECT id, merged_into_id FROM resident WHERE verification = 'merged')`;

// Council participation acts, counted once per resident.
// Its link is the proposal acted on, or the meeting attended, as an API path under /api/.
const participation = `SELECT pa.community_id, pa.at, pa.id AS row_id, 'participation' AS row_kind,
    CASE WHEN pa.proposal_id IS NOT NULL THEN 'proposals/' || pa.proposal_id
         WHEN pa.subject_type = 'meeting' THEN 'meetings/' || pa.subject_id END AS link_id,
    pa.act AS label,
    COALESCE(mg.merged_into_id, pa.resident_id) AS key, NULL::float8 AS amount
  FROM participation pa CROSS JOIN p
  LEFT JOIN ${MERGED} mg ON mg.id = pa.resident_id
 WHERE pa.community_id = ANY(${IDS}) AND pa.at >= p.lo AND pa.at < p.hi`;

// The residents of the community's own register as of an instant: the current figure, unless it
// changed after that instant, then the value it had before its first later change.
const registeredAsOf = (end: string) => `SELECT c.id AS community_id,
    COALESCE((SELECT f.old_value::int FROM community_fact_change f
               WHERE f.community_id = c.id AND f.field = 'registeredResidents' AND f.at >= ${end}
               ORDER BY f.at, f.id LIMIT 1), c.registered_residents)::float8 AS value
  FROM community c CROSS JOIN p WHERE c.id = ANY(${IDS})`;

// App users: residents (merged records aside) whose first app sign-in is before the end.
const appUsers = `SELECT r.community_id, r.app_since AS at, r.id AS row_id, 'resident' AS row_kind,
    r.id AS link_id, r.name AS label, r.id AS key, NULL::float8 AS amount
  FROM resident r CROSS JOIN p
 WHERE r.community_id = ANY(${IDS}) AND r.app_since < p.hi AND r.verification <> 'merged'`;

// Active in the app: a sign-in or token refresh, a request filed in the app, a rating given in the
// app, a council act done in the app (propose, support, comment, evaluate; attending and voting
// happen at the meeting), by a resident already signed up to the app at that instant.
const appActs = `WITH acts AS (
    SELECT s.subject_id AS resident_id, s.created_at AS at, s.id AS row_id
      FROM auth_session s CROSS JOIN p
     WHERE s.subject_kind = 'resident' AND s.created_at >= p.lo AND s.created_at < p.hi
    UNION ALL
    SELECT s.subject_id, s.last_refreshed_at, s.id FROM auth_session s CROSS JOIN p
     WHERE s.subject_kind = 'resident' AND s.last_refreshed_at >= p.lo AND s.last_refreshed_at < p.hi
    UNION ALL
    SELECT c.resident_id, c.submitted_at, c.id FROM service_case c CROSS JOIN p
     WHERE c.community_id = ANY(${IDS}) AND c.channel = 'app' AND c.resident_id IS NOT NULL
       AND c.submitted_at >= p.lo AND c.submitted_at < p.hi
    UNION ALL
    SELECT t.resident_id, a.recorded_at, a.id FROM follow_up_attempt a
      JOIN follow_up_task t ON t.id = a.task_id CROSS JOIN p
     WHERE a.community_id = ANY(${IDS}) AND a.method = 'app' AND a.recorded_by_kind = 'resident'
       AND t.resident_id IS NOT NULL AND a.recorded_at >= p.lo AND a.recorded_at < p.hi
    UNION ALL
    SELECT pa.resident_id, pa.at, pa.id FROM participation pa CROSS JOIN p
     WHERE pa.community_id = ANY(${IDS}) AND pa.act IN ('propose', 'support', 'comment', 'evaluate')
       AND pa.at >= p.lo AND pa.at < p.hi),
  -- The app users first: the acts of everyone else join nothing (a hash on a small set, not a
  -- look-up per act).
  users AS (
    SELECT r.id, r.community_id, r.name, r.app_since FROM resident r CROSS JOIN p
     WHERE r.community_id = ANY(${IDS}) AND r.app_since < p.hi AND r.verification <> 'merged')
  SELECT u.community_id, acts.at, acts.row_id, 'resident' AS row_kind, u.id AS link_id,
         u.name AS label, u.id AS key, NULL::float8 AS amount
    FROM acts
    LEFT JOIN ${MERGED} mg ON mg.id = acts.resident_id
    JOIN users u ON u.id = COALESCE(mg.merged_into_id, acts.resident_id)
   WHERE u.app_since <= acts.at`;

// Council decisions and completions, as in the council overview.
const adopted = `SELECT ai.community_id, ai.decided_at AS at, ai.id AS row_id, 'proposal' AS row_kind,
    ai.proposal_id AS link_id, pr.number || ' · ' || pr.title AS label, ai.id AS key,
    NULL::float8 AS amount
  FROM meeting_agenda_item ai CROSS JOIN p JOIN proposal pr ON pr.id = ai.proposal_id
 WHERE ai.community_id = ANY(${IDS}) AND ai.decision = 'adopted'
   AND ai.decided_at >= p.lo AND ai.decided_at < p.hi`;
const completed = `SELECT pi.community_id, pi.completed_at AS at, pi.proposal_id AS row_id,
    'proposal' AS row_kind, pi.proposal_id AS link_id, pr.number || ' · ' || pr.title AS label,
    pi.proposal_id AS key, NULL::float8 AS amount
  FROM proposal_implementation pi CROSS JOIN p JOIN proposal pr ON pr.id = pi.proposal_id
 WHERE pi.community_id = ANY(${IDS}) AND pi.completed_at >= p.lo AND pi.completed_at < p.hi`;

const rows = (sql: string, distinct = false, span: SideSpan = 'window'): RowSide => ({
  kind: 'rows',
  span,
  distinct,
  sql,
});
const registered: SnapshotSide = {
  kind: 'snapshot',
  sql: registeredAsOf,
  label: 'registered residents',
};

const d = (
  key: DerivedMetricKey,
  numerator: RowSide,
  denominator: MetricDefinition['denominator'],
  rowKind: MetricDefinition['rowKind'],
): MetricDefinition => ({ key, unit: METRIC_UNITS[key], numerator, denominator, rowKind });

const CASES = { numerator: 'case', denominator: 'case' } as const;

export const METRIC_DEFINITIONS: Readonly<Record<DerivedMetricKey, MetricDefinition>> = {
  repeat_handling_rate: d(
    'repeat_handling_rate',
    rows(resolvedCases(IS_REPEAT)),
    rows(resolvedCases()),
    CASES,
  ),
  satisfaction_rate: d(
    'satisfaction_rate',
    rows(`${ratings(SATISFIED)}\nUNION ALL\n${unrated}`),
    rows(`${ratings('TRUE')}\nUNION ALL\n${unrated}`),
    { numerator: 'follow_up_attempt', denominator: 'follow_up_attempt' },
  ),
  followup_coverage: d('followup_coverage', rows(dueTasks(`t.status = 'done'`)), rows(dueTasks()), {
    numerator: 'follow_up_task',
    denominator: 'follow_up_task',
  }),
  followup_timeliness: d(
    'followup_timeliness',
    rows(
      dueTasks(
        `EXISTS (SELECT 1 FROM follow_up_attempt fa WHERE fa.task_id = t.id AND fa.recorded_at <= t.first_due_at)`,
      ),
    ),
    rows(dueTasks()),
    { numerator: 'follow_up_task', denominator: 'follow_up_task' },
  ),
  mediation_rate: d(
    'mediation_rate',
    rows(closedDisputes(`m.outcome = 'mediated'`)),
    rows(closedDisputes()),
    CASES,
  ),
  participation_rate: d('participation_rate', rows(participation, true), registered, {
    numerator: 'participation',
    denominator: 'community_fact',
  }),
  sla_accept_compliance: d(
    'sla_accept_compliance',
    rows(
      slaCases(
        'accepted_at',
        'accept_due_at',
        'accept_overdue_at',
        'c.accepted_at <= c.accept_due_at',
      ),
    ),
    rows(slaCases('accepted_at', 'accept_due_at', 'accept_overdue_at')),
    CASES,
  ),
  sla_resolve_compliance: d(
    'sla_resolve_compliance',
    rows(
      slaCases(
        'resolved_at',
        'resolve_due_at',
        'resolve_overdue_at',
        'c.resolved_at <= c.resolve_due_at',
      ),
    ),
    rows(slaCases('resolved_at', 'resolve_due_at', 'resolve_overdue_at')),
    CASES,
  ),
  first_contact_resolution: d(
    'first_contact_resolution',
    rows(resolvedCases(FIRST_CONTACT)),
    rows(resolvedCases()),
    CASES,
  ),
  evening_service_share: d(
    'evening_service_share',
    rows(resolvedCases(`(c.resolved_at AT TIME ZONE ${SHANGHAI})::time >= p.evening`)),
    rows(resolvedCases()),
    CASES,
  ),
  app_registration_rate: d(
    'app_registration_rate',
    rows(appUsers, false, 'until_end'),
    registered,
    {
      numerator: 'resident',
      denominator: 'community_fact',
    },
  ),
  app_active_rate: d('app_active_rate', rows(appActs, true), rows(appUsers, false, 'until_end'), {
    numerator: 'resident',
    denominator: 'resident',
  }),
  proposals_adopted: d(
    'proposals_adopted',
    rows(adopted),
    { kind: 'unit' },
    {
      numerator: 'proposal',
      denominator: 'proposal',
    },
  ),
  proposals_completed: d(
    'proposals_completed',
    rows(completed),
    { kind: 'unit' },
    {
      numerator: 'proposal',
      denominator: 'proposal',
    },
  ),
};

export const DERIVED_METRIC_KEYS = Object.keys(METRIC_DEFINITIONS) as DerivedMetricKey[];

export function isWorkforceKey(key: string): key is WorkforceMetricKey {
  return (WORKFORCE_METRIC_KEYS as readonly string[]).includes(key);
}
