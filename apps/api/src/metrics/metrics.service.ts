import type {
  CommunityMetrics,
  DistrictMetrics,
  MetricFigure,
  MetricRow,
  MetricRowKind,
  MetricRowsPage,
  MetricSeries,
} from '@baitong/contracts';
import { METRIC_KEYS, METRIC_UNITS, isMetricKey } from '@baitong/rating-engine';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { RequestMeta } from '../common/request-context';
import { maskName } from '../people/mask-name';
import {
  WORKFORCE_FIGURES,
  WORKFORCE_METRIC_KEYS,
  type WorkforceFiguresPort,
  type WorkforceMetricKey,
} from '../workforce/workforce-figures.port';
import { type DerivedMetricKey, METRIC_DEFINITIONS, isWorkforceKey } from './metric-definitions';
import { MetricCountsRepository } from './metric-counts.repository';
import { intervalsOf, parsePeriod, windowOf } from './metric-period';
import type {
  DistrictMetricsQuery,
  MetricPeriodDto,
  MetricRowsQuery,
  MetricSeriesQuery,
} from './metrics.dto';
import {
  type CommunityInfo,
  MetricsRepository,
  type RuleSettings,
  type Sides,
} from './metrics.repository';

// Six places: one resident of a hundred thousand is a share, not zero.
const rounded = (x: number) => Math.round(x * 1e6) / 1e6;

function figure(key: DerivedMetricKey, s: Sides): MetricFigure {
  const unit = METRIC_DEFINITIONS[key].unit;
  if (METRIC_DEFINITIONS[key].denominator.kind === 'unit')
    return { value: s.numerator, numerator: s.numerator, denominator: 1, unit };
  return s.denominator > 0
    ? { value: rounded(s.numerator / s.denominator), ...s, unit }
    : { value: null, ...s, unit, reason: 'no_denominator' };
}

const noRoster = (key: WorkforceMetricKey): MetricFigure => ({
  value: null,
  numerator: 0,
  denominator: 0,
  unit:
    key === 'worker_avg_pay_yuan'
      ? 'yuan_per_month'
      : key === 'worker_avg_age'
        ? 'years'
        : 'fraction',
  reason: 'no_roster',
});

// Links of a row: the API record and the console page a community admin can open. A follow-up
// lives on its case's page in the console.
function links(
  kind: MetricRowKind,
  id: string,
  link: string | null,
): Pick<MetricRow, 'href' | 'consolePath'> {
  switch (kind) {
    case 'case':
      return { href: `/api/cases/${id}`, consolePath: `/cases/${id}` };
    case 'follow_up_task':
      return { href: `/api/follow-ups/${id}`, consolePath: `/cases/${link}` };
    case 'follow_up_attempt':
      return { href: `/api/cases/${link}/follow-up`, consolePath: `/cases/${link}` };
    case 'participation':
      // The link is `proposals/:id` or `meetings/:id` (metric-definitions.ts).
      return link
        ? { href: `/api/${link}`, consolePath: `/council/${link}` }
        : { href: `/api/council-overview` };
    case 'proposal':
      return { href: `/api/proposals/${link}`, consolePath: `/council/proposals/${link}` };
    case 'resident':
      return { href: `/api/residents/${id}` };
    case 'community_fact':
      return { href: `/api/communities/${id}/fact-history` };
    case 'roster_entry':
      return { href: `/api/workforce/${id}` };
  }
}

/** Numerators over denominators, each summed over the communities; a count is summed. */
function districtTotal(rows: Record<string, MetricFigure>[]): Record<string, MetricFigure> {
  const out: Record<string, MetricFigure> = {};
  for (const key of METRIC_KEYS) {
    const figures = rows.map((r) => r[key]!);
    const unit = figures[0]?.unit ?? METRIC_UNITS[key];
    const numerator = figures.reduce((s, f) => s + f.numerator, 0);
    const count = !isWorkforceKey(key) && METRIC_DEFINITIONS[key].denominator.kind === 'unit';
    const denominator = count ? 1 : figures.reduce((s, f) => s + f.denominator, 0);
    out[key] =
      denominator > 0
        ? {
            value: count ? numerator : rounded(numerator / denominator),
            numerator,
            denominator,
            unit,
          }
        : {
            value: null,
            numerator,
            denominator,
            unit,
            reason:
              figures.length > 0 && figures.every((f) => f.reason === 'no_roster')
                ? 'no_roster'
                : 'no_denominator',
          };
  }
  return out;
}

/** The metrics of docs/METRICS.md per community and period, and the rows behind each. */
@Injectable()
export class MetricsService {
  private readonly settings: RuleSettings;

  constructor(
    private readonly repo: MetricsRepository,
    private readonly counts: MetricCountsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() @Inject(WORKFORCE_FIGURES) private readonly workforce?: WorkforceFiguresPort,
  ) {
    this.settings = config.metrics;
  }

  private staffOnly(actor: Actor): void {
    if (actor.kind !== 'staff') throw AppException.forbidden('Staff read the metrics');
  }

  private async community(actor: Actor, communityId: string): Promise<CommunityInfo> {
    this.staffOnly(actor);
    const [c] = await this.repo.communitiesInScope(actor, { communityId });
    if (!c) throw AppException.notFound('Community');
    return c;
  }

  private async workforceFigures(
    ids: string[],
    period: { from: string; to: string },
  ): Promise<Map<string, Record<WorkforceMetricKey, MetricFigure>>> {
    if (this.workforce && ids.length > 0) return this.workforce.figures(ids, period);
    const none = Object.fromEntries(WORKFORCE_METRIC_KEYS.map((k) => [k, noRoster(k)])) as Record<
      WorkforceMetricKey,
      MetricFigure
    >;
    return new Map(ids.map((id) => [id, none]));
  }

  private async all(
    ids: string[],
    period: { from: string; to: string },
  ): Promise<Map<string, Record<string, MetricFigure>>> {
    const [counts, workforce] = await Promise.all([
      this.counts.counts(ids, [period], this.settings),
      this.workforceFigures(ids, period),
    ]);
    const out = new Map<string, Record<string, MetricFigure>>();
    for (const id of ids) {
      const derived = counts.get(id)!.get(1)!;
      const wf = workforce.get(id);
      // Every key, in the engine's order.
      const metrics: Record<string, MetricFigure> = {};
      for (const key of METRIC_KEYS)
        metrics[key] = isWorkforceKey(key)
          ? (wf?.[key] ?? noRoster(key))
          : figure(key, derived.get(key)!);
      out.set(id, metrics);
    }
    return out;
  }

  /**
   * A system read (no actor, no scope): every metric figure of each community for a period of
   * Shanghai calendar days, both included. The rating run freezes these as its inputs.
   */
  async figuresFor(
    communityIds: string[],
    period: { from: string; to: string },
  ): Promise<Map<string, Record<string, MetricFigure>>> {
    if (communityIds.length === 0) return new Map();
    return this.all(communityIds, period);
  }

  async communityMetrics(
    actor: Actor,
    communityId: string,
    q: MetricPeriodDto,
  ): Promise<CommunityMetrics> {
    const period = parsePeriod(q);
    await this.community(actor, communityId);
    const metrics = (await this.all([communityId], period)).get(communityId)!;
    return { communityId, ...period, metrics };
  }

  async district(actor: Actor, q: DistrictMetricsQuery): Promise<DistrictMetrics> {
    const period = parsePeriod(q);
    this.staffOnly(actor);
    if (q.streetId && !(await this.repo.streetInScope(actor, q.streetId)))
      throw AppException.notFound('Street');
    const communities = await this.repo.communitiesInScope(actor, { streetId: q.streetId });
    const figures = await this.all(
      communities.map((c) => c.communityId),
      period,
    );
    const items = communities.map((c) => ({
      ...c,
      ...period,
      metrics: figures.get(c.communityId)!,
    }));
    return { ...period, items, total: { metrics: districtTotal(items.map((i) => i.metrics)) } };
  }

  async rows(
    actor: Actor,
    communityId: string,
    metricKey: string,
    q: MetricRowsQuery,
    meta?: RequestMeta,
  ): Promise<MetricRowsPage> {
    if (!isMetricKey(metricKey))
      throw AppException.invalid('metricKey', 'is not a metric key', 'not_one_of', {
        allowed: [...METRIC_KEYS],
      });
    const period = parsePeriod(q);
    await this.community(actor, communityId);
    const page = { page: q.page, pageSize: q.pageSize };
    if (isWorkforceKey(metricKey)) {
      if (!this.workforce) return { items: [], total: 0 };
      return this.workforce.rows(communityId, metricKey, q.side, period, page, actor, meta);
    }
    const def = METRIC_DEFINITIONS[metricKey];
    const side = q.side === 'numerator' ? def.numerator : def.denominator;
    const window = windowOf(period.from, period.to);
    if (side.kind === 'unit')
      throw AppException.invalid(
        'side',
        'a count has no denominator rows (it is 1)',
        'not_one_of',
        {
          allowed: ['numerator'],
        },
      );
    if (side.kind === 'snapshot') {
      // The register's figure as of the period's end stands as one row carrying the whole count.
      const value = await this.repo.snapshot(communityId, side.sql, window, this.settings);
      const items: MetricRow[] =
        q.page === 1
          ? [
              {
                kind: 'community_fact',
                id: communityId,
                at: new Date(window.hi.getTime() - 1).toISOString(),
                label: side.label,
                amount: value,
                ...links('community_fact', communityId, null),
              },
            ]
          : [];
      return { items, total: value };
    }
    const raw = await this.repo.rows(communityId, side, window, this.settings, page);
    return {
      total: raw.total,
      items: raw.items.map((r) => ({
        kind: r.rowKind,
        id: r.rowId,
        at: new Date(r.at).toISOString(),
        label: r.rowKind === 'resident' ? maskName(r.label) : r.label,
        ...links(r.rowKind, r.rowId, r.linkId),
        ...(r.amount === null ? {} : { amount: Number(r.amount) }),
      })),
    };
  }

  async series(actor: Actor, communityId: string, q: MetricSeriesQuery): Promise<MetricSeries> {
    if (!isMetricKey(q.metric))
      throw AppException.invalid('metric', 'is not a metric key', 'not_one_of', {
        allowed: [...METRIC_KEYS],
      });
    const period = parsePeriod(q);
    await this.community(actor, communityId);
    const intervals = intervalsOf(period.from, period.to, q.interval);
    const key = q.metric;
    let points: MetricSeries['points'];
    if (isWorkforceKey(key)) {
      points = await Promise.all(
        intervals.map(async (i) => ({
          ...i,
          ...((await this.workforceFigures([communityId], i)).get(communityId)?.[key] ??
            noRoster(key)),
        })),
      );
    } else {
      const counts = await this.counts.counts([communityId], intervals, this.settings, [key]);
      const own = counts.get(communityId)!;
      points = intervals.map((i, n) => ({ ...i, ...figure(key, own.get(n + 1)!.get(key)!) }));
    }
    return { communityId, metric: key, interval: q.interval, ...period, points };
  }
}
