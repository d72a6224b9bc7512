import type {
  RealtimeSocket,
  RealtimeSocketOptions,
  SubscribeAck,
  SubscribeRequest,
} from '@baitong/contracts';

type Listener = (...args: never[]) => void;

/**
 * Stands in for a socket.io client socket (through `setSocketFactory`): records what the app
 * sends and lets a test play the server (accept, drop, refuse, push).
 */
export class FakeSocket implements RealtimeSocket {
  connected = false;
  active = false;
  disconnects = 0;
  /** The token sent with each connection attempt, in order. */
  readonly handshakes: string[] = [];
  readonly subscriptions: SubscribeRequest[] = [];
  ack: SubscribeAck = { ok: true, replayed: 0 };
  private readonly listeners = new Map<string, Listener[]>();

  constructor(readonly options: RealtimeSocketOptions) {}

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: 'subscribe', request: SubscribeRequest, ack: (res: SubscribeAck) => void): this {
    if (event === 'subscribe') {
      this.subscriptions.push(structuredClone(request));
      ack(this.ack);
    }
    return this;
  }

  connect(): this {
    this.active = true;
    this.options.auth((data) => this.handshakes.push(data.token));
    return this;
  }

  disconnect(): this {
    this.active = false;
    this.disconnects += 1;
    if (this.connected) {
      this.connected = false;
      this.fire('disconnect', 'io client disconnect');
    }
    return this;
  }

  // The server's side.

  fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as (...a: unknown[]) => void)(...args);
    }
  }

  /** The handshake succeeded. */
  accept(): void {
    this.connected = true;
    this.fire('connect');
  }

  /** The network dropped; socket.io keeps trying by itself (still active). */
  drop(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }

  /** The server refused the handshake (e.g. an expired token); socket.io stops trying. */
  refuse(): void {
    this.connected = false;
    this.active = false;
    this.fire('connect_error', Object.assign(new Error('UNAUTHENTICATED'), { data: {} }));
  }

  /** The server ended the connection (a logout elsewhere, an expired token). */
  kick(): void {
    this.connected = false;
    this.active = false;
    this.fire('disconnect', 'io server disconnect');
  }

  push(event: string, payload: unknown): void {
    this.fire(event, payload);
  }
}

/** Collects every socket the app makes, for tests that play the server. */
export function socketRecorder() {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    factory: (options: RealtimeSocketOptions) => {
      const socket = new FakeSocket(options);
      sockets.push(socket);
      return socket;
    },
    get last(): FakeSocket {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket was made');
      return socket;
    },
  };
}
