import { CASE_PUSH_EVENTS, type CasePush, type CasePushEvent } from '@baitong/contracts';
import { RealtimeConnection, type RealtimeOptions } from '@baitong/web-client';

export { setSocketFactory, type ConnectionState } from '@baitong/web-client';
export { CASE_PUSH_EVENTS as CASE_EVENTS };
export type { CasePushEvent as CaseEventName };

export interface ResidentRealtimeOptions extends Pick<
  RealtimeOptions<CasePushEvent>,
  'getToken' | 'renew' | 'onSubscribed'
> {
  userId: string;
  onPush: (push: CasePush, event: CasePushEvent) => void;
}

export type ResidentConnection = RealtimeConnection<CasePushEvent>;

let current: ResidentConnection | null = null;

/**
 * Opens the app's one live connection (closing any earlier one): the resident's own room
 * `user:<id>`, joined again after every reconnect with the last event seen so the server replays
 * what was missed. The last event id lives in memory for the session only.
 */
export function startRealtime(options: ResidentRealtimeOptions): ResidentConnection {
  stopRealtime();
  const { userId, ...rest } = options;
  const connection = new RealtimeConnection<CasePushEvent>({ ...rest, events: CASE_PUSH_EVENTS });
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
