import type { CaseSummary } from '@baitong/contracts';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import App from '@/App.vue';
import { setLocale } from '@/i18n';
import { setSocketFactory } from '@/realtime/socket';
import { socketRecorder } from './fake-socket';
import {
  calls,
  casePage,
  json,
  makeCase,
  mountWithApp,
  resident,
  signIn,
  stubFetch,
  summaryOf,
  type FetchHandler,
} from './helpers';

// Friday 27 November 2026, 10:00 in Shanghai.
const NOW = new Date('2026-11-27T02:00:00Z');

const SUBMITTED = summaryOf(
  makeCase({
    id: 'c-sub',
    number: 'BT20261127-0042',
    status: 'submitted',
    submittedAt: '2026-11-27T01:05:00Z',
    sla: {
      acceptDueAt: '2026-11-28T04:30:00Z',
      resolveDueAt: null,
      acceptOverdue: false,
      resolveOverdue: false,
      paused: false,
    },
  }),
);
const LATE = summaryOf(
  makeCase({
    id: 'c-late',
    number: 'BT20261120-0011',
    status: 'in_progress',
    categoryName: '噪音扰民',
    categoryNameEn: 'Noise',
    submittedAt: '2026-11-20T06:00:00Z',
    sla: {
      acceptDueAt: '2026-11-20T08:00:00Z',
      resolveDueAt: '2026-11-26T08:00:00Z',
      acceptOverdue: false,
      resolveOverdue: true,
      paused: false,
    },
  }),
);
const WAITING = summaryOf(
  makeCase({
    id: 'c-wait',
    number: 'BT20261118-0003',
    status: 'waiting_resident',
    submittedAt: '2026-11-18T03:00:00Z',
    sla: {
      acceptDueAt: '2026-11-18T05:00:00Z',
      resolveDueAt: null,
      acceptOverdue: false,
      resolveOverdue: false,
      paused: true,
    },
  }),
);
const DONE = summaryOf(
  makeCase({
    id: 'c-done',
    number: 'BT20261001-0001',
    status: 'resolved',
    submittedAt: '2026-10-01T03:00:00Z',
  }),
);
const ALL = [SUBMITTED, LATE, WAITING, DONE];

function api(
  list: (page: number) => ReturnType<typeof casePage> = () => casePage(ALL),
): FetchHandler {
  return (url) => {
    const { pathname, searchParams } = new URL(url, 'http://app.test');
    if (pathname === '/api/auth/me') return json(resident);
    if (pathname === '/api/cases') return json(list(Number(searchParams.get('page') ?? '1')));
    return json({});
  };
}

async function openList(handler: FetchHandler = api()) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  signIn();
  const fetchMock = stubFetch(handler);
  const mounted = await mountWithApp(App, { path: '/requests' });
  await vi.waitFor(
    () => expect(mounted.wrapper.find('[data-testid="request-list"]').exists()).toBe(true),
    { timeout: 10_000 },
  );
  return { ...mounted, fetchMock };
}

function row(wrapper: VueWrapper, id: string) {
  return wrapper.get(`[data-testid="request-row"][data-case-id="${id}"]`);
}

describe('my requests', () => {
  it('lists the requests newest first with number, category, status and due time', async () => {
    const { wrapper, fetchMock } = await openList(
      api(() => casePage([DONE, WAITING, SUBMITTED, LATE])),
    );

    expect(calls(fetchMock)).toContain('GET /api/cases?page=1&pageSize=20');
    const rows = wrapper.findAll('[data-testid="request-row"]');
    expect(rows.map((r) => r.attributes('data-case-id'))).toEqual([
      'c-sub',
      'c-late',
      'c-wait',
      'c-done',
    ]);
    expect(rows.map((r) => r.attributes('data-status'))).toEqual([
      'submitted',
      'in_progress',
      'waiting_resident',
      'resolved',
    ]);
    expect(rows.map((r) => r.get('[data-testid="request-status"]').text())).toEqual([
      'Submitted',
      'In progress',
      'Waiting for you',
      'Resolved',
    ]);

    const first = row(wrapper, 'c-sub');
    expect(first.text()).toContain('BT20261127-0042');
    expect(first.text()).toContain('Stairwell lighting');
    expect(first.text()).toContain('Submitted 27 Nov 09:05');
    expect(first.get('[data-testid="due-time"]').text()).toBe('Acceptance due by 28 Nov 12:30');
    expect(first.attributes('href')).toBe('/requests/c-sub');

    const late = row(wrapper, 'c-late').get('[data-testid="due-time"]');
    expect(late.attributes('data-overdue')).toBe('true');
    expect(late.text()).toBe('Resolution was due by 26 Nov 16:00');
    expect(row(wrapper, 'c-late').get('[data-testid="overdue"]').text()).toBe('Overdue');
    expect(first.find('[data-testid="overdue"]').exists()).toBe(false);
    expect(row(wrapper, 'c-wait').get('[data-testid="due-time"]').text()).toBe('Waiting for you');
    expect(row(wrapper, 'c-done').find('[data-testid="due-time"]').exists()).toBe(false);
  });

  it('shows statuses and due times in Chinese', async () => {
    setLocale('zh-CN');
    const { wrapper } = await openList();

    expect(wrapper.findAll('[data-testid="request-status"]').map((s) => s.text())).toEqual([
      '已提交',
      '办理中',
      '待您补充',
      '已办结',
    ]);
    expect(row(wrapper, 'c-sub').get('[data-testid="due-time"]').text()).toBe(
      '预计 11月28日 12:30 前受理',
    );
    expect(row(wrapper, 'c-sub').text()).toContain('楼道照明');
    expect(row(wrapper, 'c-sub').text()).toContain('11月27日 09:05 提交');
    expect(row(wrapper, 'c-late').get('[data-testid="due-time"]').text()).toBe(
      '已超过预计办结时间（11月26日 16:00）',
    );
    expect(row(wrapper, 'c-late').get('[data-testid="overdue"]').text()).toBe('已超时');
    expect(row(wrapper, 'c-wait').get('[data-testid="due-time"]').text()).toBe('等待您补充材料');
  });

  it('marks a due time as overdue once it has passed, even before the server says so', async () => {
    const soon = { ...SUBMITTED, sla: { ...SUBMITTED.sla, acceptDueAt: '2026-11-27T01:30:00Z' } };
    const { wrapper } = await openList(api(() => casePage([soon])));
    const due = row(wrapper, 'c-sub').get('[data-testid="due-time"]');
    expect(due.attributes('data-overdue')).toBe('true');
    expect(due.text()).toBe('Acceptance was due by 27 Nov 09:30');
  });

  it('changes a row in place when a case.updated is pushed, without fetching the list again', async () => {
    const recorder = socketRecorder();
    setSocketFactory(recorder.factory);
    const { wrapper, fetchMock } = await openList();
    recorder.last.accept();
    const before = fetchMock.mock.calls.length;

    const accepted: CaseSummary = {
      ...SUBMITTED,
      status: 'accepted',
      version: 2,
      assigneeName: '王芳',
      sla: { ...SUBMITTED.sla, resolveDueAt: '2026-12-01T09:00:00Z' },
    };
    recorder.last.push('case.updated', { eventId: '501', type: 'transition', case: accepted });
    await flushPromises();

    const updated = row(wrapper, 'c-sub');
    expect(updated.attributes('data-status')).toBe('accepted');
    expect(updated.get('[data-testid="request-status"]').text()).toBe('Accepted');
    expect(updated.get('[data-testid="due-time"]').text()).toBe('Resolution due by 1 Dec 17:00');
    expect(fetchMock.mock.calls.length).toBe(before);

    // An older copy replayed later does not undo the change.
    recorder.last.push('case.updated', { eventId: '502', type: 'note', case: SUBMITTED });
    await flushPromises();
    expect(row(wrapper, 'c-sub').attributes('data-status')).toBe('accepted');
  });

  it('adds a request created elsewhere (e.g. at the desk) at the top', async () => {
    const recorder = socketRecorder();
    setSocketFactory(recorder.factory);
    const { wrapper } = await openList();
    recorder.last.accept();

    const walkIn = summaryOf(
      makeCase({
        id: 'c-desk',
        number: 'BT20261127-0050',
        channel: 'desk',
        submittedAt: '2026-11-27T01:50:00Z',
      }),
    );
    recorder.last.push('case.created', { eventId: '600', type: 'created', case: walkIn });
    await flushPromises();

    expect(wrapper.findAll('[data-testid="request-row"]')[0]!.attributes('data-case-id')).toBe(
      'c-desk',
    );
    expect(wrapper.findAll('[data-testid="request-row"]')).toHaveLength(5);
  });

  it('loads the next page and shows no row twice', async () => {
    const many = Array.from({ length: 21 }, (_, i) =>
      summaryOf(
        makeCase({
          id: `c-${i}`,
          number: `BT20261101-${String(i).padStart(4, '0')}`,
          submittedAt: new Date(Date.UTC(2026, 10, 26, 0, 0) - i * 3_600_000).toISOString(),
        }),
      ),
    );
    const { wrapper, fetchMock } = await openList(
      api((page) => casePage(page === 1 ? many.slice(0, 20) : many.slice(19), 21, page)),
    );

    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="request-row"]')).toHaveLength(21));
    expect(calls(fetchMock)).toContain('GET /api/cases?page=2&pageSize=20');
    expect(wrapper.text()).toContain("That's all");
  });

  it('invites a resident with no requests to submit one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    signIn();
    stubFetch(api(() => casePage([])));
    const { wrapper, router } = await mountWithApp(App, { path: '/requests' });
    await vi.waitFor(
      () => expect(wrapper.find('[data-testid="empty-state"]').exists()).toBe(true),
      { timeout: 10_000 },
    );
    expect(wrapper.get('[data-testid="empty-state"]').text()).toContain(
      "You haven't submitted any requests yet",
    );

    await wrapper.get('[data-testid="submit-one"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/requests/new'), {
      timeout: 10_000,
    });
  });

  it('shows skeletons while the first page loads', async () => {
    signIn();
    let release: (r: Response) => void = () => undefined;
    stubFetch((url) =>
      url.startsWith('/api/cases')
        ? new Promise<Response>((resolve) => (release = resolve))
        : json(resident),
    );
    const { wrapper } = await mountWithApp(App, { path: '/requests' });
    await vi.waitFor(
      () => expect(wrapper.find('[data-testid="request-skeleton"]').exists()).toBe(true),
      { timeout: 10_000 },
    );
    release(json(casePage(ALL)));
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="request-list"]').exists()).toBe(true),
    );
    expect(wrapper.find('[data-testid="request-skeleton"]').exists()).toBe(false);
  });
});
