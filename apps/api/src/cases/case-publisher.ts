import type { CaseEventType } from '@baitong/contracts';
import type { CaseRow } from './cases.repository';

/** What the cases module needs from real time: publish committed events to the rooms they concern. */
export interface CasePublisher {
  publish(events: PublishedEvent[]): Promise<void>;
}

export interface PublishedEvent {
  eventId: string;
  type: CaseEventType;
  caseId: string;
  /** Rooms beyond the case's current desk, community, resident and assignee (e.g. the desk it left). */
  alsoRooms?: string[];
  /** The case as just read, when the caller has it; saves the publisher a query. */
  row?: CaseRow;
}

export const CASE_PUBLISHER = Symbol('CASE_PUBLISHER');
