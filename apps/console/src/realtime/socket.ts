import { CASE_PUSH_EVENTS, type CasePushEvent } from '@baitong/contracts';
import {
  RealtimeConnection as StreamConnection,
  type RealtimeOptions as StreamOptions,
} from '@baitong/web-client';

export { setSocketFactory, type ConnectionState } from '@baitong/web-client';
export { CASE_PUSH_EVENTS };
export type { CasePushEvent };

export type RealtimeOptions = Omit<StreamOptions<CasePushEvent>, 'events'>;

/** The console's one live connection: the case pushes of the rooms its pages show. */
export class RealtimeConnection extends StreamConnection<CasePushEvent> {
  constructor(options: RealtimeOptions) {
    super({ ...options, events: CASE_PUSH_EVENTS });
  }
}
