import type {
  CouncilOverview,
  CouncilOverviewFigures,
  CouncilOverviewRow,
  SessionUser,
} from '@baitong/contracts';
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { ElSelect, ElTable } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AppMenu from '@/components/layout/AppMenu.vue';
import CouncilOverviewView from '@/views/council/CouncilOverview.vue';
import {
  jsonResponse,
  makeUser,
  mountInApp,
  storeSession,
  stubFetch,
  type RecordedCall,
} from './helpers';

enableAutoUnmount(afterEach);
afterEach(() => {
  vi.restoreAllMocks();
});

// 01:30 on 20 November in Shanghai, still the 19th in UTC: the period follows Shanghai days.
const NOW = new Date('2026-11-19T17:30:00Z');

function figures(overrides: Partial<CouncilOverviewFigures> = {}): CouncilOverviewFigures {
  return {
    byStatus: {
      submitted: 1,
      screening: 0,
      open_for_support: 2,
      scheduled: 0,
      deliberated: 0,
      adopted: 0,
      not_adopted: 1,
      in_implementation: 1,
      completed: 0,
      evaluated: 1,
      rejected: 0,
      merged: 0,
      withdrawn: 0,
    },
    newProposals: 3,
    supports: 12,
    meetingsHeld: 1,
    adopted: 2,
    notAdopted: 1,
    implementationStarted: 2,
    completed: 1,
    evaluated: 1,
    satisfiedShareMean: 0.75,
    medianDaysToDecision: 12.5,
    participants: 40,
    registeredResidents: 100,
    participationRate: 0.4,
    ...overrides,
  };
}

const row = (id: string, name: string, overrides: Partial<CouncilOverviewFigures> = {}) =>
  ({
    communityId: id,
    communityName: name,
    communityNameEn: '',
    streetId: 's1',
    streetName: '翠云街道',
    streetNameEn: 'Cuiyun Street',
    ...figures(overrides),
  }) satisfies CouncilOverviewRow;

function overview(
  rows = [
    row('c1', '星光社区', { participants: 40, registeredResidents: 100, participationRate: 0.4 }),
    row('c2', '翠湖社区', { participants: 90, registeredResidents: 100, participationRate: 0.9 }),
    row('c3', '尚格社区', {
      participants: 0,
      registeredResidents: 0,
      participationRate: null,
      satisfiedShareMean: null,
      medianDaysToDecision: null,
    }),
  ],
): CouncilOverview {
  return {
    from: '2025-11-20T16:00:00.000Z',
    to: NOW.toISOString(),
    streetId: null,
    communities: rows,
    streets: [],
    total: {
      communities: rows.length,
      ...figures({ participants: 130, registeredResidents: 200, participationRate: 0.65 }),
    },
  };
}

const overviewCalls = (calls: RecordedCall[]) =>
  calls.filter((c) => c.method === 'GET' && c.path.startsWith('/api/council-overview'));
const query = (call: RecordedCall) =>
  Object.fromEntries(new URLSearchParams(call.path.split('?')[1] ?? ''));
const linkOrder = (wrapper: VueWrapper) =>
  wrapper
    .findAll('[data-testid="council-overview-board-link"]')
    .map((a) => a.attributes('data-community'));

type Routes = Parameters<typeof stubFetch>[0];

async function open(user: SessionUser, routes: Routes = {}, path = '/council/overview') {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  storeSession(user, null);
  const fetch = stubFetch({
    'GET /api/council-overview': () => jsonResponse(200, overview()),
    'GET /api/streets': () =>
      jsonResponse(200, [{ id: 's2', name: '悦来街道', nameEn: 'Yuelai Street', code: 'S2' }]),
    ...routes,
  });
  const mounted = await mountInApp(CouncilOverviewView, { path, stubViews: true });
  await flushPromises();
  return { ...mounted, ...fetch };
}

const streetAdmin = () => makeUser('street_admin', 'street', 's1');

describe('council overview', () => {
  it('asks for the last 12 Shanghai months and shows each community with its figures and the totals', async () => {
    const { wrapper, calls } = await open(streetAdmin());
    expect(query(overviewCalls(calls)[0]!)).toEqual({ from: '2025-11-21T00:00:00+08:00' });
    expect(wrapper.find('[data-testid="council-overview-street"]').exists()).toBe(false);
    expect(linkOrder(wrapper)).toEqual(['c1', 'c2', 'c3']);
    const first = wrapper.findAll('.el-table__body tr')[0]!;
    expect(first.text()).toContain('星光社区');
    expect(first.find('[data-testid="council-overview-participationRate"]').text()).toBe('40%');
    expect(first.find('[data-testid="council-overview-participation-parts"]').text()).toBe(
      '40 / 100 人',
    );
    expect(first.find('[data-testid="council-overview-medianDaysToDecision"]').text()).toBe(
      '12.5 天',
    );
    const none = wrapper.findAll('.el-table__body tr')[2]!;
    expect(none.find('[data-testid="council-overview-participationRate"]').text()).toBe('—');
    expect(wrapper.find('.el-table__footer').text()).toContain('合计（3 个社区）');
    expect(wrapper.find('.el-table__footer').text()).toContain('65%');
    expect(wrapper.get('[data-testid="council-overview-total-participation"]').text()).toContain(
      '65%',
    );
    expect(wrapper.get('[data-testid="council-overview-board-link"]').attributes('href')).toBe(
      '/council?community=c1',
    );
    expect(wrapper.get('[data-testid="council-overview-chart"]').attributes('data-rates')).toBe(
      '0.9,0.4,',
    );
  });

  it('sorts by a figure, keeps the sort in the address, and puts communities without it last', async () => {
    const { wrapper, router, calls } = await open(streetAdmin());
    const before = overviewCalls(calls).length;
    wrapper
      .findComponent(ElTable)
      .vm.$emit('sort-change', { prop: 'participationRate', order: 'descending' });
    await flushPromises();
    expect(router.currentRoute.value.query).toMatchObject({
      sort: 'participationRate',
      order: 'descending',
    });
    expect(linkOrder(wrapper)).toEqual(['c2', 'c1', 'c3']);
    wrapper
      .findComponent(ElTable)
      .vm.$emit('sort-change', { prop: 'participationRate', order: 'ascending' });
    await flushPromises();
    expect(linkOrder(wrapper)).toEqual(['c1', 'c2', 'c3']);
    // Sorting is the page's: the figures are not asked again.
    expect(overviewCalls(calls)).toHaveLength(before);
  });

  it('lets the district choose a street and a period', async () => {
    const { wrapper, calls, router } = await open(makeUser('bureau_admin', 'district', 'x'));
    const select = (id: string) =>
      wrapper.findAllComponents(ElSelect).find((c) => c.attributes('data-testid') === id)!;
    select('council-overview-street').vm.$emit('update:modelValue', 's2');
    await flushPromises();
    expect(router.currentRoute.value.query['street']).toBe('s2');
    expect(query(overviewCalls(calls).at(-1)!)).toMatchObject({ streetId: 's2' });
    select('overview-period').vm.$emit('update:modelValue', 'year');
    await flushPromises();
    expect(query(overviewCalls(calls).at(-1)!)).toEqual({
      from: '2026-01-01T00:00:00+08:00',
      streetId: 's2',
    });
    select('council-overview-street').vm.$emit('update:modelValue', '');
    await flushPromises();
    expect(query(overviewCalls(calls).at(-1)!)).not.toHaveProperty('streetId');
  });

  it('says when there is nothing to show, and offers a retry when the figures cannot be read', async () => {
    let fail = true;
    const { wrapper } = await open(streetAdmin(), {
      'GET /api/council-overview': () =>
        fail
          ? jsonResponse(503, { statusCode: 503, code: 'UNAVAILABLE', message: 'down' })
          : jsonResponse(200, overview([])),
    });
    expect(wrapper.find('[data-testid="load-error"]').exists()).toBe(true);
    fail = false;
    await wrapper.find('[data-testid="load-error"] button').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="council-overview-empty"]').text()).toContain(
      '没有可显示的社区',
    );
  });

  it('says so when no resident took part, instead of an empty chart', async () => {
    const { wrapper } = await open(streetAdmin(), {
      'GET /api/council-overview': () =>
        jsonResponse(200, {
          ...overview([row('c1', '星光社区', { participants: 0, participationRate: 0 })]),
          total: { communities: 1, ...figures({ participants: 0, participationRate: 0 }) },
        }),
    });
    expect(wrapper.find('[data-testid="council-overview-chart"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="council-overview-no-participation"]').text()).toContain(
      '该时段没有居民参与',
    );
  });

  it('is in the menu of the community, street and district admins, and closed to the community’s workers', async () => {
    for (const [role, level] of [
      ['community_admin', 'community'],
      ['street_admin', 'street'],
      ['bureau_admin', 'district'],
      ['monitor', 'district'],
    ] as const) {
      storeSession(makeUser(role, level, 'c1'), level === 'community' ? 'c1' : null);
      const { wrapper } = await mountInApp(AppMenu, { path: '/', stubViews: true });
      expect(wrapper.get('[data-testid="nav-council-overview"]').text(), role).toBe('议事会概览');
      wrapper.unmount();
    }
    storeSession(makeUser('community_worker', 'community', 'c1'), 'c1');
    const { wrapper, router } = await mountInApp(AppMenu, {
      path: '/council/overview',
      stubViews: true,
    });
    expect(wrapper.find('[data-testid="nav-council-overview"]').exists()).toBe(false);
    expect(router.currentRoute.value.name).toBe('forbidden');
  });
});
