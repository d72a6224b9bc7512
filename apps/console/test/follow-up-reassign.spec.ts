import type { FollowUpDetail, StaffMember } from '@baitong/contracts';
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { ElSelect } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import FollowUpRecord from '@/views/follow-ups/FollowUpRecord.vue';
import MyFollowUps from '@/views/follow-ups/MyFollowUps.vue';
import { makeDetail } from './case-fixtures';
import { followUpPage, makeFollowUp, makeFollowUpDetail } from './follow-up-fixtures';
import {
  jsonResponse,
  makeUser,
  mountInApp,
  storeSession,
  stubFetch,
  type RecordedCall,
} from './helpers';

enableAutoUnmount(afterEach);

const member = (
  id: string,
  displayName: string,
  role: string,
  scope: StaffMember['scope'] = { level: 'community', id: 'c1', name: '翠渝路社区' },
  active = true,
): StaffMember => ({ id, username: id, displayName, role, scope, active });

const STAFF: StaffMember[] = [
  member('u-community_admin', '廖莉', 'community_admin'),
  member('s-desk', '陶萱', 'desk_staff'),
  member('s-grid-other', '刘俊杰', 'grid_worker', {
    level: 'compound',
    id: 'cp2',
    name: '金翠华庭',
  }),
  member('s-worker', '周洋', 'community_worker'),
  member('s-grid', '王霞', 'grid_worker', { level: 'compound', id: 'cp1', name: '尚格博园' }),
  member('s-left', '赵敏', 'community_worker', undefined, false),
];

/** The admin's own fallback task, as the API schedules one with no responsible worker. */
const adminsTask = makeFollowUpDetail({ assigneeId: 'u-community_admin', assigneeName: '廖莉' });

type Responder = (call: RecordedCall) => Response;

const reassigned: Responder = (call) => {
  const { assigneeId } = call.body as { assigneeId: string };
  const to = STAFF.find((s) => s.id === assigneeId)!;
  return jsonResponse(200, { ...adminsTask, assigneeId, assigneeName: to.displayName });
};

function routes(assign: Responder, detail: FollowUpDetail, reads: { n: number }) {
  return stubFetch({
    'GET /api/follow-ups/f1': () => {
      reads.n += 1;
      return jsonResponse(200, detail);
    },
    'GET /api/cases/k1': () => jsonResponse(200, makeDetail({ status: 'resolved' })),
    'GET /api/staff': () => jsonResponse(200, STAFF),
    'POST /api/follow-ups/f1/assign': assign,
  });
}

const inBody = (testId: string) =>
  document.body.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

function choose(wrapper: VueWrapper, staffId: string) {
  const select = wrapper
    .findAllComponents(ElSelect)
    .find((c) => c.attributes('data-testid') === 'reassign-select')!;
  select.vm.$emit('update:modelValue', staffId);
}

async function openRecord(
  assign: Responder = reassigned,
  user = makeUser('community_admin', 'community', 'c1'),
  detail: FollowUpDetail = adminsTask,
) {
  storeSession(user, 'c1');
  const reads = { n: 0 };
  const fetch = routes(assign, detail, reads);
  const mounted = await mountInApp(FollowUpRecord, { path: '/follow-ups/f1', stubViews: true });
  await vi.waitFor(() =>
    expect(mounted.wrapper.find('[data-testid="follow-up-task"]').exists()).toBe(true),
  );
  async function openDialog() {
    await mounted.wrapper.find('[data-testid="reassign-open"]').trigger('click');
    await vi.waitFor(() => expect(inBody('reassign-dialog')).not.toBeNull());
    await flushPromises();
  }
  const posts = () => fetch.calls.filter((c) => c.method === 'POST');
  return { ...mounted, ...fetch, openDialog, posts, reads };
}

describe('reassigning a follow-up', () => {
  it.each([
    ['the community admin', makeUser('community_admin', 'community', 'c1'), adminsTask, true],
    ['a community worker', makeUser('community_worker', 'community', 'c1'), adminsTask, false],
    [
      'the admin of another community',
      makeUser('community_admin', 'community', 'c9'),
      adminsTask,
      false,
    ],
    [
      'the admin, once the task is done',
      makeUser('community_admin', 'community', 'c1'),
      makeFollowUpDetail({ status: 'done', verdict: 'close' }),
      false,
    ],
  ])('is offered to %s: %s', async (_who, user, detail, offered) => {
    const { wrapper } = await openRecord(reassigned, user, detail);
    expect(wrapper.find('[data-testid="task-assignee"]').text()).toBe(detail.assigneeName);
    expect(wrapper.find('[data-testid="reassign-open"]').exists()).toBe(offered);
  });

  it('offers the active desk, grid and community workers, the compound’s grid workers first, and sends the choice', async () => {
    const { wrapper, openDialog, posts } = await openRecord();
    await openDialog();
    expect(inBody('reassign-current')?.textContent).toContain('廖莉');
    const options = [
      ...document.body.querySelectorAll<HTMLElement>('[data-testid^="reassign-option-"]'),
    ];
    expect(options.map((o) => o.dataset['testid'])).toEqual([
      'reassign-option-s-grid',
      'reassign-option-s-worker',
      'reassign-option-s-desk',
      'reassign-option-s-grid-other',
    ]);
    expect(options[0]!.textContent).toContain('本小区');

    choose(wrapper, 's-worker');
    inBody('reassign-submit')?.click();
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]!.body).toEqual({ assigneeId: 's-worker' });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="task-assignee"]').text()).toBe('周洋'),
    );
    expect(document.body.querySelector('.el-message--success')?.textContent).toContain(
      '已改派给 周洋',
    );
  });

  it('sends nothing before someone is chosen', async () => {
    const { openDialog, posts } = await openRecord();
    await openDialog();
    inBody('reassign-submit')?.click();
    await vi.waitFor(() =>
      expect(inBody('reassign-field')?.querySelector('.el-form-item__error')?.textContent).toBe(
        '请选择改派给谁',
      ),
    );
    expect(posts()).toEqual([]);
  });

  it('explains that the chosen worker has it already', async () => {
    const { wrapper, openDialog } = await openRecord(() =>
      jsonResponse(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'assigneeId: the follow-up is already theirs',
        fields: [{ field: 'assigneeId', code: 'unchanged', message: 'already theirs' }],
      }),
    );
    await openDialog();
    choose(wrapper, 's-grid');
    inBody('reassign-submit')?.click();
    await vi.waitFor(() =>
      expect(inBody('reassign-field')?.querySelector('.el-form-item__error')?.textContent).toBe(
        '这条回访已经由 王霞 负责，请选择其他人。',
      ),
    );
    expect(inBody('reassign-problem')).toBeNull();
  });

  it('explains that the task has ended, and reads it again', async () => {
    const { wrapper, openDialog, reads } = await openRecord(() =>
      jsonResponse(409, {
        statusCode: 409,
        code: 'CONFLICT',
        message: 'This follow-up is finished',
        details: { status: 'done' },
      }),
    );
    await openDialog();
    choose(wrapper, 's-worker');
    inBody('reassign-submit')?.click();
    await vi.waitFor(() =>
      expect(inBody('reassign-problem')?.textContent).toContain('这条回访已经结束'),
    );
    await vi.waitFor(() => expect(reads.n).toBe(2));
    expect(document.body.querySelector('.el-message--error')).toBeNull();
  });

  it('is offered on the admin’s list too, and the task leaves the list once given away', async () => {
    storeSession(makeUser('community_admin', 'community', 'c1'), 'c1');
    let given = false;
    const task = makeFollowUp({ assigneeId: 'u-community_admin', assigneeName: '廖莉' });
    const { calls } = stubFetch({
      'GET /api/follow-ups': () => jsonResponse(200, followUpPage(given ? [] : [task])),
      'GET /api/communities/c1/compounds': () => jsonResponse(200, []),
      'GET /api/staff': () => jsonResponse(200, STAFF),
      'POST /api/follow-ups/f1/assign': (call) => {
        given = true;
        return reassigned(call);
      },
    });
    const { wrapper } = await mountInApp(MyFollowUps, { path: '/follow-ups', stubViews: true });
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="follow-up-row"]')).toHaveLength(1),
    );
    await wrapper.find(`[data-testid="reassign-${task.caseNumber}"]`).trigger('click');
    await vi.waitFor(() => expect(inBody('reassign-dialog')).not.toBeNull());
    await flushPromises();
    expect(calls.some((c) => c.path === '/api/staff?communityId=c1')).toBe(true);
    choose(wrapper, 's-grid');
    inBody('reassign-submit')?.click();
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="follow-up-row"]')).toHaveLength(0),
    );
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { assigneeId: 's-grid' },
    ]);
  });

  it('is not offered on a worker’s list', async () => {
    storeSession(makeUser('community_worker', 'community', 'c1'), 'c1');
    stubFetch({
      'GET /api/follow-ups': () => jsonResponse(200, followUpPage([makeFollowUp()])),
      'GET /api/communities/c1/compounds': () => jsonResponse(200, []),
    });
    const { wrapper } = await mountInApp(MyFollowUps, { path: '/follow-ups', stubViews: true });
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="follow-up-row"]')).toHaveLength(1),
    );
    expect(wrapper.find('[data-testid^="reassign-"]').exists()).toBe(false);
  });
});
