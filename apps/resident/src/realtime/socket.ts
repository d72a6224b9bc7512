import {
  CASE_PUSH_EVENTS,
  isLaterEventId,
  type CasePush,
  type CasePushEvent,
  type RealtimeSocket,
  type RealtimeSocketFactory,
  type RealtimeSocketOptions,
  type SubscribeAck,
  type SubscribeRequest,
} from '@baitong/contracts';
import { io } from 'socket.io-client';

export { CASE_PUSH_EVENTS as CASE_EVENTS };
export type { CasePushEvent as CaseEventName };

// The socket seam's types are shared with the other front end (packages/contracts).
export type { RealtimeSocket, SubscribeAck, SubscribeRequest };
export type SocketOptions = RealtimeSocketOptions;
export type SocketFactory = RealtimeSocketFactory;

const socketIoFactory: SocketFactory = (options) =>
  io({ path: options.path, auth: options.auth, autoConnect: false }) as unknown as RealtimeSocket;

let factory: SocketFactory = socketIoFactory;

/** Replaces how sockets are made (tests); `null` restores socket.io-client. */
export function setSocketFactory(next: SocketFactory | null): void {
  factory = next ?? socketIoFactory;
}

export interface RealtimeOptions {
  userId: string;
  /** The current access token, or null when the session is over. */
  getToken: () => string | null;
  /** A fresh token after `rejected` was refused (shared with the HTTP client's refresh). */
  renew: (rejected: string) => Promise<string | null>;
  onPush: (push: CasePush, event: CasePushEvent) => void;
  onSubscribed?: (ack: SubscribeAck) => void;
}

const MAX_RETRY_DELAY_MS = 60_000;

/**
 * One live connection for one signed-in resident: joins `user:<id>` and, after every
 * reconnect, joins again with `since` = the last event seen so the server replays what was
 * missed. The last event id lives in memory for the session only.
 */
export class RealtimeConnection {
  private readonly socket: RealtimeSocket;
  private lastEventId: string | null = null;
  private handshakeToken: string | null = null;
  private refusals = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly options: RealtimeOptions) {
    this.socket = factory({
      path: '/socket.io',
      auth: (cb) => {
        this.handshakeToken = options.getToken();
        cb({ token: this.handshakeToken ?? '' });
      },
    });
    this.socket.on('connect', () => this.onConnect());
    this.socket.on('connect_error', () => this.onRefusedOrFailed());
    this.socket.on('disconnect', (reason: string) => {
      // The server ended the connection (e.g. the token expired): socket.io will not reconnect.
      if (reason === 'io server disconnect') void this.recover();
    });
    for (const name of CASE_PUSH_EVENTS) {
      this.socket.on(name, (push: CasePush) => this.onPush(name, push));
    }
  }

  get lastSeen(): string | null {
    return this.lastEventId;
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  start(): void {
    if (this.stopped) return;
    if (!this.options.getToken()) return;
    this.socket.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.socket.disconnect();
  }

  private onConnect(): void {
    this.refusals = 0;
    const request: SubscribeRequest = { room: `user:${this.options.userId}` };
    if (this.lastEventId !== null) request.since = this.lastEventId;
    this.socket.emit('subscribe', request, (ack) => this.options.onSubscribed?.(ack));
  }

  private onPush(name: CasePushEvent, push: CasePush): void {
    if (this.stopped || !push || typeof push !== 'object') return;
    const id = push.eventId === undefined || push.eventId === null ? '' : String(push.eventId);
    if (id) {
      // Already seen (a replay overlapping a live push): nothing new.
      if (this.lastEventId !== null && !isLaterEventId(id, this.lastEventId)) return;
      this.lastEventId = id;
    }
    this.options.onPush(push, name);
  }

  private onRefusedOrFailed(): void {
    // While active, socket.io retries by itself (network trouble); the auth callback then
    // sends whatever token is current. Inactive means the server refused the handshake.
    if (this.socket.active) return;
    void this.recover();
  }

  /** Refused by the server: renew the token (the access token may have expired) and retry. */
  private async recover(): Promise<void> {
    if (this.stopped) return;
    this.refusals += 1;
    const used = this.handshakeToken ?? this.options.getToken();
    const fresh = used ? await this.options.renew(used) : null;
    if (this.stopped) return;
    if (!this.options.getToken()) return; // The session is over; the app stops this connection.
    if (fresh && fresh !== used && this.refusals === 1) {
      this.socket.connect();
      return;
    }
    const delay = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** Math.min(this.refusals, 6));
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.stopped && !this.socket.connected) this.socket.connect();
    }, delay);
  }
}

let current: RealtimeConnection | null = null;

/** Opens the app's one live connection (closing any earlier one). */
export function startRealtime(options: RealtimeOptions): RealtimeConnection {
  stopRealtime();
  current = new RealtimeConnection(options);
  current.start();
  return current;
}

/** Closes the live connection and forgets the session's last event id (logout). */
export function stopRealtime(): void {
  current?.stop();
  current = null;
}

export function realtimeConnection(): RealtimeConnection | null {
  return current;
}
