import type { ProposalComment, ProposalDetail } from '@baitong/contracts';
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setSocketFactory } from '@/realtime/socket';
import ProposalDetailView from '@/views/council/ProposalDetail.vue';
import {
  makeComment,
  makeProposal,
  makeProposalDetail,
  makeProposalEvent,
  page,
  proposalPush,
} from './council-fixtures';
import { socketRecorder } from './fake-socket';
import {
  jsonResponse,
  makeUser,
  mountInApp,
  storeSession,
  stubFetch,
  type RecordedCall,
} from './helpers';

enableAutoUnmount(afterEach);

type Routes = Parameters<typeof stubFetch>[0];

const screening = makeProposalDetail({
  status: 'screening',
  version: 3,
  allowedActions: ['accept', 'reject', 'withdraw'],
  cases: [{ caseId: 'k1', number: 'BT20261101-0001', summary: '空地堆满垃圾', status: 'closed' }],
  caseCount: 1,
});

async function openDetail(
  detail: ProposalDetail | (() => ProposalDetail),
  extra: Routes = {},
  options: { role?: 'desk_staff' | 'street_admin'; comments?: () => ProposalComment[] } = {},
) {
  const recorder = socketRecorder();
  setSocketFactory(recorder.factory);
  if (options.role === 'street_admin') storeSession(makeUser('street_admin', 'street', 's1'), null);
  else storeSession(makeUser('desk_staff', 'community', 'c1'), 'c1');
  const current = typeof detail === 'function' ? detail : () => detail;
  const comments = options.comments ?? (() => [makeComment()]);
  const fetch = stubFetch({
    'GET /api/proposals/p1': () => jsonResponse(200, current()),
    'GET /api/proposals/p1/events': () =>
      jsonResponse(200, [
        makeProposalEvent(),
        makeProposalEvent({
          id: '101',
          type: 'transition',
          fromStatus: 'submitted',
          toStatus: 'screening',
          actorKind: 'staff',
          actorName: '李晓梅',
          data: { action: 'start_screening' },
        }),
      ]),
    'GET /api/proposals/p1/comments': () => jsonResponse(200, comments()),
    ...extra,
  });
  const mounted = await mountInApp(ProposalDetailView, {
    path: '/council/proposals/p1',
    stubViews: true,
  });
  await vi.waitFor(() =>
    expect(
      mounted.wrapper.find('[data-testid="proposal-detail"]').attributes('data-status'),
    ).not.toBe(''),
  );
  await flushPromises();
  return { ...mounted, ...fetch, recorder };
}

const inBody = <T extends HTMLElement = HTMLElement>(testId: string) =>
  document.body.querySelector<T>(`[data-testid="${testId}"]`);
async function fill(testId: string, text: string) {
  const input = inBody<HTMLTextAreaElement>(testId)!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}
const posts = (calls: RecordedCall[]) => calls.filter((c) => c.method !== 'GET');

describe('proposal detail', () => {
  it('shows the proposal, its history, supports and the requests behind it', async () => {
    const { wrapper } = await openDetail(
      makeProposalDetail({
        ...screening,
        status: 'open_for_support',
        supportCount: 4,
        supportThreshold: 10,
      }),
    );
    expect(wrapper.find('[data-testid="proposal-number"]').text()).toBe('YS20261120-000001');
    expect(wrapper.find('[data-testid="proposal-status"]').text()).toBe('征集附议');
    expect(wrapper.find('[data-testid="proposal-author"]').text()).toBe('王建国');
    expect(wrapper.find('[data-testid="proposal-description"]').text()).toContain('垃圾房');
    const events = wrapper.findAll('[data-testid="proposal-event"]');
    expect(events.map((e) => e.attributes('data-type'))).toEqual(['created', 'transition']);
    expect(events[1]!.text()).toContain('开始审核：已提交 → 审核中');
    expect(wrapper.find('[data-testid="proposal-supports"]').text()).toContain('附议 4 / 10');
    const link = wrapper.find('[data-testid="proposal-cases"] a');
    expect(link.text()).toBe('BT20261101-0001');
    expect(link.attributes('href')).toBe('/cases/k1');
  });

  it('offers the screening moves to the community’s staff only, the street reading', async () => {
    const staff = await openDetail(screening);
    expect(staff.wrapper.find('[data-testid="proposal-action-accept"]').exists()).toBe(true);
    expect(staff.wrapper.find('[data-testid="proposal-action-reject"]').exists()).toBe(true);
    // Withdrawal is the author's, not offered here.
    expect(staff.wrapper.find('[data-testid="proposal-action-withdraw"]').exists()).toBe(false);
    expect(staff.wrapper.find('[data-testid="proposal-action-merge"]').exists()).toBe(true);
    staff.wrapper.unmount();

    const street = await openDetail(screening, {}, { role: 'street_admin' });
    expect(street.wrapper.find('[data-testid="proposal-read-only"]').exists()).toBe(true);
    expect(street.wrapper.find('[data-testid="proposal-action-accept"]').exists()).toBe(false);
    expect(street.wrapper.find('[data-testid="comment-hide"]').exists()).toBe(false);
  });

  it('screens out only with a reason, sent trimmed with the version shown', async () => {
    let current = screening;
    const { wrapper, calls } = await openDetail(() => current, {
      'POST /api/proposals/p1/transitions': () => {
        current = makeProposalDetail({
          ...screening,
          status: 'rejected',
          version: 4,
          allowedActions: [],
          rejectionReason: '属于物业合同范围',
        });
        return jsonResponse(200, current);
      },
    });
    await wrapper.find('[data-testid="proposal-action-reject"]').trigger('click');
    await vi.waitFor(() => expect(inBody('reject-submit')).not.toBeNull());
    inBody('reject-submit')!.click();
    await flushPromises();
    await vi.waitFor(() => expect(document.body.textContent).toContain('请填写不予通过的理由'));
    expect(posts(calls)).toHaveLength(0);

    await fill('reject-reason', '  属于物业合同范围 ');
    inBody('reject-submit')!.click();
    await flushPromises();
    expect(posts(calls).map((c) => c.body)).toEqual([
      { action: 'reject', version: 3, reason: '属于物业合同范围' },
    ]);
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="proposal-status"]').text()).toBe('未通过审核'),
    );
    expect(wrapper.find('[data-testid="proposal-rejection"]').text()).toBe('属于物业合同范围');
  });

  it('names the moves still possible after an illegal one', async () => {
    let current = screening;
    const { wrapper } = await openDetail(() => current, {
      'POST /api/proposals/p1/transitions': () => {
        current = makeProposalDetail({
          ...screening,
          status: 'open_for_support',
          version: 5,
          allowedActions: ['withdraw'],
        });
        return jsonResponse(409, {
          statusCode: 409,
          code: 'ILLEGAL_TRANSITION',
          message: 'x',
          details: { status: 'open_for_support', allowed: ['schedule', 'merge', 'withdraw'] },
        });
      },
    });
    await wrapper.find('[data-testid="proposal-action-accept"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="proposal-notice"]').attributes('data-kind')).toBe(
        'illegal',
      ),
    );
    expect(wrapper.find('[data-testid="proposal-notice"]').text()).toContain(
      '现在可以：列入议程、合并到重复议题、撤回',
    );
    expect(wrapper.find('[data-testid="proposal-status"]').text()).toBe('征集附议');
    expect(wrapper.find('[data-testid="proposal-action-accept"]').exists()).toBe(false);
  });

  it('reloads a proposal changed meanwhile and sends the next move with the new version', async () => {
    let current = screening;
    let stale = true;
    const { wrapper, calls } = await openDetail(() => current, {
      'POST /api/proposals/p1/transitions': () => {
        if (stale) {
          stale = false;
          current = makeProposalDetail({ ...screening, title: '空地整治（已修改）', version: 4 });
          return jsonResponse(409, { statusCode: 409, code: 'STALE_VERSION', message: 'x' });
        }
        return jsonResponse(200, { ...current, status: 'open_for_support', version: 5 });
      },
    });
    await wrapper.find('[data-testid="proposal-action-accept"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="proposal-notice"]').attributes('data-kind')).toBe('stale'),
    );
    expect(wrapper.find('[data-testid="proposal-notice"]').text()).toContain('已重新加载');
    expect(wrapper.find('[data-testid="proposal-title"]').text()).toBe('空地整治（已修改）');

    await wrapper.find('[data-testid="proposal-action-accept"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="proposal-status"]').text()).toBe('征集附议'),
    );
    expect(posts(calls).map((c) => (c.body as { version: number }).version)).toEqual([3, 4]);
    expect(wrapper.find('[data-testid="proposal-notice"]').exists()).toBe(false);
  });

  it('merges into a similar open proposal of the community, or one found by a search', async () => {
    let current = screening;
    const { wrapper, calls } = await openDetail(() => current, {
      'GET /api/proposals/p1/similar': () =>
        jsonResponse(200, [
          {
            proposalId: 'p7',
            number: 'YS20261001-000007',
            title: '东侧空地整治',
            status: 'open_for_support',
            supportCount: 9,
            similarity: 0.6,
          },
          {
            proposalId: 'p8',
            number: 'YS20260901-000008',
            title: '空地改停车位',
            status: 'adopted',
            supportCount: 20,
            similarity: 0.4,
          },
        ]),
      'GET /api/proposals': () =>
        jsonResponse(
          200,
          page([
            makeProposal({
              id: 'p9',
              number: 'YS20261102-000009',
              title: '垃圾分类亭',
              status: 'scheduled',
            }),
          ]),
        ),
      'POST /api/proposals/p1/merge': () => {
        current = makeProposalDetail({
          ...screening,
          status: 'merged',
          mergedIntoId: 'p7',
          version: 4,
          allowedActions: [],
        });
        return jsonResponse(200, current);
      },
    });
    await wrapper.find('[data-testid="proposal-action-merge"]').trigger('click');
    await vi.waitFor(() => expect(inBody('merge-choices')).not.toBeNull());
    // An adopted one takes no merges: not offered.
    expect(inBody('merge-choice-p7')).not.toBeNull();
    expect(inBody('merge-choice-p8')).toBeNull();

    vi.useFakeTimers();
    const search = inBody<HTMLInputElement>('merge-search')!;
    search.value = '垃圾';
    search.dispatchEvent(new Event('input'));
    vi.advanceTimersByTime(350);
    vi.useRealTimers();
    await vi.waitFor(() => expect(inBody('merge-choice-p9')).not.toBeNull());
    const asked = calls.find((c) => c.method === 'GET' && c.path.startsWith('/api/proposals?'))!;
    expect(asked.path).toContain('communityId=c1');
    expect(asked.path).toContain('status=submitted%2Cscreening%2Copen_for_support%2Cscheduled');

    inBody('merge-submit')!.click();
    await flushPromises();
    await vi.waitFor(() => expect(document.body.textContent).toContain('请选择要并入的议题'));
    expect(posts(calls)).toHaveLength(0);

    inBody('merge-choice-p7')!.querySelector('input')!.click();
    await flushPromises();
    inBody('merge-submit')!.click();
    await flushPromises();
    expect(posts(calls).map((c) => [c.path, c.body])).toEqual([
      ['/api/proposals/p1/merge', { intoId: 'p7', version: 3 }],
    ]);
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="proposal-status"]').text()).toBe('已合并'),
    );
    expect(wrapper.find('[data-testid="proposal-merged-into"]').attributes('href')).toBe(
      '/council/proposals/p7',
    );
  });

  it('explains a merge target that no longer takes merges', async () => {
    const { wrapper } = await openDetail(screening, {
      'GET /api/proposals/p1/similar': () =>
        jsonResponse(200, [
          {
            proposalId: 'p7',
            number: 'YS1',
            title: '东侧空地整治',
            status: 'open_for_support',
            supportCount: 9,
            similarity: 0.6,
          },
        ]),
      'POST /api/proposals/p1/merge': () =>
        jsonResponse(409, {
          statusCode: 409,
          code: 'CONFLICT',
          message: 'x',
          details: { reason: 'target_not_open' },
        }),
    });
    await wrapper.find('[data-testid="proposal-action-merge"]').trigger('click');
    await vi.waitFor(() => expect(inBody('merge-choice-p7')).not.toBeNull());
    inBody('merge-choice-p7')!.querySelector('input')!.click();
    await flushPromises();
    inBody('merge-submit')!.click();
    await flushPromises();
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="proposal-notice"]').text()).toContain(
        '该议题已不接受合并',
      ),
    );
  });

  it('hides a comment with a reason, and staff still read a hidden one marked as hidden', async () => {
    let comments = [makeComment()];
    const { wrapper, calls } = await openDetail(
      screening,
      {
        'POST /api/proposal-comments/cm1/hide': () => {
          comments = [
            makeComment({
              hidden: true,
              hiddenReason: '含人身攻击',
              hiddenByName: '李晓梅',
              hiddenAt: new Date().toISOString(),
            }),
          ];
          return jsonResponse(200, comments[0]);
        },
      },
      { comments: () => comments },
    );
    await wrapper.find('[data-testid="comment-hide"]').trigger('click');
    await vi.waitFor(() => expect(inBody('hide-comment-submit')).not.toBeNull());
    inBody('hide-comment-submit')!.click();
    await flushPromises();
    await vi.waitFor(() => expect(document.body.textContent).toContain('请填写隐藏的理由'));
    expect(posts(calls)).toHaveLength(0);

    await fill('hide-comment-reason', ' 含人身攻击 ');
    inBody('hide-comment-submit')!.click();
    await flushPromises();
    expect(posts(calls).map((c) => c.body)).toEqual([{ reason: '含人身攻击' }]);
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="proposal-comment"]').attributes('data-hidden')).toBe('1'),
    );
    const comment = wrapper.find('[data-testid="proposal-comment"]');
    expect(comment.find('[data-testid="comment-hidden-tag"]').text()).toBe('已隐藏');
    expect(comment.text()).toContain('支持，垃圾味太大了');
    expect(comment.find('[data-testid="comment-hidden-reason"]').text()).toContain('含人身攻击');
    expect(comment.find('[data-testid="comment-hide"]').exists()).toBe(false);
  });

  it('reads the proposal again when a push says it changed', async () => {
    let current = screening;
    const { wrapper, recorder, calls } = await openDetail(() => current);
    const socket = recorder.last;
    socket.accept();
    expect(socket.subscriptions).toEqual([{ room: 'community:c1' }]);
    current = makeProposalDetail({
      ...screening,
      status: 'open_for_support',
      version: 4,
      supportThreshold: 10,
    });
    socket.push(
      'proposal.updated',
      proposalPush('600', makeProposal({ status: 'open_for_support', version: 4 })),
    );
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="proposal-status"]').text()).toBe('征集附议'),
    );
    expect(calls.filter((c) => c.path === '/api/proposals/p1').length).toBe(2);
  });
});
