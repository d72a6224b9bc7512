import type { CaseDetail } from '@baitong/contracts';
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { ElSelect } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CaseTimeline from '@/components/cases/CaseTimeline.vue';
import CaseDetailView from '@/views/cases/CaseDetail.vue';
import { makeCase, makeCategory, makeDesk, makeDetail, makeEvent } from './case-fixtures';
import { makeProposal, makeProposalDetail, page } from './council-fixtures';
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

const concern = makeDetail({
  kind: 'concern',
  status: 'closed',
  summary: '小区东侧空地变成了垃圾场',
  description: '东侧空地长期有人倾倒垃圾，夏天气味很大，希望社区想办法。',
  allowedActions: [],
});
const other = makeCase({
  id: 'k2',
  number: 'BT20261102-0002',
  kind: 'concern',
  summary: '空地垃圾没人管',
});

async function openCase(
  detail: CaseDetail,
  extra: Routes = {},
  role: 'desk_staff' | 'street_admin' = 'desk_staff',
) {
  if (role === 'street_admin') storeSession(makeUser('street_admin', 'street', 's1'), null);
  else storeSession(makeUser('desk_staff', 'community', 'c1'), 'c1');
  const fetch = stubFetch({
    'GET /api/cases/k1': () => jsonResponse(200, detail),
    'GET /api/cases/k1/events': () => jsonResponse(200, [makeEvent()]),
    'GET /api/cases/k1/repeat-candidates': () => jsonResponse(200, []),
    'GET /api/categories': () => jsonResponse(200, [makeCategory()]),
    'GET /api/communities/c1/desks': () => jsonResponse(200, [makeDesk('d1')]),
    'GET /api/cases': () =>
      jsonResponse(200, {
        items: [makeCase({ ...concern, id: 'k1' }), other],
        total: 2,
        page: 1,
        pageSize: 100,
      }),
    'GET /api/proposals': () => jsonResponse(200, page([])),
    ...extra,
  });
  const mounted = await mountInApp(CaseDetailView, { path: '/cases/k1', stubViews: true });
  await vi.waitFor(() =>
    expect(mounted.wrapper.find('[data-testid="case-detail"]').attributes('data-status')).not.toBe(
      '',
    ),
  );
  await flushPromises();
  return { ...mounted, ...fetch };
}

const inBody = (testId: string) =>
  document.body.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const select = (wrapper: VueWrapper, testId: string) =>
  wrapper.findAllComponents(ElSelect).find((c) => c.attributes('data-testid') === testId)!;
const posts = (calls: RecordedCall[]) => calls.filter((c) => c.method !== 'GET');

describe('taking concern requests to the council', () => {
  it('is offered on a concern request to the community’s staff, not on other kinds nor to the street', async () => {
    const staff = await openCase(concern);
    expect(staff.wrapper.find('[data-testid="take-to-council"]').exists()).toBe(true);
    const asked = staff.calls.find((c) => c.path.startsWith('/api/proposals?'))!;
    expect(asked.path).toContain('caseId=k1');
    staff.wrapper.unmount();

    const affair = await openCase(makeDetail({ kind: 'affair' }));
    expect(affair.wrapper.find('[data-testid="council-panel"]').exists()).toBe(false);
    expect(affair.calls.some((c) => c.path.startsWith('/api/proposals'))).toBe(false);
    affair.wrapper.unmount();

    const street = await openCase(concern, {}, 'street_admin');
    expect(street.wrapper.find('[data-testid="take-to-council"]').exists()).toBe(false);
  });

  it('creates one proposal from this request and others of the community picked from a list', async () => {
    let proposals = page([]);
    const { wrapper, calls } = await openCase(concern, {
      'GET /api/proposals': () => jsonResponse(200, proposals),
      'POST /api/proposals/from-cases': () => {
        proposals = page([
          makeProposal({ id: 'p9', number: 'YS20261204-000009', origin: 'cases', caseCount: 2 }),
        ]);
        return jsonResponse(201, makeProposalDetail({ id: 'p9', number: 'YS20261204-000009' }));
      },
    });
    await wrapper.find('[data-testid="take-to-council"]').trigger('click');
    await vi.waitFor(() => expect(inBody('promote-submit')).not.toBeNull());
    expect((inBody('promote-title') as HTMLInputElement).value).toBe('小区东侧空地变成了垃圾场');
    await vi.waitFor(() => expect(calls.some((c) => c.path.startsWith('/api/cases?'))).toBe(true));
    const listed = calls.find((c) => c.path.startsWith('/api/cases?'))!;
    expect(listed.path).toContain('kind=concern');
    expect(listed.path).toContain('communityId=c1');

    // The topic is asked for.
    inBody('promote-submit')!.click();
    await flushPromises();
    await vi.waitFor(() => expect(document.body.textContent).toContain('此项为必填项'));
    expect(posts(calls)).toHaveLength(0);

    select(wrapper, 'promote-topic').vm.$emit('update:modelValue', 'environment');
    select(wrapper, 'promote-others').vm.$emit('update:modelValue', ['k2']);
    await flushPromises();
    inBody('promote-submit')!.click();
    await flushPromises();
    expect(posts(calls).map((c) => [c.path, c.body])).toEqual([
      [
        '/api/proposals/from-cases',
        {
          caseIds: ['k1', 'k2'],
          title: '小区东侧空地变成了垃圾场',
          description: '东侧空地长期有人倾倒垃圾，夏天气味很大，希望社区想办法。',
          topic: 'environment',
        },
      ],
    ]);
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="council-proposal-link"]').attributes('href')).toBe(
        '/council/proposals/p9',
      ),
    );
    // Once before the council it is not offered again.
    expect(wrapper.find('[data-testid="take-to-council"]').exists()).toBe(false);
    expect(calls.filter((c) => c.path === '/api/cases/k1/events')).toHaveLength(2);
  });

  it('says which proposal a request is already before', async () => {
    const { wrapper, calls } = await openCase(concern, {
      'POST /api/proposals/from-cases': () =>
        jsonResponse(409, {
          statusCode: 409,
          code: 'CONFLICT',
          message: 'x',
          details: {
            reason: 'case_in_council',
            caseId: 'k2',
            proposalId: 'p3',
            proposalNumber: 'YS20261101-000003',
          },
        }),
    });
    await wrapper.find('[data-testid="take-to-council"]').trigger('click');
    await vi.waitFor(() => expect(inBody('promote-submit')).not.toBeNull());
    select(wrapper, 'promote-topic').vm.$emit('update:modelValue', 'environment');
    await flushPromises();
    inBody('promote-submit')!.click();
    await flushPromises();
    await vi.waitFor(() =>
      expect(inBody('promote-conflict')!.textContent).toContain(
        '该诉求已在议事会议题 YS20261101-000003 中',
      ),
    );
    expect(inBody('promote-conflict')!.querySelector('a')!.getAttribute('href')).toBe(
      '/council/proposals/p3',
    );
    expect(posts(calls)).toHaveLength(1);
  });

  it('links the request timeline’s taken_to_council entry to its proposal', async () => {
    storeSession(makeUser('desk_staff', 'community', 'c1'), 'c1');
    const { wrapper } = await mountInApp(CaseTimeline, {
      path: '/',
      stubViews: true,
      props: {
        events: [
          makeEvent({
            id: '200',
            type: 'taken_to_council',
            data: { proposalId: 'p9', proposalNumber: 'YS20261204-000009' },
          }),
        ],
      },
    });
    const item = wrapper.find('[data-type="taken_to_council"]');
    expect(item.text()).toContain('已提交幸福议事会（议题 YS20261204-000009）');
    expect(item.find('[data-testid="timeline-open-proposal"]').attributes('href')).toBe(
      '/council/proposals/p9',
    );
  });
});
