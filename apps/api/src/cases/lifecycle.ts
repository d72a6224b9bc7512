import {
  CASE_TRANSITIONS,
  type CaseAction,
  type CaseKind,
  type CaseStatus,
} from '@baitong/contracts';
import { AppException } from '../common/app-exception';

/** Statuses in which the case is still with the desk (it shows in the queue and can go overdue). */
export const OPEN_STATUSES: CaseStatus[] = [
  'submitted',
  'accepted',
  'in_progress',
  'waiting_resident',
  'waiting_third_party',
];

/** Open statuses in which the resolve clock runs (waiting for the resident pauses it). */
export const RESOLVE_CLOCK_STATUSES: CaseStatus[] = [
  'accepted',
  'in_progress',
  'waiting_third_party',
];

export function allowedActions(status: CaseStatus): CaseAction[] {
  return Object.keys(CASE_TRANSITIONS[status]) as CaseAction[];
}

export interface TransitionInput {
  action: CaseAction;
  reason?: string;
  resolution?: string;
  note?: string;
  thirdParty?: string;
}

/**
 * The next status for an action, or a 409 naming the actions that are allowed. The few rules
 * beyond the state table: a rejection and a reopening need a reason, a resolution needs its text,
 * waiting for the resident says what they are asked for, waiting for a third party names it, and
 * a dispute is resolved only once its mediation has an outcome.
 */
export function nextStatus(
  current: { status: CaseStatus; kind: CaseKind; mediationOutcome: string | null },
  input: TransitionInput,
): CaseStatus {
  const to = CASE_TRANSITIONS[current.status][input.action];
  if (!to) {
    throw new AppException(
      'ILLEGAL_TRANSITION',
      `The action ${input.action} is not possible on a ${current.status} case`,
      undefined,
      {
        status: current.status,
        allowed: allowedActions(current.status),
      },
    );
  }
  if (input.action === 'reject' && !input.reason?.trim())
    throw AppException.invalid('reason', 'a rejection needs a reason', 'required');
  if (input.action === 'reopen' && !input.reason?.trim())
    throw AppException.invalid('reason', 'say why the case is reopened', 'required');
  if (input.action === 'wait_resident' && !input.note?.trim())
    throw AppException.invalid('note', 'say what the resident is asked to provide', 'required');
  if (input.action === 'wait_third_party' && !input.thirdParty)
    throw AppException.invalid('thirdParty', 'name whom the case waits for', 'required');
  if (input.action === 'resolve' && !input.resolution?.trim())
    throw AppException.invalid('resolution', 'say how it was resolved', 'required');
  if (input.action === 'resolve' && current.kind === 'dispute' && !current.mediationOutcome) {
    throw new AppException(
      'ILLEGAL_TRANSITION',
      'Record the mediation and its outcome before resolving a dispute',
      [{ field: 'mediation', code: 'required', message: 'outcome required' }],
      {
        status: current.status,
        allowed: allowedActions(current.status),
      },
    );
  }
  return to;
}
