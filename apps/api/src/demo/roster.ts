import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from './bulk-insert';
import { civilFromDays, dayNumber } from './dates';
import type { DemoOrg } from './demo-org';
import { chineseName } from './names';
import { Rng } from './prng';
import type { LoadedOrgIds } from './seed-cases';

// The workforce roster (社区工作者) of the demo district since 2018, simulated year by year so
// that the district's figures move as BRIEF's before/after table says, from 2018 to the last full
// year: attrition 22.7% → 0.3%, average pay 2,800 → 5,200 yuan a month, certified social workers
// 34.2% → 78.8%, bachelor or above 35.12% → 64.88%, average age 48 → 32. Each year the leavers
// are chosen (the oldest first: retirement and the end of older contracts), the hires fill the
// community to its size at the year's end with ages that bring the average to the year's
// figure, certificates and degrees are gained during the year and pay is revised every
// January. Communities differ in size, pay level and how fast they moved. A certificate comes
// with its level (mostly 助理社会工作师, some 社会工作师, a few 高级社会工作师), and some holders
// pass the next level's exam in a later year.

export const ROSTER_FROM_YEAR = 2018;
/** BRIEF's "before" (2018) and "after" (the last full year) district figures. */
export const ROSTER_TARGETS = {
  attrition: [0.227, 0.003],
  pay: [2800, 5200],
  certified: [0.342, 0.788],
  bachelor: [0.3512, 0.6488],
  age: [48, 32],
} as const;

const AGE_STEEPNESS = 4;
const POSITIONS = ['社区专职工作者', '社区专职工作者', '网格员', '社区副书记', '社区居委会委员'];
type Level = 'assistant' | 'intermediate' | 'senior';
/** The level a new certificate has: the assistant exam is the one most sit first. */
const FIRST_LEVEL: [Level, number][] = [
  ['assistant', 0.85],
  ['intermediate', 0.13],
  ['senior', 0.02],
];
/** A holder's chance each later year of passing the next level. */
const PROMOTION: Partial<Record<Level, [Level, number]>> = {
  assistant: ['intermediate', 0.06],
  intermediate: ['senior', 0.02],
};
const LEAVE_REASONS = ['退休', '个人原因离职', '考录公务员', '调往街道工作', '合同期满不再续签'];

export interface RosterWorker {
  id: string;
  communityKey: string;
  workerNumber: string;
  name: string;
  gender: 'female' | 'male';
  birthDate: string;
  hiredOn: string;
  leftOn: string | null;
  leaveReason: string | null;
  position: string;
  /** Dated facts, oldest first; the first is effective on the hire day. */
  revisions: {
    effectiveOn: string;
    certified: boolean;
    /** Only with `certified`. */
    certificateLevel: Level | null;
    education: 'below_bachelor' | 'bachelor' | 'master_or_above';
    pay: number;
  }[];
}

interface Live {
  w: RosterWorker;
  community: number;
  birthDay: number;
  certified: boolean;
  /** The year the certificate was gained: levels move on only in later years. */
  certifiedIn: number | null;
  bachelor: boolean;
}

const ageAt = (birthDate: string, day: string) => {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

/** The figure of year `y` on a curve that falls (or rises) fast at first, then levels out. */
function curve(
  [before, after]: readonly [number, number],
  y: number,
  lastYear: number,
  steep = 1.6,
): number {
  const x = Math.min(1, Math.max(0, (y - ROSTER_FROM_YEAR) / (lastYear - ROSTER_FROM_YEAR)));
  return before + (after - before) * (1 - (1 - x) ** steep);
}

export function generateRoster(org: DemoOrg, referenceDate: string): RosterWorker[] {
  const rng = new Rng(20180101);
  // Levels draw from their own stream, so the workers, dates and figures above stay as they were.
  const levelRng = Rng.derive(20180101, 'certificate-levels');
  const lastFullYear = Number(referenceDate.slice(0, 4)) - 1;
  const communities = org.communities.map((c, i) => ({
    key: c.key,
    code: c.code,
    // Size at the last full year; 2018 had a little over half as many workers.
    size: 12 + ((i * 7) % 14),
    payLevel: 0.92 + rng.float() * 0.16,
    seq: 0,
  }));
  // Communities took on workers steadily as the desks opened longer hours.
  const sizeIn = (c: (typeof communities)[number], y: number) =>
    Math.round(
      c.size *
        (0.55 +
          0.45 *
            Math.min(1, Math.max(0, (y - ROSTER_FROM_YEAR) / (lastFullYear - ROSTER_FROM_YEAR)))),
    );
  const workers: RosterWorker[] = [];
  let live: Live[] = [];

  const hire = (ci: number, hiredOn: string, age: number): Live => {
    const c = communities[ci]!;
    const gender = rng.chance(0.68) ? 'female' : 'male';
    const birthYear = Number(hiredOn.slice(0, 4)) - age;
    // Born early in the year, so the whole-year age at the year's end is `age` plus the years since.
    const birthDate = `${birthYear}-0${1 + rng.int(0, 5)}-${String(1 + rng.int(0, 27)).padStart(2, '0')}`;
    c.seq += 1;
    const w: RosterWorker = {
      id: randomUUID(),
      communityKey: c.key,
      workerNumber: `${c.code}-${String(c.seq).padStart(3, '0')}`,
      name: chineseName(rng, gender === 'female' ? 'f' : 'm', birthYear),
      gender,
      birthDate,
      hiredOn,
      leftOn: null,
      leaveReason: null,
      position: rng.pick(POSITIONS),
      revisions: [
        {
          effectiveOn: hiredOn,
          certified: false,
          certificateLevel: null,
          education: 'below_bachelor',
          // What the years before 2018 paid; a hire of a later year is paid that year's rate
          // from the hire day (the January revision lands on it).
          pay: Math.round(c.payLevel * (1900 + 60 * (Number(hiredOn.slice(0, 4)) - 2004))),
        },
      ],
    };
    workers.push(w);
    return {
      w,
      community: ci,
      birthDay: dayNumber(birthDate),
      certified: false,
      certifiedIn: null,
      bachelor: false,
    };
  };

  // Revises a worker's facts from a day on (a later revision on the same day replaces it).
  const revise = (l: Live, effectiveOn: string, change: Partial<RosterWorker['revisions'][0]>) => {
    const revs = l.w.revisions;
    const last = revs[revs.length - 1]!;
    // Never before the hire day, nor before the last revision: the history stays in date order.
    const on = [effectiveOn, l.w.hiredOn, last.effectiveOn].sort()[2]!;
    if (last.effectiveOn === on) Object.assign(last, change);
    else revs.push({ ...last, effectiveOn: on, ...change });
  };

  // The workforce at the start of 2018: hired over the years before, mostly older.
  communities.forEach((c, ci) => {
    for (let k = 0; k < sizeIn(c, ROSTER_FROM_YEAR - 1); k++) {
      const hiredOn = civilFromDays(dayNumber('2004-01-01') + rng.int(0, 13 * 365));
      // Ages at the end of 2017 spread over 35–62.
      const age = 35 + rng.int(0, 27) - (ROSTER_FROM_YEAR - 1 - Number(hiredOn.slice(0, 4)));
      live.push(hire(ci, hiredOn, Math.max(22, age)));
    }
  });

  const referenceYear = Number(referenceDate.slice(0, 4));
  for (let y = ROSTER_FROM_YEAR; y <= referenceYear; y++) {
    const yearEnd = y === referenceYear ? referenceDate : `${y}-12-31`;
    const partial = y === referenceYear;
    const yearDays = dayNumber(yearEnd) - dayNumber(`${y}-01-01`) + 1;
    const dayIn = () => civilFromDays(dayNumber(`${y}-01-01`) + rng.int(0, yearDays - 1));
    const target = {
      attrition: curve(ROSTER_TARGETS.attrition, y, lastFullYear) * (partial ? yearDays / 365 : 1),
      pay: curve(ROSTER_TARGETS.pay, y, lastFullYear),
      certified: curve(ROSTER_TARGETS.certified, y, lastFullYear),
      bachelor: curve(ROSTER_TARGETS.bachelor, y, lastFullYear),
      age: curve(ROSTER_TARGETS.age, y, lastFullYear, AGE_STEEPNESS),
    };
    const startCount = live.length;
    const endCount = communities.reduce((n, c) => n + sizeIn(c, Math.min(y, lastFullYear)), 0);
    // Leavers ÷ the average of the headcounts at the year's first and last day.
    const leavers = Math.round(target.attrition * ((startCount + endCount) / 2));
    const byAge = [...live].sort((a, b) => a.birthDay - b.birthDay);
    // Mostly the oldest, some at random.
    const leaving = new Set<Live>();
    for (const l of byAge) {
      if (leaving.size >= leavers) break;
      if (rng.chance(0.8)) leaving.add(l);
    }
    for (const l of rng.shuffle(live)) {
      if (leaving.size >= leavers) break;
      leaving.add(l);
    }
    for (const l of leaving) {
      let leftOn = dayIn();
      if (leftOn <= l.w.hiredOn) leftOn = civilFromDays(dayNumber(l.w.hiredOn) + 1);
      l.w.leftOn = leftOn;
      l.w.leaveReason =
        ageAt(l.w.birthDate, leftOn) >= 55 ? LEAVE_REASONS[0]! : rng.pick(LEAVE_REASONS.slice(1));
    }
    live = live.filter((l) => !leaving.has(l));

    // Hires fill each community to its size at the year's end, at ages that bring the
    // average age at the year's end to the year's figure.
    const openings: number[] = [];
    communities.forEach((c, ci) => {
      const have = live.filter((l) => l.community === ci).length;
      for (let k = have; k < sizeIn(c, Math.min(y, lastFullYear)); k++) openings.push(ci);
    });
    const stayersAge = live.reduce((s, l) => s + ageAt(l.w.birthDate, yearEnd), 0);
    const total = live.length + openings.length;
    const hireAge =
      openings.length > 0
        ? Math.min(55, Math.max(22, (target.age * total - stayersAge) / openings.length))
        : 30;
    for (const ci of openings) {
      const hiredOn = dayIn();
      const age = Math.round(hireAge + rng.range(-2.5, 2.5));
      live.push(hire(ci, hiredOn, Math.max(22, age)));
    }

    // Pay revised on the year's first day (or the hire day), around the year's district average,
    // higher in some communities and for those certified or with a degree.
    const raw = live.map(
      (l) =>
        communities[l.community]!.payLevel *
        (1 + (l.certified ? 0.06 : 0) + (l.bachelor ? 0.05 : 0)) *
        (1 + rng.range(-0.06, 0.06)),
    );
    const mean = raw.reduce((a, b) => a + b, 0) / raw.length;
    live.forEach((l, i) => {
      revise(l, `${y}-01-01`, { pay: Math.round((target.pay * raw[i]!) / mean) });
    });

    // Degrees and certificates gained in the year, up to the year's shares.
    const gain = (share: number, has: (l: Live) => boolean, give: (l: Live) => void) => {
      const need = Math.round(share * live.length) - live.filter(has).length;
      const candidates = rng.shuffle(live.filter((l) => !has(l)));
      // Younger workers study first.
      candidates.sort((a, b) => b.birthDay - a.birthDay + (rng.float() - 0.5) * 3650);
      for (const l of candidates.slice(0, Math.max(0, need))) give(l);
    };
    gain(
      target.bachelor,
      (l) => l.bachelor,
      (l) => {
        l.bachelor = true;
        revise(l, dayIn(), { education: rng.chance(0.08) ? 'master_or_above' : 'bachelor' });
      },
    );
    // Holders of earlier years who pass the next level's exam (before this year's new ones).
    for (const l of live) {
      if (l.certifiedIn === null || l.certifiedIn >= y) continue;
      const level = l.w.revisions[l.w.revisions.length - 1]!.certificateLevel;
      const next = level ? PROMOTION[level] : undefined;
      if (next && levelRng.chance(next[1]))
        revise(l, civilFromDays(dayNumber(`${y}-01-01`) + levelRng.int(0, yearDays - 1)), {
          certificateLevel: next[0],
        });
    }
    gain(
      target.certified,
      (l) => l.certified,
      (l) => {
        l.certified = true;
        l.certifiedIn = y;
        revise(l, dayIn(), { certified: true, certificateLevel: firstLevel(levelRng) });
      },
    );
  }
  return workers;
}

function firstLevel(rng: Rng): Level {
  let x = rng.float();
  for (const [level, p] of FIRST_LEVEL) if ((x -= p) < 0) return level;
  return 'assistant';
}

export async function loadDemoRoster(
  m: EntityManager,
  org: DemoOrg,
  ids: LoadedOrgIds,
  referenceDate: string,
): Promise<{ workers: number; revisions: number }> {
  const workers = generateRoster(org, referenceDate);
  const community = (key: string) => ids.communities.get(key)!;
  await bulkInsert(
    m,
    'workforce_entry',
    [
      ['id', 'uuid'],
      ['community_id', 'uuid'],
      ['worker_number', 'varchar'],
      ['name', 'varchar'],
      ['gender', 'varchar'],
      ['birth_date', 'date'],
      ['hired_on', 'date'],
      ['left_on', 'date'],
      ['leave_reason', 'varchar'],
      ['position', 'varchar'],
      ['certified', 'boolean'],
      ['certificate_level', 'varchar'],
      ['education', 'varchar'],
      ['monthly_pay_yuan', 'numeric'],
      ['facts_effective_on', 'date'],
    ],
    workers.map((w) => {
      const now = w.revisions[w.revisions.length - 1]!;
      return [
        w.id,
        community(w.communityKey),
        w.workerNumber,
        w.name,
        w.gender,
        w.birthDate,
        w.hiredOn,
        w.leftOn,
        w.leaveReason,
        w.position,
        now.certified,
        now.certificateLevel,
        now.education,
        now.pay,
        now.effectiveOn,
      ];
    }),
  );
  const revisions = workers.flatMap((w) =>
    w.revisions.map((r) => [
      w.id,
      community(w.communityKey),
      r.effectiveOn,
      w.position,
      r.certified,
      r.certificateLevel,
      r.education,
      r.pay,
      '演示数据导入',
      `${r.effectiveOn}T09:00:00+08:00`,
    ]),
  );
  await bulkInsert(
    m,
    'workforce_revision',
    [
      ['entry_id', 'uuid'],
      ['community_id', 'uuid'],
      ['effective_on', 'date'],
      ['position', 'varchar'],
      ['certified', 'boolean'],
      ['certificate_level', 'varchar'],
      ['education', 'varchar'],
      ['monthly_pay_yuan', 'numeric'],
      ['recorded_by_name', 'varchar'],
      ['recorded_at', 'timestamptz'],
    ],
    revisions,
  );
  return { workers: workers.length, revisions: revisions.length };
}
