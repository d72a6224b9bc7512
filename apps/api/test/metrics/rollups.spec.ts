import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityEntity } from '../../src/org/org.entities';
import { DERIVED_METRIC_KEYS } from '../../src/metrics/metric-definitions';
import { MetricCountsRepository } from '../../src/metrics/metric-counts.repository';
import { bucketsOf, windowOf } from '../../src/metrics/metric-period';
import { MetricRollupRepository } from '../../src/metrics/metric-rollup.repository';
import { ROLLUP_SOURCES, rollupSourceOf } from '../../src/metrics/metric-rollup.sources';
import { type Counts, MetricsRepository } from '../../src/metrics/metrics.repository';
import { type TestContext, createTestApp } from '../utils/app';
import {
  type MetricsWorld,
  aCase,
  attempt,
  caseEvent,
  decidedProposal,
  mediation,
  metricsWorld,
  task,
  upheldAppeal,
} from './world';

// The roll-ups against the rows: for random communities and periods every metric read through
// the roll-ups must equal the same metric counted live from its definition, before the job has
// caught up, after it has, and after a rebuild, with writes and drains racing in between.

describe('roll-up buckets', () => {
  it('tiles a period with whole years, whole months and days', () => {
    expect(bucketsOf('2025-12-30', '2027-02-02')).toEqual([
      { grain: 'd', start: '2025-12-30' },
      { grain: 'd', start: '2025-12-31' },
      { grain: 'y', start: '2026-01-01' },
      { grain: 'm', start: '2027-01-01' },
      { grain: 'd', start: '2027-02-01' },
      { grain: 'd', start: '2027-02-02' },
    ]);
    expect(bucketsOf('2024-02-01', '2024-02-29')).toEqual([{ grain: 'm', start: '2024-02-01' }]);
    expect(bucketsOf('2024-02-01', '2024-02-28')).toHaveLength(28);
    expect(
      bucketsOf('2026-01-01', '2026-12-30')
        .map((b) => b.grain)
        .join(''),
    ).toBe('mmmmmmmmmmm' + 'd'.repeat(30));
  });
});

// A small deterministic generator, so a failure can be replayed.
function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

const START = Date.parse('2025-05-01T00:00:00+08:00');
const END = Date.parse('2026-12-06T23:00:00+08:00');
const SATISFACTION = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied'];

let t: TestContext;
let w: MetricsWorld;
let worlds: MetricsWorld[];
let counts: MetricCountsRepository;
let live: MetricsRepository;
let rollups: MetricRollupRepository;
const rnd = prng(20261207);
const iso = (ms: number) => new Date(ms).toISOString();
const anInstant = () => iso(rnd.int(START, END));
const later = (at: string, hours: number) => iso(Date.parse(at) + hours * 3_600_000);
const ids: { cases: string[]; tasks: string[]; attempts: string[]; disputes: string[] } = {
  cases: [],
  tasks: [],
  attempts: [],
  disputes: [],
};

async function someRecords(x: MetricsWorld, n: number) {
  for (let i = 0; i < n; i++) {
    const submittedAt = anInstant();
    const resolved = rnd.chance(0.75);
    const dispute = rnd.chance(0.2);
    const resolvedAt = resolved ? later(submittedAt, rnd.int(0, 60)) : undefined;
    const closedAt = resolvedAt && rnd.chance(0.6) ? later(resolvedAt, rnd.int(1, 100)) : undefined;
    const caseId = await aCase(t, x, {
      kind: dispute ? 'dispute' : 'concern',
      submittedAt,
      acceptDueAt: later(submittedAt, 1),
      acceptedAt: rnd.chance(0.9) ? later(submittedAt, rnd.next() * 2) : undefined,
      acceptOverdueAt: rnd.chance(0.2) ? later(submittedAt, 1) : undefined,
      resolveDueAt: rnd.chance(0.8) ? later(submittedAt, 48) : undefined,
      resolveOverdueAt: rnd.chance(0.2) ? later(submittedAt, 48) : undefined,
      resolvedAt,
      closedAt,
      reopenCount: rnd.chance(0.1) ? 1 : 0,
      repeatOfId: ids.cases.length > 0 && rnd.chance(0.1) ? rnd.pick(ids.cases) : undefined,
    });
    ids.cases.push(caseId);
    if (rnd.chance(0.1)) await caseEvent(t, x, caseId, rnd.pick(['transferred', 'escalated']));
    if (dispute && closedAt) {
      await mediation(t, caseId, rnd.pick(['mediated', 'failed']));
      ids.disputes.push(caseId);
    }
    if (!resolvedAt || rnd.chance(0.3)) continue;
    const firstDueAt = later(resolvedAt, 48);
    const status = rnd.pick(['open', 'done', 'unreachable']);
    const taskId = await task(t, x, {
      caseId,
      firstDueAt,
      status,
      completedAt: status === 'open' ? undefined : later(resolvedAt, rnd.int(1, 96)),
    });
    ids.tasks.push(taskId);
    if (status !== 'done') continue;
    const attemptId = await attempt(t, x, {
      taskId,
      caseId,
      at: later(resolvedAt, rnd.int(1, 96)),
      satisfaction: rnd.pick(SATISFACTION),
    });
    ids.attempts.push(attemptId);
    if (rnd.chance(0.1)) await upheldAppeal(t, x, attemptId, taskId, caseId);
  }
  for (let i = 0; i < 3; i++) {
    const decidedAt = anInstant();
    await decidedProposal(t, x, {
      decision: rnd.chance(0.7) ? 'adopted' : 'not_adopted',
      decidedAt,
      completedAt: rnd.chance(0.5) ? later(decidedAt, rnd.int(24, 2000)) : undefined,
    });
  }
  for (const r of x.residents)
    if (rnd.chance(0.7))
      await t.ds.query(`UPDATE resident SET app_since = $2 WHERE id = $1`, [r.id, anInstant()]);
}

// One random write that moves some metric, as the services would (single statements: the marks
// are per statement).
function aChange(): () => Promise<unknown> {
  const q = (sql: string, params: unknown[]) => () => t.ds.query(sql, params);
  switch (rnd.int(0, 9)) {
    case 0:
      return q(`UPDATE service_case SET resolved_at = $2, status = 'resolved' WHERE id = $1`, [
        rnd.pick(ids.cases),
        anInstant(),
      ]);
    case 1:
      return q(`UPDATE service_case SET reopen_count = reopen_count + 1 WHERE id = $1`, [
        rnd.pick(ids.cases),
      ]);
    case 2:
      return q(
        `UPDATE case_mediation SET outcome = CASE outcome WHEN 'mediated' THEN 'failed' ELSE 'mediated' END
          WHERE case_id = $1`,
        [rnd.pick(ids.disputes)],
      );
    case 3: {
      const a = rnd.pick(ids.attempts);
      return () =>
        t.ds.query(
          `INSERT INTO follow_up_attempt (task_id, case_id, community_id, method, outcome, satisfaction,
             solved, recorded_by_kind, recorded_by_id, recorded_by_name, recorded_at, supersedes_id,
             supersede_reason)
           SELECT a.task_id, a.case_id, a.community_id, 'phone', 'reached', $2, 'yes', 'staff',
                  a.recorded_by_id, '回访员', $3, a.id, '记录有误'
             FROM follow_up_attempt a
            WHERE a.id = $1 AND NOT EXISTS (SELECT 1 FROM follow_up_attempt b WHERE b.supersedes_id = a.id)`,
          [a, rnd.pick(SATISFACTION), anInstant()],
        );
    }
    case 4:
      return q(
        `INSERT INTO follow_up_appeal (attempt_id, task_id, case_id, community_id, street_id, status,
           reason, evidence, appealed_by_id, appealed_by_name, appealed_at, decided_at)
         SELECT a.id, a.task_id, a.case_id, a.community_id, c.street_id, 'upheld', '不属于社区职责',
                '通话记录', a.recorded_by_id, '书记', now(), now()
           FROM follow_up_attempt a JOIN community c ON c.id = a.community_id
          WHERE a.id = $1 AND NOT EXISTS (SELECT 1 FROM follow_up_appeal x WHERE x.attempt_id = a.id)`,
        [rnd.pick(ids.attempts)],
      );
    case 5:
      return q(`UPDATE follow_up_task SET status = 'done', completed_at = $2 WHERE id = $1`, [
        rnd.pick(ids.tasks),
        anInstant(),
      ]);
    case 6:
      return q(`UPDATE resident SET app_since = $2 WHERE id = $1`, [
        rnd.pick(rnd.pick(worlds).residents).id,
        rnd.chance(0.2) ? null : anInstant(),
      ]);
    case 7:
      return q(
        `UPDATE meeting_agenda_item SET decision = CASE decision WHEN 'adopted' THEN 'not_adopted' ELSE 'adopted' END
          WHERE id = (SELECT id FROM meeting_agenda_item ORDER BY random() LIMIT 1)`,
        [],
      );
    case 8:
      return q(
        `UPDATE proposal_implementation SET completed_at = started_at + $1 * interval '1 hour'
          WHERE proposal_id = (SELECT proposal_id FROM proposal_implementation ORDER BY random() LIMIT 1)`,
        [rnd.int(1, 2000)],
      );
    default: {
      const x = rnd.pick(worlds);
      const submittedAt = anInstant();
      return () =>
        aCase(t, x, { submittedAt, resolvedAt: later(submittedAt, 3) }).then((id) =>
          caseEvent(t, x, id, 'transferred'),
        );
    }
  }
}

function randomPeriods(n: number): { from: string; to: string }[] {
  const fixed = [
    { from: '2025-01-01', to: '2026-12-31' },
    { from: '2026-01-01', to: '2026-12-07' },
    { from: '2025-06-15', to: '2026-03-31' },
  ];
  const out = [...fixed];
  while (out.length < n) {
    const a = iso(rnd.int(START - 30 * 86_400_000, END + 86_400_000)).slice(0, 10);
    const b = iso(rnd.int(START, END + 86_400_000)).slice(0, 10);
    out.push(a <= b ? { from: a, to: b } : { from: b, to: a });
  }
  return out;
}

const flatten = (c: Counts) =>
  [...c].flatMap(([community, perWindow]) =>
    [...perWindow].flatMap(([ord, perKey]) =>
      [...perKey].map(
        ([key, s]) => `${community.slice(0, 8)} #${ord} ${key} ${s.numerator}/${s.denominator}`,
      ),
    ),
  );

async function expectExact(label: string) {
  const periods = randomPeriods(12);
  const some = worlds.map((x) => x.community.id);
  const viaRollups = await counts.counts(some, periods, t.config.metrics);
  const direct = await live.counts(
    some,
    periods.map((p) => windowOf(p.from, p.to)),
    t.config.metrics,
  );
  expect(flatten(viaRollups), label).toEqual(flatten(direct));
  // The drill-down of a random additive side counts the same rows.
  const key = rnd.pick(DERIVED_METRIC_KEYS.filter((k) => rollupSourceOf(k, 'denominator')));
  const p = rnd.pick(periods);
  const c = rnd.pick(some);
  const side = rollupSourceOf(key, 'denominator')!.side;
  const page = await live.rows(c, side, windowOf(p.from, p.to), t.config.metrics, {
    page: 1,
    pageSize: 1,
  });
  const figure = (await counts.counts([c], [p], t.config.metrics, [key])).get(c)!.get(1)!.get(key)!;
  expect(page.total, `${label}: rows of ${key}`).toBe(figure.denominator);
}

// The roll-up rows, but those covering a day still marked (today and later stay marked until they
// are past), as `dirty` lists them.
const rollupTable = async (dirty: { community_id: string; day: string }[]) =>
  (
    (await t.ds.query(
      `SELECT grain, start::text, community_id, source, n::int FROM metric_rollup r
        WHERE NOT EXISTS (
              SELECT 1 FROM unnest($1::uuid[], $2::date[]) AS u(community_id, day)
               WHERE u.community_id = r.community_id AND u.day >= r.start
                 AND u.day < r.start + CASE r.grain WHEN 'd' THEN interval '1 day'
                                       WHEN 'm' THEN interval '1 month' ELSE interval '1 year' END)
        ORDER BY grain, start, community_id, source`,
      [dirty.map((d) => d.community_id), dirty.map((d) => d.day)],
    )) as unknown[]
  ).map((r) => JSON.stringify(r));

beforeAll(async () => {
  t = await createTestApp();
  w = await metricsWorld(t);
  const more: MetricsWorld[] = [];
  for (const community of [w.sibling, w.elsewhere.community] as CommunityEntity[]) {
    const desk = await t.given.desk({ community });
    const residents = [];
    for (let i = 0; i < 4; i++) residents.push(await t.given.resident({ community }));
    more.push({ ...w, community, desk, residents });
  }
  worlds = [w, ...more];
  for (const x of worlds) await someRecords(x, 45);
  counts = t.app.get(MetricCountsRepository);
  live = t.app.get(MetricsRepository);
  rollups = t.app.get(MetricRollupRepository);
}, 120_000);
afterAll(() => t?.close());

describe('metric roll-ups', () => {
  it('reads live until built, then exactly from the roll-ups', async () => {
    expect(await rollups.isBuilt(t.config.metrics)).toBe(false);
    await expectExact('not built');
    expect(await rollups.ensureBuilt(t.config.metrics)).toBe(true);
    expect(await rollups.ensureBuilt(t.config.metrics)).toBe(false);
    const [{ n }] = (await t.ds.query(`SELECT count(*)::int AS n FROM metric_rollup`)) as [
      { n: number },
    ];
    expect(n).toBeGreaterThan(100);
    await expectExact('built');
  });

  it('stays exact through a burst of concurrent writes and drains, and a drain agrees with a rebuild', async () => {
    let writes = 0;
    let drained = 0;
    let stop = false;
    const drainer = async () => {
      while (!stop) drained += await rollups.drain(t.config.metrics, 7);
    };
    const writer = async () => {
      for (let i = 0; i < 30; i++) {
        await aChange()();
        writes++;
      }
    };
    const drainers = [drainer(), drainer()];
    try {
      await Promise.all([writer(), writer(), writer(), writer()]);
    } finally {
      stop = true;
      await Promise.all(drainers);
    }
    expect(writes).toBe(120);
    expect(drained).toBeGreaterThan(0);
    const [{ dirty }] = (await t.ds.query(
      `SELECT count(*)::int AS dirty FROM metric_day_dirty`,
    )) as [{ dirty: number }];
    expect(dirty, 'some days still marked, read live').toBeGreaterThan(0);
    await expectExact('mid-drain');

    await rollups.drainAll(t.config.metrics);
    const [{ past }] = (await t.ds.query(
      `SELECT count(*)::int AS past FROM metric_day_dirty
        WHERE day < (now() AT TIME ZONE 'Asia/Shanghai')::date`,
    )) as [{ past: number }];
    expect(past).toBe(0);
    await expectExact('drained');
    const marked: { community_id: string; day: string }[] = await t.ds.query(
      `SELECT community_id, day::text AS day FROM metric_day_dirty`,
    );
    const drainedTable = await rollupTable(marked);
    expect(drainedTable.length).toBeGreaterThan(500);
    await rollups.rebuild(t.config.metrics);
    expect(await rollupTable(marked)).toEqual(drainedTable);
    await expectExact('rebuilt');
  }, 120_000);

  it('has marking triggers on every table an additive side reads', async () => {
    const tables = new Set<string>();
    for (const s of ROLLUP_SOURCES)
      for (const m of s.side.sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)/g))
        if (m[1] !== 'p') tables.add(m[1]!);
    expect([...tables].sort()).toEqual([
      'case_event',
      'case_mediation',
      'follow_up_appeal',
      'follow_up_attempt',
      'follow_up_task',
      'meeting_agenda_item',
      'proposal',
      'proposal_implementation',
      'resident',
      'service_case',
    ]);
    const triggers: { table: string }[] = await t.ds.query(
      `SELECT DISTINCT c.relname AS table FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
        WHERE g.tgname LIKE 'metric_mark_%'`,
    );
    const marked = new Set(triggers.map((r) => r.table));
    // A proposal's title is a label only: no count depends on it.
    for (const table of [...tables].filter((x) => x !== 'proposal'))
      expect(marked.has(table), `${table} has marking triggers`).toBe(true);
  });

  it('would be caught out by a missing mark', async () => {
    // The mutation check: without the appeal trigger an upheld appeal no longer reaches the
    // roll-ups, and the comparison above fails.
    await t.ds.query(`DROP TRIGGER metric_mark_follow_up_appeal_insert ON follow_up_appeal`);
    const [target] = (await t.ds.query(
      `SELECT a.id, (a.recorded_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day
         FROM follow_up_attempt a
        WHERE a.outcome = 'reached' AND a.case_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM follow_up_attempt b WHERE b.supersedes_id = a.id)
          AND NOT EXISTS (SELECT 1 FROM follow_up_appeal x WHERE x.attempt_id = a.id)
          AND a.recorded_at < now() - interval '2 days'
        LIMIT 1`,
    )) as [{ id: string; day: string }];
    await t.ds.query(
      `INSERT INTO follow_up_appeal (attempt_id, task_id, case_id, community_id, street_id, status,
         reason, evidence, appealed_by_id, appealed_by_name, appealed_at, decided_at)
       SELECT a.id, a.task_id, a.case_id, a.community_id, c.street_id, 'upheld', '不属于社区职责',
              '通话记录', a.recorded_by_id, '书记', now(), now()
         FROM follow_up_attempt a JOIN community c ON c.id = a.community_id WHERE a.id = $1`,
      [target.id],
    );
    await rollups.drainAll(t.config.metrics);
    const some = worlds.map((x) => x.community.id);
    const period = [{ from: target.day, to: target.day }];
    const viaRollups = await counts.counts(some, period, t.config.metrics, ['satisfaction_rate']);
    const direct = await live.counts(some, [windowOf(target.day, target.day)], t.config.metrics, [
      'satisfaction_rate',
    ]);
    expect(flatten(viaRollups)).not.toEqual(flatten(direct));
  });
});
