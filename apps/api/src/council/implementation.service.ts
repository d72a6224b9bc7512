import {
  SATISFACTION_LEVELS,
  SATISFIED_LEVELS,
  type ProposalEvaluationResult,
  type ProposalImplementation,
  type SatisfactionLevel,
} from '@baitong/contracts';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type Actor, systemActor } from '../auth/actor';
import { systemRead } from '../auth/scope';
import { PhotosService } from '../cases/photos.service';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { Db } from '../database/db';
import type { Tx } from '../database/tx';
import { type DomainEvent, EventStream } from '../events/event-stream.service';
import { ProjectEvaluationsService } from '../follow-ups/project-evaluations.service';
import { ProposalActivityRepository } from './proposal-activity.repository';
import { CouncilsRepository } from './councils.repository';
import type {
  AddMilestoneDto,
  AddProgressDto,
  CompleteImplementationDto,
  StartImplementationDto,
} from './implementation.dto';
import { toImplementation } from './implementation.mapper';
import { ImplementationRepository } from './implementation.repository';
import { appendProposalEvent } from './proposal-pushes';
import { type ProposalRow, ProposalsRepository } from './proposals.repository';
import { ProposalsService, isCouncilWorker } from './proposals.service';

/**
 * Building an adopted proposal (项目实施): the community's staff name an owner and a plan (with a
 * budget and where the money comes from), plan milestones and mark them done, post progress with
 * photos, and complete it. The lifecycle steps go through `processTransition`; the rest are the
 * proposal's own events, told to everyone behind it. Completion is evaluated by the residents
 * behind it through the follow-ups module; each answer is an `evaluate` participation row, and once
 * every one asked has answered or the window passed the proposal is `evaluated` with the result.
 */
@Injectable()
export class ImplementationService implements OnModuleInit {
  constructor(
    private readonly repo: ImplementationRepository,
    private readonly activity: ProposalActivityRepository,
    private readonly evaluations: ProjectEvaluationsService,
    private readonly proposalsRepo: ProposalsRepository,
    private readonly councils: CouncilsRepository,
    private readonly proposals: ProposalsService,
    private readonly photos: PhotosService,
    private readonly db: Db,
    private readonly stream: EventStream,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // The follow-ups module does not know what a council does with a project's evaluations.
    this.stream.react({
      name: 'council.take-evaluations',
      on: ['followup.updated'],
      handle: (e) => this.onEvaluation(e),
    });
  }

  async start(
    actor: Actor,
    id: string,
    dto: StartImplementationDto,
  ): Promise<ProposalImplementation> {
    const p = await this.runnable(actor, id);
    let ownerName = dto.ownerName?.trim() || null;
    if (dto.ownerStaffId) {
      const staff = await this.councils.staffInCommunity(dto.ownerStaffId, p.communityId);
      if (!staff)
        throw AppException.invalid(
          'ownerStaffId',
          'no such active worker in this community',
          'not_found',
        );
      ownerName ??= staff.name;
    }
    if (!ownerName)
      throw AppException.invalid(
        'ownerName',
        'name who owns the project, or give ownerStaffId',
        'required',
      );
    if (dto.fundingNote && !dto.fundingSource)
      throw AppException.invalid('fundingSource', 'say where the money comes from', 'paired', {
        with: 'fundingNote',
      });
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      await this.proposalsRepo.lock(m, id);
      if (await this.repo.find(id, m))
        throw new AppException('CONFLICT', 'The implementation has started already', undefined, {
          reason: 'already_started',
        });
      await this.repo.insert(m, {
        proposalId: id,
        communityId: p.communityId,
        ownerStaffId: dto.ownerStaffId ?? null,
        ownerName: ownerName.slice(0, 64),
        plan: dto.plan.trim(),
        budgetYuan: dto.budgetYuan ?? null,
        fundingSource: dto.fundingSource ?? null,
        fundingNote: dto.fundingNote?.trim() || null,
        startedAt: now,
      });
      await this.repo.addMilestones(
        m,
        id,
        p.communityId,
        (dto.milestones ?? []).map((x) => ({ title: x.title.trim(), plannedOn: x.plannedOn })),
      );
      await this.proposals.processTransition(actor, id, 'start_implementation', {
        data: {
          ownerName,
          budgetYuan: dto.budgetYuan ?? null,
          fundingSource: dto.fundingSource ?? null,
        },
      });
    });
    return this.get(actor, id);
  }

  async addMilestone(
    actor: Actor,
    id: string,
    dto: AddMilestoneDto,
  ): Promise<ProposalImplementation> {
    await this.inProgress(actor, id, async (m, p, now) => {
      const [milestoneId] = await this.repo.addMilestones(m, id, p.communityId, [
        { title: dto.title.trim(), plannedOn: dto.plannedOn },
      ]);
      await this.event(m, actor, p, 'milestone_added', now, {
        milestoneId,
        title: dto.title.trim(),
        plannedOn: dto.plannedOn,
      });
    });
    return this.get(actor, id);
  }

  async milestoneDone(
    actor: Actor,
    id: string,
    milestoneId: string,
  ): Promise<ProposalImplementation> {
    await this.inProgress(actor, id, async (m, p, now) => {
      if (!(await this.repo.milestoneExists(m, id, milestoneId)))
        throw AppException.notFound('Milestone');
      if (!(await this.repo.markDone(m, id, milestoneId, now, actor.id)))
        throw new AppException('CONFLICT', 'This milestone is done already', undefined, {
          reason: 'already_done',
        });
      await this.event(m, actor, p, 'milestone_done', now, { milestoneId });
    });
    return this.get(actor, id);
  }

  async addProgress(
    actor: Actor,
    id: string,
    dto: AddProgressDto,
  ): Promise<ProposalImplementation> {
    const photoIds = dto.photoIds ?? [];
    await this.inProgress(actor, id, async (m, p, now) => {
      const progressId = await this.repo.addProgress(m, {
        proposalId: id,
        communityId: p.communityId,
        note: dto.note.trim(),
        recordedAt: now,
        recordedById: actor.id,
        recordedByName: actor.name.slice(0, 64),
      });
      if ((await this.photos.take(m, photoIds, actor.id)) !== photoIds.length)
        throw AppException.invalid(
          'photoIds',
          'unknown photos, photos of someone else, photos named twice or already attached',
        );
      await this.repo.addProgressPhotos(m, id, progressId, photoIds);
      await this.event(m, actor, p, 'progress_added', now, {
        progressId,
        photos: photoIds.length,
      });
    });
    return this.get(actor, id);
  }

  async complete(
    actor: Actor,
    id: string,
    dto: CompleteImplementationDto,
  ): Promise<ProposalImplementation> {
    await this.runnable(actor, id);
    const note = dto.note?.trim() || null;
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      await this.proposalsRepo.lock(m, id);
      await this.proposals.processTransition(actor, id, 'complete', {
        note: note ?? undefined,
      });
      await this.repo.update(m, id, { completedAt: now, completionNote: note });
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<ProposalImplementation> {
    await this.proposals.readable(actor, id);
    const impl = await this.repo.find(id);
    if (!impl) throw AppException.notFound('Implementation');
    const [milestones, progress, photos] = await Promise.all([
      this.repo.milestones(id),
      this.repo.progress(id),
      this.repo.progressPhotos(id),
    ]);
    const due = impl.completedAt ? (await this.evaluations.figures(id)).dueAt : null;
    return toImplementation(impl, milestones, progress, photos, due);
  }

  /** A resident's evaluation is their participation; the last answer (or lapse) ends the evaluation. */
  private async onEvaluation(e: DomainEvent): Promise<void> {
    const type = e.data['type'];
    if (type !== 'evaluated' && type !== 'evaluation_expired' && type !== 'nobody_to_ask') return;
    const proposalId = e.data['proposalId'] as string;
    await this.db.transaction(async (m) => {
      await this.proposalsRepo.lock(m, proposalId);
      const p = await this.proposalsRepo.find(systemRead('evaluation'), proposalId, m);
      if (!p) return;
      if (type === 'evaluated')
        await this.activity.recordParticipation(m, {
          residentId: e.data['residentId'] as string,
          communityId: p.communityId,
          act: 'evaluate',
          subjectType: 'proposal',
          subjectId: proposalId,
          proposalId,
          at: new Date(e.at),
        });
      const f = await this.evaluations.figures(proposalId, m);
      if (p.status !== 'completed' || f.open > 0) return;
      const result = evaluationResult(f, this.clock.now());
      await this.repo.update(m, proposalId, { evaluation: result });
      await this.proposals.processTransition(
        systemActor(f.expired > 0 ? 'evaluation_window_passed' : 'evaluation_done'),
        proposalId,
        'evaluate',
        { data: { ...result } },
      );
    });
  }

  // Helpers

  private async runnable(actor: Actor, id: string): Promise<ProposalRow> {
    const p = await this.proposals.readable(actor, id);
    if (!isCouncilWorker(actor, p.communityId))
      throw AppException.forbidden('The community’s staff run the implementation');
    return p;
  }

  /** A change to a proposal being built, under its row lock. */
  private async inProgress(
    actor: Actor,
    id: string,
    fn: (m: Tx, p: ProposalRow, now: Date) => Promise<void>,
  ): Promise<void> {
    await this.runnable(actor, id);
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      await this.proposalsRepo.lock(m, id);
      const p = (await this.proposalsRepo.find(systemRead('implementation after lock'), id, m))!;
      if (p.status !== 'in_implementation')
        throw new AppException(
          'CONFLICT',
          `Only a proposal being implemented takes milestones and progress, not a ${p.status} one`,
          undefined,
          { reason: 'not_in_implementation', status: p.status },
        );
      await fn(m, p, now);
    });
  }

  private async event(
    m: Tx,
    actor: Actor,
    p: ProposalRow,
    type: 'milestone_added' | 'milestone_done' | 'progress_added',
    at: Date,
    data: Record<string, unknown>,
  ): Promise<void> {
    await appendProposalEvent(this.stream, m, actor, p, type, {
      at,
      data,
      residents: await this.proposalsRepo.audience(m, p.id),
    });
  }
}

/** The five levels as counted, and the share satisfied of those who rated. */
export function evaluationResult(
  f: { asked: number; expired: number; byLevel: { level: SatisfactionLevel; n: number }[] },
  at: Date,
): ProposalEvaluationResult {
  const distribution = Object.fromEntries(SATISFACTION_LEVELS.map((l) => [l, 0])) as Record<
    SatisfactionLevel,
    number
  >;
  for (const { level, n } of f.byLevel) distribution[level] += n;
  const rated = f.byLevel.reduce((s, x) => s + x.n, 0);
  const satisfied = SATISFIED_LEVELS.reduce((s, l) => s + distribution[l], 0);
  return {
    asked: f.asked,
    rated,
    distribution,
    satisfiedShare: rated ? Math.round((satisfied / rated) * 10_000) / 10_000 : null,
    closedBy: f.expired > 0 ? 'window_passed' : 'all_rated',
    evaluatedAt: at.toISOString(),
  };
}
