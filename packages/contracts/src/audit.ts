/**
 * Kinds of record an audit row is about. Rows store the kind as written at the time (route
 * segments such as `cases`, or `case`); the API reports it as one of these.
 */
export const AUDIT_TARGET_KINDS = [
  'case',
  'resident',
  'staff',
  'community',
  'compound',
  'desk',
  'grid',
  'street',
  'category',
  'photo',
  'session',
  'api_client',
] as const;
export type AuditTargetKind = (typeof AUDIT_TARGET_KINDS)[number];

/** Actions the audit log records today; the filter offers these, the front ends name them. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.login_throttled',
  'auth.logout',
  'auth.session_ended',
  'auth.refresh_reuse',
  'auth.registration_opened',
  'personal_data.read',
  'staff.write',
  'rating_facts.changed',
  'case.mediation_corrected',
  'audit.exported',
  'open311_client.issued',
  'open311_client.changed',
  'open311_client.revoked',
  'open311.request_filed',
] as const;

/** One row of the audit log, with its target and community named in words. */
export interface AuditEntry {
  id: string;
  at: string;
  actorKind: 'staff' | 'resident' | 'anonymous' | 'system' | 'client';
  actorId: string | null;
  actorName: string | null;
  action: string;
  /** The kind of record, normalised (`cases` → `case`); null when the row is about none. */
  entity: AuditTargetKind | string | null;
  entityId: string | null;
  /**
   * The record in words: a case number, a person's name (residents masked, 李*), a community,
   * desk or compound name; null when the record is gone or has no name.
   */
  targetLabel: string | null;
  /** The English name of a community, compound, desk, street or category target. */
  targetLabelEn: string | null;
  communityId: string | null;
  communityName: string | null;
  communityNameEn: string | null;
  ip: string | null;
  /** Phone numbers inside are masked. */
  detail: Record<string, unknown>;
}

/** Filters of `GET /api/audit` and `GET /api/audit/export`; dates are local (Asia/Shanghai). */
export interface AuditFilter {
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  /** YYYY-MM-DD, inclusive. */
  to?: string;
  /** The person who acted: their account id. */
  actorId?: string;
  /** The person who acted: part of their name. */
  actor?: string;
  action?: string;
  /** The kind of record acted on. */
  entity?: AuditTargetKind;
  /** The record acted on: its id, or a case number. */
  target?: string;
}

/** The most rows one export holds; a wider filter is refused with `too_many` on `to`. */
export const AUDIT_EXPORT_MAX_ROWS = 20_000;
