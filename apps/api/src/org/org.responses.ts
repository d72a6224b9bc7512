import {
  RATING_FACT_FIELDS,
  type Community,
  type Compound,
  type Desk,
  type FactChange,
  type Grid,
  type HoursException,
  type IsoWeekday,
  type OpenState,
  type OpeningInterval,
  type PublicDesk,
  type RatingFactField,
  type Street,
  type WeeklyHours,
} from '@baitong/contracts';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'Street' })
export class StreetDto implements Street {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Empty when unknown: show the Chinese name' }) nameEn: string;
  @ApiProperty() communityCount: number;
}

@ApiSchema({ name: 'Community' })
export class CommunityDto implements Community {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) streetId: string;
  @ApiProperty() streetName: string;
  @ApiProperty({ description: 'Empty when unknown: show the Chinese' }) streetNameEn: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Empty when unknown: show the Chinese name' }) nameEn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Null: never elected' })
  firstElectedOn: string | null;
  @ApiProperty() households: number;
  @ApiProperty({ description: 'Registered population (census), not app users' })
  registeredResidents: number;
  @ApiProperty() address: string;
  @ApiProperty({ description: 'Empty when unknown' }) addressEn: string;
  @ApiProperty() compoundCount: number;
  @ApiProperty() deskCount: number;
}

const FACT_VALUE = {
  oneOf: [{ type: 'string', format: 'date' }, { type: 'number' }],
  nullable: true,
  description: 'Dates as YYYY-MM-DD, counts and areas as numbers; null where there was no value',
};

@ApiSchema({ name: 'FactChange', description: 'One recorded change of a rating fact' })
export class FactChangeDto implements FactChange {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null: the community' })
  deskId: string | null;
  @ApiProperty({ type: String, nullable: true }) deskName: string | null;
  @ApiProperty({ type: String, nullable: true }) deskNameEn: string | null;
  @ApiProperty({ enum: RATING_FACT_FIELDS }) field: RatingFactField;
  @ApiProperty(FACT_VALUE) oldValue: string | number | null;
  @ApiProperty(FACT_VALUE) newValue: string | number | null;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'uuid' }) actorId: string;
  @ApiProperty() actorName: string;
  @ApiProperty() actorRole: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

@ApiSchema({ name: 'Compound' })
export class CompoundDto implements Compound {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Empty when unknown: show the Chinese name' }) nameEn: string;
  @ApiProperty() address: string;
  @ApiProperty({ description: 'Empty when unknown' }) addressEn: string;
  @ApiProperty() households: number;
  @ApiProperty({ type: Number, nullable: true }) lat: number | null;
  @ApiProperty({ type: Number, nullable: true }) lng: number | null;
}

@ApiSchema({ name: 'Grid' })
export class GridDto implements Grid {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) compoundId: string | null;
  @ApiProperty() name: string;
  @ApiProperty() code: string;
}

@ApiSchema({ name: 'OpeningInterval', description: 'Local time in Asia/Shanghai, HH:mm' })
export class OpeningIntervalDto implements OpeningInterval {
  @ApiProperty({ example: '08:30' }) opens: string;
  @ApiProperty({ example: '21:30', description: 'May be 24:00' }) closes: string;
}

@ApiSchema({ name: 'WeeklyHours' })
export class WeeklyHoursRecordDto implements WeeklyHours {
  @ApiProperty({ enum: [1, 2, 3, 4, 5, 6, 7], description: 'ISO weekday, 1 = Monday' })
  weekday: IsoWeekday;
  @ApiProperty({ type: [OpeningIntervalDto] }) intervals: OpeningIntervalDto[];
}

@ApiSchema({ name: 'HoursException' })
export class HoursExceptionDto implements HoursException {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ type: [OpeningIntervalDto], description: 'Empty: closed all day' })
  intervals: OpeningIntervalDto[];
  @ApiProperty() note: string;
}

/** A desk as staff see it, with whether it is open now (`Desk & OpenState`). */
@ApiSchema({ name: 'Desk' })
export class DeskDto implements Desk, OpenState {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty() communityName: string;
  @ApiProperty() communityNameEn: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) compoundId: string | null;
  @ApiProperty({ type: String, nullable: true }) compoundName: string | null;
  @ApiProperty({ type: String, nullable: true }) compoundNameEn: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Empty when unknown: show the Chinese name' }) nameEn: string;
  @ApiProperty() address: string;
  @ApiProperty({ description: 'Empty when unknown' }) addressEn: string;
  @ApiProperty() lat: number;
  @ApiProperty() lng: number;
  @ApiProperty() areaSqm: number;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: [WeeklyHoursRecordDto] }) weeklyHours: WeeklyHoursRecordDto[];
  @ApiProperty({ type: [HoursExceptionDto], description: 'Today and later' })
  exceptions: HoursExceptionDto[];
  @ApiProperty({ description: 'Send it back with an edit: a stale one answers 409' })
  version: number;
  @ApiProperty() openNow: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When open' })
  closesAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When closed; null if none in the next 14 days',
  })
  nextOpensAt: string | null;
  @ApiProperty({ type: [OpeningIntervalDto], description: "Today's hours, after exceptions" })
  today: OpeningIntervalDto[];
  @ApiProperty() exceptionToday: boolean;
}

@ApiSchema({ name: 'PublicDesk', description: 'A row of the public desk finder' })
export class PublicDeskDto extends DeskDto implements PublicDesk {
  @ApiProperty({ type: Number, nullable: true, description: 'From the point asked about' })
  distanceMeters: number | null;
}
