import {
  FUNDING_SOURCES,
  SATISFACTION_LEVELS,
  type FundingSource,
  type ProposalEvaluationResult,
  type SatisfactionLevel,
  type ProposalImplementation,
  type ProposalMilestone,
  type ProposalProgressUpdate,
} from '@baitong/contracts';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ProposalPhotoDto } from './council.responses';

const instant = { type: String, format: 'date-time' } as const;
const maybeInstant = { type: String, format: 'date-time', nullable: true } as const;
const maybeText = { type: String, nullable: true } as const;

@ApiSchema({ name: 'ProposalMilestone' })
export class ProposalMilestoneDto implements ProposalMilestone {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: '2027-01-15' }) plannedOn: string;
  @ApiProperty(maybeInstant) doneAt: string | null;
}

@ApiSchema({ name: 'ProposalProgressUpdate' })
export class ProposalProgressUpdateDto implements ProposalProgressUpdate {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() note: string;
  @ApiProperty(instant) recordedAt: string;
  @ApiProperty() recordedByName: string;
  @ApiProperty({ type: [ProposalPhotoDto] }) photos: ProposalPhotoDto[];
}

@ApiSchema({ name: 'ProposalEvaluationResult' })
export class ProposalEvaluationResultDto implements ProposalEvaluationResult {
  @ApiProperty({ description: 'Residents asked, each once' }) asked: number;
  @ApiProperty() rated: number;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(SATISFACTION_LEVELS.map((l) => [l, { type: 'number' }])),
    description: 'Ratings per level',
  })
  distribution: Record<SatisfactionLevel, number>;
  @ApiProperty({ type: Number, nullable: true, description: 'Satisfied ÷ rated' })
  satisfiedShare: number | null;
  @ApiProperty({ enum: ['all_rated', 'window_passed'] }) closedBy: 'all_rated' | 'window_passed';
  @ApiProperty(instant) evaluatedAt: string;
}

@ApiSchema({ name: 'ProposalImplementation' })
export class ProposalImplementationDto implements ProposalImplementation {
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerStaffId: string | null;
  @ApiProperty() ownerName: string;
  @ApiProperty() plan: string;
  @ApiProperty({ type: Number, nullable: true }) budgetYuan: number | null;
  @ApiProperty({ enum: FUNDING_SOURCES, nullable: true }) fundingSource: FundingSource | null;
  @ApiProperty(maybeText) fundingNote: string | null;
  @ApiProperty(instant) startedAt: string;
  @ApiProperty(maybeInstant) completedAt: string | null;
  @ApiProperty(maybeText) completionNote: string | null;
  @ApiProperty({ type: [ProposalMilestoneDto] }) milestones: ProposalMilestoneDto[];
  @ApiProperty({ type: [ProposalProgressUpdateDto] }) progress: ProposalProgressUpdateDto[];
  @ApiProperty(maybeInstant) evaluationDueAt: string | null;
  @ApiProperty({ type: ProposalEvaluationResultDto, nullable: true })
  evaluation: ProposalEvaluationResultDto | null;
}
