import type { Page } from './org.js';

export const CASE_KINDS = ['affair', 'inquiry', 'concern', 'dispute'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_CHANNELS = [
  'app',
  'desk',
  'phone',
  'grid_patrol',
  'hotline_12345',
  'council',
] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const CASE_STATUSES = [
  'submitted',
  'accepted',
  'in_progress',
  'waiting_resident',
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
    resolve: 'resolved',
    reject: 'rejected',
  },
  in_progress: { wait_resident: 'waiting_resident', resolve: 'resolved' },
  waiting_resident: { resume: 'in_progress' },
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
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

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
  active: boolean;
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
  /** Null while the clock is paused (waiting for the resident). */
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
  deskId: string;
  deskName: string;
  residentId: string | null;
  residentName: string | null;
  /** Masked; staff who serve residents read the full number through the audited contact call. */
  residentPhoneMasked: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
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
  /** Actions allowed from the current status (the UI offers only these). */
  allowedActions: CaseAction[];
}

export interface CaseEvent {
  /** Monotonic id from the event table; reconnecting clients ask for events after the last one they saw. */
  id: string;
  caseId: string;
  type: CaseEventType;
  at: string;
  actorKind: 'staff' | 'resident' | 'system';
  actorName: string | null;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  note: string | null;
  data: Record<string, unknown>;
}

export interface Mediation {
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
  note?: string;
  /** Required for reject. */
  reason?: string;
  /** Required for resolve. */
  resolution?: string;
}

export type CasePage = Page<CaseSummary>;

/** Socket.io events pushed to rooms `user:<id>`, `desk:<id>`, `community:<id>`. */
export interface ServerToClientEvents {
  'case.created': (e: CasePush) => void;
  'case.updated': (e: CasePush) => void;
  'case.assigned': (e: CasePush) => void;
  'case.overdue': (e: CasePush) => void;
}

export interface CasePush {
  /** The case-event id this push came from. */
  eventId: string;
  type: CaseEventType;
  case: CaseSummary;
}

export interface SubscribeRequest {
  /** `user:<id>`, `desk:<id>` or `community:<id>`. */
  room: string;
  /** The last case-event id seen: everything after it is replayed. */
  since?: string;
}

export interface ClientToServerEvents {
  /** Join a room the caller may see; replays every event after `since` (a case-event id). */
  subscribe: (req: SubscribeRequest, ack: (res: SubscribeAck) => void) => void;
}

/** The pushes a client listens for, in the order of `ServerToClientEvents`. */
export const CASE_PUSH_EVENTS = [
  'case.created',
  'case.updated',
  'case.assigned',
  'case.overdue',
] as const satisfies readonly (keyof ServerToClientEvents)[];
export type CasePushEvent = (typeof CASE_PUSH_EVENTS)[number];

export interface SubscribeAck {
  ok: boolean;
  code?: string;
  replayed?: number;
}

/** Event ids come from one database sequence, sent as strings: compare them as numbers. */
export function isLaterEventId(next: string, last: string): boolean {
  if (/^\d+$/.test(next) && /^\d+$/.test(last)) return BigInt(next) > BigInt(last);
  return next !== last;
}

/**
 * The little of a socket.io client socket that the front ends use: their seam for tests, which
 * hand a fake with these members to the app's `setSocketFactory` instead of touching socket.io.
 */
export interface RealtimeSocket {
  readonly connected: boolean;
  /** False once the server refused or ended the connection: socket.io does not retry then. */
  readonly active: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: 'subscribe', request: SubscribeRequest, ack: (res: SubscribeAck) => void): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

export interface RealtimeSocketOptions {
  path: string;
  /** Asked on every connection attempt, so a reconnect always sends the current token. */
  auth: (cb: (data: { token: string }) => void) => void;
}

export type RealtimeSocketFactory = (options: RealtimeSocketOptions) => RealtimeSocket;
