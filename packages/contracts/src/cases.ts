import type { ResidentLanguage, ResidentVerification } from './residents.js';
import type { StreamPushMap } from './events.js';
import type { Page } from './org.js';
import type { FollowUpScript } from './follow-ups.js';
import type { CaseFiledBy, CategoryOpen311 } from './open311.js';

export const CASE_KINDS = ['affair', 'inquiry', 'concern', 'dispute'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_CHANNELS = [
  'app',
  'desk',
  'phone',
  'grid_patrol',
  'hotline_12345',
  'council',
  'open311',
] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const CASE_STATUSES = [
  'submitted',
  'accepted',
  'in_progress',
  'waiting_resident',
  /** Waiting for someone else (the property company, a utility…): the SLA clock keeps running. */
  'waiting_third_party',
  'resolved',
  'closed',
  'rejected',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What staff can do to a case's state. Transfer, assignment and escalation are events, not states. */
export const CASE_ACTIONS = [
  'accept',
  'start',
  'wait_resident',
  'wait_third_party',
  'resume',
  'resolve',
  'close',
  'reject',
  'reopen',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The lifecycle: from a status, which action leads where. */
export const CASE_TRANSITIONS: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>> = {
  submitted: { accept: 'accepted', reject: 'rejected' },
  accepted: {
    start: 'in_progress',
    wait_resident: 'waiting_resident',
    wait_third_party: 'waiting_third_party',
    resolve: 'resolved',
    reject: 'rejected',
  },
  in_progress: {
    wait_resident: 'waiting_resident',
    wait_third_party: 'waiting_third_party',
    resolve: 'resolved',
  },
  waiting_resident: { resume: 'in_progress' },
  waiting_third_party: { resume: 'in_progress', resolve: 'resolved' },
  resolved: { close: 'closed', reopen: 'in_progress' },
  closed: {},
  rejected: {},
};

export const CASE_EVENT_TYPES = [
  'created',
  'transition',
  'assigned',
  'transferred',
  'escalated',
  'repeat_linked',
  'repeat_dismissed',
  'mediation_recorded',
  'overdue',
  'note',
  /** The handling desk's hours changed and the system recomputed the due times. */
  'due_recomputed',
  /** Staff took the concern to the council (幸福议事会): `data.proposalId`, `data.proposalNumber`. */
  'taken_to_council',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/**
 * What a system-made event says, as a code in its `data.noteCode` (with `data.noteParams`) that the
 * front ends translate; such events store no sentence in `note`. Older events without a code keep
 * their note.
 */
export const SYSTEM_NOTE_CODES = [
  /** Not accepted within the category's time: the desk is alerted, the community admin told. */
  'accept_overdue',
  /** Not resolved within the category's time: the desk is alerted, the community admin told. */
  'resolve_overdue',
  /** Overdue, so escalated to the community admin. */
  'overdue_escalated',
  /** Resolved with no objection for `days` days: closed. */
  'auto_closed',
  /** The handling desk's opening hours changed: due times recomputed. */
  'due_recomputed',
  /** The follow-up (回访) found the resident satisfied and the matter solved: closed. */
  'followup_satisfied',
  /** The resident declined the follow-up: closed. */
  'followup_declined',
  /** The resident could not be reached in `tries` tries: closed. */
  'followup_unreachable',
  /** The follow-up found the resident dissatisfied or the matter unsolved: reopened for rework by `reworkDueAt`. */
  'followup_dissatisfied',
  /** Reopened for the `reopenCount`-th time: escalated to the street (提级督办). */
  'reopened_escalated',
] as const;
export type SystemNoteCode = (typeof SYSTEM_NOTE_CODES)[number];
/** Values a system note's text needs: instants as ISO strings, counts as numbers. */
export type SystemNoteParams = Record<string, string | number | null>;

/** Who a case waits for besides the resident (`wait_third_party`); the resident sees which. */
export const THIRD_PARTIES = [
  'property_company',
  'utility_company',
  'government_department',
  'contractor',
  'other',
] as const;
export type ThirdParty = (typeof THIRD_PARTIES)[number];

export const SLA_UNITS = ['open_hours', 'working_days'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];

export const MEDIATION_OUTCOMES = ['mediated', 'partially_mediated', 'failed', 'referred'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];

export interface ReplyTemplate {
  id: string;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
}

export interface Category {
  id: string;
  kind: CaseKind;
  code: string;
  nameZh: string;
  nameEn: string;
  /** Accept within this many minutes of the handling desk's opening hours. */
  acceptWithinMinutes: number;
  resolveWithin: { value: number; unit: SlaUnit };
  followUpRequired: boolean;
  /** Public-area matters (a broken stair light) repeat by place, not by resident. */
  publicArea: boolean;
  replyTemplates: ReplyTemplate[];
  /** The follow-up script (回访话术) shown to the worker while recording; null when none. */
  followUpScript?: FollowUpScript | null;
  active: boolean;
  /** How Open311 clients see the category: listed or not, descriptions, keywords, its fields. */
  open311: CategoryOpen311;
}

export interface CasePhoto {
  id: string;
  contentType: string;
  sizeBytes: number;
  /** Served only to those allowed to read the case. */
  url: string;
}

export interface CaseSla {
  acceptDueAt: string | null;
  /** Null while the clock is paused (waiting for the resident; waiting for a third party does not pause). */
  resolveDueAt: string | null;
  acceptOverdue: boolean;
  resolveOverdue: boolean;
  paused: boolean;
}

export interface CaseSummary {
  id: string;
  /** Human number, e.g. BT20261127-0042. */
  number: string;
  kind: CaseKind;
  categoryId: string;
  categoryName: string;
  categoryNameEn: string;
  channel: CaseChannel;
  status: CaseStatus;
  communityId: string;
  compoundId: string | null;
  compoundName: string | null;
  /** English names (empty when unknown: show the Chinese), as `categoryNameEn`. */
  compoundNameEn: string | null;
  deskId: string;
  deskName: string;
  deskNameEn: string;
  residentId: string | null;
  residentName: string | null;
  /** Masked; staff who serve residents read the full number through the audited contact call. */
  residentPhoneMasked: string | null;
  /** The requester's standing: `unverified` marks a request of a self-registered resident. */
  residentVerification: ResidentVerification | null;
  assigneeId: string | null;
  assigneeName: string | null;
  /** Whom the case waits for while `waiting_third_party`; null otherwise. */
  waitingFor: ThirdParty | null;
  summary: string;
  submittedAt: string;
  updatedAt: string;
  sla: CaseSla;
  reopenCount: number;
  repeatOfId: string | null;
  escalated: boolean;
  version: number;
}

export interface CaseDetail extends CaseSummary {
  description: string;
  place: string | null;
  photos: CasePhoto[];
  acceptedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  resolution: string | null;
  rejectionReason: string | null;
  /** Staff decision on repeat candidates: null until decided. */
  repeatDecision: { decision: 'linked' | 'dismissed'; byName: string; at: string } | null;
  mediation: Mediation | null;
  /**
   * The language the resident reads (`zh-CN`, `en`): staff reply in it and reply templates are
   * inserted in it. Null for a walk-in or phone caller not on record.
   */
  residentPreferredLanguage: ResidentLanguage | null;
  /** Actions allowed from the current status (the UI offers only these). */
  allowedActions: CaseAction[];
  /** The client application that filed the case over Open311; staff only, null otherwise. */
  filedBy: CaseFiledBy | null;
}

export interface CaseEvent {
  /** Monotonic id from the event table; reconnecting clients ask for events after the last one they saw. */
  id: string;
  caseId: string;
  type: CaseEventType;
  at: string;
  actorKind: 'staff' | 'resident' | 'system' | 'client';
  actorName: string | null;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  note: string | null;
  data: Record<string, unknown>;
}

export interface Mediation {
  /** Once the dispute is resolved the record is locked: only the community admin corrects it, with a reason. */
  locked: boolean;
  parties: { name: string; role: string; phoneMasked?: string }[];
  mediatorName: string;
  sessions: { at: string; note: string }[];
  outcome: MediationOutcome | null;
  agreement: string | null;
}

export interface RepeatCandidate {
  caseId: string;
  number: string;
  summary: string;
  categoryName: string;
  resolvedAt: string | null;
  /** Why it was proposed: same resident, same household/compound, or text similarity 0..1. */
  reason: 'pointed_by_resident' | 'same_resident' | 'same_place';
  similarity: number;
}

export interface CreateCaseRequest {
  categoryId: string;
  description: string;
  compoundId?: string;
  place?: string;
  /** Staff intake only; a resident's own request is always channel `app`. */
  channel?: CaseChannel;
  /** Staff intake: an existing resident, or the walk-in's name and phone. */
  residentId?: string;
  walkIn?: { name: string; phone?: string };
  deskId?: string;
  photoIds?: string[];
  /** The resident points to an earlier request of their own. */
  earlierCaseId?: string;
}

export interface TransitionRequest {
  action: CaseAction;
  version: number;
  /** Required for wait_resident: what the resident is asked to provide. */
  note?: string;
  /** Required for reject and reopen. */
  reason?: string;
  /** Required for wait_third_party. */
  thirdParty?: ThirdParty;
  /** Required for resolve. */
  resolution?: string;
}

export type CasePage = Page<CaseSummary>;

export interface CasePush {
  /** The id in the one event stream (all domains) this push came from. */
  eventId: string;
  type: CaseEventType;
  case: CaseSummary;
}

/** The case pushes a client listens for. */
export const CASE_PUSH_EVENTS = [
  'case.created',
  'case.updated',
  'case.assigned',
  'case.overdue',
] as const satisfies readonly (keyof StreamPushMap)[];
export type CasePushEvent = (typeof CASE_PUSH_EVENTS)[number];
