import {
  RATING_GRADE_VALUES,
  type RatingCommunityHistory,
  type RatingGradeImportError,
  type RatingGradeImportResult,
  type RatingGradeImportRow,
  type RatingGradeList,
  type RatingGradeMovement,
  type RatingGradeRow,
  type RatingGradeSource,
  type RatingGradeValue,
  type RatingSectionSubtotal,
  type ResidentCommunityRating,
  type ResidentRatingYear,
} from '@baitong/contracts';
import { ApiProperty } from '@nestjs/swagger';

const SOURCES = ['run', 'import'];
const MOVEMENTS = ['upgrade', 'keep', 'downgrade', 'new'];
const NUMBER_OR_NULL = { type: Number, nullable: true } as const;

export class RatingGradeRowDto implements RatingGradeRow {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() year: number;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() communityName: string;
  @ApiProperty() communityNameEn: string;
  @ApiProperty() communityCode: string;
  @ApiProperty({ format: 'uuid' }) streetId: string;
  @ApiProperty() streetName: string;
  @ApiProperty() streetNameEn: string;
  @ApiProperty({ enum: RATING_GRADE_VALUES }) grade: RatingGradeValue;
  @ApiProperty({ type: String, nullable: true }) status: string | null;
  @ApiProperty(NUMBER_OR_NULL) total: number | null;
  @ApiProperty(NUMBER_OR_NULL) rank: number | null;
  @ApiProperty({ ...NUMBER_OR_NULL, description: 'How many were ranked that year' })
  ratedCount: number | null;
  @ApiProperty({ description: 'Public notice (通报批评)' }) notice: boolean;
  @ApiProperty() recommended: boolean;
  @ApiProperty({ enum: SOURCES }) source: RatingGradeSource;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) runId: string | null;
  @ApiProperty({ enum: MOVEMENTS, nullable: true }) movement: RatingGradeMovement | null;
}

export class RatingGradeListDto implements RatingGradeList {
  @ApiProperty({ type: [RatingGradeRowDto] }) items: RatingGradeRowDto[];
  @ApiProperty({ type: [Number], description: 'Newest first' }) years: number[];
}

export class RatingCommunityHistoryDto implements RatingCommunityHistory {
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() communityName: string;
  @ApiProperty() communityNameEn: string;
  @ApiProperty() streetName: string;
  @ApiProperty() streetNameEn: string;
  @ApiProperty({ type: [RatingGradeRowDto] }) years: RatingGradeRowDto[];
}

export class RatingGradeImportErrorDto implements RatingGradeImportError {
  @ApiProperty({ description: 'Sheet row, 1 = the header' }) row: number;
  @ApiProperty({ description: 'The column as headed in the file' }) column: string;
  @ApiProperty() code: RatingGradeImportError['code'];
  @ApiProperty() message: string;
}

export class RatingGradeImportRowDto implements RatingGradeImportRow {
  @ApiProperty() row: number;
  @ApiProperty() year: number;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() communityName: string;
  @ApiProperty({ enum: RATING_GRADE_VALUES }) grade: RatingGradeValue;
  @ApiProperty(NUMBER_OR_NULL) total: number | null;
  @ApiProperty(NUMBER_OR_NULL) rank: number | null;
  @ApiProperty() notice: boolean;
  @ApiProperty({ enum: ['create', 'replace', 'unchanged'] })
  action: RatingGradeImportRow['action'];
}

class ImportCountsDto {
  @ApiProperty() rows: number;
  @ApiProperty() create: number;
  @ApiProperty() replace: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() errors: number;
}

export class RatingGradeImportResultDto implements RatingGradeImportResult {
  @ApiProperty() dryRun: boolean;
  @ApiProperty() applied: boolean;
  @ApiProperty({ type: [RatingGradeImportRowDto] }) rows: RatingGradeImportRowDto[];
  @ApiProperty({ type: [RatingGradeImportErrorDto] }) errors: RatingGradeImportErrorDto[];
  @ApiProperty({ type: ImportCountsDto }) counts: ImportCountsDto;
  @ApiProperty({ type: [Number] }) years: number[];
}

class SectionNameDto {
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

export class RatingSectionSubtotalDto implements RatingSectionSubtotal {
  @ApiProperty() key: string;
  @ApiProperty({ type: SectionNameDto }) name: SectionNameDto;
  @ApiProperty() points: number;
  @ApiProperty() maxPoints: number;
}

class ResidentLatestDto {
  @ApiProperty() year: number;
  @ApiProperty({ enum: RATING_GRADE_VALUES }) grade: RatingGradeValue;
  @ApiProperty(NUMBER_OR_NULL) total: number | null;
  @ApiProperty(NUMBER_OR_NULL) maxTotal: number | null;
  @ApiProperty(NUMBER_OR_NULL) rank: number | null;
  @ApiProperty(NUMBER_OR_NULL) ratedCount: number | null;
  @ApiProperty({ enum: MOVEMENTS, nullable: true }) movement: RatingGradeMovement | null;
  @ApiProperty() recommended: boolean;
  @ApiProperty() notice: boolean;
  @ApiProperty({ enum: SOURCES }) source: RatingGradeSource;
  @ApiProperty({ type: String, nullable: true }) contentHash: string | null;
  @ApiProperty({ type: [RatingSectionSubtotalDto] }) sections: RatingSectionSubtotalDto[];
}

export class ResidentRatingYearDto implements ResidentRatingYear {
  @ApiProperty() year: number;
  @ApiProperty({ enum: RATING_GRADE_VALUES }) grade: RatingGradeValue;
  @ApiProperty(NUMBER_OR_NULL) total: number | null;
  @ApiProperty(NUMBER_OR_NULL) rank: number | null;
  @ApiProperty(NUMBER_OR_NULL) ratedCount: number | null;
  @ApiProperty({ enum: SOURCES }) source: RatingGradeSource;
}

export class ResidentCommunityRatingDto implements ResidentCommunityRating {
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() communityName: string;
  @ApiProperty() communityNameEn: string;
  @ApiProperty({ type: ResidentLatestDto, nullable: true, description: 'null when never rated' })
  latest: ResidentLatestDto | null;
  @ApiProperty({ type: [ResidentRatingYearDto], description: 'Newest first, at most 8' })
  years: ResidentRatingYearDto[];
}
