import { PROPOSAL_STATUSES, type ProposalStatus } from './council.js';

// The street and district overview of council activity (幸福议事会): one row per community in the
// caller's scope, with street and district totals worked out from the same rows.

/** The states the overview counts; a draft is its author's alone until submitted. */
export const COUNCIL_OVERVIEW_STATUSES = PROPOSAL_STATUSES.filter(
  (s): s is Exclude<ProposalStatus, 'draft'> => s !== 'draft',
);
export type CouncilOverviewStatus = (typeof COUNCIL_OVERVIEW_STATUSES)[number];

export interface CouncilOverviewQuery {
  /** Only this street's communities (district roles; others may name only their own street). */
  streetId?: string;
  /** Start, inclusive: a Shanghai calendar day (YYYY-MM-DD) or an instant; default a year before `to`. */
  from?: string;
  /** End: a Shanghai day (that day included) or an instant (exclusive); default now. */
  to?: string;
}

export interface CouncilOverviewFigures {
  /** Proposals in each state now (drafts left out). */
  byStatus: Record<CouncilOverviewStatus, number>;
  /** Proposals submitted in the period. */
  newProposals: number;
  /** Supports given in the period (one per resident and proposal). */
  supports: number;
  /** Meetings closed with minutes that took place in the period. */
  meetingsHeld: number;
  /** Agenda decisions taken in the period. */
  adopted: number;
  notAdopted: number;
  /** Adopted proposals whose implementation started, was completed or was evaluated in the period. */
  implementationStarted: number;
  completed: number;
  evaluated: number;
  /** The mean of the evaluated proposals' share satisfied; null when none was rated. */
  satisfiedShareMean: number | null;
  /** Median days from submission to the decision, over decisions in the period; null without any. */
  medianDaysToDecision: number | null;
  /** Distinct residents with at least one act of self-governance in the period. */
  participants: number;
  registeredResidents: number;
  /** participants ÷ registeredResidents; null without registered residents. */
  participationRate: number | null;
}

export interface CouncilOverviewRow extends CouncilOverviewFigures {
  communityId: string;
  communityName: string;
  communityNameEn: string;
  streetId: string;
  streetName: string;
  streetNameEn: string;
}

/** Figures over several communities, from their rows and records (never a mean of means). */
export interface CouncilOverviewTotals extends CouncilOverviewFigures {
  communities: number;
}

export interface CouncilOverviewStreet extends CouncilOverviewTotals {
  streetId: string;
  streetName: string;
  streetNameEn: string;
}

export interface CouncilOverview {
  from: string;
  to: string;
  streetId: string | null;
  /** By street, then community name. */
  communities: CouncilOverviewRow[];
  /** One per street among the rows. */
  streets: CouncilOverviewStreet[];
  /** Over every row shown: the district for the district roles without a street filter. */
  total: CouncilOverviewTotals;
}
