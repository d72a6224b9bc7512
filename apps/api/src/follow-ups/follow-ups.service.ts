import { createHash } from 'node:crypto';
import {
  SATISFIED_LEVELS,
  type FollowUpDetail,
  type FollowUpOutcome,
  type FollowUpSummary,
  type FollowUpVerdict,
  type Page,
  type RatingInvitation,
  type SatisfactionLevel,
  type SolvedAnswer,
} from '@baitong/contracts';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { type Actor, type ChangeActor, systemActor } from '../auth/actor';
import { systemRead } from '../auth/scope';
import { slaCalendar } from '../cases/sla-calendar';
import { CasesService } from '../cases/cases.service';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { LOGGER } from '../common/logger';
import { APP_CONFIG, type AppConfig, type FollowUpConfig } from '../config/config';
import { Db } from '../database/db';
import type { Tx } from '../database/tx';
import { type DomainEvent, EventStream } from '../events/event-stream.service';
import { RealtimeService } from '../realtime/realtime.service';
import type { HolidayCalendar } from '../sla/holiday-calendar';
import { workingDaysDue } from '../sla/sla-clock';
import { systemNote } from '../cases/system-notes';
import type { FollowUpTaskEntity } from './follow-up.entities';
import { appendFollowUpEvent, followUpRenderer } from './follow-up-pushes';
import type {
  FollowUpListQuery,
  RateCaseDto,
  ReassignFollowUpDto,
  RecordAttemptDto,
} from './follow-ups.dto';
import { caseSummaryText, toFollowUpDetail, toFollowUpSummary } from './follow-ups.mapper';
import { FollowUpsRepository, type TaskRow } from './follow-ups.repository';

/** Staff who follow up: the community's own case workers (a grid worker: their compound). */
export const FOLLOW_UP_WORKERS = [
  'desk_staff',
  'grid_worker',
  'community_worker',
  'community_admin',
];

interface AttemptInput {
  method: RecordAttemptDto['method'];
  outcome: FollowUpOutcome;
  satisfaction: SatisfactionLevel | null;
  solved: SolvedAnswer | null;
  notes: string | null;
  supersedesId: string | null;
  supersedeReason: string | null;
  key: string | null;
  hash: string | null;
}

/** What a reached resident's answer does to the case. */
export function verdictOf(satisfaction: SatisfactionLevel, solved: SolvedAnswer): FollowUpVerdict {
  return !SATISFIED_LEVELS.includes(satisfaction) || solved === 'no' ? 'reopen' : 'close';
}

/**
 * Follow-ups (回访): scheduled when a case is resolved (a reaction to the cases module's event),
 * recorded by community staff or rated by the resident in the app, and turned into the case's
 * next step (close, or reopen for rework) by a reaction as the system actor.
 */
@Injectable()
export class FollowUpsService implements OnModuleInit {
  private readonly calendar: HolidayCalendar;
  private readonly cfg: FollowUpConfig;

  constructor(
    private readonly repo: FollowUpsRepository,
    private readonly cases: CasesService,
    private readonly db: Db,
    private readonly stream: EventStream,
    private readonly realtime: RealtimeService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) log: Logger,
  ) {
    this.calendar = slaCalendar(log);
    this.cfg = config.followUps;
  }

  onModuleInit(): void {
    this.realtime.render('follow_up', followUpRenderer(this.repo, this.clock));
    // The cases module does not know that a resolution is followed up.
    this.stream.react({
      name: 'follow-ups.schedule',
      on: ['case.updated'],
      handle: async (e) => {
        if (e.data['toStatus'] === 'resolved')
          await this.schedule(systemActor('case_resolved'), e.subjectId);
      },
    });
    this.stream.react({
      name: 'follow-ups.apply-verdict',
      on: ['followup.completed'],
      handle: (e) => this.applyVerdict(e),
    });
  }

  // Scheduling

  /** One follow-up for a case just resolved whose category requires it; none twice. */
  async schedule(actor: ChangeActor, caseId: string): Promise<string | null> {
    return this.db.transaction(async (m) => {
      const c = await this.repo.caseForFollowUp(caseId, m);
      if (!c || c.status !== 'resolved' || !c.followUpRequired) return null;
      const resolvedAt = c.resolvedAt ? new Date(c.resolvedAt) : this.clock.now();
      // This resolution already has its follow-up (the resident rated before the reaction ran).
      if (await this.repo.hasTaskSince(m, caseId, resolvedAt)) return null;
      const dueAt = await this.workingDaysFrom(m, c.deskId, resolvedAt, this.cfg.dueWorkingDays);
      const assigneeId =
        (await this.repo.responsibleWorker(c.communityId, c.compoundId)) ??
        (await this.repo.communityAdmin(c.communityId));
      const task = {
        caseId: c.id,
        communityId: c.communityId,
        compoundId: c.compoundId,
        residentId: c.residentId,
        assigneeId,
        status: 'open' as const,
        round: (await this.repo.rounds(m, c.id)) + 1,
        dueAt,
        firstDueAt: dueAt,
        tries: 0,
        createdAt: this.clock.now(),
      };
      const id = await this.repo.insertTask(m, task);
      if (!id) return null;
      await appendFollowUpEvent(this.stream, m, actor, { ...task, id }, 'scheduled', {
        at: this.clock.now(),
        data: { dueAt: dueAt.toISOString(), assigneeId },
      });
      return id;
    });
  }

  // Reads

  async list(actor: Actor, q: FollowUpListQuery): Promise<Page<FollowUpSummary>> {
    if (actor.kind !== 'staff') throw AppException.forbidden();
    const now = this.clock.now();
    const { rows, total } = await this.repo.listTasks(
      actor,
      {
        assigneeId: q.assignee === 'me' ? actor.id : q.assignee,
        due: q.due,
        compoundId: q.compoundId,
        caseId: q.caseId,
        retriesPending: q.retriesPending === 'true',
        status: q.status,
        page: q.page,
        pageSize: q.pageSize,
      },
      now,
    );
    return {
      items: rows.map((r) => toFollowUpSummary(r, now)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async detail(actor: Actor, id: string): Promise<FollowUpDetail> {
    const t = await this.readable(actor, id);
    const [attempts, appeals] = await Promise.all([
      this.repo.listAttempts(t.id),
      this.repo.appealsOfTask(t.id),
    ]);
    return toFollowUpDetail(t, attempts, appeals, this.cfg.maxTries, this.clock.now());
  }

  async invitations(actor: Actor): Promise<RatingInvitation[]> {
    if (actor.kind !== 'resident') throw AppException.forbidden();
    return (await this.repo.invitationsOf(actor.id)).map((t) => ({
      followUpId: t.id,
      caseId: t.caseId,
      caseNumber: t.caseNumber,
      caseSummary: caseSummaryText(t.caseDescription),
      invitedAt: new Date(t.invitedAt!).toISOString(),
    }));
  }

  // Changes

  async reassign(actor: Actor, id: string, dto: ReassignFollowUpDto): Promise<FollowUpDetail> {
    const t = await this.readable(actor, id);
    if (actor.role !== 'community_admin' || actor.communityId !== t.communityId)
      throw AppException.forbidden('The community admin reassigns its follow-ups');
    const staff = await this.repo.findStaff(dto.assigneeId);
    if (
      !staff ||
      !staff.active ||
      staff.communityId !== t.communityId ||
      !FOLLOW_UP_WORKERS.includes(staff.role)
    )
      throw AppException.invalid(
        'assigneeId',
        'no such desk, grid or community worker in this community',
        'not_found',
      );
    await this.db.transaction(async (m) => {
      await this.repo.lockTask(m, t.id);
      const fresh = (await this.repo.findTask(systemRead('reassign after lock'), t.id, m))!;
      if (fresh.status !== 'open')
        throw new AppException('CONFLICT', 'This follow-up is finished', undefined, {
          status: fresh.status,
        });
      if (fresh.assigneeId === staff.id)
        throw AppException.invalid('assigneeId', 'the follow-up is already theirs', 'unchanged');
      await this.repo.updateTask(m, t.id, { assigneeId: staff.id, overdueAt: null });
      await appendFollowUpEvent(
        this.stream,
        m,
        actor,
        { ...fresh, assigneeId: staff.id },
        'assigned',
        {
          at: this.clock.now(),
          data: { assigneeId: staff.id, previousAssigneeId: fresh.assigneeId },
          rooms: fresh.assigneeId ? [`user:${fresh.assigneeId}`] : [],
        },
      );
    });
    return this.detail(actor, id);
  }

  /** A worker's try to reach the resident; a retry under the same Idempotency-Key returns the first. */
  async recordAttempt(
    actor: Actor,
    id: string,
    dto: RecordAttemptDto,
    idempotencyKey: string | undefined,
  ): Promise<{ detail: FollowUpDetail; replayed: boolean }> {
    const key = this.checkKey(idempotencyKey);
    const t = await this.readable(actor, id);
    if (!this.canWork(actor, t))
      throw AppException.forbidden('Only the staff of this community follow up its cases');
    if (dto.method === 'app')
      throw AppException.invalid(
        'method',
        'a rating in the app is the resident’s own',
        'not_one_of',
        {
          allowed: ['phone', 'visit', 'in_person'],
        },
      );
    const input = this.attemptInput(dto, key);
    const replayed = await this.db.transaction((m) => this.record(m, actor, t.id, input));
    return { detail: await this.detail(actor, id), replayed };
  }

  /** The resident rates their own resolved request in the app: a follow-up with method `app`. */
  async rate(actor: Actor, caseId: string, dto: RateCaseDto): Promise<FollowUpDetail> {
    if (actor.kind !== 'resident')
      throw AppException.forbidden('Residents rate their own requests');
    const c = await this.repo.caseForFollowUp(caseId);
    if (!c || c.residentId !== actor.id) throw AppException.notFound('Case');
    const taskId = await this.db.transaction(async (m) => {
      const latest = await this.repo.latestTaskId(m, caseId);
      if (latest && (await this.repo.hasAppRating(m, latest))) throw this.alreadyRated();
      const fresh = await this.repo.caseForFollowUp(caseId, m);
      if (fresh!.status !== 'resolved')
        throw new AppException('CONFLICT', 'Only a resolved request can be rated', undefined, {
          reason: 'not_resolved',
          status: fresh!.status,
        });
      // A category that needs no follow-up still takes the resident's rating, as a task of its own.
      let id = await this.repo.openTaskId(m, caseId);
      if (!id) {
        const now = this.clock.now();
        id = await this.repo.insertTask(m, {
          caseId,
          communityId: c.communityId,
          compoundId: c.compoundId,
          residentId: c.residentId,
          assigneeId: null,
          status: 'open',
          round: (await this.repo.rounds(m, caseId)) + 1,
          dueAt: now,
          firstDueAt: now,
          tries: 0,
          createdAt: now,
        });
        if (!id) throw this.alreadyRated();
      }
      await this.record(m, actor, id, {
        method: 'app',
        outcome: 'reached',
        satisfaction: dto.satisfaction,
        solved: dto.solved,
        notes: dto.comment?.trim() || null,
        supersedesId: null,
        supersedeReason: null,
        key: null,
        hash: null,
      });
      return id;
    });
    const t = (await this.repo.findTask(systemRead('the rating just recorded'), taskId))!;
    const detail = toFollowUpDetail(
      t,
      await this.repo.listAttempts(taskId),
      [],
      this.cfg.maxTries,
      this.clock.now(),
    );
    // The resident sees their rating, not who works the follow-up nor what staff noted on it.
    return {
      ...detail,
      assigneeId: null,
      assigneeName: null,
      script: null,
      attempts: detail.attempts.filter((x) => x.recordedByKind === 'resident'),
    };
  }

  /**
   * Records one attempt under the task's row lock, so concurrent recordings run in order and only
   * the one that completes the task has a consequence. Returns true for an idempotent replay.
   */
  private async record(m: Tx, actor: Actor, taskId: string, a: AttemptInput): Promise<boolean> {
    await this.repo.lockTask(m, taskId);
    if (a.key) {
      const earlier = await this.repo.attemptByKey(m, actor.id, a.key);
      if (earlier) {
        if (earlier.requestHash !== a.hash || earlier.taskId !== taskId)
          throw new AppException(
            'IDEMPOTENCY_KEY_REUSED',
            'This Idempotency-Key was used for a different request',
          );
        return true;
      }
    }
    const t = (await this.repo.findTask(systemRead('record after lock'), taskId, m))!;
    const now = this.clock.now();
    const base = {
      taskId,
      caseId: t.caseId,
      communityId: t.communityId,
      method: a.method,
      outcome: a.outcome,
      satisfaction: a.satisfaction,
      solved: a.solved,
      notes: a.notes,
      recordedByKind: actor.kind,
      recordedById: actor.id,
      recordedByName: actor.name.slice(0, 64),
      recordedAt: now,
      idempotencyKey: a.key,
      requestHash: a.hash,
    };
    if (t.status !== 'open') {
      if (!a.supersedesId) {
        if (a.method === 'app') throw this.alreadyRated();
        throw new AppException(
          'CONFLICT',
          'This follow-up is finished; correct its result with supersedesId and a reason',
          undefined,
          { reason: 'follow_up_finished', status: t.status },
        );
      }
      // A correction is a new row that names the one it corrects; the case is not moved again.
      if (a.supersedesId !== t.resultAttemptId)
        throw AppException.invalid(
          'supersedesId',
          'only the current result of this follow-up can be corrected',
          'not_found',
        );
      const attemptId = await this.repo.insertAttempt(m, {
        ...base,
        supersedesId: a.supersedesId,
        supersedeReason: a.supersedeReason,
      });
      await this.repo.updateTask(m, taskId, { resultAttemptId: attemptId });
      await appendFollowUpEvent(this.stream, m, actor, t, 'attempt_recorded', {
        at: now,
        data: { attemptId, supersedesId: a.supersedesId },
      });
      return false;
    }
    if (a.supersedesId)
      throw AppException.invalid(
        'supersedesId',
        'only a finished follow-up is corrected; record the attempt without it',
      );
    if (t.caseStatus !== 'resolved')
      throw new AppException(
        'CONFLICT',
        'The case is no longer resolved: it is being worked again',
        undefined,
        { reason: 'case_not_resolved', caseStatus: t.caseStatus },
      );
    const attemptId = await this.repo.insertAttempt(m, {
      ...base,
      supersedesId: null,
      supersedeReason: null,
    });
    const tries = t.tries + 1;
    let patch: Partial<FollowUpTaskEntity>;
    let verdict: FollowUpVerdict | null = null;
    if (a.outcome === 'unreachable' && tries < this.cfg.maxTries) {
      // The next try, a configured number of working days later.
      const dueAt = await this.workingDaysFrom(m, t.caseDeskId, now, this.cfg.retryWorkingDays);
      patch = { tries, dueAt, overdueAt: null };
    } else {
      verdict = a.outcome === 'reached' ? verdictOf(a.satisfaction!, a.solved!) : 'close';
      patch = {
        tries,
        status: a.outcome === 'unreachable' ? 'unreachable' : 'done',
        completedAt: now,
        resultAttemptId: attemptId,
        verdict,
        ...(verdict === 'reopen'
          ? {
              reworkDueAt: await this.workingDaysFrom(
                m,
                t.caseDeskId,
                now,
                this.cfg.reworkWorkingDays,
              ),
            }
          : {}),
      };
    }
    await this.repo.updateTask(m, taskId, patch);
    await appendFollowUpEvent(
      this.stream,
      m,
      actor,
      t,
      verdict ? 'completed' : 'attempt_recorded',
      {
        name: verdict ? 'followup.completed' : 'followup.updated',
        at: now,
        data: {
          attemptId,
          outcome: a.outcome,
          method: a.method,
          ...(verdict ? { verdict } : {}),
        },
      },
    );
    return false;
  }

  /** The case follows its follow-up's result: closes, or is reopened for rework (and escalated at the third time). */
  private async applyVerdict(e: DomainEvent): Promise<void> {
    const t = await this.repo.findTask(systemRead('apply a follow-up result'), e.subjectId);
    if (!t || !t.verdict) return;
    const data = { followUpId: t.id, attemptId: e.data['attemptId'] ?? null };
    if (t.verdict === 'close') {
      const reason =
        t.status === 'unreachable'
          ? 'followup_unreachable'
          : e.data['outcome'] === 'declined'
            ? 'followup_declined'
            : 'followup_satisfied';
      await this.cases.systemTransition(systemActor(reason), t.caseId, {
        action: 'close',
        data: {
          ...data,
          ...systemNote(reason, reason === 'followup_unreachable' ? { tries: t.tries } : undefined),
        },
      });
      return;
    }
    const reopened = await this.cases.systemTransition(
      systemActor('followup_dissatisfied'),
      t.caseId,
      {
        action: 'reopen',
        resolveDueAt: t.reworkDueAt ? new Date(t.reworkDueAt) : undefined,
        data: {
          ...data,
          ...systemNote('followup_dissatisfied', {
            reworkDueAt: t.reworkDueAt ? new Date(t.reworkDueAt).toISOString() : null,
          }),
        },
      },
    );
    if (reopened && reopened.reopenCount >= this.cfg.escalateAtReopen) {
      const admins = await this.repo.streetAdmins(t.streetId);
      await this.cases.systemEscalate(systemActor('reopened_repeatedly'), t.caseId, {
        to: 'street',
        rooms: admins.map((id) => `user:${id}`),
        data: {
          reopenCount: reopened.reopenCount,
          streetId: t.streetId,
          ...systemNote('reopened_escalated', { reopenCount: reopened.reopenCount }),
        },
      });
    }
  }

  // Jobs, as the system actor

  /** Marks open follow-ups past their due time and tells their assignees; safe with several processes. */
  async markOverdue(limit = 200): Promise<number> {
    const actor = systemActor('followup_overdue');
    return this.db.transaction(async (m) => {
      const ids = await this.repo.lockOverdue(m, this.clock.now(), limit);
      for (const id of ids) {
        const t = (await this.repo.findTask(systemRead('overdue follow-up'), id, m))!;
        await this.repo.updateTask(m, id, { overdueAt: this.clock.now() });
        await appendFollowUpEvent(this.stream, m, actor, t, 'overdue', {
          name: 'followup.overdue',
          at: this.clock.now(),
          data: { dueAt: new Date(t.dueAt).toISOString() },
        });
      }
      return ids.length;
    });
  }

  /** Invites residents who have not rated their resolved request within the configured days (邀评). */
  async inviteToRate(limit = 200): Promise<number> {
    const actor = systemActor('followup_invite');
    const before = new Date(this.clock.now().getTime() - this.cfg.inviteAfterDays * 86_400_000);
    return this.db.transaction(async (m) => {
      const ids = await this.repo.lockInvitable(m, before, limit);
      for (const id of ids) {
        const t = (await this.repo.findTask(systemRead('invite to rate'), id, m))!;
        await this.repo.updateTask(m, id, { invitedAt: this.clock.now() });
        await appendFollowUpEvent(this.stream, m, actor, t, 'invited', { at: this.clock.now() });
      }
      return ids.length;
    });
  }

  /** Resolved cases that need no follow-up close after the quiet period, unless reopened meanwhile. */
  async closeQuietCases(limit = 200): Promise<number> {
    const days = this.cfg.quietDays;
    const before = new Date(this.clock.now().getTime() - days * 86_400_000);
    let closed = 0;
    for (const id of await this.repo.quietCaseIds(before, limit)) {
      const r = await this.cases.systemTransition(systemActor('quiet_period'), id, {
        action: 'close',
        data: systemNote('auto_closed', { days }),
      });
      if (r) closed++;
    }
    return closed;
  }

  // Helpers

  private async readable(actor: Actor, id: string): Promise<TaskRow> {
    if (actor.kind !== 'staff') throw AppException.forbidden();
    const t = await this.repo.findTask(actor, id);
    if (!t) throw AppException.notFound('Follow-up');
    return t;
  }

  private canWork(actor: Actor, t: TaskRow): boolean {
    return (
      actor.kind === 'staff' &&
      FOLLOW_UP_WORKERS.includes(actor.role) &&
      actor.communityId === t.communityId &&
      (actor.scopeLevel !== 'compound' ||
        t.compoundId === actor.compoundId ||
        t.assigneeId === actor.id)
    );
  }

  private attemptInput(dto: RecordAttemptDto, key: string | null): AttemptInput {
    if (dto.outcome === 'reached') {
      if (!dto.satisfaction)
        throw AppException.invalid('satisfaction', 'say how satisfied the resident is', 'required');
      if (!dto.solved)
        throw AppException.invalid('solved', 'say whether the matter was solved', 'required');
    } else {
      if (dto.satisfaction)
        throw AppException.invalid(
          'satisfaction',
          'only a resident who was reached gives a satisfaction',
        );
      if (dto.solved)
        throw AppException.invalid(
          'solved',
          'only a resident who was reached says whether it was solved',
        );
    }
    if (dto.supersedesId && !dto.supersedeReason?.trim())
      throw AppException.invalid('supersedeReason', 'say why the result is corrected', 'required');
    if (!dto.supersedesId && dto.supersedeReason)
      throw AppException.invalid('supersedesId', 'name the attempt that is corrected', 'required');
    return {
      method: dto.method,
      outcome: dto.outcome,
      satisfaction: dto.satisfaction ?? null,
      solved: dto.solved ?? null,
      notes: dto.notes?.trim() || null,
      supersedesId: dto.supersedesId ?? null,
      supersedeReason: dto.supersedeReason?.trim() || null,
      key,
      hash: key ? createHash('sha256').update(JSON.stringify(dto)).digest('hex') : null,
    };
  }

  private checkKey(key: string | undefined): string | null {
    if (key === undefined) return null;
    if (!/^[\w-]{8,64}$/.test(key))
      throw AppException.invalid(
        'Idempotency-Key',
        'must be 8-64 letters, digits, - or _',
        'invalid_format',
      );
    return key;
  }

  private alreadyRated(): AppException {
    return new AppException('CONFLICT', 'You have already rated this request', undefined, {
      reason: 'already_rated',
    });
  }

  /** The end of the desk's day `days` working days after `from`, on the SLA calendar (holidays, 调休). */
  private async workingDaysFrom(m: Tx, deskId: string, from: Date, days: number): Promise<Date> {
    return workingDaysDue(from, days, await this.repo.deskHours(deskId, m), this.calendar);
  }
}
