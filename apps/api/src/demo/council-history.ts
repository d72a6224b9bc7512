/**
 * A year of council (幸福议事会) activity for every demo community: councils with members and
 * rules, proposals in every resting state with their event timelines, supports, comments,
 * follows, promotions from concern cases, meetings with attendance, votes and decisions,
 * implementations with milestones and progress, evaluations, and the participation rows each
 * act leaves — as the API's own services would write them, step by step.
 *
 * Pure and deterministic like the other generators: no database, no clock; one seeded stream per
 * community. The 60 sample residents of a community cannot carry a proposal to its agenda under
 * the default threshold (5% of ~5,000 households), so each community gains the residents on
 * record who took part in its council: about twice its threshold.
 */
import {
  DEFAULT_COUNCIL_RULES,
  PROPOSAL_TRANSITIONS,
  SATISFIED_LEVELS,
  type AdoptionRule,
  type CouncilRules,
  type ParticipationAct,
  type ProposalAction,
  type ProposalOrigin,
  type ProposalStatus,
  type ProposalTopic,
  type SatisfactionLevel,
  type SolvedAnswer,
  type VoteChoice,
} from '@baitong/contracts';
import type { DemoCase } from './case-history';
import {
  EVALUATION_COMMENTS,
  HIDDEN_COMMENTS,
  MEETING_PLACES,
  OUTSIDE_MEMBERS,
  PROGRESS_NOTES,
  PROPOSAL_TEMPLATES,
  REJECTION_REASONS,
  RESIDENT_COMMENTS,
  STAFF_COMMENTS,
  VACANT_LOT_PROPOSAL,
  WITHDRAWAL_REASONS,
  type ProposalTemplate,
} from './council-texts';
import { civilFromDays, dayNumber } from './dates';
import {
  DEFAULT_SEED,
  DEMO_RESIDENT_KEY,
  REGISTRATION_WINDOW_DAYS,
  type DemoOrg,
  type DemoResident,
} from './demo-org';
import { PhoneBook, residentId } from './ids';
import { chineseName } from './names';
import { Rng, at } from './prng';

// The council's arithmetic, as in apps/api/src/council/council-rules.ts.
export function supportThresholdOf(rules: CouncilRules, households: number): number {
  if (rules.supportThresholdKind === 'count') return rules.supportThresholdCount ?? 1;
  const share = Math.ceil((households * rules.supportSharePercent) / 100 - 1e-9);
  return Math.max(rules.supportMinimum, share);
}

export function quorumOf(rules: CouncilRules, members: number): number {
  switch (rules.quorumKind) {
    case 'more_than_half':
      return Math.floor(members / 2) + 1;
    case 'two_thirds':
      return Math.ceil((members * 2) / 3 - 1e-9);
    case 'count':
      return rules.quorumCount ?? 1;
  }
}

export function votesToAdopt(rules: CouncilRules, present: number, members: number): number {
  switch (rules.adoptionRule) {
    case 'majority_of_present':
      return Math.floor(present / 2) + 1;
    case 'majority_of_members':
      return Math.floor(members / 2) + 1;
    case 'two_thirds_of_present':
      return Math.max(1, Math.ceil((present * 2) / 3 - 1e-9));
  }
}

/** Who made a change: a worker (username), a resident (key) or the system with its reason. */
export type DemoActor =
  | { kind: 'staff'; username: string }
  | { kind: 'resident'; key: string }
  | { kind: 'system'; reason: string };

export interface DemoStreamEvent {
  name: 'proposal.updated' | 'meeting.updated' | 'followup.updated' | 'council.updated';
  /** Seconds since the epoch (UTC). */
  at: number;
  /** Order among events of the same second, as the API appends them. */
  seq: number;
  subjectType: 'proposal' | 'meeting' | 'follow_up' | 'council';
  subjectId: string;
  communityKey: string;
  /** `community:<id>` when true; `user:<id>` of these residents (keys) and staff (usernames). */
  toCommunity: boolean;
  residents: string[];
  staff: string[];
  actor: DemoActor;
  data: Record<string, unknown>;
  /** A resident the data names (`data.residentId`), by key. */
  dataResidentKey?: string;
}

export interface DemoCouncil {
  id: string;
  communityKey: string;
  rules: CouncilRules;
  createdAt: number;
}

export interface DemoCouncilMember {
  id: string;
  councilId: string;
  communityKey: string;
  kind: 'resident' | 'staff' | 'other';
  role: 'chair' | 'vice_chair' | 'member' | 'secretary';
  residentKey: string | null;
  staffUsername: string | null;
  name: string | null;
  organisation: string | null;
  termStart: string;
  termEnd: string | null;
  createdAt: number;
}

export interface DemoSupport {
  proposalId: string;
  residentKey: string;
  communityKey: string;
  supportedAt: number;
  withdrawnAt: number | null;
  carriedFromId: string | null;
}

export interface DemoProposal {
  id: string;
  number: string;
  communityKey: string;
  compoundKey: string | null;
  origin: ProposalOrigin;
  authorKey: string | null;
  staffUsername: string | null;
  title: string;
  description: string;
  topic: ProposalTopic;
  status: ProposalStatus;
  supportCount: number;
  supportThreshold: number | null;
  readyAt: number | null;
  mergedIntoId: string | null;
  rejectionReason: string | null;
  withdrawalReason: string | null;
  submittedAt: number | null;
  openedAt: number | null;
  statusChangedAt: number;
  version: number;
  createdAt: number;
  updatedAt: number;
  /** The story this proposal tells, for the tests: `vacant_lot` for the seed's scene. */
  story: string | null;
}

export interface DemoComment {
  id: string;
  proposalId: string;
  communityKey: string;
  authorKind: 'staff' | 'resident';
  residentKey: string | null;
  staffUsername: string | null;
  authorName: string;
  body: string;
  createdAt: number;
  hiddenAt: number | null;
  hiddenBy: string | null;
  hiddenReason: string | null;
}

export interface DemoMeeting {
  id: string;
  communityKey: string;
  title: string;
  startsAt: number;
  place: string;
  status: 'planned' | 'closed';
  minutes: string | null;
  closedAt: number | null;
  createdBy: string;
  version: number;
  createdAt: number;
  updatedAt: number;
  /** True for a meeting adjourned without quorum. */
  adjourned: boolean;
}

export interface DemoAgendaItem {
  id: string;
  meetingId: string;
  proposalId: string;
  communityKey: string;
  position: number;
  decision: 'adopted' | 'not_adopted' | null;
  presentAtDecision: number | null;
  requiredFor: number | null;
  decidedAt: number | null;
  decisionNote: string | null;
  createdAt: number;
  /** Taken off the agenda again (the row is deleted by the API): not loaded. */
  removed: boolean;
}

export interface DemoAttendance {
  id: string;
  meetingId: string;
  communityKey: string;
  kind: 'member' | 'resident';
  memberId: string | null;
  residentKey: string | null;
  recordedAt: number;
  recordedBy: string;
}

export interface DemoVote {
  id: string;
  agendaItemId: string;
  meetingId: string;
  memberId: string;
  choice: VoteChoice;
  recordedAt: number;
  recordedBy: string;
}

export interface DemoImplementation {
  proposalId: string;
  communityKey: string;
  ownerStaffUsername: string | null;
  ownerName: string;
  plan: string;
  budgetYuan: number | null;
  fundingSource: ProposalTemplate['funding'] | null;
  fundingNote: string | null;
  startedAt: number;
  completedAt: number | null;
  completionNote: string | null;
  evaluation: EvaluationResult | null;
  updatedAt: number;
}

export interface EvaluationResult {
  asked: number;
  rated: number;
  distribution: Record<SatisfactionLevel, number>;
  satisfiedShare: number | null;
  closedBy: 'all_rated' | 'window_passed';
  evaluatedAt: string;
}

export interface DemoMilestone {
  id: string;
  proposalId: string;
  communityKey: string;
  title: string;
  plannedOn: string;
  doneAt: number | null;
  doneBy: string | null;
  createdAt: number;
}

export interface DemoProgress {
  id: string;
  proposalId: string;
  communityKey: string;
  note: string;
  recordedAt: number;
  recordedBy: string;
}

export interface DemoEvaluationTask {
  id: string;
  proposalId: string;
  communityKey: string;
  residentKey: string;
  status: 'open' | 'done' | 'unreachable';
  dueAt: number;
  createdAt: number;
  completedAt: number | null;
  resultAttemptId: string | null;
  tries: number;
}

export interface DemoEvaluationAttempt {
  id: string;
  taskId: string;
  communityKey: string;
  residentKey: string;
  satisfaction: SatisfactionLevel;
  solved: SolvedAnswer;
  notes: string | null;
  recordedAt: number;
}

export interface DemoParticipation {
  residentKey: string;
  communityKey: string;
  act: ParticipationAct;
  subjectType: 'proposal' | 'meeting' | 'agenda_item';
  subjectId: string;
  proposalId: string | null;
  at: number;
}

export interface DemoProposalCase {
  proposalId: string;
  caseKey: string;
  communityKey: string;
  linkedAt: number;
  linkedBy: string;
  carriedFromId: string | null;
}

export interface DemoTakenToCouncil {
  caseKey: string;
  at: number;
  actorUsername: string;
  data: { proposalId: string; proposalNumber: string; title: string };
}

export interface CouncilHistory {
  /** Residents on record who took part in the councils, beyond the organisation's sample. */
  residents: DemoResident[];
  councils: DemoCouncil[];
  members: DemoCouncilMember[];
  proposals: DemoProposal[];
  supports: DemoSupport[];
  followers: {
    proposalId: string;
    residentKey: string;
    communityKey: string;
    reason: 'follow' | 'case' | 'merged';
    at: number;
  }[];
  comments: DemoComment[];
  proposalCases: DemoProposalCase[];
  takenToCouncil: DemoTakenToCouncil[];
  meetings: DemoMeeting[];
  agendaItems: DemoAgendaItem[];
  attendance: DemoAttendance[];
  votes: DemoVote[];
  implementations: DemoImplementation[];
  milestones: DemoMilestone[];
  progress: DemoProgress[];
  evaluationTasks: DemoEvaluationTask[];
  evaluationAttempts: DemoEvaluationAttempt[];
  participation: DemoParticipation[];
  events: DemoStreamEvent[];
  /** Per community: the share of its residents on record it aimed to see take part. */
  targets: Map<string, number>;
  /** The last proposal number used (the API's sequence continues after it). */
  lastNumber: number;
}

export interface CouncilHistoryOptions {
  org: DemoOrg;
  cases: readonly DemoCase[];
  referenceDate: string;
  seed?: number;
}

/** Evaluation window, as FOLLOW_UP_EVALUATION_DAYS. */
export const EVALUATION_DAYS = 14;
const DAY = 86_400;
const SHANGHAI = 8 * 3600;
/** Local Asia/Shanghai wall-clock time on a day number, as epoch seconds. */
const local = (day: number, minute: number): number => day * DAY + minute * 60 - SHANGHAI;
/** The day number (Asia/Shanghai) of an instant. */
const dayOf = (t: number): number => Math.floor((t + SHANGHAI) / DAY);

/** Councils with rules of their own; the rest keep the defaults. */
const OWN_RULES: Readonly<Record<number, Partial<CouncilRules>>> = {
  5: { supportThresholdKind: 'count', supportThresholdCount: 80 },
  12: { supportSharePercent: 3, supportMinimum: 20 },
  20: { quorumKind: 'two_thirds' },
  33: { adoptionRule: 'two_thirds_of_present' satisfies AdoptionRule },
  41: { quorumKind: 'count', quorumCount: 5 },
};
/** Communities whose second meeting lacked quorum and was adjourned. */
const ADJOURNED = new Set([8, 27]);

function uuidOf(rng: Rng): string {
  let hex = '';
  for (let i = 0; i < 4; i++)
    hex += Math.floor(rng.float() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16]!, 16) & 3]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const LEVELS_GOOD: readonly (readonly [SatisfactionLevel, number])[] = [
  ['very_satisfied', 55],
  ['satisfied', 33],
  ['basically_satisfied', 9],
  ['dissatisfied', 2],
  ['very_dissatisfied', 1],
];

interface Resident {
  key: string;
  name: string;
  compoundKey: string;
  registeredAt: number;
}

/** Generates the councils' year. Throws when a step would break the API's own rules. */
export function generateCouncilHistory(o: CouncilHistoryOptions): CouncilHistory {
  const seed = o.seed ?? DEFAULT_SEED;
  const refDay = dayNumber(o.referenceDate);
  const out: CouncilHistory = {
    residents: [],
    councils: [],
    members: [],
    proposals: [],
    supports: [],
    followers: [],
    comments: [],
    proposalCases: [],
    takenToCouncil: [],
    meetings: [],
    agendaItems: [],
    attendance: [],
    votes: [],
    implementations: [],
    milestones: [],
    progress: [],
    evaluationTasks: [],
    evaluationAttempts: [],
    participation: [],
    events: [],
    targets: new Map(),
    lastNumber: 0,
  };
  const phones = new PhoneBook();
  for (const r of o.org.residents) phones.reserve(r.phone);
  const numbering = { n: 0 };
  const concernCases = new Map<string, DemoCase[]>();
  for (const c of o.cases)
    if (c.kind === 'concern') {
      const list = concernCases.get(c.communityKey);
      if (list) list.push(c);
      else concernCases.set(c.communityKey, [c]);
    }
  // Participation aims: 63%–97% of the residents on record, averaging about 80%.
  const order = Rng.derive(seed, 'council:targets').shuffle(o.org.communities.map((_, i) => i));
  o.org.communities.forEach((c, i) => {
    const rank = order.indexOf(i) / Math.max(1, o.org.communities.length - 1);
    out.targets.set(c.key, c.key === 'cuiyulu' ? 0.93 : 0.63 + 0.34 * rank);
  });
  o.org.communities.forEach((community, index) => {
    new CommunityCouncil(
      o,
      out,
      phones,
      numbering,
      refDay,
      seed,
      community.key,
      index,
      concernCases.get(community.key) ?? [],
    ).generate();
  });
  out.lastNumber = numbering.n;
  return out;
}

interface Plan {
  p: DemoProposal;
  supports: Map<string, DemoSupport>;
  followers: Set<string>;
  template: ProposalTemplate | null;
}

class CommunityCouncil {
  private readonly rng: Rng;
  private readonly rules: CouncilRules;
  private readonly threshold: number;
  private readonly residents: Resident[] = [];
  private readonly byKey = new Map<string, Resident>();
  /** Residents who take part this year; nobody else acts. */
  private readonly takers: Resident[] = [];
  private readonly takerSet = new Set<string>();
  private readonly acted = new Set<string>();
  private readonly workers: string[];
  private readonly admin: string | null;
  private readonly staff: string[];
  private readonly names = new Map<string, string>();
  private readonly compounds: { key: string; name: string; households: number }[];
  private members: DemoCouncilMember[] = [];
  private seq = 0;
  private readonly first: number;
  private readonly last: number;
  private readonly templates: ProposalTemplate[];
  private readonly supportsOf = new Map<string, Plan>();
  private readonly commented = new Set<string>();
  private readonly attended = new Set<string>();

  constructor(
    private readonly o: CouncilHistoryOptions,
    private readonly out: CouncilHistory,
    private readonly phones: PhoneBook,
    private readonly numbering: { n: number },
    private readonly refDay: number,
    seed: number,
    private readonly key: string,
    private readonly index: number,
    private readonly concerns: readonly DemoCase[],
  ) {
    this.rng = Rng.derive(seed, `council:${key}`);
    const community = o.org.communities.find((c) => c.key === key)!;
    this.rules = { ...DEFAULT_COUNCIL_RULES, ...(OWN_RULES[index] ?? {}) };
    this.threshold = supportThresholdOf(this.rules, community.households);
    this.compounds = o.org.compounds.filter((c) => c.communityKey === key);
    this.first = refDay - 360;
    this.last = refDay - 1;
    const staff = o.org.staff.filter((s) => s.scopeKey === key || s.scopeKey.startsWith(`${key}.`));
    for (const s of o.org.staff) this.names.set(s.username, s.displayName);
    this.workers = staff.filter((s) => s.role === 'community_worker').map((s) => s.username);
    this.admin = staff.find((s) => s.role === 'community_admin')?.username ?? null;
    this.staff = staff
      .filter((s) =>
        ['desk_staff', 'grid_worker', 'community_worker', 'community_admin'].includes(s.role),
      )
      .map((s) => s.username);
    if (this.workers.length === 0) this.workers.push(...this.staff);
    for (const r of o.org.residents)
      if (r.communityKey === key)
        this.addResident(r.key, r.name, r.compoundKey, Date.parse(r.registeredAt) / 1000);
    this.templates = this.rng.shuffle(
      PROPOSAL_TEMPLATES.filter((t) => !(key === 'cuiyulu' && t.garbageOrDrying)),
    );
  }

  private addResident(key: string, name: string, compoundKey: string, registeredAt: number): void {
    const r = { key, name, compoundKey, registeredAt };
    this.residents.push(r);
    this.byKey.set(key, r);
  }

  generate(): void {
    this.extraResidents();
    this.chooseTakers();
    this.council();
    if (this.key === 'cuiyulu') this.vacantLot();
    this.year();
    this.fillParticipation();
  }

  // People

  private extraResidents(): void {
    const rng = Rng.derive(this.rng.int(0, 2 ** 31), 'residents');
    const count = Math.ceil(this.threshold * 2.1);
    const weights = this.compounds.map((c) => c.households);
    for (let i = 1; i <= count; i++) {
      const compound = rng.weighted(this.compounds, weights);
      const male = rng.chance(0.48);
      const age = rng.int(22, 82);
      const birthYear = dayNumberYear(this.refDay) - age;
      const birth = `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      const name = chineseName(rng, male ? 'm' : 'f', birthYear);
      // Registered before every sample resident (those joined within REGISTRATION_WINDOW_DAYS), so the
      // newest-first resident lists start as they did.
      const registeredAt = local(
        this.refDay - rng.int(REGISTRATION_WINDOW_DAYS + 10, 1500),
        rng.int(8 * 60, 21 * 60),
      );
      const key = `${this.key}.v${String(i).padStart(4, '0')}`;
      this.out.residents.push({
        key,
        name,
        phone: this.phones.mobile(rng),
        idNumber: residentId(rng, birth, male),
        communityKey: this.key,
        compoundKey: compound.key,
        foreign: false,
        nationality: 'CN',
        preferredLanguage: 'zh-CN',
        registeredAt: new Date(registeredAt * 1000).toISOString(),
      });
      this.addResident(key, name, compound.key, registeredAt);
    }
  }

  private chooseTakers(): void {
    const target = Math.round(this.out.targets.get(this.key)! * this.residents.length);
    const demo = this.byKey.get(DEMO_RESIDENT_KEY);
    const pool = this.rng.shuffle(this.residents).filter((r) => r !== demo);
    if (demo) pool.unshift(demo);
    for (const r of pool.slice(0, target)) {
      this.takers.push(r);
      this.takerSet.add(r.key);
    }
  }

  /** Takers registered by `t`, not yet in `exclude`, `n` of them at random. */
  private drawTakers(
    n: number,
    t: number,
    exclude: Set<string> | Map<string, unknown>,
    compound?: string,
  ): Resident[] {
    const fit = this.takers.filter((r) => r.registeredAt < t && !exclude.has(r.key));
    const near = compound ? fit.filter((r) => r.compoundKey === compound) : [];
    const rest = compound ? fit.filter((r) => r.compoundKey !== compound) : fit;
    const picked = [...this.rng.shuffle(near), ...this.rng.shuffle(rest)];
    // Residents of the compound concerned come first, then the rest of the community.
    const nearShare = compound ? Math.min(near.length, Math.round(n * 0.7)) : 0;
    return [
      ...picked.slice(0, nearShare),
      ...this.rng.shuffle(picked.slice(nearShare)).slice(0, n - nearShare),
    ];
  }

  // The council

  private council(): void {
    const councilId = uuidOf(this.rng);
    const start = this.first - this.rng.int(60, 400);
    this.out.councils.push({
      id: councilId,
      communityKey: this.key,
      rules: this.rules,
      createdAt: local(start - 3, 10 * 60),
    });
    const termStart = civilFromDays(start);
    const residentsOnFile = this.takers.filter(
      (r) => r.registeredAt < local(start, 0) && !r.key.includes('.v'),
    );
    const pool =
      residentsOnFile.length >= 8
        ? residentsOnFile
        : this.takers.filter((r) => r.registeredAt < local(start, 0));
    const elected = this.rng.shuffle(pool).slice(0, 8);
    const roles: DemoCouncilMember['role'][] = [
      'chair',
      'vice_chair',
      'member',
      'member',
      'member',
      'member',
      'member',
    ];
    const add = (
      m: Omit<DemoCouncilMember, 'id' | 'councilId' | 'communityKey'>,
    ): DemoCouncilMember => {
      const row = { id: uuidOf(this.rng), councilId, communityKey: this.key, ...m };
      this.members.push(row);
      this.out.members.push(row);
      this.councilEvent(councilId, row.createdAt, {
        type: 'member_added',
        memberId: row.id,
        role: row.role,
      });
      return row;
    };
    const own = OWN_RULES[this.index];
    if (own)
      this.councilEvent(councilId, local(start - 3, 10 * 60), {
        type: 'rules_changed',
        changed: Object.keys(own),
      });
    const created = local(start - 2, 15 * 60);
    roles.forEach((role, i) => {
      const r = elected[i];
      if (r)
        add({
          kind: 'resident',
          role,
          residentKey: r.key,
          staffUsername: null,
          name: null,
          organisation: null,
          termStart,
          termEnd: null,
          createdAt: created,
        });
    });
    add({
      kind: 'staff',
      role: 'secretary',
      residentKey: null,
      staffUsername: at(this.workers, 0),
      name: null,
      organisation: null,
      termStart,
      termEnd: null,
      createdAt: created,
    });
    for (const [title, organisation] of OUTSIDE_MEMBERS) {
      const name = chineseName(
        this.rng,
        this.rng.chance(0.6) ? 'm' : 'f',
        1975 + this.rng.int(0, 20),
      );
      const compound = at(this.compounds, 0).name;
      add({
        kind: 'other',
        role: 'member',
        residentKey: null,
        staffUsername: null,
        name,
        organisation:
          organisation === '派出所'
            ? `辖区派出所（${title}）`
            : `${compound}${organisation}（${title}）`,
        termStart,
        termEnd: null,
        createdAt: created,
      });
    }
    // One elected member moved away mid-year; the next on the list took the seat.
    const leaving = this.members.find((m) => m.kind === 'resident' && m.role === 'member');
    const successor = elected[7];
    if (leaving && successor) {
      const endDay = this.first + this.rng.int(120, 200);
      leaving.termEnd = civilFromDays(endDay);
      this.councilEvent(councilId, local(endDay, 15 * 60), {
        type: 'member_changed',
        memberId: leaving.id,
        changed: ['termEnd'],
      });
      add({
        kind: 'resident',
        role: 'member',
        residentKey: successor.key,
        staffUsername: null,
        name: null,
        organisation: null,
        termStart: civilFromDays(endDay + 1),
        termEnd: null,
        createdAt: local(endDay, 16 * 60),
      });
    }
  }

  /** The community admin changes the council (`CouncilsService`): told to the community's staff. */
  private councilEvent(councilId: string, t: number, data: Record<string, unknown>): void {
    this.event({
      name: 'council.updated',
      at: t,
      subjectType: 'council',
      subjectId: councilId,
      toCommunity: true,
      residents: [],
      staff: [],
      actor: { kind: 'staff', username: this.admin ?? at(this.workers, 0) },
      data,
    });
  }

  private serving(day: number): DemoCouncilMember[] {
    const d = civilFromDays(day);
    return this.members.filter((m) => m.termStart <= d && (m.termEnd === null || m.termEnd >= d));
  }

  // Events and acts

  private event(e: Omit<DemoStreamEvent, 'seq' | 'communityKey'>): void {
    this.out.events.push({ ...e, seq: this.seq++, communityKey: this.key });
  }

  private participate(
    residentKey: string,
    act: ParticipationAct,
    subjectType: DemoParticipation['subjectType'],
    subjectId: string,
    proposalId: string | null,
    t: number,
  ): void {
    if (!this.takerSet.has(residentKey))
      throw new Error(`demo council: ${residentKey} is not among the residents taking part`);
    this.acted.add(residentKey);
    this.out.participation.push({
      residentKey,
      communityKey: this.key,
      act,
      subjectType,
      subjectId,
      proposalId,
      at: t,
    });
  }

  private audience(plan: Plan): string[] {
    const out = new Set<string>();
    for (const s of plan.supports.values()) if (s.withdrawnAt === null) out.add(s.residentKey);
    for (const f of plan.followers) out.add(f);
    return [...out];
  }

  private proposalEvent(
    plan: Plan,
    type: string,
    t: number,
    actor: DemoActor,
    o: {
      fromStatus?: ProposalStatus | null;
      toStatus?: ProposalStatus | null;
      note?: string | null;
      data?: Record<string, unknown>;
      residents?: string[];
    } = {},
  ): void {
    const p = plan.p;
    const privateDraft = p.submittedAt === null && p.staffUsername === null;
    this.event({
      name: 'proposal.updated',
      at: t,
      subjectType: 'proposal',
      subjectId: p.id,
      toCommunity: !privateDraft,
      residents: [
        ...new Set([
          ...(p.authorKey ? [p.authorKey] : []),
          ...(privateDraft ? [] : (o.residents ?? [])),
        ]),
      ],
      staff: p.staffUsername ? [p.staffUsername] : [],
      actor,
      data: {
        type,
        ...(o.fromStatus !== undefined ? { fromStatus: o.fromStatus } : {}),
        ...(o.toStatus !== undefined ? { toStatus: o.toStatus } : {}),
        ...(o.note ? { note: o.note } : {}),
        ...(o.data ?? {}),
      },
    });
    p.updatedAt = Math.max(p.updatedAt, t);
  }

  /** One lifecycle step by the state table; throws on a move the API refuses. */
  private move(
    plan: Plan,
    action: ProposalAction,
    t: number,
    actor: DemoActor,
    o: { note?: string | null; data?: Record<string, unknown> } = {},
  ): void {
    const p = plan.p;
    const to = PROPOSAL_TRANSITIONS[p.status][action];
    if (!to) throw new Error(`demo council: ${action} is not possible on a ${p.status} proposal`);
    const from = p.status;
    const data: Record<string, unknown> = { action, ...(o.data ?? {}) };
    if (action === 'submit') {
      p.submittedAt = t;
      data['similarIds'] = [];
      if (p.authorKey) this.participate(p.authorKey, 'propose', 'proposal', p.id, p.id, t);
    }
    if (action === 'accept') {
      p.openedAt = t;
      p.supportThreshold = this.threshold;
      data['threshold'] = this.threshold;
    }
    p.status = to;
    p.statusChangedAt = t;
    p.version++;
    this.proposalEvent(plan, 'transition', t, actor, {
      fromStatus: from,
      toStatus: to,
      note: o.note ?? null,
      data,
      residents: this.audience(plan),
    });
  }

  private newProposal(o: {
    template: ProposalTemplate | null;
    title: string;
    description: string;
    topic: ProposalTopic;
    compoundKey: string | null;
    origin: ProposalOrigin;
    author: Resident | null;
    staff: string | null;
    at: number;
    story?: string;
  }): Plan {
    this.numbering.n++;
    const day = civilFromDays(dayOf(o.at)).replace(/-/g, '');
    const p: DemoProposal = {
      id: uuidOf(this.rng),
      number: `YS${day}-${String(this.numbering.n).padStart(6, '0')}`,
      communityKey: this.key,
      compoundKey: o.compoundKey,
      origin: o.origin,
      authorKey: o.author?.key ?? null,
      staffUsername: o.staff,
      title: o.title,
      description: o.description,
      topic: o.topic,
      status: o.origin === 'cases' ? 'submitted' : 'draft',
      supportCount: 0,
      supportThreshold: null,
      readyAt: null,
      mergedIntoId: null,
      rejectionReason: null,
      withdrawalReason: null,
      submittedAt: o.origin === 'cases' ? o.at : null,
      openedAt: null,
      statusChangedAt: o.at,
      version: 1,
      createdAt: o.at,
      updatedAt: o.at,
      story: o.story ?? null,
    };
    this.out.proposals.push(p);
    const plan: Plan = { p, supports: new Map(), followers: new Set(), template: o.template };
    this.supportsOf.set(p.id, plan);
    return plan;
  }

  /** A resident's or staff-written proposal, created and (unless a draft) submitted. */
  private propose(
    template: ProposalTemplate,
    t: number,
    submit: boolean,
    compoundKey?: string,
  ): Plan {
    const compound =
      this.compounds.find((c) => c.key === compoundKey) ?? this.rng.pick(this.compounds);
    const author = this.drawTakers(1, t, new Set(), compound.key)[0]!;
    const byStaff = this.rng.chance(0.3);
    const staff = byStaff ? this.rng.pick(this.staff) : null;
    const plan = this.newProposal({
      template,
      title: template.title.replace('{c}', compound.name),
      description: template.description.replaceAll('{c}', compound.name),
      topic: template.topic,
      compoundKey: author.compoundKey,
      origin: byStaff ? 'staff' : 'resident',
      author,
      staff,
      at: t,
    });
    const actor: DemoActor = staff
      ? { kind: 'staff', username: staff }
      : { kind: 'resident', key: author.key };
    this.proposalEvent(plan, 'created', t, actor, { toStatus: 'draft' });
    if (submit) this.move(plan, 'submit', t + this.rng.int(60, 3 * 3600), actor);
    return plan;
  }

  /** Concern cases of the community taken to the council by staff (`POST /api/proposals/from-cases`). */
  private promote(
    template: ProposalTemplate | null,
    cases: DemoCase[],
    t: number,
    o: {
      title: string;
      description: string;
      topic: ProposalTopic;
      author: Resident | null;
      staff: string;
      story?: string;
    },
  ): Plan {
    const compounds = [...new Set(cases.map((c) => c.compoundKey))];
    const compoundKey = o.author?.compoundKey ?? (compounds.length === 1 ? compounds[0]! : null);
    const plan = this.newProposal({ template, ...o, compoundKey, origin: 'cases', at: t });
    const followers: string[] = [];
    for (const c of cases) {
      this.out.proposalCases.push({
        proposalId: plan.p.id,
        caseKey: c.key,
        communityKey: this.key,
        linkedAt: t,
        linkedBy: o.staff,
        carriedFromId: null,
      });
      if (c.residentKey && c.residentKey !== o.author?.key && !plan.followers.has(c.residentKey)) {
        plan.followers.add(c.residentKey);
        followers.push(c.residentKey);
        this.out.followers.push({
          proposalId: plan.p.id,
          residentKey: c.residentKey,
          communityKey: this.key,
          reason: 'case',
          at: t,
        });
      }
    }
    if (o.author) this.participate(o.author.key, 'propose', 'proposal', plan.p.id, plan.p.id, t);
    this.proposalEvent(
      plan,
      'promoted',
      t,
      { kind: 'staff', username: o.staff },
      {
        toStatus: 'submitted',
        data: { caseIds: cases.map((c) => c.key), similarIds: [] },
        residents: followers,
      },
    );
    for (const c of cases)
      this.out.takenToCouncil.push({
        caseKey: c.key,
        at: t,
        actorUsername: o.staff,
        data: { proposalId: plan.p.id, proposalNumber: plan.p.number, title: plan.p.title },
      });
    return plan;
  }

  /** Screening and acceptance by staff: open for support with the threshold of the day. */
  private screenAndOpen(plan: Plan, t: number): number {
    const staff: DemoActor = { kind: 'staff', username: this.rng.pick(this.staff) };
    const screened = t + this.rng.int(1, 3) * DAY;
    this.move(plan, 'start_screening', screened, staff);
    const opened = screened + this.rng.int(1, 2) * DAY + this.rng.int(0, 3600);
    this.move(plan, 'accept', opened, staff);
    return opened;
  }

  private support(plan: Plan, r: Resident, t: number): void {
    if (plan.p.status !== 'open_for_support')
      throw new Error('demo council: support on a proposal not open for support');
    if (plan.supports.has(r.key)) throw new Error('demo council: a second support');
    const s: DemoSupport = {
      proposalId: plan.p.id,
      residentKey: r.key,
      communityKey: this.key,
      supportedAt: t,
      withdrawnAt: null,
      carriedFromId: null,
    };
    plan.supports.set(r.key, s);
    this.out.supports.push(s);
    this.participate(r.key, 'support', 'proposal', plan.p.id, plan.p.id, t);
    this.proposalEvent(
      plan,
      'supported',
      t,
      { kind: 'resident', key: r.key },
      { residents: [r.key] },
    );
    this.settle(plan, t);
  }

  private withdrawSupport(plan: Plan, key: string, t: number): void {
    const s = plan.supports.get(key)!;
    s.withdrawnAt = t;
    this.proposalEvent(
      plan,
      'support_withdrawn',
      t,
      { kind: 'resident', key },
      { residents: [key] },
    );
    this.settle(plan, t);
  }

  private active(plan: Plan): number {
    let n = 0;
    for (const s of plan.supports.values()) if (s.withdrawnAt === null) n++;
    return n;
  }

  /** As `settleSupports`: the count, and the threshold reached or lost before scheduling. */
  private settle(plan: Plan, t: number): void {
    const p = plan.p;
    const count = this.active(plan);
    p.supportCount = count;
    const open = p.status === 'open_for_support' && p.supportThreshold !== null;
    const ready = open && count >= p.supportThreshold!;
    let type: string | null = null;
    if (ready && p.readyAt === null) {
      p.readyAt = t;
      type = 'threshold_reached';
    } else if (open && !ready && p.readyAt !== null) {
      p.readyAt = null;
      type = 'threshold_lost';
    }
    if (type)
      this.proposalEvent(
        plan,
        type,
        t,
        { kind: 'system', reason: `support_${type}` },
        {
          data: { supportCount: count, threshold: p.supportThreshold },
          residents: this.audience(plan),
        },
      );
  }

  /** `n` supports spread over [from, to), some compound first; a couple withdrawn while below the threshold. */
  private gather(plan: Plan, n: number, from: number, to: number): void {
    if (n <= 0) return;
    const ordered = this.drawTakers(
      n + 4,
      to - DAY,
      plan.supports,
      plan.p.compoundKey ?? undefined,
    ).filter((r) => r.key !== plan.p.authorKey);
    const times = ordered.map(() => this.rng.int(from, to - 1)).sort((a, b) => a - b);
    const goal = this.active(plan) + n;
    let withdrawals = this.rng.int(0, 2);
    // Supports until `n` more are active: a withdrawn one is made up by the next resident.
    for (const [i, r] of ordered.entries()) {
      if (this.active(plan) >= goal) break;
      const t = Math.max(times[i]!, r.registeredAt + 60);
      this.support(plan, r, t);
      const next = times[i + 1] ?? to;
      if (
        withdrawals > 0 &&
        plan.p.readyAt === null &&
        this.active(plan) + 3 < (plan.p.supportThreshold ?? 0) &&
        next - t > 7200 &&
        this.rng.chance(0.03)
      ) {
        withdrawals--;
        this.withdrawSupport(plan, r.key, this.rng.int(t + 600, next - 600));
      }
    }
  }

  private comments(plan: Plan, from: number, to: number): void {
    const n = this.rng.int(0, 5);
    for (let i = 0; i < n; i++) {
      const t = this.rng.int(from, to - 1);
      if (this.rng.chance(0.2)) {
        const username = this.rng.pick(this.staff);
        this.comment(
          plan,
          { kind: 'staff', username },
          this.names.get(username)!,
          this.rng.pick(STAFF_COMMENTS),
          t,
        );
        continue;
      }
      const r = this.drawTakers(1, t, new Set())[0];
      if (!r) continue;
      const hide = this.rng.chance(0.04);
      const [body, reason] = hide
        ? this.rng.pick(HIDDEN_COMMENTS)
        : [this.rng.pick(RESIDENT_COMMENTS), null];
      const c = this.comment(plan, { kind: 'resident', key: r.key }, r.name, body, t);
      if (reason) {
        const by = this.rng.pick(this.staff);
        c.hiddenAt = Math.min(t + this.rng.int(600, 6 * 3600), local(this.refDay, 0) - 60);
        c.hiddenBy = by;
        c.hiddenReason = reason;
        this.proposalEvent(
          plan,
          'comment_hidden',
          c.hiddenAt,
          { kind: 'staff', username: by },
          { data: { commentId: c.id }, residents: [r.key] },
        );
      }
    }
    if (this.rng.chance(0.5)) {
      const f = this.drawTakers(this.rng.int(1, 4), to, plan.followers);
      for (const r of f) {
        const t = this.rng.int(from, to - 1);
        if (t < r.registeredAt) continue;
        plan.followers.add(r.key);
        this.out.followers.push({
          proposalId: plan.p.id,
          residentKey: r.key,
          communityKey: this.key,
          reason: 'follow',
          at: t,
        });
        this.proposalEvent(
          plan,
          'followed',
          t,
          { kind: 'resident', key: r.key },
          { residents: [r.key] },
        );
      }
    }
  }

  private comment(
    plan: Plan,
    actor: DemoActor,
    name: string,
    body: string,
    t: number,
  ): DemoComment {
    const c: DemoComment = {
      id: uuidOf(this.rng),
      proposalId: plan.p.id,
      communityKey: this.key,
      authorKind: actor.kind === 'staff' ? 'staff' : 'resident',
      residentKey: actor.kind === 'resident' ? actor.key : null,
      staffUsername: actor.kind === 'staff' ? actor.username : null,
      authorName: name,
      body,
      createdAt: t,
      hiddenAt: null,
      hiddenBy: null,
      hiddenReason: null,
    };
    this.out.comments.push(c);
    // A second comment by the same resident is no second participation row.
    if (actor.kind === 'resident' && !this.commented.has(`${actor.key}|${plan.p.id}`)) {
      this.commented.add(`${actor.key}|${plan.p.id}`);
      this.participate(actor.key, 'comment', 'proposal', plan.p.id, plan.p.id, t);
    }
    this.proposalEvent(plan, 'commented', t, actor, {
      data: { commentId: c.id },
      residents: actor.kind === 'resident' ? [actor.key] : [],
    });
    return c;
  }

  // Meetings

  private meeting(title: string, day: number, planned: boolean): DemoMeeting {
    const by = this.rng.pick(this.workers);
    // A meeting still ahead was planned in the last days of the history, never after it.
    const created = Math.min(
      local(day - this.rng.int(7, 14), 10 * 60 + this.rng.int(0, 300)),
      local(this.last - 2, 10 * 60),
    );
    const place = this.rng.pick(MEETING_PLACES).replace('{c}', this.rng.pick(this.compounds).name);
    const m: DemoMeeting = {
      id: uuidOf(this.rng),
      communityKey: this.key,
      title,
      startsAt: local(day, 19 * 60),
      place,
      status: planned ? 'planned' : 'closed',
      minutes: null,
      closedAt: null,
      createdBy: by,
      version: 1,
      createdAt: created,
      updatedAt: created,
      adjourned: false,
    };
    this.out.meetings.push(m);
    this.meetingEvent(
      m,
      'created',
      created,
      by,
      { startsAt: new Date(m.startsAt * 1000).toISOString(), place },
      [],
    );
    return m;
  }

  private meetingEvent(
    m: DemoMeeting,
    type: string,
    t: number,
    username: string,
    data: Record<string, unknown>,
    residents: string[],
    bump = true,
  ): void {
    if (bump && type !== 'created') m.version++;
    m.updatedAt = Math.max(m.updatedAt, t);
    this.event({
      name: 'meeting.updated',
      at: t,
      subjectType: 'meeting',
      subjectId: m.id,
      toCommunity: true,
      residents: [...new Set(residents)],
      staff: [],
      actor: { kind: 'staff', username },
      data: { type, ...data },
    });
  }

  private behind(plan: Plan): string[] {
    return [...(plan.p.authorKey ? [plan.p.authorKey] : []), ...this.audience(plan)];
  }

  private addToAgenda(m: DemoMeeting, plan: Plan, t: number, position: number): DemoAgendaItem {
    if (plan.p.status !== 'open_for_support' || plan.p.readyAt === null)
      throw new Error('demo council: a proposal not ready goes on an agenda');
    const by = m.createdBy;
    const item: DemoAgendaItem = {
      id: uuidOf(this.rng),
      meetingId: m.id,
      proposalId: plan.p.id,
      communityKey: this.key,
      position,
      decision: null,
      presentAtDecision: null,
      requiredFor: null,
      decidedAt: null,
      decisionNote: null,
      createdAt: t,
      removed: false,
    };
    this.out.agendaItems.push(item);
    m.version++;
    this.move(
      plan,
      'schedule',
      t,
      { kind: 'staff', username: by },
      { data: { meetingId: m.id, startsAt: new Date(m.startsAt * 1000).toISOString() } },
    );
    this.meetingEvent(
      m,
      'agenda_added',
      t,
      by,
      { agendaItemId: item.id, proposalId: plan.p.id, proposalNumber: plan.p.number },
      this.behind(plan),
      false,
    );
    return item;
  }

  /** Holds a meeting: attendance, then each item voted and decided, then the minutes; or adjourned without quorum. */
  private hold(
    m: DemoMeeting,
    items: { item: DemoAgendaItem; plan: Plan; adopt: boolean }[],
    quorate: boolean,
    minutes?: string,
  ): void {
    const day = dayOf(m.startsAt);
    const serving = this.serving(day);
    const quorum = quorumOf(this.rules, serving.length);
    const by = m.createdBy;
    let t = m.startsAt - 20 * 60;
    const presentCount = quorate
      ? Math.min(serving.length, quorum + this.rng.int(0, serving.length - quorum))
      : Math.max(0, quorum - 2);
    const chair = serving.find((s) => s.role === 'chair');
    const others = this.rng.shuffle(serving.filter((s) => s !== chair));
    const present = (chair ? [chair, ...others] : others).slice(0, presentCount);
    for (const member of present) {
      t += this.rng.int(20, 90);
      const a: DemoAttendance = {
        id: uuidOf(this.rng),
        meetingId: m.id,
        communityKey: this.key,
        kind: 'member',
        memberId: member.id,
        residentKey: member.residentKey,
        recordedAt: t,
        recordedBy: by,
      };
      this.out.attendance.push(a);
      if (member.residentKey)
        this.participate(member.residentKey, 'attend', 'meeting', m.id, null, t);
      this.meetingEvent(
        m,
        'attended',
        t,
        by,
        { attendanceId: a.id, kind: 'member', memberId: member.id },
        [],
      );
    }
    const listeners = this.drawTakers(
      this.rng.int(8, 30),
      t,
      new Set(serving.map((s) => s.residentKey ?? '')),
    );
    for (const r of listeners) this.listen(m, r, (t += this.rng.int(10, 60)));
    if (!quorate) {
      // Nothing is voted without quorum: the items go back to gathering support, the meeting is adjourned.
      t = m.startsAt + 25 * 60;
      for (const { item, plan } of items) {
        item.removed = true;
        m.version++;
        this.move(
          plan,
          'unschedule',
          t,
          { kind: 'staff', username: by },
          { data: { meetingId: m.id } },
        );
        this.meetingEvent(
          m,
          'agenda_removed',
          t,
          by,
          { agendaItemId: item.id, proposalId: plan.p.id },
          this.behind(plan),
          false,
        );
        t += 30;
      }
      m.adjourned = true;
      this.close(
        m,
        t + 300,
        `出席委员${present.length}人，未达到法定人数（应到${serving.length}人，需${quorum}人），会议不能表决，宣布休会。议题退回继续征集支持，下次会议重新列入议程。`,
      );
      return;
    }
    t = m.startsAt + 15 * 60;
    for (const { item, plan, adopt } of items) {
      const required = votesToAdopt(this.rules, present.length, serving.length);
      const voters = this.rng.shuffle(present);
      const tally = { for: 0, against: 0, abstain: 0 };
      const forVotes = adopt
        ? this.rng.int(required, present.length)
        : this.rng.int(0, required - 1);
      voters.forEach((member, i) => {
        const choice: VoteChoice =
          i < forVotes ? 'for' : this.rng.chance(0.6) ? 'against' : 'abstain';
        t += this.rng.int(10, 40);
        const v: DemoVote = {
          id: uuidOf(this.rng),
          agendaItemId: item.id,
          meetingId: m.id,
          memberId: member.id,
          choice,
          recordedAt: t,
          recordedBy: by,
        };
        this.out.votes.push(v);
        tally[choice]++;
        if (member.residentKey)
          this.participate(member.residentKey, 'vote', 'agenda_item', item.id, plan.p.id, t);
        this.meetingEvent(
          m,
          'voted',
          t,
          by,
          { agendaItemId: item.id, proposalId: plan.p.id, memberId: member.id },
          [],
        );
      });
      const decision = tally.for >= required ? 'adopted' : 'not_adopted';
      if ((decision === 'adopted') !== adopt)
        throw new Error('demo council: a tally that contradicts the decision');
      t += 60;
      const note =
        decision === 'adopted'
          ? '表决通过，交社区牵头实施。'
          : '未获通过：委员认为方案和资金来源还需进一步论证。';
      Object.assign(item, {
        decision,
        presentAtDecision: present.length,
        requiredFor: required,
        decidedAt: t,
        decisionNote: note,
      });
      const data = {
        meetingId: m.id,
        agendaItemId: item.id,
        tally,
        present: present.length,
        requiredFor: required,
        adoptionRule: this.rules.adoptionRule,
      };
      const actor: DemoActor = { kind: 'staff', username: by };
      this.move(plan, 'deliberate', t, actor, { data });
      this.move(plan, decision === 'adopted' ? 'adopt' : 'not_adopt', t, actor, { note, data });
      this.meetingEvent(
        m,
        'decided',
        t,
        by,
        { ...data, proposalId: plan.p.id, decision },
        this.behind(plan),
      );
    }
    const decided = items
      .map(({ plan, adopt }) => `“${plan.p.title}”${adopt ? '表决通过' : '未获通过'}`)
      .join('；');
    this.close(
      m,
      t + 600,
      minutes ??
        `应到委员${serving.length}人，实到${present.length}人，达到法定人数。列席居民${listeners.length}人。会议审议了${items.length}项议题：${decided || '无表决事项'}。`,
    );
  }

  private listen(m: DemoMeeting, r: Resident, t: number): void {
    const a: DemoAttendance = {
      id: uuidOf(this.rng),
      meetingId: m.id,
      communityKey: this.key,
      kind: 'resident',
      memberId: null,
      residentKey: r.key,
      recordedAt: t,
      recordedBy: m.createdBy,
    };
    this.out.attendance.push(a);
    this.attended.add(`${m.id}|${r.key}`);
    this.participate(r.key, 'attend', 'meeting', m.id, null, t);
    this.meetingEvent(
      m,
      'attended',
      t,
      m.createdBy,
      { attendanceId: a.id, kind: 'resident', memberId: null },
      [],
    );
  }

  private close(m: DemoMeeting, t: number, minutes: string): void {
    m.status = 'closed';
    m.closedAt = t;
    m.minutes = minutes;
    this.meetingEvent(
      m,
      'closed',
      t,
      m.createdBy,
      { fields: ['status', 'closedAt', 'minutes'] },
      [],
    );
  }

  // Implementation and evaluation

  private implement(
    plan: Plan,
    t: number,
    o: {
      completeAt: number | null;
      doneShare: number;
      evaluate: 'all' | 'window' | 'open' | null;
      good?: boolean;
      scene?: typeof VACANT_LOT_PROPOSAL;
    },
  ): void {
    const template = plan.template;
    const owner = o.scene
      ? 'worker.cuiyulu'
      : this.rng.chance(0.6)
        ? this.rng.pick(this.workers)
        : null;
    const ownerName = owner
      ? this.names.get(owner)!
      : `${this.compounds.find((c) => c.key === plan.p.compoundKey)?.name ?? at(this.compounds, 0).name}物业服务中心`;
    const [lo, hi] = template?.budget ?? [0, 0];
    const budget = o.scene ? o.scene.budgetYuan : Math.round(this.rng.int(lo, hi) / 100) * 100;
    const impl: DemoImplementation = {
      proposalId: plan.p.id,
      communityKey: this.key,
      ownerStaffUsername: owner,
      ownerName,
      plan: o.scene ? o.scene.plan : template!.plan,
      budgetYuan: budget,
      fundingSource: o.scene ? o.scene.fundingSource : template!.funding,
      fundingNote: o.scene ? o.scene.fundingNote : template!.fundingNote,
      startedAt: t,
      completedAt: null,
      completionNote: null,
      evaluation: null,
      updatedAt: t,
    };
    this.out.implementations.push(impl);
    const staff = owner ?? this.rng.pick(this.workers);
    const actor: DemoActor = { kind: 'staff', username: staff };
    const titles = o.scene ? o.scene.milestones : template!.milestones;
    const end = o.completeAt ?? this.refDay * DAY;
    const span = Math.max(DAY * titles.length, (o.completeAt ?? t + 90 * DAY) - t);
    const milestones = titles.map((title, i) => {
      const planned = dayOf(t + ((i + 1) * span) / titles.length);
      const ms: DemoMilestone = {
        id: uuidOf(this.rng),
        proposalId: plan.p.id,
        communityKey: this.key,
        title,
        plannedOn: civilFromDays(planned),
        doneAt: null,
        doneBy: null,
        createdAt: t,
      };
      this.out.milestones.push(ms);
      return ms;
    });
    this.move(plan, 'start_implementation', t, actor, {
      data: { ownerName, budgetYuan: budget, fundingSource: impl.fundingSource },
    });
    const notes = o.scene
      ? o.scene.progress
      : this.rng.shuffle(PROGRESS_NOTES).slice(0, this.rng.int(1, 3));
    const done =
      o.completeAt !== null ? milestones.length : Math.floor(milestones.length * o.doneShare);
    milestones.slice(0, done).forEach((ms, i) => {
      const doneAt = Math.min(
        end - 3600,
        local(dayNumber(ms.plannedOn) - this.rng.int(0, 3), 16 * 60 + this.rng.int(0, 90)),
      );
      ms.doneAt = Math.max(doneAt, t + 3600 * (i + 1));
      ms.doneBy = staff;
      this.proposalEvent(plan, 'milestone_done', ms.doneAt, actor, {
        data: { milestoneId: ms.id },
        residents: this.audience(plan),
      });
    });
    notes.forEach((note, i) => {
      const recordedAt = Math.min(
        end - 7200,
        t + Math.round(((i + 0.5) * (Math.min(end, t + span) - t)) / notes.length),
      );
      const pr: DemoProgress = {
        id: uuidOf(this.rng),
        proposalId: plan.p.id,
        communityKey: this.key,
        note,
        recordedAt,
        recordedBy: staff,
      };
      this.out.progress.push(pr);
      this.proposalEvent(plan, 'progress_added', recordedAt, actor, {
        data: { progressId: pr.id, photos: 0 },
        residents: this.audience(plan),
      });
    });
    if (o.completeAt === null) return;
    const note = o.scene
      ? o.scene.completionNote
      : '项目已按计划完成并通过议事会委员和居民代表验收。';
    this.move(plan, 'complete', o.completeAt, actor, { note });
    impl.completedAt = o.completeAt;
    impl.completionNote = note;
    impl.updatedAt = o.completeAt;
    this.evaluation(plan, impl, o.evaluate ?? 'open', o.good ?? this.rng.chance(0.8));
  }

  /** As the follow-ups module: one task per resident behind the project; answers in the app; the rest lapse. */
  private evaluation(
    plan: Plan,
    impl: DemoImplementation,
    mode: 'all' | 'window' | 'open',
    good: boolean,
  ): void {
    const asked = new Set<string>();
    if (plan.p.authorKey) asked.add(plan.p.authorKey);
    for (const s of plan.supports.values()) if (s.withdrawnAt === null) asked.add(s.residentKey);
    for (const k of this.out.proposalCases) {
      if (k.proposalId !== plan.p.id) continue;
      const c = this.o.cases.find((x) => x.key === k.caseKey);
      if (c?.residentKey) asked.add(c.residentKey);
    }
    const scheduled = impl.completedAt! + 5;
    const dueAt = scheduled + EVALUATION_DAYS * DAY;
    const tasks: DemoEvaluationTask[] = [...asked].sort().map((residentKey) => {
      const task: DemoEvaluationTask = {
        id: uuidOf(this.rng),
        proposalId: plan.p.id,
        communityKey: this.key,
        residentKey,
        status: 'open',
        dueAt,
        createdAt: scheduled,
        completedAt: null,
        resultAttemptId: null,
        tries: 0,
      };
      this.out.evaluationTasks.push(task);
      this.event({
        name: 'followup.updated',
        at: scheduled,
        subjectType: 'follow_up',
        subjectId: task.id,
        toCommunity: false,
        residents: [residentKey],
        staff: [],
        actor: { kind: 'system', reason: 'proposal_completed' },
        data: {
          type: 'evaluation_scheduled',
          proposalId: plan.p.id,
          residentId: residentKey,
          dueAt: new Date(dueAt * 1000).toISOString(),
        },
        dataResidentKey: residentKey,
      });
      return task;
    });
    const horizon =
      mode === 'open' ? Math.min(dueAt, this.refDay * DAY - SHANGHAI - 3600) : dueAt - 600;
    const levels = good ? LEVELS_GOOD : LEVELS_MIXED;
    let last = scheduled;
    const attempts: DemoEvaluationAttempt[] = [];
    for (const task of tasks) {
      const answers =
        this.takerSet.has(task.residentKey) &&
        (mode === 'all' || this.rng.chance(mode === 'window' ? 0.985 : 0.9));
      if (!answers) continue;
      const r = this.byKey.get(task.residentKey)!;
      const t = Math.min(
        horizon - 1,
        scheduled + Math.floor(this.rng.float() ** 2 * (horizon - scheduled)),
      );
      if (t <= scheduled) continue;
      const satisfaction = this.rng.weighted(
        levels.map(([l]) => l),
        levels.map(([, w]) => w),
      );
      const solved: SolvedAnswer = SATISFIED_LEVELS.includes(satisfaction)
        ? this.rng.chance(0.92)
          ? 'yes'
          : 'partly'
        : this.rng.chance(0.5)
          ? 'partly'
          : 'no';
      const attempt: DemoEvaluationAttempt = {
        id: uuidOf(this.rng),
        taskId: task.id,
        communityKey: this.key,
        residentKey: r.key,
        satisfaction,
        solved,
        notes: this.rng.chance(0.2) ? this.rng.pick(EVALUATION_COMMENTS) : null,
        recordedAt: t,
      };
      this.out.evaluationAttempts.push(attempt);
      attempts.push(attempt);
      Object.assign(task, {
        status: 'done',
        completedAt: t,
        resultAttemptId: attempt.id,
        tries: 1,
      });
      this.event({
        name: 'followup.updated',
        at: t,
        subjectType: 'follow_up',
        subjectId: task.id,
        toCommunity: false,
        residents: [r.key],
        staff: [],
        actor: { kind: 'resident', key: r.key },
        data: {
          type: 'evaluated',
          proposalId: plan.p.id,
          residentId: r.key,
          attemptId: attempt.id,
          satisfaction,
        },
        dataResidentKey: r.key,
      });
      this.participate(r.key, 'evaluate', 'proposal', plan.p.id, plan.p.id, t);
      last = Math.max(last, t);
    }
    if (mode === 'open') return;
    let closedAt = last + 2;
    const expiry = dueAt + this.rng.int(30, 290);
    let expired = 0;
    for (const task of tasks) {
      if (task.status !== 'open') continue;
      Object.assign(task, { status: 'unreachable', completedAt: expiry });
      expired++;
      this.event({
        name: 'followup.updated',
        at: expiry,
        subjectType: 'follow_up',
        subjectId: task.id,
        toCommunity: false,
        residents: [task.residentKey],
        staff: [],
        actor: { kind: 'system', reason: 'evaluation_window_passed' },
        data: { type: 'evaluation_expired', proposalId: plan.p.id, residentId: task.residentKey },
        dataResidentKey: task.residentKey,
      });
    }
    if (expired > 0) closedAt = expiry + 1;
    const distribution = {
      very_satisfied: 0,
      satisfied: 0,
      basically_satisfied: 0,
      dissatisfied: 0,
      very_dissatisfied: 0,
    };
    for (const a of attempts) distribution[a.satisfaction]++;
    const rated = attempts.length;
    const satisfied = SATISFIED_LEVELS.reduce((s, l) => s + distribution[l], 0);
    const result: EvaluationResult = {
      asked: tasks.length,
      rated,
      distribution,
      satisfiedShare: rated ? Math.round((satisfied / rated) * 10_000) / 10_000 : null,
      closedBy: expired > 0 ? 'window_passed' : 'all_rated',
      evaluatedAt: new Date(closedAt * 1000).toISOString(),
    };
    impl.evaluation = result;
    impl.updatedAt = closedAt;
    this.move(
      plan,
      'evaluate',
      closedAt,
      { kind: 'system', reason: expired > 0 ? 'evaluation_window_passed' : 'evaluation_done' },
      { data: { ...result } },
    );
  }

  // The year

  /** The seed's first scene: the dump on the vacant lot in 尚格博园, from the complaints to the evaluated project. */
  private vacantLot(): void {
    const shangge = this.compounds.find((c) => c.name === '尚格博园');
    if (!shangge) return;
    const story = this.concerns
      .filter((c) => c.compoundKey === shangge.key && c.description.includes('空地'))
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    const base = story.find((c) => c.channel === 'council') ?? story.at(-1);
    if (!base) return;
    const promotedAt = Date.parse(base.submittedAt) / 1000 + 3 * DAY;
    const garbage = this.concerns.filter(
      (c) =>
        c.compoundKey === shangge.key &&
        c.categoryCode === 'garbage' &&
        Date.parse(c.submittedAt) / 1000 < promotedAt &&
        !story.includes(c),
    );
    const cases = [
      ...story.filter((c) => Date.parse(c.submittedAt) / 1000 < promotedAt),
      ...garbage.slice(-2),
    ];
    const worker = 'worker.cuiyulu';
    const authorKey = cases.find(
      (c) => c.residentKey && this.takerSet.has(c.residentKey),
    )?.residentKey;
    const author = authorKey ? this.byKey.get(authorKey)! : null;
    const scene = VACANT_LOT_PROPOSAL;
    const plan = this.promote(null, cases, promotedAt, {
      title: scene.title,
      description: scene.description,
      topic: 'environment',
      author,
      staff: worker,
      story: 'vacant_lot',
    });
    const opened = this.screenAndOpen(plan, promotedAt);
    const demo = this.byKey.get(DEMO_RESIDENT_KEY);
    if (demo && demo.registeredAt < opened) this.support(plan, demo, opened + 5 * 3600);
    this.gather(
      plan,
      Math.ceil(this.threshold * 1.18) - this.active(plan),
      opened + 6 * 3600,
      opened + 18 * DAY,
    );
    this.comments(plan, opened, opened + 18 * DAY);
    const meetingDay = dayOf(opened) + 24;
    const m = this.meeting(scene.meetingTitle, meetingDay, false);
    const item = this.addToAgenda(m, plan, Math.max(opened + 19 * DAY, m.createdAt + 600), 1);
    this.hold(m, [{ item, plan, adopt: true }], true, scene.minutes);
    const start = local(meetingDay + 12, 9 * 60 + 30);
    this.implement(plan, start, {
      completeAt: local(meetingDay + 95, 16 * 60),
      doneShare: 1,
      evaluate: 'window',
      good: true,
      scene,
    });
  }

  private year(): void {
    const rng = this.rng;
    const adjourned = ADJOURNED.has(this.index);
    const meetingDays = [75, 165, 255, 330].map((d) => this.first + d + rng.int(-5, 5));
    const templates = [...this.templates];
    const next = (): ProposalTemplate => templates.shift() ?? rng.pick(PROPOSAL_TEMPLATES);
    const schedule: {
      k: number;
      adopt: boolean;
      then: 'evaluated' | 'completed' | 'in_implementation' | 'adopted' | 'not_adopted';
    }[] = [
      { k: 0, adopt: true, then: 'evaluated' },
      { k: 0, adopt: false, then: 'not_adopted' },
      { k: 1, adopt: true, then: rng.chance(0.3) ? 'evaluated' : 'in_implementation' },
      { k: 2, adopt: true, then: this.index % 3 === 0 ? 'completed' : 'in_implementation' },
      { k: 2, adopt: true, then: 'in_implementation' },
      { k: 3, adopt: true, then: 'adopted' },
    ];
    if (rng.chance(0.4)) schedule.push({ k: 3, adopt: false, then: 'not_adopted' });
    const plans: { plan: Plan; s: (typeof schedule)[number] }[] = [];
    const promoteOne = this.key !== 'cuiyulu' && this.index % 3 !== 2;
    for (const s of schedule) {
      const meetingDay = meetingDays[s.k]!;
      const created = local(meetingDay - rng.int(40, 60), rng.int(9 * 60, 21 * 60));
      const template = next();
      let plan: Plan | null = null;
      if (
        promoteOne &&
        s.then === 'in_implementation' &&
        !plans.some((x) => x.plan.p.origin === 'cases')
      )
        plan = this.fromCases(template, created);
      if (!plan) plan = this.propose(template, created, true);
      const opened = this.screenAndOpen(plan, plan.p.submittedAt!);
      this.gather(
        plan,
        this.threshold + rng.int(0, Math.ceil(this.threshold * 0.25)),
        opened + 3600,
        local(meetingDay - 8, 21 * 60),
      );
      this.comments(plan, opened, local(meetingDay - 1, 20 * 60));
      plans.push({ plan, s });
    }
    // A duplicate of the next proposal for the scheduled meeting, merged into it.
    const futureDay = this.refDay + rng.int(6, 14);
    const target = this.propose(next(), local(this.last - 45, 10 * 60), true);
    const duplicate = this.propose(
      target.template!,
      local(this.last - 40, 11 * 60),
      true,
      target.p.compoundKey ?? undefined,
    );
    duplicate.p.title = `${target.p.title}的建议`;
    const targetOpened = this.screenAndOpen(target, target.p.submittedAt!);
    const dupOpened = this.screenAndOpen(duplicate, duplicate.p.submittedAt!);
    const mergeAt = dupOpened + 7 * DAY;
    this.gather(duplicate, Math.ceil(this.threshold * 0.3), dupOpened + 3600, mergeAt - 3600);
    this.gather(target, Math.ceil(this.threshold * 0.85), targetOpened + 3600, mergeAt - 3600);
    this.merge(duplicate, target, mergeAt);
    const short = this.threshold - this.active(target);
    if (short > 0) this.gather(target, short, mergeAt + 600, mergeAt + 6 * DAY);
    // Open for support: one ready for the next meeting but not yet on it, one still gathering.
    const readyOpen = this.propose(next(), local(this.last - 35, 15 * 60), true);
    const roOpened = this.screenAndOpen(readyOpen, readyOpen.p.submittedAt!);
    this.gather(
      readyOpen,
      this.threshold,
      roOpened + 3600,
      Math.min(roOpened + 20 * DAY, local(this.last, 20 * 60)),
    );
    this.comments(readyOpen, roOpened, local(this.last, 20 * 60));
    const gathering = this.propose(next(), local(this.last - 20, 9 * 60), true);
    const gOpened = this.screenAndOpen(gathering, gathering.p.submittedAt!);
    this.gather(
      gathering,
      Math.floor(this.threshold * rng.range(0.2, 0.6)),
      gOpened + 3600,
      local(this.last, 21 * 60),
    );
    this.comments(gathering, gOpened, local(this.last, 21 * 60));
    // Early steps: submitted, screening, a draft; and the closed ends: rejected, withdrawn.
    const submitted = this.propose(next(), local(this.last - rng.int(0, 2), 10 * 60), true);
    this.comments(submitted, submitted.p.submittedAt!, local(this.last, 22 * 60));
    const screening = this.propose(next(), local(this.last - 8, 10 * 60), true);
    this.move(screening, 'start_screening', screening.p.submittedAt! + DAY, {
      kind: 'staff',
      username: rng.pick(this.staff),
    });
    const draftAuthor = this.drawTakers(1, local(this.last - 3, 0), new Set())[0]!;
    const draftTemplate = next();
    const draft = this.newProposal({
      template: draftTemplate,
      title: draftTemplate.title.replace('{c}', this.byCompound(draftAuthor)),
      description: draftTemplate.description.replaceAll('{c}', this.byCompound(draftAuthor)),
      topic: draftTemplate.topic,
      compoundKey: draftAuthor.compoundKey,
      origin: 'resident',
      author: draftAuthor,
      staff: null,
      at: local(this.last - 3, 21 * 60),
    });
    this.proposalEvent(
      draft,
      'created',
      draft.p.createdAt,
      { kind: 'resident', key: draftAuthor.key },
      { toStatus: 'draft' },
    );
    const rejected = this.propose(next(), local(this.first + rng.int(100, 200), 14 * 60), true);
    const staff: DemoActor = { kind: 'staff', username: rng.pick(this.staff) };
    this.move(rejected, 'start_screening', rejected.p.submittedAt! + DAY, staff);
    rejected.p.rejectionReason = rng.pick(REJECTION_REASONS);
    this.move(rejected, 'reject', rejected.p.submittedAt! + 3 * DAY, staff, {
      note: rejected.p.rejectionReason,
    });
    const withdrawn = this.propose(next(), local(this.first + rng.int(120, 220), 20 * 60), true);
    const wOpened = this.screenAndOpen(withdrawn, withdrawn.p.submittedAt!);
    this.gather(withdrawn, rng.int(3, 12), wOpened + 3600, wOpened + 10 * DAY);
    withdrawn.p.withdrawalReason = rng.pick(WITHDRAWAL_REASONS);
    const author: DemoActor = withdrawn.p.staffUsername
      ? { kind: 'staff', username: withdrawn.p.staffUsername }
      : { kind: 'resident', key: withdrawn.p.authorKey! };
    this.move(withdrawn, 'withdraw', wOpened + 12 * DAY, author, {
      note: withdrawn.p.withdrawalReason,
    });

    // The meetings of the year, one adjourned without quorum in a few communities.
    const meetings = meetingDays.map((day, k) =>
      this.meeting(
        `${this.communityName()}幸福议事会第${['一', '二', '三', '四'][k]}次会议`,
        day,
        false,
      ),
    );
    const carried: { plan: Plan; s: (typeof schedule)[number] }[] = [];
    meetings.forEach((m, k) => {
      const due = [...carried.splice(0), ...plans.filter((x) => x.s.k === k)];
      const items = due.map(({ plan }, i) => ({
        item: this.addToAgenda(m, plan, local(meetingDays[k]! - 6, 10 * 60 + i * 5), i + 1),
        plan,
      }));
      if (adjourned && k === 1) {
        this.hold(
          m,
          items.map(({ item, plan }) => ({ item, plan, adopt: true })),
          false,
        );
        carried.push(...due);
        return;
      }
      this.hold(
        m,
        items.map(({ item, plan }) => ({
          item,
          plan,
          adopt: due.find((x) => x.plan === plan)!.s.adopt,
        })),
        true,
      );
      for (const { plan, s } of due) {
        if (!s.adopt) continue;
        const decidedDay = meetingDays[k]!;
        if (s.then === 'adopted') continue;
        const start = local(decidedDay + rng.int(7, 18), 9 * 60 + rng.int(0, 120));
        if (s.then === 'in_implementation')
          this.implement(plan, start, {
            completeAt: null,
            doneShare: rng.range(0.25, 0.75),
            evaluate: null,
          });
        else if (s.then === 'completed')
          this.implement(plan, start, {
            completeAt: local(this.last - rng.int(1, 9), 16 * 60),
            doneShare: 1,
            evaluate: 'open',
          });
        else {
          const completeAt = local(
            Math.min(decidedDay + rng.int(50, 90), this.last - EVALUATION_DAYS - 3),
            16 * 60,
          );
          this.implement(plan, start, {
            completeAt,
            doneShare: 1,
            evaluate: rng.chance(0.15) ? 'all' : 'window',
          });
        }
      }
    });
    const future = this.meeting(`${this.communityName()}幸福议事会第五次会议`, futureDay, true);
    this.addToAgenda(future, target, local(this.last, 10 * 60), 1);
  }

  private byCompound(r: Resident): string {
    return this.compounds.find((c) => c.key === r.compoundKey)!.name;
  }

  private communityName(): string {
    return this.o.org.communities.find((c) => c.key === this.key)!.name;
  }

  /** Staff take one to three concern cases of a compound to the council. */
  private fromCases(template: ProposalTemplate, t: number): Plan | null {
    const taken = new Set(this.out.proposalCases.map((k) => k.caseKey));
    const fit = this.concerns.filter(
      (c) =>
        template.categories.includes(c.categoryCode) &&
        c.compoundKey &&
        Date.parse(c.submittedAt) / 1000 < t - DAY &&
        !taken.has(c.key),
    );
    if (fit.length === 0) return null;
    const anchor = this.rng.pick(fit);
    const cases = fit
      .filter((c) => c.compoundKey === anchor.compoundKey)
      .slice(0, this.rng.int(1, 3));
    if (!cases.includes(anchor)) cases[cases.length - 1] = anchor;
    const compound = this.compounds.find((c) => c.key === anchor.compoundKey)!;
    const authorKey = cases.find(
      (c) =>
        c.residentKey &&
        this.takerSet.has(c.residentKey) &&
        this.byKey.get(c.residentKey)!.registeredAt < t,
    )?.residentKey;
    return this.promote(template, [...new Set(cases)], t, {
      title: template.title.replace('{c}', compound.name),
      description: `${template.description.replaceAll('{c}', compound.name)}（由居民的${cases.length}件反映汇总提交）`,
      topic: template.topic,
      author: authorKey ? this.byKey.get(authorKey)! : null,
      staff: this.rng.pick(this.staff),
    });
  }

  /** Folds a duplicate into its target, as `ProposalsService.merge` and `carryInto`. */
  private merge(from: Plan, into: Plan, t: number): void {
    const staff: DemoActor = { kind: 'staff', username: this.rng.pick(this.staff) };
    const audience = this.audience(from);
    const fromStatus = from.p.status;
    if (!PROPOSAL_TRANSITIONS[fromStatus].merge)
      throw new Error('demo council: merge from a status that does not merge');
    let carried = 0;
    for (const s of from.supports.values()) {
      if (s.withdrawnAt !== null || into.supports.has(s.residentKey)) continue;
      const c: DemoSupport = { ...s, proposalId: into.p.id, carriedFromId: from.p.id };
      into.supports.set(s.residentKey, c);
      this.out.supports.push(c);
      carried++;
    }
    for (const key of [...from.followers, ...(from.p.authorKey ? [from.p.authorKey] : [])]) {
      if (into.followers.has(key)) continue;
      into.followers.add(key);
      this.out.followers.push({
        proposalId: into.p.id,
        residentKey: key,
        communityKey: this.key,
        reason: 'merged',
        at: t,
      });
    }
    from.p.status = 'merged';
    from.p.mergedIntoId = into.p.id;
    from.p.statusChangedAt = t;
    from.p.version++;
    this.proposalEvent(from, 'merged', t, staff, {
      fromStatus,
      toStatus: 'merged',
      note: '与同一事项的议题合并，支持和关注一并转入。',
      data: { intoId: into.p.id, intoNumber: into.p.number, carriedSupports: carried },
      residents: audience,
    });
    this.proposalEvent(into, 'merged_in', t, staff, {
      note: '与同一事项的议题合并，支持和关注一并转入。',
      data: { fromId: from.p.id, fromNumber: from.p.number, carriedSupports: carried },
      residents: this.audience(into),
    });
    this.settle(into, t);
  }

  /** Every resident meant to take part does something: those who have not yet listen in at a meeting. */
  private fillParticipation(): void {
    const closed = this.out.meetings.filter(
      (m) => m.communityKey === this.key && m.status === 'closed' && !m.adjourned,
    );
    // A resident member counts as the member at a meeting, never as a listener.
    const members = new Set(this.members.map((m) => m.residentKey));
    for (const r of this.takers) {
      if (this.acted.has(r.key) || members.has(r.key)) continue;
      const fit = closed.filter(
        (m) => m.startsAt - 1200 > r.registeredAt && !this.attended.has(`${m.id}|${r.key}`),
      );
      if (fit.length === 0) continue;
      const m = this.rng.pick(fit);
      // Listeners sign in as they arrive, before the meeting opens.
      this.listen(m, r, m.startsAt - this.rng.int(60, 1200));
    }
  }
}

const LEVELS_MIXED: readonly (readonly [SatisfactionLevel, number])[] = [
  ['very_satisfied', 30],
  ['satisfied', 38],
  ['basically_satisfied', 20],
  ['dissatisfied', 9],
  ['very_dissatisfied', 3],
];

function dayNumberYear(day: number): number {
  return Number(civilFromDays(day).slice(0, 4));
}
