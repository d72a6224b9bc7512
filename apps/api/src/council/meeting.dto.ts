import {
  MEETING_STATUSES,
  VOTE_CHOICES,
  type AddAgendaItemRequest,
  type CloseMeetingRequest,
  type CreateMeetingRequest,
  type DecideAgendaItemRequest,
  type MeetingStatus,
  type RecordAttendanceRequest,
  type RecordVoteRequest,
  type UpdateMeetingRequest,
  type VoteChoice,
} from '@baitong/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../common/page.dto';

const SOMETHING = /\S/;
const notBlank = (field: string) => ({ message: `${field} must not be blank` });
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const instantRule = (field: string) => ({
  message: `${field} must be a date and time with its offset, e.g. 2026-12-10T19:30:00+08:00`,
  context: { code: 'invalid_date' },
});
const TITLE = { minLength: 2, maxLength: 120, example: '十二月议事会' } as const;
const PLACE = { minLength: 2, maxLength: 200, example: '社区党群服务中心二楼会议室' } as const;

export class CreateMeetingDto implements CreateMeetingRequest {
  @ApiProperty(TITLE)
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  @Matches(SOMETHING, notBlank('title'))
  title: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-10T19:30:00+08:00' })
  @IsISO8601({ strict: true })
  @Matches(INSTANT, instantRule('startsAt'))
  startsAt: string;
  @ApiProperty(PLACE)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  @Matches(SOMETHING, notBlank('place'))
  place: string;
}

export class UpdateMeetingDto implements UpdateMeetingRequest {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiPropertyOptional(TITLE)
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  @Matches(SOMETHING, notBlank('title'))
  title?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT, instantRule('startsAt'))
  startsAt?: string;
  @ApiPropertyOptional(PLACE)
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  @Matches(SOMETHING, notBlank('place'))
  place?: string;
  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  minutes?: string;
}

export class AddAgendaItemDto implements AddAgendaItemRequest {
  @ApiProperty({ description: 'A proposal of the meeting’s community past its threshold' })
  @IsUUID('4')
  proposalId: string;
}

export class RecordAttendanceDto implements RecordAttendanceRequest {
  @ApiPropertyOptional({ description: 'A member of the council serving on the meeting’s day' })
  @IsOptional()
  @IsUUID('4')
  memberId?: string;
  @ApiPropertyOptional({ description: 'A resident of the community' })
  @IsOptional()
  @IsUUID('4')
  residentId?: string;
}

export class RecordVoteDto implements RecordVoteRequest {
  @ApiProperty({ description: 'A serving member recorded present' })
  @IsUUID('4')
  memberId: string;
  @ApiProperty({ enum: VOTE_CHOICES }) @IsIn(VOTE_CHOICES) choice: VoteChoice;
}

export class DecideAgendaItemDto implements DecideAgendaItemRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class CloseMeetingDto implements CloseMeetingRequest {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiProperty({ minLength: 1, maxLength: 20000 })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  @Matches(SOMETHING, notBlank('minutes'))
  minutes: string;
}

export class MeetingListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MEETING_STATUSES })
  @IsOptional()
  @IsIn(MEETING_STATUSES)
  status?: MeetingStatus;
}
