import type {
  Community,
  Compound,
  Desk,
  FactChange,
  Grid,
  OpenState,
  PublicDesk,
  Street,
  WeeklyHours,
} from '@baitong/contracts';
import { COMMUNITY_FACT_FIELDS, DESK_FACT_FIELDS } from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { policy } from '../auth/policy';
import { systemRead } from '../auth/scope';
import { AppException, type FieldProblem } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import type { RequestMeta } from '../common/request-context';
import { Db } from '../database/db';
import type { Tx } from '../database/tx';
import { EventStream } from '../events/event-stream.service';
import { distanceMeters, positionPatch, shownPosition, storedPosition } from './geo';
import { DEFAULT_WEEKLY_HOURS, intervalProblems, localDate, openState } from './opening-hours';
import type {
  CreateCommunityDto,
  CreateCompoundDto,
  CreateDeskDto,
  CreateExceptionDto,
  CreateGridDto,
  CreateStreetDto,
  PublicDeskGetQuery,
  PublicDeskQuery,
  SetHoursDto,
  UpdateCommunityDto,
  UpdateCompoundDto,
  UpdateDeskDto,
  UpdateGridDto,
  UpdateStreetDto,
} from './org.dto';
import { toCommunity, toCompound, toDesk, toGrid, toPublicDesk, toStreet } from './org.mapper';
import { type CommunityRow, type DeskInsert, type DeskRow, OrgRepository } from './org.repository';
import { type FactDiff, factDiffs, toFactChange } from './rating-facts';

/** The public desk finder reads desks for nobody in particular, and says so. */
const PUBLIC_READ = systemRead('public desk finder');

/** Weekly hours must name each weekday at most once, and a day's intervals may not overlap. */
function checkWeeklyHours(hours: WeeklyHours[], field = 'weeklyHours'): void {
  const seen = new Set<number>();
  const fields: FieldProblem[] = [];
  hours.forEach((day, i) => {
    if (seen.has(day.weekday))
      fields.push({
        field: `${field}.${i}.weekday`,
        code: 'duplicate',
        message: 'weekday appears twice',
      });
    seen.add(day.weekday);
    for (const { index, ...problem } of intervalProblems(day.intervals))
      fields.push({ field: `${field}.${i}.intervals.${index}`, ...problem });
  });
  if (fields.length)
    throw new AppException(
      'VALIDATION_FAILED',
      `Invalid fields: ${fields.map((f) => f.field).join(', ')}`,
      fields,
    );
}

@Injectable()
export class OrgService {
  constructor(
    private readonly repo: OrgRepository,
    private readonly db: Db,
    private readonly events: EventStream,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // Streets

  async listStreets(actor: Actor): Promise<Street[]> {
    return (await this.repo.listStreets(actor)).map(toStreet);
  }

  async createStreet(actor: Actor, dto: CreateStreetDto): Promise<Street> {
    if (!policy.manageStreets(actor)) throw AppException.forbidden();
    const id = await this.db.transaction((tx) => this.repo.insertStreet(tx, dto));
    return toStreet((await this.repo.findStreet(actor, id))!);
  }

  async updateStreet(actor: Actor, id: string, dto: UpdateStreetDto): Promise<Street> {
    const street = await this.repo.findStreet(actor, id);
    if (!street) throw AppException.notFound('Street');
    if (!policy.manageStreets(actor)) throw AppException.forbidden();
    await this.db.transaction((tx) => this.repo.updateStreet(tx, id, dto));
    return toStreet((await this.repo.findStreet(actor, id))!);
  }

  // Communities

  async listCommunities(
    actor: Actor,
    filter: { streetId?: string; q?: string },
  ): Promise<Community[]> {
    return (await this.repo.listCommunities(actor, filter)).map(toCommunity);
  }

  async getCommunity(actor: Actor, id: string): Promise<Community> {
    return toCommunity(await this.community(actor, id));
  }

  async createCommunity(
    actor: Actor,
    dto: CreateCommunityDto,
    meta: RequestMeta,
  ): Promise<Community> {
    if (!(await this.repo.findStreet(actor, dto.streetId)))
      throw AppException.invalid('streetId', 'no such street', 'not_found');
    if (!policy.createCommunity(actor, dto.streetId)) throw AppException.forbidden();
    const row = { ...dto, firstElectedOn: dto.firstElectedOn ?? null };
    const id = await this.db.transaction(async (tx) => {
      const id = await this.repo.insertCommunity(tx, row);
      const initial = factDiffs({}, row, COMMUNITY_FACT_FIELDS);
      await this.recordFacts(
        tx,
        actor,
        { communityId: id, deskId: null },
        initial,
        'created',
        meta,
      );
      return id;
    });
    return this.getCommunity(actor, id);
  }

  async updateCommunity(
    actor: Actor,
    id: string,
    dto: UpdateCommunityDto,
    meta: RequestMeta,
  ): Promise<Community> {
    const c = await this.community(actor, id);
    if (!policy.editCommunity(actor, c)) throw AppException.forbidden();
    const { reason, ...patch } = dto;
    // Moving a community to another street is the bureau's decision.
    if (patch.streetId && patch.streetId !== c.streetId && actor.role !== 'bureau_admin')
      throw AppException.forbidden('Only the bureau moves a community to another street');
    const changes = factDiffs(c, patch, COMMUNITY_FACT_FIELDS);
    const why = this.factChangeAllowed(actor, c, changes, reason);
    if (patch.streetId && !(await this.repo.findStreet(actor, patch.streetId)))
      throw AppException.invalid('streetId', 'no such street', 'not_found');
    await this.db.transaction(async (tx) => {
      await this.repo.updateCommunity(tx, id, patch);
      await this.recordFacts(tx, actor, { communityId: id, deskId: null }, changes, why, meta);
    });
    return this.getCommunity(actor, id);
  }

  /** Changes of the rating facts of the community and its desks, newest first. */
  async factHistory(actor: Actor, communityId: string): Promise<FactChange[]> {
    if (!policy.readFactHistory(actor)) throw AppException.forbidden();
    await this.community(actor, communityId);
    return (await this.repo.listFactChanges(actor, communityId)).map(toFactChange);
  }

  // Compounds

  async listCompounds(actor: Actor, communityId: string): Promise<Compound[]> {
    await this.community(actor, communityId);
    return (await this.repo.listCompounds(actor, communityId)).map(toCompound);
  }

  async getCompound(actor: Actor, id: string): Promise<Compound> {
    const x = await this.repo.findCompound(actor, id);
    if (!x) throw AppException.notFound('Compound');
    return toCompound(x);
  }

  async createCompound(actor: Actor, dto: CreateCompoundDto): Promise<Compound> {
    await this.managed(actor, dto.communityId, 'communityId');
    const { coordinateSystem: _datum, ...row } = dto;
    const at = positionPatch(dto, null) ?? { lat: null, lng: null };
    const saved = await this.db.transaction((tx) =>
      this.repo.insertCompound(tx, { ...row, ...at }),
    );
    return toCompound(saved);
  }

  async updateCompound(actor: Actor, id: string, dto: UpdateCompoundDto): Promise<Compound> {
    const x = await this.repo.findCompound(actor, id);
    if (!x) throw AppException.notFound('Compound');
    await this.managed(actor, x.communityId);
    if (dto.communityId && dto.communityId !== x.communityId)
      throw AppException.invalid(
        'communityId',
        'a compound cannot move to another community',
        'unchangeable',
      );
    const { coordinateSystem: _datum, lat: _lat, lng: _lng, ...patch } = dto;
    const at = positionPatch(dto, x);
    await this.db.transaction((tx) => this.repo.updateCompound(tx, id, { ...patch, ...at }));
    return this.getCompound(actor, id);
  }

  // Grids

  async listGrids(actor: Actor, communityId: string): Promise<Grid[]> {
    await this.community(actor, communityId);
    return (await this.repo.listGrids(actor, communityId)).map(toGrid);
  }

  async createGrid(actor: Actor, dto: CreateGridDto): Promise<Grid> {
    await this.managed(actor, dto.communityId, 'communityId');
    if (dto.compoundId) await this.compoundOf(actor, dto.compoundId, dto.communityId);
    const saved = await this.db.transaction((tx) =>
      this.repo.insertGrid(tx, { ...dto, compoundId: dto.compoundId ?? null }),
    );
    return toGrid(saved);
  }

  async updateGrid(actor: Actor, id: string, dto: UpdateGridDto): Promise<Grid> {
    const g = await this.repo.findGrid(actor, id);
    if (!g) throw AppException.notFound('Grid');
    await this.managed(actor, g.communityId);
    if (dto.communityId && dto.communityId !== g.communityId)
      throw AppException.invalid(
        'communityId',
        'a grid cannot move to another community',
        'unchangeable',
      );
    if (dto.compoundId) await this.compoundOf(actor, dto.compoundId, g.communityId);
    await this.db.transaction((tx) => this.repo.updateGrid(tx, id, dto));
    return toGrid((await this.repo.findGrid(actor, id))!);
  }

  // Desks

  async listDesks(actor: Actor, communityId: string): Promise<(Desk & OpenState)[]> {
    await this.community(actor, communityId);
    const now = this.clock.now();
    const rows = await this.repo.listDesks(actor, { communityId, fromDate: localDate(now) });
    return rows.map((d) => ({ ...toDesk(d), ...this.state(d, now) }));
  }

  async getDesk(actor: Actor, id: string): Promise<Desk & OpenState> {
    const now = this.clock.now();
    const d = await this.repo.findDesk(actor, id, localDate(now));
    if (!d) throw AppException.notFound('Desk');
    return { ...toDesk(d), ...this.state(d, now) };
  }

  async createDesk(actor: Actor, dto: CreateDeskDto, meta: RequestMeta): Promise<Desk & OpenState> {
    await this.managed(actor, dto.communityId, 'communityId');
    if (dto.compoundId) await this.compoundOf(actor, dto.compoundId, dto.communityId);
    const weeklyHours = dto.weeklyHours ?? DEFAULT_WEEKLY_HOURS;
    checkWeeklyHours(weeklyHours);
    const { coordinateSystem: _datum, ...row } = dto;
    const at = storedPosition(dto, dto.coordinateSystem);
    const id = await this.db.transaction(async (tx) => {
      const id = await this.repo.insertDesk(tx, {
        ...row,
        ...at,
        compoundId: dto.compoundId ?? null,
        phone: dto.phone ?? null,
        weeklyHours,
      });
      const initial = factDiffs({}, dto, DESK_FACT_FIELDS);
      const where = { communityId: dto.communityId, deskId: id };
      await this.recordFacts(tx, actor, where, initial, 'created', meta);
      return id;
    });
    return this.getDesk(actor, id);
  }

  async updateDesk(
    actor: Actor,
    id: string,
    dto: UpdateDeskDto,
    meta: RequestMeta,
  ): Promise<Desk & OpenState> {
    const { desk: d, community } = await this.deskManaged(actor, id);
    const { version, reason, coordinateSystem: _datum, lat: _lat, lng: _lng, ...rest } = dto;
    const at = positionPatch(dto, d);
    if (at && (at.lat === null || at.lng === null))
      throw AppException.invalid('lat', 'a desk needs a position', 'required');
    const patch: Partial<DeskInsert> & typeof rest = at
      ? { ...rest, lat: at.lat!, lng: at.lng! }
      : rest;
    if (patch.communityId && patch.communityId !== d.communityId)
      throw AppException.invalid(
        'communityId',
        'a desk cannot move to another community',
        'unchangeable',
      );
    const changes = factDiffs(d, patch, DESK_FACT_FIELDS);
    const why = this.factChangeAllowed(actor, community, changes, reason);
    if (patch.compoundId) await this.compoundOf(actor, patch.compoundId, d.communityId);
    if (patch.weeklyHours) checkWeeklyHours(patch.weeklyHours);
    await this.db.transaction(async (tx) => {
      await this.saveDesk(tx, d, version, patch);
      const where = { communityId: d.communityId, deskId: d.id };
      await this.recordFacts(tx, actor, where, changes, why, meta);
      if (patch.weeklyHours) await this.hoursChanged(tx, actor, d);
    });
    return this.getDesk(actor, id);
  }

  async setHours(actor: Actor, id: string, dto: SetHoursDto): Promise<Desk & OpenState> {
    const { desk: d } = await this.deskManaged(actor, id);
    checkWeeklyHours(dto.weeklyHours);
    await this.db.transaction(async (tx) => {
      await this.saveDesk(tx, d, dto.version, { weeklyHours: dto.weeklyHours });
      await this.hoursChanged(tx, actor, d);
    });
    return this.getDesk(actor, id);
  }

  async addException(actor: Actor, id: string, dto: CreateExceptionDto): Promise<Desk & OpenState> {
    const { desk: d } = await this.deskManaged(actor, id);
    const problems = intervalProblems(dto.intervals);
    if (problems.length) {
      const fields = problems.map(({ index, ...problem }) => ({
        field: `intervals.${index}`,
        ...problem,
      }));
      throw new AppException(
        'VALIDATION_FAILED',
        `Invalid fields: ${fields.map((f) => f.field).join(', ')}`,
        fields,
      );
    }
    if (dto.date < localDate(this.clock.now()))
      throw AppException.invalid('date', 'must be today or later', 'in_past');
    await this.db.transaction(async (tx) => {
      await this.repo.putException(tx, d.id, {
        date: dto.date,
        intervals: dto.intervals,
        note: dto.note ?? '',
      });
      await this.hoursChanged(tx, actor, d);
    });
    return this.getDesk(actor, id);
  }

  async removeException(actor: Actor, id: string, exceptionId: string): Promise<Desk & OpenState> {
    const { desk: d } = await this.deskManaged(actor, id);
    const ex = await this.repo.findException(d.id, exceptionId);
    if (!ex) throw AppException.notFound('Exception');
    await this.db.transaction(async (tx) => {
      await this.repo.removeException(tx, d.id, ex.id);
      await this.hoursChanged(tx, actor, d);
    });
    return this.getDesk(actor, id);
  }

  // Public desk finder

  async publicDesks(q: PublicDeskQuery): Promise<PublicDesk[]> {
    if ((q.lat === undefined) !== (q.lng === undefined)) {
      const [missing, given] = q.lat === undefined ? ['lat', 'lng'] : ['lng', 'lat'];
      throw AppException.invalid(missing, 'lat and lng go together', 'paired', { with: given });
    }
    // The point comes in the map's datum (a browser's is WGS-84); distances are measured in WGS-84.
    const here =
      q.lat !== undefined && q.lng !== undefined
        ? storedPosition({ lat: q.lat, lng: q.lng }, q.coordinateSystem)
        : null;
    const now = this.clock.now();
    const rows = await this.repo.listDesks(PUBLIC_READ, {
      communityId: q.communityId,
      fromDate: localDate(now),
    });
    const list = rows.map((d) =>
      toPublicDesk(d, this.state(d, now), here ? distanceMeters(here, d) : null),
    );
    if (here)
      list.sort((a, b) => a.distanceMeters! - b.distanceMeters! || a.id.localeCompare(b.id));
    return list.slice(0, q.limit ?? 20).map((d) => shownPosition(d, q.coordinateSystem));
  }

  async publicDesk(id: string, q: PublicDeskGetQuery = {}): Promise<PublicDesk> {
    const now = this.clock.now();
    const d = await this.repo.findDesk(PUBLIC_READ, id, localDate(now));
    if (!d) throw AppException.notFound('Desk');
    return shownPosition(toPublicDesk(d, this.state(d, now), null), q.coordinateSystem);
  }

  // Helpers

  private state(d: DeskRow, now: Date): OpenState {
    return openState({ weeklyHours: d.weeklyHours, exceptions: d.exceptions }, now);
  }

  private async community(actor: Actor, id: string) {
    const c = await this.repo.findCommunity(actor, id);
    if (!c) throw AppException.notFound('Community');
    return c;
  }

  /** The community must be in scope (else it does not exist for the caller) and writable. */
  private async managed(actor: Actor, communityId: string, field?: string) {
    const c = await this.repo.findCommunity(actor, communityId);
    if (!c)
      throw field
        ? AppException.invalid(field, 'no such community', 'not_found')
        : AppException.notFound('Community');
    if (!policy.manageCommunityAssets(actor, c)) throw AppException.forbidden();
    return c;
  }

  private async compoundOf(actor: Actor, compoundId: string, communityId: string): Promise<void> {
    const x = await this.repo.findCompound(actor, compoundId);
    if (!x || x.communityId !== communityId)
      throw AppException.invalid('compoundId', 'no such compound in this community', 'not_found');
  }

  private async deskManaged(
    actor: Actor,
    id: string,
  ): Promise<{ desk: DeskRow; community: CommunityRow }> {
    const desk = await this.repo.findDesk(actor, id, localDate(this.clock.now()));
    if (!desk) throw AppException.notFound('Desk');
    return { desk, community: await this.managed(actor, desk.communityId) };
  }

  /**
   * Rating facts are the bureau's and the street's: anyone else changing one is refused, naming
   * the fields; the owners must say why. Returns the reason to record.
   */
  private factChangeAllowed(
    actor: Actor,
    community: { streetId: string },
    changes: FactDiff[],
    reason: string | undefined,
  ): string {
    if (changes.length === 0) return '';
    if (!policy.changeRatingFacts(actor, community)) {
      const names = changes.map((c) => c.field);
      throw new AppException(
        'FORBIDDEN',
        `Only the bureau or the street admin changes the rating facts: ${names.join(', ')}`,
        names.map((field) => ({
          field,
          code: 'locked' as const,
          message: 'set by the bureau or the street admin',
        })),
      );
    }
    const why = reason?.trim() ?? '';
    if (!why) throw AppException.invalid('reason', 'say why the rating facts change', 'required');
    return why;
  }

  /** The history rows and the audit row of a fact change, in the change's transaction. */
  private async recordFacts(
    tx: Tx,
    actor: Actor,
    where: { communityId: string; deskId: string | null },
    changes: FactDiff[],
    reason: string,
    meta: RequestMeta,
  ): Promise<void> {
    if (changes.length === 0) return;
    const at = this.clock.now();
    await this.repo.recordFactChanges(
      tx,
      changes.map((c) => ({
        ...where,
        field: c.field,
        oldValue: c.from,
        newValue: c.to,
        reason,
        actorId: actor.id,
        actorName: actor.name,
        actorRole: actor.role,
        at,
      })),
    );
    await this.audit.record(
      actor,
      {
        action: 'rating_facts.changed',
        entity: where.deskId ? 'desk' : 'community',
        entityId: where.deskId ?? where.communityId,
        communityId: where.communityId,
        detail: { changes, reason },
      },
      meta,
      tx,
    );
  }

  /** Tells the stream, in the change's transaction, so open cases' due times follow the new hours. */
  private async hoursChanged(tx: Tx, actor: Actor, desk: DeskRow): Promise<void> {
    await this.events.append(tx, {
      name: 'desk.hours_changed',
      subject: { type: 'desk', id: desk.id },
      communityId: desk.communityId,
      rooms: [`desk:${desk.id}`, `community:${desk.communityId}`],
      actor,
      data: { deskId: desk.id },
    });
  }

  private async saveDesk(
    tx: Tx,
    d: DeskRow,
    version: number | undefined,
    patch: Partial<DeskInsert>,
  ): Promise<void> {
    const ok = await this.repo.updateDeskIfVersion(tx, d.id, version ?? d.version, patch);
    if (!ok) {
      throw new AppException(
        'STALE_VERSION',
        'Someone else changed this desk; reload and try again',
        undefined,
        { currentVersion: d.version },
      );
    }
  }
}
