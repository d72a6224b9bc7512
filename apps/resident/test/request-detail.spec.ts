import type { CaseDetail, CaseEvent } from '@baitong/contracts';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import App from '@/App.vue';
import { setLocale } from '@/i18n';
import { setSocketFactory } from '@/realtime/socket';
import { socketRecorder } from './fake-socket';
import {
  apiError,
  authHeader,
  calls,
  json,
  makeCase,
  makeEvent,
  mountWithApp,
  resident,
  signIn,
  stubFetch,
  summaryOf,
  type FetchHandler,
} from './helpers';

const NOW = new Date('2026-11-27T06:00:00Z');

const WAITING = makeCase({
  id: 'case-1',
  status: 'waiting_resident',
  assigneeId: 's-2',
  assigneeName: '李强',
  sla: {
    acceptDueAt: '2026-11-27T03:05:00Z',
    resolveDueAt: null,
    acceptOverdue: false,
    resolveOverdue: false,
    paused: true,
  },
  photos: [
    { id: 'ph-1', contentType: 'image/jpeg', sizeBytes: 1000, url: '/api/photos/ph-1' },
    { id: 'ph-2', contentType: 'image/png', sizeBytes: 1000, url: '/api/photos/ph-2' },
  ],
  version: 4,
});

const EVENTS: CaseEvent[] = [
  makeEvent({ id: '100', type: 'created', at: '2026-11-27T01:05:00Z' }),
  makeEvent({
    id: '101',
    type: 'transition',
    at: '2026-11-27T01:30:00Z',
    actorKind: 'staff',
    actorName: '王芳',
    fromStatus: 'submitted',
    toStatus: 'accepted',
  }),
  makeEvent({
    id: '102',
    type: 'assigned',
    at: '2026-11-27T01:31:00Z',
    actorKind: 'staff',
    actorName: '王芳',
    fromStatus: null,
    toStatus: null,
    data: { assigneeName: '李强' },
  }),
  makeEvent({
    id: '103',
    type: 'transition',
    at: '2026-11-27T02:10:00Z',
    actorKind: 'staff',
    actorName: '李强',
    fromStatus: 'accepted',
    toStatus: 'waiting_resident',
    note: '请补充房产证复印件',
  }),
];

function api(
  detail: () => CaseDetail = () => WAITING,
  events: () => CaseEvent[] = () => EVENTS,
): FetchHandler {
  return (url) => {
    const { pathname } = new URL(url, 'http://app.test');
    if (pathname === '/api/auth/me') return json(resident);
    if (pathname.startsWith('/api/photos/')) {
      return new Response(new Blob(['jpeg'], { type: 'image/jpeg' }), { status: 200 });
    }
    if (pathname === '/api/cases/case-1') return json(detail());
    if (pathname === '/api/cases/case-1/events') return json(events());
    if (pathname === '/api/cases') return json({ items: [], total: 0, page: 1, pageSize: 20 });
    return apiError(404, 'NOT_FOUND');
  };
}

async function openDetail(handler: FetchHandler = api(), id = 'case-1') {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  signIn();
  const fetchMock = stubFetch(handler);
  const mounted = await mountWithApp(App, { path: `/requests/${id}` });
  await vi.waitFor(
    () =>
      expect(
        mounted.wrapper
          .find('[data-testid="request-detail"], [data-testid="empty-state"]')
          .exists(),
      ).toBe(true),
    { timeout: 10_000 },
  );
  return { ...mounted, fetchMock };
}

describe('request detail', () => {
  it('shows status, category, description, place, the pause and the timeline', async () => {
    const { wrapper, fetchMock } = await openDetail();

    const detail = wrapper.get('[data-testid="request-detail"]');
    expect(detail.attributes('data-status')).toBe('waiting_resident');
    expect(detail.get('[data-testid="request-status"]').text()).toBe('Waiting for you');
    expect(detail.text()).toContain('Stairwell lighting');
    expect(detail.text()).toContain('BT20261127-0042');
    expect(detail.get('[data-testid="request-description"]').text()).toBe(
      '3栋2单元楼道灯坏了，晚上很黑。',
    );
    expect(detail.get('[data-testid="request-place"]').text()).toContain('3栋2单元楼道');
    expect(detail.get('[data-testid="due-time"]').text()).toBe('Waiting for you');
    expect(detail.get('[data-testid="paused-note"]').text()).toContain(
      'The deadline is paused until then.',
    );
    expect(detail.text()).toContain('李强');

    expect(calls(fetchMock)).toEqual(
      expect.arrayContaining(['GET /api/cases/case-1', 'GET /api/cases/case-1/events']),
    );

    const items = wrapper.findAll('[data-testid="timeline-item"]');
    expect(items.map((i) => i.attributes('data-type'))).toEqual([
      'transition',
      'assigned',
      'transition',
      'created',
    ]);
    expect(items[0]!.text()).toContain('Waiting for more from you');
    expect(items[0]!.text()).toContain('Staff: 李强');
    expect(items[0]!.text()).toContain('请补充房产证复印件');
    expect(items[0]!.text()).toContain('27 Nov 10:10');
    expect(items[1]!.text()).toContain('Assigned to 李强');
    expect(items[2]!.text()).toContain('Accepted');
    expect(items[2]!.text()).toContain('Staff: 王芳');
    expect(items[3]!.text()).toContain('Request submitted');
    expect(items[3]!.text()).toContain('You');
  });

  it('translates the timeline into Chinese', async () => {
    setLocale('zh-CN');
    const { wrapper } = await openDetail(
      api(
        () => WAITING,
        () => [
          ...EVENTS,
          makeEvent({
            id: '104',
            type: 'overdue',
            at: '2026-11-27T05:00:00Z',
            actorKind: 'system',
            actorName: null,
            toStatus: null,
          }),
          makeEvent({
            id: '105',
            type: 'transferred',
            at: '2026-11-27T05:30:00Z',
            actorKind: 'staff',
            actorName: '王芳',
            toStatus: null,
            data: {},
          }),
        ],
      ),
    );

    const texts = wrapper.findAll('[data-testid="timeline-item"]').map((i) => i.text());
    expect(texts[0]).toContain('已转交其他百通岗');
    expect(texts[1]).toContain('已超过预计办理时间，已提醒负责人');
    expect(texts[1]).toContain('系统');
    expect(texts[2]).toContain('需要您补充材料');
    expect(texts[2]).toContain('工作人员 李强');
    expect(texts[3]).toContain('已安排 李强 办理');
    expect(texts[4]).toContain('已受理');
    expect(texts[5]).toContain('提交了诉求');
    expect(
      wrapper.get('[data-testid="request-detail"] [data-testid="request-status"]').text(),
    ).toBe('待您补充');
    expect(wrapper.get('[data-testid="due-time"]').text()).toBe('等待您补充材料');
  });

  it('loads the photos with the session token and opens them full screen', async () => {
    const { wrapper, fetchMock } = await openDetail();

    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="request-photo"] img')).toHaveLength(2),
    );
    const photoCall = calls(fetchMock).indexOf('GET /api/photos/ph-1');
    expect(photoCall).toBeGreaterThan(-1);
    expect(authHeader(fetchMock, photoCall)).toBe('Bearer a-1');

    await wrapper.findAll('[data-testid="request-photo"]')[1]!.trigger('click');
    await vi.waitFor(() => expect(document.querySelector('.van-image-preview')).not.toBeNull());
  });

  it('shows the resolution, the due time while open, and the reason when declined', async () => {
    const resolved = makeCase({
      status: 'resolved',
      resolution: '已更换楼道灯泡。',
      sla: { ...WAITING.sla, paused: false },
    });
    const first = await openDetail(
      api(
        () => resolved,
        () => [],
      ),
    );
    expect(first.wrapper.get('[data-testid="resolution"]').text()).toContain('已更换楼道灯泡。');
    expect(first.wrapper.find('[data-testid="due-time"]').exists()).toBe(false);
    expect(first.wrapper.get('[data-testid="follow-up"]').attributes('href')).toBe(
      '/requests/new?earlier=case-1',
    );
    first.wrapper.unmount();

    const rejected = makeCase({ status: 'rejected', rejectionReason: '不属于社区受理范围' });
    const second = await openDetail(
      api(
        () => rejected,
        () => [],
      ),
    );
    expect(second.wrapper.get('[data-testid="rejection-reason"]').text()).toContain(
      'Why it was declined',
    );
    expect(second.wrapper.get('[data-testid="rejection-reason"]').text()).toContain(
      '不属于社区受理范围',
    );
    second.wrapper.unmount();

    const open = makeCase({
      status: 'accepted',
      sla: {
        acceptDueAt: '2026-11-27T03:05:00Z',
        resolveDueAt: '2026-11-28T04:30:00Z',
        acceptOverdue: false,
        resolveOverdue: false,
        paused: false,
      },
    });
    const third = await openDetail(
      api(
        () => open,
        () => [],
      ),
    );
    expect(third.wrapper.get('[data-testid="due-time"]').text()).toBe(
      'Resolution due by 28 Nov 12:30',
    );
  });

  it('updates in place when the open request is pushed: patched at once, then re-fetched', async () => {
    const recorder = socketRecorder();
    setSocketFactory(recorder.factory);
    let current: CaseDetail = WAITING;
    let events = EVENTS;
    const { wrapper, fetchMock } = await openDetail(
      api(
        () => current,
        () => events,
      ),
    );
    recorder.last.accept();
    const detailCalls = () => calls(fetchMock).filter((c) => c.startsWith('GET /api/cases/case-1'));
    expect(detailCalls()).toHaveLength(2);

    current = {
      ...WAITING,
      status: 'in_progress',
      version: 5,
      sla: { ...WAITING.sla, paused: false },
    };
    events = [
      ...EVENTS,
      makeEvent({
        id: '110',
        type: 'transition',
        at: '2026-11-27T05:50:00Z',
        actorKind: 'staff',
        actorName: '李强',
        fromStatus: 'waiting_resident',
        toStatus: 'in_progress',
      }),
    ];
    recorder.last.push('case.updated', {
      eventId: '110',
      type: 'transition',
      case: summaryOf(current),
    });
    await flushPromises();

    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="request-detail"]').attributes('data-status')).toBe(
        'in_progress',
      ),
    );
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="timeline-item"]')).toHaveLength(5),
    );
    expect(wrapper.findAll('[data-testid="timeline-item"]')[0]!.text()).toContain('Work resumed');
    expect(detailCalls()).toHaveLength(4);

    // A push about another request leaves this page alone.
    recorder.last.push('case.updated', {
      eventId: '111',
      type: 'transition',
      case: summaryOf(makeCase({ id: 'other', status: 'accepted' })),
    });
    await flushPromises();
    expect(detailCalls()).toHaveLength(4);
  });

  it("says so when the request does not exist or is not the resident's", async () => {
    const { wrapper } = await openDetail(api(), 'missing');
    expect(wrapper.get('[data-testid="empty-state"]').text()).toContain(
      "We couldn't find this request.",
    );
  });
});
