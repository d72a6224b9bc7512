import type { CasePush } from './cases.js';
import type { CouncilPush, ProposalPush } from './council.js';
import type { FollowUpPush } from './follow-ups.js';
import type { EvaluationInvitationPush } from './implementation.js';
import type { MeetingPush } from './meetings.js';
import type { RatingPublishedStreamPush } from './rating-runs.js';

/**
 * The one event stream: every domain change appends an event with one sequence, in the same
 * transaction as the change; after commit it is pushed to the rooms it concerns under its name,
 * and a reconnecting client replays "everything after id N" across all kinds.
 * Each entry maps an event name to its push payload; every payload carries its stream id.
 */
export interface StreamPushMap {
  'case.created': CasePush;
  'case.updated': CasePush;
  'case.assigned': CasePush;
  'case.overdue': CasePush;
  /** A desk's weekly hours or dated exceptions changed (open cases' due times follow). */
  'desk.hours_changed': DeskHoursPush;
  /** A follow-up was scheduled, assigned, recorded, completed, appealed or (for the resident) invited. */
  'followup.updated': FollowUpPush;
  /** A follow-up passed its due time: the assignee is told. */
  'followup.overdue': FollowUpPush;
  /** A follow-up's result is in: its case closes or is reopened (a reaction of the cases side). */
  'followup.completed': FollowUpPush;
  /** A completed council project asks the resident to evaluate it (their own room only). */
  'evaluation.invited': EvaluationInvitationPush;
  /** A proposal was created, changed state, merged, supported, commented or moderated. */
  'proposal.updated': ProposalPush;
  /** A council's rules or members changed. */
  'council.updated': CouncilPush;
  /** A council meeting was planned or changed: agenda, attendance, a vote, a decision, its minutes. */
  'meeting.updated': MeetingPush;
  /** A rating run was published: district staff and every community rated are told. */
  'rating.published': RatingPublishedStreamPush;
}

export type StreamEventName = keyof StreamPushMap;

export const STREAM_EVENT_NAMES = [
  'case.created',
  'case.updated',
  'case.assigned',
  'case.overdue',
  'desk.hours_changed',
  'followup.updated',
  'followup.overdue',
  'followup.completed',
  'evaluation.invited',
  'proposal.updated',
  'council.updated',
  'meeting.updated',
  'rating.published',
] as const satisfies readonly StreamEventName[];

// Fails to compile when the list above misses a name of the map.
type Missing = Exclude<StreamEventName, (typeof STREAM_EVENT_NAMES)[number]>;
const _exhaustive: Missing extends never ? true : never = true;
void _exhaustive;

export interface DeskHoursPush {
  eventId: string;
  deskId: string;
  communityId: string;
}

/** Why the server ended a socket: the client should sign in again, not reconnect. */
export interface SessionEndedPush {
  reason: 'logged_out' | 'session_revoked' | 'session_expired';
}

/** Socket.io events pushed to rooms `user:<id>`, `desk:<id>`, `community:<id>`. */
export type ServerToClientEvents = {
  [K in StreamEventName]: (e: StreamPushMap[K]) => void;
} & { 'session.ended': (e: SessionEndedPush) => void };

export interface SubscribeRequest {
  /** `user:<id>`, `desk:<id>` or `community:<id>`. */
  room: string;
  /** The last stream id seen: every event of the room after it is replayed, of every kind. */
  since?: string;
}

export interface ClientToServerEvents {
  /** Join a room the caller may see; replays every event after `since` (a stream id). */
  subscribe: (req: SubscribeRequest, ack: (res: SubscribeAck) => void) => void;
}

export interface SubscribeAck {
  ok: boolean;
  code?: string;
  replayed?: number;
}

/** Event ids come from one database sequence, sent as strings: compare them as numbers. */
export function isLaterEventId(next: string, last: string): boolean {
  if (/^\d+$/.test(next) && /^\d+$/.test(last)) return BigInt(next) > BigInt(last);
  return next !== last;
}

/**
 * The little of a socket.io client socket that the front ends use: their seam for tests, which
 * hand a fake with these members to the app's `setSocketFactory` instead of touching socket.io.
 */
export interface RealtimeSocket {
  readonly connected: boolean;
  /** False once the server refused or ended the connection: socket.io does not retry then. */
  readonly active: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: 'subscribe', request: SubscribeRequest, ack: (res: SubscribeAck) => void): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

export interface RealtimeSocketOptions {
  path: string;
  /** Asked on every connection attempt, so a reconnect always sends the current token. */
  auth: (cb: (data: { token: string }) => void) => void;
}

export type RealtimeSocketFactory = (options: RealtimeSocketOptions) => RealtimeSocket;
