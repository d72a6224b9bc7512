import type { MetricRowKind } from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Reader, scopeSql } from '../auth/scope';
import { toCamel } from '../council/rows';
import {
  DERIVED_METRIC_KEYS,
  type DerivedMetricKey,
  METRIC_DEFINITIONS,
  type RowSide,
} from './metric-definitions';

/** The instants [lo, hi) of one period or interval. */
export interface Window {
  lo: Date;
  hi: Date;
}

/** What the rules read besides the rows: the settings of docs/METRICS.md. */
export interface RuleSettings {
  eveningFrom: string;
  unratedAsSatisfied: boolean;
}

export interface CommunityInfo {
  communityId: string;
  communityName: string;
  communityNameEn: string;
  streetId: string;
  streetName: string;
  streetNameEn: string;
}

/** Numerator and denominator of one metric in one window for one community. */
export interface Sides {
  numerator: number;
  denominator: number;
}

/** community → window index → metric → sides. */
export type Counts = Map<string, Map<number, Map<DerivedMetricKey, Sides>>>;

export interface RawMetricRow {
  rowId: string;
  rowKind: MetricRowKind;
  linkId: string | null;
  label: string;
  at: Date;
  amount: number | null;
}

// Every query starts with the same typed parameters, so each side's SQL reads them by name.
export const PARAMS = `p AS (SELECT $1::uuid[] AS ids, $2::timestamptz AS lo, $3::timestamptz AS hi,
                             $4::time AS evening, $5::boolean AS unrated)`;

const count = (side: RowSide) => (side.distinct ? 'count(DISTINCT s.key)' : 'count(*)');
const inWindow = (side: RowSide) =>
  side.span === 'window' ? 's.at >= w.lo AND s.at < w.hi' : 's.at < w.hi';

/**
 * Reads every derived metric from its one definition (metric-definitions.ts) in two queries,
 * whatever the number of communities and intervals: the row sides grouped by community and
 * window, and the snapshot denominators as of each window's end.
 */
@Injectable()
export class MetricsRepository {
  constructor(private readonly ds: DataSource) {}

  async communitiesInScope(
    reader: Reader,
    filter: { communityId?: string; streetId?: string },
  ): Promise<CommunityInfo[]> {
    const params: unknown[] = [filter.communityId ?? null, filter.streetId ?? null];
    const scope = scopeSql(reader, { community: 'c.id' }, params);
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT c.id AS community_id, c.name AS community_name, c.name_en AS community_name_en,
              s.id AS street_id, s.name AS street_name, s.name_en AS street_name_en
         FROM community c JOIN street s ON s.id = c.street_id
        WHERE ($1::uuid IS NULL OR c.id = $1::uuid) AND ($2::uuid IS NULL OR c.street_id = $2::uuid)
          AND ${scope}
        ORDER BY s.name, s.id, c.name, c.id`,
      params,
    );
    return rows.map((r) => toCamel<CommunityInfo>(r));
  }

  async streetInScope(reader: Reader, streetId: string): Promise<boolean> {
    const params: unknown[] = [streetId];
    const scope = scopeSql(reader, { community: 'c.id' }, params);
    const rows: unknown[] = await this.ds.query(
      `SELECT 1 FROM community c WHERE c.street_id = $1 AND ${scope} LIMIT 1`,
      params,
    );
    return rows.length > 0;
  }

  private params(ids: readonly string[], windows: readonly Window[], s: RuleSettings): unknown[] {
    const lo = new Date(Math.min(...windows.map((w) => w.lo.getTime())));
    const hi = new Date(Math.max(...windows.map((w) => w.hi.getTime())));
    return [
      ids,
      lo,
      hi,
      s.eveningFrom,
      s.unratedAsSatisfied,
      windows.map((w) => w.lo),
      windows.map((w) => w.hi),
    ];
  }

  /**
   * Both sides of the metrics asked for, per community and window; with `include`, only the
   * sides it accepts are read (the others stay 0, a unit denominator 1).
   */
  async counts(
    ids: readonly string[],
    windows: readonly Window[],
    settings: RuleSettings,
    keys: readonly DerivedMetricKey[] = DERIVED_METRIC_KEYS,
    db: DataSource | EntityManager = this.ds,
    include: (key: DerivedMetricKey, side: keyof Sides) => boolean = () => true,
  ): Promise<Counts> {
    const out: Counts = new Map();
    if (ids.length === 0 || windows.length === 0 || keys.length === 0) return out;
    const params = this.params(ids, windows, settings);
    const ctes: string[] = [];
    const selects: string[] = [];
    const snapshots: string[] = [];
    keys.forEach((key, i) => {
      const def = METRIC_DEFINITIONS[key];
      const sides = [
        ['numerator', def.numerator] as const,
        ['denominator', def.denominator] as const,
      ];
      for (const [name, side] of sides) {
        if (!include(key, name)) continue;
        if (side.kind === 'rows') {
          const cte = `s${i}_${name[0]}`;
          ctes.push(`${cte} AS (${side.sql})`);
          selects.push(`SELECT '${key}' AS metric, '${name}' AS side, s.community_id, w.ord::int AS ord,
                               ${count(side)}::float8 AS n
                          FROM ${cte} s JOIN w ON ${inWindow(side)}
                         GROUP BY s.community_id, w.ord`);
        } else if (side.kind === 'snapshot') {
          snapshots.push(`SELECT '${key}' AS metric, '${name}' AS side, v.community_id, w.ord::int AS ord,
                                 v.value AS n
                            FROM w CROSS JOIN LATERAL (${side.sql('w.hi')}) v`);
        }
      }
    });
    const windowsCte = `w AS (SELECT u.lo, u.hi, u.ord
                                FROM unnest($6::timestamptz[], $7::timestamptz[]) WITH ORDINALITY
                                  AS u(lo, hi, ord))`;
    const rows: {
      metric: DerivedMetricKey;
      side: keyof Sides;
      community_id: string;
      ord: number;
      n: number;
    }[] = [];
    if (selects.length > 0)
      rows.push(
        ...((await db.query(
          `WITH ${PARAMS}, ${windowsCte}, ${ctes.join(',\n')}\n${selects.join('\nUNION ALL\n')}`,
          params,
        )) as typeof rows),
      );
    if (snapshots.length > 0)
      rows.push(
        ...((await db.query(
          `WITH ${PARAMS}, ${windowsCte}\n${snapshots.join('\nUNION ALL\n')}`,
          params,
        )) as typeof rows),
      );
    for (const id of ids) {
      const perWindow = new Map<number, Map<DerivedMetricKey, Sides>>();
      windows.forEach((_w, i) => {
        const m = new Map<DerivedMetricKey, Sides>();
        for (const k of keys)
          m.set(k, {
            numerator: 0,
            denominator: METRIC_DEFINITIONS[k].denominator.kind === 'unit' ? 1 : 0,
          });
        perWindow.set(i + 1, m);
      });
      out.set(id, perWindow);
    }
    for (const r of rows) {
      const sides = out.get(r.community_id)?.get(r.ord)?.get(r.metric);
      if (sides) sides[r.side] = Number(r.n);
    }
    return out;
  }

  /** One page of the rows behind one side, and how many there are (the side's figure). */
  async rows(
    communityId: string,
    side: RowSide,
    window: Window,
    settings: RuleSettings,
    page: { page: number; pageSize: number },
  ): Promise<{ items: RawMetricRow[]; total: number }> {
    const params = this.params([communityId], [window], settings).slice(0, 5);
    // A distinct side shows each counted key once, by its first row in the period.
    const src = side.distinct
      ? `(SELECT DISTINCT ON (s.key) s.* FROM src s ORDER BY s.key, s.at, s.row_id)`
      : 'src';
    const [{ total }] = (await this.ds.query(
      `WITH ${PARAMS}, src AS (${side.sql})
       SELECT ${count(side)}::int AS total FROM src s`,
      params,
    )) as [{ total: number }];
    const rows: Record<string, unknown>[] = await this.ds.query(
      `WITH ${PARAMS}, src AS (${side.sql})
       SELECT x.row_id, x.row_kind, x.link_id, x.label, x.at, x.amount FROM ${src} x
        ORDER BY x.at, x.row_id LIMIT $6 OFFSET $7`,
      [...params, page.pageSize, (page.page - 1) * page.pageSize],
    );
    return { items: rows.map((r) => toCamel<RawMetricRow>(r)), total };
  }

  /** A snapshot side's value for one community as of the window's end. */
  async snapshot(
    communityId: string,
    sql: (end: string) => string,
    window: Window,
    settings: RuleSettings,
  ): Promise<number> {
    const params = this.params([communityId], [window], settings).slice(0, 5);
    const rows: { value: number }[] = await this.ds.query(
      `WITH ${PARAMS} SELECT v.value FROM (${sql('p.hi')}) v`,
      params,
    );
    return Number(rows[0]?.value ?? 0);
  }
}
