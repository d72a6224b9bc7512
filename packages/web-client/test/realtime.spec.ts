import { CASE_PUSH_EVENTS, type CasePush } from '@baitong/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RealtimeConnection, setSocketFactory, type ConnectionState } from '../src/index.js';
import { socketRecorder } from '../src/testing/index.js';

function push(eventId: string): CasePush {
  return { eventId, type: 'transition', case: { id: 'case-1' } } as CasePush;
}

function connect(overrides: { renew?: (rejected: string | null) => Promise<string | null> } = {}) {
  const recorder = socketRecorder();
  setSocketFactory(recorder.factory);
  let token: string | null = 'a-1';
  const pushes: string[] = [];
  const states: ConnectionState[] = [];
  const onResync = vi.fn();
  const renew = vi.fn(overrides.renew ?? (async () => (token = 'a-2')));
  const connection = new RealtimeConnection({
    events: CASE_PUSH_EVENTS,
    getToken: () => token,
    renew,
    onPush: (p, event) => pushes.push(`${event} ${p.eventId}`),
    onState: (state) => states.push(state),
    onResync,
  });
  return {
    connection,
    socket: () => recorder.last,
    pushes,
    states,
    onResync,
    renew,
    signOut: () => (token = null),
  };
}

describe('live connection with replay', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    setSocketFactory(null);
    vi.useRealTimers();
  });

  it('joins its rooms on connect and, after a reconnect, asks for the events after the last id', () => {
    const { connection, socket, pushes, states } = connect();
    connection.join('desk:d1');
    connection.start();
    expect(socket().handshakes).toEqual(['a-1']);
    socket().accept();
    connection.join('community:c1');
    expect(socket().subscriptions).toEqual([{ room: 'desk:d1' }, { room: 'community:c1' }]);

    socket().push('case.updated', push('41'));
    socket().push('case.assigned', push('510'));
    socket().push('case.created', push('99'));
    expect(connection.lastSeen).toBe('510');

    socket().drop();
    socket().connect();
    socket().accept();

    expect(socket().subscriptions.slice(2)).toEqual([
      { room: 'desk:d1', since: '510' },
      { room: 'community:c1', since: '510' },
    ]);
    expect(pushes).toEqual(['case.updated 41', 'case.assigned 510', 'case.created 99']);
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
  });

  it('drops a push seen before, keeping an older one it has not seen (live before replay)', () => {
    const { connection, socket, pushes } = connect();
    connection.join('user:u1');
    connection.start();
    socket().accept();

    socket().push('case.updated', push('900'));
    socket().push('case.updated', push('899'));
    socket().push('case.updated', push('900'));
    socket().push('case.updated', null);
    socket().push('case.updated', push('1000'));

    expect(pushes).toEqual(['case.updated 900', 'case.updated 899', 'case.updated 1000']);
    expect(connection.lastSeen).toBe('1000');
  });

  it('asks for a reload after a reconnect when nothing was seen to replay from', () => {
    const { connection, socket, onResync } = connect();
    connection.join('desk:d1');
    connection.start();
    socket().accept();
    socket().drop();
    socket().connect();
    socket().accept();

    expect(socket().subscriptions).toEqual([{ room: 'desk:d1' }, { room: 'desk:d1' }]);
    expect(onResync).toHaveBeenCalledTimes(1);
  });

  it('renews the token when the server refuses the handshake and connects with the fresh one', async () => {
    const { connection, socket, renew } = connect();
    connection.join('user:u1');
    connection.start();

    socket().refuse();
    await vi.runAllTimersAsync();

    expect(renew).toHaveBeenCalledWith('a-1');
    expect(socket().handshakes).toEqual(['a-1', 'a-2']);
  });

  it('backs off instead of looping when the renewed token is refused too', async () => {
    const { connection, socket } = connect({ renew: async () => null });
    connection.start();

    socket().refuse();
    await vi.advanceTimersByTimeAsync(1000);
    expect(socket().handshakes).toEqual(['a-1']);
    await vi.advanceTimersByTimeAsync(1500);
    expect(socket().handshakes).toEqual(['a-1', 'a-1']);
  });

  it('stays down once the session is over or the connection is stopped', async () => {
    const { connection, socket, signOut, states } = connect({ renew: async () => null });
    connection.start();
    socket().accept();
    signOut();
    socket().kick();
    await vi.runAllTimersAsync();
    expect(socket().handshakes).toEqual(['a-1']);

    connection.stop();
    expect(socket().connected).toBe(false);
    expect(states.at(-1)).toBe('idle');
  });
});
