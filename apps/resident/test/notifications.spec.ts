import type { NotificationPage, ProposalSummary, ResidentNotification } from '@baitong/contracts';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '@/App.vue';
import { setLocale } from '@/i18n';
import { setSocketFactory } from '@/realtime/socket';
import { isUnread, newestId, notificationLine } from '@/utils/notifications';
import { socketRecorder } from './fake-socket';
import {
  calls,
  json,
  makeCase,
  mountWithApp,
  resident,
  signIn,
  stubFetch,
  summaryOf,
} from './helpers';

const proposal = {
  id: 'p-1',
  title: '空地建垃圾房和晾晒点',
  status: 'open_for_support',
} as ProposalSummary;

const caseStep = (id: string, toStatus: string): ResidentNotification => ({
  id,
  at: '2026-11-27T02:00:00Z',
  name: 'case.updated',
  toStatus,
  push: { eventId: id, type: 'transition', case: summaryOf(makeCase({ status: 'accepted' })) },
});

const proposalStep = (
  id: string,
  toStatus: string | null,
  type = 'transition',
): ResidentNotification =>
  ({
    id,
    at: '2026-11-27T03:00:00Z',
    name: 'proposal.updated',
    toStatus,
    push: { eventId: id, type, proposal },
  }) as ResidentNotification;

afterEach(() => setLocale('zh-CN'));

describe('reading an inbox entry', () => {
  it('tells a step as it was then and links to its subject as it is now', () => {
    expect(notificationLine(caseStep('7', 'accepted'))).toEqual({
      kind: 'case',
      key: 'notifications.case.status',
      params: { status: 'requests.status.accepted' },
      subject: 'BT20261127-0042',
      to: '/requests/case-1',
    });
    expect(notificationLine(proposalStep('8', 'screening'))).toMatchObject({
      kind: 'proposal',
      params: { status: 'council.status.screening' },
      subject: '空地建垃圾房和晾晒点',
      to: '/council/p-1',
    });
    expect(
      notificationLine({
        id: '10',
        at: '2026-11-27T04:00:00Z',
        name: 'evaluation.invited',
        toStatus: null,
        push: {
          eventId: '10',
          invitation: {
            proposalId: 'p-1',
            number: 'YS-1',
            title: proposal.title,
            invitedAt: '2026-11-27T04:00:00Z',
            dueAt: '2026-12-11T04:00:00Z',
          },
        },
      }),
    ).toMatchObject({ kind: 'evaluation', subject: proposal.title, to: '/council/p-1' });
    expect(notificationLine(proposalStep('9', null, 'threshold_reached'))).toMatchObject({
      key: 'notifications.proposal.event',
      params: { event: 'council.events.threshold_reached' },
    });
  });

  it('compares stream ids as numbers, not as text', () => {
    expect(isUnread('10', '9')).toBe(true);
    expect(isUnread('9', '10')).toBe(false);
    expect(isUnread('1', null)).toBe(true);
    expect(newestId('9', '10')).toBe('10');
    expect(newestId(null, '3')).toBe('3');
  });
});

describe('the inbox', () => {
  function server(pages: { unread: number; items: ResidentNotification[] }[]) {
    let served = 0;
    const seen: string[] = [];
    const fetchMock = stubFetch((url, init) => {
      const current = pages[Math.min(served, pages.length - 1)]!;
      if (url === '/api/me/notifications/unread')
        return json({ unread: current.unread, seenUpTo: seen.at(-1) ?? null });
      if (url.startsWith('/api/me/notifications?')) {
        const page: NotificationPage = {
          ...current,
          seenUpTo: seen.at(-1) ?? null,
          nextBefore: null,
        };
        return json(page);
      }
      if (url === '/api/me/notifications/seen') {
        seen.push((JSON.parse(String(init.body)) as { upTo: string }).upTo);
        return json({ unread: 0, seenUpTo: seen.at(-1) });
      }
      return json(resident);
    });
    return {
      fetchMock,
      seen,
      next: () => {
        served += 1;
      },
    };
  }

  it('counts on joining, tells live news in a banner, and marks all seen once opened', async () => {
    setLocale('zh-CN');
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const recorder = socketRecorder();
    setSocketFactory(recorder.factory);
    signIn();
    const s = server([
      { unread: 1, items: [caseStep('7', 'accepted')] },
      { unread: 2, items: [proposalStep('9', 'open_for_support'), caseStep('7', 'accepted')] },
    ]);
    const { wrapper, router } = await mountWithApp(App, { path: '/' });
    await vi.waitFor(() => expect(recorder.sockets).toHaveLength(1));
    recorder.last.accept();
    await flushPromises();
    const bell = () => wrapper.get('[data-testid="notification-bell"]');
    await vi.waitFor(() => expect(bell().attributes('data-unread')).toBe('1'));
    // What was there before signing in is the backlog, counted but not announced.
    expect(document.querySelector('.notification-banner')).toBeNull();

    s.next();
    recorder.last.push('proposal.updated', { eventId: '9', type: 'transition', proposal });
    await vi.advanceTimersByTimeAsync(500);
    await flushPromises();
    await vi.waitFor(() => expect(bell().attributes('data-unread')).toBe('2'));
    const banner = document.querySelector('.notification-banner');
    expect(banner?.textContent).toBe('提议进入「征集支持中」：空地建垃圾房和晾晒点');

    await router.push('/notifications');
    await flushPromises();
    await vi.waitFor(() => expect(s.seen).toEqual(['9']));
    const rows = wrapper.findAll('[data-testid="notification"]');
    expect(rows.map((r) => r.get('[data-testid="notification-message"]').text())).toEqual([
      '提议进入「征集支持中」',
      '诉求状态变为「已受理」',
    ]);
    // New when the page opened, so still marked while it is read.
    expect(rows.map((r) => r.attributes('data-unread'))).toEqual(['true', 'true']);
    expect(bell().attributes('data-unread')).toBe('0');
    expect(calls(s.fetchMock)).toContain('POST /api/me/notifications/seen');

    await rows[1]!.trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/requests/case-1'));
    vi.useRealTimers();
  });

  it('says so when there is nothing, in English too', async () => {
    setLocale('en');
    const recorder = socketRecorder();
    setSocketFactory(recorder.factory);
    signIn();
    server([{ unread: 0, items: [] }]);
    const { wrapper } = await mountWithApp(App, { path: '/notifications' });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="notifications-empty"]').text()).toContain(
        'No notifications yet',
      ),
    );
  });
});
