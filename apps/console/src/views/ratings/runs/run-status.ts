import type { RatingRunStatus } from '@baitong/contracts';

/** The tag colour of a run's status. */
export function statusType(
  status: RatingRunStatus,
): 'info' | 'warning' | 'success' | 'danger' | 'primary' {
  switch (status) {
    case 'published':
      return 'success';
    case 'cancelled':
      return 'danger';
    case 'in_review':
      return 'warning';
    case 'draft':
      return 'info';
    default:
      return 'primary';
  }
}
