import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setSocketFactory } from '@/realtime/socket';
import MyFollowUps from '@/views/follow-ups/MyFollowUps.vue';
import { minutesFromNow } from './case-fixtures';
import { socketRecorder } from './fake-socket';
import { followUpPage, followUpPush, makeFollowUp } from './follow-up-fixtures';
import {
  jsonResponse,
  makeUser,
  mountInApp,
  storeSession,
  stubFetch,
  type RecordedCall,
} from './helpers';

enableAutoUnmount(afterEach);

const soon = makeFollowUp({
  id: 'f-soon',
  caseNumber: 'BT20250303-0001',
  dueAt: minutesFromNow(90),
});
const later = makeFollowUp({
  id: 'f-later',
  caseNumber: 'BT20250303-0002',
  dueAt: minutesFromNow(60 * 48),
  tries: 1,
  retryPending: true,
});

const query = (call: RecordedCall) =>
  Object.fromEntries(new URLSearchParams(call.path.split('?')[1] ?? ''));
/** The list's own call (the tab counts ask for one row each). */
const listCalls = (calls: RecordedCall[]) =>
  calls.filter((c) => c.path.startsWith('/api/follow-ups?') && query(c)['pageSize'] !== '1');
const countCalls = (calls: RecordedCall[]) =>
  calls.filter((c) => c.path.startsWith('/api/follow-ups?') && query(c)['pageSize'] === '1');
const rowIds = (wrapper: Awaited<ReturnType<typeof mountInApp>>['wrapper']) =>
  wrapper.findAll('[data-testid="follow-up-row"]').map((r) => r.attributes('data-follow-up-id'));

async function openList(
  answer: (call: RecordedCall) => Response = (call) =>
    jsonResponse(
      200,
      query(call)['pageSize'] === '1' ? followUpPage([], 7) : followUpPage([soon, later]),
    ),
  path = '/follow-ups',
) {
  const recorder = socketRecorder();
  setSocketFactory(recorder.factory);
  storeSession(makeUser('community_worker', 'community', 'c1'), 'c1');
  const fetch = stubFetch({
    'GET /api/follow-ups': answer,
    'GET /api/communities/c1/compounds': () =>
      jsonResponse(200, [
        { id: 'cp1', name: '尚格博园', nameEn: 'Shangge Boyuan' },
        { id: 'cp2', name: '金翠华庭', nameEn: 'Jincui Huating' },
      ]),
  });
  const mounted = await mountInApp(MyFollowUps, { path, stubViews: true });
  await flushPromises();
  return { ...mounted, ...fetch, recorder };
}

describe('my follow-ups', () => {
  it('asks for the worker’s own open tasks, one query per filter, and counts every filter', async () => {
    const { wrapper, calls, router } = await openList();
    expect(rowIds(wrapper)).toEqual(['f-soon', 'f-later']);
    expect(query(listCalls(calls).at(-1)!)).toEqual({
      assignee: 'me',
      status: 'open',
      page: '1',
      pageSize: '20',
    });
    expect(countCalls(calls).map(query)).toEqual([
      { assignee: 'me', status: 'open', pageSize: '1' },
      { assignee: 'me', status: 'open', due: 'today', pageSize: '1' },
      { assignee: 'me', status: 'open', due: 'overdue', pageSize: '1' },
      { assignee: 'me', status: 'open', retriesPending: 'true', pageSize: '1' },
    ]);
    expect(wrapper.find('[data-testid="follow-up-tab-overdue-count"]').text()).toBe('7');

    const expected = {
      today: { due: 'today' },
      overdue: { due: 'overdue' },
      retries: { retriesPending: 'true' },
      all: {},
    } as const;
    for (const [tab, filter] of Object.entries(expected)) {
      await wrapper.find(`[data-testid="follow-up-tab-${tab}"]`).trigger('click');
      await flushPromises();
      expect(query(listCalls(calls).at(-1)!), tab).toEqual({
        assignee: 'me',
        status: 'open',
        page: '1',
        pageSize: '20',
        ...filter,
      });
      expect(router.currentRoute.value.query['tab']).toBe(tab === 'all' ? undefined : tab);
    }
  });

  it('narrows the list and its counts to one compound', async () => {
    const { calls } = await openList(undefined, '/follow-ups?tab=overdue&compound=cp2');
    expect(query(listCalls(calls).at(-1)!)).toMatchObject({ due: 'overdue', compoundId: 'cp2' });
    expect(countCalls(calls).every((c) => query(c)['compoundId'] === 'cp2')).toBe(true);
  });

  it('says when there is nothing to do, and offers a retry when the list cannot be read', async () => {
    let fail = false;
    const { wrapper } = await openList(() =>
      fail
        ? jsonResponse(503, { statusCode: 503, code: 'UNAVAILABLE', message: 'down' })
        : jsonResponse(200, followUpPage([])),
    );
    expect(wrapper.find('[data-testid="follow-ups-empty"]').text()).toContain('没有待回访的诉求');

    fail = true;
    await wrapper.find('[data-testid="follow-up-tab-today"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="load-error"]').exists()).toBe(true));
    fail = false;
    await wrapper.find('[data-testid="load-error"] button').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="follow-ups-empty"]').text()).toContain(
        '今天没有到期的回访',
      ),
    );
  });

  it('turns a task overdue when the push says so, without loading the list again', async () => {
    const { wrapper, calls, recorder } = await openList();
    const socket = recorder.last;
    socket.accept();
    expect(socket.subscriptions).toEqual([{ room: 'user:u-community_worker' }]);
    const before = listCalls(calls).length;
    const row = () => wrapper.find('[data-follow-up-id="f-soon"]');
    expect(row().attributes('data-overdue')).toBe('false');

    socket.push(
      'followup.overdue',
      followUpPush('900', { ...soon, dueAt: minutesFromNow(-5), overdue: true }, 'overdue'),
    );
    await flushPromises();

    expect(row().attributes('data-overdue')).toBe('true');
    expect(row().find('[data-testid="follow-up-overdue"]').exists()).toBe(true);
    expect(listCalls(calls)).toHaveLength(before);
  });

  it('drops a task recorded elsewhere or given to someone else, and adds one given to the worker', async () => {
    const { wrapper, recorder } = await openList();
    const socket = recorder.last;
    socket.accept();

    socket.push(
      'followup.completed',
      followUpPush('901', { ...soon, status: 'done', verdict: 'close' }, 'completed'),
    );
    await flushPromises();
    expect(rowIds(wrapper)).toEqual(['f-later']);

    socket.push(
      'followup.updated',
      followUpPush('902', { ...later, assigneeId: 'u-other' }, 'assigned'),
    );
    await flushPromises();
    expect(rowIds(wrapper)).toEqual([]);

    const mine = makeFollowUp({ id: 'f-new', caseNumber: 'BT20250303-0009' });
    socket.push('followup.updated', followUpPush('903', mine, 'scheduled'));
    await flushPromises();
    expect(rowIds(wrapper)).toEqual(['f-new']);
  });
});
