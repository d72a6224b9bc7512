import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from './bulk-insert';
import type { CouncilHistory, DemoActor, DemoStreamEvent } from './council-history';
import type { DemoCase } from './case-history';
import type { DemoOrg } from './demo-org';
import type { LoadedOrgIds } from './seed-cases';

const iso = (t: number | null): string | null =>
  t === null ? null : new Date(t * 1000).toISOString();

/** Writes the councils' year into the database loaded by `loadDemoOrg` and `loadDemoCases`. */
export async function loadDemoCouncils(
  m: EntityManager,
  org: DemoOrg,
  ids: LoadedOrgIds,
  cases: readonly DemoCase[],
  h: CouncilHistory,
): Promise<Record<string, number>> {
  const need = <T>(map: Map<string, T>, key: string, what: string): T => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`demo councils: unknown ${what} ${key}`);
    return v;
  };
  const residentIds = new Map(ids.residents);
  const residentNames = new Map(org.residents.map((r) => [r.key, r.name]));
  for (const r of h.residents) {
    residentIds.set(r.key, randomUUID());
    residentNames.set(r.key, r.name);
  }
  const resident = (key: string) => need(residentIds, key, 'resident');
  const community = (key: string) => need(ids.communities, key, 'community');
  const compound = (key: string | null) => (key ? need(ids.compounds, key, 'compound') : null);
  const staff = (username: string) => need(ids.staff, username, 'staff');
  const staffId = (username: string | null) => (username ? staff(username).id : null);
  await bulkInsert(
    m,
    'resident',
    [
      ['id', 'uuid'],
      ['name', 'varchar'],
      ['phone', 'varchar'],
      ['id_number', 'varchar'],
      ['community_id', 'uuid'],
      ['compound_id', 'uuid'],
      ['is_foreign', 'boolean'],
      ['nationality', 'varchar'],
      ['preferred_language', 'varchar'],
      ['registered_at', 'timestamptz'],
    ],
    h.residents.map((r) => [
      resident(r.key),
      r.name,
      r.phone,
      r.idNumber,
      community(r.communityKey),
      compound(r.compoundKey),
      r.foreign,
      r.nationality,
      r.preferredLanguage,
      r.registeredAt,
    ]),
  );
  await bulkInsert(
    m,
    'council',
    [
      ['id', 'uuid'],
      ['community_id', 'uuid'],
      ['support_threshold_kind', 'varchar'],
      ['support_threshold_count', 'int'],
      ['support_share_percent', 'numeric'],
      ['support_minimum', 'int'],
      ['quorum_kind', 'varchar'],
      ['quorum_count', 'int'],
      ['adoption_rule', 'varchar'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    h.councils.map((c) => [
      c.id,
      community(c.communityKey),
      c.rules.supportThresholdKind,
      c.rules.supportThresholdCount,
      c.rules.supportSharePercent,
      c.rules.supportMinimum,
      c.rules.quorumKind,
      c.rules.quorumCount,
      c.rules.adoptionRule,
      iso(c.createdAt),
      iso(c.createdAt),
    ]),
  );
  await bulkInsert(
    m,
    'council_member',
    [
      ['id', 'uuid'],
      ['council_id', 'uuid'],
      ['community_id', 'uuid'],
      ['kind', 'varchar'],
      ['role', 'varchar'],
      ['resident_id', 'uuid'],
      ['staff_id', 'uuid'],
      ['name', 'varchar'],
      ['organisation', 'varchar'],
      ['term_start', 'date'],
      ['term_end', 'date'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    h.members.map((x) => [
      x.id,
      x.councilId,
      community(x.communityKey),
      x.kind,
      x.role,
      x.residentKey ? resident(x.residentKey) : null,
      staffId(x.staffUsername),
      x.name,
      x.organisation,
      x.termStart,
      x.termEnd,
      iso(x.createdAt),
      iso(x.createdAt),
    ]),
  );
  await bulkInsert(
    m,
    'proposal',
    [
      ['id', 'uuid'],
      ['number', 'varchar'],
      ['community_id', 'uuid'],
      ['compound_id', 'uuid'],
      ['origin', 'varchar'],
      ['author_resident_id', 'uuid'],
      ['created_by_staff_id', 'uuid'],
      ['title', 'varchar'],
      ['description', 'text'],
      ['topic', 'varchar'],
      ['status', 'varchar'],
      ['support_count', 'int'],
      ['support_threshold', 'int'],
      ['ready_at', 'timestamptz'],
      ['merged_into_id', 'uuid'],
      ['rejection_reason', 'text'],
      ['withdrawal_reason', 'text'],
      ['submitted_at', 'timestamptz'],
      ['opened_at', 'timestamptz'],
      ['status_changed_at', 'timestamptz'],
      ['version', 'int'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    h.proposals.map((p) => [
      p.id,
      p.number,
      community(p.communityKey),
      compound(p.compoundKey),
      p.origin,
      p.authorKey ? resident(p.authorKey) : null,
      staffId(p.staffUsername),
      p.title,
      p.description,
      p.topic,
      p.status,
      p.supportCount,
      p.supportThreshold,
      iso(p.readyAt),
      p.mergedIntoId,
      p.rejectionReason,
      p.withdrawalReason,
      iso(p.submittedAt),
      iso(p.openedAt),
      iso(p.statusChangedAt),
      p.version,
      iso(p.createdAt),
      iso(p.updatedAt),
    ]),
  );
  await bulkInsert(
    m,
    'proposal_support',
    [
      ['proposal_id', 'uuid'],
      ['resident_id', 'uuid'],
      ['community_id', 'uuid'],
      ['supported_at', 'timestamptz'],
      ['withdrawn_at', 'timestamptz'],
      ['carried_from_id', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
    h.supports.map((s) => [
      s.proposalId,
      resident(s.residentKey),
      community(s.communityKey),
      iso(s.supportedAt),
      iso(s.withdrawnAt),
      s.carriedFromId,
      iso(s.supportedAt),
    ]),
  );
  await bulkInsert(
    m,
    'proposal_follower',
    [
      ['proposal_id', 'uuid'],
      ['resident_id', 'uuid'],
      ['community_id', 'uuid'],
      ['reason', 'varchar'],
      ['created_at', 'timestamptz'],
    ],
    h.followers.map((f) => [
      f.proposalId,
      resident(f.residentKey),
      community(f.communityKey),
      f.reason,
      iso(f.at),
    ]),
  );
  await bulkInsert(
    m,
    'proposal_comment',
    [
      ['id', 'uuid'],
      ['proposal_id', 'uuid'],
      ['community_id', 'uuid'],
      ['author_kind', 'varchar'],
      ['author_resident_id', 'uuid'],
      ['author_staff_id', 'uuid'],
      ['author_name', 'varchar'],
      ['body', 'text'],
      ['created_at', 'timestamptz'],
      ['hidden_at', 'timestamptz'],
      ['hidden_by_id', 'uuid'],
      ['hidden_by_name', 'varchar'],
      ['hidden_reason', 'text'],
    ],
    h.comments.map((c) => [
      c.id,
      c.proposalId,
      community(c.communityKey),
      c.authorKind,
      c.residentKey ? resident(c.residentKey) : null,
      staffId(c.staffUsername),
      c.authorName,
      c.body,
      iso(c.createdAt),
      iso(c.hiddenAt),
      staffId(c.hiddenBy),
      c.hiddenBy ? staff(c.hiddenBy).name : null,
      c.hiddenReason,
    ]),
  );
  // A case's number is its place in the history (as `loadDemoCases` numbers them): the way to its id.
  const numberOf = new Map(
    cases.map((c, i) => [
      c.key,
      `BT${c.submittedAt.slice(0, 10).replace(/-/g, '')}-${String(i + 1).padStart(6, '0')}`,
    ]),
  );
  const wanted = [...new Set(h.proposalCases.map((k) => need(numberOf, k.caseKey, 'case')))];
  const caseRows = (await m.query(
    `SELECT id, number, community_id, desk_id, resident_id, assignee_id FROM service_case WHERE number = ANY($1::varchar[])`,
    [wanted],
  )) as {
    id: string;
    number: string;
    community_id: string;
    desk_id: string;
    resident_id: string | null;
    assignee_id: string | null;
  }[];
  const caseIds = new Map(caseRows.map((r) => [r.number, r.id]));
  const caseById = new Map(caseRows.map((r) => [r.id, r]));
  const caseId = (key: string) => need(caseIds, need(numberOf, key, 'case'), 'case number');
  await bulkInsert(
    m,
    'proposal_case',
    [
      ['proposal_id', 'uuid'],
      ['case_id', 'uuid'],
      ['community_id', 'uuid'],
      ['linked_at', 'timestamptz'],
      ['linked_by_id', 'uuid'],
      ['carried_from_id', 'uuid'],
    ],
    h.proposalCases.map((k) => [
      k.proposalId,
      caseId(k.caseKey),
      community(k.communityKey),
      iso(k.linkedAt),
      staffId(k.linkedBy),
      k.carriedFromId,
    ]),
  );
  // The case's own timeline says it was taken to the council, with where the case stood then.
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
      ['data', 'jsonb'],
      ['community_id', 'uuid'],
      ['desk_id', 'uuid'],
      ['resident_id', 'uuid'],
      ['assignee_id', 'uuid'],
    ],
    h.takenToCouncil.map((e) => {
      const c = need(caseById, caseId(e.caseKey), 'case');
      return [
        c.id,
        'taken_to_council',
        iso(e.at),
        'staff',
        staff(e.actorUsername).id,
        staff(e.actorUsername).name,
        JSON.stringify(e.data),
        c.community_id,
        c.desk_id,
        c.resident_id,
        c.assignee_id,
      ];
    }),
  );
  await m.query(
    `UPDATE service_case c SET updated_at = greatest(c.updated_at, e.at)
       FROM case_event e WHERE e.case_id = c.id AND e.type = 'taken_to_council'`,
  );
  await bulkInsert(
    m,
    'meeting',
    [
      ['id', 'uuid'],
      ['community_id', 'uuid'],
      ['title', 'varchar'],
      ['starts_at', 'timestamptz'],
      ['place', 'varchar'],
      ['status', 'varchar'],
      ['minutes', 'text'],
      ['closed_at', 'timestamptz'],
      ['created_by_id', 'uuid'],
      ['version', 'int'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    h.meetings.map((x) => [
      x.id,
      community(x.communityKey),
      x.title,
      iso(x.startsAt),
      x.place,
      x.status,
      x.minutes,
      iso(x.closedAt),
      staff(x.createdBy).id,
      x.version,
      iso(x.createdAt),
      iso(x.updatedAt),
    ]),
  );
  await bulkInsert(
    m,
    'meeting_agenda_item',
    [
      ['id', 'uuid'],
      ['meeting_id', 'uuid'],
      ['proposal_id', 'uuid'],
      ['community_id', 'uuid'],
      ['position', 'int'],
      ['decision', 'varchar'],
      ['present_at_decision', 'int'],
      ['required_for', 'int'],
      ['decided_at', 'timestamptz'],
      ['decision_note', 'text'],
      ['created_at', 'timestamptz'],
    ],
    h.agendaItems
      .filter((a) => !a.removed)
      .map((a) => [
        a.id,
        a.meetingId,
        a.proposalId,
        community(a.communityKey),
        a.position,
        a.decision,
        a.presentAtDecision,
        a.requiredFor,
        iso(a.decidedAt),
        a.decisionNote,
        iso(a.createdAt),
      ]),
  );
  await bulkInsert(
    m,
    'meeting_attendance',
    [
      ['id', 'uuid'],
      ['meeting_id', 'uuid'],
      ['community_id', 'uuid'],
      ['kind', 'varchar'],
      ['member_id', 'uuid'],
      ['resident_id', 'uuid'],
      ['recorded_at', 'timestamptz'],
      ['recorded_by_id', 'uuid'],
    ],
    h.attendance.map((a) => [
      a.id,
      a.meetingId,
      community(a.communityKey),
      a.kind,
      a.memberId,
      a.residentKey ? resident(a.residentKey) : null,
      iso(a.recordedAt),
      staff(a.recordedBy).id,
    ]),
  );
  await bulkInsert(
    m,
    'meeting_vote',
    [
      ['id', 'uuid'],
      ['agenda_item_id', 'uuid'],
      ['meeting_id', 'uuid'],
      ['member_id', 'uuid'],
      ['choice', 'varchar'],
      ['recorded_at', 'timestamptz'],
      ['recorded_by_id', 'uuid'],
    ],
    h.votes.map((v) => [
      v.id,
      v.agendaItemId,
      v.meetingId,
      v.memberId,
      v.choice,
      iso(v.recordedAt),
      staff(v.recordedBy).id,
    ]),
  );
  await bulkInsert(
    m,
    'proposal_implementation',
    [
      ['proposal_id', 'uuid'],
      ['community_id', 'uuid'],
      ['owner_staff_id', 'uuid'],
      ['owner_name', 'varchar'],
      ['plan', 'text'],
      ['budget_yuan', 'numeric'],
      ['funding_source', 'varchar'],
      ['funding_note', 'varchar'],
      ['started_at', 'timestamptz'],
      ['completed_at', 'timestamptz'],
      ['completion_note', 'text'],
      ['evaluation', 'jsonb'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    h.implementations.map((x) => [
      x.proposalId,
      community(x.communityKey),
      staffId(x.ownerStaffUsername),
      x.ownerName,
      x.plan,
      x.budgetYuan,
      x.fundingSource,
      x.fundingNote,
      iso(x.startedAt),
      iso(x.completedAt),
      x.completionNote,
      x.evaluation ? JSON.stringify(x.evaluation) : null,
      iso(x.startedAt),
      iso(x.updatedAt),
    ]),
  );
  await bulkInsert(
    m,
    'proposal_milestone',
    [
      ['id', 'uuid'],
      ['proposal_id', 'uuid'],
      ['community_id', 'uuid'],
      ['title', 'varchar'],
      ['planned_on', 'date'],
      ['done_at', 'timestamptz'],
      ['done_by_id', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
    h.milestones.map((x) => [
      x.id,
      x.proposalId,
      community(x.communityKey),
      x.title,
      x.plannedOn,
      iso(x.doneAt),
      staffId(x.doneBy),
      iso(x.createdAt),
    ]),
  );
  await bulkInsert(
    m,
    'proposal_progress',
    [
      ['id', 'uuid'],
      ['proposal_id', 'uuid'],
      ['community_id', 'uuid'],
      ['note', 'text'],
      ['recorded_at', 'timestamptz'],
      ['recorded_by_id', 'uuid'],
      ['recorded_by_name', 'varchar'],
    ],
    h.progress.map((x) => [
      x.id,
      x.proposalId,
      community(x.communityKey),
      x.note,
      iso(x.recordedAt),
      staff(x.recordedBy).id,
      staff(x.recordedBy).name,
    ]),
  );
  const compoundOf = new Map(org.residents.map((r) => [r.key, r.compoundKey]));
  for (const r of h.residents) compoundOf.set(r.key, r.compoundKey);
  await bulkInsert(
    m,
    'follow_up_task',
    [
      ['id', 'uuid'],
      ['proposal_id', 'uuid'],
      ['community_id', 'uuid'],
      ['compound_id', 'uuid'],
      ['resident_id', 'uuid'],
      ['status', 'varchar'],
      ['round', 'int'],
      ['due_at', 'timestamptz'],
      ['first_due_at', 'timestamptz'],
      ['tries', 'int'],
      ['completed_at', 'timestamptz'],
      ['result_attempt_id', 'uuid'],
      ['invited_at', 'timestamptz'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    h.evaluationTasks.map((t) => [
      t.id,
      t.proposalId,
      community(t.communityKey),
      compound(compoundOf.get(t.residentKey) ?? null),
      resident(t.residentKey),
      t.status,
      1,
      iso(t.dueAt),
      iso(t.dueAt),
      t.tries,
      iso(t.completedAt),
      t.resultAttemptId,
      iso(t.createdAt),
      iso(t.createdAt),
      iso(t.completedAt ?? t.createdAt),
    ]),
  );
  await bulkInsert(
    m,
    'follow_up_attempt',
    [
      ['id', 'uuid'],
      ['task_id', 'uuid'],
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
    h.evaluationAttempts.map((a) => [
      a.id,
      a.taskId,
      community(a.communityKey),
      'app',
      'reached',
      a.satisfaction,
      a.solved,
      a.notes,
      'resident',
      resident(a.residentKey),
      need(residentNames, a.residentKey, 'resident name'),
      iso(a.recordedAt),
    ]),
  );
  await bulkInsert(
    m,
    'participation',
    [
      ['resident_id', 'uuid'],
      ['community_id', 'uuid'],
      ['act', 'varchar'],
      ['subject_type', 'varchar'],
      ['subject_id', 'uuid'],
      ['proposal_id', 'uuid'],
      ['at', 'timestamptz'],
      ['created_at', 'timestamptz'],
    ],
    h.participation.map((x) => [
      resident(x.residentKey),
      community(x.communityKey),
      x.act,
      x.subjectType,
      x.subjectId,
      x.proposalId,
      iso(x.at),
      iso(x.at),
    ]),
  );
  const actorOf = (a: DemoActor): [string, string | null, string | null, string | null] => {
    if (a.kind === 'staff') {
      const s = staff(a.username);
      return ['staff', s.id, s.name, null];
    }
    if (a.kind === 'resident')
      return ['resident', resident(a.key), need(residentNames, a.key, 'resident name'), null];
    return ['system', null, 'system', a.reason];
  };
  // One stream in the order things happened: its ids are the order of every timeline.
  const events = [...h.events].sort((a, b) => a.at - b.at || a.seq - b.seq);
  await bulkInsert(
    m,
    'domain_event',
    [
      ['name', 'varchar'],
      ['at', 'timestamptz'],
      ['subject_type', 'varchar'],
      ['subject_id', 'uuid'],
      ['community_id', 'uuid'],
      ['rooms', 'text'],
      ['actor_kind', 'varchar'],
      ['actor_id', 'uuid'],
      ['actor_name', 'varchar'],
      ['reason', 'varchar'],
      ['data', 'jsonb'],
    ],
    events.map((e: DemoStreamEvent) => {
      const communityId = community(e.communityKey);
      const rooms = [
        ...(e.toCommunity ? [`community:${communityId}`] : []),
        ...e.residents.map((k) => `user:${resident(k)}`),
        ...e.staff.map((u) => `user:${staff(u).id}`),
      ];
      let data = e.dataResidentKey
        ? { ...e.data, residentId: resident(e.dataResidentKey) }
        : e.data;
      if (e.data['type'] === 'promoted')
        data = { ...data, caseIds: (e.data['caseIds'] as string[]).map(caseId) };
      return [
        e.name,
        iso(e.at),
        e.subjectType,
        e.subjectId,
        communityId,
        rooms.join(' '),
        ...actorOf(e.actor),
        JSON.stringify(data),
      ];
    }),
    5000,
    { rooms: `string_to_array(t.rooms, ' ')` },
  );
  // Live numbering continues after the history.
  await m.query(`SELECT setval('proposal_number_seq', $1)`, [h.lastNumber]);
  return {
    councilResidents: h.residents.length,
    proposals: h.proposals.length,
    supports: h.supports.length,
    meetings: h.meetings.length,
    evaluations: h.evaluationTasks.length,
    participation: h.participation.length,
    councilEvents: h.events.length,
  };
}
