import {
  ADOPTION_RULES,
  AGENDA_DECISIONS,
  COUNCIL_MEMBER_ROLES,
  MEETING_STATUSES,
  PROPOSAL_STATUSES,
  VOTE_CHOICES,
  type AdoptionRule,
  type AgendaDecision,
  type CouncilMemberRole,
  type MeetingAgendaItem,
  type MeetingAttendee,
  type MeetingDetail,
  type MeetingStatus,
  type MeetingSummary,
  type MeetingVote,
  type Page,
  type ProposalStatus,
  type VoteChoice,
  type VoteTally,
} from '@baitong/contracts';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { PageMetaDto } from '../common/responses.dto';

const instant = { type: String, format: 'date-time' } as const;
const maybeInstant = { type: String, format: 'date-time', nullable: true } as const;
const maybeText = { type: String, nullable: true } as const;
const maybeId = { type: String, format: 'uuid', nullable: true } as const;
const maybeCount = { type: Number, nullable: true } as const;

@ApiSchema({ name: 'VoteTally' })
export class VoteTallyDto implements VoteTally {
  @ApiProperty() for: number;
  @ApiProperty() against: number;
  @ApiProperty() abstain: number;
}

@ApiSchema({ name: 'MeetingVote' })
export class MeetingVoteDto implements MeetingVote {
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty() memberName: string;
  @ApiProperty({ enum: VOTE_CHOICES }) choice: VoteChoice;
  @ApiProperty(instant) at: string;
}

@ApiSchema({ name: 'MeetingAgendaItem' })
export class MeetingAgendaItemDto implements MeetingAgendaItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() position: number;
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty() proposalNumber: string;
  @ApiProperty() proposalTitle: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) proposalStatus: ProposalStatus;
  @ApiProperty({ type: VoteTallyDto }) tally: VoteTallyDto;
  @ApiProperty({ type: [MeetingVoteDto] }) votes: MeetingVoteDto[];
  @ApiProperty({ enum: AGENDA_DECISIONS, nullable: true }) decision: AgendaDecision | null;
  @ApiProperty(maybeCount) presentAtDecision: number | null;
  @ApiProperty({ ...maybeCount, description: '"For" votes the adoption rule asked for' })
  requiredFor: number | null;
  @ApiProperty(maybeInstant) decidedAt: string | null;
  @ApiProperty(maybeText) decisionNote: string | null;
}

@ApiSchema({ name: 'MeetingAttendee' })
export class MeetingAttendeeDto implements MeetingAttendee {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['member', 'resident'] }) kind: 'member' | 'resident';
  @ApiProperty(maybeId) memberId: string | null;
  @ApiProperty(maybeId) residentId: string | null;
  @ApiProperty({ enum: COUNCIL_MEMBER_ROLES, nullable: true }) role: CouncilMemberRole | null;
  @ApiProperty({ description: 'Residents see other residents masked' }) name: string;
  @ApiProperty(instant) recordedAt: string;
}

@ApiSchema({ name: 'MeetingSummary' })
export class MeetingSummaryDto implements MeetingSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() title: string;
  @ApiProperty(instant) startsAt: string;
  @ApiProperty() place: string;
  @ApiProperty({ enum: MEETING_STATUSES }) status: MeetingStatus;
  @ApiProperty() agendaCount: number;
  @ApiProperty() membersPresent: number;
  @ApiProperty() residentsPresent: number;
  @ApiProperty(maybeInstant) closedAt: string | null;
  @ApiProperty(instant) createdAt: string;
  @ApiProperty(instant) updatedAt: string;
  @ApiProperty() version: number;
}

@ApiSchema({ name: 'MeetingDetail' })
export class MeetingDetailDto extends MeetingSummaryDto implements MeetingDetail {
  @ApiProperty(maybeText) minutes: string | null;
  @ApiProperty({ description: 'Members serving on the meeting’s day' }) currentMembers: number;
  @ApiProperty({ description: 'Members present needed to vote and decide' }) quorum: number;
  @ApiProperty() quorate: boolean;
  @ApiProperty({ enum: ADOPTION_RULES }) adoptionRule: AdoptionRule;
  @ApiProperty({ type: [MeetingAttendeeDto] }) attendees: MeetingAttendeeDto[];
  @ApiProperty({ type: [MeetingAgendaItemDto] }) agenda: MeetingAgendaItemDto[];
}

@ApiSchema({ name: 'MeetingPage' })
export class MeetingPageDto extends PageMetaDto implements Page<MeetingSummary> {
  @ApiProperty({ type: [MeetingSummaryDto] }) items: MeetingSummaryDto[];
}
