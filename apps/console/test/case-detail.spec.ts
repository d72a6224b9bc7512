import type { CaseDetail } from '@baitong/contracts';
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setSocketFactory } from '@/realtime/socket';
import CaseDetailView from '@/views/cases/CaseDetail.vue';
import {
  makeCandidate,
  makeCategory,
  makeDesk,
  makeDetail,
  makeEvent,
  minutesFromNow,
  push,
} from './case-fixtures';
import { socketRecorder } from './fake-socket';
import {
  followUpPage,
  followUpPush,
  makeAppeal,
  makeAttempt,
  makeFollowUpDetail,
} from './follow-up-fixtures';
import {
  jsonResponse,
  makeUser,
  mountInApp,
  storeSession,
  stubFetch,
  type RecordedCall,
} from './helpers';

enableAutoUnmount(afterEach);
afterEach(() => {
  vi.useRealTimers();
});

const accepted = makeDetail({
  status: 'accepted',
  version: 4,
  allowedActions: ['start', 'wait_resident', 'resolve', 'reject'],
  acceptedAt: new Date().toISOString(),
});

type Routes = Parameters<typeof stubFetch>[0];

async function openDetail(
  detail: CaseDetail | (() => CaseDetail),
  extra: Routes = {},
  role: Parameters<typeof makeUser>[0] = 'desk_staff',
) {
  const recorder = socketRecorder();
  setSocketFactory(recorder.factory);
  const communityRole = ['desk_staff', 'grid_worker', 'community_worker', 'community_admin'];
  storeSession(
    makeUser(role, communityRole.includes(role) ? 'community' : 'district', 'c1'),
    communityRole.includes(role) ? 'c1' : null,
  );
  const current = typeof detail === 'function' ? detail : () => detail;
  const fetch = stubFetch({
    'GET /api/cases/k1': () => jsonResponse(200, current()),
    'GET /api/cases/k1/events': () => jsonResponse(200, [makeEvent()]),
    'GET /api/cases/k1/repeat-candidates': () => jsonResponse(200, []),
    'GET /api/categories': () => jsonResponse(200, [makeCategory()]),
    'GET /api/communities/c1/desks': () => jsonResponse(200, [makeDesk('d1'), makeDesk('d2')]),
    ...extra,
  });
  const mounted = await mountInApp(CaseDetailView, { path: '/cases/k1', stubViews: true });
  await vi.waitFor(() =>
    expect(mounted.wrapper.find('[data-testid="case-detail"]').attributes('data-status')).not.toBe(
      '',
    ),
  );
  await flushPromises();
  return { ...mounted, ...fetch, recorder };
}

const dialogButton = (testId: string) =>
  document.body.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`);
const posts = (calls: RecordedCall[]) => calls.filter((c) => c.method !== 'GET');

describe('case detail', () => {
  it('shows the case with its timeline and offers exactly the allowed actions', async () => {
    const { wrapper } = await openDetail(accepted);

    const root = wrapper.find('[data-testid="case-detail"]');
    expect(root.attributes('data-status')).toBe('accepted');
    expect(wrapper.find('[data-testid="case-number"]').text()).toBe('BT20250303-0001');
    expect(wrapper.find('[data-testid="case-status"]').text()).toBe('已受理');
    expect(wrapper.findAll('[data-testid="timeline-item"]')).toHaveLength(1);
    expect(wrapper.find('[data-testid="timeline-item"]').text()).toContain('登记请求');

    const offered = wrapper
      .findAll('[data-testid^="action-"]')
      .map((b) => b.attributes('data-testid'))
      .filter((id) => id !== 'action-panel');
    expect(offered).toEqual([
      'action-start',
      'action-wait_resident',
      'action-resolve',
      'action-reject',
      'action-transfer',
      'action-escalate',
    ]);
    for (const absent of ['accept', 'close', 'reopen', 'resume'])
      expect(wrapper.find(`[data-testid="action-${absent}"]`).exists()).toBe(false);
    // Desk staff may not list the roster: they can only take the case themselves.
    expect(wrapper.find('[data-testid="action-assign"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="assign-me"]').exists()).toBe(true);
  });

  it('offers no action to a role that only reads', async () => {
    const { wrapper } = await openDetail(makeDetail({ allowedActions: [] }), {}, 'street_admin');
    expect(wrapper.find('[data-testid="read-only"]').exists()).toBe(true);
    expect(
      wrapper.findAll('[data-testid^="action-"]').map((b) => b.attributes('data-testid')),
    ).toEqual(['action-panel']);
  });

  it('will not resolve without a resolution, then sends it with the version', async () => {
    const resolved = makeDetail({
      status: 'resolved',
      version: 5,
      allowedActions: ['close', 'reopen'],
    });
    const { wrapper, calls } = await openDetail(accepted, {
      'POST /api/cases/k1/transitions': () => jsonResponse(200, resolved),
    });

    await wrapper.find('[data-testid="action-resolve"]').trigger('click');
    await flushPromises();
    const textarea = document.body.querySelector<HTMLTextAreaElement>(
      '[data-testid="resolution-input"]',
    );
    expect(textarea?.tagName).toBe('TEXTAREA');
    dialogButton('action-confirm')?.click();
    await flushPromises();

    expect(posts(calls)).toHaveLength(0);
    // Element Plus shows field messages after a short debounce.
    await vi.waitFor(() => expect(document.body.textContent).toContain('请填写办理结果'));

    // One click inserts the category's reply template.
    document.body.querySelector<HTMLButtonElement>('[data-testid="reply-template"]')?.click();
    await flushPromises();
    expect(textarea?.value).toBe('证明已开具，请携带身份证到窗口领取。');
    dialogButton('action-confirm')?.click();
    await flushPromises();

    expect(posts(calls)).toHaveLength(1);
    expect(posts(calls)[0]?.body).toEqual({
      action: 'resolve',
      resolution: '证明已开具，请携带身份证到窗口领取。',
      version: 4,
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="case-detail"]').attributes('data-status')).toBe(
        'resolved',
      ),
    );
    expect(wrapper.find('[data-testid="action-close"]').exists()).toBe(true);
  });

  it('asks for a reason before rejecting', async () => {
    const { wrapper, calls } = await openDetail(accepted, {
      'POST /api/cases/k1/transitions': () =>
        jsonResponse(200, makeDetail({ status: 'rejected', allowedActions: [], version: 5 })),
    });
    await wrapper.find('[data-testid="action-reject"]').trigger('click');
    await flushPromises();
    dialogButton('action-confirm')?.click();
    await flushPromises();
    expect(posts(calls)).toHaveLength(0);
    await vi.waitFor(() => expect(document.body.textContent).toContain('请填写退回原因'));

    const reason = document.body.querySelector<HTMLTextAreaElement>(
      '[data-testid="reason-input"]',
    )!;
    reason.value = '不属于本社区办理范围';
    reason.dispatchEvent(new Event('input'));
    await flushPromises();
    dialogButton('action-confirm')?.click();
    await flushPromises();
    expect(posts(calls)[0]?.body).toEqual({
      action: 'reject',
      reason: '不属于本社区办理范围',
      version: 4,
    });
  });

  it('reloads and explains when someone else changed the case first (409 STALE_VERSION)', async () => {
    let current: CaseDetail = makeDetail({ version: 1 });
    const { wrapper, calls } = await openDetail(() => current, {
      'POST /api/cases/k1/transitions': () => {
        // A colleague accepted it a moment ago.
        current = { ...accepted, version: 2 };
        return jsonResponse(409, {
          statusCode: 409,
          code: 'STALE_VERSION',
          message: 'stale',
          details: { currentVersion: 2 },
        });
      },
    });
    const caseReads = () => calls.filter((c) => c.method === 'GET' && c.path === '/api/cases/k1');
    expect(caseReads()).toHaveLength(1);

    await wrapper.find('[data-testid="action-accept"]').trigger('click');
    await flushPromises();
    dialogButton('action-confirm')?.click();
    await flushPromises();

    expect(posts(calls)[0]?.body).toEqual({ action: 'accept', version: 1 });
    await vi.waitFor(() => expect(caseReads()).toHaveLength(2));
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="case-detail"]').attributes('data-status')).toBe(
        'accepted',
      ),
    );
    expect(wrapper.find('[data-testid="stale-notice"]').text()).toContain(
      '别人刚更新了此请求，已刷新',
    );
    // The accept button is gone: only what the fresh case allows is offered.
    expect(wrapper.find('[data-testid="action-accept"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="action-start"]').exists()).toBe(true);
  });

  it('names the allowed actions after an ILLEGAL_TRANSITION', async () => {
    const { wrapper } = await openDetail(accepted, {
      'POST /api/cases/k1/transitions': () =>
        jsonResponse(409, {
          statusCode: 409,
          code: 'ILLEGAL_TRANSITION',
          message: 'illegal',
          details: { status: 'in_progress', allowed: ['wait_resident', 'resolve'] },
        }),
    });
    await wrapper.find('[data-testid="action-start"]').trigger('click');
    await flushPromises();
    dialogButton('action-confirm')?.click();
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="illegal-notice"]').text()).toContain('等待居民、办结'),
    );
  });

  it('links a repeat candidate from the panel', async () => {
    const { wrapper, calls } = await openDetail(makeDetail({ version: 3 }), {
      'GET /api/cases/k1/repeat-candidates': () => jsonResponse(200, [makeCandidate()]),
      'POST /api/cases/k1/repeat': () =>
        jsonResponse(
          200,
          makeDetail({
            version: 4,
            repeatOfId: 'old-1',
            repeatDecision: { decision: 'linked', byName: '李晓梅', at: new Date().toISOString() },
          }),
        ),
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="repeat-panel"]').exists()).toBe(true),
    );
    expect(wrapper.find('[data-testid="repeat-panel"]').text()).toContain('同一地点');
    expect(wrapper.find('[data-testid="repeat-panel"]').text()).toContain('82%');

    await wrapper.find('[data-testid="repeat-link"]').trigger('click');
    await flushPromises();

    expect(posts(calls)[0]?.body).toEqual({ decision: 'link', repeatOfId: 'old-1', version: 3 });
    expect(wrapper.find('[data-testid="repeat-panel"]').text()).toContain('确认为二次办理');
  });

  it('reloads when a push about this case arrives', async () => {
    let current = makeDetail({ version: 1 });
    const { recorder, calls, wrapper } = await openDetail(() => current);
    const socket = recorder.last;
    socket.accept();
    expect(socket.subscriptions).toEqual([{ room: 'desk:d1' }, { room: 'community:c1' }]);

    current = { ...accepted, version: 2 };
    socket.push('case.updated', push('55', current));
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="case-detail"]').attributes('data-status')).toBe(
        'accepted',
      ),
    );
    expect(calls.filter((c) => c.path === '/api/cases/k1')).toHaveLength(2);
  });

  it('shows the follow-ups in the timeline and keeps them current from their pushes', async () => {
    const resolved = makeDetail({ status: 'resolved', version: 5 });
    const resolvedAt = minutesFromNow(-120);
    let followUp = makeFollowUpDetail({
      createdAt: resolvedAt,
      attempts: [
        makeAttempt({
          outcome: 'reached',
          satisfaction: 'dissatisfied',
          solved: 'no',
          notes: '灯修了又坏',
          recordedAt: minutesFromNow(-60),
          appeal: makeAppeal({ attemptId: 'a1', appealedAt: minutesFromNow(-30) }),
        }),
      ],
    });
    const { wrapper, recorder, calls } = await openDetail(
      resolved,
      {
        'GET /api/cases/k1/events': () =>
          jsonResponse(200, [makeEvent({ at: minutesFromNow(-180) })]),
        'GET /api/follow-ups': () => jsonResponse(200, followUpPage([followUp])),
        'GET /api/follow-ups/f1': () => jsonResponse(200, followUp),
      },
      'community_worker',
    );
    const types = () =>
      wrapper.findAll('[data-testid="timeline-item"]').map((i) => i.attributes('data-type'));

    expect(calls.find((c) => c.path.startsWith('/api/follow-ups?'))?.path).toContain('caseId=k1');
    expect(types()).toEqual([
      'created',
      'followup_scheduled',
      'followup_attempt',
      'followup_appealed',
    ]);
    const attempt = wrapper.findAll('[data-testid="timeline-item"]')[2]!;
    expect(attempt.text()).toContain('电话回访');
    expect(attempt.text()).toContain('不满意');
    expect(attempt.text()).toContain('灯修了又坏');
    expect(attempt.text()).toContain('周洋');
    expect(wrapper.find('[data-testid="timeline-open-follow-up"]').exists()).toBe(true);

    // The street admin upholds the appeal: nothing on the case changes, the follow-up push says so.
    followUp = {
      ...followUp,
      attempts: [
        {
          ...followUp.attempts[0]!,
          excluded: true,
          appeal: makeAppeal({
            attemptId: 'a1',
            status: 'upheld',
            decidedByName: '街道管理员',
            decidedAt: minutesFromNow(-1),
            decisionReason: '属于物业责任',
          }),
        },
      ],
    };
    const socket = recorder.last;
    socket.accept();
    socket.push('followup.updated', followUpPush('77', followUp, 'appeal_decided'));
    await vi.waitFor(() => expect(types().at(-1)).toBe('followup_appeal_decided'));
    expect(wrapper.find('[data-testid="timeline-excluded"]').text()).toContain('不计入满意度');
    expect(wrapper.findAll('[data-testid="timeline-item"]').at(-1)!.text()).toContain(
      '属于物业责任',
    );
  });

  it('does not offer to open a follow-up to a reader outside the community', async () => {
    const followUp = makeFollowUpDetail({ createdAt: minutesFromNow(-5) });
    const { wrapper } = await openDetail(
      makeDetail({ status: 'resolved' }),
      {
        'GET /api/follow-ups': () => jsonResponse(200, followUpPage([followUp])),
        'GET /api/follow-ups/f1': () => jsonResponse(200, followUp),
      },
      'street_admin',
    );
    expect(
      wrapper.findAll('[data-testid="timeline-item"]').map((i) => i.attributes('data-type')),
    ).toContain('followup_scheduled');
    expect(wrapper.find('[data-testid="timeline-open-follow-up"]').exists()).toBe(false);
  });

  it('does not reload for the push of its own change, which arrives before its answer', async () => {
    const current = makeDetail({ version: 1 });
    // Filled once the page has connected; the POST handler runs after that.
    const live: { socket?: ReturnType<typeof socketRecorder>['last'] } = {};
    const { recorder, calls, wrapper } = await openDetail(current, {
      'POST /api/cases/k1/transitions': () => {
        // The server publishes before it answers: the push is here first.
        live.socket?.push('case.updated', push('56', { ...accepted, version: 2 }));
        return jsonResponse(200, { ...accepted, version: 2 });
      },
    });
    live.socket = recorder.last;
    live.socket.accept();
    await wrapper.find('[data-testid="action-accept"]').trigger('click');
    await flushPromises();
    // The live debounce is a timer: with fake ones the test runs it rather than sleeping past it.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    dialogButton('action-confirm')?.click();
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="case-detail"]').attributes('data-status')).toBe(
        'accepted',
      ),
    );
    expect(posts(calls)).toHaveLength(1);
    // Every pending timer, the debounced reload among them, has run and settled.
    await vi.runAllTimersAsync();
    await flushPromises();
    // No second read of the case, so no "just updated" notice either.
    expect(calls.filter((c) => c.method === 'GET' && c.path === '/api/cases/k1')).toHaveLength(1);
  });

  it('records the mediation of a dispute with the version', async () => {
    const dispute = makeDetail({
      kind: 'dispute',
      status: 'in_progress',
      version: 7,
      allowedActions: ['wait_resident', 'resolve'],
    });
    const { wrapper, calls } = await openDetail(dispute, {
      'PUT /api/cases/k1/mediation': () =>
        jsonResponse(200, {
          ...dispute,
          version: 8,
          mediation: {
            parties: [{ name: '甲', role: '楼上住户' }],
            mediatorName: '调解员老周',
            sessions: [],
            outcome: 'mediated',
            agreement: null,
          },
        }),
    });
    await wrapper.find('[data-testid="mediation-edit"]').trigger('click');
    await flushPromises();
    const fill = async (testId: string, index: number, value: string) => {
      await wrapper.findAll(`[data-testid="${testId}"]`)[index]!.setValue(value);
    };
    await fill('party-name', 0, '甲');
    await fill('party-role', 0, '楼上住户');
    await fill('party-name', 1, '乙');
    await fill('party-role', 1, '楼下住户');
    await fill('mediator-name', 0, '调解员老周');
    await wrapper.find('[data-testid="mediation-save"]').trigger('click');
    await flushPromises();

    expect(posts(calls)[0]?.method).toBe('PUT');
    expect(posts(calls)[0]?.body).toEqual({
      parties: [
        { name: '甲', role: '楼上住户' },
        { name: '乙', role: '楼下住户' },
      ],
      mediatorName: '调解员老周',
      sessions: [],
      version: 7,
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="mediation-outcome"]').text()).toBe('调解成功'),
    );
  });
});
