import type {
  ProposalEvaluationResult,
  ProposalMilestone,
  ProposalStatus,
  SatisfactionLevel,
} from '@baitong/contracts';
import { SATISFACTION_LEVELS } from '@baitong/contracts';
import type { AppLocale } from '@/i18n';
import { daysBetween, intlLocale } from '@/utils/format';

/** Statuses whose detail shows the implementation panel: adopted and after. */
export const IMPLEMENTATION_STATUSES: readonly ProposalStatus[] = [
  'adopted',
  'in_implementation',
  'completed',
  'evaluated',
];

/** Statuses with an implementation on record (before that, GET answers 404). */
export const IMPLEMENTED_STATUSES: readonly ProposalStatus[] = [
  'in_implementation',
  'completed',
  'evaluated',
];

export type MilestoneState = 'done' | 'overdue' | 'due_today' | 'planned';

/** A milestone not done by its planned day (Asia/Shanghai `today`) is overdue from the next day. */
export function milestoneState(
  milestone: Pick<ProposalMilestone, 'plannedOn' | 'doneAt'>,
  today: string,
): MilestoneState {
  if (milestone.doneAt) return 'done';
  const days = daysBetween(today, milestone.plannedOn);
  if (days < 0) return 'overdue';
  return days === 0 ? 'due_today' : 'planned';
}

/** Days a milestone is late (0 when it is not). */
export function daysLate(
  milestone: Pick<ProposalMilestone, 'plannedOn' | 'doneAt'>,
  today: string,
) {
  return milestoneState(milestone, today) === 'overdue'
    ? daysBetween(milestone.plannedOn, today)
    : 0;
}

/** Milestones in planned order; equal days keep the order they were added. */
export const milestonesInOrder = (milestones: readonly ProposalMilestone[]) =>
  [...milestones].sort((a, b) => a.plannedOn.localeCompare(b.plannedOn));

export interface LevelShare {
  level: SatisfactionLevel;
  count: number;
  /** Of the rated answers, 0–1 (0 with none rated). */
  share: number;
}

/** The five levels in scale order, each with its share of the rated answers. */
export function distributionRows(result: ProposalEvaluationResult): LevelShare[] {
  return SATISFACTION_LEVELS.map((level) => {
    const count = result.distribution[level] ?? 0;
    return { level, count, share: result.rated > 0 ? count / result.rated : 0 };
  });
}

/** A share 0–1 as a percent with one decimal, the way the district reports it (94.0%). */
export const percent = (share: number, locale: AppLocale) =>
  new Intl.NumberFormat(intlLocale(locale), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);
