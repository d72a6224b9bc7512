import type {
  CommunityMetrics,
  DistrictMetrics,
  DistrictMetricsRow,
  MetricFigure,
  SessionUser,
} from '@baitong/contracts';
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { ElSelect, ElTable } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AppMenu from '@/components/layout/AppMenu.vue';
import { i18n } from '@/i18n';
import { setSocketFactory } from '@/realtime/socket';
import { landingRoute } from '@/router/landing';
import {
  exportTable,
  formatMetricValue,
  METRIC_KEYS,
  METRIC_UNITS,
  metricDays,
  sortMetricRows,
  targetStatus,
  type MetricKey,
} from '@/utils/metrics';
import CommunityMetricsView from '@/views/metrics/CommunityMetrics.vue';
import DistrictMetricsView from '@/views/metrics/DistrictMetrics.vue';
import MetricRowsView from '@/views/metrics/MetricRows.vue';
import {
  jsonResponse,
  makeUser,
  mountInApp,
  storeSession,
  stubFetch,
  type RecordedCall,
} from './helpers';
import { makeCase, push } from './case-fixtures';
import { socketRecorder } from './fake-socket';

enableAutoUnmount(afterEach);
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  i18n.global.locale.value = 'zh-CN';
});

// 01:30 on 1 March in Shanghai, still 28 February in UTC: the period follows Shanghai days.
const NOW = new Date('2026-02-28T17:30:00Z');

const fig = (
  value: number | null,
  numerator = 0,
  denominator = 0,
  key?: MetricKey,
): MetricFigure => ({
  value,
  numerator,
  denominator,
  unit: key ? METRIC_UNITS[key] : 'fraction',
  ...(value === null
    ? { reason: key?.startsWith('worker_') ? 'no_roster' : 'no_denominator' }
    : {}),
});

/** Every metric present; those not given have no value (nothing to divide by / no roster). */
function metricsOf(given: Partial<Record<MetricKey, MetricFigure>>): Record<string, MetricFigure> {
  return Object.fromEntries(METRIC_KEYS.map((k) => [k, given[k] ?? fig(null, 0, 0, k)]));
}

const row = (
  id: string,
  name: string,
  given: Partial<Record<MetricKey, MetricFigure>>,
  street = 's1',
): DistrictMetricsRow => ({
  communityId: id,
  communityName: name,
  communityNameEn: '',
  streetId: street,
  streetName: street === 's1' ? '翠云街道' : '悦来街道',
  streetNameEn: '',
  from: '2026-01-01',
  to: '2026-03-01',
  metrics: metricsOf(given),
});

const ROWS = [
  row('c1', '星光社区', {
    satisfaction_rate: fig(0.996, 249, 250),
    repeat_handling_rate: fig(0.02, 2, 100),
  }),
  row('c2', '翠湖社区', {
    satisfaction_rate: fig(0.9, 90, 100),
    repeat_handling_rate: fig(0.0005, 1, 2000),
  }),
  // No rating at all in the period: no satisfaction figure.
  row('c3', '尚格社区', { repeat_handling_rate: fig(0, 0, 10) }, 's2'),
  row('c4', '金渝社区', { satisfaction_rate: fig(0.995, 199, 200) }, 's2'),
];

const district = (items = ROWS): DistrictMetrics => ({
  from: '2026-01-01',
  to: '2026-03-01',
  items,
  total: { metrics: { satisfaction_rate: fig(0.9425, 377, 400) } },
});

const calls = (all: RecordedCall[], prefix: string) =>
  all.filter((c) => c.method === 'GET' && c.path.split('?')[0] === prefix);
const query = (call: RecordedCall) =>
  Object.fromEntries(new URLSearchParams(call.path.split('?')[1] ?? ''));
const order = (wrapper: VueWrapper) =>
  wrapper
    .findAll('[data-testid="metrics-community-link"]')
    .map((a) => a.attributes('data-community'));
const cell = (wrapper: VueWrapper, community: string, key: MetricKey) =>
  wrapper.get(`[data-testid="metrics-cell-${key}"][data-community="${community}"]`);

type Routes = Parameters<typeof stubFetch>[0];

async function openTable(user: SessionUser, routes: Routes = {}, path = '/metrics') {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  storeSession(user, null);
  const fetch = stubFetch({
    'GET /api/metrics/communities': () => jsonResponse(200, district()),
    'GET /api/streets': () =>
      jsonResponse(200, [{ id: 's2', name: '悦来街道', nameEn: 'Yuelai Street', code: 'S2' }]),
    ...routes,
  });
  const mounted = await mountInApp(DistrictMetricsView, { path, stubViews: true });
  await flushPromises();
  return { ...mounted, ...fetch };
}

const bureau = () => makeUser('bureau_admin', 'district', 'd1');

describe('metric rules of the console', () => {
  it('sorts by any metric with the communities lacking it last, in both orders', () => {
    const name = (r: DistrictMetricsRow) => r.communityName;
    const ids = (rows: DistrictMetricsRow[]) => rows.map((r) => r.communityId);
    expect(ids(sortMetricRows(ROWS, 'satisfaction_rate', 'descending', name))).toEqual([
      'c1',
      'c4',
      'c2',
      'c3',
    ]);
    expect(ids(sortMetricRows(ROWS, 'satisfaction_rate', 'ascending', name))).toEqual([
      'c2',
      'c4',
      'c1',
      'c3',
    ]);
    // Only c3 and c4 lack the roster figure... all of them do: then the names decide.
    expect(ids(sortMetricRows(ROWS, 'worker_avg_age', 'ascending', name))).toEqual(
      ids(sortMetricRows(ROWS, 'community', 'ascending', name)),
    );
    expect(ids(sortMetricRows(ROWS, 'repeat_handling_rate', 'ascending', name))).toEqual([
      'c3',
      'c2',
      'c1',
      'c4',
    ]);
  });

  it('colours a figure against the seed’s after-figure, in the direction that is better', () => {
    expect(targetStatus('satisfaction_rate', 0.995)).toBe('met');
    expect(targetStatus('satisfaction_rate', 0.9949)).toBe('missed');
    expect(targetStatus('repeat_handling_rate', 0.001)).toBe('met');
    expect(targetStatus('repeat_handling_rate', 0.0011)).toBe('missed');
    expect(targetStatus('worker_avg_pay_yuan', 5200)).toBe('met');
    expect(targetStatus('worker_avg_pay_yuan', 5199)).toBe('missed');
    expect(targetStatus('worker_avg_age', 32)).toBe('met');
    expect(targetStatus('worker_avg_age', 32.1)).toBe('missed');
    expect(targetStatus('worker_bachelor_share', 0.6488)).toBe('met');
    expect(targetStatus('worker_certified_share', 0.78)).toBe('missed');
    expect(targetStatus('participation_rate', 0.8)).toBe('met');
    expect(targetStatus('mediation_rate', 0.97)).toBe('missed');
    expect(targetStatus('worker_attrition_rate', 0.004)).toBe('missed');
    // No target in the seed, or no value: never coloured.
    expect(targetStatus('evening_service_share', 0.1)).toBe('none');
    expect(targetStatus('satisfaction_rate', null)).toBe('none');
  });

  it('formats each unit in the locale’s number format', () => {
    const words = (unit: 'yuan' | 'years', n: string) => `${n} ${unit}`;
    expect(formatMetricValue(0.9946, 'fraction', 'zh-CN', words)).toBe('99.46%');
    expect(formatMetricValue(0.5, 'fraction', 'en', words)).toBe('50%');
    expect(formatMetricValue(0.0005, 'fraction', 'en', words)).toBe('0.05%');
    expect(formatMetricValue(5234.6, 'yuan_per_month', 'en', words)).toBe('5,235 yuan');
    expect(formatMetricValue(31.25, 'years', 'zh-CN', words)).toBe('31.3 years');
    expect(formatMetricValue(12, 'count', 'zh-CN', words)).toBe('12');
    expect(formatMetricValue(null, 'count', 'zh-CN', words)).toBe('—');
  });

  it('exports the rows as shown, values as numbers and an unknown figure as an empty cell', () => {
    const sorted = sortMetricRows(ROWS, 'satisfaction_rate', 'descending', (r) => r.communityName);
    const sheet = exportTable(
      sorted,
      { community: '社区', street: '街道', metric: (k) => k },
      (r) => r.communityName,
      (r) => r.streetName,
    );
    expect(sheet.columns).toHaveLength(2 + METRIC_KEYS.length);
    expect(sheet.columns[2]).toEqual({ header: 'repeat_handling_rate', format: 'percent' });
    const pay = 2 + METRIC_KEYS.indexOf('worker_avg_pay_yuan');
    expect(sheet.columns[pay]!.format).toBe('integer');
    expect(sheet.rows.map((r) => r[0])).toEqual(['星光社区', '金渝社区', '翠湖社区', '尚格社区']);
    const satisfaction = 2 + METRIC_KEYS.indexOf('satisfaction_rate');
    expect(sheet.rows.map((r) => r[satisfaction])).toEqual([0.996, 0.995, 0.9, null]);
  });

  it('takes the year so far in Shanghai days by default', () => {
    expect(metricDays('year', NOW)).toEqual({ from: '2026-01-01', to: '2026-03-01' });
    expect(metricDays('30d', NOW)).toEqual({ from: '2026-01-31', to: '2026-03-01' });
    expect(metricDays('custom', NOW, { from: '2025-05-01', to: '2025-04-01' })).toEqual({
      from: '2025-05-01',
      to: '2026-03-01',
    });
  });

  it('sends the street, the bureau and the monitor to the table, and community staff to their dashboard', async () => {
    expect(landingRoute(makeUser('street_admin', 'street', 's1'), null)).toEqual({
      name: 'metrics',
    });
    expect(landingRoute(bureau(), null)).toEqual({ name: 'metrics' });
    expect(landingRoute(makeUser('monitor', 'district', 'd1'), null)).toEqual({ name: 'metrics' });

    storeSession(makeUser('desk_staff', 'community', 'c1'), 'c1');
    const desk = await mountInApp(AppMenu, { path: '/', stubViews: true });
    expect(desk.wrapper.find('[data-testid="nav-metrics"]').exists()).toBe(false);
    expect(desk.wrapper.get('[data-testid="nav-my-metrics"]').text()).toBe('本社区指标');
    desk.wrapper.unmount();
    storeSession(bureau());
    const district = await mountInApp(AppMenu, { path: '/', stubViews: true });
    expect(district.wrapper.get('[data-testid="nav-metrics"]').text()).toBe('服务指标');
    expect(district.wrapper.find('[data-testid="nav-my-metrics"]').exists()).toBe(false);
  });
});

describe('district metrics table', () => {
  it('asks for the year so far and shows every community × every metric, coloured against the targets', async () => {
    const { wrapper, calls: all } = await openTable(bureau());
    expect(query(calls(all, '/api/metrics/communities')[0]!)).toEqual({
      from: '2026-01-01',
      to: '2026-03-01',
    });
    expect(order(wrapper)).toEqual(['c1', 'c2', 'c3', 'c4']);
    const header = wrapper.get('.el-table__header').text();
    expect(header).toContain('满意率 (≥\u00a099.5%)');
    expect(header).toContain('二次办理率 (≤\u00a00.1%)');
    expect(header).toContain('社工平均月薪 (≥\u00a05,200 元)');
    for (const key of METRIC_KEYS)
      expect(wrapper.findAll(`[data-testid="metrics-cell-${key}"]`)).toHaveLength(4);

    const status = (c: string, k: MetricKey) =>
      cell(wrapper, c, k).get('[data-testid="metric-value"]').attributes('data-status');
    expect(status('c1', 'satisfaction_rate')).toBe('met');
    expect(status('c2', 'satisfaction_rate')).toBe('missed');
    expect(status('c4', 'satisfaction_rate')).toBe('met');
    expect(status('c1', 'repeat_handling_rate')).toBe('missed');
    expect(status('c2', 'repeat_handling_rate')).toBe('met');
    expect(status('c1', 'evening_service_share')).toBe('none');
    expect(cell(wrapper, 'c1', 'satisfaction_rate').text()).toBe('99.6%');
    expect(cell(wrapper, 'c2', 'repeat_handling_rate').text()).toBe('0.05%');
    expect(cell(wrapper, 'c1', 'satisfaction_rate').find('.metric-value--met').exists()).toBe(true);
    expect(cell(wrapper, 'c2', 'satisfaction_rate').find('.metric-value--missed').exists()).toBe(
      true,
    );

    // A dash that says why: nothing to divide by, or no roster yet.
    const none = cell(wrapper, 'c3', 'satisfaction_rate').get('[data-testid="metric-value"]');
    expect(none.text()).toBe('—');
    expect(none.attributes('aria-label')).toBe('分母为 0，无法计算');
    const roster = cell(wrapper, 'c3', 'worker_avg_pay_yuan').get('[data-testid="metric-value"]');
    expect(roster.attributes('aria-label')).toBe('尚无社工花名册数据');

    // A figure opens the rows behind it, a name the community's dashboard.
    expect(cell(wrapper, 'c1', 'repeat_handling_rate').attributes('href')).toBe(
      '/metrics/communities/c1/repeat_handling_rate',
    );
    expect(wrapper.get('[data-testid="metrics-community-link"]').attributes('href')).toBe(
      '/metrics/communities/c1',
    );
    // Two streets: the street column is shown.
    expect(header).toContain('街道');
    // The district's own figure closes the table.
    const footer = wrapper.get('.el-table__footer').text();
    expect(footer).toContain('全区合计');
    expect(footer).toContain('94.3%');
  });

  it('sorts by a metric with the communities lacking it last, keeps the sort in the address and reads nothing again', async () => {
    const { wrapper, router, calls: all } = await openTable(bureau());
    const before = calls(all, '/api/metrics/communities').length;
    wrapper
      .findComponent(ElTable)
      .vm.$emit('sort-change', { prop: 'satisfaction_rate', order: 'descending' });
    await flushPromises();
    expect(router.currentRoute.value.query).toMatchObject({
      sort: 'satisfaction_rate',
      order: 'descending',
    });
    expect(order(wrapper)).toEqual(['c1', 'c4', 'c2', 'c3']);
    wrapper
      .findComponent(ElTable)
      .vm.$emit('sort-change', { prop: 'satisfaction_rate', order: 'ascending' });
    await flushPromises();
    expect(order(wrapper)).toEqual(['c2', 'c4', 'c1', 'c3']);
    expect(calls(all, '/api/metrics/communities')).toHaveLength(before);
  });

  it('filters by street for the district, carries a custom period to the links', async () => {
    const { wrapper, calls: all, router } = await openTable(bureau());
    const select = (id: string) =>
      wrapper.findAllComponents(ElSelect).find((c) => c.attributes('data-testid') === id)!;
    select('metrics-street').vm.$emit('update:modelValue', 's2');
    await flushPromises();
    expect(router.currentRoute.value.query['street']).toBe('s2');
    expect(query(calls(all, '/api/metrics/communities').at(-1)!)).toMatchObject({ streetId: 's2' });
    await router.replace({ query: { period: 'custom', from: '2025-01-01', to: '2025-06-30' } });
    await flushPromises();
    expect(query(calls(all, '/api/metrics/communities').at(-1)!)).toEqual({
      from: '2025-01-01',
      to: '2025-06-30',
    });
    expect(cell(wrapper, 'c1', 'repeat_handling_rate').attributes('href')).toBe(
      '/metrics/communities/c1/repeat_handling_rate?period=custom&from=2025-01-01&to=2025-06-30',
    );
  });

  it('offers no street filter to a street admin, and says when there is no community', async () => {
    const { wrapper } = await openTable(makeUser('street_admin', 'street', 's1'), {
      'GET /api/metrics/communities': () => jsonResponse(200, district([])),
    });
    expect(wrapper.find('[data-testid="metrics-street"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="metrics-empty"]').exists()).toBe(true);
  });

  it('shows the loading state until the figures arrive', async () => {
    let answer: (r: Response) => void = () => {};
    const { wrapper } = await openTable(bureau(), {
      'GET /api/metrics/communities': () => new Promise<Response>((r) => (answer = r)),
    });
    expect(wrapper.find('[data-testid="metrics-loading"]').exists()).toBe(true);
    answer(jsonResponse(200, district()));
    await flushPromises();
    expect(wrapper.find('[data-testid="metrics-loading"]').exists()).toBe(false);
    expect(order(wrapper)).toHaveLength(4);
  });

  it('reads in English with English number formats', async () => {
    i18n.global.locale.value = 'en';
    const { wrapper } = await openTable(bureau(), {
      'GET /api/metrics/communities': () =>
        jsonResponse(
          200,
          district([
            row('c1', '星光社区', {
              worker_avg_pay_yuan: fig(5234, 52340, 10, 'worker_avg_pay_yuan'),
            }),
          ]),
        ),
    });
    expect(wrapper.get('.el-table__header').text()).toContain('Average worker pay (≥\u00a0¥5,200)');
    expect(cell(wrapper, 'c1', 'worker_avg_pay_yuan').text()).toBe('¥5,234');
    expect(
      cell(wrapper, 'c1', 'satisfaction_rate')
        .get('[data-testid="metric-value"]')
        .attributes('aria-label'),
    ).toBe('Nothing to divide by: the denominator is 0');
  });
});

const communityFigures = (): CommunityMetrics => ({
  communityId: 'c1',
  from: '2026-01-01',
  to: '2026-03-01',
  metrics: metricsOf({
    satisfaction_rate: fig(0.996, 249, 250),
    proposals_adopted: fig(3, 3, 1, 'proposals_adopted'),
  }),
});

describe('community dashboard and rows', () => {
  it('shows a card per metric with its parts, target and monthly trend, each leading to its rows', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    storeSession(makeUser('community_admin', 'community', 'c1'), 'c1');
    const { calls: all } = stubFetch({
      'GET /api/communities/c1': () =>
        jsonResponse(200, { id: 'c1', name: '星光社区', nameEn: '' }),
      'GET /api/metrics/communities/c1': () => jsonResponse(200, communityFigures()),
      'GET /api/metrics/communities/c1/series': (req) => {
        const metric = new URLSearchParams(req.path.split('?')[1]).get('metric')!;
        return jsonResponse(200, {
          communityId: 'c1',
          metric,
          interval: 'month',
          from: '2026-01-01',
          to: '2026-03-01',
          points: [
            { from: '2026-01-01', to: '2026-01-31', ...fig(0.99, 99, 100) },
            { from: '2026-02-01', to: '2026-02-28', ...fig(null) },
          ],
        });
      },
    });
    const recorder = socketRecorder();
    setSocketFactory(recorder.factory);
    const { wrapper } = await mountInApp(CommunityMetricsView, {
      path: '/metrics/communities/c1',
      stubViews: true,
    });
    await flushPromises();
    recorder.last.accept();
    await flushPromises();
    expect(wrapper.get('[data-testid="community-metrics-title"]').text()).toBe('星光社区');
    expect(wrapper.findAll('.metric-card')).toHaveLength(METRIC_KEYS.length);
    const card = wrapper.get('[data-testid="metric-card-satisfaction_rate"]');
    expect(card.get('[data-testid="metric-value"]').text()).toBe('99.6%');
    expect(card.get('[data-testid="metric-card-parts"]').text()).toBe('249 / 250');
    expect(card.get('[data-testid="metric-card-target"]').text()).toBe('目标 ≥\u00a099.5%');
    expect(card.get('[data-testid="metric-trend"]').attributes('data-points')).toBe('0.99,');
    expect(card.get('[data-testid="metric-card-rows"]').attributes('href')).toBe(
      '/metrics/communities/c1/satisfaction_rate',
    );
    expect(
      wrapper
        .get('[data-testid="metric-card-proposals_adopted"] [data-testid="metric-card-parts"]')
        .text(),
    ).toBe('共 3 项');
    const series = all.filter((c) => c.path.startsWith('/api/metrics/communities/c1/series'));
    expect(series).toHaveLength(METRIC_KEYS.length);
    expect(recorder.last.subscriptions).toContainEqual({ room: 'community:c1' });
    const figureCalls = () => calls(all, '/api/metrics/communities/c1');
    expect(figureCalls()).toHaveLength(1);

    // A burst of changes in the community reads the figures and their trends again, once.
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    recorder.last.push('case.updated', push('e1', makeCase({ communityId: 'c1' })));
    recorder.last.push('case.updated', push('e2', makeCase({ id: 'k2', communityId: 'c1' })));
    await flushPromises();
    vi.advanceTimersByTime(3100);
    await flushPromises();
    expect(figureCalls()).toHaveLength(2);
    await flushPromises();
    expect(all.filter((c) => c.path.startsWith('/api/metrics/communities/c1/series'))).toHaveLength(
      2 * METRIC_KEYS.length,
    );
    expect(query(series[0]!)).toMatchObject({
      interval: 'month',
      from: '2026-01-01',
      to: '2026-03-01',
    });
  });

  it('pages through the rows of either side, each linking to its record', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    storeSession(bureau());
    const { calls: all } = stubFetch({
      'GET /api/communities/c1': () =>
        jsonResponse(200, { id: 'c1', name: '星光社区', nameEn: '' }),
      'GET /api/metrics/communities/c1': () => jsonResponse(200, communityFigures()),
      'GET /api/metrics/communities/c1/satisfaction_rate/rows': (req) => {
        const side = new URLSearchParams(req.path.split('?')[1]).get('side');
        return jsonResponse(200, {
          total: side === 'numerator' ? 249 : 250,
          items: [
            {
              kind: 'follow_up_attempt',
              id: 'a1',
              at: '2026-01-05T02:00:00.000Z',
              label: 'C-0001 · satisfied',
              href: '/api/cases/k1/follow-up',
              consolePath: '/cases/k1',
            },
          ],
        });
      },
    });
    const { wrapper, router } = await mountInApp(MetricRowsView, {
      path: '/metrics/communities/c1/satisfaction_rate',
      stubViews: true,
    });
    await flushPromises();
    const rowCalls = () =>
      all.filter((c) => c.path.startsWith('/api/metrics/communities/c1/satisfaction_rate/rows'));
    expect(query(rowCalls()[0]!)).toEqual({
      from: '2026-01-01',
      to: '2026-03-01',
      side: 'numerator',
      page: '1',
      pageSize: '50',
    });
    expect(wrapper.get('[data-testid="metric-rows-tab-numerator"]').text()).toContain('249');
    expect(wrapper.get('[data-testid="metric-rows-tab-denominator"]').text()).toContain('250');
    expect(wrapper.get('[data-testid="metric-row-link"]').attributes('href')).toBe('/cases/k1');
    expect(wrapper.find('[data-testid="metric-rows-pager"]').exists()).toBe(true);

    await router.replace({ query: { side: 'denominator', page: '2' } });
    await flushPromises();
    expect(query(rowCalls().at(-1)!)).toMatchObject({ side: 'denominator', page: '2' });
  });
});
