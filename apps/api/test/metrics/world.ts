import { randomUUID } from 'node:crypto';
import type { CategoryEntity } from '../../src/cases/case.entities';
import type { CommunityEntity, DeskEntity, StreetEntity } from '../../src/org/org.entities';
import type { ResidentEntity, StaffAccountEntity } from '../../src/people/people.entities';
import type { TestContext } from '../utils/app';

// Hand-built rows for the metric rules, written straight into the tables the definitions read,
// so each rule is tested on exactly the rows it names (the services that make them have their
// own tests).

let n = 0;

export interface MetricsWorld {
  street: StreetEntity;
  community: CommunityEntity;
  sibling: CommunityEntity;
  elsewhere: { street: StreetEntity; community: CommunityEntity };
  desk: DeskEntity;
  category: CategoryEntity;
  residents: ResidentEntity[];
  worker: StaffAccountEntity;
}

export async function metricsWorld(t: TestContext): Promise<MetricsWorld> {
  const street = await t.given.street();
  const community = await t.given.community({ street, registeredResidents: 250 });
  const sibling = await t.given.community({ street, registeredResidents: 80 });
  const otherStreet = await t.given.street();
  const elsewhere = {
    street: otherStreet,
    community: await t.given.community({ street: otherStreet, registeredResidents: 90 }),
  };
  const desk = await t.given.desk({ community });
  const category = await t.given.category();
  const residents: ResidentEntity[] = [];
  for (let i = 0; i < 4; i++) residents.push(await t.given.resident({ community }));
  const worker = await t.given.staff('community_worker', { community });
  return { street, community, sibling, elsewhere, desk, category, residents, worker };
}

export interface CaseRow {
  kind?: string;
  channel?: string;
  status?: string;
  submittedAt: string;
  acceptedAt?: string;
  resolvedAt?: string;
  closedAt?: string;
  acceptDueAt?: string;
  acceptOverdueAt?: string;
  resolveDueAt?: string;
  resolveOverdueAt?: string;
  reopenCount?: number;
  repeatOfId?: string;
  residentId?: string;
  community?: CommunityEntity;
  desk?: DeskEntity;
}

export async function aCase(t: TestContext, w: MetricsWorld, c: CaseRow): Promise<string> {
  const [{ id }] = (await t.ds.query(
    `INSERT INTO service_case (number, kind, category_id, channel, status, community_id, desk_id,
       resident_id, walk_in_name, description, submitted_at, accepted_at, resolved_at, closed_at,
       accept_due_at, accept_overdue_at, resolve_due_at, resolve_overdue_at, reopen_count, repeat_of_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '测试', $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
     RETURNING id`,
    [
      `MT${Date.now().toString(36)}${n++}`,
      c.kind ?? 'concern',
      w.category.id,
      c.channel ?? 'desk',
      c.status ?? (c.closedAt ? 'closed' : c.resolvedAt ? 'resolved' : 'submitted'),
      (c.community ?? w.community).id,
      (c.desk ?? w.desk).id,
      c.residentId ?? null,
      c.residentId ? null : '王先生',
      c.submittedAt,
      c.acceptedAt ?? null,
      c.resolvedAt ?? null,
      c.closedAt ?? null,
      c.acceptDueAt ?? null,
      c.acceptOverdueAt ?? null,
      c.resolveDueAt ?? null,
      c.resolveOverdueAt ?? null,
      c.reopenCount ?? 0,
      c.repeatOfId ?? null,
    ],
  )) as [{ id: string }];
  return id;
}

export async function caseEvent(t: TestContext, w: MetricsWorld, caseId: string, type: string) {
  await t.ds.query(
    `INSERT INTO case_event (case_id, type, at, actor_kind, community_id, desk_id)
     VALUES ($1, $2, now(), 'system', $3, $4)`,
    [caseId, type, w.community.id, w.desk.id],
  );
}

export async function mediation(t: TestContext, caseId: string, outcome: string) {
  await t.ds.query(
    `INSERT INTO case_mediation (case_id, parties, mediator_name, outcome) VALUES ($1, '[]', '调解员', $2)`,
    [caseId, outcome],
  );
}

export async function task(
  t: TestContext,
  w: MetricsWorld,
  p: { caseId: string; firstDueAt: string; status?: string; completedAt?: string },
): Promise<string> {
  const [{ id }] = (await t.ds.query(
    `INSERT INTO follow_up_task (case_id, community_id, status, round, due_at, first_due_at, completed_at)
     VALUES ($1, $2, $3, 1, $4, $4, $5) RETURNING id`,
    [p.caseId, w.community.id, p.status ?? 'open', p.firstDueAt, p.completedAt ?? null],
  )) as [{ id: string }];
  return id;
}

export async function attempt(
  t: TestContext,
  w: MetricsWorld,
  p: {
    taskId: string;
    caseId: string;
    at: string;
    outcome?: string;
    satisfaction?: string;
    supersedes?: string;
  },
): Promise<string> {
  const outcome = p.outcome ?? 'reached';
  const [{ id }] = (await t.ds.query(
    `INSERT INTO follow_up_attempt (task_id, case_id, community_id, method, outcome, satisfaction,
       solved, recorded_by_kind, recorded_by_id, recorded_by_name, recorded_at, supersedes_id,
       supersede_reason)
     VALUES ($1, $2, $3, 'phone', $4, $5, $6, 'staff', $7, '回访员', $8, $9, $10) RETURNING id`,
    [
      p.taskId,
      p.caseId,
      w.community.id,
      outcome,
      outcome === 'reached' ? (p.satisfaction ?? 'satisfied') : null,
      outcome === 'reached' ? 'yes' : null,
      w.worker.id,
      p.at,
      p.supersedes ?? null,
      p.supersedes ? '记录有误' : null,
    ],
  )) as [{ id: string }];
  return id;
}

export async function upheldAppeal(
  t: TestContext,
  w: MetricsWorld,
  attemptId: string,
  taskId: string,
  caseId: string,
) {
  await t.ds.query(
    `INSERT INTO follow_up_appeal (attempt_id, task_id, case_id, community_id, street_id, status,
       reason, evidence, appealed_by_id, appealed_by_name, appealed_at, decided_at)
     VALUES ($1, $2, $3, $4, $5, 'upheld', '不属于社区职责', '通话记录', $6, '书记', now(), now())`,
    [attemptId, taskId, caseId, w.community.id, w.street.id, w.worker.id],
  );
}

export async function act(
  t: TestContext,
  w: MetricsWorld,
  resident: ResidentEntity,
  kind: string,
  at: string,
) {
  await t.ds.query(
    `INSERT INTO participation (resident_id, community_id, act, subject_type, subject_id, at)
     VALUES ($1, $2, $3, 'meeting', $4, $5)`,
    [resident.id, w.community.id, kind, randomUUID(), at],
  );
}

export async function signIn(t: TestContext, resident: ResidentEntity, at: string) {
  await t.ds.query(
    `INSERT INTO auth_session (subject_kind, subject_id, refresh_token_hash, refresh_expires_at, created_at)
     VALUES ('resident', $1, $2, now() + interval '1 day', $3)`,
    [resident.id, `h${n++}`.padEnd(64, '0'), at],
  );
}

/** A resident's proposal decided at a closed meeting, and its implementation if it completes. */
export async function decidedProposal(
  t: TestContext,
  w: MetricsWorld,
  p: { decision: 'adopted' | 'not_adopted'; decidedAt: string; completedAt?: string },
): Promise<string> {
  const status = p.completedAt ? 'completed' : p.decision;
  const [{ id }] = (await t.ds.query(
    `INSERT INTO proposal (number, community_id, origin, author_resident_id, title, description,
       topic, status, status_changed_at)
     VALUES ($1, $2, 'resident', $3, '晾衣点', '空地改建晾衣点', 'facilities', $4, $5) RETURNING id`,
    [`PM${Date.now().toString(36)}${n++}`, w.community.id, w.residents[0]!.id, status, p.decidedAt],
  )) as [{ id: string }];
  const [{ id: meetingId }] = (await t.ds.query(
    `INSERT INTO meeting (community_id, title, starts_at, place, status, created_by_id, closed_at)
     VALUES ($1, '议事会', $2, '社区会议室', 'closed', $3, $2) RETURNING id`,
    [w.community.id, p.decidedAt, w.worker.id],
  )) as [{ id: string }];
  await t.ds.query(
    `INSERT INTO meeting_agenda_item (meeting_id, proposal_id, community_id, position, decision, decided_at)
     VALUES ($1, $2, $3, 1, $4, $5)`,
    [meetingId, id, w.community.id, p.decision, p.decidedAt],
  );
  if (p.completedAt)
    await t.ds.query(
      `INSERT INTO proposal_implementation (proposal_id, community_id, owner_name, plan, started_at, completed_at)
       VALUES ($1, $2, '周洋', '建设', $3, $4)`,
      [id, w.community.id, p.decidedAt, p.completedAt],
    );
  return id;
}
