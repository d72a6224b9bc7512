import type { ProposalDetail, ProposalStatus, ProposalSummary } from '@baitong/contracts';
import { ApiRequestError } from '@/api/api-error';
import { i18n, type AppLocale } from '@/i18n';
import { describeError } from '@/i18n/errors';
import type { StatusTone } from '@/utils/cases';

/** The API's limits (docs/API.md, `POST /api/proposals`). */
export const TITLE_MIN = 4;
export const TITLE_MAX = 120;
export const PROPOSAL_DESCRIPTION_MIN = 10;
export const PROPOSAL_DESCRIPTION_MAX = 4000;
export const COMMENT_MAX = 2000;

export const PROPOSAL_STATUS_TONES: Record<ProposalStatus, StatusTone> = {
  draft: 'default',
  submitted: 'primary',
  screening: 'primary',
  open_for_support: 'warning',
  scheduled: 'primary',
  deliberated: 'primary',
  adopted: 'success',
  not_adopted: 'default',
  in_implementation: 'success',
  completed: 'success',
  evaluated: 'success',
  rejected: 'danger',
  merged: 'default',
  withdrawn: 'default',
};

/** The list's state chips: each a group of statuses a resident tells apart. */
export const PROPOSAL_FILTERS = {
  all: [],
  open: ['open_for_support'],
  review: ['submitted', 'screening'],
  council: ['scheduled', 'deliberated', 'adopted', 'in_implementation', 'completed', 'evaluated'],
  closed: ['not_adopted', 'rejected', 'merged', 'withdrawn'],
} as const satisfies Record<string, readonly ProposalStatus[]>;
export type ProposalFilter = keyof typeof PROPOSAL_FILTERS | 'mine';
export const PROPOSAL_FILTER_NAMES: ProposalFilter[] = [
  'all',
  'open',
  'review',
  'council',
  'closed',
  'mine',
];

/** A newer (or equally new) copy of a proposal may replace the one shown; an older one may not. */
export function isNotOlder(next: ProposalSummary, shown: ProposalSummary): boolean {
  return next.version >= shown.version;
}

export function compoundOf(
  item: Pick<ProposalSummary, 'compoundName' | 'compoundNameEn'>,
  locale: AppLocale,
): string {
  return (
    (locale === 'en' && item.compoundNameEn?.trim() ? item.compoundNameEn : item.compoundName) ?? ''
  );
}

/** The share of the threshold reached, 0..100; null before the proposal opened for support. */
export function supportProgress(
  item: Pick<ProposalSummary, 'supportCount' | 'supportThreshold'>,
): number | null {
  if (!item.supportThreshold) return null;
  return Math.min(100, Math.round((item.supportCount / item.supportThreshold) * 100));
}

/** The `details.reason` of a refused call (409 `already_supported`, 403 `resident_unverified` …). */
export function refusalReason(error: unknown): string | undefined {
  if (!(error instanceof ApiRequestError)) return undefined;
  const reason = error.error.details?.['reason'];
  return typeof reason === 'string' ? reason : undefined;
}

const EXPLAINED_REFUSALS = [
  'already_supported',
  'not_supporting',
  'not_open_for_support',
  'resident_unverified',
  'already_following',
  'not_following',
];

/** A refused support or follow in plain words (once each, not open, registration unchecked …). */
export function describeProposalError(error: unknown): string {
  const reason = refusalReason(error);
  if (reason === 'own_proposal') return i18n.global.t('councilExtra.refusals.own_proposal');
  return reason && EXPLAINED_REFUSALS.includes(reason)
    ? i18n.global.t(`council.refusals.${reason}`)
    : describeError(error);
}

/** What the detail page knows of the resident's own relation to a proposal. */
export interface ProposalMarks {
  support: ProposalDetail['mySupport'];
  following: boolean;
}
