import type {
  MetricFigure,
  RatingCommunityRun,
  RatingCommunityStatus,
  RatingCompare,
  RatingCompareIndicator,
  RatingCompareSide,
  RatingGrade,
  RatingGradeDecision,
  RatingGradeDecisionReason,
  RatingGradeDecisionText,
  RatingGradeValue,
  RatingMovement,
  RatingNoGradeReason,
  RatingQuotaFill,
  RatingResultRow,
  RatingResultsPage,
  RatingResultsSummary,
  RatingRunSummary,
  RatingScorecard,
  RatingScorecardAspect,
  RatingScorecardIndicator,
  RatingScorecardSection,
  RatingWhatIf,
  RatingWhatIfOption,
} from '@baitong/contracts';
import { RATING_GRADE_VALUES } from '@baitong/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { RatingLocalizedDto } from '../assessments/rating-assessments.responses';
import { RatingSectionSubtotalDto } from '../history/rating-history.responses';
import { RatingRunSummaryDto } from '../runs/rating-runs.responses';

// The OpenAPI shapes of the rating results: the results table, a community's scorecard,
// what-if and the year-on-year comparison (the types themselves are in contracts). Objects the
// engine shapes freely (a no-grade detail, a rule, a change) stay `type: Object`, described.

const GRADES: RatingGrade[] = ['AAA', 'AA', 'A'];
const COMMUNITY_STATUSES: RatingCommunityStatus[] = [
  'rated',
  'not_eligible',
  'disqualified',
  'incomplete',
];
const MOVEMENTS: RatingMovement[] = ['upgrade', 'keep', 'downgrade', 'new'];
const NO_GRADE_REASONS: RatingNoGradeReason[] = [
  'not_eligible',
  'disqualified',
  'incomplete_inputs',
  'below_minimum',
  'outside_quota',
];
const DECISION_REASONS: RatingGradeDecisionReason[] = [
  'within_quota',
  'boundary_tie',
  'quota_full',
  'below_minimum',
  'not_rated',
];
const WHAT_IF_STATUSES: RatingWhatIf['status'][] = [
  'options',
  'no_single_change',
  'top_grade',
  'not_rated',
];
const SOURCES: RatingScorecardIndicator['source'][] = ['metric', 'assessment'];

const NUMBER_OR_NULL = { type: Number, nullable: true } as const;
const STRING_OR_NULL = { type: String, nullable: true } as const;
const UUID_OR_NULL = { type: String, format: 'uuid', nullable: true } as const;
const GRADE_OR_NULL = { enum: GRADES, nullable: true } as const;

export class RatingRankRangeDto {
  @ApiProperty() from: number;
  @ApiProperty() to: number;
}

export class RatingQuotaFillDto implements RatingQuotaFill {
  @ApiProperty({ enum: GRADES }) grade: RatingGrade;
  @ApiProperty() cap: number;
  @ApiProperty({ type: RatingRankRangeDto, nullable: true })
  filledRanks: RatingRankRangeDto | null;
  @ApiProperty() assigned: number;
}

export class RatingGradeDecisionDto implements RatingGradeDecision {
  @ApiProperty(NUMBER_OR_NULL) rank: number | null;
  @ApiProperty() rated: number;
  @ApiProperty() tiedCount: number;
  @ApiProperty(GRADE_OR_NULL) grade: RatingGrade | null;
  @ApiProperty({ enum: DECISION_REASONS }) reason: RatingGradeDecisionReason;
  @ApiProperty(GRADE_OR_NULL) missedGrade: RatingGrade | null;
  @ApiProperty() minimumScore: number;
  @ApiProperty({ type: [RatingQuotaFillDto] }) quotas: RatingQuotaFillDto[];
}

export class RatingGradeDecisionTextDto implements RatingGradeDecisionText {
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

/** A row of the results without its section subtotals (as the scorecard carries it). */
export class RatingResultStandingDto implements Omit<RatingResultRow, 'sections'> {
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ format: 'uuid' }) streetId: string;
  @ApiProperty() streetName: string;
  @ApiProperty() streetNameEn: string;
  @ApiProperty({ enum: COMMUNITY_STATUSES }) status: RatingCommunityStatus;
  @ApiProperty() total: number;
  @ApiProperty() maxTotal: number;
  @ApiProperty(NUMBER_OR_NULL) rank: number | null;
  @ApiProperty(GRADE_OR_NULL) grade: RatingGrade | null;
  @ApiProperty({ enum: NO_GRADE_REASONS, nullable: true })
  noGradeReason: RatingNoGradeReason | null;
  @ApiProperty({
    type: Object,
    nullable: true,
    description: "The engine's noGrade: { reason, … } with its detail (minimum, incident)",
  })
  noGrade: Record<string, unknown> | null;
  @ApiProperty({ description: 'Public notice (通报批评)' }) notice: boolean;
  @ApiProperty() recommended: boolean;
  @ApiProperty({ enum: RATING_GRADE_VALUES, nullable: true })
  previousGrade: RatingGradeValue | null;
  @ApiProperty({ enum: MOVEMENTS, nullable: true }) movement: RatingMovement | null;
  @ApiProperty({ type: RatingGradeDecisionDto }) gradeDecision: RatingGradeDecisionDto;
  @ApiProperty({ type: RatingGradeDecisionTextDto })
  gradeDecisionText: RatingGradeDecisionTextDto;
}

export class RatingResultRowDto extends RatingResultStandingDto implements RatingResultRow {
  @ApiProperty({ type: [RatingSectionSubtotalDto] }) sections: RatingSectionSubtotalDto[];
}

export class RatingResultsQuotaDto {
  @ApiProperty({ enum: GRADES }) grade: RatingGrade;
  @ApiProperty() share: number;
  @ApiProperty() cap: number;
  @ApiProperty() assigned: number;
}

export class RatingHistogramBinDto {
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty() count: number;
}

export class RatingScoreStatsDto {
  @ApiProperty() count: number;
  @ApiProperty(NUMBER_OR_NULL) min: number | null;
  @ApiProperty(NUMBER_OR_NULL) max: number | null;
  @ApiProperty(NUMBER_OR_NULL) mean: number | null;
  @ApiProperty(NUMBER_OR_NULL) median: number | null;
  @ApiProperty({ type: [RatingHistogramBinDto] }) histogram: RatingHistogramBinDto[];
}

export class RatingResultsSummaryDto implements RatingResultsSummary {
  @ApiProperty() communities: number;
  @ApiProperty({
    type: Object,
    description: '{ rated, not_eligible, disqualified, incomplete }: communities per status',
  })
  byStatus: Record<RatingCommunityStatus, number>;
  @ApiProperty() rated: number;
  @ApiProperty({ type: [RatingResultsQuotaDto] }) quotas: RatingResultsQuotaDto[];
  @ApiProperty({ type: Object, description: '{ AAA, AA, A, none }: communities per grade' })
  grades: Record<RatingGrade | 'none', number>;
  @ApiProperty() notices: number;
  @ApiProperty() recommended: number;
  @ApiProperty() boundaryTies: number;
  @ApiProperty({ type: Object, description: '{ upgrade, keep, downgrade, new }' })
  movement: Record<RatingMovement, number>;
  @ApiProperty({ type: RatingScoreStatsDto }) scores: RatingScoreStatsDto;
}

export class RatingResultsSectionDto {
  @ApiProperty() key: string;
  @ApiProperty({ type: RatingLocalizedDto }) name: RatingLocalizedDto;
  @ApiProperty() maxPoints: number;
}

export class RatingResultsWarningDto {
  @ApiProperty() code: string;
  @ApiProperty(UUID_OR_NULL) communityId: string | null;
  @ApiProperty({ type: [String] }) indicators: string[];
}

export class RatingResultsPageDto implements RatingResultsPage {
  @ApiProperty({ type: RatingRunSummaryDto }) run: RatingRunSummary;
  @ApiProperty({ description: 'Hash of the snapshot the result stands on' }) contentHash: string;
  @ApiProperty(STRING_OR_NULL) resultHash: string | null;
  @ApiProperty(STRING_OR_NULL) engineVersion: string | null;
  @ApiProperty({ type: RatingResultsSummaryDto, description: 'District-wide figures' })
  summary: RatingResultsSummaryDto;
  @ApiProperty({ type: [RatingResultsSectionDto] }) sections: RatingResultsSectionDto[];
  @ApiProperty({ type: [RatingResultsWarningDto] }) warnings: RatingResultsWarningDto[];
  @ApiProperty({
    type: [RatingResultRowDto],
    description: "Only the communities in the reader's scope",
  })
  rows: RatingResultRowDto[];
}

export class RatingScorecardIndicatorDto implements RatingScorecardIndicator {
  @ApiProperty() key: string;
  @ApiProperty({ type: RatingLocalizedDto }) name: RatingLocalizedDto;
  @ApiProperty({ enum: SOURCES }) source: RatingScorecardIndicator['source'];
  @ApiProperty() points: number;
  @ApiProperty() maxPoints: number;
  @ApiProperty() status: string;
  @ApiProperty() outcome: string;
  @ApiProperty({ description: "The engine's indicatorFormula, one line of arithmetic" })
  formula: string;
  @ApiProperty({ required: false, description: 'Metric indicators: the metric key' })
  metric?: string;
  @ApiProperty({ type: Number, nullable: true, required: false }) value?: number | null;
  @ApiProperty({ type: Object, required: false, description: "The engine's scoring rule" })
  rule?: Record<string, unknown>;
  @ApiProperty({
    type: Object,
    nullable: true,
    required: false,
    description: 'The frozen figure behind the value (numerator ÷ denominator)',
  })
  figure?: MetricFigure | null;
  @ApiProperty({ required: false, description: "Console path of the metric's rows" })
  metricLink?: string;
  @ApiProperty({ required: false, description: 'Assessment indicators: scores run 0 to this' })
  scale?: number;
  @ApiProperty({ type: Object, required: false, description: 'Weight per assessor kind' })
  weights?: Record<string, number>;
  @ApiProperty({
    type: Object,
    required: false,
    description: 'Per assessor kind: { score, evidence? } or null when missing',
  })
  scores?: Record<string, { score: number; evidence?: string[] } | null>;
  @ApiProperty({ type: Number, nullable: true, required: false })
  weightedScore?: number | null;
  @ApiProperty({ type: [String], required: false }) missingAssessors?: string[];
}

export class RatingScorecardAspectDto implements RatingScorecardAspect {
  @ApiProperty() key: string;
  @ApiProperty({ type: RatingLocalizedDto }) name: RatingLocalizedDto;
  @ApiProperty() points: number;
  @ApiProperty() maxPoints: number;
  @ApiProperty({ type: [RatingScorecardIndicatorDto] })
  indicators: RatingScorecardIndicatorDto[];
}

export class RatingScorecardSectionDto implements RatingScorecardSection {
  @ApiProperty() key: string;
  @ApiProperty({ type: RatingLocalizedDto }) name: RatingLocalizedDto;
  @ApiProperty() points: number;
  @ApiProperty() maxPoints: number;
  @ApiProperty({ type: [RatingScorecardAspectDto] }) aspects: RatingScorecardAspectDto[];
}

export class RatingPeriodDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
}

export class RatingScorecardFrameworkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: string;
  @ApiProperty({ type: RatingLocalizedDto }) name: RatingLocalizedDto;
  @ApiProperty() sample: boolean;
}

export class RatingScorecardMissingDto {
  @ApiProperty() indicator: string;
  @ApiProperty({ enum: SOURCES }) source: RatingScorecardIndicator['source'];
}

export class RatingScorecardDto implements RatingScorecard {
  @ApiProperty({ type: RatingRunSummaryDto }) run: RatingRunSummary;
  @ApiProperty() contentHash: string;
  @ApiProperty({ type: RatingPeriodDto }) period: RatingPeriodDto;
  @ApiProperty({ type: RatingScorecardFrameworkDto }) framework: RatingScorecardFrameworkDto;
  @ApiProperty({ type: RatingResultStandingDto }) community: RatingResultStandingDto;
  @ApiProperty({ type: [RatingScorecardSectionDto] }) sections: RatingScorecardSectionDto[];
  @ApiProperty({ type: [RatingScorecardMissingDto] }) missing: RatingScorecardMissingDto[];
}

export class RatingWhatIfOptionDto implements RatingWhatIfOption {
  @ApiProperty() indicator: string;
  @ApiProperty({ type: RatingLocalizedDto }) indicatorName: RatingLocalizedDto;
  @ApiProperty() section: string;
  @ApiProperty({ type: RatingLocalizedDto }) sectionName: RatingLocalizedDto;
  @ApiProperty() aspect: string;
  @ApiProperty({ type: RatingLocalizedDto }) aspectName: RatingLocalizedDto;
  @ApiProperty() currentPoints: number;
  @ApiProperty() requiredPoints: number;
  @ApiProperty() pointsNeeded: number;
  @ApiProperty() maxPoints: number;
  @ApiProperty() resultingTotal: number;
  @ApiProperty(NUMBER_OR_NULL) resultingRank: number | null;
  @ApiProperty(GRADE_OR_NULL) resultingGrade: RatingGrade | null;
  @ApiProperty({
    type: Object,
    description: "The engine's change: the metric range to reach, or the weighted score to reach",
  })
  change: Record<string, unknown>;
}

export class RatingWhatIfInsufficientDto {
  @ApiProperty() indicator: string;
  @ApiProperty({ type: RatingLocalizedDto }) name: RatingLocalizedDto;
}

export class RatingWhatIfDto implements RatingWhatIf {
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty() contentHash: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() communityName: string;
  @ApiProperty({ enum: WHAT_IF_STATUSES }) status: RatingWhatIf['status'];
  @ApiProperty() total: number;
  @ApiProperty(NUMBER_OR_NULL) rank: number | null;
  @ApiProperty(GRADE_OR_NULL) grade: RatingGrade | null;
  @ApiProperty(GRADE_OR_NULL) targetGrade: RatingGrade | null;
  @ApiProperty(STRING_OR_NULL) notRatedReason: string | null;
  @ApiProperty({ type: [RatingWhatIfOptionDto], description: 'Fewest points first' })
  options: RatingWhatIfOptionDto[];
  @ApiProperty({ type: [RatingWhatIfInsufficientDto] })
  insufficient: RatingWhatIfInsufficientDto[];
}

export class RatingCompareSideDto implements RatingCompareSide {
  @ApiProperty() year: number;
  @ApiProperty(UUID_OR_NULL) runId: string | null;
  @ApiProperty({
    enum: ['run', 'import'],
    nullable: true,
    description: '`run`: the latest published run of that year; `import`: an imported grade',
  })
  source: RatingCompareSide['source'];
  @ApiProperty(NUMBER_OR_NULL) total: number | null;
  @ApiProperty(NUMBER_OR_NULL) rank: number | null;
  @ApiProperty(NUMBER_OR_NULL) rated: number | null;
  @ApiProperty({ enum: RATING_GRADE_VALUES, nullable: true }) grade: RatingGradeValue | null;
  @ApiProperty(STRING_OR_NULL) status: string | null;
  @ApiProperty({ enum: MOVEMENTS, nullable: true }) movement: RatingMovement | null;
}

export class RatingCompareIndicatorDto implements RatingCompareIndicator {
  @ApiProperty() key: string;
  @ApiProperty({ type: RatingLocalizedDto }) name: RatingLocalizedDto;
  @ApiProperty() section: string;
  @ApiProperty() now: number;
  @ApiProperty({ ...NUMBER_OR_NULL, description: 'Null when last year had no such indicator' })
  then: number | null;
  @ApiProperty(NUMBER_OR_NULL) change: number | null;
  @ApiProperty() maxPoints: number;
}

export class RatingCompareDto implements RatingCompare {
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() communityName: string;
  @ApiProperty({ type: RatingCompareSideDto }) now: RatingCompareSideDto;
  @ApiProperty({ type: RatingCompareSideDto }) then: RatingCompareSideDto;
  @ApiProperty(NUMBER_OR_NULL) totalChange: number | null;
  @ApiProperty(NUMBER_OR_NULL) rankChange: number | null;
  @ApiProperty({ type: [RatingCompareIndicatorDto] }) indicators: RatingCompareIndicatorDto[];
}

export class RatingCommunityRunDto implements RatingCommunityRun {
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty() year: number;
  @ApiProperty() status: string;
  @ApiProperty() contentHash: string;
  @ApiProperty(NUMBER_OR_NULL) total: number | null;
  @ApiProperty(NUMBER_OR_NULL) rank: number | null;
  @ApiProperty(NUMBER_OR_NULL) rated: number | null;
  @ApiProperty(GRADE_OR_NULL) grade: RatingGrade | null;
  @ApiProperty({ enum: COMMUNITY_STATUSES, nullable: true })
  communityStatus: RatingCommunityStatus | null;
}
