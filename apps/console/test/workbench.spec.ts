import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setSocketFactory } from '@/realtime/socket';
import { relativeDue } from '@/utils/cases';
import Workbench from '@/views/cases/Workbench.vue';
import { makeCase, makeDesk, minutesFromNow, page, push } from './case-fixtures';
import { socketRecorder } from './fake-socket';
import { jsonResponse, makeUser, mountInApp, storeSession, stubFetch } from './helpers';

enableAutoUnmount(afterEach);

const overdue = makeCase({
  id: 'k-late',
  number: 'BT20250303-0001',
  sla: {
    acceptDueAt: minutesFromNow(-125),
    resolveDueAt: null,
    acceptOverdue: true,
    resolveOverdue: false,
    paused: false,
  },
});
const soon = makeCase({ id: 'k-soon', number: 'BT20250303-0002' });
const later = makeCase({
  id: 'k-later',
  number: 'BT20250303-0003',
  status: 'in_progress',
  sla: {
    acceptDueAt: minutesFromNow(-300),
    resolveDueAt: minutesFromNow(60 * 30),
    acceptOverdue: false,
    resolveOverdue: false,
    paused: false,
  },
});

const rowIds = (wrapper: Awaited<ReturnType<typeof mountInApp>>['wrapper']) =>
  wrapper.findAll('[data-testid="queue-row"]').map((row) => row.attributes('data-case-id'));

async function openWorkbench(items = [overdue, soon, later], query = '') {
  const recorder = socketRecorder();
  setSocketFactory(recorder.factory);
  storeSession(makeUser('desk_staff', 'community', 'c1'), 'c1');
  const fetch = stubFetch({
    'GET /api/communities/c1/desks': () =>
      jsonResponse(200, [makeDesk('d0', 'cp0'), makeDesk('d1'), makeDesk('d2', 'cp2')]),
    'GET /api/cases': () => jsonResponse(200, page(items)),
  });
  const mounted = await mountInApp(Workbench, { path: `/workbench${query}`, stubViews: true });
  await vi.waitFor(() => expect(rowIds(mounted.wrapper)).toHaveLength(items.length));
  const socket = recorder.last;
  socket.accept();
  await flushPromises();
  const caseCalls = () => fetch.calls.filter((c) => c.path.startsWith('/api/cases'));
  return { ...mounted, ...fetch, recorder, socket, caseCalls };
}

describe('desk workbench', () => {
  it('lists the desk queue as the API sorts it, overdue rows highlighted with relative due times', async () => {
    const { wrapper, router, caseCalls } = await openWorkbench();

    // No compound of their own: the community's office desk (no compound), where the API also
    // sends a request by default.
    expect(router.currentRoute.value.query['desk']).toBe('d1');
    const query = new URLSearchParams(caseCalls().at(-1)!.path.split('?')[1]);
    expect(Object.fromEntries(query)).toMatchObject({ deskId: 'd1', sort: 'due', page: '1' });

    expect(rowIds(wrapper)).toEqual(['k-late', 'k-soon', 'k-later']);
    const rows = wrapper.findAll('[data-testid="queue-row"]');
    expect(rows.map((r) => r.attributes('data-overdue'))).toEqual(['true', 'false', 'false']);
    expect(rows[0]!.classes()).toContain('queue-row--overdue');
    expect(rows[1]!.classes()).not.toContain('queue-row--overdue');
    expect(rows[0]!.text()).toContain('已超时 2 小时');
    expect(rows[1]!.text()).toContain('还剩 35 分钟');
    expect(rows[2]!.text()).toContain('还剩 30 小时');
    expect(rows[1]!.find('[data-testid="queue-status"]').text()).toBe('待受理');
    expect(rows[2]!.find('[data-testid="queue-status"]').text()).toBe('办理中');
    expect(rows[1]!.text()).toContain('138****5678');
    expect(wrapper.find('[data-testid="socket-status"]').attributes('data-connected')).toBe('true');
  });

  it('picks the desk of a grid worker’s own compound and joins its room', async () => {
    const recorder = socketRecorder();
    setSocketFactory(recorder.factory);
    storeSession(makeUser('grid_worker', 'compound', 'cp2'), 'c1');
    stubFetch({
      'GET /api/communities/c1/desks': () =>
        jsonResponse(200, [makeDesk('d1'), makeDesk('d2', 'cp2')]),
      'GET /api/cases': () => jsonResponse(200, page([])),
    });
    const { wrapper, router } = await mountInApp(Workbench, {
      path: '/workbench',
      stubViews: true,
    });
    await vi.waitFor(() => expect(router.currentRoute.value.query['desk']).toBe('d2'));
    await vi.waitFor(() => expect(wrapper.find('[data-testid="empty-state"]').exists()).toBe(true));
    recorder.last.accept();
    expect(recorder.last.subscriptions).toEqual([{ room: 'desk:d2' }]);
  });

  it('adds a pushed new case to the queue without loading it again', async () => {
    const { wrapper, socket, caseCalls } = await openWorkbench();
    const before = caseCalls().length;
    const fresh = makeCase({
      id: 'k-new',
      number: 'BT20250303-0009',
      sla: { ...soon.sla, acceptDueAt: minutesFromNow(20) },
    });

    socket.push('case.created', push('700', fresh, 'created'));
    await flushPromises();

    // Due in 20 minutes: after the overdue one, before the one due in 35.
    expect(rowIds(wrapper)).toEqual(['k-late', 'k-new', 'k-soon', 'k-later']);
    const added = wrapper.find('[data-case-id="k-new"]');
    expect(added.classes()).toContain('queue-row--new');
    expect(added.find('[data-testid="queue-status"]').text()).toBe('待受理');
    expect(caseCalls()).toHaveLength(before);
    expect(document.body.textContent).toContain('新的服务请求');
  });

  it('ignores a pushed case of another desk', async () => {
    const { wrapper, socket } = await openWorkbench();
    socket.push('case.created', push('701', makeCase({ id: 'k-other', deskId: 'd2' }), 'created'));
    await flushPromises();
    expect(rowIds(wrapper)).toEqual(['k-late', 'k-soon', 'k-later']);
  });

  it('patches a row on update and drops it once it leaves the status tab', async () => {
    const { wrapper, socket, caseCalls } = await openWorkbench(
      [overdue, soon],
      '?status=submitted',
    );
    const tab = wrapper.find('[data-testid="status-tab"][data-status="submitted"]');
    expect(tab.attributes('aria-selected')).toBe('true');
    const before = caseCalls().length;

    socket.push(
      'case.assigned',
      push('801', { ...soon, assigneeId: 'u-x', assigneeName: '张伟', version: 2 }, 'assigned'),
    );
    await flushPromises();
    expect(wrapper.find('[data-case-id="k-soon"]').text()).toContain('张伟');

    socket.push(
      'case.updated',
      push('802', { ...soon, status: 'accepted', version: 3 }, 'transition'),
    );
    await flushPromises();

    expect(rowIds(wrapper)).toEqual(['k-late']);
    expect(caseCalls()).toHaveLength(before);
  });

  it('keeps a row that changes status on the "all" tab, with its new status', async () => {
    const { wrapper, socket } = await openWorkbench();
    socket.push(
      'case.updated',
      push('803', { ...soon, status: 'accepted', version: 2 }, 'transition'),
    );
    await flushPromises();
    const row = wrapper.find('[data-case-id="k-soon"]');
    expect(row.attributes('data-status')).toBe('accepted');
    expect(row.find('[data-testid="queue-status"]').text()).toBe('已受理');
  });

  it('highlights a case that goes overdue and says so', async () => {
    const { wrapper, socket } = await openWorkbench();
    socket.push(
      'case.overdue',
      push(
        '804',
        {
          ...soon,
          escalated: true,
          version: 2,
          sla: { ...soon.sla, acceptDueAt: minutesFromNow(-1), acceptOverdue: true },
        },
        'overdue',
      ),
    );
    await flushPromises();
    const row = wrapper.find('[data-case-id="k-soon"]');
    expect(row.classes()).toContain('queue-row--overdue');
    expect(row.classes()).toContain('queue-row--flash');
    expect(row.text()).toContain('已上报');
    expect(document.body.textContent).toContain('请求已超时');
  });

  it('joins again after a reconnect with the last event id, and shows the link state', async () => {
    const { wrapper, socket } = await openWorkbench();
    const status = () => wrapper.find('[data-testid="socket-status"]').attributes('data-connected');
    expect(socket.subscriptions).toEqual([{ room: 'desk:d1' }]);

    socket.push('case.updated', push('901', { ...soon, version: 2 }));
    socket.push('case.updated', push('905', { ...soon, version: 3 }));
    socket.push('case.updated', push('903', { ...later, version: 2 })); // out of order
    socket.drop();
    await flushPromises();
    expect(status()).toBe('false');
    expect(wrapper.find('[data-testid="socket-status"]').text()).toContain('正在重连');

    socket.connect(); // socket.io's own retry
    socket.accept();
    await flushPromises();

    expect(socket.subscriptions).toEqual([{ room: 'desk:d1' }, { room: 'desk:d1', since: '905' }]);
    expect(status()).toBe('true');
    // A replayed event already seen is not applied twice.
    socket.push('case.created', push('905', makeCase({ id: 'k-dup' }), 'created'));
    await flushPromises();
    expect(wrapper.find('[data-case-id="k-dup"]').exists()).toBe(false);
  });

  it('sends the filters to the API and switches desk from the picker', async () => {
    const { wrapper, router, caseCalls } = await openWorkbench(
      [soon],
      '?desk=d1&kind=concern&overdue=1&mine=1&q=%E7%8E%8B',
    );
    const query = Object.fromEntries(new URLSearchParams(caseCalls().at(-1)!.path.split('?')[1]));
    expect(query).toMatchObject({
      deskId: 'd1',
      kind: 'concern',
      overdue: 'true',
      assignee: 'me',
      q: '王',
      sort: 'due',
    });

    await wrapper
      .find('[data-testid="status-tab"][data-status="waiting_resident"]')
      .trigger('click');
    await vi.waitFor(() => expect(caseCalls().at(-1)!.path).toContain('status=waiting_resident'));
    expect(router.currentRoute.value.query['status']).toBe('waiting_resident');
    expect(wrapper.find('[data-testid="desk-select"]').exists()).toBe(true);
  });
});

describe('relative due labels', () => {
  const now = Date.parse('2025-03-03T06:00:00Z');
  const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

  it('counts minutes, then hours, then days, before and after the deadline', () => {
    expect(relativeDue(at(35), now)).toEqual({ key: 'leftMinutes', n: 35, overdue: false });
    expect(relativeDue(at(0.5), now)).toEqual({ key: 'leftMinutes', n: 1, overdue: false });
    expect(relativeDue(at(150), now)).toEqual({ key: 'leftHours', n: 2, overdue: false });
    expect(relativeDue(at(60 * 72), now)).toEqual({ key: 'leftDays', n: 3, overdue: false });
    expect(relativeDue(at(-125), now)).toEqual({ key: 'overHours', n: 2, overdue: true });
    expect(relativeDue(at(0), now)).toEqual({ key: 'overMinutes', n: 1, overdue: true });
  });

  it('keeps ticking: the label moves on every 30 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(now);
    const c = makeCase({
      sla: { ...makeCase().sla, acceptDueAt: at(2) },
    });
    const recorder = socketRecorder();
    setSocketFactory(recorder.factory);
    storeSession(makeUser('desk_staff', 'community', 'c1'), 'c1');
    stubFetch({
      'GET /api/communities/c1/desks': () => jsonResponse(200, [makeDesk('d1')]),
      'GET /api/cases': () => jsonResponse(200, page([c])),
    });
    const { wrapper } = await mountInApp(Workbench, { path: '/workbench', stubViews: true });
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="queue-row"]')).toHaveLength(1));
    const row = () => wrapper.find('[data-testid="queue-row"]');
    expect(row().text()).toContain('还剩 2 分钟');

    vi.advanceTimersByTime(150_000);
    await flushPromises();

    expect(row().text()).toContain('已超时 1 分钟');
    expect(row().attributes('data-overdue')).toBe('true');
  });
});
