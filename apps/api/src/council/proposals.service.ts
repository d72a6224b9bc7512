import {
  MANUAL_PROPOSAL_ACTIONS,
  PROPOSAL_ACTION_OWNERS,
  type ManualProposalAction,
  type Page,
  type ProcessProposalAction,
  type ProposalAction,
  type ProposalDetail,
  type ProposalEvent,
  type ProposalEventType,
  type ProposalStatus,
  type ProposalListItem,
  type SimilarProposal,
} from '@baitong/contracts';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Actor, ChangeActor } from '../auth/actor';
import { systemRead } from '../auth/scope';
import { PhotosService } from '../cases/photos.service';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { Db } from '../database/db';
import type { Tx } from '../database/tx';
import { EventStream } from '../events/event-stream.service';
import { localDate } from '../org/opening-hours';
import { RealtimeService } from '../realtime/realtime.service';
import type { ProposalEntity } from './council.entities';
import type {
  CreateProposalDto,
  MergeProposalDto,
  ProposalListQuery,
  ProposalTransitionDto,
  UpdateProposalDto,
} from './council.dto';
import {
  type ProposalView,
  toProposalDetail,
  toProposalEvent,
  toProposalSummary,
} from './council.mapper';
import { rulesOf, supportThresholdOf } from './council-rules';
import { CouncilsRepository } from './councils.repository';
import { ProposalActivityRepository } from './proposal-activity.repository';
import {
  COUNCIL_WORKERS,
  MERGE_TARGET_STATUSES,
  allowedProposalActions,
  nextProposalStatus,
} from './proposal-lifecycle';
import {
  type ProposalEventOptions,
  appendProposalEvent,
  proposalRenderer,
} from './proposal-pushes';
import { type ReadinessDeps, settleSupports } from './proposal-readiness';
import { type ProposalRow, ProposalsRepository } from './proposals.repository';

/** Staff of the proposal's own community who run its council. */
export function isCouncilWorker(actor: Actor, communityId: string): boolean {
  return (
    actor.kind === 'staff' &&
    COUNCIL_WORKERS.includes(actor.role) &&
    actor.communityId === communityId
  );
}

/** Statuses in which the author (or the staff who wrote it) may still change the text. */
const AUTHOR_EDITS: readonly ProposalStatus[] = ['draft', 'submitted'];
const STAFF_EDITS: readonly ProposalStatus[] = ['draft', 'submitted', 'screening'];

interface Change {
  patch: Partial<ProposalEntity>;
  type: ProposalEventType;
  event: Omit<ProposalEventOptions, 'at' | 'residents'>;
  /** A lifecycle step: supporters and followers are told, not only the author. */
  step: boolean;
}

/**
 * Council proposals (议题): written by a resident or by staff for one, submitted, screened by the
 * community's staff, opened for support, merged into a duplicate or withdrawn. Every change is one
 * event of the one stream, in the change's transaction; the meeting, implementation and
 * evaluation steps are taken by those processes through `processTransition`.
 */
@Injectable()
export class ProposalsService implements OnModuleInit {
  constructor(
    private readonly repo: ProposalsRepository,
    private readonly activity: ProposalActivityRepository,
    private readonly councils: CouncilsRepository,
    private readonly photos: PhotosService,
    private readonly db: Db,
    private readonly stream: EventStream,
    private readonly realtime: RealtimeService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.realtime.render('proposal', proposalRenderer(this.repo));
  }

  // Writing

  async create(actor: Actor, dto: CreateProposalDto): Promise<ProposalDetail> {
    const who = await this.authorOf(actor, dto.authorResidentId);
    const compoundId = dto.compoundId ?? who.compoundId;
    if (compoundId) await this.checkCompound(compoundId, who.communityId);
    const photoIds = dto.photoIds ?? [];
    const now = this.clock.now();
    const id = await this.db.transaction(async (m) => {
      const row: Partial<ProposalEntity> = {
        number: await this.repo.nextNumber(m, localDate(now)),
        communityId: who.communityId,
        compoundId,
        origin: who.origin,
        authorResidentId: who.authorResidentId,
        createdByStaffId: who.createdByStaffId,
        title: dto.title,
        description: dto.description,
        topic: dto.topic,
        status: 'draft',
        statusChangedAt: now,
        submittedAt: null,
      };
      const id = await this.repo.insert(m, row);
      if ((await this.photos.take(m, photoIds, actor.id)) !== photoIds.length)
        throw AppException.invalid(
          'photoIds',
          'unknown photos, photos of someone else, photos named twice or already attached',
        );
      await this.repo.insertPhotos(m, id, photoIds);
      await appendProposalEvent(
        this.stream,
        m,
        actor,
        { ...row, id } as ProposalEntity,
        'created',
        {
          at: now,
          toStatus: 'draft',
        },
      );
      return id;
    });
    return this.detail(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateProposalDto): Promise<ProposalDetail> {
    const p = await this.readable(actor, id);
    const staff = isCouncilWorker(actor, p.communityId);
    const author = actor.kind === 'resident' && actor.id === p.authorResidentId;
    if (!staff && !author)
      throw AppException.forbidden('The author and the community’s staff change a proposal');
    if (dto.compoundId) await this.checkCompound(dto.compoundId, p.communityId);
    await this.change(actor, id, dto.version, (_m, fresh) => {
      if (!(staff ? STAFF_EDITS : AUTHOR_EDITS).includes(fresh.status))
        throw new AppException(
          'CONFLICT',
          `A ${fresh.status} proposal is no longer changed`,
          undefined,
          { reason: 'not_editable', status: fresh.status },
        );
      const patch: Partial<ProposalEntity> = {};
      for (const k of ['title', 'description', 'topic', 'compoundId'] as const)
        if (dto[k] !== undefined && dto[k] !== fresh[k]) Object.assign(patch, { [k]: dto[k] });
      if (Object.keys(patch).length === 0) return null;
      return {
        patch,
        type: 'edited',
        event: { data: { fields: Object.keys(patch) } },
        step: false,
      };
    });
    return this.detail(actor, id);
  }

  /** Submit, screen, open for support, reject (with a reason) or withdraw. */
  async transition(actor: Actor, id: string, dto: ProposalTransitionDto): Promise<ProposalDetail> {
    const p = await this.readable(actor, id);
    if (!this.mayTake(actor, p, dto.action))
      throw AppException.forbidden(
        PROPOSAL_ACTION_OWNERS[dto.action] === 'staff'
          ? 'The community’s staff screen proposals'
          : 'Only the author, or the staff who wrote it for them, does this',
      );
    const reason = dto.reason?.trim() || null;
    await this.change(actor, id, dto.version, async (m, fresh, now) => {
      const to = nextProposalStatus(fresh.status, dto.action);
      if (dto.action === 'reject' && !reason)
        throw AppException.invalid('reason', 'say why the proposal is rejected', 'required');
      const patch: Partial<ProposalEntity> = { status: to, statusChangedAt: now };
      const data: Record<string, unknown> = { action: dto.action };
      if (dto.action === 'submit') {
        patch.submittedAt = now;
        data['similarIds'] = (await this.repo.similar(fresh)).map((s) => s.id);
        if (fresh.authorResidentId)
          await this.activity.recordParticipation(m, {
            residentId: fresh.authorResidentId,
            communityId: fresh.communityId,
            act: 'propose',
            subjectType: 'proposal',
            subjectId: fresh.id,
            proposalId: fresh.id,
            at: now,
          });
      }
      if (dto.action === 'reject') patch.rejectionReason = reason;
      if (dto.action === 'withdraw') patch.withdrawalReason = reason;
      if (dto.action === 'accept') {
        const rules = rulesOf(await this.councils.findCouncil(fresh.communityId, m));
        patch.openedAt = now;
        patch.supportThreshold = supportThresholdOf(
          rules,
          await this.repo.households(fresh.communityId, m),
        );
        data['threshold'] = patch.supportThreshold;
      }
      return {
        patch,
        type: 'transition',
        event: { fromStatus: fresh.status, toStatus: to, note: reason ?? dto.note?.trim(), data },
        step: true,
      };
    });
    return this.detail(actor, id);
  }

  /**
   * Folds a proposal into a duplicate of the same community: its supports (a resident who supports
   * both counts once), followers, author and cases go there; it ends `merged`.
   */
  async merge(actor: Actor, id: string, dto: MergeProposalDto): Promise<ProposalDetail> {
    const p = await this.readable(actor, id);
    if (!isCouncilWorker(actor, p.communityId))
      throw AppException.forbidden('The community’s staff merge proposals');
    if (dto.intoId === id)
      throw AppException.invalid('intoId', 'a proposal is not merged into itself', 'invalid');
    const into = await this.repo.find(actor, dto.intoId);
    if (!into || into.communityId !== p.communityId)
      throw AppException.invalid(
        'intoId',
        'no such proposal in this community: proposals merge only within their community',
        'not_found',
      );
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      await this.repo.lockAll(m, [id, into.id]);
      const read = systemRead('merge after authorisation');
      const from = (await this.repo.find(read, id, m))!;
      const target = (await this.repo.find(read, into.id, m))!;
      if (from.version !== dto.version) throw this.stale(from.version);
      nextProposalStatus(from.status, 'merge');
      if (!MERGE_TARGET_STATUSES.includes(target.status))
        throw new AppException(
          'CONFLICT',
          `A proposal is merged only into one still gathering support or waiting for its meeting, not a ${target.status} one`,
          undefined,
          {
            reason: 'target_not_open',
            targetStatus: target.status,
            allowed: MERGE_TARGET_STATUSES,
          },
        );
      const audience = await this.repo.audience(m, id);
      await this.repo.updateIfVersion(m, id, dto.version, {
        status: 'merged',
        mergedIntoId: target.id,
        statusChangedAt: now,
      });
      const carried = await this.repo.carryInto(m, from, target, now);
      const note = dto.note?.trim() || null;
      await appendProposalEvent(this.stream, m, actor, from, 'merged', {
        at: now,
        fromStatus: from.status,
        toStatus: 'merged',
        note,
        data: { intoId: target.id, intoNumber: target.number, carriedSupports: carried },
        residents: audience,
      });
      await appendProposalEvent(this.stream, m, actor, target, 'merged_in', {
        at: now,
        note,
        data: { fromId: from.id, fromNumber: from.number, carriedSupports: carried },
        residents: await this.repo.audience(m, target.id),
      });
      await settleSupports(this.deps, m, target.id, now);
    });
    return this.detail(actor, id);
  }

  /**
   * The meeting, implementation and evaluation steps, for those processes only (never a bare
   * HTTP transition): the same state table, under the proposal's row lock, told to everyone
   * behind the proposal. Returns the new status.
   */
  async processTransition(
    actor: ChangeActor,
    id: string,
    action: ProcessProposalAction,
    o: { note?: string; data?: Record<string, unknown> } = {},
  ): Promise<ProposalStatus> {
    const now = this.clock.now();
    return this.db.transaction(async (m) => {
      await this.repo.lock(m, id);
      const p = await this.repo.find(systemRead(`proposal ${action}`), id, m);
      if (!p) throw AppException.notFound('Proposal');
      const to = nextProposalStatus(p.status, action);
      await this.repo.update(m, id, { status: to, statusChangedAt: now }, true);
      await appendProposalEvent(this.stream, m, actor, p, 'transition', {
        at: now,
        fromStatus: p.status,
        toStatus: to,
        note: o.note ?? null,
        data: { action, ...(o.data ?? {}) },
        residents: await this.repo.audience(m, id),
      });
      return to;
    });
  }

  // Reads

  async list(actor: Actor, q: ProposalListQuery): Promise<Page<ProposalListItem>> {
    const { rows, total } = await this.repo.list(actor, {
      status: q.status,
      topic: q.topic,
      communityId: q.communityId,
      caseId: q.caseId,
      ready: q.ready === undefined ? undefined : q.ready === 'true',
      mineOf: q.mine === 'true' ? { kind: actor.kind, id: actor.id } : undefined,
      q: q.q,
      page: q.page,
      pageSize: q.pageSize,
    });
    return {
      items: rows.map((r) => ({
        ...toProposalSummary(r, this.viewOf(actor, r)),
        supportedByMe: r.supportedByMe,
        followedByMe: r.followedByMe,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async detail(actor: Actor, id: string): Promise<ProposalDetail> {
    const p = await this.readable(actor, id);
    const view = this.viewOf(actor, p);
    const resident = actor.kind === 'resident';
    const [photos, cases, mySupport, following] = await Promise.all([
      this.repo.photosOf(id),
      view === 'staff' ? this.repo.casesOf(id) : Promise.resolve([]),
      resident ? this.activity.supportOf(id, actor.id) : Promise.resolve('none' as const),
      resident ? this.activity.isFollowing(id, actor.id) : Promise.resolve(false),
    ]);
    const allowed = new Set<ProposalAction>(allowedProposalActions(p.status));
    const allowedActions = MANUAL_PROPOSAL_ACTIONS.filter(
      (a): a is ManualProposalAction => allowed.has(a) && this.mayTake(actor, p, a),
    );
    return toProposalDetail(p, view, { photos, cases, mySupport, following, allowedActions });
  }

  async events(actor: Actor, id: string): Promise<ProposalEvent[]> {
    const p = await this.readable(actor, id);
    const view = this.viewOf(actor, p) === 'staff' ? 'staff' : { residentId: actor.id };
    return (await this.repo.eventsOf(id)).map((e) => toProposalEvent(e, view));
  }

  /** Earlier proposals of the community that say much the same: support one instead of a duplicate. */
  async similar(actor: Actor, id: string): Promise<SimilarProposal[]> {
    const p = await this.readable(actor, id);
    return (await this.repo.similar(p)).map((s) => ({
      proposalId: s.id,
      number: s.number,
      title: s.title,
      status: s.status,
      supportCount: s.supportCount,
      similarity: s.similarity,
    }));
  }

  async photo(
    actor: Actor,
    id: string,
    photoId: string,
  ): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
    await this.readable(actor, id);
    const found = (await this.repo.hasPhoto(id, photoId)) && (await this.photos.bytesOf(photoId));
    if (!found) throw AppException.notFound('Photo');
    return found;
  }

  // Helpers

  private get deps(): ReadinessDeps {
    return { repo: this.repo, activity: this.activity, stream: this.stream };
  }

  async readable(actor: Actor, id: string, m?: Tx): Promise<ProposalRow> {
    const p = await this.repo.find(actor, id, m);
    if (!p) throw AppException.notFound('Proposal');
    return p;
  }

  viewOf(actor: Actor, p: Pick<ProposalRow, 'authorResidentId'>): ProposalView {
    if (actor.kind === 'staff') return 'staff';
    return actor.id === p.authorResidentId ? 'author' : 'resident';
  }

  /** Whether the caller may take a manual action on this proposal (its status aside). */
  mayTake(actor: Actor, p: ProposalRow, action: ManualProposalAction): boolean {
    if (PROPOSAL_ACTION_OWNERS[action] === 'staff') return isCouncilWorker(actor, p.communityId);
    return (
      (actor.kind === 'resident' && actor.id === p.authorResidentId) ||
      (p.createdByStaffId !== null && isCouncilWorker(actor, p.communityId))
    );
  }

  private async authorOf(
    actor: Actor,
    authorResidentId: string | undefined,
  ): Promise<{
    communityId: string;
    compoundId: string | null;
    origin: 'resident' | 'staff';
    authorResidentId: string;
    createdByStaffId: string | null;
  }> {
    if (actor.kind === 'resident') {
      if (authorResidentId && authorResidentId !== actor.id)
        throw AppException.invalid(
          'authorResidentId',
          'only staff write a proposal for another resident',
        );
      if (!actor.communityId) throw AppException.forbidden();
      return {
        communityId: actor.communityId,
        compoundId: actor.compoundId,
        origin: 'resident',
        authorResidentId: actor.id,
        createdByStaffId: null,
      };
    }
    if (!actor.communityId || !COUNCIL_WORKERS.includes(actor.role))
      throw AppException.forbidden('The community’s staff write proposals for its residents');
    if (!authorResidentId)
      throw AppException.invalid(
        'authorResidentId',
        'name the resident the proposal is written for',
        'required',
      );
    const r = await this.repo.residentInCommunity(authorResidentId, actor.communityId);
    if (!r)
      throw AppException.invalid(
        'authorResidentId',
        'no such resident in this community',
        'not_found',
      );
    return {
      communityId: actor.communityId,
      compoundId: r.compoundId,
      origin: 'staff',
      authorResidentId: r.id,
      createdByStaffId: actor.id,
    };
  }

  async checkCompound(compoundId: string, communityId: string): Promise<void> {
    if (!(await this.repo.compoundInCommunity(compoundId, communityId)))
      throw AppException.invalid('compoundId', 'no such compound in this community', 'not_found');
  }

  /**
   * One versioned change: under the row lock, check the version, apply the patch and append its
   * event in one transaction; a stale version is a 409 and nothing is written. `apply` returning
   * null changes nothing.
   */
  private async change(
    actor: Actor,
    id: string,
    version: number,
    apply: (m: Tx, p: ProposalRow, now: Date) => Promise<Change | null> | Change | null,
  ): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      await this.repo.lock(m, id);
      const p = (await this.repo.find(systemRead('change after authorisation'), id, m))!;
      if (p.version !== version) throw this.stale(p.version);
      const c = await apply(m, p, now);
      if (!c) return;
      await this.repo.updateIfVersion(m, id, version, c.patch);
      const after = { ...p, ...c.patch };
      await appendProposalEvent(this.stream, m, actor, after, c.type, {
        ...c.event,
        at: now,
        residents: c.step ? await this.repo.audience(m, id) : [],
      });
      // Supports carried in while it was screened may already reach the threshold it opens with.
      if (c.patch.status === 'open_for_support') await settleSupports(this.deps, m, id, now);
    });
  }

  private stale(current: number): AppException {
    return new AppException(
      'STALE_VERSION',
      'Someone else changed this proposal; reload and try again',
      undefined,
      { currentVersion: current },
    );
  }
}
