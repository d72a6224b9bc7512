import type { Category } from '@baitong/contracts';
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSlaNumber } from '@/utils/categories';
import Categories from '@/views/cases/Categories.vue';
import { makeCategory } from './case-fixtures';
import { jsonResponse, makeUser, mountInApp, storeSession, stubFetch } from './helpers';

enableAutoUnmount(afterEach);

const stairLight = makeCategory({
  id: 'cat-2',
  kind: 'concern',
  code: 'stair_light',
  nameZh: '楼道灯损坏',
  nameEn: 'Broken stair light',
  acceptWithinMinutes: 60,
  resolveWithin: { value: 24, unit: 'open_hours' },
  followUpRequired: false,
  publicArea: true,
  replyTemplates: [],
});

async function openAs(
  role: 'bureau_admin' | 'monitor',
  extra: Parameters<typeof stubFetch>[0] = {},
) {
  storeSession(makeUser(role, 'district', 'd1'));
  const fetch = stubFetch({
    'GET /api/categories': () => jsonResponse(200, [makeCategory(), stairLight]),
    ...extra,
  });
  const mounted = await mountInApp(Categories, { path: '/categories', stubViews: true });
  await vi.waitFor(() =>
    expect(mounted.wrapper.findAll('[data-testid="category-row"]')).toHaveLength(2),
  );
  return { ...mounted, ...fetch };
}

const dialog = () => document.body.querySelector<HTMLElement>('.el-dialog')!;
function type(testId: string, value: string, index = 0) {
  const input = dialog().querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
    `[data-testid="${testId}"]`,
  )[index]!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}
const save = () =>
  dialog().querySelector<HTMLButtonElement>('[data-testid="dialog-submit"]')!.click();
const fieldErrors = () =>
  [...dialog().querySelectorAll('.el-form-item__error')].map((el) => el.textContent?.trim());

describe('category catalogue', () => {
  it('lists the SLA targets and flags; the bureau sees inactive ones too', async () => {
    const { wrapper, calls } = await openAs('bureau_admin');
    const table = wrapper.find('[data-testid="categories-table"]').text();
    expect(table).toContain('30 分钟');
    expect(table).toContain('2 个工作日');
    expect(table).toContain('24 个营业小时');
    expect(table).toContain('需要回访');
    expect(table).toContain('公共区域');
    expect(calls[0]?.path).toBe('/api/categories?all=true');
    expect(wrapper.find('[data-testid="category-create"]').exists()).toBe(true);
  });

  it('is read-only for everyone but the bureau', async () => {
    const { wrapper, calls } = await openAs('monitor');
    expect(calls[0]?.path).toBe('/api/categories');
    expect(wrapper.find('[data-testid="category-create"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="category-edit"]').exists()).toBe(false);
  });

  it('refuses SLA targets that are not whole numbers from 1 to 10 000, then saves', async () => {
    const { wrapper, calls } = await openAs('bureau_admin', {
      'PATCH /api/categories/cat-1': (call) =>
        jsonResponse(200, { ...makeCategory(), ...(call.body as Partial<Category>) }),
    });
    await wrapper.findAll('[data-testid="category-edit"]')[0]!.trigger('click');
    await flushPromises();

    // Zero and a fraction: both refused with the rule, nothing sent (other cases: parseSlaNumber).
    type('sla-accept-input', '0');
    type('sla-resolve-input', '1.5');
    await flushPromises();
    save();
    await vi.waitFor(() =>
      expect(fieldErrors()).toEqual(['请输入 1–10000 的整数', '请输入 1–10000 的整数']),
    );
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);

    type('sla-accept-input', '45');
    type('sla-resolve-input', '3');
    // A second reply template, in both languages.
    dialog().querySelector<HTMLButtonElement>('[data-testid="template-add"]')!.click();
    await flushPromises();
    type('template-title-zh', '请补充材料', 1);
    type('template-title-en', 'Documents needed', 1);
    type('template-body-zh', '请携带户口本到窗口补充材料。', 1);
    type('template-body-en', 'Please bring your household register to the desk.', 1);
    await flushPromises();
    save();
    await vi.waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));

    const body = calls.find((c) => c.method === 'PATCH')!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      nameZh: '户籍证明',
      acceptWithinMinutes: 45,
      resolveWithin: { value: 3, unit: 'working_days' },
      followUpRequired: true,
      publicArea: false,
      active: true,
    });
    expect(body).not.toHaveProperty('kind');
    expect(body).not.toHaveProperty('code');
    const templates = body['replyTemplates'] as Category['replyTemplates'];
    expect(templates.map((tpl) => tpl.titleZh)).toEqual(['已开具证明', '请补充材料']);
    expect(templates[1]?.id).toMatch(/^[\w]{1,32}$/);
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="categories-table"]').text()).toContain('45 分钟'),
    );
  });

  it('needs both languages of a reply template', async () => {
    const { wrapper, calls } = await openAs('bureau_admin');
    await wrapper.findAll('[data-testid="category-edit"]')[1]!.trigger('click');
    await flushPromises();
    dialog().querySelector<HTMLButtonElement>('[data-testid="template-add"]')!.click();
    await flushPromises();
    type('template-title-zh', '已报修');
    await flushPromises();
    save();
    await vi.waitFor(() => expect(fieldErrors()).toHaveLength(3));
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
  });
});

describe('SLA number parsing', () => {
  it('accepts whole numbers from 1 to 10 000 only', () => {
    expect(parseSlaNumber('45')).toBe(45);
    expect(parseSlaNumber(' 10000 ')).toBe(10_000);
    for (const bad of ['0', '10001', '1.5', '-3', '', 'abc', '1e3', null])
      expect(parseSlaNumber(bad)).toBeNull();
  });
});
