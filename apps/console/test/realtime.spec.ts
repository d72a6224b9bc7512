import { flushPromises } from '@vue/test-utils';
import { setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { setSocketFactory } from '@/realtime/socket';
import { useAuthStore } from '@/stores/auth';
import { useRealtimeStore } from '@/stores/realtime';
import { makeCase, push } from './case-fixtures';
import { socketRecorder } from './fake-socket';
import {
  createTestPinia,
  jsonResponse,
  loginResponse,
  makeUser,
  storeSession,
  stubFetch,
} from './helpers';

const user = makeUser('desk_staff', 'community', 'c1');

describe('live connection', () => {
  beforeEach(() => {
    storeSession(user, 'c1', 'old');
    setActivePinia(createTestPinia());
  });

  it('is one connection for every page, joined room by room with the access token', () => {
    const recorder = socketRecorder();
    setSocketFactory(recorder.factory);
    const realtime = useRealtimeStore();
    const leaveDesk = realtime.join('desk:d1');
    realtime.join('community:c1');
    expect(recorder.sockets).toHaveLength(1);
    const socket = recorder.last;
    expect(socket.options.path).toBe('/socket.io');
    expect(socket.handshakes).toEqual(['access-old']);
    socket.accept();
    expect(socket.subscriptions).toEqual([{ room: 'desk:d1' }, { room: 'community:c1' }]);

    // A room left is not joined again after a reconnect; the others replay from the last event.
    socket.push('case.updated', push('42', makeCase()));
    leaveDesk();
    socket.drop();
    socket.connect();
    socket.accept();
    expect(socket.subscriptions.slice(2)).toEqual([{ room: 'community:c1', since: '42' }]);
  });

  it('renews an expired token and connects again with the fresh one', async () => {
    const recorder = socketRecorder();
    setSocketFactory(recorder.factory);
    const { calls } = stubFetch({
      'POST /api/auth/staff/refresh': () => jsonResponse(200, loginResponse(user, 'new')),
    });
    const realtime = useRealtimeStore();
    realtime.join('desk:d1');
    const socket = recorder.last;

    socket.refuse();
    await flushPromises();

    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/auth/staff/refresh']);
    expect(socket.handshakes).toEqual(['access-old', 'access-new']);
    expect(useAuthStore().accessToken).toBe('access-new');
    socket.accept();
    expect(realtime.connected).toBe(true);
  });

  it('asks the pages to reload after a reconnect that cannot replay anything', () => {
    const recorder = socketRecorder();
    setSocketFactory(recorder.factory);
    const realtime = useRealtimeStore();
    realtime.join('desk:d1');
    const socket = recorder.last;
    socket.accept();
    socket.drop();
    expect(realtime.state).toBe('reconnecting');
    socket.connect();
    socket.accept();
    expect(socket.subscriptions).toEqual([{ room: 'desk:d1' }, { room: 'desk:d1' }]);
    expect(realtime.resyncs).toBe(1);
  });

  it('closes when the user signs out', async () => {
    const recorder = socketRecorder();
    setSocketFactory(recorder.factory);
    const realtime = useRealtimeStore();
    realtime.join('desk:d1');
    recorder.last.accept();
    useAuthStore().clearSession();
    await flushPromises();
    expect(recorder.last.connected).toBe(false);
    expect(realtime.state).toBe('idle');
  });
});
