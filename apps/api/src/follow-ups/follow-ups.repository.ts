import type {
  AppealStatus,
  CaseStatus,
  FollowUpMethod,
  FollowUpOutcome,
  FollowUpScript,
  FollowUpStatus,
  FollowUpVerdict,
  SatisfactionLevel,
  SolvedAnswer,
} from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Reader, scopeSql } from '../auth/scope';
import { DeskEntity, DeskHoursExceptionEntity } from '../org/org.entities';
import {
  FollowUpAppealEntity,
  FollowUpAttemptEntity,
  FollowUpTaskEntity,
} from './follow-up.entities';

/** A task with what its screens show beside it: the case, the assignee, the category script. */
/** A case's follow-up (the query joins its case): project evaluations are never one. */
export interface TaskRow extends FollowUpTaskEntity {
  caseId: string;
  caseNumber: string;
  caseDescription: string;
  caseStatus: CaseStatus;
  caseDeskId: string;
  categoryId: string;
  assigneeName: string | null;
  residentName: string | null;
  script: FollowUpScript | null;
  streetId: string;
}

/** The resolved case a follow-up is scheduled for, with what scheduling needs of its category. */
export interface CaseForFollowUp {
  id: string;
  number: string;
  description: string;
  status: CaseStatus;
  communityId: string;
  compoundId: string | null;
  deskId: string;
  residentId: string | null;
  resolvedAt: Date | null;
  reopenCount: number;
  followUpRequired: boolean;
  streetId: string;
}

export interface AttemptRow extends FollowUpAttemptEntity {
  supersededById: string | null;
}

/** One attempt on a case's follow-ups with its task's round and verdict, for the resident's view. */
export interface CaseAttemptRow {
  id: string;
  round: number;
  verdict: FollowUpVerdict | null;
  method: FollowUpMethod;
  outcome: FollowUpOutcome;
  satisfaction: SatisfactionLevel | null;
  solved: SolvedAnswer | null;
  notes: string | null;
  recordedByKind: 'staff' | 'resident';
  recordedAt: Date;
  supersedesId: string | null;
}

export interface TaskFilter {
  assigneeId?: string;
  due?: 'today' | 'overdue';
  compoundId?: string;
  retriesPending?: boolean;
  status?: FollowUpStatus;
  caseId?: string;
  page: number;
  pageSize: number;
}

/** Where a task sits for scope; compound-level staff see their compound's and those assigned to them. */
const TASK_SCOPE = {
  community: 't.community_id',
  compound: 't.compound_id',
  assignee: 't.assignee_id',
};

const TASK_SELECT = `t.*, c.number AS case_number, c.description AS case_description,
  c.status AS case_status, c.desk_id AS case_desk_id, c.category_id AS category_id,
  a.display_name AS assignee_name, r.name AS resident_name, cat.follow_up_script AS script,
  cm.street_id AS street_id`;
const TASK_FROM = `follow_up_task t
  JOIN service_case c ON c.id = t.case_id
  JOIN category cat ON cat.id = c.category_id
  JOIN community cm ON cm.id = t.community_id
  LEFT JOIN staff_account a ON a.id = t.assignee_id
  LEFT JOIN resident r ON r.id = t.resident_id`;

const camelNames = new Map<string, string>();
function camel(s: string): string {
  let name = camelNames.get(s);
  if (name === undefined) {
    name = s.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase());
    camelNames.set(s, name);
  }
  return name;
}
function toCamel<T>(raw: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) out[camel(k)] = v;
  return out as T;
}

/** Satisfaction levels reached residents gave, as the figures count them. */
export interface SatisfactionCounts {
  level: SatisfactionLevel;
  n: number;
  excluded: number;
}

export interface DissatisfiedRow {
  caseId: string;
  caseNumber: string;
  caseStatus: CaseStatus;
  satisfaction: SatisfactionLevel | null;
  solved: SolvedAnswer | null;
  recordedAt: Date;
  reworkDueAt: Date | null;
  excluded: boolean;
}

/** An appeal with the case, community and rating it is about. */
export interface AppealRow extends FollowUpAppealEntity {
  caseNumber: string;
  communityName: string;
  communityNameEn: string;
  satisfaction: SatisfactionLevel | null;
  solved: SolvedAnswer | null;
}

export interface AppealFilter {
  status?: AppealStatus;
  communityId?: string;
  page: number;
  pageSize: number;
}

/** Appeals sit where their follow-up does: compound-level staff see their compound's. */
const APPEAL_SCOPE = {
  community: 'p.community_id',
  compound: 't.compound_id',
  assignee: 't.assignee_id',
};

const APPEAL_SELECT = `p.*, c.number AS case_number, cm.name AS community_name,
  cm.name_en AS community_name_en, a.satisfaction, a.solved`;
const APPEAL_FROM = `follow_up_appeal p
  JOIN follow_up_task t ON t.id = p.task_id
  JOIN follow_up_attempt a ON a.id = p.attempt_id
  JOIN service_case c ON c.id = p.case_id
  JOIN community cm ON cm.id = p.community_id`;

@Injectable()
export class FollowUpsRepository {
  constructor(private readonly ds: DataSource) {}

  // Scheduling

  async caseForFollowUp(caseId: string, m?: EntityManager): Promise<CaseForFollowUp | null> {
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT c.id, c.number, c.description, c.status, c.community_id, c.compound_id, c.desk_id,
              c.resident_id, c.resolved_at, c.reopen_count, cat.follow_up_required, cm.street_id
         FROM service_case c JOIN category cat ON cat.id = c.category_id
         JOIN community cm ON cm.id = c.community_id
        WHERE c.id = $1`,
      [caseId],
    );
    return rows[0] ? toCamel<CaseForFollowUp>(rows[0]) : null;
  }

  /**
   * The community worker responsible for the compound: one whose grid lies in it. Several: the
   * longest-serving, so that the same worker keeps the compound's follow-ups.
   */
  async responsibleWorker(communityId: string, compoundId: string | null): Promise<string | null> {
    if (!compoundId) return null;
    const rows: { id: string }[] = await this.ds.query(
      `SELECT s.id FROM staff_account s JOIN grid g ON g.id = s.grid_id
        WHERE s.active AND s.role = 'community_worker' AND s.community_id = $1 AND g.compound_id = $2
        ORDER BY s.created_at, s.id LIMIT 1`,
      [communityId, compoundId],
    );
    return rows[0]?.id ?? null;
  }

  async communityAdmin(communityId: string): Promise<string | null> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM staff_account WHERE active AND role = 'community_admin' AND community_id = $1
        ORDER BY created_at, id LIMIT 1`,
      [communityId],
    );
    return rows[0]?.id ?? null;
  }

  async streetAdmins(streetId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM staff_account WHERE active AND role = 'street_admin' AND street_id = $1`,
      [streetId],
    );
    return rows.map((r) => r.id);
  }

  async findStaff(id: string): Promise<{
    id: string;
    role: string;
    communityId: string | null;
    active: boolean;
    displayName: string;
  } | null> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT id, role, community_id, active, display_name FROM staff_account WHERE id = $1`,
      [id],
    );
    return rows[0] ? toCamel(rows[0]) : null;
  }

  async deskHours(
    deskId: string,
    m?: EntityManager,
  ): Promise<{ weeklyHours: DeskEntity['weeklyHours']; exceptions: DeskHoursExceptionEntity[] }> {
    const mgr = m ?? this.ds.manager;
    const desk = await mgr.findOneByOrFail(DeskEntity, { id: deskId });
    const exceptions = await mgr.find(DeskHoursExceptionEntity, { where: { deskId } });
    return { weeklyHours: desk.weeklyHours, exceptions };
  }

  async rounds(m: EntityManager, caseId: string): Promise<number> {
    const [{ n }] = (await m.query(
      'SELECT count(*)::int AS n FROM follow_up_task WHERE case_id = $1',
      [caseId],
    )) as [{ n: number }];
    return n;
  }

  async openTaskId(m: EntityManager, caseId: string): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM follow_up_task WHERE case_id = $1 AND status = 'open'`,
      [caseId],
    );
    return rows[0]?.id ?? null;
  }

  async hasTaskSince(m: EntityManager, caseId: string, since: Date): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM follow_up_task WHERE case_id = $1 AND (status = 'open' OR created_at >= $2) LIMIT 1`,
      [caseId, since],
    );
    return rows.length > 0;
  }

  async latestTaskId(m: EntityManager, caseId: string): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM follow_up_task WHERE case_id = $1 ORDER BY round DESC LIMIT 1`,
      [caseId],
    );
    return rows[0]?.id ?? null;
  }

  /** Inserts a task unless the case already has an open one (the unique index decides); its id or null. */
  async insertTask(m: EntityManager, t: Partial<FollowUpTaskEntity>): Promise<string | null> {
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(FollowUpTaskEntity)
      .values(t as never)
      .orIgnore()
      .returning('id')
      .execute();
    const row = res.raw as { id: string }[];
    return row[0]?.id ?? null;
  }

  async updateTask(
    m: EntityManager,
    id: string,
    patch: Partial<FollowUpTaskEntity>,
  ): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await m
      .createQueryBuilder()
      .update(FollowUpTaskEntity)
      .set(patch)
      .where('id = :id', { id })
      .execute();
  }

  /** Takes the task's row lock: concurrent recordings on one task run one after the other. */
  async lockTask(m: EntityManager, id: string): Promise<void> {
    await m.query('SELECT 1 FROM follow_up_task WHERE id = $1 FOR UPDATE', [id]);
  }

  // Reads

  async findTask(reader: Reader, id: string, m?: EntityManager): Promise<TaskRow | null> {
    const params: unknown[] = [id];
    const scope = scopeSql(reader, TASK_SCOPE, params);
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT ${TASK_SELECT} FROM ${TASK_FROM} WHERE t.id = $1 AND ${scope}`,
      params,
    );
    return rows[0] ? toCamel<TaskRow>(rows[0]) : null;
  }

  async findTasks(ids: string[]): Promise<TaskRow[]> {
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${TASK_SELECT} FROM ${TASK_FROM} WHERE t.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => toCamel<TaskRow>(r));
  }

  /** The caller's follow-ups, soonest due first; "today" and "overdue" in Asia/Shanghai days. */
  async listTasks(
    reader: Reader,
    f: TaskFilter,
    now: Date,
  ): Promise<{ rows: TaskRow[]; total: number }> {
    const params: unknown[] = [];
    // Case follow-ups only: a project evaluation is the resident's own, in the app.
    const where = [scopeSql(reader, TASK_SCOPE, params), 't.case_id IS NOT NULL'];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (f.assigneeId) where.push(`t.assignee_id = ${p(f.assigneeId)}`);
    if (f.compoundId) where.push(`t.compound_id = ${p(f.compoundId)}`);
    if (f.caseId) where.push(`t.case_id = ${p(f.caseId)}`);
    if (f.status) where.push(`t.status = ${p(f.status)}`);
    if (f.due === 'overdue') where.push(`t.status = 'open' AND t.due_at < ${p(now)}`);
    if (f.due === 'today') {
      const at = p(now);
      where.push(`t.status = 'open' AND t.due_at >= ${at}
        AND (t.due_at AT TIME ZONE 'Asia/Shanghai')::date = (${at}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`);
    }
    if (f.retriesPending) where.push(`t.status = 'open' AND t.tries > 0`);
    const sqlWhere = where.join(' AND ');
    const [{ n }] = (await this.ds.query(
      `SELECT count(*)::int AS n FROM follow_up_task t WHERE ${sqlWhere}`,
      params,
    )) as [{ n: number }];
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${TASK_SELECT} FROM ${TASK_FROM} WHERE ${sqlWhere}
        ORDER BY (t.status = 'open') DESC, t.due_at, t.id
        LIMIT ${p(f.pageSize)} OFFSET ${p((f.page - 1) * f.pageSize)}`,
      params,
    );
    return { rows: rows.map((r) => toCamel<TaskRow>(r)), total: n };
  }

  /** A task's attempts, oldest first, each with the later one that superseded it. */
  async listAttempts(taskId: string, m?: EntityManager): Promise<AttemptRow[]> {
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT a.*, (SELECT b.id FROM follow_up_attempt b WHERE b.supersedes_id = a.id LIMIT 1) AS superseded_by_id
         FROM follow_up_attempt a WHERE a.task_id = $1 ORDER BY a.recorded_at, a.created_at, a.id`,
      [taskId],
    );
    return rows.map((r) => toCamel<AttemptRow>(r));
  }

  async findAttempt(id: string, m?: EntityManager): Promise<AttemptRow | null> {
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT a.*, (SELECT b.id FROM follow_up_attempt b WHERE b.supersedes_id = a.id LIMIT 1) AS superseded_by_id
         FROM follow_up_attempt a WHERE a.id = $1`,
      [id],
    );
    return rows[0] ? toCamel<AttemptRow>(rows[0]) : null;
  }

  async attemptByKey(
    m: EntityManager,
    actorId: string,
    key: string,
  ): Promise<FollowUpAttemptEntity | null> {
    return m.findOneBy(FollowUpAttemptEntity, { recordedById: actorId, idempotencyKey: key });
  }

  async hasAppRating(m: EntityManager, taskId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM follow_up_attempt WHERE task_id = $1 AND method = 'app' LIMIT 1`,
      [taskId],
    );
    return rows.length > 0;
  }

  async insertAttempt(m: EntityManager, a: Partial<FollowUpAttemptEntity>): Promise<string> {
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(FollowUpAttemptEntity)
      .values(a as never)
      .returning('id')
      .execute();
    return String((res.identifiers[0] as { id: string }).id);
  }

  // Appeals

  async appealsOfTask(taskId: string): Promise<FollowUpAppealEntity[]> {
    return this.ds.getRepository(FollowUpAppealEntity).find({
      where: { taskId },
      order: { appealedAt: 'ASC' },
    });
  }

  async findAppeal(
    reader: Reader,
    id: string,
    m?: EntityManager,
  ): Promise<FollowUpAppealEntity | null> {
    const params: unknown[] = [id];
    const scope = scopeSql(reader, { community: 'p.community_id' }, params);
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT p.* FROM follow_up_appeal p WHERE p.id = $1 AND ${scope}`,
      params,
    );
    return rows[0] ? toCamel<FollowUpAppealEntity>(rows[0]) : null;
  }

  /**
   * The appeals the reader may see. Pending ones longest waiting first, so the street admin decides
   * them in turn; otherwise the newest first.
   */
  async listAppeals(
    reader: Reader,
    f: AppealFilter,
  ): Promise<{ rows: AppealRow[]; total: number }> {
    const params: unknown[] = [];
    const where = [scopeSql(reader, APPEAL_SCOPE, params)];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (f.status) where.push(`p.status = ${p(f.status)}`);
    if (f.communityId) where.push(`p.community_id = ${p(f.communityId)}`);
    const sqlWhere = where.join(' AND ');
    const order = f.status === 'pending' ? 'ASC' : 'DESC';
    const [{ n }] = (await this.ds.query(
      `SELECT count(*)::int AS n FROM follow_up_appeal p JOIN follow_up_task t ON t.id = p.task_id
        WHERE ${sqlWhere}`,
      params,
    )) as [{ n: number }];
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${APPEAL_SELECT} FROM ${APPEAL_FROM} WHERE ${sqlWhere}
        ORDER BY p.appealed_at ${order}, p.id
        LIMIT ${p(f.pageSize)} OFFSET ${p((f.page - 1) * f.pageSize)}`,
      params,
    );
    return { rows: rows.map((r) => toCamel<AppealRow>(r)), total: n };
  }

  async lockAppeal(m: EntityManager, id: string): Promise<AppealStatus | null> {
    const rows: { status: AppealStatus }[] = await m.query(
      'SELECT status FROM follow_up_appeal WHERE id = $1 FOR UPDATE',
      [id],
    );
    return rows[0]?.status ?? null;
  }

  async insertAppeal(m: EntityManager, a: Partial<FollowUpAppealEntity>): Promise<string | null> {
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(FollowUpAppealEntity)
      .values(a as never)
      .orIgnore()
      .returning('id')
      .execute();
    const row = res.raw as { id: string }[];
    return row[0]?.id ?? null;
  }

  async updateAppeal(
    m: EntityManager,
    id: string,
    patch: Partial<FollowUpAppealEntity>,
  ): Promise<void> {
    await m
      .createQueryBuilder()
      .update(FollowUpAppealEntity)
      .set(patch)
      .where('id = :id', { id })
      .execute();
  }

  // Jobs

  /** Open tasks past their due time not yet marked, locked so another process skips them. */
  async lockOverdue(m: EntityManager, now: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM follow_up_task WHERE status = 'open' AND overdue_at IS NULL AND due_at < $1
          AND case_id IS NOT NULL
        ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Open tasks of residents who have not rated for `before`, not yet invited, locked. */
  async lockInvitable(m: EntityManager, before: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT t.id FROM follow_up_task t
        WHERE t.status = 'open' AND t.resident_id IS NOT NULL AND t.invited_at IS NULL
          AND t.case_id IS NOT NULL AND t.created_at <= $1
          AND NOT EXISTS (SELECT 1 FROM follow_up_attempt a WHERE a.task_id = t.id AND a.method = 'app')
        ORDER BY t.created_at LIMIT $2 FOR UPDATE OF t SKIP LOCKED`,
      [before, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Resolved cases whose category needs no follow-up, quiet since `before`, with no open follow-up. */
  async quietCaseIds(before: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT c.id FROM service_case c JOIN category cat ON cat.id = c.category_id
        WHERE c.status = 'resolved' AND NOT cat.follow_up_required AND c.resolved_at <= $1
          AND NOT EXISTS (SELECT 1 FROM follow_up_task t WHERE t.case_id = c.id AND t.status = 'open')
        ORDER BY c.resolved_at LIMIT $2`,
      [before, limit],
    );
    return rows.map((r) => r.id);
  }

  /** The latest round of the case's follow-ups and whether the resident rated it; null without any. */
  async latestRound(caseId: string): Promise<{ round: number; rated: boolean } | null> {
    const rows: { round: number; rated: boolean }[] = await this.ds.query(
      `SELECT t.round, EXISTS (SELECT 1 FROM follow_up_attempt a
                                WHERE a.task_id = t.id AND a.method = 'app') AS rated
         FROM follow_up_task t WHERE t.case_id = $1 ORDER BY t.round DESC LIMIT 1`,
      [caseId],
    );
    return rows[0] ?? null;
  }

  /** Every attempt on the case's follow-ups, oldest first. */
  async attemptsOfCase(caseId: string): Promise<CaseAttemptRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT a.id, t.round, t.verdict, a.method, a.outcome, a.satisfaction, a.solved, a.notes,
              a.recorded_by_kind, a.recorded_at, a.supersedes_id
         FROM follow_up_attempt a JOIN follow_up_task t ON t.id = a.task_id
        WHERE t.case_id = $1 ORDER BY a.recorded_at, a.created_at, a.id`,
      [caseId],
    );
    return rows.map((r) => toCamel<CaseAttemptRow>(r));
  }

  async invitationsOf(residentId: string): Promise<TaskRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${TASK_SELECT} FROM ${TASK_FROM}
        WHERE t.resident_id = $1 AND t.status = 'open' AND t.invited_at IS NOT NULL
        ORDER BY t.invited_at DESC LIMIT 50`,
      [residentId],
    );
    return rows.map((r) => toCamel<TaskRow>(r));
  }

  // Figures

  async communityInScope(
    reader: Reader,
    id: string,
  ): Promise<{ id: string; streetId: string } | null> {
    const params: unknown[] = [id];
    const scope = scopeSql(reader, { community: 'c.id' }, params);
    const rows: { id: string; street_id: string }[] = await this.ds.query(
      `SELECT c.id, c.street_id FROM community c WHERE c.id = $1 AND ${scope}`,
      params,
    );
    return rows[0] ? { id: rows[0].id, streetId: rows[0].street_id } : null;
  }

  /** Tasks first due in [from, to): how many, followed up, in time, unreachable. */
  async dueFigures(
    communityId: string,
    from: Date,
    to: Date,
  ): Promise<{ due: number; followedUp: number; timely: number; unreachable: number }> {
    const [row] = (await this.ds.query(
      `SELECT count(*)::int AS due,
              count(*) FILTER (WHERE t.status = 'done')::int AS followed_up,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM follow_up_attempt a
                 WHERE a.task_id = t.id AND a.recorded_at <= t.first_due_at))::int AS timely,
              count(*) FILTER (WHERE t.status = 'unreachable')::int AS unreachable
         FROM follow_up_task t
        WHERE t.community_id = $1 AND t.case_id IS NOT NULL
          AND t.first_due_at >= $2 AND t.first_due_at < $3`,
      [communityId, from, to],
    )) as [{ due: number; followed_up: number; timely: number; unreachable: number }];
    return {
      due: row.due,
      followedUp: row.followed_up,
      timely: row.timely,
      unreachable: row.unreachable,
    };
  }

  async overdueOpen(communityId: string, now: Date): Promise<number> {
    const [{ n }] = (await this.ds.query(
      `SELECT count(*)::int AS n FROM follow_up_task
        WHERE community_id = $1 AND case_id IS NOT NULL AND status = 'open' AND due_at < $2`,
      [communityId, now],
    )) as [{ n: number }];
    return n;
  }

  /**
   * Ratings in [from, to) that count: reached, not superseded by a later attempt; `excluded` are
   * those an upheld appeal keeps out of the figures.
   */
  async satisfaction(communityId: string, from: Date, to: Date): Promise<SatisfactionCounts[]> {
    const rows: { level: SatisfactionLevel; n: number; excluded: number }[] = await this.ds.query(
      `SELECT a.satisfaction AS level,
              count(*) FILTER (WHERE p.id IS NULL)::int AS n,
              count(*) FILTER (WHERE p.id IS NOT NULL)::int AS excluded
         FROM follow_up_attempt a
         LEFT JOIN follow_up_appeal p ON p.attempt_id = a.id AND p.status = 'upheld'
        WHERE a.community_id = $1 AND a.case_id IS NOT NULL AND a.outcome = 'reached'
          AND a.recorded_at >= $2 AND a.recorded_at < $3
          AND NOT EXISTS (SELECT 1 FROM follow_up_attempt b WHERE b.supersedes_id = a.id)
        GROUP BY a.satisfaction`,
      [communityId, from, to],
    );
    return rows;
  }

  async dissatisfied(communityId: string, from: Date, to: Date): Promise<DissatisfiedRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT a.case_id, c.number AS case_number, c.status AS case_status, a.satisfaction, a.solved,
              a.recorded_at, t.rework_due_at, (p.id IS NOT NULL) AS excluded
         FROM follow_up_attempt a
         JOIN follow_up_task t ON t.id = a.task_id
         JOIN service_case c ON c.id = a.case_id
         LEFT JOIN follow_up_appeal p ON p.attempt_id = a.id AND p.status = 'upheld'
        WHERE a.community_id = $1 AND a.outcome = 'reached' AND a.recorded_at >= $2 AND a.recorded_at < $3
          AND (a.satisfaction IN ('dissatisfied','very_dissatisfied') OR a.solved = 'no')
          AND NOT EXISTS (SELECT 1 FROM follow_up_attempt b WHERE b.supersedes_id = a.id)
        ORDER BY a.recorded_at DESC LIMIT 200`,
      [communityId, from, to],
    );
    return rows.map((r) => toCamel<DissatisfiedRow>(r));
  }

  async appealsIn(communityId: string, from: Date, to: Date): Promise<AppealRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${APPEAL_SELECT} FROM ${APPEAL_FROM}
        WHERE p.community_id = $1 AND p.appealed_at >= $2 AND p.appealed_at < $3
        ORDER BY p.appealed_at DESC, p.id LIMIT 200`,
      [communityId, from, to],
    );
    return rows.map((r) => toCamel<AppealRow>(r));
  }
}
