import type { ProposalDetail, ProposalImplementation } from '@baitong/contracts';
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setSocketFactory } from '@/realtime/socket';
import { shanghaiDateKey } from '@/utils/format';
import ProposalDetailView from '@/views/council/ProposalDetail.vue';
import { makeProposalDetail } from './council-fixtures';
import { socketRecorder } from './fake-socket';
import {
  jsonResponse,
  makeUser,
  mountInApp,
  storeSession,
  stubFetch,
  type RecordedCall,
} from './helpers';
import { makeImplementation, makeMilestone } from './meeting-fixtures';

enableAutoUnmount(afterEach);

type Routes = Parameters<typeof stubFetch>[0];

const adopted = makeProposalDetail({ status: 'adopted', allowedActions: [], version: 8 });
const building = makeProposalDetail({
  status: 'in_implementation',
  allowedActions: [],
  version: 9,
});

async function openDetail(
  detail: () => ProposalDetail,
  implementation: () => ProposalImplementation | null,
  extra: Routes = {},
) {
  setSocketFactory(socketRecorder().factory);
  storeSession(makeUser('desk_staff', 'community', 'c1'), 'c1');
  const fetch = stubFetch({
    'GET /api/proposals/p1': () => jsonResponse(200, detail()),
    'GET /api/proposals/p1/events': () => jsonResponse(200, []),
    'GET /api/proposals/p1/comments': () => jsonResponse(200, []),
    'GET /api/proposals/p1/implementation': () => {
      const found = implementation();
      return found
        ? jsonResponse(200, found)
        : jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: 'none' });
    },
    ...extra,
  });
  const mounted = await mountInApp(ProposalDetailView, {
    path: '/council/proposals/p1',
    stubViews: true,
  });
  await vi.waitFor(() =>
    expect(mounted.wrapper.find('[data-testid="implementation"]').exists()).toBe(true),
  );
  await flushPromises();
  return { ...mounted, ...fetch };
}
const posts = (calls: RecordedCall[]) => calls.filter((c) => c.method !== 'GET');
const inBody = <T extends HTMLElement = HTMLElement>(testId: string) =>
  document.body.querySelector<T>(`[data-testid="${testId}"]`);
async function fill(testId: string, text: string) {
  const input = inBody<HTMLTextAreaElement>(testId)!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}
const shanghaiDay = (days: number) => shanghaiDateKey(new Date(Date.now() + days * 86_400_000));

describe('implementation tracking on the proposal detail', () => {
  it('starts an adopted proposal with the worker as owner, the plan and the funding', async () => {
    let detail = adopted;
    let impl: ProposalImplementation | null = null;
    const { wrapper, calls } = await openDetail(
      () => detail,
      () => impl,
      {
        'POST /api/proposals/p1/implementation': () => {
          impl = makeImplementation({ milestones: [] });
          detail = { ...building, version: 9 };
          return jsonResponse(200, impl);
        },
      },
    );
    expect(wrapper.find('[data-testid="implementation"]').attributes('data-state')).toBe(
      'not_started',
    );
    await wrapper.find('[data-testid="implementation-start"]').trigger('click');
    await flushPromises();
    await fill('implementation-plan', '  在东侧空地建一个垃圾房和一个晾晒点。 ');
    inBody('implementation-start-submit')!.click();
    await vi.waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.body).toEqual({
      ownerStaffId: 'u-desk_staff',
      plan: '在东侧空地建一个垃圾房和一个晾晒点。',
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="proposal-detail"]').attributes('data-status')).toBe(
        'in_implementation',
      ),
    );
    await flushPromises();
    expect(wrapper.find('[data-testid="implementation-owner-shown"]').text()).toBe('李晓梅');
    expect(wrapper.find('[data-testid="implementation"]').text()).toContain('社区慈善基金');
  });

  it('shows each milestone done, due or overdue by the Shanghai day', async () => {
    const impl = makeImplementation({
      milestones: [
        makeMilestone({ id: 'late', title: '完成选址', plannedOn: shanghaiDay(-3) }),
        makeMilestone({ id: 'next', title: '开工', plannedOn: shanghaiDay(5) }),
        makeMilestone({
          id: 'done',
          title: '方案公示',
          plannedOn: shanghaiDay(-10),
          doneAt: new Date(Date.now() - 9 * 86_400_000).toISOString(),
        }),
      ],
    });
    const { wrapper } = await openDetail(
      () => building,
      () => impl,
    );
    const rows = wrapper.findAll('[data-testid="milestone"]');
    expect(rows.map((r) => [r.attributes('data-id'), r.attributes('data-state')])).toEqual([
      ['done', 'done'],
      ['late', 'overdue'],
      ['next', 'planned'],
    ]);
    expect(rows[1]!.find('[data-testid="milestone-state"]').text()).toBe('逾期 3 天');
    // A done milestone offers nothing more; the open ones are ticked off.
    expect(rows[0]!.find('[data-testid="milestone-done"]').exists()).toBe(false);
    expect(rows[1]!.find('[data-testid="milestone-done"]').exists()).toBe(true);
    expect(wrapper.text()).toContain('实施节点（1/3）');
  });

  it('posts a progress update with the photos uploaded for it', async () => {
    let impl = makeImplementation();
    const { wrapper, calls } = await openDetail(
      () => building,
      () => impl,
      {
        'POST /api/photos': () =>
          jsonResponse(201, {
            id: 'ph1',
            contentType: 'image/jpeg',
            sizeBytes: 1200,
            url: '/api/photos/ph1',
          }),
        'POST /api/proposals/p1/progress': (call) => {
          const body = call.body as { note: string; photoIds: string[] };
          impl = makeImplementation({
            progress: [
              {
                id: 'pg1',
                note: body.note,
                recordedAt: new Date().toISOString(),
                recordedByName: '李晓梅',
                photos: [],
              },
            ],
          });
          return jsonResponse(200, impl);
        },
      },
    );
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'site.jpg', { type: 'image/jpeg' });
    const input = wrapper.find<HTMLInputElement>('[data-testid="progress-file"]');
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
    await input.trigger('change');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="progress-photo"]').attributes('data-status')).toBe('done'),
    );
    await wrapper.find('[data-testid="progress-note"]').setValue('材料已进场');
    await wrapper.find('[data-testid="progress-post"]').trigger('click');
    await flushPromises();
    expect(posts(calls).map((c) => c.path)).toEqual(['/api/photos', '/api/proposals/p1/progress']);
    expect(posts(calls)[1]!.body).toEqual({ note: '材料已进场', photoIds: ['ph1'] });
    expect(wrapper.findAll('[data-testid="progress-update"]')).toHaveLength(1);
    // The form is cleared for the next update.
    expect(wrapper.findAll('[data-testid="progress-photo"]')).toHaveLength(0);
  });

  it('says in words why a milestone was refused once the project is no longer being built', async () => {
    const { wrapper } = await openDetail(
      () => building,
      () => makeImplementation({ milestones: [makeMilestone()] }),
      {
        'POST /api/proposals/p1/milestones/ms1/done': () =>
          jsonResponse(409, {
            statusCode: 409,
            code: 'CONFLICT',
            message: 'not in implementation',
            details: { reason: 'not_in_implementation', status: 'completed' },
          }),
      },
    );
    await wrapper.find('[data-testid="milestone-done"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="implementation-notice"]').text()).toContain(
      '项目不在实施中，不能再添加节点或进展。',
    );
  });

  it('shows the residents’ evaluation: the five levels and the share satisfied', async () => {
    const evaluated = makeProposalDetail({ status: 'evaluated', allowedActions: [] });
    const { wrapper } = await openDetail(
      () => evaluated,
      () =>
        makeImplementation({
          completedAt: '2026-12-01T02:00:00Z',
          evaluationDueAt: '2026-12-15T02:00:00Z',
          evaluation: {
            asked: 12,
            rated: 10,
            distribution: {
              very_satisfied: 6,
              satisfied: 2,
              basically_satisfied: 1,
              dissatisfied: 1,
              very_dissatisfied: 0,
            },
            satisfiedShare: 0.9,
            closedBy: 'window_passed',
            evaluatedAt: '2026-12-15T02:00:00Z',
          },
        }),
    );
    expect(wrapper.find('[data-testid="evaluation-share"]').text()).toBe('满意率 90.0%');
    expect(wrapper.findAll('[data-testid="evaluation-count"]').map((c) => c.text())).toEqual([
      '6 人',
      '2 人',
      '1 人',
      '1 人',
      '0 人',
    ]);
    expect(wrapper.find('[data-testid="evaluation-result"]').text()).toContain(
      '邀请 12 人，10 人已评价',
    );
    // Nothing is built any more: no forms.
    expect(wrapper.find('[data-testid="progress-post"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="implementation-complete"]').exists()).toBe(false);
  });
});
