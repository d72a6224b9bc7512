// Issue 12, part "assessments": rating frameworks as data, the assessment campaign of a year
// (who scores what, who inspects whom), scores entered on site with their evidence and
// corrections, and disqualifications. The framework JSON itself is the rating engine's
// `Framework`; here it is carried as plain data.

import type { RatingAssessorKind } from './ratings.js';

export interface RatingLocalized {
  zh: string;
  en: string;
}

/** Counts of a framework's nodes (the engine's `frameworkShape`). */
export interface RatingFrameworkShape {
  sections: number;
  aspects: number;
  indicators: number;
  metricIndicators: number;
  assessmentIndicators: number;
  totalPoints: number;
}

export interface RatingFrameworkSummary {
  id: string;
  /** The framework's own `id` in its JSON. */
  key: string;
  version: string;
  name: RatingLocalized;
  effectiveYear: number;
  sample: boolean;
  /** A published run used it: an edit makes a new version. */
  locked: boolean;
  lockedAt: string | null;
  previousVersionId: string | null;
  revision: number;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  shape: RatingFrameworkShape;
}

export interface RatingFrameworkDetail extends RatingFrameworkSummary {
  /** The engine's framework JSON (sections → aspects → indicators). */
  definition: Record<string, unknown>;
}

export interface CreateRatingFrameworkRequest {
  definition: Record<string, unknown>;
}

export interface UpdateRatingFrameworkRequest {
  definition: Record<string, unknown>;
  /** The revision the edit was made on; a stale one is refused (409 STALE_VERSION). */
  revision: number;
}

export const RATING_CAMPAIGN_STATUSES = ['open', 'closed'] as const;
export type RatingCampaignStatus = (typeof RATING_CAMPAIGN_STATUSES)[number];

export interface RatingCampaignAssignment {
  assessorKind: RatingAssessorKind;
  indicatorKeys: string[];
}

export interface RatingCrossInspectionLine {
  inspectorStreetId: string;
  communityIds: string[];
}

export interface RatingCrossInspectionView {
  inspectorStreetId: string;
  inspectorStreetName: string;
  inspectorStreetNameEn: string;
  communities: Array<{ id: string; name: string; nameEn: string; streetId: string }>;
}

export interface RatingCampaignSummary {
  id: string;
  year: number;
  frameworkId: string;
  frameworkKey: string;
  frameworkVersion: string;
  frameworkName: RatingLocalized;
  status: RatingCampaignStatus;
  opensOn: string | null;
  closesOn: string | null;
  version: number;
  createdByName: string;
  createdAt: string;
}

export interface RatingCampaignDetail extends RatingCampaignSummary {
  assignments: RatingCampaignAssignment[];
  crossInspections: RatingCrossInspectionView[];
}

export interface CreateRatingCampaignRequest {
  year: number;
  frameworkId: string;
  opensOn?: string | null;
  closesOn?: string | null;
}

export interface RatingCampaignAssignmentsRequest {
  assignments: RatingCampaignAssignment[];
}

export interface RatingCrossInspectionPlanRequest {
  plan: RatingCrossInspectionLine[];
}

/** Scores expected, drafted and submitted for one community and assessor kind. */
export interface RatingProgressRow {
  communityId: string;
  communityName: string;
  communityNameEn: string;
  streetId: string;
  streetName: string;
  streetNameEn: string;
  assessorKind: RatingAssessorKind;
  /** For street cross-inspection: the street that inspects the community (null if unplanned). */
  inspectorStreetId: string | null;
  inspectorStreetName: string | null;
  expected: number;
  drafts: number;
  submitted: number;
}

export interface RatingProgressTotals {
  expected: number;
  drafts: number;
  submitted: number;
}

export interface RatingCampaignProgress {
  campaignId: string;
  year: number;
  rows: RatingProgressRow[];
  totals: RatingProgressTotals;
  byKind: Record<RatingAssessorKind, RatingProgressTotals>;
}

export const RATING_ASSESSMENT_STATUSES = ['draft', 'submitted'] as const;
export type RatingAssessmentStatus = (typeof RATING_ASSESSMENT_STATUSES)[number];

export interface RatingTaskIndicator {
  indicatorKey: string;
  name: RatingLocalized;
  sectionKey: string;
  sectionName: RatingLocalized;
  aspectKey: string;
  aspectName: RatingLocalized;
  points: number;
  /** Scores run from 0 to this (the indicator's `scale`, by default its points). */
  scale: number;
  assessment: {
    id: string;
    score: number;
    notes: string;
    status: RatingAssessmentStatus;
    version: number;
    evidenceCount: number;
  } | null;
}

/** One community the caller scores this year, with the indicators of the caller's kind. */
export interface RatingTask {
  communityId: string;
  communityName: string;
  communityNameEn: string;
  streetId: string;
  streetName: string;
  streetNameEn: string;
  assessorKind: RatingAssessorKind;
  indicators: RatingTaskIndicator[];
  drafts: number;
  submitted: number;
}

export interface RatingTasks {
  campaignId: string;
  year: number;
  status: RatingCampaignStatus;
  opensOn: string | null;
  closesOn: string | null;
  /** The caller's assessor kind (from the role). */
  assessorKind: RatingAssessorKind;
  tasks: RatingTask[];
}

export interface UpsertRatingAssessmentRequest {
  communityId: string;
  indicatorKey: string;
  score: number;
  notes?: string;
}

export interface RatingAssessmentCorrection {
  id: string;
  oldScore: number;
  newScore: number;
  reason: string;
  actorName: string;
  actorRole: string;
  at: string;
}

export const RATING_EVIDENCE_KINDS = ['photo', 'document'] as const;
export type RatingEvidenceKind = (typeof RATING_EVIDENCE_KINDS)[number];

export interface RatingAssessmentEvidence {
  id: string;
  kind: RatingEvidenceKind;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedByName: string;
  createdAt: string;
  url: string;
}

export interface RatingAssessment {
  id: string;
  campaignId: string;
  year: number;
  communityId: string;
  communityName: string;
  indicatorKey: string;
  assessorKind: RatingAssessorKind;
  score: number;
  scale: number;
  notes: string;
  status: RatingAssessmentStatus;
  enteredByName: string;
  enteredByRole: string;
  submittedAt: string | null;
  version: number;
  updatedAt: string;
  corrections: RatingAssessmentCorrection[];
  evidence: RatingAssessmentEvidence[];
}

export interface RatingCorrectionRequest {
  score: number;
  reason: string;
}

export interface RatingDisqualification {
  id: string;
  year: number;
  communityId: string;
  communityName: string;
  communityNameEn: string;
  streetId: string;
  what: string;
  occurredOn: string;
  noticeReference: string;
  recordedByName: string;
  recordedAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
}

export interface CreateRatingDisqualificationRequest {
  year: number;
  communityId: string;
  what: string;
  occurredOn: string;
  noticeReference: string;
}

export interface RevokeRatingDisqualificationRequest {
  reason: string;
}

/** Evidence files: photos (cleaned of location data) and documents. */
export const RATING_EVIDENCE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export const RATING_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
/** At most this many evidence files per score. */
export const RATING_EVIDENCE_MAX_FILES = 20;
