import type { FollowUpDetail } from '@baitong/contracts';
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/i18n';
import FollowUpRecord from '@/views/follow-ups/FollowUpRecord.vue';
import { makeDetail } from './case-fixtures';
import { makeFollowUpDetail } from './follow-up-fixtures';
import {
  jsonResponse,
  makeUser,
  mountInApp,
  storeSession,
  stubFetch,
  type RecordedCall,
} from './helpers';
import { answerMessageBox } from './message-box';

enableAutoUnmount(afterEach);

type Responder = (call: RecordedCall) => Response;

async function openForm(
  record: Responder = () =>
    jsonResponse(201, makeFollowUpDetail({ status: 'done', verdict: 'close', tries: 1 })),
  detail: FollowUpDetail = makeFollowUpDetail(),
) {
  storeSession(makeUser('community_worker', 'community', 'c1'), 'c1');
  const fetch = stubFetch({
    'GET /api/follow-ups/f1': () => jsonResponse(200, detail),
    'POST /api/follow-ups/f1/attempts': record,
    'GET /api/cases/k1': () =>
      jsonResponse(200, makeDetail({ status: 'resolved', resolution: '已更换灯泡' })),
    'GET /api/cases/k1/contact': () =>
      jsonResponse(200, {
        caseId: 'k1',
        source: 'resident',
        residentId: 'r1',
        partyIndex: null,
        name: '王建国',
        phone: '13800005678',
        idNumber: null,
      }),
  });
  const mounted = await mountInApp(FollowUpRecord, {
    path: '/follow-ups/f1?tab=overdue',
    stubViews: true,
  });
  await vi.waitFor(() =>
    expect(mounted.wrapper.find('[data-testid="attempt-form"]').exists()).toBe(true),
  );
  const posts = () => fetch.calls.filter((c) => c.method === 'POST');
  const tap = (testId: string) =>
    mounted.wrapper.find(`[data-testid="${testId}"]`).trigger('click');
  const submit = () => mounted.wrapper.find('[data-testid="attempt-form"]').trigger('submit');
  const errorAt = (field: string) =>
    mounted.wrapper.find(`[data-testid="field-${field}"] .el-form-item__error`);
  return { ...mounted, ...fetch, posts, tap, submit, errorAt };
}

describe('recording a follow-up', () => {
  it('refuses to submit "reached" without satisfaction and solved, then sends them once chosen', async () => {
    const { posts, tap, submit, errorAt, router } = await openForm();

    await submit();
    await vi.waitFor(() => expect(errorAt('method').text()).toBe('请选择回访方式'));
    expect(errorAt('outcome').text()).toBe('请选择回访结果');

    await tap('method-phone');
    await tap('outcome-reached');
    await submit();
    await vi.waitFor(() => expect(errorAt('satisfaction').text()).toBe('联系上居民时请选择满意度'));
    expect(errorAt('solved').text()).toBe('联系上居民时请选择问题是否解决');
    expect(errorAt('method').exists()).toBe(false);
    expect(posts()).toEqual([]);

    await tap('satisfaction-satisfied');
    await submit();
    await vi.waitFor(() => expect(errorAt('satisfaction').exists()).toBe(false));
    expect(errorAt('solved').exists()).toBe(true);
    expect(posts()).toEqual([]);

    await tap('solved-yes');
    await submit();
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]!.body).toEqual({
      method: 'phone',
      outcome: 'reached',
      satisfaction: 'satisfied',
      solved: 'yes',
    });
    expect(posts()[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    // Saved: the result is told and the worker is back on the list they came from.
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('my-follow-ups'));
    expect(router.currentRoute.value.query['tab']).toBe('overdue');
    expect(document.body.querySelector('.follow-up-saved')?.textContent).toContain(
      '居民满意，诉求将结案',
    );
  });

  it('sends neither satisfaction nor solved for a resident who was not reached', async () => {
    const { posts, tap, submit } = await openForm(() =>
      jsonResponse(201, makeFollowUpDetail({ tries: 1, retryPending: true })),
    );
    await tap('method-visit');
    await tap('outcome-reached');
    await tap('satisfaction-very_satisfied');
    await tap('outcome-unreachable');
    await submit();
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]!.body).toEqual({ method: 'visit', outcome: 'unreachable' });
  });

  it('shows a field error from the API at its field', async () => {
    const { wrapper, tap, submit, errorAt } = await openForm(() =>
      jsonResponse(422, {
        statusCode: 422,
        code: 'VALIDATION_FAILED',
        message: 'invalid',
        fields: [{ field: 'notes', code: 'too_long', params: { max: 2000 }, message: 'too long' }],
      }),
    );
    await tap('method-phone');
    await tap('outcome-declined');
    await wrapper.find('[data-testid="field-notes"] textarea').setValue('居民不愿意多谈');
    await submit();
    await vi.waitFor(() => expect(errorAt('notes').text()).toContain('2000'));
    expect(errorAt('method').exists()).toBe(false);
    expect(wrapper.find('[data-testid="attempt-error"]').text()).toContain('请按提示修改');
  });

  it('explains in words that the case is no longer resolved', async () => {
    const { wrapper, tap, submit, router } = await openForm(() =>
      jsonResponse(409, {
        statusCode: 409,
        code: 'CONFLICT',
        message: 'The case is no longer resolved',
        details: { reason: 'case_not_resolved', caseStatus: 'in_progress' },
      }),
    );
    await tap('method-phone');
    await tap('outcome-declined');
    await submit();
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="attempt-error"]').text()).toContain(
        '这件诉求已不是“已办结”状态',
      ),
    );
    expect(router.currentRoute.value.name).toBe('follow-up-record');
  });

  it('explains that a colleague already finished it, and shows the result on record', async () => {
    let finished = false;
    storeSession(makeUser('community_worker', 'community', 'c1'), 'c1');
    const done = makeFollowUpDetail({ status: 'done', verdict: 'close', tries: 1 });
    stubFetch({
      'GET /api/follow-ups/f1': () => jsonResponse(200, finished ? done : makeFollowUpDetail()),
      'POST /api/follow-ups/f1/attempts': () => {
        finished = true;
        return jsonResponse(409, {
          statusCode: 409,
          code: 'CONFLICT',
          message: 'finished',
          details: { reason: 'follow_up_finished', status: 'done' },
        });
      },
    });
    const { wrapper } = await mountInApp(FollowUpRecord, {
      path: '/follow-ups/f1',
      stubViews: true,
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="attempt-form"]').exists()).toBe(true),
    );
    await wrapper.find('[data-testid="method-phone"]').trigger('click');
    await wrapper.find('[data-testid="outcome-declined"]').trigger('click');
    await wrapper.find('[data-testid="attempt-form"]').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="follow-up-finished"]').exists()).toBe(true),
    );
    expect(wrapper.find('[data-testid="attempt-error"]').text()).toContain('已有结果');
    expect(wrapper.find('[data-testid="attempt-form"]').exists()).toBe(false);
  });

  it('shows the category’s script in the language of the page', async () => {
    const { wrapper } = await openForm();
    expect(wrapper.find('[data-testid="follow-up-script"]').text()).toContain(
      '回访您反映的楼道灯问题',
    );
    i18n.global.locale.value = 'en';
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="follow-up-script"]').text()).toContain(
        'following up on the stair light',
      ),
    );
  });

  it('reads the resident’s phone through the audited contact read, after confirming', async () => {
    const { wrapper, calls } = await openForm();
    await wrapper.find('[data-testid="call-resident"]').trigger('click');
    expect(await answerMessageBox(true, 'contact-reveal-confirm')).toContain('审计日志');
    await vi.waitFor(() =>
      expect(
        document.body.querySelector('[data-testid="contact-phone"]')?.getAttribute('href'),
      ).toBe('tel:13800005678'),
    );
    expect(calls.filter((c) => c.path.endsWith('/contact')).map((c) => c.path)).toEqual([
      '/api/cases/k1/contact',
    ]);
  });
});
