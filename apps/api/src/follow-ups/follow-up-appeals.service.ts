import {
  SATISFIED_LEVELS,
  type CommunityFollowUpSummary,
  type FollowUpAppeal,
  type FollowUpAppealItem,
  type Page,
  type SatisfactionLevel,
  SATISFACTION_LEVELS,
} from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { systemRead } from '../auth/scope';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { Db } from '../database/db';
import { EventStream } from '../events/event-stream.service';
import { appendFollowUpEvent } from './follow-up-pushes';
import type { AppealDecisionDto, AppealDto, AppealListQuery, SummaryQuery } from './follow-ups.dto';
import { toAppeal, toAppealItem } from './follow-ups.mapper';
import { FollowUpsRepository } from './follow-ups.repository';
import { FOLLOW_UP_WORKERS } from './follow-ups.service';

const OVERSIGHT = ['community_admin', 'street_admin', 'bureau_admin', 'monitor'];

/**
 * Appeals of unfair ratings (申诉复核) and the community's follow-up figures. An upheld appeal
 * keeps the rating on record, with who decided and why, and only leaves it out of the figures.
 */
@Injectable()
export class FollowUpAppealsService {
  constructor(
    private readonly repo: FollowUpsRepository,
    private readonly db: Db,
    private readonly stream: EventStream,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async appeal(actor: Actor, attemptId: string, dto: AppealDto): Promise<FollowUpAppeal> {
    if (actor.kind !== 'staff') throw AppException.forbidden();
    const attempt = await this.repo.findAttempt(attemptId);
    const task = attempt ? await this.repo.findTask(actor, attempt.taskId) : null;
    if (!attempt || !task) throw AppException.notFound('Follow-up attempt');
    if (
      !FOLLOW_UP_WORKERS.includes(actor.role) ||
      actor.communityId !== task.communityId ||
      (actor.scopeLevel === 'compound' && task.compoundId !== actor.compoundId)
    )
      throw AppException.forbidden('The staff of the rated community appeal its ratings');
    const dissatisfied =
      attempt.outcome === 'reached' &&
      (!SATISFIED_LEVELS.includes(attempt.satisfaction!) || attempt.solved === 'no');
    if (!dissatisfied)
      throw new AppException('CONFLICT', 'Only a dissatisfied rating can be appealed', undefined, {
        reason: 'not_dissatisfied',
      });
    if (attempt.supersededById)
      throw new AppException(
        'CONFLICT',
        'This rating was corrected; appeal the correction',
        undefined,
        {
          reason: 'superseded',
        },
      );
    const now = this.clock.now();
    const id = await this.db.transaction(async (m) => {
      const appealId = await this.repo.insertAppeal(m, {
        attemptId: attempt.id,
        taskId: task.id,
        caseId: task.caseId,
        communityId: task.communityId,
        streetId: task.streetId,
        status: 'pending',
        reason: dto.reason.trim(),
        evidence: dto.evidence.trim(),
        appealedById: actor.id,
        appealedByName: actor.name.slice(0, 64),
        appealedAt: now,
      });
      if (!appealId)
        throw new AppException('CONFLICT', 'This rating has already been appealed', undefined, {
          reason: 'already_appealed',
        });
      const admins = await this.repo.streetAdmins(task.streetId);
      await appendFollowUpEvent(this.stream, m, actor, task, 'appealed', {
        at: now,
        data: { appealId, attemptId: attempt.id },
        rooms: admins.map((a) => `user:${a}`),
      });
      return appealId;
    });
    return toAppeal((await this.repo.findAppeal(systemRead('appeal just filed'), id))!);
  }

  async decide(actor: Actor, appealId: string, dto: AppealDecisionDto): Promise<FollowUpAppeal> {
    if (actor.kind !== 'staff') throw AppException.forbidden();
    const appeal = await this.repo.findAppeal(actor, appealId);
    if (!appeal) throw AppException.notFound('Appeal');
    if (actor.role !== 'street_admin' || actor.streetId !== appeal.streetId)
      throw AppException.forbidden(
        'The street admin of the community’s street decides its appeals',
      );
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      if ((await this.repo.lockAppeal(m, appeal.id)) !== 'pending')
        throw new AppException('CONFLICT', 'This appeal has already been decided', undefined, {
          reason: 'already_decided',
        });
      await this.repo.updateAppeal(m, appeal.id, {
        status: dto.decision,
        decidedById: actor.id,
        decidedByName: actor.name.slice(0, 64),
        decidedAt: now,
        decisionReason: dto.reason.trim(),
      });
      const task = (await this.repo.findTask(systemRead('appeal decided'), appeal.taskId, m))!;
      await appendFollowUpEvent(this.stream, m, actor, task, 'appeal_decided', {
        at: now,
        data: { appealId: appeal.id, decision: dto.decision },
        rooms: [`user:${appeal.appealedById}`],
      });
    });
    return toAppeal((await this.repo.findAppeal(systemRead('appeal just decided'), appeal.id))!);
  }

  /** The appeals of the caller's scope: a street admin finds those waiting for a decision. */
  async list(actor: Actor, q: AppealListQuery): Promise<Page<FollowUpAppealItem>> {
    if (actor.kind !== 'staff') throw AppException.forbidden();
    const { rows, total } = await this.repo.listAppeals(actor, {
      status: q.status,
      communityId: q.communityId,
      page: q.page,
      pageSize: q.pageSize,
    });
    return { items: rows.map(toAppealItem), total, page: q.page, pageSize: q.pageSize };
  }

  /** Coverage, timeliness, satisfaction, dissatisfied cases with their rework, appeals: one community, one period. */
  async summary(
    actor: Actor,
    communityId: string,
    q: SummaryQuery,
  ): Promise<CommunityFollowUpSummary> {
    if (actor.kind !== 'staff') throw AppException.forbidden();
    const community = await this.repo.communityInScope(actor, communityId);
    if (!community) throw AppException.notFound('Community');
    if (!OVERSIGHT.includes(actor.role))
      throw AppException.forbidden('The community, street and district admins read these figures');
    const now = this.clock.now();
    const to = q.to ? new Date(q.to) : now;
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86_400_000);
    if (from.getTime() >= to.getTime())
      throw AppException.invalid('from', 'must be before to', 'not_after', { field: 'to' });
    const [due, sat, dissatisfied, appeals, overdueOpen] = await Promise.all([
      this.repo.dueFigures(communityId, from, to),
      this.repo.satisfaction(communityId, from, to),
      this.repo.dissatisfied(communityId, from, to),
      this.repo.appealsIn(communityId, from, to),
      this.repo.overdueOpen(communityId, now),
    ]);
    const distribution = Object.fromEntries(SATISFACTION_LEVELS.map((l) => [l, 0])) as Record<
      SatisfactionLevel,
      number
    >;
    let excluded = 0;
    for (const r of sat) {
      distribution[r.level] = r.n;
      excluded += r.excluded;
    }
    const rated = Object.values(distribution).reduce((a, b) => a + b, 0);
    const satisfied = SATISFIED_LEVELS.reduce((a, l) => a + distribution[l], 0);
    const figure = (numerator: number, denominator: number) => ({
      numerator,
      denominator,
      rate: denominator === 0 ? null : numerator / denominator,
    });
    return {
      communityId,
      from: from.toISOString(),
      to: to.toISOString(),
      coverage: figure(due.followedUp, due.due),
      timeliness: figure(due.timely, due.due),
      satisfaction: figure(satisfied, rated),
      distribution,
      excludedRatings: excluded,
      overdueOpen,
      unreachable: due.unreachable,
      dissatisfied: dissatisfied.map((d) => ({
        caseId: d.caseId,
        caseNumber: d.caseNumber,
        satisfaction: d.satisfaction,
        solved: d.solved,
        ratedAt: new Date(d.recordedAt).toISOString(),
        reworkDueAt: d.reworkDueAt ? new Date(d.reworkDueAt).toISOString() : null,
        rework: ['resolved', 'closed'].includes(d.caseStatus)
          ? 'reworked'
          : d.reworkDueAt && new Date(d.reworkDueAt).getTime() < now.getTime()
            ? 'overdue'
            : 'in_rework',
        excluded: d.excluded,
      })),
      appeals: {
        pending: appeals.filter((a) => a.status === 'pending').length,
        upheld: appeals.filter((a) => a.status === 'upheld').length,
        rejected: appeals.filter((a) => a.status === 'rejected').length,
        items: appeals.map(toAppealItem),
      },
    };
  }
}
