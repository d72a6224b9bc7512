import { CASE_PUSH_EVENTS, type StreamPushMap } from '@baitong/contracts';
import { RealtimeConnection, type RealtimeOptions } from '@baitong/web-client';

export { setSocketFactory, type ConnectionState } from '@baitong/web-client';

/**
 * What the resident's room carries: their own cases, (as `followup.updated`, type `invited`) the
 * invitation to rate a resolved one, the steps of council proposals they wrote, support or
 * follow (`proposal.updated`), and the invitation to evaluate a completed project
 * (`evaluation.invited`), and the meetings that take those proposals up (`meeting.updated`).
 */
export const RESIDENT_EVENTS = [
  ...CASE_PUSH_EVENTS,
  'followup.updated',
  'evaluation.invited',
  'proposal.updated',
  'meeting.updated',
] as const;
export type ResidentEventName = (typeof RESIDENT_EVENTS)[number];
export type ResidentPush = StreamPushMap[ResidentEventName];

export interface ResidentRealtimeOptions extends Pick<
  RealtimeOptions<ResidentEventName>,
  'getToken' | 'renew' | 'onSubscribed'
> {
  userId: string;
  onPush: (push: ResidentPush, event: ResidentEventName) => void;
}

export type ResidentConnection = RealtimeConnection<ResidentEventName>;

let current: ResidentConnection | null = null;

/**
 * Opens the app's one live connection (closing any earlier one): the resident's own room
 * `user:<id>`, joined again after every reconnect with the last event seen so the server replays
 * what was missed. The last event id lives in memory for the session only.
 */
export function startRealtime(options: ResidentRealtimeOptions): ResidentConnection {
  stopRealtime();
  const { userId, ...rest } = options;
  const connection = new RealtimeConnection<ResidentEventName>({
    ...rest,
    events: RESIDENT_EVENTS,
  });
  connection.join(`user:${userId}`);
  connection.start();
  current = connection;
  return connection;
}

/** Closes the live connection and forgets the session's last event id (logout). */
export function stopRealtime(): void {
  current?.stop();
  current = null;
}

export function realtimeConnection(): ResidentConnection | null {
  return current;
}
