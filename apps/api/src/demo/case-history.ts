/**
 * A year of demo case history for the district from `generateDemoOrg`: every
 * service request (问事、办事、说事、矛盾纠纷) of the 12 months before the
 * reference date, with its full event timeline as the case-event table would
 * hold it.
 *
 * Pure and deterministic: no clock, no Math.random, no I/O. Each community
 * draws from its own seeded stream. The history stops at midnight (Asia/Shanghai)
 * starting the reference date: cases still being handled then are left open in
 * whatever state they had reached, and a few of them are overdue.
 *
 * What shapes the data (all from the report and DESIGN.md):
 * - volume follows the community's households and the season, with a trough
 *   around Spring Festival and on public holidays;
 * - submissions fall only in the handling desk's opening hours, with a daily
 *   curve that keeps about a fifth of the traffic after 17:30 (desks staffed until 21:30);
 * - the app's share rises over the year, fastest in 银竹苑社区; a resident is
 *   linked to a case only once registered, otherwise they are a walk-in;
 * - SLA: most cases are accepted and resolved within the category's targets,
 *   counted in the desk's open time; late ones carry `overdue` events and
 *   escalation;
 * - repeats (二次办理) are rare and falling, as are reopens; dispute mediation
 *   succeeds in ~98% of cases in the recent half-year and far less before.
 */
import type {
  CaseAction,
  CaseChannel,
  CaseEventType,
  CaseKind,
  CaseStatus,
  MediationOutcome,
  SystemNoteCode,
} from '@baitong/contracts';
import {
  CATEGORY_PROFILES,
  MEDIATION_PROFILES,
  REJECTION_REASONS,
  VACANT_LOT_STORY,
  type CategoryProfile,
  GENERIC_WAIT,
  type Matter,
  type MediationProfile,
  type PlaceTemplate,
} from './case-texts';
import { DEMO_CATEGORIES, type DemoCategory } from './categories';
import { SPRING_FESTIVAL_EVES, civilFromDays, dayNumber } from './dates';
import {
  DEFAULT_SEED,
  type DemoCommunity,
  type DemoCompound,
  type DemoDesk,
  type DemoOrg,
  type DemoResident,
  type DemoStaff,
} from './demo-org';
import {
  DAY_SECONDS,
  DeskClock,
  type DayMinutes,
  isWorkingDay,
  localSeconds,
  weekdayOf,
} from './desk-clock';
import { FOREIGN_NATIONALITIES, chineseName, foreignPerson } from './names';
import type { DemoFiledBy } from './open311';
import { Rng, WeightedTable, at } from './prng';

export interface DemoCaseEvent {
  type: CaseEventType;
  /** ISO instant. */
  at: string;
  /** Staff username from DemoOrg; null = the resident or the system. */
  actorUsername: string | null;
  actorKind: 'staff' | 'resident' | 'system' | 'client';
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  note: string | null;
  data: Record<string, unknown>;
}

export interface DemoMediation {
  parties: { name: string; role: string }[];
  mediatorName: string;
  sessions: { at: string; note: string }[];
  outcome: MediationOutcome | null;
  agreement: string | null;
}

export interface DemoCase {
  key: string;
  categoryCode: string;
  kind: CaseKind;
  channel: CaseChannel;
  communityKey: string;
  compoundKey: string | null;
  deskKey: string;
  residentKey: string | null;
  walkInName: string | null;
  description: string;
  place: string | null;
  status: CaseStatus;
  submittedAt: string;
  acceptedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  resolution: string | null;
  rejectionReason: string | null;
  assigneeUsername: string | null;
  reopenCount: number;
  repeatOfKey: string | null;
  escalated: boolean;
  mediation: DemoMediation | null;
  /** The community worker who follows the case up (回访): the follow-up's assignee. */
  responsibleUsername: string;
  events: DemoCaseEvent[];
  /** Filed by an Open311 client (open311.ts marks a few after the history is made). */
  filedBy?: DemoFiledBy;
}

export interface CaseHistoryOptions {
  org: DemoOrg;
  /** YYYY-MM-DD: the demo's "today"; the history covers the 365 days before it. */
  referenceDate: string;
  /** Default: the DemoOrg default seed (20221). */
  seed?: number;
  /** Cases a year in a community of average size; default 450 (≈25,000 in the district). */
  casesPerCommunityPerYear?: number;
}

export const DEFAULT_CASES_PER_COMMUNITY_PER_YEAR = 450;
/** Days of history before the reference date. */
export const HISTORY_DAYS = 365;
/** Look-back window of the repeat rule (二次办理), in days. */
export const REPEAT_WINDOW_DAYS = 90;

// ─── tuning ──────────────────────────────────────────────────────────────────

const KIND_APP_FACTOR: Record<CaseKind, number> = {
  affair: 1,
  inquiry: 1.1,
  concern: 1.15,
  dispute: 0.35,
};
/** Non-app channels by kind; grid patrol and council are scaled by the category's profile. */
const KIND_CHANNELS: Record<CaseKind, Partial<Record<CaseChannel, number>>> = {
  affair: { desk: 80, phone: 12, hotline_12345: 3, grid_patrol: 8 },
  inquiry: { desk: 52, phone: 33, hotline_12345: 15 },
  concern: { desk: 28, phone: 22, hotline_12345: 16, grid_patrol: 30, council: 4 },
  dispute: { desk: 45, phone: 18, hotline_12345: 12, grid_patrol: 22 },
};
const NON_APP: readonly CaseChannel[] = [
  'desk',
  'phone',
  'hotline_12345',
  'grid_patrol',
  'council',
];
const REJECT_RATE: Record<CaseKind, number> = {
  affair: 0.025,
  inquiry: 0.01,
  concern: 0.03,
  dispute: 0.02,
};
const MANUAL_ESCALATION: Record<CaseKind, number> = {
  affair: 0.004,
  inquiry: 0.001,
  concern: 0.01,
  dispute: 0.03,
};

/** Submission weight of each half hour of the day, 00:00 … 23:30: desk and phone traffic. */
// prettier-ignore
const DESK_CURVE: readonly number[] = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5, 1,        // 00:00–07:30
  1.5, 2.5, 6, 8, 9, 9, 8, 6, 3.5, 3, 4, 5.5, 7, 8, 8, 8,  // 08:00–15:30
  7.5, 6.5, 5, 4, 4, 4.5, 5, 4.5, 4, 3, 1.8, 1.5,        // 16:00–21:30
  1, 0.5, 0, 0,                                            // 22:00–23:30
];
/** The app's curve: lunchtime and evenings weigh more. */
const APP_CURVE: readonly number[] = DESK_CURVE.map((w, slot) =>
  slot >= 35 ? w * 1.25 : slot >= 24 && slot < 28 ? w * 1.3 : w,
);

const OPEN_HOUR = 3600;
/** An ordinary open day, for turning "a few days" into open time. */
const OPEN_DAY = 13 * OPEN_HOUR;

// ─── public entry point ──────────────────────────────────────────────────────

/** Generate the case history. Throws RangeError on invalid options. */
export function generateCaseHistory(options: CaseHistoryOptions): DemoCase[] {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  const refDay = dayNumber(options.referenceDate);
  const perCommunity = options.casesPerCommunityPerYear ?? DEFAULT_CASES_PER_COMMUNITY_PER_YEAR;
  if (!Number.isFinite(perCommunity) || perCommunity < 0 || perCommunity > 20_000) {
    throw new RangeError('casesPerCommunityPerYear must be a number from 0 to 20000');
  }
  const world = new World(options.org, refDay);
  const households = options.org.communities.map((c) => c.households);
  const mean = households.reduce((a, b) => a + b, 0) / Math.max(1, households.length);

  const weak = weakFollowUpCommunities(options.org, seed);
  const out: DemoCase[] = [];
  for (const community of options.org.communities) {
    const rng = Rng.derive(seed, `cases:${community.key}`);
    const followUpRng = Rng.derive(seed, `followups:${community.key}`);
    const size = 0.35 + (0.65 * community.households) / mean;
    const boost = community.key === 'yinzhuyuan' ? 1.15 : 1;
    const count = Math.round(perCommunity * size * boost * rng.range(0.92, 1.08));
    new CommunityHistory(world, community, rng, followUpRng, weak.has(community.key)).generate(
      count,
      out,
    );
  }
  return out;
}

// ─── the shared, read-only view of the organisation ─────────────────────────

interface ResidentPool {
  items: DemoResident[];
  /** registeredAt in epoch seconds, ascending. */
  times: number[];
}

interface CategoryInfo {
  category: DemoCategory;
  profile: CategoryProfile;
  mediation: MediationProfile | null;
  channels: WeightedTable<CaseChannel>;
}

class World {
  readonly firstDay: number;
  readonly lastDay: number;
  /** Midnight starting the reference date: the end of the history. */
  readonly cutoff: number;
  readonly halfYear: number;
  readonly dayTable: WeightedTable<number>;
  readonly months: Map<number, number> = new Map();
  readonly categories: Map<string, CategoryInfo> = new Map();
  /** Per month 0–11: category tables for 和睦路社区 and for the rest. */
  readonly tablesHemulu: WeightedTable<CategoryInfo>[] = [];
  readonly tablesOther: WeightedTable<CategoryInfo>[] = [];
  readonly clocks = new Map<string, DeskClock>();
  readonly slaClocks = new Map<string, DeskClock>();
  readonly deskOfCompound = new Map<string, DemoDesk>();
  readonly officeDesk = new Map<string, DemoDesk>();
  readonly compoundsOf = new Map<string, DemoCompound[]>();
  readonly compoundTable = new Map<string, WeightedTable<DemoCompound>>();
  readonly staffOf = new Map<string, DemoStaff[]>();
  readonly chinese = new Map<string, ResidentPool>();
  readonly foreign = new Map<string, ResidentPool>();
  private readonly minuteTables = new Map<string, WeightedTable<number> | null>();
  private readonly minuteTablesByDay = new WeakMap<DayMinutes, (WeightedTable<number> | null)[]>();

  constructor(
    readonly org: DemoOrg,
    refDay: number,
  ) {
    this.firstDay = refDay - HISTORY_DAYS;
    this.lastDay = refDay - 1;
    this.cutoff = localSeconds(refDay, 0);
    this.halfYear = this.cutoff - 182 * DAY_SECONDS;

    // Days: weekday rhythm, holidays, the Spring Festival trough, slow growth.
    const eves = SPRING_FESTIVAL_EVES.map(dayNumber).filter(
      (d) => d >= this.firstDay - 20 && d <= this.lastDay + 20,
    );
    const entries: [number, number][] = [];
    for (let day = this.firstDay; day <= this.lastDay; day++) {
      this.months.set(day, Number(civilFromDays(day).slice(5, 7)) - 1);
      const weekday = weekdayOf(day);
      const working = isWorkingDay(day);
      let w = weekday === 1 ? 1.15 : weekday <= 5 ? 1 : weekday === 6 ? 0.8 : 0.72;
      if (!working && weekday <= 5) w = 0.6; // public holiday on a weekday
      if (working && weekday >= 6) w = 1; // make-up working day (调休)
      for (const eve of eves) {
        const off = day - eve;
        if (off >= -14 && off < 0) w *= 1 - (0.5 * (off + 15)) / 15;
        else if (off >= 0 && off <= 7) w *= 0.22;
        else if (off > 7 && off <= 16) w *= 0.35 + (0.65 * (off - 7)) / 9;
      }
      w *= 0.94 + (0.12 * (day - this.firstDay)) / HISTORY_DAYS;
      entries.push([day, w]);
    }
    this.dayTable = new WeightedTable(entries);

    for (const category of DEMO_CATEGORIES) {
      const profile = CATEGORY_PROFILES[category.code];
      if (!profile) throw new Error(`no profile for category ${category.code}`);
      const base = KIND_CHANNELS[category.kind];
      const channels: [CaseChannel, number][] = [];
      for (const ch of NON_APP) {
        let w = base[ch] ?? 0;
        if (ch === 'grid_patrol') w *= profile.patrol ?? 0;
        if (ch === 'council') w *= profile.council ?? 0;
        if (w > 0) channels.push([ch, w]);
      }
      this.categories.set(category.code, {
        category,
        profile,
        mediation: MEDIATION_PROFILES[category.code] ?? null,
        channels: new WeightedTable(channels),
      });
    }
    for (let month = 0; month < 12; month++) {
      const table = (hemulu: boolean) =>
        new WeightedTable(
          [...this.categories.values()].map((info) => {
            const p = info.profile;
            const where = hemulu ? (p.hemulu ?? 1) : (p.elsewhere ?? 1);
            return [info, p.weight * (p.season?.[month] ?? 1) * where] as const;
          }),
        );
      this.tablesHemulu.push(table(true));
      this.tablesOther.push(table(false));
    }

    for (const desk of org.desks) {
      this.clocks.set(desk.key, new DeskClock(desk));
      this.slaClocks.set(desk.key, new DeskClock(desk, { sla: true }));
      if (desk.compoundKey === null) this.officeDesk.set(desk.communityKey, desk);
      else if (!isSelfService(desk)) this.deskOfCompound.set(desk.compoundKey, desk);
    }
    for (const compound of org.compounds) {
      const list = this.compoundsOf.get(compound.communityKey) ?? [];
      list.push(compound);
      this.compoundsOf.set(compound.communityKey, list);
    }
    for (const [key, list] of this.compoundsOf) {
      this.compoundTable.set(key, new WeightedTable(list.map((c) => [c, c.households] as const)));
    }
    const compoundCommunity = new Map(org.compounds.map((c) => [c.key, c.communityKey]));
    for (const s of org.staff) {
      const community =
        s.scopeLevel === 'community'
          ? s.scopeKey
          : s.scopeLevel === 'compound'
            ? compoundCommunity.get(s.scopeKey)
            : undefined;
      if (!community) continue;
      const list = this.staffOf.get(community) ?? [];
      list.push(s);
      this.staffOf.set(community, list);
    }
    const sorted = [...org.residents]
      .map((r) => [r, Math.floor(Date.parse(r.registeredAt) / 1000)] as const)
      .sort((a, b) => a[1] - b[1]);
    for (const [r, t] of sorted) {
      const pools = r.foreign ? this.foreign : this.chinese;
      let pool = pools.get(r.compoundKey);
      if (!pool) pools.set(r.compoundKey, (pool = { items: [], times: [] }));
      pool.items.push(r);
      pool.times.push(t);
    }
  }

  /** When the desk is open: residents come and staff act then. */
  clock(desk: DemoDesk): DeskClock {
    const clock = this.clocks.get(desk.key);
    if (!clock) throw new Error(`no clock for desk ${desk.key}`);
    return clock;
  }

  /** The desk's SLA clock (stopped on holidays): due times and overdue events follow it. */
  slaClock(desk: DemoDesk): DeskClock {
    const clock = this.slaClocks.get(desk.key);
    if (!clock) throw new Error(`no SLA clock for desk ${desk.key}`);
    return clock;
  }

  /** The handling desk of a compound: its own staffed desk, else the community office's. */
  deskFor(communityKey: string, compoundKey: string | null): DemoDesk {
    const own = compoundKey ? this.deskOfCompound.get(compoundKey) : undefined;
    const desk = own ?? this.officeDesk.get(communityKey);
    if (!desk) throw new Error(`community ${communityKey} has no office desk`);
    return desk;
  }

  /** A weighted table of the open minutes of a day pattern; null when the desk is closed. */
  minuteTable(day: DayMinutes, app: boolean): WeightedTable<number> | null {
    let pair = this.minuteTablesByDay.get(day);
    if (!pair) this.minuteTablesByDay.set(day, (pair = []));
    const i = app ? 1 : 0;
    const known = pair[i];
    if (known !== undefined) return known;
    const table = this.minuteTableFor(day, app);
    pair[i] = table;
    return table;
  }

  private minuteTableFor(day: DayMinutes, app: boolean): WeightedTable<number> | null {
    const key = `${app ? 'a' : 'd'}${day.map(([o, c]) => `${o}-${c}`).join(',')}`;
    let table = this.minuteTables.get(key);
    if (table === undefined) {
      const curve = app ? APP_CURVE : DESK_CURVE;
      const entries: [number, number][] = [];
      for (const [o, c] of day) {
        for (let m = o; m < c; m++) entries.push([m, curve[Math.floor(m / 30)] ?? 0]);
      }
      if (entries.length > 0 && entries.every(([, w]) => w === 0)) {
        for (const e of entries) e[1] = 1;
      }
      table = entries.length > 0 ? new WeightedTable(entries) : null;
      this.minuteTables.set(key, table);
    }
    return table;
  }
}

function isSelfService(desk: DemoDesk): boolean {
  return desk.weeklyHours.every(
    (w) =>
      w.intervals.length === 1 &&
      w.intervals[0]?.opens === '00:00' &&
      w.intervals[0]?.closes === '24:00',
  );
}

// ─── one community ───────────────────────────────────────────────────────────

/** Slot values of one case's texts. */
interface Slots {
  compound: string;
  compoundEn: string;
  b: number;
  u: number;
  f: number;
  r: number;
  up: number;
  down: number;
  zone: string;
  hour: number;
  days: number;
  age: number;
  plate: string;
  amount: number;
  kin: string;
  months: number;
  company: string;
}

/** A generated case with what later cases need to know about it. */
interface CaseRecord {
  demo: DemoCase;
  submitted: number;
  /** Final resolution instant on the full timeline (may lie after the cutoff), or null. */
  resolved: number | null;
  reopened: boolean;
  info: CategoryInfo;
  matter: Matter;
  slots: Slots;
  placeIndex: number;
  resident: DemoResident | null;
  compound: DemoCompound | null;
  desk: DemoDesk;
  repeatOf: CaseRecord | null;
  /** One of the report's story cases: never the target of a generated repeat. */
  story: boolean;
}

/** The state of one case while its timeline is generated. */
interface Run {
  draft: Draft;
  /** The desk's opening hours (actions) and its SLA clock (due times). */
  clock: DeskClock;
  sla: DeskClock;
  /** Open time the resolution target allows, on the desk's clock. */
  budget: number;
  log: EventLog;
  t0: number;
  /** Progress through the year, 0 … 1: later cases are handled better. */
  t: number;
  story: boolean;
  place: string | null;
  acceptor: DemoStaff;
  handler: DemoStaff;
  /** The community worker who follows up (and mediates) for the compound. */
  responsible: DemoStaff;
  /** Instant of the latest staff action. */
  cursor: number;
  resolvedAt: number | null;
  reopened: boolean;
  mediation: DemoMediation | null;
}

interface Draft {
  day: number;
  info: CategoryInfo;
  matter: Matter;
  channel: CaseChannel;
  compound: DemoCompound | null;
  desk: DemoDesk;
  resident: DemoResident | null;
  walkInName: string | null;
  slots: Slots;
  placeIndex: number;
  repeatOf: CaseRecord | null;
  /** The story cases of the report: fixed handler, on time, no rejection. */
  story: 'vacant_lot' | 'vacant_lot_council' | null;
  minute: number | null;
}

const HOURS_ZH = ['晚上10点半', '晚上11点', '晚上12点', '凌晨1点', '半夜'] as const;
const HOURS_EN = ['10:30 p.m.', '11 p.m.', 'midnight', '1 a.m.', 'midnight'] as const;
const DAYS_ZH = ['两三天', '三天', '好几天', '一个星期', '半个多月'] as const;
const DAYS_EN = [
  'two or three days',
  'three days',
  'several days',
  'a week',
  'over two weeks',
] as const;
const ELDER_KIN = ['父亲', '母亲', '老伴', '外婆', '爷爷', '奶奶', '岳母'] as const;
const YOUNG_KIN = ['孩子', '儿子', '女儿', '爱人'] as const;
const PARENT_KIN = ['父亲', '母亲'] as const;
const ZONES = ['A', 'B', 'C', 'D'] as const;
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const PROPERTY_COMPANIES = [
  '渝安物业服务有限公司',
  '两江锦城物业服务有限公司',
  '金禾物业管理有限公司',
  '安居佳物业服务有限公司',
  '山城祥和物业服务有限公司',
] as const;
const EMPLOYERS = [
  '鑫盛装饰工程队',
  '恒达劳务有限公司',
  '汇丰餐饮管理有限公司',
  '捷运物流有限公司',
  '明辉家政服务部',
  '宏远建筑劳务有限公司',
] as const;
/** A resident coming back with the same matter, and staff or patrols finding it again. */
const REPEAT_PREFIXES = [
  '上次反映的问题又出现了：',
  '之前反映过，处理后没多久又这样了。',
  '这个问题前段时间刚处理过，现在又出现了：',
] as const;
const REPEAT_PREFIXES_PLACE = ['此前处理过的问题再次出现：', '同一问题处理后再次出现：'] as const;
/** Where a case came from, as staff note it at the start of the description. */
const CHANNEL_PREFIX: Partial<Record<CaseChannel, string>> = {
  grid_patrol: '网格员巡查发现：',
  hotline_12345: '12345热线转办：',
  council: '幸福议事会上居民提出：',
};

class CommunityHistory {
  private readonly records: CaseRecord[] = [];
  /** Residents' and places' latest matter per category: key → end of that case (resolution or cutoff). */
  private readonly lastMatter = new Map<string, number>();
  /** The same per resident: resident key → category code → end of the latest case. */
  private readonly residentMatters = new Map<string, Map<string, number>>();
  private readonly staff: DemoStaff[];
  private readonly office: DemoDesk;
  private readonly admin: string;
  private readonly firstWorker: DemoStaff | undefined;
  private readonly appBase: number;
  private readonly appGrowth: number;
  private readonly hemulu: boolean;
  private readonly international: DemoCompound | undefined;

  constructor(
    private readonly world: World,
    private readonly community: DemoCommunity,
    private readonly rng: Rng,
    /** Follow-up outcomes draw apart, so they do not shift the cases' own stream. */
    private readonly followUpRng: Rng,
    /** One of the few communities whose residents are clearly less satisfied. */
    private readonly weakFollowUps: boolean,
  ) {
    this.staff = world.staffOf.get(community.key) ?? [];
    this.office = world.deskFor(community.key, null);
    this.admin =
      this.staff.find((s) => s.role === 'community_admin')?.username ?? `admin.${community.key}`;
    this.firstWorker = this.staff.find((s) => s.role === 'community_worker');
    const strong = community.key === 'yinzhuyuan';
    this.appBase = strong ? 0.4 : rng.range(0.13, 0.22);
    this.appGrowth = strong ? 0.34 : rng.range(0.16, 0.26);
    this.hemulu = community.key === 'hemulu';
    this.international = this.hemulu
      ? (world.compoundsOf.get(community.key) ?? []).find((c) => world.foreign.has(c.key))
      : undefined;
  }

  generate(count: number, out: DemoCase[]): void {
    const { rng, world } = this;
    const days: number[] = [];
    for (let i = 0; i < count; i++) days.push(rng.draw(world.dayTable));
    days.sort((a, b) => a - b);
    const story = this.community.key === VACANT_LOT_STORY.communityKey ? this.storyDrafts() : [];

    let s = 0;
    for (const day of days) {
      while (s < story.length && at(story, s).day <= day) this.build(at(story, s++));
      const draft = this.draft(day);
      if (draft) this.build(draft);
    }
    while (s < story.length) this.build(at(story, s++));

    // Keys in order of submission; then links to earlier cases.
    const sorted = this.records.slice().sort((a, b) => a.submitted - b.submitted);
    const slug = this.community.key;
    sorted.forEach((rec, i) => {
      rec.demo.key = `${slug}.c${String(i + 1).padStart(5, '0')}`;
    });
    for (const rec of sorted) {
      if (!rec.repeatOf) continue;
      rec.demo.repeatOfKey = rec.repeatOf.demo.key;
      for (const e of rec.demo.events) {
        if (e.type === 'repeat_linked') e.data = { repeatOfKey: rec.repeatOf.demo.key };
      }
    }
    for (const rec of sorted) out.push(rec.demo);
  }

  // ── drafting ──

  private progress(day: number): number {
    return (day - this.world.firstDay) / HISTORY_DAYS;
  }

  private draft(day: number): Draft | null {
    const { rng, world } = this;
    const t = this.progress(day);
    const repeatRate = 0.009 - 0.007 * t;
    if (rng.chance(repeatRate)) {
      const repeat = this.repeatDraft(day);
      if (repeat) return repeat;
    }
    const month = world.months.get(day) ?? 0;
    const info = rng.draw(at(this.hemulu ? world.tablesHemulu : world.tablesOther, month));
    const kind = info.category.kind;

    let channel: CaseChannel = rng.chance(
      (this.appBase + this.appGrowth * t) * KIND_APP_FACTOR[kind],
    )
      ? 'app'
      : rng.draw(info.channels);

    // Where: foreign matters go to the international compound; others by households.
    let compound: DemoCompound | null;
    if (info.profile.foreignOnly && this.international) compound = this.international;
    else compound = rng.draw(this.compoundTableOf());
    const desk = world.deskFor(this.community.key, compound.key);
    const openDay = this.openDayFor(desk, day);
    const slots = this.slots(info, compound);
    const matter = rng.pick(info.profile.matters);
    const places = placesOf(info, matter);
    const placeIndex = places ? rng.int(0, places.length - 1) : -1;

    const draft: Draft = {
      day: openDay,
      info,
      matter,
      channel,
      compound,
      desk,
      resident: null,
      walkInName: null,
      slots,
      placeIndex,
      repeatOf: null,
      story: null,
      minute: this.minuteFor(desk, openDay, channel === 'app'),
    };
    if (draft.minute === null) return null;
    const when = localSeconds(openDay, draft.minute);

    // Public places repeat by spot: draw another spot if this one had the same matter lately.
    if (info.category.publicArea && places) {
      const taken = () => this.blocked(this.placeKey(draft, this.place(draft, false)), when);
      for (let i = 0; i < 4 && taken(); i++) {
        draft.slots = this.slots(info, compound);
        draft.placeIndex = rng.int(0, places.length - 1);
      }
      if (taken()) return null;
    }

    // Who: a registered resident of the compound, else a walk-in (or nobody, for patrols).
    const wantsResident = channel !== 'grid_patrol' || kind === 'affair';
    const walkInShare =
      channel === 'desk'
        ? 0.35
        : channel === 'phone'
          ? 0.3
          : channel === 'hotline_12345'
            ? 0.45
            : 0;
    if (wantsResident && !rng.chance(walkInShare)) {
      draft.resident = this.pickResident(info, matter, compound, when);
    }
    if (!draft.resident) {
      if (channel === 'app' || channel === 'council') {
        channel = 'desk';
        draft.channel = channel;
      }
      if (channel === 'desk' || channel === 'phone' || channel === 'hotline_12345') {
        draft.walkInName = this.walkInName(info);
      } else if (channel === 'grid_patrol' && kind === 'affair') {
        draft.walkInName = this.walkInName(info);
      }
    }
    return draft;
  }

  private compoundTableOf(): WeightedTable<DemoCompound> {
    const table = this.world.compoundTable.get(this.community.key);
    if (!table) throw new Error(`community ${this.community.key} has no compounds`);
    return table;
  }

  /** The first day from `day` on (or, at the end of the window, before it) the desk is open. */
  private openDayFor(desk: DemoDesk, day: number): number {
    const clock = this.world.clock(desk);
    for (let d = day; d <= this.world.lastDay && d < day + 8; d++) {
      if (clock.minutesOn(d).length > 0) return d;
    }
    for (let d = day - 1; d >= this.world.firstDay && d > day - 8; d--) {
      if (clock.minutesOn(d).length > 0) return d;
    }
    return day;
  }

  private minuteFor(desk: DemoDesk, day: number, app: boolean): number | null {
    const table = this.world.minuteTable(this.world.clock(desk).minutesOn(day), app);
    return table ? this.rng.draw(table) : null;
  }

  private repeatDraft(day: number): Draft | null {
    const { rng } = this;
    const dayStart = localSeconds(day, 0);
    const windowStart = dayStart - REPEAT_WINDOW_DAYS * DAY_SECONDS;
    const candidates: CaseRecord[] = [];
    for (let i = this.records.length - 1; i >= 0 && candidates.length < 40; i--) {
      const rec = at(this.records, i);
      if (rec.submitted < windowStart) break;
      if (rec.resolved === null || rec.resolved >= dayStart || rec.resolved < windowStart) continue;
      if (rec.reopened || rec.repeatOf || rec.story || rec.demo.status === 'rejected') continue;
      if (!rec.resident && !rec.info.category.publicArea) continue;
      candidates.push(rec);
    }
    if (candidates.length === 0) return null;
    const prior = rng.pick(candidates);
    const desk = prior.desk;
    const openDay = this.openDayFor(desk, day);
    if (openDay < day) return null;
    const resident = prior.resident;
    let channel: CaseChannel = resident
      ? rng.weighted<CaseChannel>(['app', 'desk', 'phone'], [3, 2, 1.5])
      : rng.weighted<CaseChannel>(['grid_patrol', 'phone', 'hotline_12345'], [2, 1, 1]);
    if (channel === 'app' && !resident) channel = 'desk';
    const minute = this.minuteFor(desk, openDay, channel === 'app');
    if (minute === null) return null;
    return {
      day: openDay,
      info: prior.info,
      matter: prior.matter,
      channel,
      compound: prior.compound,
      desk,
      resident,
      walkInName:
        resident || channel === 'grid_patrol'
          ? null
          : (prior.demo.walkInName ?? this.walkInName(prior.info)),
      slots: prior.slots,
      placeIndex: prior.placeIndex,
      repeatOf: prior,
      story: null,
      minute,
    };
  }

  private storyDrafts(): Draft[] {
    const { world } = this;
    const compound = (world.compoundsOf.get(this.community.key) ?? []).find(
      (c) => c.name === VACANT_LOT_STORY.compoundName,
    );
    const concern = world.categories.get(VACANT_LOT_STORY.concern.categoryCode);
    const suggestion = world.categories.get(VACANT_LOT_STORY.suggestion.categoryCode);
    if (!compound || !concern || !suggestion) return [];
    const desk = world.deskFor(this.community.key, compound.key);
    const slots = { ...this.slots(concern, compound), b: VACANT_LOT_STORY.building };
    const first = this.openDayFor(desk, world.firstDay + 16);
    const second = this.openDayFor(desk, world.firstDay + 37);
    const matter: Matter = { zh: VACANT_LOT_STORY.concern.description };
    const resident = this.pickResident(concern, matter, compound, localSeconds(first, 19 * 60));
    const base = { compound, desk, slots, placeIndex: -1, repeatOf: null };
    return [
      {
        ...base,
        day: first,
        info: concern,
        matter,
        channel: 'desk',
        resident,
        walkInName: resident ? null : '张秀英',
        story: 'vacant_lot',
        minute: 19 * 60 + 12,
      },
      {
        ...base,
        day: second,
        info: suggestion,
        matter: { zh: VACANT_LOT_STORY.suggestion.description },
        channel: 'council',
        resident,
        walkInName: resident ? null : '张秀英',
        story: 'vacant_lot_council',
        minute: 19 * 60 + 40,
      },
    ];
  }

  private placeKey(draft: Pick<Draft, 'compound' | 'info'>, place: string | null): string {
    return `p|${draft.compound?.key ?? ''}|${draft.info.category.code}|${place ?? ''}`;
  }

  /** True when the same matter was open, or resolved within the repeat window, at `when`. */
  private blocked(key: string, when: number, byResident?: Map<string, number>): boolean {
    const end = (byResident ?? this.lastMatter).get(key);
    return end !== undefined && when < end + REPEAT_WINDOW_DAYS * DAY_SECONDS;
  }

  /** A resident of the compound registered by `when`; foreign residents only for matters they raise. */
  private pickResident(
    info: CategoryInfo,
    matter: Matter,
    compound: DemoCompound,
    when: number,
  ): DemoResident | null {
    const { rng, world } = this;
    const chinese = info.profile.foreignOnly ? undefined : world.chinese.get(compound.key);
    const foreign = matter.en !== undefined ? world.foreign.get(compound.key) : undefined;
    const nc = chinese ? upperBound(chinese.times, when) : 0;
    const nf = foreign ? upperBound(foreign.times, when) : 0;
    if (nc + nf === 0) return null;
    for (let attempt = 0; attempt < 4; attempt++) {
      const i = rng.int(0, nc + nf - 1);
      const r = i < nc ? chinese?.items[i] : foreign?.items[i - nc];
      if (!r) continue;
      const matters = this.residentMatters.get(r.key);
      if (!matters || !this.blocked(info.category.code, when, matters)) return r;
    }
    return null;
  }

  private walkInName(info: CategoryInfo): string {
    const { rng } = this;
    if (info.profile.foreignOnly) return foreignPerson(rng, rng.pick(FOREIGN_NATIONALITIES)).name;
    const refYear = Number(civilFromDays(this.world.lastDay).slice(0, 4));
    const elderly = ['elderly_allowance', 'senior_card', 'home_care'].includes(info.category.code);
    const age = elderly ? rng.int(45, 85) : rng.int(22, 78);
    return chineseName(rng, rng.chance(0.52) ? 'f' : 'm', refYear - age);
  }

  private slots(info: CategoryInfo, compound: DemoCompound | null): Slots {
    const { rng } = this;
    const buildings = compound
      ? Math.max(3, Math.min(40, Math.round(compound.households / 110)))
      : 20;
    const old = compound?.name.endsWith('新村') ?? false;
    const top = old ? 7 : 18 + (compound ? compound.households % 16 : 8);
    const f = rng.int(2, top - 1);
    const k = rng.int(1, 4);
    const code = info.category.code;
    const amount =
      code === 'wage_dispute'
        ? rng.int(30, 300) * 100
        : code === 'family_dispute'
          ? rng.int(3, 12) * 100
          : rng.int(8, 60) * 100;
    const parents = code === 'only_child_certificate' || code === 'family_dispute';
    return {
      compound: compound?.name ?? '小区',
      compoundEn: compound?.nameEn ?? 'the compound',
      b: rng.int(1, buildings),
      u: rng.int(1, old ? 3 : 4),
      f,
      r: f * 100 + k,
      up: (f + 1) * 100 + k,
      down: (f - 1) * 100 + k,
      zone: rng.pick(ZONES),
      hour: rng.int(0, HOURS_ZH.length - 1),
      days: rng.int(0, DAYS_ZH.length - 1),
      age: rng.int(80, 96),
      plate: code === 'parking' ? plate(rng) : '',
      amount,
      kin: rng.pick(code === 'medical_insurance' ? YOUNG_KIN : parents ? PARENT_KIN : ELDER_KIN),
      months: rng.int(2, 8),
      company:
        code === 'property_dispute'
          ? rng.pick(PROPERTY_COMPANIES)
          : code === 'wage_dispute'
            ? rng.pick(EMPLOYERS)
            : '',
    };
  }

  private place(
    draft: Pick<Draft, 'info' | 'matter' | 'slots' | 'placeIndex'>,
    en: boolean,
  ): string | null {
    const pair = placesOf(draft.info, draft.matter)?.[draft.placeIndex];
    if (!pair) return null;
    return fill(en ? pair[1] : pair[0], draft.slots, en, null);
  }

  // ── building the timeline ──

  private build(draft: Draft): void {
    const { rng, world } = this;
    const { info } = draft;
    const kind = info.category.kind;
    const t0 = localSeconds(draft.day, draft.minute ?? 9 * 60) + rng.int(0, 59);
    const { description, place } = this.texts(draft);

    const story = draft.story !== null;
    const team = this.deskTeam(draft.desk);
    const acceptor = story ? (this.firstWorker ?? rng.pick(team)) : rng.pick(team);
    const assignee = story ? acceptor : this.assigneeFor(kind, draft.compound, acceptor);
    const run: Run = {
      draft,
      clock: world.clock(draft.desk),
      sla: world.slaClock(draft.desk),
      budget: 0,
      log: new EventLog(),
      t0,
      t: this.progress(draft.day),
      story,
      place,
      acceptor,
      handler: assignee,
      responsible: this.responsibleWorker(draft.compound) ?? assignee,
      cursor: t0,
      resolvedAt: null,
      reopened: false,
      mediation: null,
    };

    this.created(run);
    const rejectRate = this.rejectRate(run);
    if (this.accept(run, rejectRate)) this.handle(run, rejectRate);

    const demo = this.toDemoCase(
      draft,
      run.log.finish(world.cutoff),
      description,
      place,
      run.mediation,
      run.responsible.username,
    );
    this.records.push({
      demo,
      submitted: t0,
      resolved: run.resolvedAt,
      reopened: run.reopened,
      info,
      matter: draft.matter,
      slots: draft.slots,
      placeIndex: draft.placeIndex,
      resident: draft.resident,
      compound: draft.compound,
      desk: draft.desk,
      repeatOf: draft.repeatOf,
      story,
    });

    // Remember the matter, so that later cases do not repeat it by accident.
    const end =
      demo.status === 'rejected'
        ? t0
        : run.resolvedAt !== null && run.resolvedAt < world.cutoff
          ? run.resolvedAt
          : world.cutoff;
    if (draft.resident) {
      let matters = this.residentMatters.get(draft.resident.key);
      if (!matters) this.residentMatters.set(draft.resident.key, (matters = new Map()));
      note(matters, info.category.code, end);
    }
    if (info.category.publicArea && place !== null)
      note(this.lastMatter, this.placeKey(draft, place), end);
  }

  /** The description, and the place of public-area matters. */
  private texts(draft: Draft): { description: string; place: string | null } {
    // Foreign residents write in English in the app; staff record the rest in Chinese.
    const { matter } = draft;
    const en = draft.channel === 'app' && draft.resident?.preferredLanguage === 'en' && !!matter.en;
    const place =
      draft.story === 'vacant_lot'
        ? fill(VACANT_LOT_STORY.concern.place, draft.slots, false, null)
        : this.place(draft, false);
    let description: string;
    if (en) {
      description = fill(matter.en ?? matter.zh, draft.slots, true, this.place(draft, true));
      if (draft.repeatOf) description = `This has happened again. ${description}`;
    } else {
      const again = draft.repeatOf
        ? this.rng.pick(draft.resident ? REPEAT_PREFIXES : REPEAT_PREFIXES_PLACE)
        : '';
      description =
        (CHANNEL_PREFIX[draft.channel] ?? '') + again + fill(matter.zh, draft.slots, false, place);
    }
    return { description, place };
  }

  /** Moves the run's cursor by min…max seconds of open time and returns it. */
  private step(run: Run, min: number, max: number): number {
    run.cursor = run.clock.addOpen(run.cursor, this.rng.int(min, Math.max(min, max)));
    return run.cursor;
  }

  private created(run: Run): void {
    const { channel } = run.draft;
    // App users submit themselves; the 12345 hotline platform files its cases; staff enter the rest.
    const creator =
      channel === 'app' || channel === 'hotline_12345'
        ? null
        : channel === 'grid_patrol'
          ? (this.gridWorker(run.draft.compound) ?? run.handler)
          : channel === 'council'
            ? run.responsible
            : run.acceptor;
    run.log.add(
      'created',
      run.t0,
      creator?.username ?? null,
      creator ? 'staff' : channel === 'app' ? 'resident' : 'system',
      null,
      'submitted',
      null,
      CREATED_DATA[channel],
    );
  }

  private rejectRate(run: Run): number {
    const { draft } = run;
    let rate = draft.repeatOf || run.story ? 0 : REJECT_RATE[draft.info.category.kind];
    if (draft.channel === 'app' || draft.channel === 'hotline_12345') rate *= 1.5;
    if (draft.channel === 'desk' || draft.channel === 'council') rate *= 0.5;
    return rate;
  }

  private rejectReason(run: Run): string {
    return this.rng.pick(REJECTION_REASONS[run.draft.info.category.kind] ?? ['不属于受理范围。']);
  }

  /** Accept (or reject) within the desk's open time; false when rejected. */
  private accept(run: Run, rejectRate: number): boolean {
    const { rng, world } = this;
    const { clock, draft, t0, t } = run;
    const budget = draft.info.category.acceptWithinMinutes * 60;
    const due = run.sla.dueAfter(t0, budget);
    let delay: number;
    if (draft.channel === 'desk' || draft.channel === 'council') delay = rng.int(45, 420);
    else if (draft.channel === 'grid_patrol') delay = rng.int(120, Math.max(240, budget * 0.6));
    else if (!run.story && rng.chance(0.06 - 0.035 * t)) delay = budget * rng.range(1.1, 3.5);
    else delay = budget * (0.06 + 0.86 * Math.pow(rng.float(), 1.4));
    // A few of the last days' cases wait long enough to be still unaccepted when the history ends.
    if (!run.story && world.cutoff - t0 < 4 * DAY_SECONDS && rng.chance(0.015))
      delay = budget * rng.range(6, 20);
    const tA = clock.addOpen(t0, Math.max(45, delay));
    const gap = Math.min(tA, world.cutoff) - due;
    if (gap >= 1) {
      const at = due + Math.min(rng.int(0, 50), Math.floor((gap - 1) / 2));
      run.log.sys('overdue', at, null, overdueData('accept', due));
    }
    run.cursor = tA;
    const who = run.acceptor.username;
    if (rng.chance(rejectRate * 0.8)) {
      const reason = this.rejectReason(run);
      run.log.staff('transition', tA, who, 'submitted', 'rejected', reason, ACTION_DATA.reject);
      return false;
    }
    run.log.staff('transition', tA, who, 'submitted', 'accepted', null, ACTION_DATA.accept);
    return true;
  }

  /** After acceptance: link, assign, maybe transfer; then reject after all, or work it to the end. */
  private handle(run: Run, rejectRate: number): void {
    const { rng } = this;
    const { draft, log, acceptor } = run;
    const kind = draft.info.category.kind;
    // The seed adds the earlier case's id, as the API records it; the timeline says the rest.
    if (draft.repeatOf)
      log.staff('repeat_linked', this.step(run, 20, 180), acceptor.username, null, null, null, {});
    if (run.handler.username !== acceptor.username) {
      log.staff('assigned', this.step(run, 20, 300), acceptor.username, null, null, null, {
        assigneeUsername: run.handler.username,
      });
    }
    if (!run.story && kind !== 'dispute' && rng.chance(0.012)) {
      const from = run.handler.username;
      const other = this.assigneeFor(kind, draft.compound, acceptor, from);
      if (other.username !== from) {
        const at = this.step(run, 600, 2 * OPEN_HOUR);
        log.staff('transferred', at, from, null, null, '按职责转交同事办理。', {
          fromUsername: from,
          toUsername: other.username,
        });
        run.handler = other;
      }
    }
    if (rng.chance(rejectRate * 0.2)) {
      const at = this.step(run, 600, 4 * OPEN_HOUR);
      const reason = this.rejectReason(run);
      log.staff(
        'transition',
        at,
        run.handler.username,
        'accepted',
        'rejected',
        reason,
        ACTION_DATA.reject,
      );
      return;
    }
    this.work(run);
    this.reopenAndClose(run);
  }

  /** From acceptance to resolution: on the spot, or started, maybe paused, mediated, resolved. */
  private work(run: Run): void {
    const { rng, world } = this;
    const { clock, draft, log, t0, t } = run;
    const { category, profile } = draft.info;
    const kind = category.kind;

    // The SLA deadline, and the open time until it on the desk's clock (the work budget).
    const target = category.resolveWithin;
    const dueWithoutPause =
      target.unit === 'open_hours'
        ? run.sla.dueAfter(t0, target.value * OPEN_HOUR)
        : run.sla.workingDaysDeadline(t0, target.value);
    const budget =
      target.unit === 'open_hours'
        ? target.value * OPEN_HOUR
        : clock.openBetween(t0, dueWithoutPause);
    run.budget = budget;
    const onTheSpot =
      (draft.channel === 'desk' || draft.channel === 'phone') &&
      !draft.repeatOf &&
      kind !== 'dispute' &&
      rng.chance(profile.onTheSpot ?? 0);
    if (onTheSpot) {
      const resolution = this.resolutionText(draft, run.place);
      run.resolvedAt = this.step(run, 180, 1500);
      this.resolveOverdue(run, dueWithoutPause, run.resolvedAt);
      const who = run.handler.username;
      log.staff(
        'transition',
        run.resolvedAt,
        who,
        'accepted',
        'resolved',
        resolution,
        ACTION_DATA.resolve,
      );
      return;
    }

    const slow = !run.story && rng.chance(kind === 'dispute' ? 0.06 - 0.035 * t : 0.05 - 0.03 * t);
    let f = slow
      ? rng.range(1.04, 1.9)
      : kind === 'dispute'
        ? 0.3 + 0.65 * rng.float()
        : 0.12 + 0.8 * Math.pow(rng.float(), 1.2);
    // A handful of last week's cases are stuck a few days past their deadline when the history
    // ends: a well-run district has some, not dozens a month late.
    const stuck =
      !run.story &&
      world.cutoff - t0 < 7 * DAY_SECONDS &&
      dueWithoutPause < world.cutoff - OPEN_HOUR &&
      rng.chance(0.006);
    if (stuck) f = Math.max(f, (clock.openBetween(t0, world.cutoff) + 3 * OPEN_DAY) / budget);
    const work = f * budget; // open seconds from submission, pauses excluded

    const start = this.step(run, 60, Math.min(2 * OPEN_HOUR, Math.max(120, work * 0.15)));
    log.staff(
      'transition',
      start,
      run.handler.username,
      'accepted',
      'in_progress',
      null,
      ACTION_DATA.start,
    );
    if (!run.story && rng.chance(MANUAL_ESCALATION[kind])) {
      log.staff(
        'escalated',
        this.step(run, 300, OPEN_HOUR),
        run.handler.username,
        null,
        null,
        '涉及多方，已上报社区书记协调。',
        {
          toUsername: this.admin,
        },
      );
    }

    // Optional pause while waiting for the resident: the SLA clock stops meanwhile.
    let pauseOpen = 0; // open seconds used before the pause
    let pausedAt: number | null = null;
    let resumeAt: number | null = null;
    if (!run.story && rng.chance(profile.waitResident)) {
      const used = clock.openBetween(t0, run.cursor);
      const waitAt = clock.addOpen(
        t0,
        Math.max(used + 120, used + (work - used) * rng.range(0.2, 0.55)),
      );
      if (waitAt > run.cursor) {
        run.cursor = waitAt;
        const [waitNote, resumeNote] = rng.pick(profile.waits ?? [GENERIC_WAIT]);
        log.staff(
          'transition',
          waitAt,
          run.handler.username,
          'in_progress',
          'waiting_resident',
          waitNote,
          ACTION_DATA.wait_resident,
        );
        pauseOpen = clock.openBetween(t0, waitAt);
        pausedAt = waitAt;
        const back = waitAt + rng.int(1, 6) * DAY_SECONDS + rng.int(-4, 4) * OPEN_HOUR;
        resumeAt = clock.addOpen(Math.max(waitAt + 600, back), rng.int(0, 1800));
        run.cursor = resumeAt;
        log.staff(
          'transition',
          resumeAt,
          run.handler.username,
          'waiting_resident',
          'in_progress',
          resumeNote,
          ACTION_DATA.resume,
        );
      }
    }

    // Resolution instant: the remaining work after the pause, never before the cursor.
    let resolveAt =
      resumeAt === null
        ? clock.addOpen(t0, work)
        : clock.addOpen(resumeAt, Math.max(0, work - pauseOpen));
    const minGap = kind === 'dispute' ? 3 * OPEN_HOUR : 300;
    if (resolveAt < clock.addOpen(run.cursor, minGap))
      resolveAt = clock.addOpen(run.cursor, minGap + rng.int(0, 1800));
    // Waiting for the resident moves the deadline by the SLA time spent waiting (if it began in time).
    const due =
      resumeAt === null || pausedAt === null || pausedAt >= dueWithoutPause
        ? dueWithoutPause
        : run.sla.dueAfter(dueWithoutPause, run.sla.openBetween(pausedAt, resumeAt));
    // Late cases still get done: a case due before the end of the reference day (when the demo is
    // shown), other than the stuck few, is resolved before the history ends instead of being left
    // open to fall overdue.
    if (!stuck && !run.story && resolveAt >= world.cutoff && due < world.cutoff + DAY_SECONDS) {
      const earliest = clock.addOpen(run.cursor, minGap);
      const from = due < world.cutoff ? Math.max(due + 1, earliest) : earliest;
      const room = from < world.cutoff ? clock.openBetween(from, world.cutoff) - 600 : 0;
      if (room > 0) resolveAt = clock.addOpen(from, rng.int(0, Math.min(room, 4 * OPEN_HOUR)));
    }
    if (draft.info.mediation) resolveAt = this.mediate(run, draft.info.mediation, resolveAt);

    this.resolveOverdue(run, due, resolveAt);

    let resolution: string;
    const { mediation } = run;
    if (mediation && draft.info.mediation) {
      const m = draft.info.mediation;
      const outcome = this.outcome(resolveAt);
      mediation.outcome = outcome;
      const text = fill(
        outcome === 'mediated'
          ? (draft.matter.agreement ?? '双方达成一致，纠纷已化解。')
          : rng.pick(
              outcome === 'partially_mediated'
                ? m.partial
                : outcome === 'failed'
                  ? m.failed
                  : m.referred,
            ),
        draft.slots,
        false,
        run.place,
      );
      mediation.agreement =
        outcome === 'mediated' || outcome === 'partially_mediated' ? text : null;
      resolution = outcome === 'mediated' ? `${rng.pick(m.openers)}${text}` : text;
    } else {
      resolution =
        draft.story === 'vacant_lot'
          ? VACANT_LOT_STORY.concern.resolution
          : draft.story === 'vacant_lot_council'
            ? VACANT_LOT_STORY.suggestion.resolution
            : this.resolutionText(draft, run.place);
    }
    run.cursor = resolveAt;
    run.resolvedAt = resolveAt;
    log.staff(
      'transition',
      resolveAt,
      run.handler.username,
      'in_progress',
      'resolved',
      resolution,
      mediation ? { action: 'resolve', outcome: mediation.outcome } : ACTION_DATA.resolve,
    );
  }

  /** System events when the resolution comes after the SLA deadline: overdue, then escalation. */
  private resolveOverdue(run: Run, due: number, resolveAt: number): void {
    const late = resolveAt - due;
    if (late < 1) return;
    const { rng } = this;
    const overdueAt = due + Math.min(rng.int(0, 50), Math.floor((late - 1) / 3));
    run.log.sys('overdue', overdueAt, null, overdueData('resolve', due));
    const wait = Math.max(1, Math.min(rng.int(60, 600), Math.floor((resolveAt - overdueAt) / 2)));
    if (overdueAt + wait < resolveAt) {
      run.log.sys('escalated', overdueAt + wait, null, {
        to: 'community_admin',
        toUsername: this.admin,
        reason: 'overdue',
        noteCode: 'overdue_escalated' satisfies SystemNoteCode,
      });
    }
  }

  /** Mediation sessions between the start and the resolution; returns the (maybe later) resolution instant. */
  private mediate(run: Run, m: MediationProfile, resolveAt: number): number {
    const { rng } = this;
    const { clock, draft } = run;
    const sessions = rng.int(1, 3);
    const span = clock.openBetween(run.cursor, resolveAt);
    const parts: { at: number; note: string }[] = [];
    for (let i = 0; i < sessions; i++) {
      const atS = clock.addOpen(run.cursor, Math.floor((span * (i + 0.6)) / (sessions + 0.4)));
      if (atS <= (parts.at(-1)?.at ?? run.cursor) || atS >= resolveAt - 60) continue;
      parts.push({ at: atS, note: at(m.sessions, Math.min(i, m.sessions.length - 1)) });
    }
    if (parts.length === 0) {
      const atS = clock.addOpen(run.cursor, Math.max(60, Math.floor(span / 2)));
      parts.push({ at: atS, note: at(m.sessions, 0) });
    }
    parts.forEach((p, i) =>
      run.log.staff('mediation_recorded', p.at, run.handler.username, null, null, p.note, {
        session: i + 1,
      }),
    );
    run.cursor = Math.max(run.cursor, parts.at(-1)?.at ?? run.cursor);
    if (resolveAt <= clock.addOpen(run.cursor, 600)) resolveAt = clock.addOpen(run.cursor, 1800);
    run.mediation = {
      parties: this.parties(m, draft, draft.info),
      mediatorName: run.handler.displayName,
      sessions: parts.map((p) => ({ at: iso(p.at), note: p.note })),
      outcome: null,
      agreement: null,
    };
    return resolveAt;
  }

  /**
   * The follow-up's verdict on the case, as the API's reaction records it (system actor): now and
   * then the resident is dissatisfied or says it is not solved, the case is reopened and resolved
   * again, and the next round closes it; cases that need no follow-up close after the quiet period.
   */
  private reopenAndClose(run: Run): void {
    const { rng, followUpRng: fu } = this;
    const { clock, draft, log } = run;
    const { category } = draft.info;
    if (run.resolvedAt === null) return;
    // 94% satisfied at the start of the year, 99.5% at its end (the report), clearly worse in a few.
    const dissatisfied = (this.weakFollowUps ? 3 : 0.8) * (0.02 - 0.017 * run.t);
    if (
      !run.story &&
      !draft.repeatOf &&
      category.followUpRequired &&
      category.kind !== 'dispute' &&
      rng.chance(dissatisfied)
    ) {
      run.reopened = true;
      let c = clock.addOpen(run.resolvedAt, rng.int(OPEN_HOUR, 3 * OPEN_DAY));
      log.sys(
        'transition',
        c,
        null,
        // The rework deadline (noteParams.reworkDueAt) is added with the follow-up's rows.
        {
          ...ACTION_DATA.reopen,
          reason: 'followup_dissatisfied',
          noteCode: 'followup_dissatisfied' satisfies SystemNoteCode,
        },
        'resolved',
        'in_progress',
      );
      c = clock.addOpen(c, rng.int(1800, Math.max(1800, Math.min(2 * OPEN_DAY, run.budget * 0.8))));
      const again = `重新办理：${this.resolutionText(draft, run.place)}`;
      log.staff(
        'transition',
        c,
        run.handler.username,
        'in_progress',
        'resolved',
        again,
        ACTION_DATA.resolve,
      );
      run.resolvedAt = c;
    }
    if (category.followUpRequired) {
      // Closed by the follow-up's result: reached, declined, or unreachable after the last try.
      const closeAt = clock.addOpen(run.resolvedAt, rng.int(OPEN_HOUR, 3 * OPEN_DAY));
      const r = fu.float();
      const reason =
        r < 0.012 ? 'followup_unreachable' : r < 0.018 ? 'followup_declined' : 'followup_satisfied';
      log.sys(
        'transition',
        closeAt,
        null,
        {
          ...ACTION_DATA.close,
          reason,
          noteCode: reason satisfies SystemNoteCode,
          ...(reason === 'followup_unreachable' ? { noteParams: { tries: 3 } } : {}),
        },
        'resolved',
        'closed',
      );
    } else {
      const closeAt = run.resolvedAt + QUIET_DAYS * DAY_SECONDS + rng.int(0, 3600);
      log.sys(
        'transition',
        closeAt,
        null,
        {
          ...ACTION_DATA.close,
          reason: 'quiet_period',
          noteCode: 'auto_closed' satisfies SystemNoteCode,
          noteParams: { days: QUIET_DAYS },
        },
        'resolved',
        'closed',
      );
    }
  }

  private outcome(resolveAt: number): MediationOutcome {
    const { rng, world } = this;
    let p: number;
    if (resolveAt >= world.halfYear) p = 0.98;
    else {
      const x = Math.max(
        0,
        Math.min(
          1,
          (resolveAt - localSeconds(world.firstDay, 0)) /
            (world.halfYear - localSeconds(world.firstDay, 0)),
        ),
      );
      p = 0.62 + 0.2 * x;
    }
    if (rng.chance(p)) return 'mediated';
    return rng.weighted<MediationOutcome>(
      ['partially_mediated', 'failed', 'referred'],
      [45, 20, 35],
    );
  }

  private parties(
    m: MediationProfile,
    draft: Draft,
    info: CategoryInfo,
  ): { name: string; role: string }[] {
    const { rng } = this;
    const refYear = Number(civilFromDays(this.world.lastDay).slice(0, 4));
    const [firstRole, otherRole, otherKind] = draft.matter.parties ?? m.parties;
    const first = draft.resident?.name ?? draft.walkInName ?? this.walkInName(info);
    const person = (surname?: string) => {
      const name = chineseName(rng, rng.chance(0.5) ? 'f' : 'm', refYear - rng.int(25, 75));
      return surname ? surname + name.slice(1) : name;
    };
    // Siblings share the family name; everyone else is a stranger or an organisation.
    const siblings = otherRole === '兄弟姐妹';
    const other =
      otherKind === 'company'
        ? draft.slots.company || rng.pick(PROPERTY_COMPANIES)
        : person(siblings ? first.charAt(0) : undefined);
    const parties = [
      { name: first, role: firstRole },
      { name: other, role: otherRole },
    ];
    if (siblings && rng.chance(0.4))
      parties.push({ name: person(first.charAt(0)), role: otherRole });
    return parties;
  }

  private resolutionText(draft: Draft, place: string | null): string {
    return fill(this.rng.pick(draft.matter.fixes ?? ['已办结。']), draft.slots, false, place);
  }

  // ── staff ──

  private readonly teams = new Map<string, DemoStaff[]>();
  private readonly grids = new Map<string, DemoStaff[]>();
  private readonly leads = new Map<string, DemoStaff | undefined>();

  /** Who works a desk: its own staff, else anyone of the community who handles cases. */
  private deskTeam(desk: DemoDesk): DemoStaff[] {
    let team = this.teams.get(desk.key);
    if (!team) {
      team = this.staff.filter((s) => s.deskKey === desk.key && isHandler(s));
      if (team.length === 0) team = this.staff.filter(isHandler);
      if (team.length === 0)
        throw new Error(`community ${this.community.key} has no handling staff`);
      this.teams.set(desk.key, team);
    }
    return team;
  }

  private gridWorker(compound: DemoCompound | null): DemoStaff | undefined {
    if (!compound) return undefined;
    let grids = this.grids.get(compound.key);
    if (!grids) {
      grids = this.staff.filter((s) => s.role === 'grid_worker' && s.scopeKey === compound.key);
      this.grids.set(compound.key, grids);
    }
    return grids.length > 0 ? this.rng.pick(grids) : undefined;
  }

  /** The community worker who answers for a compound: its desk's leader, else the first worker. */
  private responsibleWorker(compound: DemoCompound | null): DemoStaff | undefined {
    const key = compound?.key ?? '';
    if (!this.leads.has(key)) {
      const desk = compound ? this.world.deskOfCompound.get(compound.key) : undefined;
      const lead = desk
        ? this.staff.find((s) => s.role === 'community_worker' && s.deskKey === desk.key)
        : undefined;
      this.leads.set(key, lead ?? this.firstWorker);
    }
    return this.leads.get(key);
  }

  private assigneeFor(
    kind: CaseKind,
    compound: DemoCompound | null,
    acceptor: DemoStaff,
    not?: string,
  ): DemoStaff {
    const { rng } = this;
    let pick: DemoStaff | undefined;
    if (kind === 'dispute') pick = this.responsibleWorker(compound);
    else if (kind === 'concern' && rng.chance(0.7)) pick = this.gridWorker(compound);
    if (not !== undefined && (!pick || pick.username === not)) {
      const others = this.deskTeam(
        this.world.deskFor(this.community.key, compound?.key ?? null),
      ).filter((s) => s.username !== not);
      pick = others.length > 0 ? rng.pick(others) : pick;
    }
    return pick ?? acceptor;
  }

  // ── output ──

  private toDemoCase(
    draft: Draft,
    events: DemoCaseEvent[],
    description: string,
    place: string | null,
    mediation: DemoMediation | null,
    responsibleUsername: string,
  ): DemoCase {
    let status: CaseStatus = 'submitted';
    let acceptedAt: string | null = null;
    let resolvedAt: string | null = null;
    let closedAt: string | null = null;
    let resolution: string | null = null;
    let rejectionReason: string | null = null;
    let assignee: string | null = null;
    let reopenCount = 0;
    let escalated = false;
    for (const e of events) {
      if (e.type === 'transition' && e.toStatus) {
        const action = e.data.action;
        status = e.toStatus;
        if (action === 'accept') {
          acceptedAt ??= e.at;
          assignee = e.actorUsername;
        } else if (action === 'resolve') {
          resolvedAt = e.at;
          resolution = e.note;
        } else if (action === 'reopen') {
          reopenCount++;
          resolvedAt = null;
          resolution = null;
        } else if (action === 'close') closedAt = e.at;
        else if (action === 'reject') rejectionReason = e.note;
      } else if (e.type === 'assigned')
        assignee = (e.data.assigneeUsername as string | undefined) ?? assignee;
      else if (e.type === 'transferred')
        assignee = (e.data.toUsername as string | undefined) ?? assignee;
      else if (e.type === 'escalated') escalated = true;
    }
    if (status === 'rejected' && acceptedAt === null) assignee = null;

    let med: DemoMediation | null = null;
    if (mediation) {
      const last = at(events, events.length - 1).at;
      const sessions = mediation.sessions.filter((s) => s.at <= last);
      const done = status === 'resolved' || status === 'closed';
      if (sessions.length > 0 || done) {
        med = {
          ...mediation,
          sessions,
          outcome: done ? mediation.outcome : null,
          agreement: done ? mediation.agreement : null,
        };
      }
    }

    return {
      key: '',
      categoryCode: draft.info.category.code,
      kind: draft.info.category.kind,
      channel: draft.channel,
      communityKey: this.community.key,
      compoundKey: draft.compound?.key ?? null,
      deskKey: draft.desk.key,
      residentKey: draft.resident?.key ?? null,
      walkInName: draft.resident ? null : draft.walkInName,
      description,
      place,
      status,
      submittedAt: at(events, 0).at,
      acceptedAt,
      resolvedAt,
      closedAt,
      resolution,
      rejectionReason,
      assigneeUsername: assignee,
      reopenCount,
      repeatOfKey: null,
      escalated,
      mediation: med,
      responsibleUsername,
      events,
    };
  }
}

// ─── helpers ─────────────────────────────────────────────────────────────────

/** Remember the end of a matter's latest case. */
function note(map: Map<string, number>, key: string, end: number): void {
  const prev = map.get(key);
  if (prev === undefined || end > prev) map.set(key, end);
}

/** The places a matter happens at: its own, else its category's; undefined when none are recorded. */
function placesOf(info: CategoryInfo, matter: Matter): readonly PlaceTemplate[] | undefined {
  return matter.places ?? info.profile.places;
}

function isHandler(s: DemoStaff): boolean {
  return s.role === 'desk_staff' || s.role === 'community_worker' || s.role === 'grid_worker';
}

/** A Chongqing number plate, e.g. 渝A·3K7Q2. */
function plate(rng: Rng): string {
  let tail = '';
  for (let i = 0; i < 5; i++) {
    tail += rng.chance(0.6)
      ? String(rng.int(0, 9))
      : PLATE_LETTERS.charAt(rng.int(0, PLATE_LETTERS.length - 1));
  }
  return `渝${rng.pick(['A', 'B', 'D', 'G'])}·${tail}`;
}

const isoDays = new Map<number, readonly number[]>();
const isoCodes: number[] = Array.from('0000-00-00T00:00:00.000Z', (c) => c.charCodeAt(0));

/**
 * ISO instant (`YYYY-MM-DDThh:mm:ss.000Z`) of whole epoch seconds. Built from char
 * codes so the result is one flat string: a template literal would leave a rope of
 * several heap objects behind each of the ~170,000 instants.
 */
function iso(seconds: number): string {
  const day = Math.floor(seconds / DAY_SECONDS);
  let date = isoDays.get(day);
  if (date === undefined) {
    date = Array.from(civilFromDays(day), (c) => c.charCodeAt(0));
    isoDays.set(day, date);
  }
  for (let i = 0; i < 10; i++) isoCodes[i] = date[i] ?? 48;
  const rest = seconds - day * DAY_SECONDS;
  const h = Math.floor(rest / 3600);
  const m = Math.floor((rest % 3600) / 60);
  const sec = rest % 60;
  isoCodes[11] = 48 + Math.floor(h / 10);
  isoCodes[12] = 48 + (h % 10);
  isoCodes[14] = 48 + Math.floor(m / 10);
  isoCodes[15] = 48 + (m % 10);
  isoCodes[17] = 48 + Math.floor(sec / 10);
  isoCodes[18] = 48 + (sec % 10);
  return String.fromCharCode.apply(null, isoCodes);
}

/** Number of items ≤ value in an ascending array. */
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type ActorKind = DemoCaseEvent['actorKind'];

/** Shared, frozen `data` of plain transitions and of `created` (most events): fewer allocations. */
// Local lists (type-checked against the contracts) keep this module free of runtime imports
// from @baitong/contracts, whose build output may lag behind its sources.
const ACTIONS = [
  'accept',
  'start',
  'wait_resident',
  'resume',
  'resolve',
  'close',
  'reject',
  'reopen',
] as const satisfies readonly CaseAction[];
const CHANNELS = [
  'app',
  'desk',
  'phone',
  'grid_patrol',
  'hotline_12345',
  'council',
  'open311',
] as const satisfies readonly CaseChannel[];
const ACTION_DATA = frozenBy(ACTIONS, (action) => ({ action }));
const CREATED_DATA = frozenBy(CHANNELS, (channel) => ({ channel }));

function frozenBy<K extends string>(
  keys: readonly K[],
  make: (key: K) => Record<string, unknown>,
): Readonly<Record<K, Record<string, unknown>>> {
  const out = {} as Record<K, Record<string, unknown>>;
  for (const key of keys) out[key] = Object.freeze(make(key));
  return out;
}

/**
 * The events of one case as they are generated. Staff actions are appended in
 * increasing time order; system events (overdue, escalation, auto-close) are
 * slotted in at the end, nudged by a second where they would tie.
 */
/** Resolved cases with no follow-up close by themselves after this many days (FOLLOW_UP_QUIET_DAYS). */
const QUIET_DAYS = 7;

/** An overdue mark as the API's overdue scan records it: a code, never a sentence. */
function overdueData(which: 'accept' | 'resolve', due: number): Record<string, unknown> {
  const dueAt = iso(due);
  return {
    which,
    dueAt,
    escalatedTo: 'community_admin',
    reason: 'overdue',
    noteCode: (which === 'accept' ? 'accept_overdue' : 'resolve_overdue') satisfies SystemNoteCode,
    noteParams: { dueAt },
  };
}

class EventLog {
  private readonly events: DemoCaseEvent[] = [];
  private readonly times: number[] = [];
  private system: { t: number; e: DemoCaseEvent }[] | null = null;

  add(
    type: CaseEventType,
    t: number,
    actor: string | null,
    actorKind: ActorKind,
    fromStatus: CaseStatus | null,
    toStatus: CaseStatus | null,
    note: string | null,
    data: Record<string, unknown>,
  ): void {
    this.times.push(t);
    this.events.push({
      type,
      at: iso(t),
      actorUsername: actor,
      actorKind,
      fromStatus,
      toStatus,
      note,
      data,
    });
  }

  staff(
    type: CaseEventType,
    t: number,
    actor: string,
    fromStatus: CaseStatus | null,
    toStatus: CaseStatus | null,
    note: string | null,
    data: Record<string, unknown>,
  ): void {
    this.add(type, t, actor, 'staff', fromStatus, toStatus, note, data);
  }

  /**
   * A system event. Callers log it only once every later staff event is known to
   * come after it, so one later than everything so far is simply appended.
   */
  sys(
    type: CaseEventType,
    t: number,
    note: string | null,
    data: Record<string, unknown>,
    fromStatus: CaseStatus | null = null,
    toStatus: CaseStatus | null = null,
  ): void {
    if (this.system === null && t > (this.times.at(-1) ?? -Infinity)) {
      this.add(type, t, null, 'system', fromStatus, toStatus, note, data);
      return;
    }
    (this.system ??= []).push({
      t,
      e: {
        type,
        at: '',
        actorUsername: null,
        actorKind: 'system',
        fromStatus,
        toStatus,
        note,
        data,
      },
    });
  }

  /** The events before `cutoff`, in time order with strictly increasing instants. */
  finish(cutoff: number): DemoCaseEvent[] {
    let events = this.events;
    let times = this.times;
    if (this.system) {
      const taken = new Set(times);
      const merged = times.map((t, i) => ({ t, e: at(events, i) }));
      for (const x of this.system) {
        while (taken.has(x.t)) x.t++;
        taken.add(x.t);
        x.e.at = iso(x.t);
        merged.push(x);
      }
      merged.sort((a, b) => a.t - b.t);
      events = merged.map((x) => x.e);
      times = merged.map((x) => x.t);
    }
    let n = times.length;
    while (n > 0 && at(times, n - 1) >= cutoff) n--;
    return n === events.length ? events : events.slice(0, n);
  }
}

const SLOT_RE = /\{(\w+)\}/g;
/** Templates split into [literal, slot, literal, slot, …, literal], parsed once. */
const parsedTemplates = new Map<string, readonly string[]>();

function parseTemplate(template: string): readonly string[] {
  let parts = parsedTemplates.get(template);
  if (!parts) {
    parts = template.split(SLOT_RE);
    parsedTemplates.set(template, parts);
  }
  return parts;
}

/** Fill a text template's slots; `place` fills {place}. The result is one flat string. */
function fill(template: string, s: Slots, en: boolean, place: string | null): string {
  const parts = parseTemplate(template);
  if (parts.length === 1) return template;
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = at(parts, i);
    out.push(i % 2 === 0 ? part : slotValue(part, s, en, place));
  }
  return out.join('');
}

function slotValue(name: string, s: Slots, en: boolean, place: string | null): string {
  switch (name) {
    case 'place':
      return place ?? (en ? 'the compound' : '小区');
    case 'compound':
      return en ? s.compoundEn : s.compound;
    case 'b':
      return String(s.b);
    case 'u':
      return String(s.u);
    case 'f':
      return String(s.f);
    case 'r':
      return String(s.r);
    case 'up':
      return String(s.up);
    case 'down':
      return String(s.down);
    case 'zone':
      return s.zone;
    case 'hour':
      return en ? at(HOURS_EN, s.hour) : at(HOURS_ZH, s.hour);
    case 'days':
      return en ? at(DAYS_EN, s.days) : at(DAYS_ZH, s.days);
    case 'age':
      return String(s.age);
    case 'plate':
      return s.plate;
    case 'amount':
      return en ? `${s.amount} yuan` : `${s.amount}元`;
    case 'kin':
      return s.kin;
    case 'months':
      return String(s.months);
    case 'company':
      return s.company || '用工单位';
    default:
      return `{${name}}`;
  }
}

/**
 * The few communities whose residents are clearly less satisfied with how their matters were
 * handled (three times the dissatisfaction), drawn from the seed; never the report's model
 * communities (银竹苑, 和睦路, the vacant-lot story).
 */
export function weakFollowUpCommunities(org: DemoOrg, seed = DEFAULT_SEED): ReadonlySet<string> {
  const model = new Set(['yinzhuyuan', 'hemulu', VACANT_LOT_STORY.communityKey]);
  const drawn = org.communities
    .filter((c) => !model.has(c.key))
    .map((c) => ({ key: c.key, r: Rng.derive(seed, `weak-followups:${c.key}`).float() }))
    .sort((a, b) => a.r - b.r);
  return new Set(drawn.slice(0, 3).map((c) => c.key));
}
