import type { RatingRunDetail } from '@baitong/contracts';
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import RatingRunDetailView from '@/views/ratings/runs/RatingRunDetail.vue';
import {
  type RecordedCall,
  jsonResponse,
  makeUser,
  mountInApp,
  storeSession,
  stubFetch,
} from './helpers';

enableAutoUnmount(afterEach);

function run(overrides: Partial<RatingRunDetail> = {}): RatingRunDetail {
  return {
    id: 'r1',
    year: 2026,
    status: 'draft',
    frameworkId: 'f1',
    frameworkName: { zh: '和谐社区评定规范（样例）', en: 'Sample' },
    frameworkVersion: '2022.1-sample',
    frameworkSample: true,
    ratingDate: '2027-01-15',
    policy: {},
    objectionWindowDays: 7,
    reviewOpenedAt: null,
    reviewClosesAt: null,
    snapshotVersion: null,
    contentHash: null,
    supersedesRunId: null,
    supersededByRunId: null,
    note: '',
    createdByName: '区民政局',
    createdAt: '2027-01-10T02:00:00.000Z',
    frozenAt: null,
    computedAt: null,
    publishedAt: null,
    cancelledAt: null,
    cancelReason: null,
    counts: null,
    version: 1,
    snapshots: [],
    missing: [],
    objections: { open: 0, accepted: 0, rejected: 0 },
    allowedActions: ['freeze', 'cancel'],
    ...overrides,
  };
}

const MISSING = [
  {
    communityId: 'c9',
    indicatorKey: 'venues.quality',
    source: 'assessment',
    assessors: ['street_cross_inspection'],
  },
];

describe('the run page', () => {
  it('lists the missing inputs of a refused freeze and freezes once the bureau accepts them', async () => {
    storeSession(makeUser('bureau_admin', 'district', 'district'));
    const freezes: RecordedCall[] = [];
    stubFetch({
      'GET /api/rating-runs/r1': () => jsonResponse(200, run()),
      'GET /api/rating-runs/r1/objections': () => jsonResponse(200, []),
      'POST /api/rating-runs/r1/freeze': (call) => {
        freezes.push(call);
        return (call.body as { acceptMissing?: boolean }).acceptMissing
          ? jsonResponse(
              200,
              run({
                status: 'frozen',
                snapshotVersion: 1,
                contentHash: 'ab'.repeat(32),
                missing: MISSING as never,
                allowedActions: ['compute', 'cancel'],
              }),
            )
          : jsonResponse(409, {
              statusCode: 409,
              code: 'CONFLICT',
              message: '1 inputs are missing',
              details: { reason: 'missing_inputs', missing: MISSING },
            });
      },
    });
    const { wrapper } = await mountInApp(RatingRunDetailView, {
      path: '/ratings/runs/r1',
      stubViews: true,
    });
    await flushPromises();
    expect(wrapper.find('[data-testid="rating-run-status"]').text()).toBe('草稿');
    await wrapper.find('[data-testid="rating-run-freeze"]').trigger('click');
    await flushPromises();
    const dialog = document.body.querySelector('[data-testid="rating-missing"]');
    expect(dialog?.textContent).toContain('venues.quality');
    expect(dialog?.textContent).toContain('街道交叉查验');
    (document.body.querySelector('[data-testid="rating-freeze-accept"]') as HTMLElement).click();
    await flushPromises();
    expect(freezes.map((c) => c.body)).toEqual([{}, { acceptMissing: true }]);
    expect(wrapper.find('[data-testid="rating-run-status"]').text()).toBe('已冻结');
    expect(wrapper.find('[data-testid="rating-run-hash"]').text()).toBe('ab'.repeat(32));
    expect(wrapper.find('[data-testid="rating-run-compute"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="rating-run-freeze"]').exists()).toBe(false);
  });

  it('gives the community admin the 复核申请 form during the review, and files it for their community', async () => {
    storeSession(makeUser('community_admin', 'community', 'c1'), 'c1');
    const filed: RecordedCall[] = [];
    stubFetch({
      'GET /api/rating-runs/r1': () =>
        jsonResponse(
          200,
          run({
            status: 'in_review',
            snapshotVersion: 1,
            contentHash: 'cd'.repeat(32),
            reviewClosesAt: '2027-01-17T02:00:00.000Z',
            allowedActions: ['object'],
          }),
        ),
      'GET /api/rating-runs/r1/objections': () => jsonResponse(200, []),
      'POST /api/rating-runs/r1/objections': (call) => {
        filed.push(call);
        return jsonResponse(201, { id: 'o1' });
      },
    });
    const { wrapper } = await mountInApp(RatingRunDetailView, {
      path: '/ratings/runs/r1',
      stubViews: true,
    });
    await flushPromises();
    expect(wrapper.find('[data-testid="rating-run-publish"]').exists()).toBe(false);
    const form = wrapper.find('[data-testid="rating-objection-form"]');
    expect(form.text()).toContain('提出复核申请');
    const inputs = form.findAll('input, textarea');
    await inputs[0]!.setValue('venues.quality');
    await inputs[1]!.setValue('新建活动室未计入');
    await form.find('button').trigger('click');
    await flushPromises();
    expect(filed.map((c) => c.body)).toEqual([
      { communityId: 'c1', body: '新建活动室未计入', indicatorKey: 'venues.quality' },
    ]);
  });
});
