import type { CasePush } from '@baitong/contracts';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { readTokens, saveTokens } from '@/api/token-storage';
import App from '@/App.vue';
import { setSocketFactory } from '@/realtime/socket';
import { useAuthStore } from '@/stores/auth';
import { useCasesStore } from '@/stores/cases';
import { socketRecorder } from './fake-socket';
import {
  calls,
  json,
  makeCase,
  mountWithApp,
  noContent,
  resident,
  signIn,
  stubFetch,
  summaryOf,
} from './helpers';

function push(eventId: string, status = 'accepted' as const): CasePush {
  return {
    eventId,
    type: 'transition',
    case: summaryOf(makeCase({ status, version: Number(eventId) })),
  };
}

async function signedInApp() {
  const recorder = socketRecorder();
  setSocketFactory(recorder.factory);
  signIn();
  const fetchMock = stubFetch((url) => {
    if (url === '/api/auth/resident/refresh') {
      return json({ accessToken: 'a-2', expiresIn: 900, user: resident });
    }
    if (url === '/api/auth/resident/logout') return noContent();
    return json(resident);
  });
  const mounted = await mountWithApp(App, { path: '/me' });
  await vi.waitFor(() => expect(recorder.sockets).toHaveLength(1));
  return { ...mounted, recorder, fetchMock };
}

describe('live updates', () => {
  it("connects once with the access token and joins the resident's own room", async () => {
    const { recorder } = await signedInApp();
    const socket = recorder.last;

    expect(socket.options.path).toBe('/socket.io');
    expect(socket.handshakes).toEqual(['a-1']);
    socket.accept();

    expect(socket.subscriptions).toEqual([{ room: 'user:u-1' }]);
  });

  it('joins again after a reconnect with the last event id seen, and with the current token', async () => {
    const { recorder } = await signedInApp();
    const socket = recorder.last;
    socket.accept();
    socket.push('case.updated', push('501'));
    socket.push('case.assigned', push('502'));
    socket.push('case.overdue', push('510'));

    socket.drop();
    // Meanwhile an HTTP call refreshed the session.
    saveTokens({ accessToken: 'a-2' });
    socket.connect(); // socket.io's own retry
    socket.accept();

    expect(socket.subscriptions).toEqual([
      { room: 'user:u-1' },
      { room: 'user:u-1', since: '510' },
    ]);
    expect(socket.handshakes).toEqual(['a-1', 'a-2']);

    socket.drop();
    socket.connect();
    socket.accept();
    expect(socket.subscriptions.at(-1)).toEqual({ room: 'user:u-1', since: '510' });
  });

  // An older event seen for the first time is kept: the server joins the room before it replays,
  // so a live push may overtake the replay.
  it('ignores a push it has already seen (replay overlapping a live push), keeps an older new one', async () => {
    const { recorder, pinia } = await signedInApp();
    const cases = useCasesStore(pinia);
    const apply = vi.spyOn(cases, 'applyPush');
    const socket = recorder.last;
    socket.accept();

    socket.push('case.updated', push('900'));
    socket.push('case.updated', push('899'));
    socket.push('case.updated', push('900'));
    socket.push('case.updated', push('1000'));

    expect(apply.mock.calls.map(([p]) => p.eventId)).toEqual(['900', '899', '1000']);
  });

  it('renews an expired token when the server refuses the handshake, then reconnects', async () => {
    const { recorder, fetchMock } = await signedInApp();
    const socket = recorder.last;
    socket.accept();
    socket.push('case.updated', push('42'));
    socket.drop();

    socket.connect();
    socket.refuse();
    await flushPromises();

    expect(calls(fetchMock)).toContain('POST /api/auth/resident/refresh');
    expect(readTokens()?.accessToken).toBe('a-2');
    expect(socket.handshakes).toEqual(['a-1', 'a-1', 'a-2']);
    socket.accept();
    expect(socket.subscriptions.at(-1)).toEqual({ room: 'user:u-1', since: '42' });
  });

  it('disconnects on logout and starts the next session afresh', async () => {
    const { recorder, pinia } = await signedInApp();
    const first = recorder.last;
    first.accept();
    first.push('case.updated', push('77'));

    await useAuthStore(pinia).logout();
    await flushPromises();

    expect(first.disconnects).toBeGreaterThan(0);
    expect(first.connected).toBe(false);
    expect(useCasesStore(pinia).items).toEqual([]);

    // Logging in again (here: the same resident) opens a new connection with no `since`.
    saveTokens({ accessToken: 'a-3' });
    await useAuthStore(pinia).ensureUser();
    await vi.waitFor(() => expect(recorder.sockets).toHaveLength(2));
    recorder.last.accept();
    expect(recorder.last.handshakes).toEqual(['a-3']);
    expect(recorder.last.subscriptions).toEqual([{ room: 'user:u-1' }]);
  });
});
