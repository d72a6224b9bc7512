import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Bucket, bucketsOf } from './metric-period';
import { ROLLUP_SOURCES, type RollupSource, rollupFingerprint } from './metric-rollup.sources';
import { PARAMS, type RuleSettings } from './metrics.repository';

// The daily roll-ups of docs/METRICS.md ("Roll-ups"): maintained by `drain` from the marks the
// triggers of migration 1796500250000 leave, read by `sums` exactly whatever the lag.
//
// Invariants, each kept inside one transaction:
//  - for a (community, day) pair not marked dirty, its 'd' rows equal the live count of every
//    source (a writer marks before it commits; a drain clears a mark and recomputes from a
//    snapshot taken after the clear, holding the community's lock);
//  - every 'm' and 'y' row is the sum of its 'd' rows.
// So a read subtracts the 'd' rows of dirty pairs and adds their live counts.

/** A period of Shanghai days, both included. */
export interface DayPeriod {
  from: string;
  to: string;
}

/** community → period index (1-based, as in MetricsRepository.counts) → source id → count. */
export type SourceSums = Map<string, Map<number, Map<string, number>>>;

interface Pair {
  community_id: string;
  day: string;
}

// A source that counts everything up to the period's end starts its period here; no record of
// Baitong is older.
const EPOCH = '1900-01-01';
const LOCK_SPACE = 7301;
const COMMUNITY_LOCK_SPACE = 7302;
const SHANGHAI_TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const dayText = (d: unknown) =>
  d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10);

type Db = DataSource | EntityManager;

/**
 * The live daily count of every source, per community and Shanghai day: of the given pairs, or of
 * all history. One statement, so one snapshot.
 */
function dayCountsSql(scope: 'pairs' | 'all'): string {
  const ctes = ROLLUP_SOURCES.map((s, i) => `r${i} AS (${s.side.sql})`);
  const day = `(s.at AT TIME ZONE 'Asia/Shanghai')::date`;
  const selects = ROLLUP_SOURCES.map(
    (s, i) =>
      `SELECT '${s.id}' AS source, s.community_id, ${day} AS day, count(*) AS n FROM r${i} s
        ${scope === 'pairs' ? `JOIN pairs ON pairs.community_id = s.community_id AND pairs.day = ${day}` : ''}
        GROUP BY s.community_id, ${day}`,
  );
  const pairs =
    scope === 'pairs'
      ? `, pairs AS (SELECT * FROM unnest($6::uuid[], $7::date[]) AS u(community_id, day))`
      : '';
  return `WITH ${PARAMS}${pairs}, ${ctes.join(',\n')}\n${selects.join('\nUNION ALL\n')}`;
}
const PAIR_COUNTS = dayCountsSql('pairs');
const ALL_COUNTS = dayCountsSql('all');

const shanghaiMidnight = (d: string) => `${d}T00:00:00+08:00`;

function pairParams(pairs: readonly Pair[], s: RuleSettings): unknown[] {
  const days = pairs.map((p) => p.day).sort();
  return [
    [...new Set(pairs.map((p) => p.community_id))],
    shanghaiMidnight(days[0]!),
    shanghaiMidnight(addDays(days[days.length - 1]!, 1)),
    s.eveningFrom,
    s.unratedAsSatisfied,
    pairs.map((p) => p.community_id),
    pairs.map((p) => p.day),
  ];
}

@Injectable()
export class MetricRollupRepository {
  constructor(private readonly ds: DataSource) {}

  /** Whether the roll-ups hold these rules and settings (else a read must go live). */
  async isBuilt(s: RuleSettings, db: Db = this.ds): Promise<boolean> {
    const rows: { fingerprint: string }[] = await db.query(
      `SELECT fingerprint FROM metric_rollup_state WHERE id = 1`,
    );
    return rows[0]?.fingerprint === rollupFingerprint(s);
  }

  /**
   * Every roll-up from all history, for the rules and settings in force. Drains wait (they hold
   * the shared lock this takes exclusively); writers go on and mark as usual.
   */
  async rebuild(s: RuleSettings): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1, 0)`, [LOCK_SPACE]);
      // Marks cleared before the counts' snapshot; later marks stay for the next drain.
      await m.query(`DELETE FROM metric_day_dirty`);
      await m.query(`DELETE FROM metric_rollup`);
      await m.query(
        `INSERT INTO metric_rollup (grain, start, community_id, source, n)
         SELECT 'd', x.day, x.community_id, x.source, x.n FROM (${ALL_COUNTS}) x`,
        [
          (await m.query(`SELECT coalesce(array_agg(id), '{}') AS ids FROM community`))[0].ids,
          '-infinity',
          'infinity',
          s.eveningFrom,
          s.unratedAsSatisfied,
        ],
      );
      await this.sumUp(m, null);
      await m.query(
        `INSERT INTO metric_rollup_state (id, fingerprint, built_at) VALUES (1, $1, now())
         ON CONFLICT (id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, built_at = now()`,
        [rollupFingerprint(s)],
      );
    });
  }

  /** Builds the roll-ups when they are missing or were built for other rules or settings. */
  async ensureBuilt(s: RuleSettings): Promise<boolean> {
    if (await this.isBuilt(s)) return false;
    await this.rebuild(s);
    return true;
  }

  /**
   * Recomputes up to `limit` marked past days (today stays marked: it changes all day and reads
   * live). Safe with any number of processes: SKIP LOCKED shares the marks out, and a
   * community's lock orders the month and year sums of two drains. Returns the pairs drained.
   */
  async drain(s: RuleSettings, limit = 500): Promise<number> {
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock_shared($1, 0)`, [LOCK_SPACE]);
      const raw: Pair[] = await m.query(
        `DELETE FROM metric_day_dirty d
          WHERE (d.community_id, d.day) IN (
                SELECT community_id, day FROM metric_day_dirty WHERE day < ${SHANGHAI_TODAY}
                 ORDER BY day LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING d.community_id, d.day::text AS day`,
        [limit],
      );
      // TypeORM hands DELETE … RETURNING back as [rows, count].
      const pairs = (Array.isArray(raw[0]) ? raw[0] : raw) as Pair[];
      if (pairs.length === 0) return 0;
      await m.query(
        `SELECT pg_advisory_xact_lock($1, h)
           FROM (SELECT DISTINCT hashtext(c::text) AS h FROM unnest($2::uuid[]) c) x ORDER BY h`,
        [COMMUNITY_LOCK_SPACE, [...new Set(pairs.map((p) => p.community_id))]],
      );
      const params = pairParams(pairs, s);
      await m.query(
        `DELETE FROM metric_rollup r USING unnest($1::uuid[], $2::date[]) AS u(community_id, day)
          WHERE r.grain = 'd' AND r.community_id = u.community_id AND r.start = u.day`,
        [params[5], params[6]],
      );
      await m.query(
        `INSERT INTO metric_rollup (grain, start, community_id, source, n)
         SELECT 'd', x.day, x.community_id, x.source, x.n FROM (${PAIR_COUNTS}) x`,
        params,
      );
      await this.sumUp(m, pairs);
      return pairs.length;
    });
  }

  /** Drains until no past day is marked. */
  async drainAll(s: RuleSettings): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.drain(s);
      total += n;
      if (n === 0) return total;
    }
  }

  // The month and year rows of the pairs' months and years (all of them when null), summed
  // again from the day rows.
  private async sumUp(m: EntityManager, pairs: readonly Pair[] | null): Promise<void> {
    for (const [grain, unit] of [
      ['m', 'month'],
      ['y', 'year'],
    ] as const) {
      if (pairs === null) {
        await m.query(
          `INSERT INTO metric_rollup (grain, start, community_id, source, n)
           SELECT $1, date_trunc('${unit}', r.start)::date, r.community_id, r.source, sum(r.n)
             FROM metric_rollup r WHERE r.grain = 'd' GROUP BY 2, 3, 4`,
          [grain],
        );
        continue;
      }
      const keys = [
        ...new Map(
          pairs.map((p) => {
            const start =
              unit === 'month' ? `${p.day.slice(0, 7)}-01` : `${p.day.slice(0, 4)}-01-01`;
            return [`${p.community_id}|${start}`, { c: p.community_id, start }];
          }),
        ).values(),
      ];
      const params = [grain, keys.map((k) => k.c), keys.map((k) => k.start)];
      await m.query(
        `DELETE FROM metric_rollup r USING unnest($2::uuid[], $3::date[]) AS u(community_id, start)
          WHERE r.grain = $1 AND r.community_id = u.community_id AND r.start = u.start`,
        params,
      );
      await m.query(
        `INSERT INTO metric_rollup (grain, start, community_id, source, n)
         SELECT $1, u.start, r.community_id, r.source, sum(r.n)
           FROM unnest($2::uuid[], $3::date[]) AS u(community_id, start)
           JOIN metric_rollup r ON r.grain = 'd' AND r.community_id = u.community_id
            AND r.start >= u.start AND r.start < u.start + interval '1 ${unit}'
          GROUP BY u.start, r.community_id, r.source`,
        params,
      );
    }
  }

  /**
   * The count of each source per community and period, exact: the roll-ups of clean days plus
   * the live rows of marked ones, all in one snapshot (`db` must be a REPEATABLE READ
   * transaction for that). A source spanning `until_end` counts from the beginning of records.
   */
  async sums(
    db: EntityManager,
    ids: readonly string[],
    periods: readonly DayPeriod[],
    sources: readonly RollupSource[],
    s: RuleSettings,
  ): Promise<SourceSums> {
    const out: SourceSums = new Map(
      ids.map((id) => [id, new Map(periods.map((_p, i) => [i + 1, new Map<string, number>()]))]),
    );
    if (ids.length === 0 || sources.length === 0) return out;
    const add = (c: string, ord: number, source: string, n: number) => {
      const m = out.get(c)?.get(ord);
      if (m) m.set(source, (m.get(source) ?? 0) + n);
    };
    const spanFrom = (p: DayPeriod, src: RollupSource) =>
      src.side.span === 'until_end' ? EPOCH : p.from;

    const buckets: (Bucket & { ord: number; span: string })[] = [];
    periods.forEach((p, i) => {
      for (const span of new Set(sources.map((x) => x.side.span)))
        for (const b of bucketsOf(span === 'until_end' ? EPOCH : p.from, p.to))
          buckets.push({ ...b, ord: i + 1, span });
    });
    const rolled: { community_id: string; ord: number; source: string; n: string }[] =
      await db.query(
        `WITH b AS (SELECT * FROM unnest($2::int[], $3::text[], $4::text[], $5::date[])
                      AS b(ord, span, grain, start)),
              src AS (SELECT * FROM unnest($6::text[], $7::text[]) AS s(source, span))
         SELECT r.community_id, b.ord, r.source, sum(r.n) AS n
           FROM b JOIN src ON src.span = b.span
           JOIN metric_rollup r ON r.grain = b.grain AND r.start = b.start AND r.source = src.source
          WHERE r.community_id = ANY($1::uuid[])
          GROUP BY r.community_id, b.ord, r.source`,
        [
          ids,
          buckets.map((b) => b.ord),
          buckets.map((b) => b.span),
          buckets.map((b) => b.grain),
          buckets.map((b) => b.start),
          sources.map((x) => x.id),
          sources.map((x) => x.side.span),
        ],
      );
    for (const r of rolled) add(r.community_id, r.ord, r.source, Number(r.n));

    const lastDay = periods.map((p) => p.to).sort()[periods.length - 1]!;
    const dirty: Pair[] = await db.query(
      `SELECT community_id, day::text AS day FROM metric_day_dirty
        WHERE community_id = ANY($1::uuid[]) AND day <= $2`,
      [ids, lastDay],
    );
    if (dirty.length === 0) return out;
    const correction = new Map<string, number>();
    const key = (c: string, day: string, source: string) => `${c}|${day}|${source}`;
    const stale: { community_id: string; day: string; source: string; n: string }[] =
      await db.query(
        `SELECT r.community_id, r.start::text AS day, r.source, r.n
           FROM unnest($1::uuid[], $2::date[]) AS u(community_id, day)
           JOIN metric_rollup r ON r.grain = 'd' AND r.community_id = u.community_id AND r.start = u.day`,
        [dirty.map((d) => d.community_id), dirty.map((d) => d.day)],
      );
    for (const r of stale) {
      const k = key(r.community_id, r.day, r.source);
      correction.set(k, (correction.get(k) ?? 0) - Number(r.n));
    }
    const live: { community_id: string; day: unknown; source: string; n: string }[] =
      await db.query(PAIR_COUNTS, pairParams(dirty, s));
    for (const r of live) {
      const k = key(r.community_id, dayText(r.day), r.source);
      correction.set(k, (correction.get(k) ?? 0) + Number(r.n));
    }
    const byId = new Map(sources.map((x) => [x.id, x]));
    for (const [k, n] of correction) {
      const [c = '', day = '', source = ''] = k.split('|');
      const src = byId.get(source);
      if (n === 0 || !src) continue;
      periods.forEach((p, i) => {
        if (day >= spanFrom(p, src) && day <= p.to) add(c, i + 1, source, n);
      });
    }
    return out;
  }
}
