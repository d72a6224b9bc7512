import {
  fromWgs84,
  type CaseKind,
  type CaseStatus,
  type CoordinateSystem,
  type FollowUpOutcome,
  type SatisfactionLevel,
  type SlaUnit,
  type SolvedAnswer,
} from '@baitong/contracts';
import type { Open311Language } from './read-params';

// What a public GeoReport v2 read shows of a case (docs/OPEN311.md): the standard's fields
// and the China profile's `extended_attributes.baitong_status`. Nothing personal leaves here: no
// names, phones, ids or contacts; a private matter (a category that is not `publicArea`) shows
// its category instead of the resident's words and its compound instead of the exact spot.

/** ISO 8601 in China's one offset (no daylight saving): `2026-12-08T10:30:00+08:00`. */
export function open311Time(d: Date | string | null | undefined): string {
  if (d === null || d === undefined) return '';
  const t = new Date(d).getTime();
  return `${new Date(t + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** The standard's two statuses. */
export const OPEN311_STATUS: Record<CaseStatus, 'open' | 'closed'> = {
  submitted: 'open',
  accepted: 'open',
  in_progress: 'open',
  waiting_resident: 'open',
  waiting_third_party: 'open',
  resolved: 'closed',
  closed: 'closed',
  rejected: 'closed',
};

export const caseStatusesOf = (s: 'open' | 'closed'): CaseStatus[] =>
  (Object.keys(OPEN311_STATUS) as CaseStatus[]).filter((k) => OPEN311_STATUS[k] === s);

type Words = Record<Open311Language, string>;

const STATUS_NAMES: Record<CaseStatus, Words> = {
  submitted: { zh: '待受理', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  in_progress: { zh: '办理中', en: 'In progress' },
  waiting_resident: { zh: '待居民补充', en: 'Waiting for the resident' },
  waiting_third_party: { zh: '等待相关单位', en: 'Waiting for another party' },
  resolved: { zh: '已办结', en: 'Resolved' },
  closed: { zh: '已完结', en: 'Closed' },
  rejected: { zh: '不予受理', en: 'Declined' },
};

/** What a client is told of the case's stage when no text of the desk's may be shown. */
const STATUS_NOTES: Record<CaseStatus, Words> = {
  submitted: { zh: '已收到，等待百通岗受理。', en: 'Received; waiting for the desk to accept it.' },
  accepted: { zh: '百通岗已受理，即将办理。', en: 'Accepted by the desk; work starts soon.' },
  in_progress: { zh: '正在办理。', en: 'Being handled.' },
  waiting_resident: {
    zh: '等待居民补充材料或信息。',
    en: 'Waiting for more information from the resident.',
  },
  waiting_third_party: {
    zh: '等待相关单位（如物业、供水供电单位）处理。',
    en: 'Waiting for another party (such as the property company or a utility).',
  },
  resolved: { zh: '已办结。', en: 'Resolved.' },
  closed: { zh: '已完结。', en: 'Closed.' },
  rejected: { zh: '不予受理。', en: 'Declined: not a matter for the community desk.' },
};

/** The four stages a Chinese service request passes: 受理, 办理, 办结, 回访. */
export const BAITONG_STAGES = ['acceptance', 'handling', 'resolution', 'follow_up'] as const;
export type BaitongStage = (typeof BAITONG_STAGES)[number];

const STAGE_NAMES: Record<BaitongStage, Words> = {
  acceptance: { zh: '受理', en: 'Acceptance' },
  handling: { zh: '办理', en: 'Handling' },
  resolution: { zh: '办结', en: 'Resolution' },
  follow_up: { zh: '回访', en: 'Follow-up' },
};

const OUTCOME_NAMES: Record<FollowUpOutcome, Words> = {
  reached: { zh: '联系上', en: 'Reached' },
  unreachable: { zh: '联系不上', en: 'Unreachable' },
  declined: { zh: '拒绝回访', en: 'Declined' },
};

const SATISFACTION_NAMES: Record<SatisfactionLevel, Words> = {
  very_satisfied: { zh: '非常满意', en: 'Very satisfied' },
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
  very_dissatisfied: { zh: '非常不满意', en: 'Very dissatisfied' },
};

const SOLVED_NAMES: Record<SolvedAnswer, Words> = {
  yes: { zh: '已解决', en: 'Solved' },
  partly: { zh: '部分解决', en: 'Partly solved' },
  no: { zh: '未解决', en: 'Not solved' },
};

/** The case kinds as `group` of `services`. */
export const KIND_NAMES: Record<CaseKind, Words> = {
  affair: { zh: '办事', en: 'Affairs' },
  inquiry: { zh: '问事', en: 'Inquiries' },
  concern: { zh: '说事', en: 'Concerns' },
  dispute: { zh: '矛盾纠纷', en: 'Disputes' },
};

/** A follow-up's result, once the latest round has one. */
export type BaitongFollowUp = {
  outcome: FollowUpOutcome;
  outcome_name: string;
  /** Only when the resident was reached. */
  satisfaction: SatisfactionLevel | '';
  satisfaction_name: string;
  solved: SolvedAnswer | '';
  solved_name: string;
  completed_datetime: string;
};

/** `extended_attributes.baitong_status`: the fine-grained state of the China profile. */
export type BaitongStatus = {
  status: CaseStatus;
  status_name: string;
  stage: BaitongStage;
  stage_name: string;
  /** Null until a follow-up of the latest round is recorded (`''`, an empty element, in XML). */
  follow_up: BaitongFollowUp | null;
};

/** One case as the read repository gives it: public columns and, for redaction only, its people. */
export interface RequestRow {
  number: string;
  status: CaseStatus;
  description: string;
  place: string | null;
  submittedAt: Date;
  updatedAt: Date;
  resolveDueAt: Date | null;
  resolution: string | null;
  rejectionReason: string | null;
  lat: number | null;
  lng: number | null;
  mediaUrl: string | null;
  compoundId: string | null;
  categoryCode: string;
  categoryNameZh: string;
  categoryNameEn: string;
  publicArea: boolean;
  acceptWithinMinutes: number;
  resolveWithinValue: number;
  resolveWithinUnit: SlaUnit;
  deskName: string;
  deskNameEn: string;
  deskLat: number;
  deskLng: number;
  communityName: string;
  communityNameEn: string;
  communityLat: number | null;
  communityLng: number | null;
  compoundName: string | null;
  compoundNameEn: string | null;
  compoundLat: number | null;
  compoundLng: number | null;
  /** What the desk asked the resident for, while the case waits for them. */
  waitingNote: string | null;
  /** Whether the case ever had a follow-up task (its stage is then 回访 once resolved). */
  hasFollowUp: boolean;
  followUpDone: boolean;
  followUpCompletedAt: Date | null;
  followUpOutcome: FollowUpOutcome | null;
  followUpSatisfaction: SatisfactionLevel | null;
  followUpSolved: SolvedAnswer | null;
  /** Names and phones of the case's people: never shown, only blanked out of the texts shown. */
  secrets: string[];
}

export type Open311Request = {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string;
  address: string;
  address_id: string;
  zipcode: string;
  lat: number;
  long: number;
  media_url: string;
  extended_attributes: { baitong_status: BaitongStatus };
};

/** A name in the answer's language, the other one when it has none. */
export const named = (zh: string | null, en: string | null, lang: Open311Language): string =>
  (lang === 'en' ? en || zh : zh || en) ?? '';

/** The category's service times, as `service_notice` (also what a POST answers). */
export function serviceNotice(
  c: Pick<RequestRow, 'acceptWithinMinutes' | 'resolveWithinValue' | 'resolveWithinUnit'>,
  lang: Open311Language,
): string {
  const hours = c.resolveWithinUnit === 'open_hours';
  return lang === 'en'
    ? `Accepted within ${c.acceptWithinMinutes} minutes of the desk's opening hours and resolved within ${c.resolveWithinValue} ${hours ? "of the desk's opening hours" : 'working days'}.`
    : `受理时限 ${c.acceptWithinMinutes} 分钟，办结时限 ${c.resolveWithinValue} ${hours ? '个开放小时' : '个工作日'}（按百通岗开放时间计）。`;
}

// What looks like a phone, an ID number or an e-mail address is blanked in any text shown, and so
// are the case's own people by name: a resident may write their number into a description.
const PERSONAL_PATTERNS = [
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /(?<![\dXx])\d{17}[\dXx](?![\dXx])/g,
  /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g,
  /(?<!\d)0\d{2,3}[ -]?\d{7,8}(?!\d)/g,
];

export function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 2) out = out.split(s).join('***');
  for (const re of PERSONAL_PATTERNS) out = out.replace(re, '***');
  return out;
}

function stageOf(r: RequestRow): BaitongStage {
  switch (r.status) {
    case 'submitted':
    case 'rejected':
      return 'acceptance';
    case 'accepted':
    case 'in_progress':
    case 'waiting_resident':
    case 'waiting_third_party':
      return 'handling';
    case 'resolved':
    case 'closed':
      return r.hasFollowUp ? 'follow_up' : 'resolution';
  }
}

export function baitongStatus(r: RequestRow, lang: Open311Language): BaitongStatus {
  const stage = stageOf(r);
  return {
    status: r.status,
    status_name: STATUS_NAMES[r.status][lang],
    stage,
    stage_name: STAGE_NAMES[stage][lang],
    follow_up:
      r.followUpDone && r.followUpOutcome
        ? {
            outcome: r.followUpOutcome,
            outcome_name: OUTCOME_NAMES[r.followUpOutcome][lang],
            satisfaction: r.followUpSatisfaction ?? '',
            satisfaction_name: r.followUpSatisfaction
              ? SATISFACTION_NAMES[r.followUpSatisfaction][lang]
              : '',
            solved: r.followUpSolved ?? '',
            solved_name: r.followUpSolved ? SOLVED_NAMES[r.followUpSolved][lang] : '',
            completed_datetime: open311Time(r.followUpCompletedAt),
          }
        : null,
  };
}

/**
 * The desk's words to the resident (resolution, reason for declining, what is asked of them), for
 * matters of public space; a private matter gets the stage's sentence, as its texts speak of a home.
 */
function statusNotes(r: RequestRow, lang: Open311Language): string {
  const text =
    r.status === 'resolved' || r.status === 'closed'
      ? r.resolution
      : r.status === 'rejected'
        ? r.rejectionReason
        : r.status === 'waiting_resident'
          ? r.waitingNote
          : null;
  if (r.publicArea && text?.trim()) return redact(text.trim(), r.secrets);
  return STATUS_NOTES[r.status][lang];
}

/** The position shown: the exact spot of a public-space matter, else its compound's (or community's, or desk's). */
function positionOf(r: RequestRow): { lat: number; lng: number } {
  if (r.publicArea && r.lat !== null && r.lng !== null) return { lat: r.lat, lng: r.lng };
  if (r.compoundLat !== null && r.compoundLng !== null)
    return { lat: r.compoundLat, lng: r.compoundLng };
  if (r.communityLat !== null && r.communityLng !== null)
    return { lat: r.communityLat, lng: r.communityLng };
  return { lat: r.deskLat, lng: r.deskLng };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

export function toOpen311Request(
  r: RequestRow,
  lang: Open311Language,
  datum: CoordinateSystem,
): Open311Request {
  const category = named(r.categoryNameZh, r.categoryNameEn, lang);
  const community = named(r.communityName, r.communityNameEn, lang);
  const compound = r.compoundName ? named(r.compoundName, r.compoundNameEn, lang) : null;
  const place = r.publicArea && r.place?.trim() ? redact(r.place.trim(), r.secrets) : null;
  const p = fromWgs84(positionOf(r), datum);
  return {
    service_request_id: r.number,
    status: OPEN311_STATUS[r.status],
    status_notes: statusNotes(r, lang),
    service_name: category,
    service_code: r.categoryCode,
    description: r.publicArea ? redact(r.description, r.secrets) : category,
    agency_responsible: `${community} · ${named(r.deskName, r.deskNameEn, lang)}`,
    service_notice: serviceNotice(r, lang),
    requested_datetime: open311Time(r.submittedAt),
    updated_datetime: open311Time(r.updatedAt),
    expected_datetime: open311Time(r.resolveDueAt),
    address: [compound ?? community, place].filter(Boolean).join(' '),
    address_id: r.compoundId ?? '',
    zipcode: '',
    lat: round6(p.lat),
    long: round6(p.lng),
    media_url: r.mediaUrl ?? '',
    extended_attributes: { baitong_status: baitongStatus(r, lang) },
  };
}
