import {
  RATING_ASSESSOR_KINDS,
  type RatingAssessorKind,
  type RatingCampaignDetail,
  type RatingCampaignProgress,
  type RatingCampaignSummary,
  type RatingCrossInspectionLine,
  type RatingCrossInspectionView,
  type RatingProgressRow,
  type RatingProgressTotals,
} from '@baitong/contracts';
import type { Framework } from '@baitong/rating-engine';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import { policy } from '../../auth/policy';
import { AppException } from '../../common/app-exception';
import { Db } from '../../database/db';
import { indicatorsOf, kindsOf } from './assessment-rules';
import type {
  AssignmentsDto,
  CreateRatingCampaignDto,
  CrossInspectionPlanDto,
} from './campaigns.dto';
import { type CampaignRow, type PlanRow, RatingCampaignsRepository } from './campaigns.repository';

const toSummary = (c: CampaignRow): RatingCampaignSummary => ({
  id: c.id,
  year: c.year,
  frameworkId: c.frameworkId,
  frameworkKey: c.frameworkKey,
  frameworkVersion: c.frameworkVersion,
  frameworkName: { zh: c.frameworkNameZh, en: c.frameworkNameEn },
  status: c.status,
  opensOn: c.opensOn,
  closesOn: c.closesOn,
  version: c.version,
  createdByName: c.createdByName,
  createdAt: new Date(c.createdAt).toISOString(),
});

function planView(rows: PlanRow[]): RatingCrossInspectionView[] {
  const byStreet = new Map<string, RatingCrossInspectionView>();
  for (const r of rows) {
    let v = byStreet.get(r.inspectorStreetId);
    if (!v) {
      v = {
        inspectorStreetId: r.inspectorStreetId,
        inspectorStreetName: r.inspectorStreetName,
        inspectorStreetNameEn: r.inspectorStreetNameEn,
        communities: [],
      };
      byStreet.set(r.inspectorStreetId, v);
    }
    v.communities.push({
      id: r.communityId,
      name: r.communityName,
      nameEn: r.communityNameEn,
      streetId: r.communityStreetId,
    });
  }
  return [...byStreet.values()];
}

const zero = (): RatingProgressTotals => ({ expected: 0, drafts: 0, submitted: 0 });

/**
 * The campaign of a rating year: which framework, which assessor kind scores which assessed
 * indicator, and which street cross-inspects which community (never its own). The bureau runs it;
 * the monitor and street admins follow its progress.
 */
@Injectable()
export class RatingCampaignsService {
  constructor(
    private readonly repo: RatingCampaignsRepository,
    private readonly db: Db,
  ) {}

  async create(actor: Actor, dto: CreateRatingCampaignDto): Promise<RatingCampaignDetail> {
    this.mayWrite(actor);
    if (dto.opensOn && dto.closesOn && dto.closesOn < dto.opensOn)
      throw AppException.invalid('closesOn', 'must not be before opensOn', 'not_after', {
        field: 'opensOn',
      });
    const fw = await this.repo.framework(dto.frameworkId);
    if (!fw) throw AppException.invalid('frameworkId', 'no such framework', 'not_found');
    const id = await this.db.transaction(async (m) => {
      if (await this.repo.yearTaken(m, dto.year))
        throw new AppException(
          'CONFLICT',
          `The campaign of ${dto.year} exists already`,
          [{ field: 'year', code: 'duplicate', message: 'one campaign a year' }],
          { reason: 'campaign_exists' },
        );
      return this.repo.insert(m, {
        year: dto.year,
        frameworkId: fw.id,
        opensOn: dto.opensOn ?? null,
        closesOn: dto.closesOn ?? null,
        createdById: actor.id,
        createdByName: actor.name.slice(0, 64),
      });
    });
    return this.get(actor, id);
  }

  async list(actor: Actor): Promise<RatingCampaignSummary[]> {
    this.mayRead(actor);
    return (await this.repo.list()).map(toSummary);
  }

  async get(actor: Actor, id: string): Promise<RatingCampaignDetail> {
    this.mayRead(actor);
    const c = await this.repo.find(id);
    if (!c) throw AppException.notFound('Campaign');
    const [assignments, plan] = await Promise.all([this.repo.assignments(id), this.repo.plan(id)]);
    return {
      ...toSummary(c),
      assignments: RATING_ASSESSOR_KINDS.map((k) => ({
        assessorKind: k,
        indicatorKeys: assignments.filter((a) => a.assessorKind === k).map((a) => a.indicatorKey),
      })),
      crossInspections: planView(plan),
    };
  }

  async setAssignments(
    actor: Actor,
    id: string,
    dto: AssignmentsDto,
  ): Promise<RatingCampaignDetail> {
    this.mayWrite(actor);
    const c = await this.openCampaign(id);
    const fw = (await this.repo.framework(c.frameworkId))!.definition as Framework;
    const byKey = new Map(indicatorsOf(fw).map((x) => [x.indicator.key, x.indicator]));
    const seenKinds = new Set<string>();
    const rows: { assessorKind: string; indicatorKey: string }[] = [];
    dto.assignments.forEach((a, i) => {
      if (seenKinds.has(a.assessorKind))
        throw AppException.invalid(
          `assignments[${i}].assessorKind`,
          'each assessor kind once',
          'duplicate',
        );
      seenKinds.add(a.assessorKind);
      const seen = new Set<string>();
      a.indicatorKeys.forEach((key, j) => {
        const field = `assignments[${i}].indicatorKeys[${j}]`;
        const ind = byKey.get(key);
        if (!ind)
          throw AppException.invalid(field, `no indicator ${key} in the framework`, 'not_found');
        if (ind.source.kind !== 'assessment')
          throw AppException.invalid(
            field,
            `${key} is scored from a metric, not assessed`,
            'invalid',
          );
        if (!kindsOf(fw, ind).includes(a.assessorKind))
          throw AppException.invalid(
            field,
            `${key} is not weighted for ${a.assessorKind}`,
            'not_one_of',
            { allowed: kindsOf(fw, ind) },
          );
        if (seen.has(key)) throw AppException.invalid(field, 'named twice', 'duplicate');
        seen.add(key);
        rows.push({ assessorKind: a.assessorKind, indicatorKey: key });
      });
    });
    await this.db.transaction(async (m) => {
      await this.repo.find(id, m, true);
      await this.repo.replaceAssignments(m, id, rows);
      await this.repo.touch(m, id);
    });
    return this.get(actor, id);
  }

  async setPlan(
    actor: Actor,
    id: string,
    dto: CrossInspectionPlanDto,
  ): Promise<RatingCampaignDetail> {
    this.mayWrite(actor);
    await this.openCampaign(id);
    const rows = await this.checkPlan(dto.plan);
    await this.db.transaction(async (m) => {
      await this.repo.find(id, m, true);
      await this.repo.replacePlan(m, id, rows);
      await this.repo.touch(m, id);
    });
    return this.get(actor, id);
  }

  /**
   * A fair plan to start from (not saved): the streets in order, each inspecting every community
   * of the next street round the circle, so no street inspects its own and each is inspected once.
   */
  async proposePlan(actor: Actor, id: string): Promise<{ plan: RatingCrossInspectionLine[] }> {
    this.mayWrite(actor);
    const c = await this.repo.find(id);
    if (!c) throw AppException.notFound('Campaign');
    const communities = await this.repo.allCommunities();
    const streets = [...new Set(communities.map((x) => x.streetId))];
    if (streets.length < 2) return { plan: [] };
    return {
      plan: streets.map((s, i) => {
        const next = streets[(i + 1) % streets.length];
        return {
          inspectorStreetId: s,
          communityIds: communities.filter((x) => x.streetId === next).map((x) => x.id),
        };
      }),
    };
  }

  /**
   * Per community in the reader's view and assessor kind: the scores expected (the indicators
   * assigned to the kind), drafted and submitted. A street admin sees its street's communities and
   * the communities its street inspects.
   */
  async progress(actor: Actor, id: string): Promise<RatingCampaignProgress> {
    this.mayRead(actor);
    const c = await this.repo.find(id);
    if (!c) throw AppException.notFound('Campaign');
    const [assignments, plan, counts, inScope] = await Promise.all([
      this.repo.assignments(id),
      this.repo.plan(id),
      this.repo.counts(id),
      this.repo.communitiesInScope(actor),
    ]);
    const inspector = new Map(plan.map((p) => [p.communityId, p]));
    let communities = inScope;
    const taskOnly = new Set<string>();
    if (actor.role === 'street_admin') {
      const tasks = plan
        .filter((p) => p.inspectorStreetId === actor.streetId)
        .map((p) => p.communityId);
      const seen = new Set(inScope.map((x) => x.id));
      const extra = [
        ...(await this.repo.communitiesByIds(tasks.filter((t) => !seen.has(t)))).values(),
      ];
      for (const x of extra) taskOnly.add(x.id);
      communities = [...inScope, ...extra];
    }
    const expectedOf = new Map<string, number>();
    for (const a of assignments)
      expectedOf.set(a.assessorKind, (expectedOf.get(a.assessorKind) ?? 0) + 1);
    const count = new Map(counts.map((x) => [`${x.communityId}|${x.assessorKind}`, x]));
    const rows: RatingProgressRow[] = [];
    const totals = zero();
    const byKind = Object.fromEntries(RATING_ASSESSOR_KINDS.map((k) => [k, zero()])) as Record<
      RatingAssessorKind,
      RatingProgressTotals
    >;
    for (const com of communities)
      for (const kind of RATING_ASSESSOR_KINDS) {
        const expected = expectedOf.get(kind) ?? 0;
        if (expected === 0) continue;
        // Of a community it only inspects, a street sees its own task, not the others' scores.
        if (taskOnly.has(com.id) && kind !== 'street_cross_inspection') continue;
        const n = count.get(`${com.id}|${kind}`);
        const x = kind === 'street_cross_inspection' ? inspector.get(com.id) : undefined;
        const row: RatingProgressRow = {
          communityId: com.id,
          communityName: com.name,
          communityNameEn: com.nameEn,
          streetId: com.streetId,
          streetName: com.streetName,
          streetNameEn: com.streetNameEn,
          assessorKind: kind,
          inspectorStreetId: x?.inspectorStreetId ?? null,
          inspectorStreetName: x?.inspectorStreetName ?? null,
          expected,
          drafts: n?.drafts ?? 0,
          submitted: n?.submitted ?? 0,
        };
        rows.push(row);
        for (const t of [totals, byKind[kind]]) {
          t.expected += row.expected;
          t.drafts += row.drafts;
          t.submitted += row.submitted;
        }
      }
    return { campaignId: c.id, year: c.year, rows, totals, byKind };
  }

  private async checkPlan(
    plan: RatingCrossInspectionLine[],
  ): Promise<{ inspectorStreetId: string; communityId: string }[]> {
    const streets = await this.repo.streetsExisting(plan.map((p) => p.inspectorStreetId));
    const communities = await this.repo.communitiesByIds(plan.flatMap((p) => p.communityIds));
    const seen = new Set<string>();
    const rows: { inspectorStreetId: string; communityId: string }[] = [];
    plan.forEach((line, i) => {
      if (!streets.has(line.inspectorStreetId))
        throw AppException.invalid(`plan[${i}].inspectorStreetId`, 'no such street', 'not_found');
      line.communityIds.forEach((cid, j) => {
        const field = `plan[${i}].communityIds[${j}]`;
        const com = communities.get(cid);
        if (!com) throw AppException.invalid(field, 'no such community', 'not_found');
        if (com.streetId === line.inspectorStreetId)
          throw AppException.invalid(
            field,
            'a street never inspects its own community',
            'invalid',
            {
              reason: 'own_street',
            },
          );
        if (seen.has(cid))
          throw AppException.invalid(
            field,
            'a community is inspected by one street only',
            'duplicate',
          );
        seen.add(cid);
        rows.push({ inspectorStreetId: line.inspectorStreetId, communityId: cid });
      });
    });
    return rows;
  }

  private async openCampaign(id: string): Promise<CampaignRow> {
    const c = await this.repo.find(id);
    if (!c) throw AppException.notFound('Campaign');
    if (c.status !== 'open')
      throw new AppException('ILLEGAL_TRANSITION', 'The campaign is closed', undefined, {
        reason: 'campaign_closed',
      });
    return c;
  }

  private mayRead(actor: Actor): void {
    if (!policy.readRatingCampaigns(actor)) throw AppException.forbidden();
  }

  private mayWrite(actor: Actor): void {
    if (!policy.manageRating(actor))
      throw AppException.forbidden('Only the bureau runs the assessment campaign');
  }
}
