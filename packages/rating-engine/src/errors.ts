import type { ValidationIssue } from './validation.js';

/** Thrown by the throwing entry points when a framework, policy or input is invalid. */
export class RatingValidationError extends Error {
  readonly issues: ValidationIssue[];

  constructor(subject: string, issues: ValidationIssue[]) {
    const first = issues[0];
    const where = first === undefined ? '' : `: ${first.path || '(root)'} ${first.message}`;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`invalid ${subject}${where}${more}`);
    this.name = 'RatingValidationError';
    this.issues = issues;
  }
}

/** Thrown by what-if when the community asked about is not in the input. */
export class UnknownCommunityError extends Error {
  constructor(readonly communityId: string) {
    super(`no community with id "${communityId}" in the input`);
    this.name = 'UnknownCommunityError';
  }
}
