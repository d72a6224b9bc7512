import { createHash } from 'node:crypto';
import {
  CASE_TRANSITIONS,
  type CaseDetail,
  type CaseEvent,
  type CaseStatus,
  type CaseSummary,
  type Page,
  type RepeatCandidate,
} from '@baitong/contracts';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type Actor, type ChangeActor, type ClientActor, systemActor } from '../auth/actor';
import { systemRead } from '../auth/scope';
import { Db } from '../database/db';
import type { Tx } from '../database/tx';
import { EventStream } from '../events/event-stream.service';
import { RealtimeService } from '../realtime/realtime.service';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/request-context';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { localDate } from '../org/opening-hours';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logger';
import type { HolidayCalendar } from '../sla/holiday-calendar';
import { computeSla } from '../sla/sla-clock';
import { slaCalendar } from './sla-calendar';
import type { CaseEntity, CategoryEntity } from './case.entities';
import type {
  AssignDto,
  CaseListQuery,
  CreateCaseDto,
  EscalateDto,
  MediationDto,
  RepeatDecisionDto,
  TransferDto,
  TransitionDto,
} from './cases.dto';
import { caseRenderer, STREAM_NAMES } from './case-pushes';
import { toCaseEvent, toDetail, toResidentEvent, toSummary } from './cases.mapper';
import { systemNote } from './system-notes';
import { type CaseRow, CasesRepository } from './cases.repository';
import { nextStatus, OPEN_STATUSES, RESOLVE_CLOCK_STATUSES } from './lifecycle';

/**
 * Transfers stay inside the actor's write scope: workers move cases between their community's
 * desks; out of a community only its admin (to a community of the same street), the street admin
 * (within the street) or the bureau — so nobody can push work, or overdue figures, onto a
 * neighbour's desks.
 */
export function mayTransfer(
  actor: Actor,
  from: { communityId: string; streetId: string },
  to: { communityId: string; streetId: string },
): boolean {
  if (actor.kind !== 'staff') return false;
  if (to.communityId === from.communityId)
    return CASE_WORKERS.includes(actor.role)
      ? actor.communityId === from.communityId
      : actor.role === 'bureau_admin' ||
          (actor.role === 'street_admin' && actor.streetId === from.streetId);
  if (actor.role === 'bureau_admin') return true;
  if (actor.role === 'street_admin')
    return actor.streetId === from.streetId && actor.streetId === to.streetId;
  if (actor.role === 'community_admin')
    return actor.communityId === from.communityId && to.streetId === from.streetId;
  return false;
}

/**
 * Due times moved (new desk hours, a transfer): a mark of a due time that now lies ahead goes, so
 * that the case is not overdue on the mark while its countdown runs, and is marked (and pushed)
 * again when the new due time passes.
 */
function withOverdueMarks(
  due: Partial<Pick<CaseEntity, 'acceptDueAt' | 'resolveDueAt'>>,
  now: Date,
): Partial<CaseEntity> {
  const ahead = (d: Date | null | undefined) => !!d && d.getTime() > now.getTime();
  return {
    ...due,
    ...(ahead(due.acceptDueAt) ? { acceptOverdueAt: null } : {}),
    ...(ahead(due.resolveDueAt) ? { resolveOverdueAt: null } : {}),
  };
}

/** What a client application files (Open311 `POST requests`), its place already resolved. */
export interface ClientCaseInput {
  categoryId: string;
  communityId: string;
  compoundId: string | null;
  description: string;
  /** The typed address (`address_string`), kept as the case's place. */
  place: string | null;
  /** WGS-84, converted from the client's datum. */
  position: { lat: number; lng: number } | null;
  attributes: Record<string, string | number | string[]>;
  mediaUrl: string | null;
  submitter: { email?: string; deviceId?: string; accountId?: string } | null;
  /** The submitter's name and phone, kept like a walk-in's. */
  name: string | null;
  phone: string | null;
}

export interface ClientCaseResult {
  caseId: string;
  number: string;
  communityId: string;
  resolveDueAt: Date | null;
  category: CategoryEntity;
  /** A retry under the same Idempotency-Key: the case filed first, nothing new written. */
  replayed: boolean;
}

function checkIdempotencyKey(key: string | undefined): void {
  if (key !== undefined && !/^[\w-]{8,64}$/.test(key)) {
    throw AppException.invalid(
      'Idempotency-Key',
      'must be 8-64 letters, digits, - or _',
      'invalid_format',
    );
  }
}

/** Staff who take and work cases at the desk; others with read access (street, bureau) only read. */
const CASE_WORKERS = ['desk_staff', 'grid_worker', 'community_worker', 'community_admin'];
const STAFF_CHANNELS = ['desk', 'phone', 'grid_patrol', 'hotline_12345'];
export const REPEAT_LOOKBACK_DAYS = 90;

type Pause = { from: string; to: string | null };
type EventDraft = Omit<
  Parameters<CasesRepository['appendEvent']>[1],
  'communityId' | 'deskId' | 'residentId' | 'assigneeId' | 'actorKind' | 'actorId' | 'actorName'
>;

@Injectable()
export class CasesService implements OnModuleInit {
  private readonly calendar: HolidayCalendar;

  constructor(
    private readonly repo: CasesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly db: Db,
    private readonly stream: EventStream,
    private readonly realtime: RealtimeService,
    private readonly audit: AuditService,
    @Inject(LOGGER) log: Logger,
  ) {
    this.calendar = slaCalendar(log);
  }

  onModuleInit(): void {
    this.realtime.render('case', caseRenderer(this.repo, this.clock));
    // Desk hours belong to the organisation module; it does not know that cases follow them.
    this.stream.react({
      name: 'cases.recompute-due-times',
      on: ['desk.hours_changed'],
      handle: async (e) => {
        await this.recomputeDueTimes(systemActor('desk_hours_changed'), e.subjectId);
      },
    });
  }

  // Intake

  async create(
    actor: Actor,
    dto: CreateCaseDto,
    idempotencyKey: string | undefined,
  ): Promise<{ detail: CaseDetail; replayed: boolean }> {
    checkIdempotencyKey(idempotencyKey);
    const hash = createHash('sha256').update(JSON.stringify(dto)).digest('hex');
    const category = await this.repo.findCategory(dto.categoryId);
    if (!category || !category.active)
      throw AppException.invalid('categoryId', 'no such category', 'not_found');
    const draft = await this.intakeDraft(actor, dto, category);

    const result = await this.intake(
      actor,
      category,
      draft,
      { idempotencyKey, hash },
      async (m, caseId) => {
        const photos = dto.photoIds ?? [];
        if ((await this.repo.attachPhotos(m, photos, actor.id, caseId)) !== photos.length) {
          throw AppException.invalid(
            'photoIds',
            'unknown photos, photos of someone else, or photos already attached',
          );
        }
      },
    );
    if (result.replayed) return { detail: await this.detail(actor, result.caseId), replayed: true };
    // A new case has no mediation or repeat decision yet: one read serves the answer.
    const row = (await this.repo.findCase(systemRead('case just created'), result.caseId))!;
    const photos = dto.photoIds?.length ? await this.repo.listPhotos(row.id) : [];
    return {
      detail: toDetail(
        row,
        { photos, mediation: null, decidedByName: null, actions: this.canWork(actor, row) },
        this.clock.now(),
      ),
      replayed: false,
    };
  }

  /**
   * A request a client application files over Open311 (docs/OPEN311.md): the same intake as at the
   * desk (number, SLA due times, idempotency, the `created` event and the desk's pushes), with the
   * client as the actor and its channel. The place was resolved by the caller; the desk is the
   * compound's (or the community office's). Runs in the caller's transaction when one is open, so
   * the caller's own rows (token, audit) commit with the case or not at all.
   */
  async createFromClient(
    client: ClientActor,
    input: ClientCaseInput,
    idempotencyKey: string | undefined,
  ): Promise<ClientCaseResult> {
    checkIdempotencyKey(idempotencyKey);
    const hash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
    const category = await this.repo.findCategory(input.categoryId);
    if (!category || !category.active)
      throw AppException.invalid('categoryId', 'no such category', 'not_found');
    const deskId = await this.repo.defaultDeskId(input.communityId, input.compoundId);
    if (!deskId)
      throw new AppException('CONFLICT', 'This community has no desk to handle requests yet');
    const draft = {
      kind: category.kind,
      categoryId: category.id,
      channel: client.channel,
      communityId: input.communityId,
      compoundId: input.compoundId,
      deskId,
      residentId: null,
      walkInName: input.name,
      walkInPhone: input.phone,
      description: input.description,
      place: input.place,
      earlierCaseId: null,
      pauses: [],
      lat: input.position?.lat ?? null,
      lng: input.position?.lng ?? null,
      apiClientId: client.id,
      attributes: input.attributes,
      mediaUrl: input.mediaUrl,
      submitter: input.submitter,
    };
    const r = await this.intake(client, category, draft, { idempotencyKey, hash }, () =>
      Promise.resolve(),
    );
    const row = (await this.repo.findCase(
      systemRead('case just filed by a client'),
      r.caseId,
      this.db.current() ?? undefined,
    ))!;
    return {
      caseId: row.id,
      number: row.number,
      communityId: row.communityId,
      resolveDueAt: row.resolveDueAt ? new Date(row.resolveDueAt) : null,
      category,
      replayed: r.replayed,
    };
  }

  /**
   * The transactional part of every intake: the idempotency claim (keyed on the actor, a person or
   * a client), the number, the due times, the row, `attach` (photos), the `created` event.
   */
  private async intake(
    actor: Actor | ClientActor,
    category: CategoryEntity,
    draft: Partial<CaseEntity> & {
      deskId: string;
      communityId: string;
      channel: CaseEntity['channel'];
    },
    idem: { idempotencyKey: string | undefined; hash: string },
    attach: (m: Tx, caseId: string) => Promise<void>,
  ): Promise<{ caseId: string; replayed: boolean }> {
    const now = this.clock.now();
    const { idempotencyKey, hash } = idem;
    return this.db.transaction(async (m) => {
      if (idempotencyKey) {
        const claim = await this.repo.claimIdempotencyKey(m, actor.id, idempotencyKey, hash);
        if (!claim.claimed) {
          if (claim.hash !== hash) {
            throw new AppException(
              'IDEMPOTENCY_KEY_REUSED',
              'This Idempotency-Key was used for a different request',
            );
          }
          return { caseId: claim.caseId!, replayed: true };
        }
      }
      const number = await this.repo.nextNumber(m, localDate(now));
      const due = await this.dueTimes(m, draft.deskId, category, {
        submittedAt: now,
        acceptedAt: null,
        resolvedAt: null,
        pauses: [],
      });
      const caseId = await this.repo.insertCase(m, {
        ...draft,
        number,
        status: 'submitted',
        submittedAt: now,
        ...due,
      });
      await attach(m, caseId);
      await this.append(m, actor, { ...draft, id: caseId } as CaseEntity, {
        caseId,
        type: 'created',
        fromStatus: null,
        toStatus: 'submitted',
        note: null,
        data: {
          channel: draft.channel,
          categoryId: category.id,
          ...(draft.earlierCaseId ? { earlierCaseId: draft.earlierCaseId } : {}),
          ...(actor.kind === 'client' ? { clientId: actor.id } : {}),
        },
        at: now,
      });
      if (idempotencyKey)
        await this.repo.completeIdempotencyKey(m, actor.id, idempotencyKey, caseId);
      return { caseId, replayed: false };
    });
  }

  private async intakeDraft(
    actor: Actor,
    dto: CreateCaseDto,
    category: CategoryEntity,
  ): Promise<
    Partial<CaseEntity> & { deskId: string; communityId: string; channel: CaseEntity['channel'] }
  > {
    const communityId = actor.communityId;
    let residentId: string | null = null;
    let walkInName: string | null = null;
    let walkInPhone: string | null = null;
    let compoundId = dto.compoundId ?? null;
    let channel: CaseEntity['channel'];
    if (actor.kind === 'resident') {
      if (dto.channel && dto.channel !== 'app')
        throw AppException.invalid('channel', 'a resident’s own request comes through the app');
      if (dto.residentId || dto.walkIn)
        throw AppException.invalid(
          dto.residentId ? 'residentId' : 'walkIn',
          'only staff record requests for others',
        );
      channel = 'app';
      residentId = actor.id;
      compoundId = compoundId ?? actor.compoundId;
    } else {
      if (!CASE_WORKERS.includes(actor.role) || !communityId)
        throw AppException.forbidden('Only desk, grid and community staff take requests');
      channel = (dto.channel ?? 'desk') as CaseEntity['channel'];
      if (!STAFF_CHANNELS.includes(channel))
        throw AppException.invalid(
          'channel',
          `staff intake channels are ${STAFF_CHANNELS.join(', ')}`,
        );
      if (dto.residentId) {
        const r = await this.repo.findResidentInCommunity(dto.residentId, communityId);
        if (!r)
          throw AppException.invalid(
            'residentId',
            'no such resident in this community',
            'not_found',
          );
        residentId = r.id;
        compoundId = compoundId ?? r.compoundId;
      } else if (dto.walkIn) {
        walkInName = dto.walkIn.name.trim();
        walkInPhone = dto.walkIn.phone?.replace(/[\s-]/g, '') ?? null;
      } else if (channel !== 'grid_patrol') {
        throw new AppException('VALIDATION_FAILED', 'Name the resident: residentId or walkIn', [
          { field: 'residentId', code: 'required', message: 'residentId or walkIn is required' },
        ]);
      }
    }
    if (!communityId) throw AppException.forbidden();
    // A grid worker takes requests in their own compound only: others they could not see again.
    if (actor.kind === 'staff' && actor.scopeLevel === 'compound') {
      compoundId = compoundId ?? actor.compoundId;
      if (compoundId !== actor.compoundId)
        throw AppException.invalid(
          'compoundId',
          'a grid worker takes requests of their own compound',
        );
    }
    if (compoundId && !(await this.repo.compoundInCommunity(compoundId, communityId)))
      throw AppException.invalid('compoundId', 'no such compound in this community', 'not_found');
    let deskId: string;
    if (dto.deskId) {
      const desk = await this.repo.findDesk(dto.deskId);
      if (!desk || desk.communityId !== communityId)
        throw AppException.invalid('deskId', 'no such desk in this community', 'not_found');
      deskId = desk.id;
    } else {
      const id = await this.repo.defaultDeskId(communityId, compoundId);
      if (!id)
        throw new AppException('CONFLICT', 'This community has no desk to handle requests yet');
      deskId = id;
    }
    let earlierCaseId: string | null = null;
    if (dto.earlierCaseId) {
      const earlier = await this.repo.findCase(actor, dto.earlierCaseId);
      if (!earlier || (residentId && earlier.residentId !== residentId))
        throw AppException.invalid(
          'earlierCaseId',
          'no such earlier request of this resident',
          'not_found',
        );
      earlierCaseId = earlier.id;
    }
    return {
      kind: category.kind,
      categoryId: category.id,
      channel,
      communityId,
      compoundId,
      deskId,
      residentId,
      walkInName,
      walkInPhone,
      description: dto.description.trim(),
      place: dto.place?.trim() || null,
      earlierCaseId,
      pauses: [],
    };
  }

  // Reads

  async list(actor: Actor, q: CaseListQuery): Promise<Page<CaseSummary>> {
    const now = this.clock.now();
    const { rows, total } = await this.repo.listCases(
      actor,
      {
        status: q.status,
        kind: q.kind,
        deskId: q.deskId,
        communityId: q.communityId,
        overdue: q.overdue === 'true',
        assigneeId: q.assignee === 'me' ? actor.id : q.assignee,
        q: q.q,
        sort: q.sort ?? (actor.kind === 'resident' ? 'newest' : 'due'),
        page: q.page,
        pageSize: q.pageSize,
      },
      now,
    );
    return { items: rows.map((r) => toSummary(r, now)), total, page: q.page, pageSize: q.pageSize };
  }

  async detail(actor: Actor, id: string): Promise<CaseDetail> {
    const c = await this.readable(actor, id);
    const [photos, mediation, decidedBy] = await Promise.all([
      this.repo.listPhotos(c.id),
      this.repo.findMediation(c.id),
      c.repeatDecidedById ? this.repo.findStaff(c.repeatDecidedById) : Promise.resolve(null),
    ]);
    const detail = toDetail(
      c,
      {
        photos,
        mediation,
        decidedByName: decidedBy?.displayName ?? null,
        actions: this.canWork(actor, c),
      },
      this.clock.now(),
    );
    // The resident sees the outcome of a mediation, not the other parties' record.
    return actor.kind === 'resident'
      ? {
          ...detail,
          assigneeId: null,
          escalated: false,
          repeatDecision: null,
          mediation: detail.mediation
            ? { ...detail.mediation, parties: [], sessions: [], mediatorName: '' }
            : null,
          filedBy: null,
        }
      : detail;
  }

  async events(actor: Actor, id: string): Promise<CaseEvent[]> {
    const c = await this.readable(actor, id);
    const events = await this.repo.listEvents(c.id);
    if (actor.kind === 'resident')
      return events.map(toResidentEvent).filter((e): e is CaseEvent => e !== null);
    return events.map(toCaseEvent);
  }

  async summaries(ids: string[]): Promise<Map<string, CaseSummary>> {
    const now = this.clock.now();
    return new Map((await this.repo.findCases(ids)).map((r) => [r.id, toSummary(r, now)]));
  }

  async repeatCandidates(actor: Actor, id: string): Promise<RepeatCandidate[]> {
    const c = await this.workable(actor, id);
    const category = (await this.repo.findCategory(c.categoryId))!;
    const found = await this.repo.repeatCandidates(c, category.publicArea, REPEAT_LOOKBACK_DAYS);
    const rows = new Map((await this.repo.findCases(found.map((f) => f.id))).map((r) => [r.id, r]));
    return found.map((f) => {
      const r = rows.get(f.id)!;
      return {
        caseId: r.id,
        number: r.number,
        summary: toSummary(r, this.clock.now()).summary,
        categoryName: r.categoryName,
        resolvedAt: r.resolvedAt ? new Date(r.resolvedAt).toISOString() : null,
        reason: f.reason as RepeatCandidate['reason'],
        similarity: f.similarity,
      };
    });
  }

  // Changes

  async transition(actor: Actor, id: string, dto: TransitionDto): Promise<CaseDetail> {
    return this.change(actor, id, dto.version, async (m, c, now) => {
      const mediation = c.kind === 'dispute' ? await this.repo.findMediation(c.id, m) : null;
      const to = nextStatus(
        { status: c.status, kind: c.kind, mediationOutcome: mediation?.outcome ?? null },
        dto,
      );
      const patch: Partial<CaseEntity> = { status: to };
      let pauses = c.pauses;
      if (dto.action === 'accept') {
        patch.acceptedAt = now;
        // Whoever accepts a case works it, until someone reassigns it.
        if (actor.kind === 'staff') patch.assigneeId = actor.id;
      }
      // Waiting for a third party names whom; the clock keeps running, so no pause.
      patch.waitingFor = to === 'waiting_third_party' ? dto.thirdParty! : null;
      if (dto.action === 'wait_resident')
        pauses = [...pauses, { from: now.toISOString(), to: null }];
      if (dto.action === 'resume')
        pauses = pauses.map((p) => (p.to === null ? { ...p, to: now.toISOString() } : p));
      if (dto.action === 'resolve') {
        patch.resolvedAt = now;
        patch.resolution = dto.resolution!.trim();
      }
      if (dto.action === 'close') patch.closedAt = now;
      if (dto.action === 'reject') patch.rejectionReason = dto.reason!.trim();
      if (dto.action === 'reopen') {
        // A reopened case is handled a second time (二次办理): counted, and its resolution starts over.
        patch.reopenCount = c.reopenCount + 1;
        patch.resolvedAt = null;
        patch.resolution = null;
        patch.resolveOverdueAt = null;
      }
      patch.pauses = pauses;
      const category = (await this.repo.findCategory(c.categoryId))!;
      Object.assign(
        patch,
        await this.dueTimes(m, c.deskId, category, {
          submittedAt: new Date(c.submittedAt),
          acceptedAt: patch.acceptedAt ?? (c.acceptedAt ? new Date(c.acceptedAt) : null),
          resolvedAt:
            patch.resolvedAt === undefined
              ? c.resolvedAt
                ? new Date(c.resolvedAt)
                : null
              : patch.resolvedAt,
          pauses,
          reopenedAt: dto.action === 'reopen' ? now : null,
        }),
      );
      return {
        patch,
        event: {
          caseId: c.id,
          type: 'transition',
          fromStatus: c.status,
          toStatus: to,
          note: dto.note?.trim() || dto.reason?.trim() || dto.resolution?.trim() || null,
          data: {
            action: dto.action,
            ...(dto.action === 'wait_third_party' ? { thirdParty: dto.thirdParty } : {}),
            ...(patch.assigneeId && patch.assigneeId !== c.assigneeId
              ? {
                  assigneeId: patch.assigneeId,
                  assigneeName: actor.name,
                  previousAssigneeId: c.assigneeId,
                }
              : {}),
          },
          at: now,
        },
      };
    });
  }

  async assign(actor: Actor, id: string, dto: AssignDto): Promise<CaseDetail> {
    return this.change(actor, id, dto.version, async (_m, c, now) => {
      const staff = await this.repo.findStaff(dto.assigneeId);
      if (
        !staff ||
        !staff.active ||
        staff.communityId !== c.communityId ||
        !CASE_WORKERS.includes(staff.role)
      ) {
        throw AppException.invalid(
          'assigneeId',
          'no such desk, grid or community worker in this community',
          'not_found',
        );
      }
      return {
        patch: { assigneeId: staff.id },
        event: {
          caseId: c.id,
          type: 'assigned',
          fromStatus: null,
          toStatus: null,
          note: null,
          data: {
            assigneeId: staff.id,
            assigneeName: staff.displayName,
            previousAssigneeId: c.assigneeId,
          },
          at: now,
        },
        eventAssigneeId: staff.id,
      };
    });
  }

  async transfer(actor: Actor, id: string, dto: TransferDto): Promise<CaseDetail> {
    let fromRooms: string[] = [];
    const detail = await this.change(
      actor,
      id,
      dto.version,
      async (m, c, now) => {
        if (['resolved', 'closed', 'rejected'].includes(c.status)) {
          throw new AppException(
            'ILLEGAL_TRANSITION',
            'Only open cases can be transferred',
            undefined,
            { status: c.status },
          );
        }
        const desk = await this.repo.findDeskPlace(dto.deskId);
        if (!desk) throw AppException.invalid('deskId', 'no such desk', 'not_found');
        if (desk.id === c.deskId)
          throw AppException.invalid('deskId', 'the case is already at this desk', 'unchanged');
        const from = (await this.repo.findDeskPlace(c.deskId))!;
        if (!mayTransfer(actor, from, desk))
          throw AppException.invalid(
            'deskId',
            desk.communityId === from.communityId
              ? 'only this community’s desk, grid and community staff move its cases between desks'
              : 'a case leaves its community only by its community admin (within the street), the street admin (within the street) or the bureau',
          );
        fromRooms = [`desk:${c.deskId}`, `community:${c.communityId}`];
        const category = (await this.repo.findCategory(c.categoryId))!;
        const moved = desk.communityId !== c.communityId;
        const patch: Partial<CaseEntity> = {
          deskId: desk.id,
          communityId: desk.communityId,
          // In another community the case is theirs to assign and place.
          ...(moved ? { assigneeId: null, compoundId: desk.compoundId } : {}),
          ...withOverdueMarks(
            await this.dueTimes(m, desk.id, category, {
              submittedAt: new Date(c.submittedAt),
              acceptedAt: c.acceptedAt ? new Date(c.acceptedAt) : null,
              resolvedAt: null,
              pauses: c.pauses,
            }),
            now,
          ),
        };
        return {
          patch,
          event: {
            caseId: c.id,
            type: 'transferred',
            fromStatus: null,
            toStatus: null,
            note: dto.note.trim(),
            data: {
              fromDeskId: c.deskId,
              toDeskId: desk.id,
              fromCommunityId: c.communityId,
              toCommunityId: desk.communityId,
            },
            at: now,
          },
          eventPlace: { deskId: desk.id, communityId: desk.communityId },
        };
      },
      () => fromRooms,
      // Street and bureau admins may move a case out of a community they do not work in.
      async (a, i) => {
        const c = await this.readable(a, i);
        if (!this.canWork(a, c) && !['street_admin', 'bureau_admin'].includes(a.role))
          throw AppException.forbidden('Your role does not transfer cases');
      },
    );
    return detail;
  }

  async escalate(actor: Actor, id: string, dto: EscalateDto): Promise<CaseDetail> {
    return this.change(actor, id, dto.version, (_m, c, now) => {
      if (['closed', 'rejected'].includes(c.status))
        throw new AppException(
          'ILLEGAL_TRANSITION',
          'A finished case cannot be escalated',
          undefined,
          { status: c.status },
        );
      return Promise.resolve({
        patch: { escalated: true },
        event: {
          caseId: c.id,
          type: 'escalated',
          fromStatus: null,
          toStatus: null,
          note: dto.note.trim(),
          data: { to: 'community_admin' },
          at: now,
        },
      });
    });
  }

  async decideRepeat(actor: Actor, id: string, dto: RepeatDecisionDto): Promise<CaseDetail> {
    return this.change(actor, id, dto.version, async (_m, c, now) => {
      if (dto.decision === 'link') {
        if (!dto.repeatOfId)
          throw AppException.invalid('repeatOfId', 'name the earlier case to link', 'required');
        const candidates = await this.repeatCandidates(actor, c.id);
        if (!candidates.some((k) => k.caseId === dto.repeatOfId))
          throw AppException.invalid(
            'repeatOfId',
            'not one of this case’s repeat candidates',
            'not_found',
          );
      }
      return {
        patch: {
          repeatOfId: dto.decision === 'link' ? dto.repeatOfId! : null,
          repeatDecision: dto.decision === 'link' ? 'linked' : 'dismissed',
          repeatDecidedById: actor.id,
          repeatDecidedAt: now,
        },
        event: {
          caseId: c.id,
          type: dto.decision === 'link' ? 'repeat_linked' : 'repeat_dismissed',
          fromStatus: null,
          toStatus: null,
          note: null,
          data: dto.decision === 'link' ? { repeatOfId: dto.repeatOfId } : {},
          at: now,
        },
      };
    });
  }

  /**
   * Records the mediation of a dispute. Once the dispute is resolved the record is locked: the
   * outcome the mediation rate counts may change only by the community admin's correction, with
   * a reason kept in the case's events and in the audit log.
   */
  async recordMediation(
    actor: Actor,
    id: string,
    dto: MediationDto,
    meta: RequestMeta,
  ): Promise<CaseDetail> {
    return this.change(actor, id, dto.version, async (m, c, now) => {
      if (c.kind !== 'dispute')
        throw AppException.invalid('kind', 'mediation is recorded for disputes only');
      if (c.status === 'rejected')
        throw new AppException('ILLEGAL_TRANSITION', 'The case is finished', undefined, {
          status: c.status,
        });
      const locked = c.status === 'resolved' || c.status === 'closed';
      const previous = locked ? await this.repo.findMediation(c.id, m) : null;
      if (locked) {
        if (actor.role !== 'community_admin')
          throw new AppException(
            'CONFLICT',
            'The dispute is resolved and its mediation record is locked; the community admin corrects it, with a reason',
            undefined,
            { status: c.status, locked: true },
          );
        if (!dto.correctionReason?.trim())
          throw AppException.invalid(
            'correctionReason',
            'say why the locked record is corrected',
            'required',
          );
        if (!dto.outcome)
          throw AppException.invalid('outcome', 'a resolved dispute keeps an outcome', 'required');
        await this.audit.record(
          actor,
          {
            action: 'case.mediation_corrected',
            entity: 'cases',
            entityId: c.id,
            communityId: c.communityId,
            detail: {
              number: c.number,
              reason: dto.correctionReason.trim(),
              previousOutcome: previous?.outcome ?? null,
              outcome: dto.outcome,
            },
          },
          meta,
          m,
        );
      }
      await this.repo.upsertMediation(m, {
        caseId: c.id,
        parties: dto.parties.map((p) => ({
          name: p.name,
          role: p.role,
          ...(p.phone ? { phone: p.phone } : {}),
        })),
        mediatorName: dto.mediatorName,
        sessions: dto.sessions,
        outcome: dto.outcome ?? null,
        agreement: dto.agreement ?? null,
      });
      return {
        patch: {},
        event: {
          caseId: c.id,
          type: 'mediation_recorded',
          fromStatus: null,
          toStatus: null,
          note: locked ? dto.correctionReason!.trim() : (dto.agreement ?? null),
          data: {
            outcome: dto.outcome ?? null,
            sessions: dto.sessions.length,
            ...(locked
              ? {
                  correction: {
                    reason: dto.correctionReason!.trim(),
                    previousOutcome: previous?.outcome ?? null,
                  },
                }
              : {}),
          },
          at: now,
        },
      };
    });
  }

  // System work: the overdue job and reactions, as the system actor through the same rules

  /** Marks open cases past their due time, escalates them and tells the desk; safe with several processes. */
  async markOverdue(limit = 200): Promise<number> {
    const actor = systemActor('overdue');
    return this.db.transaction(async (m) => {
      const due = await this.repo.lockOverdue(m, this.clock.now(), limit);
      for (const d of due) await this.recordOverdue(actor, d.id, d.which);
      return due.length;
    });
  }

  /**
   * One case turned overdue. The mark is the system's annotation, not an edit of what a worker
   * works on, so it keeps the version: a worker saving against the version they loaded still wins.
   */
  private recordOverdue(
    actor: ChangeActor,
    id: string,
    which: 'accept' | 'resolve',
  ): Promise<void> {
    return this.systemChange(actor, id, (c, now) => {
      const open =
        which === 'accept' ? c.status === 'submitted' : RESOLVE_CLOCK_STATUSES.includes(c.status);
      const marked = which === 'accept' ? c.acceptOverdueAt : c.resolveOverdueAt;
      if (!open || marked) return null;
      const due = which === 'accept' ? c.acceptDueAt : c.resolveDueAt;
      const dueAt = due ? new Date(due).toISOString() : null;
      return {
        patch: {
          ...(which === 'accept' ? { acceptOverdueAt: now } : { resolveOverdueAt: now }),
          escalated: true,
        },
        event: {
          caseId: c.id,
          type: 'overdue',
          fromStatus: null,
          toStatus: null,
          note: null,
          data: {
            which,
            dueAt,
            escalatedTo: 'community_admin',
            ...systemNote(which === 'accept' ? 'accept_overdue' : 'resolve_overdue', { dueAt }),
          },
          at: now,
        },
      };
    });
  }

  /**
   * A lifecycle change another module's reaction makes (a follow-up closes or reopens the case, a
   * quiet period ends): the same state table and reopen rules as staff, as the system actor,
   * under a row lock. The version moves on, so a worker's stale screen gets 409. Null when the
   * case has meanwhile moved where the action no longer applies (staff closed it first).
   */
  async systemTransition(
    actor: ChangeActor,
    id: string,
    input: {
      action: 'close' | 'reopen';
      /** A reopen's resolve deadline instead of the category's (a rework deadline). */
      resolveDueAt?: Date;
      data?: Record<string, unknown>;
    },
  ): Promise<{ status: CaseStatus; reopenCount: number } | null> {
    let result: { status: CaseStatus; reopenCount: number } | null = null;
    await this.systemChange(actor, id, async (c, now, m) => {
      const to = CASE_TRANSITIONS[c.status][input.action];
      if (!to) return null;
      const patch: Partial<CaseEntity> = { status: to, version: c.version + 1 };
      if (input.action === 'close') patch.closedAt = now;
      if (input.action === 'reopen') {
        // Handled a second time (二次办理), exactly as a staff reopen counts it.
        patch.reopenCount = c.reopenCount + 1;
        patch.resolvedAt = null;
        patch.resolution = null;
        patch.resolveOverdueAt = null;
        const category = (await this.repo.findCategory(c.categoryId))!;
        const due = await this.dueTimes(m, c.deskId, category, {
          submittedAt: new Date(c.submittedAt),
          acceptedAt: c.acceptedAt ? new Date(c.acceptedAt) : null,
          resolvedAt: null,
          pauses: c.pauses,
          reopenedAt: now,
        });
        patch.resolveDueAt = input.resolveDueAt ?? due.resolveDueAt ?? null;
      }
      result = { status: to, reopenCount: patch.reopenCount ?? c.reopenCount };
      return {
        patch,
        event: {
          caseId: c.id,
          type: 'transition',
          fromStatus: c.status,
          toStatus: to,
          note: null,
          data: {
            action: input.action,
            ...(input.data ?? {}),
            ...(input.action === 'reopen' && patch.resolveDueAt
              ? { resolveDueAt: patch.resolveDueAt.toISOString() }
              : {}),
          },
          at: now,
        },
      };
    });
    return result;
  }

  /** The system escalates a case beyond the community (提级督办), telling those named in `rooms`. */
  async systemEscalate(
    actor: ChangeActor,
    id: string,
    input: { to: 'street'; rooms: string[]; data?: Record<string, unknown> },
  ): Promise<void> {
    await this.systemChange(
      actor,
      id,
      (c, now) => ({
        patch: { escalated: true },
        event: {
          caseId: c.id,
          type: 'escalated',
          fromStatus: null,
          toStatus: null,
          note: null,
          data: { to: input.to, ...(input.data ?? {}) },
          at: now,
        },
      }),
      input.rooms,
    );
  }

  /**
   * Staff took the concern to the council (幸福议事会): the case's timeline says so and names the
   * proposal, in the caller's transaction. An annotation, like an overdue mark: the version stays.
   */
  async recordTakenToCouncil(
    actor: ChangeActor,
    id: string,
    proposal: { id: string; number: string; title: string },
  ): Promise<void> {
    await this.systemChange(actor, id, (c, now) => ({
      patch: {},
      event: {
        caseId: c.id,
        type: 'taken_to_council',
        fromStatus: null,
        toStatus: null,
        note: null,
        data: { proposalId: proposal.id, proposalNumber: proposal.number, title: proposal.title },
        at: now,
      },
    }));
  }

  /** A desk's hours changed: its open cases' due times follow the new hours, each said in its events. */
  async recomputeDueTimes(actor: ChangeActor, deskId: string): Promise<number> {
    let changed = 0;
    for (const id of await this.repo.openCaseIdsAtDesk(deskId)) {
      await this.systemChange(actor, id, async (c, now, m) => {
        if (c.deskId !== deskId || !OPEN_STATUSES.includes(c.status)) return null;
        const category = (await this.repo.findCategory(c.categoryId))!;
        const due = await this.dueTimes(m, deskId, category, {
          submittedAt: new Date(c.submittedAt),
          acceptedAt: c.acceptedAt ? new Date(c.acceptedAt) : null,
          resolvedAt: null,
          pauses: c.pauses,
        });
        const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
        if (
          iso(due.acceptDueAt) === iso(c.acceptDueAt) &&
          iso(due.resolveDueAt) === iso(c.resolveDueAt)
        )
          return null;
        changed++;
        return {
          patch: withOverdueMarks(due, now),
          event: {
            caseId: c.id,
            type: 'due_recomputed',
            fromStatus: null,
            toStatus: null,
            note: null,
            data: {
              acceptDueAt: iso(due.acceptDueAt),
              resolveDueAt: iso(due.resolveDueAt),
              previousAcceptDueAt: iso(c.acceptDueAt),
              previousResolveDueAt: iso(c.resolveDueAt),
              ...systemNote('due_recomputed', {
                acceptDueAt: iso(due.acceptDueAt),
                resolveDueAt: iso(due.resolveDueAt),
              }),
            },
            at: now,
          },
        };
      });
    }
    return changed;
  }

  /** A system change to one case, under a row lock, leaving the version alone. */
  private async systemChange(
    actor: ChangeActor,
    id: string,
    apply: (
      c: CaseRow,
      now: Date,
      m: Tx,
    ) =>
      | Promise<{ patch: Partial<CaseEntity>; event: EventDraft } | null>
      | { patch: Partial<CaseEntity>; event: EventDraft }
      | null,
    alsoRooms: string[] = [],
  ): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.repo.lockCase(m, id);
      const c = (await this.repo.findCase(
        systemRead(actor.kind === 'system' ? actor.reason : 'change'),
        id,
        m,
      ))!;
      const change = await apply(c, this.clock.now(), m);
      if (!change) return;
      await this.repo.updateKeepingVersion(m, id, change.patch);
      await this.append(m, actor, { ...c, ...change.patch }, change.event, alsoRooms);
    });
  }

  // Helpers

  private async readable(actor: Actor, id: string): Promise<CaseRow> {
    const c = await this.repo.findCase(actor, id);
    if (!c) throw AppException.notFound('Case');
    return c;
  }

  private canWork(
    actor: Actor,
    c: { communityId: string; compoundId: string | null; assigneeId: string | null },
  ): boolean {
    return (
      actor.kind === 'staff' &&
      CASE_WORKERS.includes(actor.role) &&
      actor.communityId === c.communityId &&
      // A grid worker works their own compound's cases, and those assigned to them.
      (actor.scopeLevel !== 'compound' ||
        c.compoundId === actor.compoundId ||
        c.assigneeId === actor.id)
    );
  }

  private async workable(actor: Actor, id: string): Promise<CaseRow> {
    const c = await this.readable(actor, id);
    if (!this.canWork(actor, c))
      throw AppException.forbidden(
        'Only the desk, grid and community staff of this community work this case',
      );
    return c;
  }

  /**
   * One change to a case: authorise, check the version, apply the patch and append its event in
   * one transaction; the stream publishes after commit. A stale version is a 409 and nothing is written.
   */
  private async change(
    actor: Actor,
    id: string,
    version: number,
    apply: (
      m: Tx,
      c: CaseRow,
      now: Date,
    ) => Promise<{
      patch: Partial<CaseEntity>;
      event: EventDraft;
      eventAssigneeId?: string;
      eventPlace?: { deskId: string; communityId: string };
    }>,
    extraRooms: () => string[] = () => [],
    authorise: (actor: Actor, id: string) => Promise<unknown> = (a, i) => this.workable(a, i),
  ): Promise<CaseDetail> {
    await authorise(actor, id);
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      const c = (await this.repo.findCase(systemRead('change after authorisation'), id, m))!;
      if (c.version !== version) throw this.stale(c.version);
      const { patch, event, eventAssigneeId, eventPlace } = await apply(m, c, now);
      if (!(await this.repo.updateIfVersion(m, id, version, patch))) throw this.stale(version + 1);
      await this.append(
        m,
        actor,
        {
          ...c,
          ...patch,
          ...(eventAssigneeId ? { assigneeId: eventAssigneeId } : {}),
          ...(eventPlace ?? {}),
        },
        event,
        extraRooms(),
      );
    });
    return this.detail(actor, id).catch(async (e: unknown) => {
      // After a transfer to another community the caller may no longer read the case.
      if (e instanceof AppException && e.code === 'NOT_FOUND') return this.detailAfterLeaving(id);
      throw e;
    });
  }

  private async detailAfterLeaving(id: string): Promise<CaseDetail> {
    const c = (await this.repo.findCase(systemRead('answer after a transfer out'), id))!;
    return toDetail(
      c,
      { photos: [], mediation: null, decidedByName: null, actions: false },
      this.clock.now(),
    );
  }

  private stale(current: number): AppException {
    return new AppException(
      'STALE_VERSION',
      'Someone else changed this case; reload and try again',
      undefined,
      { currentVersion: current },
    );
  }

  /** The case's own history row and its entry in the one event stream, in the same transaction. */
  private async append(
    m: Tx,
    actor: ChangeActor,
    c: Pick<CaseEntity, 'id' | 'communityId' | 'deskId' | 'residentId' | 'assigneeId'>,
    e: EventDraft,
    alsoRooms: string[] = [],
  ): Promise<string> {
    const data = actor.kind === 'system' ? { ...e.data, reason: actor.reason } : e.data;
    const caseEventId = await this.repo.appendEvent(m, {
      ...e,
      data,
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      communityId: c.communityId,
      deskId: c.deskId,
      residentId: c.residentId ?? null,
      assigneeId: c.assigneeId ?? null,
    });
    const rooms = [`desk:${c.deskId}`, `community:${c.communityId}`, ...alsoRooms];
    if (c.residentId) rooms.push(`user:${c.residentId}`);
    if (c.assigneeId) rooms.push(`user:${c.assigneeId}`);
    return this.stream.append(m, {
      name: STREAM_NAMES[e.type],
      subject: { type: 'case', id: e.caseId },
      communityId: c.communityId,
      rooms,
      actor,
      data: {
        type: e.type,
        caseEventId,
        ...(e.toStatus && e.toStatus !== e.fromStatus ? { toStatus: e.toStatus } : {}),
      },
      at: e.at,
    });
  }

  /** Due times from the handling desk's hours, the holiday calendar and the pauses. */
  private async dueTimes(
    m: Tx,
    deskId: string,
    category: CategoryEntity,
    t: {
      submittedAt: Date;
      acceptedAt: Date | null;
      resolvedAt: Date | null;
      pauses: Pause[];
      reopenedAt?: Date | null;
    },
  ): Promise<Partial<Pick<CaseEntity, 'acceptDueAt' | 'resolveDueAt'>>> {
    const hours = await this.repo.deskHours(deskId, m);
    const sla = computeSla(
      {
        // After a reopen the resolve target counts afresh from the reopening.
        submittedAt: t.reopenedAt ?? t.submittedAt,
        acceptedAt: t.acceptedAt,
        resolvedAt: t.resolvedAt,
        pauses: t.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null })),
        acceptWithinMinutes: category.acceptWithinMinutes,
        resolveWithin: { value: category.resolveWithinValue, unit: category.resolveWithinUnit },
      },
      hours,
      this.calendar,
      this.clock.now(),
    );
    // A reopen keeps the original acceptance target: the case was accepted long ago.
    return t.reopenedAt
      ? { resolveDueAt: sla.resolveDueAt }
      : { acceptDueAt: sla.acceptDueAt, resolveDueAt: sla.resolveDueAt };
  }
}
