/**
 * The follow-ups (回访) of the demo case history: one per resolution of a case whose category
 * requires one, each told by the case's own events. The case history decides the verdict (the
 * system closes the case after a satisfied, declined or finally unreachable follow-up, or reopens
 * it after a dissatisfied one); this module adds how it went: the method, the tries before the
 * resident was reached, the five-level rating and "was it solved?", the worker's note, and the few
 * appeals staff filed against a rating they thought unfair, with the street's decision.
 *
 * Pure and deterministic like the case history: each case draws from its own seeded stream, so a
 * change to one case's follow-up never moves another's.
 */
import type {
  AppealStatus,
  FollowUpMethod,
  FollowUpOutcome,
  FollowUpStatus,
  FollowUpVerdict,
  SatisfactionLevel,
  SolvedAnswer,
} from '@baitong/contracts';
import type { DemoCase } from './case-history';
import { DEMO_CATEGORIES } from './categories';
import { DEFAULT_SEED, type DemoOrg } from './demo-org';
import { Rng } from './prng';

export interface DemoFollowUpAttempt {
  method: FollowUpMethod;
  outcome: FollowUpOutcome;
  satisfaction: SatisfactionLevel | null;
  solved: SolvedAnswer | null;
  notes: string | null;
  /** The resident's own rating in the app (method `app`); otherwise the assignee recorded it. */
  byResident: boolean;
  /** ISO instant. */
  at: string;
}

export interface DemoFollowUpAppeal {
  /** Index into the follow-up's attempts: the dissatisfied rating appealed against. */
  attempt: number;
  byUsername: string;
  at: string;
  reason: string;
  evidence: string;
  status: AppealStatus;
  decidedByUsername: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

export interface DemoFollowUp {
  caseKey: string;
  /** 1 for the first resolution, 2 after the rework of a dissatisfied one. */
  round: number;
  assigneeUsername: string;
  /** The resolution that scheduled it (ISO). */
  resolvedAt: string;
  status: FollowUpStatus;
  verdict: FollowUpVerdict | null;
  completedAt: string | null;
  attempts: DemoFollowUpAttempt[];
  appeal: DemoFollowUpAppeal | null;
  /** Index into the case's events of the close or reopen this follow-up's result caused. */
  eventIndex: number | null;
}

export interface FollowUpHistoryOptions {
  org: DemoOrg;
  cases: readonly DemoCase[];
  /** YYYY-MM-DD: the demo's "today"; nothing happens from its midnight (Asia/Shanghai) on. */
  referenceDate: string;
  seed?: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** FOLLOW_UP_MAX_TRIES: the third unreachable try closes the follow-up. */
const MAX_TRIES = 3;

const SATISFIED_NOTES = {
  very_satisfied: ['居民表示非常满意。', '居民对处理结果非常满意，感谢社区。'],
  satisfied: ['居民表示满意，问题已解决。', '居民表示满意。'],
  basically_satisfied: ['居民表示基本满意，希望后续继续关注。', '居民基本满意。'],
} as const;
const DISSATISFIED_NOTES = [
  '居民反映问题没有彻底解决，要求重新处理。',
  '居民表示不满意：处理后问题又出现了。',
  '居民认为处理时间太长，问题只解决了一部分。',
] as const;
const DECLINED_NOTES = ['居民表示不需要回访。', '居民称事情已经过去了，不愿接受回访。'] as const;
const UNREACHABLE_NOTES = ['电话无人接听。', '上门未遇，已留言。', '电话关机。'] as const;
const APP_COMMENTS = ['谢谢社区！', '处理很及时。', null, null, null] as const;
const APPEAL_REASONS = [
  {
    reason: '该差评针对的是物业公司的收费问题，不属于社区职责范围。',
    evidence: '物业服务合同第三条；与居民的通话记录。',
  },
  {
    reason: '居民因与邻居的私人矛盾连续给出差评，与办理情况无关。',
    evidence: '网格员走访记录及现场照片。',
  },
] as const;

/** The follow-ups of every case in the history, in case order. */
export function generateFollowUpHistory(options: FollowUpHistoryOptions): DemoFollowUp[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const cutoff = Date.parse(`${options.referenceDate}T00:00:00+08:00`);
  const required = new Set(DEMO_CATEGORIES.filter((c) => c.followUpRequired).map((c) => c.code));
  const registered = new Map(options.org.residents.map((r) => [r.key, Date.parse(r.registeredAt)]));
  const adminOf = new Map<string, string>();
  const streetAdminOf = new Map<string, string>();
  for (const s of options.org.staff) {
    if (s.role === 'community_admin' && !adminOf.has(s.scopeKey))
      adminOf.set(s.scopeKey, s.username);
    if (s.role === 'street_admin' && !streetAdminOf.has(s.scopeKey))
      streetAdminOf.set(s.scopeKey, s.username);
  }
  const streetOf = new Map(options.org.communities.map((c) => [c.key, c.streetKey]));
  const first = Date.parse(`${options.referenceDate}T00:00:00+08:00`) - 365 * DAY;

  const out: DemoFollowUp[] = [];
  for (const c of options.cases) {
    if (!required.has(c.categoryCode)) continue;
    const rng = Rng.derive(seed, `followup:${c.key}`);
    const registeredAt = c.residentKey ? registered.get(c.residentKey) : undefined;
    let round = 0;
    c.events.forEach((e, i) => {
      if (e.type !== 'transition' || e.data.action !== 'resolve') return;
      round++;
      const start = Date.parse(e.at);
      const j = c.events.findIndex(
        (x, k) => k > i && x.type === 'transition' && x.actorKind === 'system',
      );
      const result = j >= 0 ? c.events[j]! : null;
      const reason = typeof result?.data.reason === 'string' ? result.data.reason : null;
      // Later in the year more residents rate in the app themselves.
      const progress = Math.min(1, Math.max(0, (start - first) / (365 * DAY)));
      const canRateInApp = registeredAt !== undefined && registeredAt <= start;
      const fu: DemoFollowUp = {
        caseKey: c.key,
        round,
        assigneeUsername: c.responsibleUsername,
        resolvedAt: e.at,
        status: 'open',
        verdict: null,
        completedAt: null,
        attempts: [],
        appeal: null,
        eventIndex: null,
      };
      out.push(fu);
      if (!result || !reason?.startsWith('followup_')) {
        // Still resolved at the cutoff: open, perhaps after a first unanswered call.
        if (cutoff - start > 1.2 * DAY && rng.chance(0.25)) {
          fu.attempts.push(unreachable(rng, start + DAY + rng.int(0, 4) * HOUR));
        }
        return;
      }
      const end = Date.parse(result.at) - 2000;
      fu.eventIndex = j;
      fu.completedAt = new Date(end).toISOString();
      fu.status = reason === 'followup_unreachable' ? 'unreachable' : 'done';
      fu.verdict = reason === 'followup_dissatisfied' ? 'reopen' : 'close';
      const misses =
        reason === 'followup_unreachable'
          ? MAX_TRIES - 1
          : rng.chance(0.02)
            ? 2
            : rng.chance(0.1)
              ? 1
              : 0;
      for (let k = 1; k <= misses; k++) {
        fu.attempts.push(unreachable(rng, start + ((end - start) * k) / (misses + 1)));
      }
      const at = new Date(end).toISOString();
      if (reason === 'followup_unreachable') {
        fu.attempts.push(unreachable(rng, end));
      } else if (reason === 'followup_declined') {
        fu.attempts.push({
          method: 'phone',
          outcome: 'declined',
          satisfaction: null,
          solved: null,
          notes: rng.pick(DECLINED_NOTES),
          byResident: false,
          at,
        });
      } else {
        const byResident = canRateInApp && rng.chance(0.06 + 0.2 * progress);
        const method: FollowUpMethod = byResident
          ? 'app'
          : rng.weighted<FollowUpMethod>(['phone', 'visit', 'in_person'], [60, 27, 13]);
        const [satisfaction, solved] =
          reason === 'followup_dissatisfied' ? dissatisfiedAnswer(rng) : satisfiedAnswer(rng);
        const notes = byResident
          ? rng.pick(APP_COMMENTS)
          : reason === 'followup_dissatisfied'
            ? rng.pick(DISSATISFIED_NOTES)
            : rng.pick(SATISFIED_NOTES[satisfaction as keyof typeof SATISFIED_NOTES]);
        fu.attempts.push({
          method,
          outcome: 'reached',
          satisfaction,
          solved,
          notes,
          byResident,
          at,
        });
        const admin = adminOf.get(c.communityKey);
        const streetAdmin = streetAdminOf.get(streetOf.get(c.communityKey) ?? '');
        const rated = satisfaction === 'dissatisfied' || satisfaction === 'very_dissatisfied';
        if (rated && admin && streetAdmin && rng.chance(0.15)) {
          const appealedAt = end + DAY + rng.int(1, 6) * HOUR;
          const decidedAt = appealedAt + rng.int(2, 5) * DAY;
          const upheld = rng.chance(0.55);
          const grounds = rng.pick(APPEAL_REASONS);
          const decided = decidedAt < cutoff;
          if (appealedAt < cutoff) {
            fu.appeal = {
              attempt: fu.attempts.length - 1,
              byUsername: admin,
              at: new Date(appealedAt).toISOString(),
              reason: grounds.reason,
              evidence: grounds.evidence,
              status: decided ? (upheld ? 'upheld' : 'rejected') : 'pending',
              decidedByUsername: decided ? streetAdmin : null,
              decidedAt: decided ? new Date(decidedAt).toISOString() : null,
              decisionReason: decided
                ? upheld
                  ? '经核实，差评所涉事项不属于社区办理范围，该评价不计入满意度。'
                  : '经核实，问题确未彻底解决，评价有效，请继续整改。'
                : null,
            };
          }
        }
      }
    });
  }
  return out;
}

function unreachable(rng: Rng, at: number): DemoFollowUpAttempt {
  return {
    method: rng.chance(0.85) ? 'phone' : 'visit',
    outcome: 'unreachable',
    satisfaction: null,
    solved: null,
    notes: rng.pick(UNREACHABLE_NOTES),
    byResident: false,
    at: new Date(at).toISOString(),
  };
}

function satisfiedAnswer(rng: Rng): [SatisfactionLevel, SolvedAnswer] {
  const level = rng.weighted<SatisfactionLevel>(
    ['very_satisfied', 'satisfied', 'basically_satisfied'],
    [62, 30, 8],
  );
  return [level, level === 'basically_satisfied' || rng.chance(0.04) ? 'partly' : 'yes'];
}

/** What reopens a case: 不满意 / 非常不满意, or "not solved" whatever the level. */
function dissatisfiedAnswer(rng: Rng): [SatisfactionLevel, SolvedAnswer] {
  const r = rng.float();
  if (r < 0.5) return ['dissatisfied', rng.chance(0.6) ? 'no' : 'partly'];
  if (r < 0.72) return ['very_dissatisfied', 'no'];
  return ['basically_satisfied', 'no'];
}
