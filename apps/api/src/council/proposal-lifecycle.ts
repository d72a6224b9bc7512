import { PROPOSAL_TRANSITIONS, type ProposalAction, type ProposalStatus } from '@baitong/contracts';
import { AppException } from '../common/app-exception';

/** Staff of the community who run its council: take proposals for residents, screen, merge, moderate. */
export const COUNCIL_WORKERS = ['desk_staff', 'grid_worker', 'community_worker', 'community_admin'];

/** Statuses in which a proposal is public to the community's residents and open to comments. */
export const CLOSED_STATUSES: readonly ProposalStatus[] = ['rejected', 'merged', 'withdrawn'];

/** Statuses a merge may go into: a proposal still gathering support or waiting for its meeting. */
export const MERGE_TARGET_STATUSES: readonly ProposalStatus[] = [
  'submitted',
  'screening',
  'open_for_support',
  'scheduled',
];

export function allowedProposalActions(status: ProposalStatus): ProposalAction[] {
  return Object.keys(PROPOSAL_TRANSITIONS[status]) as ProposalAction[];
}

/** The next status for an action, or a 409 that names the actions possible from this status. */
export function nextProposalStatus(status: ProposalStatus, action: ProposalAction): ProposalStatus {
  const to = PROPOSAL_TRANSITIONS[status][action];
  if (!to)
    throw new AppException(
      'ILLEGAL_TRANSITION',
      `The action ${action} is not possible on a ${status} proposal`,
      undefined,
      { status, allowed: allowedProposalActions(status) },
    );
  return to;
}
