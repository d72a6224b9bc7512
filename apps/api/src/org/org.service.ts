import type {
  Community,
  Compound,
  Desk,
  Grid,
  OpenState,
  PublicDesk,
  Street,
  WeeklyHours,
} from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { policy } from '../auth/policy';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { distanceMeters } from './geo';
import { DEFAULT_WEEKLY_HOURS, intervalProblems, localDate, openState } from './opening-hours';
import type {
  CreateCommunityDto,
  CreateCompoundDto,
  CreateDeskDto,
  CreateExceptionDto,
  CreateGridDto,
  CreateStreetDto,
  PublicDeskQuery,
  SetHoursDto,
  UpdateCommunityDto,
  UpdateCompoundDto,
  UpdateDeskDto,
  UpdateGridDto,
  UpdateStreetDto,
} from './org.dto';
import {
  CommunityEntity,
  CompoundEntity,
  DeskEntity,
  DeskHoursExceptionEntity,
  GridEntity,
  StreetEntity,
} from './org.entities';
import { toCommunity, toCompound, toDesk, toGrid, toPublicDesk, toStreet } from './org.mapper';
import { type DeskRow, OrgRepository } from './org.repository';

/** Weekly hours must name each weekday at most once, and a day's intervals may not overlap. */
function checkWeeklyHours(hours: WeeklyHours[], field = 'weeklyHours'): void {
  const seen = new Set<number>();
  const fields: { field: string; message: string }[] = [];
  hours.forEach((day, i) => {
    if (seen.has(day.weekday))
      fields.push({ field: `${field}.${i}.weekday`, message: 'weekday appears twice' });
    seen.add(day.weekday);
    for (const [j, message] of intervalProblems(day.intervals))
      fields.push({ field: `${field}.${i}.intervals.${j}`, message });
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
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // Streets

  async listStreets(actor: Actor): Promise<Street[]> {
    return (await this.repo.listStreets(actor)).map(toStreet);
  }

  async createStreet(actor: Actor, dto: CreateStreetDto): Promise<Street> {
    if (!policy.manageStreets(actor)) throw AppException.forbidden();
    const id = await this.repo.transaction(
      async (m) => (await m.save(m.create(StreetEntity, dto))).id,
    );
    return toStreet((await this.repo.findStreet(actor, id))!);
  }

  async updateStreet(actor: Actor, id: string, dto: UpdateStreetDto): Promise<Street> {
    const street = await this.repo.findStreet(actor, id);
    if (!street) throw AppException.notFound('Street');
    if (!policy.manageStreets(actor)) throw AppException.forbidden();
    await this.repo.transaction((m) => m.update(StreetEntity, { id }, dto));
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

  async createCommunity(actor: Actor, dto: CreateCommunityDto): Promise<Community> {
    if (!(await this.repo.findStreet(actor, dto.streetId)))
      throw AppException.invalid('streetId', 'no such street');
    if (!policy.createCommunity(actor, dto.streetId)) throw AppException.forbidden();
    const id = await this.repo.transaction(
      async (m) =>
        (
          await m.save(
            m.create(CommunityEntity, { ...dto, firstElectedOn: dto.firstElectedOn ?? null }),
          )
        ).id,
    );
    return this.getCommunity(actor, id);
  }

  async updateCommunity(actor: Actor, id: string, dto: UpdateCommunityDto): Promise<Community> {
    const c = await this.community(actor, id);
    if (!policy.editCommunity(actor, c)) throw AppException.forbidden();
    // Moving a community to another street is the bureau's decision.
    if (dto.streetId && dto.streetId !== c.streetId && actor.role !== 'bureau_admin')
      throw AppException.forbidden('Only the bureau moves a community to another street');
    if (dto.streetId && !(await this.repo.findStreet(actor, dto.streetId)))
      throw AppException.invalid('streetId', 'no such street');
    await this.repo.transaction((m) => m.update(CommunityEntity, { id }, dto));
    return this.getCommunity(actor, id);
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
    const saved = await this.repo.transaction((m) =>
      m.save(m.create(CompoundEntity, { ...dto, lat: dto.lat ?? null, lng: dto.lng ?? null })),
    );
    return toCompound(saved);
  }

  async updateCompound(actor: Actor, id: string, dto: UpdateCompoundDto): Promise<Compound> {
    const x = await this.repo.findCompound(actor, id);
    if (!x) throw AppException.notFound('Compound');
    await this.managed(actor, x.communityId);
    if (dto.communityId && dto.communityId !== x.communityId)
      throw AppException.invalid('communityId', 'a compound cannot move to another community');
    await this.repo.transaction((m) => m.update(CompoundEntity, { id }, dto));
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
    const saved = await this.repo.transaction((m) =>
      m.save(m.create(GridEntity, { ...dto, compoundId: dto.compoundId ?? null })),
    );
    return toGrid(saved);
  }

  async updateGrid(actor: Actor, id: string, dto: UpdateGridDto): Promise<Grid> {
    const g = await this.repo.findGrid(actor, id);
    if (!g) throw AppException.notFound('Grid');
    await this.managed(actor, g.communityId);
    if (dto.communityId && dto.communityId !== g.communityId)
      throw AppException.invalid('communityId', 'a grid cannot move to another community');
    if (dto.compoundId) await this.compoundOf(actor, dto.compoundId, g.communityId);
    await this.repo.transaction((m) => m.update(GridEntity, { id }, dto));
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

  async createDesk(actor: Actor, dto: CreateDeskDto): Promise<Desk & OpenState> {
    await this.managed(actor, dto.communityId, 'communityId');
    if (dto.compoundId) await this.compoundOf(actor, dto.compoundId, dto.communityId);
    const weeklyHours = dto.weeklyHours ?? DEFAULT_WEEKLY_HOURS;
    checkWeeklyHours(weeklyHours);
    const saved = await this.repo.transaction((m) =>
      m.save(
        m.create(DeskEntity, {
          ...dto,
          compoundId: dto.compoundId ?? null,
          phone: dto.phone ?? null,
          weeklyHours,
        }),
      ),
    );
    return this.getDesk(actor, saved.id);
  }

  async updateDesk(actor: Actor, id: string, dto: UpdateDeskDto): Promise<Desk & OpenState> {
    const d = await this.deskManaged(actor, id);
    const { version, ...patch } = dto;
    if (patch.communityId && patch.communityId !== d.communityId)
      throw AppException.invalid('communityId', 'a desk cannot move to another community');
    if (patch.compoundId) await this.compoundOf(actor, patch.compoundId, d.communityId);
    if (patch.weeklyHours) checkWeeklyHours(patch.weeklyHours);
    await this.repo.transaction((m) => this.saveDesk(m, d, version, patch));
    return this.getDesk(actor, id);
  }

  async setHours(actor: Actor, id: string, dto: SetHoursDto): Promise<Desk & OpenState> {
    const d = await this.deskManaged(actor, id);
    checkWeeklyHours(dto.weeklyHours);
    await this.repo.transaction((m) =>
      this.saveDesk(m, d, dto.version, { weeklyHours: dto.weeklyHours }),
    );
    return this.getDesk(actor, id);
  }

  async addException(actor: Actor, id: string, dto: CreateExceptionDto): Promise<Desk & OpenState> {
    const d = await this.deskManaged(actor, id);
    const problems = intervalProblems(dto.intervals);
    if (problems.length) {
      const fields = problems.map(([j, message]) => ({ field: `intervals.${j}`, message }));
      throw new AppException(
        'VALIDATION_FAILED',
        `Invalid fields: ${fields.map((f) => f.field).join(', ')}`,
        fields,
      );
    }
    if (dto.date < localDate(this.clock.now()))
      throw AppException.invalid('date', 'must be today or later');
    await this.repo.transaction(async (m) => {
      // One exception per date: a new one for the same day replaces the old.
      await m.delete(DeskHoursExceptionEntity, { deskId: d.id, date: dto.date });
      await m.insert(DeskHoursExceptionEntity, {
        deskId: d.id,
        date: dto.date,
        intervals: dto.intervals,
        note: dto.note ?? '',
      });
      await m.increment(DeskEntity, { id: d.id }, 'version', 1);
    });
    return this.getDesk(actor, id);
  }

  async removeException(actor: Actor, id: string, exceptionId: string): Promise<Desk & OpenState> {
    const d = await this.deskManaged(actor, id);
    const ex = await this.repo.findException(d.id, exceptionId);
    if (!ex) throw AppException.notFound('Exception');
    await this.repo.transaction(async (m) => {
      await m.delete(DeskHoursExceptionEntity, { id: ex.id });
      await m.increment(DeskEntity, { id: d.id }, 'version', 1);
    });
    return this.getDesk(actor, id);
  }

  // Public desk finder

  async publicDesks(q: PublicDeskQuery): Promise<PublicDesk[]> {
    if ((q.lat === undefined) !== (q.lng === undefined)) {
      throw AppException.invalid(q.lat === undefined ? 'lat' : 'lng', 'lat and lng go together');
    }
    const now = this.clock.now();
    const rows = await this.repo.listDesks(null, {
      communityId: q.communityId,
      fromDate: localDate(now),
    });
    const here = q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : null;
    const list = rows.map((d) =>
      toPublicDesk(d, this.state(d, now), here ? distanceMeters(here, d) : null),
    );
    if (here)
      list.sort((a, b) => a.distanceMeters! - b.distanceMeters! || a.id.localeCompare(b.id));
    return list.slice(0, q.limit ?? 20);
  }

  async publicDesk(id: string): Promise<PublicDesk> {
    const now = this.clock.now();
    const d = await this.repo.findDesk(null, id, localDate(now));
    if (!d) throw AppException.notFound('Desk');
    return toPublicDesk(d, this.state(d, now), null);
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
        ? AppException.invalid(field, 'no such community')
        : AppException.notFound('Community');
    if (!policy.manageCommunityAssets(actor, c)) throw AppException.forbidden();
    return c;
  }

  private async compoundOf(actor: Actor, compoundId: string, communityId: string): Promise<void> {
    const x = await this.repo.findCompound(actor, compoundId);
    if (!x || x.communityId !== communityId)
      throw AppException.invalid('compoundId', 'no such compound in this community');
  }

  private async deskManaged(actor: Actor, id: string): Promise<DeskRow> {
    const d = await this.repo.findDesk(actor, id, localDate(this.clock.now()));
    if (!d) throw AppException.notFound('Desk');
    await this.managed(actor, d.communityId);
    return d;
  }

  private async saveDesk(
    m: EntityManager,
    d: DeskRow,
    version: number | undefined,
    patch: Partial<DeskEntity>,
  ): Promise<void> {
    const ok = await this.repo.updateDeskIfVersion(m, d.id, version ?? d.version, patch);
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
