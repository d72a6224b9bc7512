import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from './bulk-insert';
import { slaCalendar } from '../cases/sla-calendar';
import { computeSla, workingDaysDue } from '../sla/sla-clock';
import type { DemoCase } from './case-history';
import { DEMO_CATEGORIES } from './categories';
import type { DemoOrg } from './demo-org';
import type { DemoFollowUp } from './follow-up-history';

/** The script (回访话术) every demo category that needs a follow-up carries; the bureau edits it. */
const FOLLOW_UP_SCRIPT = {
  zh: '您好，我是社区工作人员。您前几天反映的问题已经办理完毕，想了解一下：问题解决了吗？您对办理结果满意吗？还有什么需要社区帮忙的吗？',
  en: 'Hello, this is your community worker. The matter you raised a few days ago has been handled: is it actually solved? How satisfied are you with the result? Is there anything else the community can help with?',
};

export interface LoadedOrgIds {
  communities: Map<string, string>;
  compounds: Map<string, string>;
  desks: Map<string, string>;
  residents: Map<string, string>;
  staff: Map<string, { id: string; name: string }>;
}

const need = <T>(map: Map<string, T>, key: string, what: string): T => {
  const v = map.get(key);
  if (v === undefined) throw new Error(`demo history: unknown ${what} ${key}`);
  return v;
};

export async function loadDemoCategories(m: EntityManager): Promise<
  Map<
    string,
    {
      id: string;
      acceptWithinMinutes: number;
      resolveWithin: { value: number; unit: 'open_hours' | 'working_days' };
    }
  >
> {
  const out = new Map<
    string,
    {
      id: string;
      acceptWithinMinutes: number;
      resolveWithin: { value: number; unit: 'open_hours' | 'working_days' };
    }
  >();
  for (const c of DEMO_CATEGORIES) {
    const templates = c.replyTemplates.map((t, i) => ({ id: `${c.code}-${i + 1}`, ...t }));
    const [row] = (await m.query(
      `INSERT INTO category (kind, code, name_zh, name_en, accept_within_minutes, resolve_within_value, resolve_within_unit, follow_up_required, public_area, reply_templates, follow_up_script)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        c.kind,
        c.code,
        c.nameZh,
        c.nameEn,
        c.acceptWithinMinutes,
        c.resolveWithin.value,
        c.resolveWithin.unit,
        c.followUpRequired,
        c.publicArea,
        JSON.stringify(templates),
        c.followUpRequired ? JSON.stringify(FOLLOW_UP_SCRIPT) : null,
      ],
    )) as [{ id: string }];
    out.set(c.code, {
      id: row.id,
      acceptWithinMinutes: c.acceptWithinMinutes,
      resolveWithin: c.resolveWithin,
    });
  }
  return out;
}

/** A year of cases with their event timelines, due times computed by the real SLA clock. */
export async function loadDemoCases(
  m: EntityManager,
  org: DemoOrg,
  ids: LoadedOrgIds,
  cases: DemoCase[],
  followUps: readonly DemoFollowUp[],
  log: Logger,
): Promise<number> {
  const categories = await loadDemoCategories(m);
  const calendar = slaCalendar(log);
  const deskHours = new Map(
    org.desks.map((d) => [d.key, { weeklyHours: d.weeklyHours, exceptions: d.exceptions }]),
  );
  const caseIds = new Map(cases.map((c) => [c.key, randomUUID()]));
  const followUpsOf = new Map<string, DemoFollowUp[]>();
  for (const f of followUps) {
    const list = followUpsOf.get(f.caseKey);
    if (list) list.push(f);
    else followUpsOf.set(f.caseKey, [f]);
  }
  const residentNames = new Map(org.residents.map((r) => [r.key, r.name]));
  const streetIds = new Map(
    (
      (await m.query(`SELECT id, street_id FROM community`)) as { id: string; street_id: string }[]
    ).map((r) => [r.id, r.street_id]),
  );
  const followUpRows = new FollowUpRows();

  const caseRows: unknown[][] = [];
  const eventRows: unknown[][] = [];
  const mediationRows: unknown[][] = [];
  let seq = 0;
  for (const c of cases) {
    const id = caseIds.get(c.key)!;
    const category = need(categories, c.categoryCode, 'category');
    const communityId = need(ids.communities, c.communityKey, 'community');
    const deskId = need(ids.desks, c.deskKey, 'desk');
    const residentId = c.residentKey ? need(ids.residents, c.residentKey, 'resident') : null;
    const assignee = c.assigneeUsername ? need(ids.staff, c.assigneeUsername, 'staff') : null;
    const pauses: { from: string; to: string | null }[] = [];
    for (const e of c.events) {
      if (e.toStatus === 'waiting_resident') pauses.push({ from: e.at, to: null });
      if (e.fromStatus === 'waiting_resident' && pauses.length)
        pauses[pauses.length - 1]!.to = e.at;
    }
    const lastReopen = [...c.events]
      .reverse()
      .find((e) => e.type === 'transition' && e.data.action === 'reopen');
    const sla = computeSla(
      {
        submittedAt: new Date(lastReopen?.at ?? c.submittedAt),
        acceptedAt: c.acceptedAt ? new Date(c.acceptedAt) : null,
        resolvedAt: c.resolvedAt ? new Date(c.resolvedAt) : null,
        pauses: pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null })),
        acceptWithinMinutes: category.acceptWithinMinutes,
        resolveWithin: category.resolveWithin,
      },
      need(deskHours, c.deskKey, 'desk'),
      calendar,
      new Date(c.events[c.events.length - 1]!.at),
    );
    const day = c.submittedAt.slice(0, 10);
    seq++;
    caseRows.push([
      id,
      `BT${day.replace(/-/g, '')}-${String(seq).padStart(6, '0')}`,
      c.kind,
      category.id,
      c.channel,
      c.status,
      communityId,
      c.compoundKey ? need(ids.compounds, c.compoundKey, 'compound') : null,
      deskId,
      residentId,
      c.walkInName,
      assignee?.id ?? null,
      c.description,
      c.place,
      c.submittedAt,
      c.acceptedAt,
      c.resolvedAt,
      c.closedAt,
      c.resolution,
      c.rejectionReason,
      c.reopenCount,
      c.repeatOfKey ? need(caseIds, c.repeatOfKey, 'case') : null,
      c.repeatOfKey ? 'linked' : null,
      c.escalated,
      sla.acceptDueAt?.toISOString() ?? null,
      sla.resolveDueAt?.toISOString() ?? null,
      JSON.stringify(pauses),
      c.events.length,
      c.events[c.events.length - 1]!.at,
      c.filedBy?.clientId ?? null,
      JSON.stringify(c.filedBy?.attributes ?? {}),
      c.filedBy?.mediaUrl ?? null,
      c.filedBy?.lat ?? null,
      c.filedBy?.lng ?? null,
    ]);
    const hours = need(deskHours, c.deskKey, 'desk');
    // The close or reopen each follow-up caused names it, as the API's reaction does.
    const resultData = new Map<number, Record<string, unknown>>();
    for (const f of followUpsOf.get(c.key) ?? []) {
      const link = followUpRows.add(f, {
        caseId: id,
        communityId,
        streetId: need(streetIds, communityId, 'street of community'),
        compoundId: c.compoundKey ? need(ids.compounds, c.compoundKey, 'compound') : null,
        residentId,
        residentName: c.residentKey ? (residentNames.get(c.residentKey) ?? null) : null,
        staff: (username) => need(ids.staff, username, 'staff'),
        workingDays: (from, days) => workingDaysDue(from, days, hours, calendar),
      });
      if (f.eventIndex !== null) resultData.set(f.eventIndex, link);
    }
    // The events carry where the case was at the time, for room replays.
    let assigneeAt: string | null = null;
    for (const [index, e] of c.events.entries()) {
      // Assignment and transfer to a colleague both change who holds the case from then on.
      const handedTo =
        e.type === 'assigned'
          ? e.data.assigneeUsername
          : e.type === 'transferred'
            ? e.data.toUsername
            : undefined;
      if (typeof handedTo === 'string') assigneeAt = ids.staff.get(handedTo)?.id ?? assigneeAt;
      const actor = e.actorUsername ? ids.staff.get(e.actorUsername) : undefined;
      eventRows.push([
        id,
        e.type,
        e.at,
        e.actorKind,
        actor?.id ??
          (e.actorKind === 'resident'
            ? residentId
            : e.actorKind === 'client'
              ? (c.filedBy?.clientId ?? null)
              : null),
        actor?.name ?? (e.actorKind === 'client' ? (c.filedBy?.clientName ?? null) : null),
        e.fromStatus,
        e.toStatus,
        e.note,
        JSON.stringify(
          e.type === 'repeat_linked' && c.repeatOfKey
            ? { ...e.data, repeatOfId: need(caseIds, c.repeatOfKey, 'case') }
            : { ...e.data, ...resultData.get(index) },
        ),
        communityId,
        deskId,
        residentId,
        assigneeAt ?? assignee?.id ?? null,
      ]);
    }
    if (c.mediation) {
      mediationRows.push([
        id,
        JSON.stringify(c.mediation.parties),
        c.mediation.mediatorName,
        JSON.stringify(c.mediation.sessions),
        c.mediation.outcome,
        c.mediation.agreement,
      ]);
    }
  }
  await bulkInsert(
    m,
    'service_case',
    [
      ['id', 'uuid'],
      ['number', 'varchar'],
      ['kind', 'varchar'],
      ['category_id', 'uuid'],
      ['channel', 'varchar'],
      ['status', 'varchar'],
      ['community_id', 'uuid'],
      ['compound_id', 'uuid'],
      ['desk_id', 'uuid'],
      ['resident_id', 'uuid'],
      ['walk_in_name', 'varchar'],
      ['assignee_id', 'uuid'],
      ['description', 'text'],
      ['place', 'varchar'],
      ['submitted_at', 'timestamptz'],
      ['accepted_at', 'timestamptz'],
      ['resolved_at', 'timestamptz'],
      ['closed_at', 'timestamptz'],
      ['resolution', 'text'],
      ['rejection_reason', 'text'],
      ['reopen_count', 'int'],
      ['repeat_of_id', 'uuid'],
      ['repeat_decision', 'varchar'],
      ['escalated', 'boolean'],
      ['accept_due_at', 'timestamptz'],
      ['resolve_due_at', 'timestamptz'],
      ['pauses', 'jsonb'],
      ['version', 'int'],
      ['updated_at', 'timestamptz'],
      ['api_client_id', 'uuid'],
      ['attributes', 'jsonb'],
      ['media_url', 'varchar'],
      ['lat', 'float8'],
      ['lng', 'float8'],
    ],
    caseRows,
    2000,
  );
  await bulkInsert(
    m,
    'case_event',
    [
      ['case_id', 'uuid'],
      ['type', 'varchar'],
      ['at', 'timestamptz'],
      ['actor_kind', 'varchar'],
      ['actor_id', 'uuid'],
      ['actor_name', 'varchar'],
      ['from_status', 'varchar'],
      ['to_status', 'varchar'],
      ['note', 'text'],
      ['data', 'jsonb'],
      ['community_id', 'uuid'],
      ['desk_id', 'uuid'],
      ['resident_id', 'uuid'],
      ['assignee_id', 'uuid'],
    ],
    eventRows,
  );
  await bulkInsert(
    m,
    'case_mediation',
    [
      ['case_id', 'uuid'],
      ['parties', 'jsonb'],
      ['mediator_name', 'varchar'],
      ['sessions', 'jsonb'],
      ['outcome', 'varchar'],
      ['agreement', 'text'],
    ],
    mediationRows,
  );
  await followUpRows.insert(m);
  // Live numbering continues after the history.
  await m.query(`SELECT setval('case_number_seq', $1)`, [seq]);
  return cases.length;
}

interface FollowUpContext {
  caseId: string;
  communityId: string;
  streetId: string;
  compoundId: string | null;
  residentId: string | null;
  residentName: string | null;
  staff: (username: string) => { id: string; name: string };
  /** Working days on the handling desk's SLA calendar, as the API schedules. */
  workingDays: (from: Date, days: number) => Date;
}

/** Defaults of FOLLOW_UP_DUE_WORKING_DAYS, FOLLOW_UP_RETRY_WORKING_DAYS, FOLLOW_UP_REWORK_WORKING_DAYS. */
const DUE_DAYS = 3;
const RETRY_DAYS = 1;
const REWORK_DAYS = 5;

/** The rows of the follow-up tables, as recording each attempt through the API would leave them. */
class FollowUpRows {
  private readonly tasks: unknown[][] = [];
  private readonly attempts: unknown[][] = [];
  private readonly appeals: unknown[][] = [];

  /** Adds one follow-up; returns what its result event records (the task and the deciding attempt). */
  add(f: DemoFollowUp, x: FollowUpContext): Record<string, unknown> {
    const id = randomUUID();
    const assignee = x.staff(f.assigneeUsername);
    const firstDue = x.workingDays(new Date(f.resolvedAt), DUE_DAYS);
    let due = firstDue;
    let resultId: string | null = null;
    const attemptIds: string[] = [];
    f.attempts.forEach((a, i) => {
      const attemptId = randomUUID();
      attemptIds.push(attemptId);
      const final = f.completedAt !== null && i === f.attempts.length - 1;
      if (final) resultId = attemptId;
      else if (a.outcome === 'unreachable') due = x.workingDays(new Date(a.at), RETRY_DAYS);
      const by = a.byResident ? null : assignee;
      this.attempts.push([
        attemptId,
        id,
        x.caseId,
        x.communityId,
        a.method,
        a.outcome,
        a.satisfaction,
        a.solved,
        a.notes,
        a.byResident ? 'resident' : 'staff',
        by?.id ?? x.residentId,
        by?.name ?? x.residentName ?? '居民',
        a.at,
      ]);
    });
    const last = f.completedAt ?? f.attempts.at(-1)?.at ?? f.resolvedAt;
    const reworkDueAt =
      f.verdict === 'reopen' && f.completedAt
        ? x.workingDays(new Date(f.completedAt), REWORK_DAYS).toISOString()
        : null;
    this.tasks.push([
      id,
      x.caseId,
      x.communityId,
      x.compoundId,
      x.residentId,
      assignee.id,
      f.status,
      f.round,
      due.toISOString(),
      firstDue.toISOString(),
      f.attempts.length,
      f.verdict,
      f.completedAt,
      resultId,
      reworkDueAt,
      f.resolvedAt,
      last,
    ]);
    if (f.appeal) {
      const by = x.staff(f.appeal.byUsername);
      const decider = f.appeal.decidedByUsername ? x.staff(f.appeal.decidedByUsername) : null;
      this.appeals.push([
        randomUUID(),
        attemptIds[f.appeal.attempt],
        id,
        x.caseId,
        x.communityId,
        x.streetId,
        f.appeal.status,
        f.appeal.reason,
        f.appeal.evidence,
        by.id,
        by.name,
        f.appeal.at,
        decider?.id ?? null,
        decider?.name ?? null,
        f.appeal.decidedAt,
        f.appeal.decisionReason,
        f.appeal.at,
        f.appeal.decidedAt ?? f.appeal.at,
      ]);
    }
    return {
      followUpId: id,
      attemptId: resultId,
      ...(reworkDueAt ? { noteParams: { reworkDueAt } } : {}),
    };
  }

  async insert(m: EntityManager): Promise<void> {
    await bulkInsert(
      m,
      'follow_up_task',
      [
        ['id', 'uuid'],
        ['case_id', 'uuid'],
        ['community_id', 'uuid'],
        ['compound_id', 'uuid'],
        ['resident_id', 'uuid'],
        ['assignee_id', 'uuid'],
        ['status', 'varchar'],
        ['round', 'int'],
        ['due_at', 'timestamptz'],
        ['first_due_at', 'timestamptz'],
        ['tries', 'int'],
        ['verdict', 'varchar'],
        ['completed_at', 'timestamptz'],
        ['result_attempt_id', 'uuid'],
        ['rework_due_at', 'timestamptz'],
        ['created_at', 'timestamptz'],
        ['updated_at', 'timestamptz'],
      ],
      this.tasks,
    );
    await bulkInsert(
      m,
      'follow_up_attempt',
      [
        ['id', 'uuid'],
        ['task_id', 'uuid'],
        ['case_id', 'uuid'],
        ['community_id', 'uuid'],
        ['method', 'varchar'],
        ['outcome', 'varchar'],
        ['satisfaction', 'varchar'],
        ['solved', 'varchar'],
        ['notes', 'text'],
        ['recorded_by_kind', 'varchar'],
        ['recorded_by_id', 'uuid'],
        ['recorded_by_name', 'varchar'],
        ['recorded_at', 'timestamptz'],
      ],
      this.attempts,
    );
    await bulkInsert(
      m,
      'follow_up_appeal',
      [
        ['id', 'uuid'],
        ['attempt_id', 'uuid'],
        ['task_id', 'uuid'],
        ['case_id', 'uuid'],
        ['community_id', 'uuid'],
        ['street_id', 'uuid'],
        ['status', 'varchar'],
        ['reason', 'text'],
        ['evidence', 'text'],
        ['appealed_by_id', 'uuid'],
        ['appealed_by_name', 'varchar'],
        ['appealed_at', 'timestamptz'],
        ['decided_by_id', 'uuid'],
        ['decided_by_name', 'varchar'],
        ['decided_at', 'timestamptz'],
        ['decision_reason', 'text'],
        ['created_at', 'timestamptz'],
        ['updated_at', 'timestamptz'],
      ],
      this.appeals,
    );
  }
}
