import type { ResidentSummary } from '@baitong/contracts';
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { ElSelect } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ResidentChecks from '@/views/people/ResidentChecks.vue';
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

function resident(overrides: Partial<ResidentSummary> = {}): ResidentSummary {
  return {
    id: 'r-new',
    name: '王*',
    phoneMasked: '139****0009',
    communityId: 'c1',
    compoundId: 'p1',
    foreign: false,
    nationality: null,
    registeredAt: '2026-03-01T02:00:00.000Z',
    verification: 'unverified',
    preferredLanguage: 'zh-CN',
    ...overrides,
  };
}

const onRecord = resident({
  id: 'r-old',
  name: '王*',
  phoneMasked: '138****5678',
  compoundId: 'p2',
  verification: 'verified',
  registeredAt: '2024-05-01T02:00:00.000Z',
});

type Routes = Parameters<typeof stubFetch>[0];

async function openChecks(waiting: () => ResidentSummary[], routes: Routes = {}) {
  storeSession(makeUser('desk_staff', 'community', 'c1'), 'c1');
  const fetch = stubFetch({
    'GET /api/residents': (call) => {
      const query = new URL(call.path, 'http://x').searchParams;
      if (query.get('verification') === 'unverified') {
        const items = waiting();
        return jsonResponse(200, { items, total: items.length, page: 1, pageSize: 20 });
      }
      return jsonResponse(200, { items: [onRecord], total: 1, page: 1, pageSize: 20 });
    },
    'GET /api/communities/c1/compounds': () =>
      jsonResponse(200, [
        { id: 'p1', name: '尚格博园', nameEn: 'Shangge Boyuan' },
        { id: 'p2', name: '金色港湾', nameEn: 'Golden Harbour' },
      ]),
    ...routes,
  });
  const mounted = await mountInApp(ResidentChecks, { path: '/residents/checks', stubViews: true });
  await flushPromises();
  return { ...mounted, ...fetch };
}

const writes = (calls: RecordedCall[]) => calls.filter((c) => c.method === 'POST');
const waitingReads = (calls: RecordedCall[]) =>
  calls.filter((c) => c.method === 'GET' && c.path.includes('verification=unverified'));

describe('residents waiting for a check', () => {
  it('lists the self-registrations of the community, with their compound in words', async () => {
    const { wrapper, calls } = await openChecks(() => [resident()]);
    expect(waitingReads(calls)[0]?.path).toContain('communityId=c1');
    const table = wrapper.find('[data-testid="checks-table"]').text();
    expect(table).toContain('139****0009');
    expect(table).toContain('尚格博园');
  });

  it('says so when nobody waits', async () => {
    const { wrapper } = await openChecks(() => []);
    expect(wrapper.find('[data-testid="empty-state"]').text()).toContain('暂无待核验的居民');
  });

  it('verifies a resident after confirming, then reloads the list', async () => {
    let list = [resident()];
    const { wrapper, calls } = await openChecks(() => list, {
      'POST /api/residents/r-new/verify': () => {
        list = [];
        return jsonResponse(200, resident({ verification: 'verified' }));
      },
    });

    await wrapper.find('[data-testid="check-verify"]').trigger('click');
    expect(await answerMessageBox(false, 'verify-confirm')).toContain('139****0009');
    await flushPromises();
    expect(writes(calls)).toHaveLength(0);

    await wrapper.find('[data-testid="check-verify"]').trigger('click');
    await answerMessageBox(true, 'verify-confirm');
    await vi.waitFor(() =>
      expect(writes(calls).map((c) => c.path)).toEqual(['/api/residents/r-new/verify']),
    );
    await vi.waitFor(() => expect(waitingReads(calls)).toHaveLength(2));
    await vi.waitFor(() => expect(wrapper.find('[data-testid="empty-state"]').exists()).toBe(true));
  });

  it('merges into the resident on record only once both are compared and the worker is sure', async () => {
    let list = [resident()];
    const { wrapper, calls } = await openChecks(() => list, {
      'POST /api/residents/r-new/merge': () => {
        list = [];
        return jsonResponse(200, { ...onRecord, phoneMasked: '139****0009', compoundId: 'p1' });
      },
    });

    await wrapper.find('[data-testid="check-merge"]').trigger('click');
    await flushPromises();
    const search = wrapper
      .findAllComponents(ElSelect)
      .find((c) => c.attributes('data-testid') === 'merge-search');
    if (!search) throw new Error('no merge search');
    const remote = search.props('remoteMethod') as (q: string) => Promise<void>;
    await remote('5678');
    await flushPromises();
    const lookup = calls.filter(
      (c) => c.path.startsWith('/api/residents?') && c.path.includes('q='),
    );
    expect(lookup[0]?.path).toContain('verification=verified');
    expect(lookup[0]?.path).toContain('q=5678');

    // Merging before picking names the field; nothing is sent.
    document.body.querySelector<HTMLButtonElement>('[data-testid="merge-submit"]')?.click();
    await vi.waitFor(() => expect(document.body.textContent).toContain('请先选择已登记的居民'));

    search.vm.$emit('update:modelValue', 'r-old');
    await flushPromises();
    const moves = document.body.querySelector('[data-testid="merge-moves"]')?.textContent ?? '';
    expect(moves).toContain('全部诉求转到 王* 名下');
    expect(moves).toContain('王* 的登录手机号改为 139****0009（原为 138****5678）');
    expect(moves).toContain('所在小区改为 尚格博园');
    expect(moves).toContain('不可撤销');

    document.body.querySelector<HTMLButtonElement>('[data-testid="merge-submit"]')?.click();
    await flushPromises();
    expect(document.body.textContent).toContain('请勾选确认两者是同一人');
    expect(writes(calls)).toHaveLength(0);

    document.body.querySelector<HTMLElement>('[data-testid="merge-sure"] input')?.click();
    await flushPromises();
    document.body.querySelector<HTMLButtonElement>('[data-testid="merge-submit"]')?.click();
    await vi.waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]).toMatchObject({
      path: '/api/residents/r-new/merge',
      body: { intoResidentId: 'r-old' },
    });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="empty-state"]').exists()).toBe(true));
  });

  it("shows the API's refusal of the resident on record beside the field, translated", async () => {
    const { wrapper } = await openChecks(() => [resident()], {
      'POST /api/residents/r-new/merge': () =>
        jsonResponse(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'intoResidentId: no such resident in this community',
          fields: [{ field: 'intoResidentId', code: 'not_found', message: 'no such resident' }],
        }),
    });
    await wrapper.find('[data-testid="check-merge"]').trigger('click');
    await flushPromises();
    const search = wrapper
      .findAllComponents(ElSelect)
      .find((c) => c.attributes('data-testid') === 'merge-search')!;
    await (search.props('remoteMethod') as (q: string) => Promise<void>)('王');
    await flushPromises();
    search.vm.$emit('update:modelValue', 'r-old');
    await flushPromises();
    document.body.querySelector<HTMLElement>('[data-testid="merge-sure"] input')?.click();
    await flushPromises();
    document.body.querySelector<HTMLButtonElement>('[data-testid="merge-submit"]')?.click();
    await vi.waitFor(() =>
      expect(document.body.textContent).toContain('所选记录不存在，或不在您的范围内'),
    );
  });
});
