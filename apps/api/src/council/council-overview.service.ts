import {
  COUNCIL_OVERVIEW_STATUSES,
  type CouncilOverview,
  type CouncilOverviewFigures,
  type CouncilOverviewStatus,
  type CouncilOverviewStreet,
  type CouncilOverviewTotals,
  type Role,
} from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import type { CouncilOverviewQuery } from './council-overview.dto';
import {
  CouncilOverviewRepository,
  type OverviewCountsRow,
  type OverviewLevelRow,
} from './council-overview.repository';

const YEAR_MS = 365 * 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The community admin reads its own row; the street its communities; the district all. */
const READERS: readonly Role[] = ['community_admin', 'street_admin', 'bureau_admin', 'monitor'];

/** A Shanghai calendar day's first instant (China keeps no daylight saving time). */
const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

const rounded = (x: number | null, places: number) =>
  x === null ? null : Math.round(x * 10 ** places) / 10 ** places;
// Six places: one resident of a hundred thousand is a share, not zero.
const share = (n: number, of: number) => (of > 0 ? rounded(n / of, 6) : null);

/** Sums of the figures that add up; the shares and means come from them afterwards. */
type Additive = Omit<
  CouncilOverviewFigures,
  'byStatus' | 'satisfiedShareMean' | 'medianDaysToDecision' | 'participants' | 'participationRate'
> & { satisfiedShareSum: number; satisfiedShareCount: number };

const ADDITIVE = [
  'registeredResidents',
  'newProposals',
  'supports',
  'meetingsHeld',
  'adopted',
  'notAdopted',
  'implementationStarted',
  'completed',
  'evaluated',
  'satisfiedShareSum',
  'satisfiedShareCount',
] as const satisfies readonly (keyof Additive)[];

const noStatuses = () =>
  Object.fromEntries(COUNCIL_OVERVIEW_STATUSES.map((s) => [s, 0])) as Record<
    CouncilOverviewStatus,
    number
  >;

/** Council activity per community of the caller's scope, with street and overall totals. */
@Injectable()
export class CouncilOverviewService {
  constructor(
    private readonly repo: CouncilOverviewRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async overview(actor: Actor, q: CouncilOverviewQuery): Promise<CouncilOverview> {
    if (actor.kind !== 'staff' || !READERS.includes(actor.role))
      throw AppException.forbidden('The community, street and district admins read the overview');
    const to = q.to
      ? DAY.test(q.to)
        ? new Date(shanghaiMidnight(q.to).getTime() + 86_400_000)
        : new Date(q.to)
      : this.clock.now();
    const from = q.from
      ? DAY.test(q.from)
        ? shanghaiMidnight(q.from)
        : new Date(q.from)
      : new Date(to.getTime() - YEAR_MS);
    if (from.getTime() >= to.getTime())
      throw AppException.invalid('from', 'must be before to', 'not_after', { field: 'to' });
    const streetId = q.streetId ?? null;
    if (streetId && !(await this.repo.streetInScope(actor, streetId)))
      throw AppException.notFound('Street');

    const period = { from, to, streetId };
    const [counts, statuses, participants, medians] = await Promise.all([
      this.repo.counts(actor, period),
      this.repo.statuses(actor, streetId),
      this.repo.participants(actor, period),
      this.repo.medianDaysToDecision(actor, period),
    ]);

    const byCommunity = new Map<string, Record<CouncilOverviewStatus, number>>();
    for (const s of statuses) {
      const row = byCommunity.get(s.communityId) ?? noStatuses();
      row[s.status as CouncilOverviewStatus] = s.n;
      byCommunity.set(s.communityId, row);
    }
    const level = (rows: OverviewLevelRow[], streetId: string | null, communityId: string | null) =>
      rows.find((r) => r.streetId === streetId && r.communityId === communityId)?.value ?? null;
    // The GROUPING SETS rows name the street on the street's and the community's level only.
    const at = (rows: OverviewLevelRow[], key: { streetId?: string; communityId?: string }) =>
      level(rows, key.streetId ?? null, key.communityId ?? null);

    const figures = (
      rows: OverviewCountsRow[],
      key: { streetId?: string; communityId?: string },
    ): CouncilOverviewFigures => {
      const sum = Object.fromEntries(
        ADDITIVE.map((k) => [k, rows.reduce((a, r) => a + r[k], 0)]),
      ) as Record<(typeof ADDITIVE)[number], number>;
      const byStatus = noStatuses();
      for (const r of rows) {
        const own = byCommunity.get(r.communityId);
        if (own) for (const s of COUNCIL_OVERVIEW_STATUSES) byStatus[s] += own[s];
      }
      const taking = at(participants, key) ?? 0;
      const median = at(medians, key);
      const { satisfiedShareSum, satisfiedShareCount, ...additive } = sum;
      return {
        ...additive,
        byStatus,
        satisfiedShareMean: satisfiedShareCount
          ? rounded(satisfiedShareSum / satisfiedShareCount, 4)
          : null,
        medianDaysToDecision: rounded(median, 1),
        participants: taking,
        participationRate: share(taking, sum.registeredResidents),
      };
    };

    const communities = counts.map((r) => ({
      communityId: r.communityId,
      communityName: r.communityName,
      communityNameEn: r.communityNameEn,
      streetId: r.streetId,
      streetName: r.streetName,
      streetNameEn: r.streetNameEn,
      ...figures([r], { streetId: r.streetId, communityId: r.communityId }),
    }));
    const streets: CouncilOverviewStreet[] = [];
    for (const r of counts) {
      if (streets.some((s) => s.streetId === r.streetId)) continue;
      const rows = counts.filter((c) => c.streetId === r.streetId);
      streets.push({
        streetId: r.streetId,
        streetName: r.streetName,
        streetNameEn: r.streetNameEn,
        communities: rows.length,
        ...figures(rows, { streetId: r.streetId }),
      });
    }
    const total: CouncilOverviewTotals = { communities: counts.length, ...figures(counts, {}) };
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      streetId,
      communities,
      streets,
      total,
    };
  }
}
