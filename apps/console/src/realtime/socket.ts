import {
  CASE_PUSH_EVENTS,
  FOLLOW_UP_PUSH_EVENTS,
  type CasePushEvent,
  type FollowUpPushEvent,
} from '@baitong/contracts';
import {
  RealtimeConnection as StreamConnection,
  type RealtimeOptions as StreamOptions,
} from '@baitong/web-client';

export { setSocketFactory, type ConnectionState } from '@baitong/web-client';
export { CASE_PUSH_EVENTS, FOLLOW_UP_PUSH_EVENTS };
export type { CasePushEvent, FollowUpPushEvent };

/** The council's proposal pushes (`StreamPushMap` in contracts). */
export const PROPOSAL_PUSH_EVENTS = ['proposal.updated'] as const;
export type ProposalPushEvent = (typeof PROPOSAL_PUSH_EVENTS)[number];

/** A council meeting's pushes: agenda, attendance, votes, decisions, minutes. */
export const MEETING_PUSH_EVENTS = ['meeting.updated'] as const;
export type MeetingPushEvent = (typeof MEETING_PUSH_EVENTS)[number];

/** A rating run published (`rating.published`): the district's staff and each rated community. */
export const RATING_PUSH_EVENTS = ['rating.published'] as const;
export type RatingPushEvent = (typeof RATING_PUSH_EVENTS)[number];

/** Every push the console listens to. */
export type ConsolePushEvent =
  CasePushEvent | FollowUpPushEvent | ProposalPushEvent | MeetingPushEvent | RatingPushEvent;
export const CONSOLE_PUSH_EVENTS: readonly ConsolePushEvent[] = [
  ...CASE_PUSH_EVENTS,
  ...FOLLOW_UP_PUSH_EVENTS,
  ...PROPOSAL_PUSH_EVENTS,
  ...MEETING_PUSH_EVENTS,
  ...RATING_PUSH_EVENTS,
];

export const isFollowUpEvent = (event: ConsolePushEvent): event is FollowUpPushEvent =>
  (FOLLOW_UP_PUSH_EVENTS as readonly string[]).includes(event);

export const isProposalEvent = (event: ConsolePushEvent): event is ProposalPushEvent =>
  (PROPOSAL_PUSH_EVENTS as readonly string[]).includes(event);

export const isMeetingEvent = (event: ConsolePushEvent): event is MeetingPushEvent =>
  (MEETING_PUSH_EVENTS as readonly string[]).includes(event);

export const isRatingEvent = (event: ConsolePushEvent): event is RatingPushEvent =>
  (RATING_PUSH_EVENTS as readonly string[]).includes(event);

export type RealtimeOptions = Omit<StreamOptions<ConsolePushEvent>, 'events'>;

/** The console's one live connection: the case, follow-up, proposal and meeting pushes of the rooms its pages show. */
export class RealtimeConnection extends StreamConnection<ConsolePushEvent> {
  constructor(options: RealtimeOptions) {
    super({ ...options, events: CONSOLE_PUSH_EVENTS });
  }
}
