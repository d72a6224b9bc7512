import type {
  EvaluationInvitation,
  MyProjectEvaluation,
  ProjectEvaluationReceipt,
} from '@baitong/contracts';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type Actor, type ChangeActor, systemActor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Db } from '../database/db';
import type { Tx } from '../database/tx';
import { EventStream } from '../events/event-stream.service';
import { RealtimeService } from '../realtime/realtime.service';
import type { EvaluateProjectDto } from './follow-ups.dto';
import {
  type EvaluationFigures,
  type EvaluationTaskRow,
  ProjectEvaluationsRepository,
} from './project-evaluations.repository';

/**
 * Evaluations of completed council projects (项目回访): when a proposal is completed (a reaction to
 * the council's event), every resident behind it — author, supporters, the residents of its cases —
 * gets one follow-up naming the proposal, answered in the app within the window; past it the open
 * ones lapse (a job). These follow-ups have no case and no consequence for any case: the council
 * reacts to their `followup.updated` events and takes the result.
 */
@Injectable()
export class ProjectEvaluationsService implements OnModuleInit {
  private readonly days: number;

  constructor(
    private readonly repo: ProjectEvaluationsRepository,
    private readonly db: Db,
    private readonly stream: EventStream,
    private readonly realtime: RealtimeService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.days = config.followUps.evaluationDays;
  }

  onModuleInit(): void {
    // The invitation reaches only the resident asked, live, as it stands after commit.
    this.realtime.render('evaluation', async (events) => {
      const found = new Map<string, EvaluationInvitation>();
      for (const e of events) {
        const residentId = e.data['residentId'];
        if (e.name !== 'evaluation.invited' || typeof residentId !== 'string' || !e.communityId)
          continue;
        const [inv] = await this.repo.openInvitations(residentId, e.communityId, [e.subjectId]);
        if (inv) found.set(e.id, inv);
      }
      return (event, room) => {
        const invitation = found.get(event.id);
        if (!invitation || room !== `user:${event.data['residentId'] as string}`) return null;
        return { eventId: event.id, invitation };
      };
    });
    this.stream.react({
      name: 'follow-ups.schedule-evaluations',
      on: ['proposal.updated'],
      handle: async (e) => {
        if (e.data['toStatus'] === 'completed')
          await this.schedule(systemActor('proposal_completed'), e.subjectId);
      },
    });
  }

  /** One evaluation per resident behind the proposal; none twice. Returns how many were added. */
  async schedule(actor: ChangeActor, proposalId: string): Promise<number> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const dueAt = new Date(now.getTime() + this.days * 86_400_000);
      let added = 0;
      const behind = await this.repo.residentsBehind(m, proposalId);
      const communityId = await this.repo.completedCommunity(m, proposalId);
      // Nobody to ask (no author resident, supporter or case resident): the council must not wait.
      if (behind.length === 0 && communityId) {
        await this.stream.append(m, {
          name: 'followup.updated',
          subject: { type: 'evaluation', id: proposalId },
          communityId,
          rooms: [],
          actor,
          data: { type: 'nobody_to_ask', proposalId },
          at: now,
        });
        return 0;
      }
      for (const r of behind) {
        const id = await this.repo.insertTask(m, {
          caseId: null,
          proposalId,
          communityId: r.communityId,
          compoundId: r.compoundId,
          residentId: r.residentId,
          assigneeId: null,
          status: 'open',
          round: 1,
          dueAt,
          firstDueAt: dueAt,
          tries: 0,
          invitedAt: now,
          createdAt: now,
        });
        if (!id) continue;
        added++;
        await this.stream.append(m, {
          name: 'evaluation.invited',
          subject: { type: 'evaluation', id },
          communityId: r.communityId,
          rooms: [`user:${r.residentId}`],
          actor,
          data: {
            type: 'evaluation_scheduled',
            proposalId,
            residentId: r.residentId,
            dueAt: dueAt.toISOString(),
          },
          at: now,
        });
      }
      return added;
    });
  }

  /** The resident's own evaluation of a completed project they are asked about; once. */
  async evaluate(
    actor: Actor,
    proposalId: string,
    dto: EvaluateProjectDto,
  ): Promise<ProjectEvaluationReceipt> {
    if (actor.kind !== 'resident')
      throw AppException.forbidden('Residents evaluate the projects they are asked about');
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      const t = await this.repo.lockTaskOf(m, proposalId, actor.id);
      // Only the residents behind the proposal are asked, in their own community.
      if (!t || t.communityId !== actor.communityId) throw AppException.notFound('Evaluation');
      if (t.status !== 'open')
        throw new AppException(
          'CONFLICT',
          t.status === 'done'
            ? 'You have already evaluated this project'
            : 'The evaluation of this project has closed',
          undefined,
          { reason: t.status === 'done' ? 'already_rated' : 'evaluation_closed' },
        );
      const attemptId = await this.repo.insertAttempt(m, {
        taskId: t.id,
        caseId: null,
        communityId: t.communityId,
        method: 'app',
        outcome: 'reached',
        satisfaction: dto.satisfaction,
        solved: dto.solved,
        notes: dto.comment?.trim() || null,
        recordedByKind: 'resident',
        recordedById: actor.id,
        recordedByName: actor.name.slice(0, 64),
        recordedAt: now,
        supersedesId: null,
        supersedeReason: null,
        idempotencyKey: null,
        requestHash: null,
      });
      await this.repo.updateTask(m, t.id, {
        status: 'done',
        tries: 1,
        completedAt: now,
        resultAttemptId: attemptId,
      });
      await this.append(m, actor, t, 'evaluated', now, {
        attemptId,
        satisfaction: dto.satisfaction,
      });
    });
    return {
      proposalId,
      satisfaction: dto.satisfaction,
      solved: dto.solved,
      recordedAt: now.toISOString(),
    };
  }

  /** The calling resident's open invitations to evaluate a completed project. */
  invitations(actor: Actor): Promise<EvaluationInvitation[]> {
    if (actor.kind !== 'resident' || !actor.communityId)
      throw AppException.forbidden('Residents are invited to evaluate projects');
    return this.repo.openInvitations(actor.id, actor.communityId);
  }

  /** The caller's own evaluation of a project they were asked about; others get 404. */
  async mine(actor: Actor, proposalId: string): Promise<MyProjectEvaluation> {
    if (actor.kind !== 'resident')
      throw AppException.forbidden('Residents evaluate the projects they are asked about');
    // Only in the resident's own community, like the answer itself.
    const found = actor.communityId
      ? await this.repo.mine(proposalId, actor.id, actor.communityId)
      : null;
    if (!found) throw AppException.notFound('Evaluation');
    return found;
  }

  /** Open evaluations past their window lapse, as the system; safe with several processes. */
  async expire(limit = 200): Promise<number> {
    const actor = systemActor('evaluation_window_passed');
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const tasks = await this.repo.lockExpired(m, now, limit);
      for (const t of tasks) {
        await this.repo.updateTask(m, t.id, { status: 'unreachable', completedAt: now });
        await this.append(m, actor, t, 'evaluation_expired', now, {});
      }
      return tasks.length;
    });
  }

  /** How the residents asked about a proposal answered so far. */
  figures(proposalId: string, m?: Tx): Promise<EvaluationFigures> {
    return this.repo.figures(proposalId, m);
  }

  private append(
    m: Tx,
    actor: ChangeActor,
    t: Pick<EvaluationTaskRow, 'id' | 'proposalId' | 'communityId' | 'residentId'>,
    type: 'evaluated' | 'evaluation_expired',
    at: Date,
    data: Record<string, unknown>,
  ): Promise<string> {
    return this.stream.append(m, {
      name: 'followup.updated',
      subject: { type: 'follow_up', id: t.id },
      communityId: t.communityId,
      rooms: [`user:${t.residentId}`],
      actor,
      data: { type, proposalId: t.proposalId, residentId: t.residentId, ...data },
      at,
    });
  }
}
