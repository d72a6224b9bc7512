import type { SatisfactionLevel, SolvedAnswer } from './follow-ups.js';
import type { ProposalPhoto } from './council.js';

// Implementation of an adopted proposal (项目实施) and its evaluation by the residents behind it.

/** Where the money comes from: e.g. the community's charity fund (社区慈善基金). */
export const FUNDING_SOURCES = [
  'community_charity_fund',
  'street_budget',
  'district_budget',
  'property_maintenance_fund',
  'donation',
  'other',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export interface ProposalMilestone {
  id: string;
  title: string;
  /** `YYYY-MM-DD`. */
  plannedOn: string;
  doneAt: string | null;
}

export interface ProposalProgressUpdate {
  id: string;
  note: string;
  recordedAt: string;
  recordedByName: string;
  photos: ProposalPhoto[];
}

/** The residents' evaluation of a completed project: the five levels and the share satisfied. */
export interface ProposalEvaluationResult {
  /** Residents asked (author, supporters, the residents of its cases), each once. */
  asked: number;
  rated: number;
  distribution: Record<SatisfactionLevel, number>;
  /** (very satisfied + satisfied + basically satisfied) ÷ rated; null with no rating. */
  satisfiedShare: number | null;
  /** `all_rated`, or `window_passed` when the evaluation window ended first. */
  closedBy: 'all_rated' | 'window_passed';
  evaluatedAt: string;
}

export interface ProposalImplementation {
  proposalId: string;
  ownerStaffId: string | null;
  ownerName: string;
  plan: string;
  budgetYuan: number | null;
  fundingSource: FundingSource | null;
  fundingNote: string | null;
  startedAt: string;
  completedAt: string | null;
  completionNote: string | null;
  milestones: ProposalMilestone[];
  progress: ProposalProgressUpdate[];
  /** Once completed: when the residents' evaluation window ends; the result once evaluated. */
  evaluationDueAt: string | null;
  evaluation: ProposalEvaluationResult | null;
}

export interface StartImplementationRequest {
  /** A worker of the community who owns the project … */
  ownerStaffId?: string;
  /** … or the name of whoever does (required without `ownerStaffId`). */
  ownerName?: string;
  plan: string;
  budgetYuan?: number;
  fundingSource?: FundingSource;
  fundingNote?: string;
  milestones?: AddMilestoneRequest[];
}

export interface AddMilestoneRequest {
  title: string;
  plannedOn: string;
}

export interface AddProgressRequest {
  note: string;
  /** Own uploads of `POST /api/photos`, at most 9. */
  photoIds?: string[];
}

export interface CompleteImplementationRequest {
  note?: string;
}

/** A resident asked to evaluate a completed project answers once, in the app. */
export interface EvaluateProjectRequest {
  satisfaction: SatisfactionLevel;
  /** Did it solve what the residents raised? */
  solved: SolvedAnswer;
  comment?: string;
}

export interface ProjectEvaluationReceipt {
  proposalId: string;
  satisfaction: SatisfactionLevel;
  solved: SolvedAnswer;
  recordedAt: string;
}

/** An open invitation to evaluate a completed project (项目邀评), in the resident's app. */
export interface EvaluationInvitation {
  proposalId: string;
  number: string;
  title: string;
  invitedAt: string;
  /** The end of the evaluation window. */
  dueAt: string;
}

/** The calling resident's own evaluation of one project: asked, answered, or closed unanswered. */
export interface MyProjectEvaluation {
  proposalId: string;
  status: 'open' | 'done' | 'closed';
  dueAt: string;
  satisfaction: SatisfactionLevel | null;
  solved: SolvedAnswer | null;
  comment: string | null;
  recordedAt: string | null;
}

/** `evaluation.invited`, to the resident's own room: a completed project asks them. */
export interface EvaluationInvitationPush {
  eventId: string;
  invitation: EvaluationInvitation;
}
