import {
  RATING_ASSESSMENT_STATUSES,
  RATING_ASSESSOR_KINDS,
  RATING_CAMPAIGN_STATUSES,
  RATING_EVIDENCE_KINDS,
  type RatingAssessment,
  type RatingAssessmentCorrection,
  type RatingAssessmentEvidence,
  type RatingAssessmentStatus,
  type RatingAssessorKind,
  type RatingCampaignAssignment,
  type RatingCampaignDetail,
  type RatingCampaignProgress,
  type RatingCampaignStatus,
  type RatingCampaignSummary,
  type RatingCrossInspectionLine,
  type RatingCrossInspectionView,
  type RatingDisqualification,
  type RatingEvidenceKind,
  type RatingFrameworkDetail,
  type RatingFrameworkShape,
  type RatingFrameworkSummary,
  type RatingLocalized,
  type RatingProgressRow,
  type RatingProgressTotals,
  type RatingTask,
  type RatingTaskIndicator,
  type RatingTasks,
} from '@baitong/contracts';
import { ApiProperty } from '@nestjs/swagger';

// The OpenAPI shapes of the assessment answers: frameworks, campaigns, scores and
// disqualifications (the types themselves are in contracts).

const STRING_OR_NULL = { type: String, nullable: true } as const;
const UUID_OR_NULL = { type: String, format: 'uuid', nullable: true } as const;
const DATE_OR_NULL = { type: String, format: 'date', nullable: true } as const;
const DATE_TIME_OR_NULL = { type: String, format: 'date-time', nullable: true } as const;

export class RatingLocalizedDto implements RatingLocalized {
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

export class RatingFrameworkShapeDto implements RatingFrameworkShape {
  @ApiProperty() sections: number;
  @ApiProperty() aspects: number;
  @ApiProperty() indicators: number;
  @ApiProperty() metricIndicators: number;
  @ApiProperty() assessmentIndicators: number;
  @ApiProperty() totalPoints: number;
}

export class RatingFrameworkSummaryDto implements RatingFrameworkSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: "The framework's own `id` in its JSON" }) key: string;
  @ApiProperty() version: string;
  @ApiProperty({ type: RatingLocalizedDto }) name: RatingLocalizedDto;
  @ApiProperty() effectiveYear: number;
  @ApiProperty() sample: boolean;
  @ApiProperty({ description: 'A published run used it: an edit makes a new version' })
  locked: boolean;
  @ApiProperty(DATE_TIME_OR_NULL) lockedAt: string | null;
  @ApiProperty(UUID_OR_NULL) previousVersionId: string | null;
  @ApiProperty() revision: number;
  @ApiProperty() createdByName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: RatingFrameworkShapeDto }) shape: RatingFrameworkShapeDto;
}

export class RatingFrameworkDetailDto
  extends RatingFrameworkSummaryDto
  implements RatingFrameworkDetail
{
  @ApiProperty({
    type: Object,
    description: "The engine's framework JSON (sections → aspects → indicators)",
  })
  definition: Record<string, unknown>;
}

export class RatingCampaignAssignmentViewDto implements RatingCampaignAssignment {
  @ApiProperty({ enum: RATING_ASSESSOR_KINDS }) assessorKind: RatingAssessorKind;
  @ApiProperty({ type: [String] }) indicatorKeys: string[];
}

export class RatingCrossInspectionCommunityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ format: 'uuid' }) streetId: string;
}

export class RatingCrossInspectionViewDto implements RatingCrossInspectionView {
  @ApiProperty({ format: 'uuid' }) inspectorStreetId: string;
  @ApiProperty() inspectorStreetName: string;
  @ApiProperty() inspectorStreetNameEn: string;
  @ApiProperty({ type: [RatingCrossInspectionCommunityDto] })
  communities: RatingCrossInspectionCommunityDto[];
}

export class RatingCampaignSummaryDto implements RatingCampaignSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() year: number;
  @ApiProperty({ format: 'uuid' }) frameworkId: string;
  @ApiProperty() frameworkKey: string;
  @ApiProperty() frameworkVersion: string;
  @ApiProperty({ type: RatingLocalizedDto }) frameworkName: RatingLocalizedDto;
  @ApiProperty({ enum: RATING_CAMPAIGN_STATUSES }) status: RatingCampaignStatus;
  @ApiProperty(DATE_OR_NULL) opensOn: string | null;
  @ApiProperty(DATE_OR_NULL) closesOn: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdByName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class RatingCampaignDetailDto
  extends RatingCampaignSummaryDto
  implements RatingCampaignDetail
{
  @ApiProperty({ type: [RatingCampaignAssignmentViewDto] })
  assignments: RatingCampaignAssignmentViewDto[];
  @ApiProperty({ type: [RatingCrossInspectionViewDto] })
  crossInspections: RatingCrossInspectionViewDto[];
}

export class RatingCrossInspectionLineViewDto implements RatingCrossInspectionLine {
  @ApiProperty({ format: 'uuid' }) inspectorStreetId: string;
  @ApiProperty({ type: [String], format: 'uuid' }) communityIds: string[];
}

export class RatingCrossInspectionProposalDto {
  @ApiProperty({ type: [RatingCrossInspectionLineViewDto] })
  plan: RatingCrossInspectionLineViewDto[];
}

export class RatingProgressTotalsDto implements RatingProgressTotals {
  @ApiProperty() expected: number;
  @ApiProperty() drafts: number;
  @ApiProperty() submitted: number;
}

export class RatingProgressRowDto implements RatingProgressRow {
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() communityName: string;
  @ApiProperty() communityNameEn: string;
  @ApiProperty({ format: 'uuid' }) streetId: string;
  @ApiProperty() streetName: string;
  @ApiProperty() streetNameEn: string;
  @ApiProperty({ enum: RATING_ASSESSOR_KINDS }) assessorKind: RatingAssessorKind;
  @ApiProperty({
    ...UUID_OR_NULL,
    description: 'For street cross-inspection: the inspecting street (null if unplanned)',
  })
  inspectorStreetId: string | null;
  @ApiProperty(STRING_OR_NULL) inspectorStreetName: string | null;
  @ApiProperty() expected: number;
  @ApiProperty() drafts: number;
  @ApiProperty() submitted: number;
}

export class RatingCampaignProgressDto implements RatingCampaignProgress {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: [RatingProgressRowDto] }) rows: RatingProgressRowDto[];
  @ApiProperty({ type: RatingProgressTotalsDto }) totals: RatingProgressTotalsDto;
  @ApiProperty({
    type: Object,
    description: 'Per assessor kind: { expected, drafts, submitted }',
  })
  byKind: Record<RatingAssessorKind, RatingProgressTotals>;
}

export class RatingTaskAssessmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() score: number;
  @ApiProperty() notes: string;
  @ApiProperty({ enum: RATING_ASSESSMENT_STATUSES }) status: RatingAssessmentStatus;
  @ApiProperty() version: number;
  @ApiProperty() evidenceCount: number;
}

export class RatingTaskIndicatorDto implements RatingTaskIndicator {
  @ApiProperty() indicatorKey: string;
  @ApiProperty({ type: RatingLocalizedDto }) name: RatingLocalizedDto;
  @ApiProperty() sectionKey: string;
  @ApiProperty({ type: RatingLocalizedDto }) sectionName: RatingLocalizedDto;
  @ApiProperty() aspectKey: string;
  @ApiProperty({ type: RatingLocalizedDto }) aspectName: RatingLocalizedDto;
  @ApiProperty() points: number;
  @ApiProperty({ description: "Scores run from 0 to this (the indicator's scale)" })
  scale: number;
  @ApiProperty({ type: RatingTaskAssessmentDto, nullable: true })
  assessment: RatingTaskAssessmentDto | null;
}

export class RatingTaskDto implements RatingTask {
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() communityName: string;
  @ApiProperty() communityNameEn: string;
  @ApiProperty({ format: 'uuid' }) streetId: string;
  @ApiProperty() streetName: string;
  @ApiProperty() streetNameEn: string;
  @ApiProperty({ enum: RATING_ASSESSOR_KINDS }) assessorKind: RatingAssessorKind;
  @ApiProperty({ type: [RatingTaskIndicatorDto] }) indicators: RatingTaskIndicatorDto[];
  @ApiProperty() drafts: number;
  @ApiProperty() submitted: number;
}

export class RatingTasksDto implements RatingTasks {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: RATING_CAMPAIGN_STATUSES }) status: RatingCampaignStatus;
  @ApiProperty(DATE_OR_NULL) opensOn: string | null;
  @ApiProperty(DATE_OR_NULL) closesOn: string | null;
  @ApiProperty({ enum: RATING_ASSESSOR_KINDS, description: "The caller's kind (from the role)" })
  assessorKind: RatingAssessorKind;
  @ApiProperty({ type: [RatingTaskDto] }) tasks: RatingTaskDto[];
}

export class RatingAssessmentCorrectionDto implements RatingAssessmentCorrection {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() oldScore: number;
  @ApiProperty() newScore: number;
  @ApiProperty() reason: string;
  @ApiProperty() actorName: string;
  @ApiProperty() actorRole: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class RatingAssessmentEvidenceDto implements RatingAssessmentEvidence {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: RATING_EVIDENCE_KINDS }) kind: RatingEvidenceKind;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() uploadedByName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: "Path of the file's bytes" }) url: string;
}

export class RatingAssessmentDto implements RatingAssessment {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() year: number;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() communityName: string;
  @ApiProperty() indicatorKey: string;
  @ApiProperty({ enum: RATING_ASSESSOR_KINDS }) assessorKind: RatingAssessorKind;
  @ApiProperty() score: number;
  @ApiProperty() scale: number;
  @ApiProperty() notes: string;
  @ApiProperty({ enum: RATING_ASSESSMENT_STATUSES }) status: RatingAssessmentStatus;
  @ApiProperty() enteredByName: string;
  @ApiProperty() enteredByRole: string;
  @ApiProperty(DATE_TIME_OR_NULL) submittedAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [RatingAssessmentCorrectionDto] })
  corrections: RatingAssessmentCorrectionDto[];
  @ApiProperty({ type: [RatingAssessmentEvidenceDto] }) evidence: RatingAssessmentEvidenceDto[];
}

export class RatingDisqualificationDto implements RatingDisqualification {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() year: number;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() communityName: string;
  @ApiProperty() communityNameEn: string;
  @ApiProperty({ format: 'uuid' }) streetId: string;
  @ApiProperty() what: string;
  @ApiProperty({ format: 'date' }) occurredOn: string;
  @ApiProperty() noticeReference: string;
  @ApiProperty() recordedByName: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty(DATE_TIME_OR_NULL) revokedAt: string | null;
  @ApiProperty(STRING_OR_NULL) revokedReason: string | null;
}
