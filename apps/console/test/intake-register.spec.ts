import type { ResidentSummary } from '@baitong/contracts';
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { ElSelect } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Intake from '@/views/cases/Intake.vue';
import { makeCategory, makeDesk, makeDetail } from './case-fixtures';
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

function resident(overrides: Partial<ResidentSummary> = {}): ResidentSummary {
  return {
    id: 'r-new',
    name: '赵*',
    phoneMasked: '138****1111',
    communityId: 'c1',
    compoundId: null,
    foreign: false,
    nationality: null,
    registeredAt: '2026-03-01T02:00:00.000Z',
    verification: 'verified',
    preferredLanguage: 'zh-CN',
    ...overrides,
  };
}

async function openIntake(routes: Routes) {
  storeSession(makeUser('desk_staff', 'community', 'c1'), 'c1');
  const fetch = stubFetch({
    'GET /api/categories': () => jsonResponse(200, [makeCategory()]),
    'GET /api/communities/c1/desks': () => jsonResponse(200, [makeDesk('d1')]),
    'GET /api/communities/c1/compounds': () =>
      jsonResponse(200, [{ id: 'p1', name: '尚格博园', nameEn: 'Shangge Boyuan' }]),
    'POST /api/cases': () => jsonResponse(201, makeDetail({ id: 'k9' })),
    'GET /api/cases/k9/repeat-candidates': () => jsonResponse(200, []),
    ...routes,
  });
  const mounted = await mountInApp(Intake, { path: '/cases/new', stubViews: true });
  await flushPromises();
  return { ...mounted, ...fetch };
}

function select(wrapper: VueWrapper, id: string) {
  const found = wrapper.findAllComponents(ElSelect).find((c) => c.attributes('data-testid') === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

function fill(testId: string, value: string) {
  const input = document.body.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
  if (!input) throw new Error(`no ${testId}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

const click = (testId: string) =>
  document.body.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)?.click();

/** The worker searches for the caller, finds nobody and opens the registration. */
async function searchAndRegister(wrapper: VueWrapper, name: string, phone: string) {
  select(wrapper, 'intake-category').vm.$emit('update:modelValue', 'cat-1');
  const search = select(wrapper, 'intake-resident').props('remoteMethod') as (
    q: string,
  ) => Promise<void>;
  await search(name);
  await flushPromises();
  await wrapper.find('[data-testid="intake-register-resident"]').trigger('click');
  await vi.waitFor(() =>
    expect(document.body.querySelector('[data-testid="register-form"]')).not.toBeNull(),
  );
  // The form starts from what was searched.
  expect(
    document.body.querySelector<HTMLInputElement>('[data-testid="register-name"]')?.value,
  ).toBe(name);
  fill('register-phone', phone);
  await flushPromises();
  click('register-submit');
  await flushPromises();
}

async function fileCase(wrapper: VueWrapper) {
  await wrapper.find('[data-testid="intake-description"]').setValue('需要开具居住证明用于入学');
  await wrapper.find('[data-testid="intake-submit"]').trigger('click');
  await flushPromises();
}

const posts = (calls: RecordedCall[], path: string) =>
  calls.filter((c) => c.method === 'POST' && c.path === path);

describe('registering a walk-in at intake', () => {
  it('registers the caller as a resident and files the request under them', async () => {
    const { wrapper, calls, router } = await openIntake({
      'POST /api/residents': () => jsonResponse(201, resident()),
    });
    await searchAndRegister(wrapper, '赵大妈', '138 0000 1111');

    await vi.waitFor(() => expect(posts(calls, '/api/residents')).toHaveLength(1));
    expect(posts(calls, '/api/residents')[0]?.body).toEqual({
      name: '赵大妈',
      phone: '13800001111',
      foreign: false,
      preferredLanguage: 'zh-CN',
    });
    expect(select(wrapper, 'intake-resident').props('modelValue')).toBe('r-new');

    await fileCase(wrapper);
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('case-detail'));
    const filed = posts(calls, '/api/cases')[0]?.body as Record<string, unknown>;
    expect(filed['residentId']).toBe('r-new');
    expect(filed['walkIn']).toBeUndefined();
  });

  it('checks the phone before sending: an 11-digit mainland mobile', async () => {
    const { wrapper, calls } = await openIntake({});
    await searchAndRegister(wrapper, '赵大妈', '12345');
    await vi.waitFor(() => expect(document.body.textContent).toContain('请输入 11 位大陆手机号'));
    expect(posts(calls, '/api/residents')).toHaveLength(0);
  });

  it('offers the resident of the community who already holds the phone (409), and files under them', async () => {
    const holder = resident({ id: 'r-old', name: '赵*', phoneMasked: '138****1111' });
    const { wrapper, calls, router } = await openIntake({
      'POST /api/residents': () =>
        jsonResponse(409, {
          statusCode: 409,
          code: 'CONFLICT',
          message: 'This phone already belongs to a resident of your community',
          fields: [{ field: 'phone', code: 'invalid', message: 'already registered' }],
          details: { residentId: 'r-old' },
        }),
      'GET /api/residents': (call) => {
        const q = new URL(call.path, 'http://x').searchParams.get('q');
        const items = q === '1111' ? [holder] : [];
        return jsonResponse(200, { items, total: items.length, page: 1, pageSize: 50 });
      },
    });
    await searchAndRegister(wrapper, '赵大妈', '13800001111');

    await vi.waitFor(() =>
      expect(document.body.querySelector('[data-testid="register-conflict"]')).not.toBeNull(),
    );
    // The phone field says what is wrong, in words; the holder is named masked.
    await vi.waitFor(() => expect(document.body.textContent).toContain('该手机号已被登记'));
    expect(document.body.querySelector('[data-testid="register-conflict"]')?.textContent).toContain(
      '本社区居民 赵*（138****1111）',
    );
    click('register-use-holder');
    await flushPromises();
    expect(select(wrapper, 'intake-resident').props('modelValue')).toBe('r-old');

    await fileCase(wrapper);
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('case-detail'));
    expect((posts(calls, '/api/cases')[0]?.body as Record<string, unknown>)['residentId']).toBe(
      'r-old',
    );
  });

  it('records the caller on the request only when another community holds the phone', async () => {
    const { wrapper, calls, router } = await openIntake({
      'POST /api/residents': () =>
        jsonResponse(409, {
          statusCode: 409,
          code: 'CONFLICT',
          message: 'This phone already belongs to a resident of another community',
          fields: [{ field: 'phone', code: 'invalid', message: 'already registered' }],
        }),
    });
    await searchAndRegister(wrapper, '赵大妈', '13800001111');
    await vi.waitFor(() =>
      expect(document.body.querySelector('[data-testid="register-as-walkin"]')).not.toBeNull(),
    );
    expect(document.body.textContent).toContain('属于其他社区的居民');
    click('register-as-walkin');
    await flushPromises();

    await fileCase(wrapper);
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('case-detail'));
    const filed = posts(calls, '/api/cases')[0]?.body as Record<string, unknown>;
    expect(filed['walkIn']).toEqual({ name: '赵大妈', phone: '13800001111' });
    expect(filed['residentId']).toBeUndefined();
  });

  it("shows the API's field errors beside the fields, translated", async () => {
    const { wrapper } = await openIntake({
      'POST /api/residents': () =>
        jsonResponse(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'name: too long',
          fields: [{ field: 'name', code: 'too_long', params: { max: 64 }, message: 'too long' }],
        }),
    });
    await searchAndRegister(wrapper, '赵大妈', '13800001111');
    await vi.waitFor(() => expect(document.body.textContent).toContain('最多 64 个字'));
  });
});
