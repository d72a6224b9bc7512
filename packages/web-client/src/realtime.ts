import {
  isLaterEventId,
  type RealtimeSocket,
  type RealtimeSocketFactory,
  type StreamEventName,
  type StreamPushMap,
  type SubscribeAck,
  type SubscribeRequest,
} from '@baitong/contracts';
import { io } from 'socket.io-client';

const socketIoFactory: RealtimeSocketFactory = (options) =>
  io({ path: options.path, auth: options.auth, autoConnect: false }) as unknown as RealtimeSocket;

let factory: RealtimeSocketFactory = socketIoFactory;

/** Replaces how sockets are made (tests hand in a fake); `null` restores socket.io-client. */
export function setSocketFactory(next: RealtimeSocketFactory | null): void {
  factory = next ?? socketIoFactory;
}

/** `connecting`: the first attempt; `reconnecting`: the link was lost and is being restored. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting';

export interface RealtimeOptions<E extends StreamEventName> {
  /** The stream events the app listens to (e.g. `CASE_PUSH_EVENTS`). */
  events: readonly E[];
  /** The current access token, or null when the session is over. */
  getToken: () => string | null;
  /** A fresh token after `rejected` was refused (the request client's `renewAccessToken`). */
  renew: (rejected: string | null) => Promise<string | null>;
  onPush: (push: StreamPushMap[E], event: E) => void;
  onState?: (state: ConnectionState) => void;
  /** After a reconnect that could not ask for a replay (no event seen yet): reload instead. */
  onResync?: () => void;
  onSubscribed?: (room: string, ack: SubscribeAck) => void;
  /** Socket.io's path on the server. */
  path?: string;
}

const MAX_RETRY_DELAY_MS = 60_000;
// Enough to recognise a replay overlapping the live pushes; old ids are forgotten first.
const SEEN_LIMIT = 2000;

/**
 * A front end's one live connection. It joins the rooms asked for and, after every reconnect,
 * joins them again with `since` = the last event id seen, so the server replays what was missed.
 * A push that arrives twice (live and replayed, or through two rooms) is dropped by its id; an
 * older one seen for the first time is kept (the server joins before it replays, so a live push
 * may overtake the replay). A handshake the server refuses renews the token and tries again.
 */
export class RealtimeConnection<E extends StreamEventName> {
  private readonly socket: RealtimeSocket;
  private readonly rooms = new Set<string>();
  private readonly seen = new Set<string>();
  private lastEventId: string | null = null;
  private handshakeToken: string | null = null;
  private everConnected = false;
  private refusals = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private state: ConnectionState = 'idle';

  constructor(private readonly options: RealtimeOptions<E>) {
    this.socket = factory({
      path: options.path ?? '/socket.io',
      auth: (cb) => {
        this.handshakeToken = options.getToken();
        cb({ token: this.handshakeToken ?? '' });
      },
    });
    this.socket.on('connect', () => this.onConnect());
    this.socket.on('connect_error', () => this.onRefusedOrFailed());
    this.socket.on('disconnect', (reason: string) => {
      if (this.stopped) return;
      this.setState('reconnecting');
      // The server ended the connection (e.g. the token expired): socket.io will not retry.
      if (reason === 'io server disconnect') void this.recover();
    });
    for (const name of options.events) {
      this.socket.on(name, (push: StreamPushMap[E]) => this.onPush(name, push));
    }
  }

  /** The id of the latest event seen, sent as `since` after a reconnect. */
  get lastSeen(): string | null {
    return this.lastEventId;
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  start(): void {
    if (this.stopped || !this.options.getToken()) return;
    this.setState('connecting');
    this.socket.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.socket.disconnect();
    this.setState('idle');
  }

  /** Joins a room now when connected, and again after every reconnect. */
  join(room: string): void {
    if (this.rooms.has(room)) return;
    this.rooms.add(room);
    // Whoever joins a room while connected loads its list itself: no replay of older events.
    if (this.socket.connected) this.subscribe(room, undefined);
  }

  /** Not joined again after a reconnect (the server has no "leave"; pages filter what they get). */
  leave(room: string): void {
    this.rooms.delete(room);
  }

  private subscribe(room: string, since: string | undefined): void {
    const request: SubscribeRequest = since === undefined ? { room } : { room, since };
    this.socket.emit('subscribe', request, (ack) => this.options.onSubscribed?.(room, ack));
  }

  private setState(next: ConnectionState): void {
    if (this.state === next) return;
    this.state = next;
    this.options.onState?.(next);
  }

  private onConnect(): void {
    this.refusals = 0;
    const reconnect = this.everConnected;
    this.everConnected = true;
    this.setState('connected');
    // One `since` for every room, taken before any replay moves it on.
    const since = this.lastEventId ?? undefined;
    for (const room of this.rooms) this.subscribe(room, reconnect ? since : undefined);
    if (reconnect && since === undefined) this.options.onResync?.();
  }

  private onPush(name: E, push: StreamPushMap[E]): void {
    if (this.stopped || !push || typeof push !== 'object') return;
    const raw: unknown = push.eventId;
    const id = raw === undefined || raw === null ? '' : String(raw);
    if (id) {
      if (this.seen.has(id)) return;
      this.seen.add(id);
      if (this.seen.size > SEEN_LIMIT) {
        const oldest = this.seen.values().next().value;
        if (oldest !== undefined) this.seen.delete(oldest);
      }
      if (this.lastEventId === null || isLaterEventId(id, this.lastEventId)) this.lastEventId = id;
    }
    this.options.onPush(push, name);
  }

  private onRefusedOrFailed(): void {
    if (this.stopped) return;
    this.setState(this.everConnected ? 'reconnecting' : 'connecting');
    // While active, socket.io retries by itself (network trouble) and the auth callback sends
    // whatever token is current then. Inactive means the server refused the handshake.
    if (this.socket.active) return;
    void this.recover();
  }

  /** Refused by the server: renew the token (it may have expired) and try again. */
  private async recover(): Promise<void> {
    if (this.stopped) return;
    this.refusals += 1;
    const used = this.handshakeToken ?? this.options.getToken();
    const fresh = await this.options.renew(used);
    // The session is over: whoever owns this connection stops it.
    if (this.stopped || !this.options.getToken()) return;
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
