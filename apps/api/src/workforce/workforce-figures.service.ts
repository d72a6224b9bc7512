import type { MetricFigure, MetricRow, MetricRowsPage, MetricSide } from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Reader } from '../auth/scope';
import type { RequestMeta } from '../common/request-context';
import { Db } from '../database/db';
import { policy } from '../auth/policy';
import { maskName } from '../people/mask-name';
import type {
  WorkforceFiguresPort,
  WorkforceMetricKey,
  WorkforcePeriod,
} from './workforce-figures.port';
import { type RosterRow, WorkforceRepository } from './workforce.repository';

// Six places, as the other metrics.
const rounded = (x: number) => Math.round(x * 1e6) / 1e6;

const UNIT: Record<WorkforceMetricKey, MetricFigure['unit']> = {
  worker_attrition_rate: 'fraction',
  worker_avg_pay_yuan: 'yuan_per_month',
  worker_certified_share: 'fraction',
  worker_bachelor_share: 'fraction',
  worker_avg_age: 'years',
};

function figure(key: WorkforceMetricKey, numerator: number, denominator: number): MetricFigure {
  const unit = UNIT[key];
  return denominator > 0
    ? { value: rounded(numerator / denominator), numerator, denominator, unit }
    : { value: null, numerator, denominator, unit, reason: 'no_denominator' };
}

/** One side of one figure: the rows that count and what each adds (1 unless weighted). */
type Side = (r: RosterRow) => { weight: number; amount?: number } | null;

const one = (cond: boolean) => (cond ? { weight: 1 } : null);
const headcountAtTo: Side = (r) => one(r.at_to);

const SIDES: Record<WorkforceMetricKey, Record<MetricSide, Side>> = {
  worker_attrition_rate: {
    numerator: (r) => one(r.leaver),
    // Average headcount: each end counts half, so a worker on the roster at both ends counts 1.
    denominator: (r) =>
      r.at_from || r.at_to ? { weight: (r.at_from ? 0.5 : 0) + (r.at_to ? 0.5 : 0) } : null,
  },
  worker_avg_pay_yuan: {
    numerator: (r) => (r.at_to ? { weight: r.pay, amount: r.pay } : null),
    denominator: headcountAtTo,
  },
  worker_certified_share: {
    numerator: (r) => one(r.at_to && r.certified),
    denominator: headcountAtTo,
  },
  worker_bachelor_share: {
    numerator: (r) => one(r.at_to && r.education !== 'below_bachelor'),
    denominator: headcountAtTo,
  },
  worker_avg_age: {
    numerator: (r) => (r.at_to ? { weight: r.age, amount: r.age } : null),
    denominator: headcountAtTo,
  },
};

const KEYS = Object.keys(SIDES) as WorkforceMetricKey[];
const PERSONAL_AMOUNTS = new Set<WorkforceMetricKey>(['worker_avg_pay_yuan', 'worker_avg_age']);

// Sums of halves and of pay in fen stay exact when added in hundredths.
const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b * 100, 0)) / 100;

/** A Shanghai day's first instant. */
const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();

/** The five workforce figures from the roster, for the metrics module (WORKFORCE_FIGURES). */
@Injectable()
export class WorkforceFiguresService implements WorkforceFiguresPort {
  constructor(
    private readonly repo: WorkforceRepository,
    private readonly audit: AuditService,
    private readonly db: Db,
  ) {}

  private roster(ids: readonly string[], period: WorkforcePeriod): Promise<RosterRow[]> {
    return this.repo.roster(ids, period);
  }

  async figures(
    communityIds: readonly string[],
    period: WorkforcePeriod,
  ): Promise<Map<string, Record<WorkforceMetricKey, MetricFigure>>> {
    const rows = communityIds.length ? await this.roster(communityIds, period) : [];
    const byCommunity = new Map<string, RosterRow[]>(communityIds.map((id) => [id, []]));
    for (const r of rows) byCommunity.get(r.community_id)?.push(r);
    const out = new Map<string, Record<WorkforceMetricKey, MetricFigure>>();
    for (const [id, own] of byCommunity) {
      const figures = {} as Record<WorkforceMetricKey, MetricFigure>;
      for (const key of KEYS) {
        const side = (s: MetricSide) => sum(own.map((r) => SIDES[key][s](r)?.weight ?? 0));
        figures[key] = figure(key, side('numerator'), side('denominator'));
      }
      out.set(id, figures);
    }
    return out;
  }

  async rows(
    communityId: string,
    key: WorkforceMetricKey,
    side: MetricSide,
    period: WorkforcePeriod,
    page: { page: number; pageSize: number },
    reader?: Reader,
    meta?: RequestMeta,
  ): Promise<MetricRowsPage> {
    // Individual pay and ages, and full names, only for those who read the roster's personal data.
    const personal =
      reader !== undefined &&
      (reader.kind === 'system_read' ||
        (reader.kind === 'staff' && policy.manageWorkforce(reader, communityId)));
    const counted = (await this.roster([communityId], period))
      .map((r) => ({ r, c: SIDES[key][side](r) }))
      .filter((x): x is { r: RosterRow; c: { weight: number; amount?: number } } => x.c !== null);
    const total = sum(counted.map((x) => x.c.weight));
    const items: MetricRow[] = counted
      .slice((page.page - 1) * page.pageSize, page.page * page.pageSize)
      .map(({ r, c }) => {
        const weighted = c.amount !== undefined || c.weight !== 1;
        const amount = c.amount ?? c.weight;
        return {
          kind: 'roster_entry',
          id: r.id,
          // A leaver counts by the day they left; everyone else by the day they were hired.
          at: midnight(
            key === 'worker_attrition_rate' && side === 'numerator' ? r.left_on! : r.hired_on,
          ),
          label: `${r.worker_number} ${personal ? r.name : maskName(r.name)}`,
          href: `/api/workforce/${r.id}`,
          consolePath: `/workforce/${r.id}`,
          ...(weighted && (personal || !PERSONAL_AMOUNTS.has(key)) ? { amount } : {}),
          detail: {
            workerNumber: r.worker_number,
            position: r.position,
            certified: r.certified,
            education: r.education,
            hiredOn: r.hired_on,
            leftOn: r.left_on,
          },
        };
      });
    const shown = items.filter((i) => i.amount !== undefined && PERSONAL_AMOUNTS.has(key));
    if (shown.length > 0 && reader?.kind === 'staff')
      // Pay and ages of named workers: answered only once the read's audit row has committed.
      await this.db.transaction((tx) =>
        this.audit.record(
          reader,
          {
            action: 'personal_data.read',
            entity: 'workforce_entry',
            communityId,
            detail: {
              fields: [key === 'worker_avg_pay_yuan' ? 'monthlyPayYuan' : 'birthDate'],
              via: 'metric_rows',
              metric: key,
              entryIds: shown.map((i) => i.id),
            },
          },
          meta ?? { ip: null, requestId: null, userAgent: null },
          tx,
        ),
      );
    return { items, total };
  }
}
