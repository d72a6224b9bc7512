import type { CaseDetail } from '@baitong/contracts';
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { ElRadioGroup, ElSelect } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Intake from '@/views/cases/Intake.vue';
import { makeCandidate, makeCategory, makeDesk, makeDetail } from './case-fixtures';
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

const created = makeDetail({ id: 'k9', number: 'BT20250303-0042', version: 1 });

async function openIntake(routes: Routes) {
  storeSession(makeUser('desk_staff', 'community', 'c1'), 'c1');
  const fetch = stubFetch({
    'GET /api/categories': () =>
      jsonResponse(200, [
        makeCategory(),
        makeCategory({ id: 'cat-2', kind: 'concern', code: 'stair_light', nameZh: '楼道灯' }),
      ]),
    'GET /api/communities/c1/desks': () => jsonResponse(200, [makeDesk('d1'), makeDesk('d2')]),
    'GET /api/communities/c1/compounds': () => jsonResponse(200, []),
    ...routes,
  });
  const mounted = await mountInApp(Intake, { path: '/cases/new?desk=d2', stubViews: true });
  await flushPromises();
  return { ...mounted, ...fetch };
}

/** The Element Plus control with this test id, to pick a value as a click would. */
function control(
  wrapper: VueWrapper,
  component: typeof ElSelect | typeof ElRadioGroup,
  id: string,
) {
  const found = wrapper
    .findAllComponents(component)
    .find((c) => c.attributes('data-testid') === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

/** Fills a walk-in affair the way a desk worker would. */
async function fillWalkIn(wrapper: VueWrapper) {
  control(wrapper, ElSelect, 'intake-category').vm.$emit('update:modelValue', 'cat-1');
  control(wrapper, ElRadioGroup, 'intake-resident-mode').vm.$emit('update:modelValue', 'walkIn');
  await flushPromises();
  await wrapper.find('[data-testid="intake-walkin-name"]').setValue('赵大妈');
  await wrapper.find('[data-testid="intake-walkin-phone"]').setValue('13800001111');
  await wrapper.find('[data-testid="intake-description"]').setValue('需要开具居住证明用于入学');
  await flushPromises();
}

async function submit(wrapper: VueWrapper) {
  await wrapper.find('[data-testid="intake-submit"]').trigger('click');
  await flushPromises();
}

const creates = (calls: RecordedCall[]) =>
  calls.filter((c) => c.method === 'POST' && c.path === '/api/cases');

describe('walk-in intake', () => {
  it('does not submit an incomplete form', async () => {
    const { wrapper, calls } = await openIntake({});
    await submit(wrapper);
    expect(creates(calls)).toHaveLength(0);
    await vi.waitFor(() => expect(wrapper.text()).toContain('请选择事项类别'));
  });

  it('sends the same Idempotency-Key again when a failed submission is retried', async () => {
    let attempts = 0;
    const { wrapper, calls, router } = await openIntake({
      'POST /api/cases': () =>
        ++attempts === 1
          ? jsonResponse(502, undefined)
          : jsonResponse(201, created satisfies CaseDetail),
      'GET /api/cases/k9/repeat-candidates': () => jsonResponse(200, []),
    });
    await fillWalkIn(wrapper);

    await submit(wrapper);
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="intake-error"]').exists()).toBe(true),
    );
    expect(wrapper.find('[data-testid="intake-error"]').text()).toContain('服务暂时不可用');

    await submit(wrapper);
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('case-detail'));

    const [first, second] = creates(calls);
    expect(creates(calls)).toHaveLength(2);
    expect(first?.headers['idempotency-key']).toMatch(/^[\w-]{8,64}$/);
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
    expect(second?.body).toEqual(first?.body);
    expect(first?.body).toEqual({
      categoryId: 'cat-1',
      description: '需要开具居住证明用于入学',
      channel: 'desk',
      deskId: 'd2',
      walkIn: { name: '赵大妈', phone: '13800001111' },
    });
    expect(router.currentRoute.value.params['id']).toBe('k9');
  });

  it('asks about repeat candidates after creating, and links the one the worker picks', async () => {
    const { wrapper, calls, router } = await openIntake({
      'POST /api/cases': () => jsonResponse(201, created),
      'GET /api/cases/k9/repeat-candidates': () =>
        jsonResponse(200, [
          makeCandidate(),
          makeCandidate({ caseId: 'old-2', number: 'BT20250101-0001', reason: 'same_resident' }),
        ]),
      'POST /api/cases/k9/repeat': () =>
        jsonResponse(200, { ...created, version: 2, repeatOfId: 'old-2' }),
    });
    await fillWalkIn(wrapper);
    await submit(wrapper);

    await vi.waitFor(() =>
      expect(document.body.querySelector('[data-testid="repeat-dialog"]')).not.toBeNull(),
    );
    const dialog = document.body.querySelector<HTMLElement>('[data-testid="repeat-dialog"]')!;
    expect(dialog.textContent).toContain('BT20250303-0042');
    expect(dialog.textContent).toContain('同一地点');
    expect(dialog.textContent).toContain('同一居民');
    expect(dialog.textContent).toContain('相似度 82%');
    expect(router.currentRoute.value.name).toBe('case-intake');

    dialog.querySelectorAll<HTMLButtonElement>('[data-testid="repeat-link"]')[1]!.click();
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('case-detail'));

    const decision = calls.find((c) => c.path === '/api/cases/k9/repeat');
    expect(decision?.body).toEqual({ decision: 'link', repeatOfId: 'old-2', version: 1 });
  });

  it('records a dismissal when none of the candidates is the same matter', async () => {
    const { wrapper, calls, router } = await openIntake({
      'POST /api/cases': () => jsonResponse(201, created),
      'GET /api/cases/k9/repeat-candidates': () => jsonResponse(200, [makeCandidate()]),
      'POST /api/cases/k9/repeat': () => jsonResponse(200, { ...created, version: 2 }),
    });
    await fillWalkIn(wrapper);
    await submit(wrapper);
    await vi.waitFor(() =>
      expect(document.body.querySelector('[data-testid="repeat-dismiss"]')).not.toBeNull(),
    );

    document.body.querySelector<HTMLButtonElement>('[data-testid="repeat-dismiss"]')!.click();
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('case-detail'));

    const decision = calls.find((c) => c.path === '/api/cases/k9/repeat');
    expect(decision?.body).toEqual({ decision: 'dismiss', version: 1 });
  });
});
