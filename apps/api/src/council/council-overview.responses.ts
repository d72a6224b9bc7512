import {
  COUNCIL_OVERVIEW_STATUSES,
  type CouncilOverview,
  type CouncilOverviewFigures,
  type CouncilOverviewRow,
  type CouncilOverviewStatus,
  type CouncilOverviewStreet,
  type CouncilOverviewTotals,
} from '@baitong/contracts';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';

const instant = { type: String, format: 'date-time' } as const;

class CouncilOverviewFiguresDto implements CouncilOverviewFigures {
  @ApiProperty({
    type: 'object',
    description: `Proposals per state now: ${COUNCIL_OVERVIEW_STATUSES.join(', ')} (drafts left out)`,
    additionalProperties: { type: 'integer' },
  })
  byStatus: Record<CouncilOverviewStatus, number>;
  @ApiProperty({ description: 'Submitted in the period' }) newProposals: number;
  @ApiProperty({ description: 'Supports given in the period' }) supports: number;
  @ApiProperty({ description: 'Closed meetings held in the period' }) meetingsHeld: number;
  @ApiProperty({ description: 'Decisions in the period' }) adopted: number;
  @ApiProperty({ description: 'Decisions in the period' }) notAdopted: number;
  @ApiProperty() implementationStarted: number;
  @ApiProperty() completed: number;
  @ApiProperty() evaluated: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Mean share satisfied of the proposals evaluated in the period',
  })
  satisfiedShareMean: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Median days, submission to decision' })
  medianDaysToDecision: number | null;
  @ApiProperty({ description: 'Distinct residents who took part in the period' })
  participants: number;
  @ApiProperty() registeredResidents: number;
  @ApiProperty({ type: Number, nullable: true, description: 'participants ÷ registeredResidents' })
  participationRate: number | null;
}

@ApiSchema({ name: 'CouncilOverviewRow' })
class CouncilOverviewRowDto extends CouncilOverviewFiguresDto implements CouncilOverviewRow {
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() communityName: string;
  @ApiProperty() communityNameEn: string;
  @ApiProperty({ format: 'uuid' }) streetId: string;
  @ApiProperty() streetName: string;
  @ApiProperty() streetNameEn: string;
}

@ApiSchema({ name: 'CouncilOverviewTotals' })
class CouncilOverviewTotalsDto extends CouncilOverviewFiguresDto implements CouncilOverviewTotals {
  @ApiProperty() communities: number;
}

@ApiSchema({ name: 'CouncilOverviewStreet' })
class CouncilOverviewStreetDto extends CouncilOverviewTotalsDto implements CouncilOverviewStreet {
  @ApiProperty({ format: 'uuid' }) streetId: string;
  @ApiProperty() streetName: string;
  @ApiProperty() streetNameEn: string;
}

@ApiSchema({ name: 'CouncilOverview' })
export class CouncilOverviewDto implements CouncilOverview {
  @ApiProperty(instant) from: string;
  @ApiProperty(instant) to: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) streetId: string | null;
  @ApiProperty({ type: [CouncilOverviewRowDto] }) communities: CouncilOverviewRowDto[];
  @ApiProperty({ type: [CouncilOverviewStreetDto] }) streets: CouncilOverviewStreetDto[];
  @ApiProperty({ type: CouncilOverviewTotalsDto }) total: CouncilOverviewTotalsDto;
}
