import type { StreamEventName, StreamPushMap } from './events.js';

/**
 * A resident's inbox (消息): what their own room of the one event stream told them, newest first,
 * in exactly the view they were pushed live; their own acts are left out.
 */
export type ResidentNotification = {
  [K in StreamEventName]: {
    /** The stream id: the order of the inbox and what "seen" is counted against. */
    id: string;
    at: string;
    name: K;
    /** For a change of state: the state it moved to then (the subject may have moved on since). */
    toStatus: string | null;
    push: StreamPushMap[K];
  };
}[StreamEventName];

export interface NotificationPage {
  items: ResidentNotification[];
  /** Notifications after the resident's "seen" mark (at most `NOTIFICATIONS_UNREAD_CAP`). */
  unread: number;
  seenUpTo: string | null;
  /** Pass as `before` for the next, older page; null at the end. */
  nextBefore: string | null;
}

export interface NotificationCount {
  unread: number;
  seenUpTo: string | null;
}

export interface MarkNotificationsSeenRequest {
  /** The newest stream id the resident has seen; the mark never moves back. */
  upTo: string;
}

export const NOTIFICATIONS_PAGE_MAX = 50;
export const NOTIFICATIONS_UNREAD_CAP = 99;
