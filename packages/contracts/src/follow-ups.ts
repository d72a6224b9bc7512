import type { StreamPushMap } from './events.js';
import type { Page } from './org.js';

/** How a follow-up attempt reached (or tried to reach) the resident; `app` is the resident's own rating. */
export const FOLLOW_UP_METHODS = ['phone', 'visit', 'in_person', 'app'] as const;
export type FollowUpMethod = (typeof FOLLOW_UP_METHODS)[number];

export const FOLLOW_UP_OUTCOMES = ['reached', 'unreachable', 'declined'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/**
 * The five-level scale of Chinese government services: 非常满意, 满意, 基本满意, 不满意, 非常不满意.
 * The first three count as satisfied in the satisfaction rate.
 */
export const SATISFACTION_LEVELS = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'very_dissatisfied',
] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];
export const SATISFIED_LEVELS: readonly SatisfactionLevel[] = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
];

/** "Was the matter actually solved?" */
export const SOLVED_ANSWERS = ['yes', 'partly', 'no'] as const;
export type SolvedAnswer = (typeof SOLVED_ANSWERS)[number];

/**
 * `open`: due, or waiting for its next retry; `done`: the resident was reached or declined;
 * `unreachable`: the last retry failed.
 */
export const FOLLOW_UP_STATUSES = ['open', 'done', 'unreachable'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** What a completed follow-up does to its case. */
export const FOLLOW_UP_VERDICTS = ['close', 'reopen'] as const;
export type FollowUpVerdict = (typeof FOLLOW_UP_VERDICTS)[number];

export const APPEAL_STATUSES = ['pending', 'upheld', 'rejected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const APPEAL_DECISIONS = ['upheld', 'rejected'] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];

/** The follow-up script (回访话术) of a category, shown to the worker while recording. */
export interface FollowUpScript {
  zh: string;
  en: string;
}

export interface FollowUpAttempt {
  id: string;
  method: FollowUpMethod;
  outcome: FollowUpOutcome;
  satisfaction: SatisfactionLevel | null;
  solved: SolvedAnswer | null;
  notes: string | null;
  recordedByKind: 'staff' | 'resident';
  recordedById: string;
  recordedByName: string;
  recordedAt: string;
  /** The earlier attempt this one corrects, and why; the earlier row stays as it was. */
  supersedesId: string | null;
  supersedeReason: string | null;
  /** A later attempt corrected this one: it no longer counts. */
  supersededById: string | null;
  /** An upheld appeal keeps the rating on record but out of the satisfaction figures. */
  excluded: boolean;
  appeal: FollowUpAppeal | null;
}

export interface FollowUpAppeal {
  id: string;
  attemptId: string;
  status: AppealStatus;
  reason: string;
  evidence: string;
  appealedById: string;
  appealedByName: string;
  appealedAt: string;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

/** An appeal with the rating and the case it is about, for lists across communities and streets. */
export interface FollowUpAppealItem extends FollowUpAppeal {
  caseId: string;
  caseNumber: string;
  communityId: string;
  communityName: string;
  communityNameEn: string;
  /** The street whose admin decides it. */
  streetId: string;
  /** The rating appealed. */
  satisfaction: SatisfactionLevel | null;
  solved: SolvedAnswer | null;
}

export type FollowUpAppealPage = Page<FollowUpAppealItem>;

/** The filters of `GET /api/follow-up-appeals`; the caller's scope always applies. */
export interface FollowUpAppealQuery {
  status?: AppealStatus;
  communityId?: string;
  page?: number;
  pageSize?: number;
}

export interface FollowUpSummary {
  id: string;
  caseId: string;
  caseNumber: string;
  caseSummary: string;
  categoryId: string;
  communityId: string;
  compoundId: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  status: FollowUpStatus;
  /** 1 for the first follow-up of the case, 2 after its first rework, … */
  round: number;
  /** When the task is due now (moves to the next retry after an unreachable attempt). */
  dueAt: string;
  /** The due time it was scheduled with: timeliness is measured against it. */
  firstDueAt: string;
  overdue: boolean;
  tries: number;
  /** An unreachable attempt happened and another try is due. */
  retryPending: boolean;
  verdict: FollowUpVerdict | null;
  completedAt: string | null;
  createdAt: string;
}

export interface FollowUpDetail extends FollowUpSummary {
  residentName: string | null;
  /** Reach the resident through the audited contact read of the case. */
  contactUrl: string;
  script: FollowUpScript | null;
  reworkDueAt: string | null;
  maxTries: number;
  attempts: FollowUpAttempt[];
}

export type FollowUpPage = Page<FollowUpSummary>;

export interface RecordAttemptRequest {
  method: FollowUpMethod;
  outcome: FollowUpOutcome;
  satisfaction?: SatisfactionLevel;
  solved?: SolvedAnswer;
  notes?: string;
  /** Correcting a completed task: the attempt corrected and why. */
  supersedesId?: string;
  supersedeReason?: string;
}

/** A resident's own rating of a resolved request (a follow-up with method `app`). */
export interface RateCaseRequest {
  satisfaction: SatisfactionLevel;
  solved: SolvedAnswer;
  comment?: string;
}

export interface ReassignFollowUpRequest {
  assigneeId: string;
}

export interface AppealRequest {
  reason: string;
  evidence: string;
}

export interface AppealDecisionRequest {
  decision: AppealDecision;
  reason: string;
}

/** A resident is invited to rate a resolved request they have not rated yet (邀评). */
export interface RatingInvitation {
  followUpId: string;
  caseId: string;
  caseNumber: string;
  caseSummary: string;
  invitedAt: string;
}

/** A follow-up by community staff as the resident sees it: how and when, never who or their notes. */
export interface ResidentFollowUpContact {
  /** 1 for the first resolution of the request, 2 after its first rework, … */
  round: number;
  method: Exclude<FollowUpMethod, 'app'>;
  outcome: FollowUpOutcome;
  at: string;
}

/** The resident's own rating of one resolution in the app. */
export interface ResidentRating {
  round: number;
  satisfaction: SatisfactionLevel;
  solved: SolvedAnswer;
  comment: string | null;
  ratedAt: string;
  /** What the follow-up did to the request: closed it or reopened it; null until decided. */
  verdict: FollowUpVerdict | null;
}

/** What the resident sees of the follow-ups (回访) of their own request. */
export interface ResidentFollowUp {
  caseId: string;
  /** The request is resolved and the resident has not rated this resolution yet. */
  canRate: boolean;
  /** Oldest first. */
  ratings: ResidentRating[];
  /** Staff follow-ups (phone, visit, in person), oldest first; corrections of a record left out. */
  contacts: ResidentFollowUpContact[];
}

export interface FollowUpFigure {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator, null when nothing was due. */
  rate: number | null;
}

export interface DissatisfiedCase {
  caseId: string;
  caseNumber: string;
  satisfaction: SatisfactionLevel | null;
  solved: SolvedAnswer | null;
  ratedAt: string;
  reworkDueAt: string | null;
  /** `in_rework`: reopened and not resolved again; `reworked`: resolved again; `overdue`: past its rework deadline. */
  rework: 'in_rework' | 'reworked' | 'overdue';
  excluded: boolean;
}

export interface CommunityFollowUpSummary {
  communityId: string;
  from: string;
  to: string;
  /** Followed up (reached or declined) ÷ due in the period. */
  coverage: FollowUpFigure;
  /** First attempt by the first due time ÷ due in the period. */
  timeliness: FollowUpFigure;
  /** (very satisfied + satisfied + basically satisfied) ÷ rated; excluded ratings left out. */
  satisfaction: FollowUpFigure;
  distribution: Record<SatisfactionLevel, number>;
  excludedRatings: number;
  overdueOpen: number;
  unreachable: number;
  dissatisfied: DissatisfiedCase[];
  appeals: { pending: number; upheld: number; rejected: number; items: FollowUpAppealItem[] };
}

/** Pushed to the assignee's room (due, overdue, reassigned) and the community room. */
export interface FollowUpPush {
  eventId: string;
  type:
    | 'scheduled'
    | 'assigned'
    | 'attempt_recorded'
    | 'completed'
    | 'overdue'
    | 'invited'
    | 'appealed'
    | 'appeal_decided';
  followUp: FollowUpSummary;
}

/** The follow-up pushes a staff client listens for. */
export const FOLLOW_UP_PUSH_EVENTS = [
  'followup.updated',
  'followup.overdue',
  'followup.completed',
] as const satisfies readonly (keyof StreamPushMap)[];
export type FollowUpPushEvent = (typeof FOLLOW_UP_PUSH_EVENTS)[number];
