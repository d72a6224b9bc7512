import type { WorkforceEntry, WorkforceEntryDetail } from '@baitong/contracts';
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/i18n';
import WorkforceDetail from '@/views/workforce/WorkforceDetail.vue';
import WorkforceList from '@/views/workforce/WorkforceList.vue';
import { jsonResponse, makeUser, mountInApp, storeSession, stubFetch } from './helpers';

enableAutoUnmount(afterEach);

const COMMUNITY = { id: 'c1', name: '翠渝路社区', nameEn: 'Cuiyu Road', streetId: 's1' };

function worker(overrides: Partial<WorkforceEntry> = {}): WorkforceEntry {
  return {
    id: 'w1',
    communityId: 'c1',
    workerNumber: 'CY001',
    name: '王芳',
    gender: 'female',
    hiredOn: '2019-03-01',
    leftOn: null,
    leaveReason: null,
    position: '网格员',
    certified: true,
    education: 'bachelor',
    factsEffectiveOn: '2023-01-01',
    version: 3,
    updatedAt: '2026-01-05T02:00:00.000Z',
    ...overrides,
  };
}

/** As the community admin and the bureau read it: with pay and birth date. */
const personal = (overrides: Partial<WorkforceEntry> = {}) =>
  worker({ monthlyPayYuan: 6850, birthDate: '1990-05-04', ...overrides });

function detail(overrides: Partial<WorkforceEntryDetail> = {}): WorkforceEntryDetail {
  return {
    ...personal(),
    revisions: [
      {
        id: 'r1',
        entryId: 'w1',
        effectiveOn: '2019-03-01',
        position: '社区专干',
        certified: false,
        education: 'below_bachelor',
        monthlyPayYuan: 4800,
        recordedById: null,
        recordedByName: '导入',
        recordedAt: '2019-03-01T01:00:00.000Z',
      },
      {
        id: 'r2',
        entryId: 'w1',
        effectiveOn: '2023-01-01',
        position: '网格员',
        certified: true,
        education: 'bachelor',
        monthlyPayYuan: 6850,
        recordedById: 'u-community_admin',
        recordedByName: '李晓梅',
        recordedAt: '2023-01-02T01:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const headers = () =>
  Array.from(document.body.querySelectorAll('.el-table__header th')).map((th) =>
    th.textContent?.trim(),
  );

async function openList(role: 'community_admin' | 'street_admin', items: WorkforceEntry[]) {
  if (role === 'community_admin') {
    storeSession(makeUser('community_admin', 'community', 'c1'), 'c1');
  } else {
    storeSession(makeUser('street_admin', 'street', 's1'));
  }
  const stub = stubFetch({
    'GET /api/communities': () => jsonResponse(200, [COMMUNITY]),
    'GET /api/communities/c1/workforce': () => jsonResponse(200, { items, total: items.length }),
  });
  const mounted = await mountInApp(WorkforceList, { path: '/workforce', stubViews: true });
  await flushPromises();
  return { ...mounted, ...stub };
}

describe('the roster list', () => {
  it('shows the community admin pay and birth dates, in the locale’s formats, and the writer’s buttons', async () => {
    const { wrapper, calls } = await openList('community_admin', [
      personal(),
      personal({ id: 'w2', workerNumber: 'CY002', name: '张伟', monthlyPayYuan: 12345.5 }),
    ]);
    const read = calls.find((c) => c.path.startsWith('/api/communities/c1/workforce'));
    expect(new URL(read!.path, 'http://x').searchParams.get('status')).toBe('active');

    expect(headers()).toContain('月薪');
    expect(headers()).toContain('出生日期');
    const pays = wrapper.findAll('[data-testid="workforce-pay"]').map((p) => p.text());
    expect(pays).toEqual(['¥6,850.00', '¥12,345.50']);
    expect(wrapper.text()).toContain('2019年3月1日');
    expect(wrapper.text()).toContain('本科');
    expect(wrapper.text()).toContain('持证');
    expect(wrapper.find('[data-testid="workforce-export"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="workforce-import-open"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="workforce-add"]').exists()).toBe(true);

    i18n.global.locale.value = 'en';
    await flushPromises();
    expect(headers()).toContain('Monthly pay');
    expect(wrapper.text()).toContain('1 Mar 2019');
    expect(wrapper.text()).toContain("Bachelor's");
    expect(wrapper.find('[data-testid="workforce-pay"]').text()).toBe('¥6,850.00');
  });

  it('names the certificate level where it is on record, and says 持证 where it is not', async () => {
    const { wrapper } = await openList('community_admin', [
      personal({ certificateLevel: 'intermediate' }),
      personal({ id: 'w2', workerNumber: 'CY002', name: '张伟', certificateLevel: null }),
    ]);
    expect(wrapper.text()).toContain('社会工作师');
    expect(wrapper.text()).toContain('持证');
    i18n.global.locale.value = 'en';
    await flushPromises();
    expect(wrapper.text()).toContain('Social worker');
  });

  it('has no pay or birth-date column when the API sends none (the street admin), nor write buttons', async () => {
    const { wrapper } = await openList('street_admin', [worker(), worker({ id: 'w2' })]);
    expect(wrapper.findAll('[data-testid="workforce-name"]')).toHaveLength(2);
    expect(headers()).toContain('岗位');
    expect(headers()).not.toContain('月薪');
    expect(headers()).not.toContain('出生日期');
    expect(wrapper.find('[data-testid="workforce-pay"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="workforce-export"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="workforce-add"]').exists()).toBe(false);
  });

  it('adds a worker, and names the worker number when it is taken (409 CONFLICT)', async () => {
    const { wrapper, calls } = await openList('community_admin', []);
    stubFetch({
      'GET /api/communities': () => jsonResponse(200, [COMMUNITY]),
      'GET /api/communities/c1/workforce': () => jsonResponse(200, { items: [], total: 0 }),
      'POST /api/communities/c1/workforce': (call) => {
        calls.push(call);
        return jsonResponse(409, {
          statusCode: 409,
          code: 'CONFLICT',
          message: 'taken',
          fields: [{ field: 'workerNumber', code: 'duplicate', message: 'taken' }],
        });
      },
    });
    await wrapper.find('[data-testid="workforce-add"]').trigger('click');
    await flushPromises();
    const fill = (testId: string, value: string) => {
      const input = document.body.querySelector<HTMLInputElement>(
        `[data-testid="${testId}"] input, input[data-testid="${testId}"]`,
      )!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    fill('workforce-field-workerNumber', 'CY001');
    fill('workforce-field-name', '赵敏');
    fill('workforce-field-position', '网格员');
    await flushPromises();
    // Dates, degree and pay are set through the components, as a pick would.
    const dialog = wrapper.findComponent({ name: 'WorkforceEntryDialog' });
    const form = (dialog.vm.$ as unknown as { setupState: { form: Record<string, unknown> } })
      .setupState.form;
    Object.assign(form, {
      birthDate: '1995-02-03',
      hiredOn: '2020-04-01',
      education: 'bachelor',
      monthlyPayYuan: 6000,
    });
    await flushPromises();
    byTestId('workforce-save')!.click();
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      workerNumber: 'CY001',
      name: '赵敏',
      gender: null,
      birthDate: '1995-02-03',
      hiredOn: '2020-04-01',
      position: '网格员',
      certified: false,
      education: 'bachelor',
      monthlyPayYuan: 6000,
    });
    await vi.waitFor(() =>
      expect(document.body.querySelector('.el-form-item__error')?.textContent).toBeTruthy(),
    );
  });

  it('says so when the roster is empty', async () => {
    const { wrapper } = await openList('community_admin', []);
    expect(wrapper.find('[data-testid="empty-state"]').text()).toContain('名册中没有工作者');
  });
});

async function chooseAndUpload(file: File) {
  const input = byTestId('workforce-import-file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
  await flushPromises();
  byTestId('workforce-import-submit')!.click();
  await flushPromises();
}

const xlsx = (bytes = 2048) =>
  new File([new Uint8Array(bytes)], 'roster.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });

describe('the roster import', () => {
  async function openImport(answer: () => Response) {
    const opened = await openList('community_admin', [personal()]);
    const stub = stubFetch({
      'GET /api/communities': () => jsonResponse(200, [COMMUNITY]),
      'GET /api/communities/c1/workforce': () => jsonResponse(200, { items: [], total: 0 }),
      'POST /api/communities/c1/workforce/import': answer,
    });
    await opened.wrapper.find('[data-testid="workforce-import-open"]').trigger('click');
    await flushPromises();
    return { ...opened, calls: stub.calls };
  }

  it('lists every refused row and column and says nothing was imported (422)', async () => {
    const { calls } = await openImport(() =>
      jsonResponse(422, {
        statusCode: 422,
        code: 'IMPORT_REJECTED',
        message: 'The import was refused',
        details: {
          errors: [
            { row: 3, column: '月薪', code: 'too_small', message: 'must not be below 0' },
            {
              row: 5,
              column: '工号',
              code: 'duplicate',
              message: 'the same worker number as row 2',
            },
          ],
          moreErrors: 7,
        },
      }),
    );
    await chooseAndUpload(xlsx());

    const upload = calls.find((c) => c.method === 'POST');
    expect(upload?.path).toBe('/api/communities/c1/workforce/import');
    const report = byTestId('workforce-import-report')!;
    expect(report.textContent).toContain('未导入任何数据');
    expect(report.textContent).toContain('发现 9 个问题');
    const rows = Array.from(report.querySelectorAll('.el-table__body tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim()),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]!.slice(0, 2)).toEqual(['3', '月薪']);
    expect(rows[0]![2]).toContain('不能小于 0');
    expect(rows[1]!.slice(0, 2)).toEqual(['5', '工号']);
    expect(rows[1]![2]).toContain('the same worker number as row 2');
    expect(byTestId('workforce-import-more')!.textContent).toContain('另有 7 个问题');
    expect(byTestId('workforce-import-done')).toBeNull();
  });

  it('counts what an accepted file created, updated and left alone', async () => {
    await openImport(() => jsonResponse(200, { created: 2, updated: 1, unchanged: 1234 }));
    await chooseAndUpload(xlsx());
    expect(byTestId('workforce-import-done')!.textContent).toContain(
      '新增 2 人，更新 1 人，未变 1,234 人',
    );
  });

  it('explains a file that is not a workbook (415) and one too large (413)', async () => {
    let status = 415;
    await openImport(() =>
      status === 415
        ? jsonResponse(415, {
            statusCode: 415,
            code: 'UNSUPPORTED_MEDIA_TYPE',
            message: 'not xlsx',
            fields: [{ field: 'file', code: 'not_a_spreadsheet', message: 'not xlsx' }],
          })
        : jsonResponse(413, { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'big' }),
    );
    await chooseAndUpload(xlsx());
    expect(byTestId('workforce-import-problem')!.textContent).toContain('不是 Excel 工作簿');

    status = 413;
    await chooseAndUpload(xlsx());
    expect(byTestId('workforce-import-problem')!.textContent).toContain('文件超过 5 MB');
  });

  it('refuses a file over 5 MB before sending it', async () => {
    const { calls } = await openImport(() => jsonResponse(200, {}));
    await chooseAndUpload(xlsx(5 * 1024 * 1024 + 1));
    expect(byTestId('workforce-import-problem')!.textContent).toContain('文件超过 5 MB');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});

describe('a worker’s record', () => {
  async function openRecord(routes: Parameters<typeof stubFetch>[0] = {}) {
    storeSession(makeUser('community_admin', 'community', 'c1'), 'c1');
    const stub = stubFetch({
      'GET /api/workforce/w1': () => jsonResponse(200, detail()),
      ...routes,
    });
    const mounted = await mountInApp(WorkforceDetail, { path: '/workforce/w1', stubViews: true });
    await flushPromises();
    return { ...mounted, ...stub };
  }

  function type(testId: string, value: string) {
    const input = document.body.querySelector<HTMLInputElement>(
      `[data-testid="${testId}"] input, input[data-testid="${testId}"]`,
    )!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('shows the record and its dated history, newest first', async () => {
    const { wrapper } = await openRecord();
    expect(wrapper.find('[data-testid="workforce-detail-title"]').text()).toBe('王芳');
    expect(wrapper.find('[data-testid="workforce-detail-pay"]').text()).toBe('¥6,850.00');
    const from = wrapper.findAll('[data-testid="revision-from"]').map((c) => c.text());
    expect(from).toEqual(['2023年1月1日', '2019年3月1日']);
    const rows = wrapper.findAll('[data-testid="workforce-revisions"] .el-table__body tr');
    expect(rows[0]!.text()).toContain('现行');
    expect(rows[1]!.text()).toContain('¥4,800.00');
    expect(rows[1]!.text()).toContain('社区专干');
  });

  it('sends a changed position as a revision from its day, and explains a 409 with a reload', async () => {
    const { wrapper, calls } = await openRecord({
      'PATCH /api/workforce/w1': () =>
        jsonResponse(409, {
          statusCode: 409,
          code: 'STALE_VERSION',
          message: 'stale',
          details: { currentVersion: 4 },
        }),
    });
    await wrapper.find('[data-testid="workforce-edit"]').trigger('click');
    await flushPromises();
    type('workforce-field-position', '社区书记');
    await flushPromises();
    byTestId('workforce-save')!.click();
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    await flushPromises();

    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toMatchObject({ version: 3, position: '社区书记' });
    expect((patch.body as { effectiveOn?: string }).effectiveOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(patch.body).not.toHaveProperty('name');

    const conflict = byTestId('workforce-conflict')!;
    expect(conflict.textContent).toContain('该档案已被他人修改');
    expect(conflict.textContent).toContain('请重新加载');
    const reads = () => calls.filter((c) => c.method === 'GET' && c.path === '/api/workforce/w1');
    expect(reads()).toHaveLength(1);
    byTestId('workforce-conflict-reload')!.click();
    await vi.waitFor(() => expect(reads()).toHaveLength(2));
  });

  it('puts the API’s field errors beside their fields', async () => {
    const { wrapper } = await openRecord({
      'PATCH /api/workforce/w1': () =>
        jsonResponse(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'invalid',
          fields: [{ field: 'effectiveOn', code: 'in_future', message: 'must not be after today' }],
        }),
    });
    await wrapper.find('[data-testid="workforce-edit"]').trigger('click');
    await flushPromises();
    type('workforce-field-position', '社区书记');
    byTestId('workforce-save')!.click();
    await vi.waitFor(() =>
      expect(document.body.querySelector('.el-form-item__error')?.textContent).toContain(
        '不能晚于今天',
      ),
    );
  });
});
