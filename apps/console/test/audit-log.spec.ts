import type { AuditEntry } from '@baitong/contracts';
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { ElDatePicker, ElSelect } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/i18n';
import { shanghaiDateKey } from '@/utils/format';
import AuditLog from '@/views/audit/AuditLog.vue';
import {
  jsonResponse,
  makeUser,
  mountInApp,
  storeSession,
  stubFetch,
  type RecordedCall,
} from './helpers';

enableAutoUnmount(afterEach);

function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: '9',
    at: '2026-03-02T06:30:00.000Z',
    actorKind: 'staff',
    actorId: 'u-desk',
    actorName: '李晓梅',
    action: 'personal_data.read',
    entity: 'resident',
    entityId: 'r1',
    targetLabel: '王*',
    targetLabelEn: null,
    communityId: 'c1',
    communityName: '翠渝路社区',
    communityNameEn: 'Cuiyu Road Community',
    ip: '10.0.0.8',
    detail: { fields: ['name', 'phone', 'idNumber'], caseId: 'k1', contact: 'resident' },
    ...overrides,
  };
}

const entries = [
  entry(),
  entry({
    id: '8',
    entity: 'case',
    entityId: 'k2',
    targetLabel: 'BT20260302-0007',
    detail: { fields: ['name', 'phone'], caseId: 'k2', contact: 'walk_in' },
  }),
  entry({
    id: '7',
    action: 'staff.write',
    entity: 'case',
    entityId: 'k2',
    targetLabel: 'BT20260302-0007',
    detail: {
      method: 'POST',
      route: '/api/cases/:id/transitions',
      outcome: 'refused',
      code: 'FORBIDDEN',
    },
  }),
];

type Routes = Parameters<typeof stubFetch>[0];

async function openAudit(routes: Routes = {}, path = '/audit', total = entries.length) {
  storeSession(makeUser('community_admin', 'community', 'c1'), 'c1');
  const fetch = stubFetch({
    'GET /api/audit': () => jsonResponse(200, { items: entries, total, page: 1, pageSize: 50 }),
    ...routes,
  });
  const mounted = await mountInApp(AuditLog, { path, stubViews: true });
  await flushPromises();
  return { ...mounted, ...fetch };
}

const reads = (calls: RecordedCall[]) =>
  calls.filter((c) => c.path.startsWith('/api/audit?')).map((c) => new URL(c.path, 'http://x'));

function select(wrapper: VueWrapper, id: string) {
  const found = wrapper.findAllComponents(ElSelect).find((c) => c.attributes('data-testid') === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

/** Fills every filter the way the reader would, and applies them. */
async function filterAll(wrapper: VueWrapper) {
  wrapper.findComponent(ElDatePicker).vm.$emit('update:modelValue', ['2026-03-01', '2026-03-07']);
  await wrapper.find('[data-testid="audit-filter-actor"]').setValue(' 李晓梅 ');
  select(wrapper, 'audit-filter-action').vm.$emit('update:modelValue', 'personal_data.read');
  select(wrapper, 'audit-filter-kind').vm.$emit('update:modelValue', 'case');
  await wrapper.find('[data-testid="audit-filter-target"]').setValue('BT20260302-0007');
  await flushPromises();
  await wrapper.find('[data-testid="audit-filter-apply"]').trigger('click');
  await flushPromises();
}

describe('the audit log as a ledger', () => {
  it('names actions, records and detail in words, with the case a contact was read through', async () => {
    const { wrapper } = await openAudit();
    const rows = wrapper.findAll('.el-table__body tr.el-table__row');
    expect(rows).toHaveLength(3);

    const first = rows[0]!.text();
    expect(first).toContain('李晓梅');
    expect(first).toContain('查看个人信息');
    expect(first).toContain('居民');
    expect(first).toContain('王*');
    expect(first).toContain('翠渝路社区');
    expect(first).toContain('查看：姓名、手机号、证件号码');
    expect(rows[0]!.find('[data-testid="audit-via-case"]').attributes('href')).toBe('/cases/k1');

    const second = rows[1]!;
    expect(second.text()).toContain('来访人');
    expect(second.find('[data-testid="audit-target"] a').text()).toBe('BT20260302-0007');
    expect(second.find('[data-testid="audit-target"] a').attributes('href')).toBe('/cases/k2');

    const third = rows[2]!.text();
    expect(third).toContain('修改数据');
    expect(third).toContain('被拒绝');
    expect(third).toContain('POST /api/cases/:id/transitions');
  });

  it('speaks English, with the English names of communities', async () => {
    i18n.global.locale.value = 'en';
    const { wrapper } = await openAudit();
    const first = wrapper.findAll('.el-table__body tr.el-table__row')[0]!.text();
    expect(first).toContain('Viewed personal data');
    expect(first).toContain('Resident');
    expect(first).toContain('Cuiyu Road Community');
    expect(first).toContain('read: name, phone, ID number');
  });

  it('maps every filter to the query of the API and keeps it in the address', async () => {
    const { wrapper, calls, router } = await openAudit();
    expect(reads(calls)).toHaveLength(1);
    await filterAll(wrapper);

    const last = reads(calls).at(-1)!;
    expect(Object.fromEntries(last.searchParams)).toEqual({
      from: '2026-03-01',
      to: '2026-03-07',
      actor: '李晓梅',
      action: 'personal_data.read',
      entity: 'case',
      target: 'BT20260302-0007',
      page: '1',
      pageSize: '50',
    });
    expect(router.currentRoute.value.query).toMatchObject({
      from: '2026-03-01',
      action: 'personal_data.read',
    });

    await wrapper.find('[data-testid="audit-filter-reset"]').trigger('click');
    await flushPromises();
    expect(Object.fromEntries(reads(calls).at(-1)!.searchParams)).toEqual({
      page: '1',
      pageSize: '50',
    });
  });

  it('starts from the filter in the address', async () => {
    const { calls, wrapper } = await openAudit({}, '/audit?action=auth.login&entity=staff');
    expect(reads(calls)[0]?.searchParams.get('action')).toBe('auth.login');
    expect(reads(calls)[0]?.searchParams.get('entity')).toBe('staff');
    expect(select(wrapper, 'audit-filter-action').props('modelValue')).toBe('auth.login');
  });

  it("exports the same filter as an xlsx file in the reader's language", async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:audit');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    const { wrapper, calls } = await openAudit({
      'GET /api/audit/export': () =>
        new Response(new Blob(['PK'], { type: 'application/octet-stream' }), {
          status: 200,
          headers: {
            'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          },
        }),
    });
    await filterAll(wrapper);
    await wrapper.find('[data-testid="audit-export"]').trigger('click');
    await vi.waitFor(() => expect(clicked).toHaveLength(1));

    const exported = calls.find((c) => c.path.startsWith('/api/audit/export'))!;
    expect(exported.headers['authorization']).toBe('Bearer access-1');
    expect(Object.fromEntries(new URL(exported.path, 'http://x').searchParams)).toEqual({
      from: '2026-03-01',
      to: '2026-03-07',
      actor: '李晓梅',
      action: 'personal_data.read',
      entity: 'case',
      target: 'BT20260302-0007',
      lang: 'zh-CN',
    });
    expect(clicked[0]).toBe(`audit-${shanghaiDateKey()}.xlsx`);
    expect(created).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
  });

  it("explains a refused export beside the button, in the reader's words", async () => {
    const { wrapper } = await openAudit({
      'GET /api/audit/export': () =>
        jsonResponse(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'from: must be a calendar date',
          fields: [{ field: 'from', code: 'invalid_date', message: 'must be a calendar date' }],
        }),
    });
    await wrapper.find('[data-testid="audit-export"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="audit-export-error"]').text()).toContain(
        '请输入有效的日期',
      ),
    );
  });

  it('does not ask for a file larger than one export holds', async () => {
    const { wrapper, calls } = await openAudit({}, '/audit', 25_000);
    await wrapper.find('[data-testid="audit-export"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="audit-export-error"]').text()).toContain('20,000');
    expect(calls.some((c) => c.path.startsWith('/api/audit/export'))).toBe(false);
  });

  it('shows the empty ledger and a failed read as such', async () => {
    const { wrapper } = await openAudit({
      'GET /api/audit': () => jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 50 }),
    });
    expect(wrapper.find('[data-testid="empty-state"]').text()).toContain('暂无审计记录');

    const failing = await openAudit({
      'GET /api/audit': () =>
        jsonResponse(500, { statusCode: 500, code: 'INTERNAL', message: 'x' }),
    });
    expect(failing.wrapper.find('[data-testid="load-error"]').exists()).toBe(true);
  });
});
