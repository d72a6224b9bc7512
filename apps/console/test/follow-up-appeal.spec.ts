import type { FollowUpAppeal, FollowUpAttempt, FollowUpDetail } from '@baitong/contracts';
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import FollowUpRecord from '@/views/follow-ups/FollowUpRecord.vue';
import { makeDetail } from './case-fixtures';
import { makeAppeal, makeAttempt, makeFollowUpDetail } from './follow-up-fixtures';
import {
  jsonResponse,
  makeUser,
  mountInApp,
  storeSession,
  stubFetch,
  type RecordedCall,
} from './helpers';

enableAutoUnmount(afterEach);

const finished = (attempts: FollowUpAttempt[]) =>
  makeFollowUpDetail({ status: 'done', verdict: 'reopen', tries: 1, attempts });

type Responder = (call: RecordedCall) => Response;

async function openRecord(
  detail: FollowUpDetail,
  appeal: Responder = (call) =>
    jsonResponse(201, makeAppeal(call.body as Pick<FollowUpAppeal, 'reason' | 'evidence'>)),
  user = makeUser('community_worker', 'community', 'c1'),
) {
  storeSession(user, 'c1');
  let reads = 0;
  const fetch = stubFetch({
    'GET /api/follow-ups/f1': () => {
      reads += 1;
      return jsonResponse(200, detail);
    },
    'GET /api/cases/k1': () => jsonResponse(200, makeDetail({ status: 'in_progress' })),
    'POST /api/follow-up-attempts/a1/appeal': appeal,
  });
  const mounted = await mountInApp(FollowUpRecord, { path: '/follow-ups/f1', stubViews: true });
  await vi.waitFor(() =>
    expect(mounted.wrapper.find('[data-testid="attempt-history"]').exists()).toBe(true),
  );
  const posts = () => fetch.calls.filter((c) => c.method === 'POST');
  const inDialog = (testId: string) =>
    document.body.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  async function fill(testId: string, text: string) {
    const input = inDialog(testId) as HTMLTextAreaElement;
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await flushPromises();
  }
  async function openDialog() {
    await mounted.wrapper.find('[data-testid="appeal-open"]').trigger('click');
    await vi.waitFor(() => expect(inDialog('appeal-dialog')).not.toBeNull());
  }
  return { ...mounted, ...fetch, posts, inDialog, fill, openDialog, reads: () => reads };
}

describe('appealing a dissatisfied rating', () => {
  it('is offered only on dissatisfied or not-solved ratings that were neither corrected nor appealed', async () => {
    const { wrapper } = await openRecord(
      finished([
        makeAttempt({ id: 'a0', satisfaction: 'satisfied', solved: 'yes' }),
        makeAttempt({ id: 'a1', satisfaction: 'basically_satisfied', solved: 'no' }),
        makeAttempt({ id: 'a2', supersededById: 'a3' }),
        makeAttempt({ id: 'a3', satisfaction: 'very_dissatisfied', supersedesId: 'a2' }),
        makeAttempt({ id: 'a4', appeal: makeAppeal({ attemptId: 'a4' }) }),
        makeAttempt({ id: 'a5', outcome: 'unreachable', satisfaction: null, solved: null }),
      ]),
    );
    const offered = wrapper
      .findAll('[data-testid="attempt-item"]')
      .filter((item) => item.find('[data-testid="appeal-open"]').exists())
      .map((item) => item.attributes('data-attempt-id'));
    expect(offered).toEqual(['a1', 'a3']);
    expect(wrapper.find('[data-attempt-id="a4"] [data-testid="appeal-status"]').text()).toBe(
      '申诉待复核',
    );
  });

  it.each([
    ['cp1', true],
    ['cp2', false],
  ])('is offered to a grid worker of compound %s: %s', async (compound, offered) => {
    const { wrapper } = await openRecord(
      finished([makeAttempt()]),
      undefined,
      makeUser('grid_worker', 'compound', compound),
    );
    expect(wrapper.find('[data-testid="appeal-open"]').exists()).toBe(offered);
  });

  it('sends the reason and evidence, then shows the appeal pending on its attempt', async () => {
    const { wrapper, posts, inDialog, fill, openDialog } = await openRecord(
      finished([makeAttempt()]),
    );
    await openDialog();
    expect(inDialog('appeal-rating')?.textContent).toContain('电话 · 不满意 · 未解决');
    await fill('appeal-reason', '  不满的是物业费，不属于社区职责 ');
    await fill('appeal-evidence', '通话记录见回访备注');
    inDialog('appeal-submit')?.click();

    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]!.path).toBe('/api/follow-up-attempts/a1/appeal');
    expect(posts()[0]!.body).toEqual({
      reason: '不满的是物业费，不属于社区职责',
      evidence: '通话记录见回访备注',
    });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="attempt-appeal"]').attributes('data-status')).toBe(
        'pending',
      ),
    );
    expect(wrapper.find('[data-testid="attempt-appeal"]').text()).toContain('等待街道管理员复核');
    expect(wrapper.find('[data-testid="appeal-open"]').exists()).toBe(false);
    expect(document.body.querySelector('.el-message--success')?.textContent).toContain(
      '申诉已提交',
    );
  });

  it('sends nothing without a reason and evidence', async () => {
    const { posts, inDialog, openDialog } = await openRecord(finished([makeAttempt()]));
    await openDialog();
    inDialog('appeal-submit')?.click();
    await vi.waitFor(() =>
      expect(
        inDialog('appeal-field-evidence')?.querySelector('.el-form-item__error')?.textContent,
      ).toContain('必填'),
    );
    expect(
      inDialog('appeal-field-reason')?.querySelector('.el-form-item__error')?.textContent,
    ).toContain('必填');
    expect(posts()).toEqual([]);
  });

  it.each([
    ['already_appealed', '这条评价已经申诉过了'],
    ['superseded', '已被之后的回访记录更正'],
    ['not_dissatisfied', '只有“不满意”“非常不满意”或“未解决”的评价可以申诉'],
  ])('explains the refusal %s in words and reads the task again', async (reason, words) => {
    const { inDialog, fill, openDialog, reads } = await openRecord(finished([makeAttempt()]), () =>
      jsonResponse(409, {
        statusCode: 409,
        code: 'CONFLICT',
        message: 'refused',
        details: { reason },
      }),
    );
    await openDialog();
    await fill('appeal-reason', '恶意评价');
    await fill('appeal-evidence', '邻居作证');
    inDialog('appeal-submit')?.click();
    await vi.waitFor(() => expect(inDialog('appeal-problem')?.textContent).toContain(words));
    await vi.waitFor(() => expect(reads()).toBe(2));
    // Silent: the explanation in the dialog is the only one, no generic toast beside it.
    expect(document.body.querySelector('.el-message--error')).toBeNull();
  });

  it('shows a field error of the API beside its field', async () => {
    const { inDialog, fill, openDialog } = await openRecord(finished([makeAttempt()]), () =>
      jsonResponse(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'invalid',
        fields: [{ field: 'evidence', code: 'too_long', params: { max: 4000 }, message: 'long' }],
      }),
    );
    await openDialog();
    await fill('appeal-reason', '恶意评价');
    await fill('appeal-evidence', '证据');
    inDialog('appeal-submit')?.click();
    await vi.waitFor(() =>
      expect(
        inDialog('appeal-field-evidence')?.querySelector('.el-form-item__error')?.textContent,
      ).toContain('4000'),
    );
    expect(inDialog('appeal-problem')).toBeNull();
  });

  it('shows who decided an appeal and why, and that an upheld one leaves the rating out', async () => {
    const decided = (status: 'upheld' | 'rejected', id: string) =>
      makeAttempt({
        id,
        excluded: status === 'upheld',
        appeal: makeAppeal({
          attemptId: id,
          status,
          decidedById: 'u-street',
          decidedByName: '张超',
          decidedAt: '2025-03-05T02:00:00.000Z',
          decisionReason: status === 'upheld' ? '核实为物业收费问题' : '问题确未解决',
        }),
      });
    const { wrapper } = await openRecord(
      finished([decided('upheld', 'a1'), decided('rejected', 'a2')]),
    );
    const upheld = wrapper.find('[data-attempt-id="a1"]');
    expect(upheld.find('[data-testid="appeal-status"]').text()).toBe('申诉已支持');
    expect(upheld.find('[data-testid="appeal-decision"]').text()).toContain('张超');
    expect(upheld.find('[data-testid="appeal-decision"]').text()).toContain('核实为物业收费问题');
    expect(upheld.find('[data-testid="attempt-excluded"]').text()).toBe('不计入满意度');
    const rejected = wrapper.find('[data-attempt-id="a2"]');
    expect(rejected.find('[data-testid="appeal-status"]').text()).toBe('申诉已驳回');
    expect(rejected.find('[data-testid="appeal-decision"]').text()).toContain('问题确未解决');
    expect(rejected.find('[data-testid="attempt-excluded"]').exists()).toBe(false);
  });
});
