import type {
  Community,
  CommunityFollowUpSummary,
  FollowUpAppealItem,
  SessionUser,
} from '@baitong/contracts';
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { ElDatePicker, ElSelect } from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AppMenu from '@/components/layout/AppMenu.vue';
import FollowUpOverview from '@/views/follow-ups/FollowUpOverview.vue';
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

function community(id: string, name: string, streetId = 's1'): Community {
  return {
    id,
    streetId,
    streetName: '翠云街道',
    streetNameEn: 'Cuiyun Street',
    code: id.toUpperCase(),
    name,
    nameEn: '',
    firstElectedOn: null,
    households: 0,
    registeredResidents: 0,
    address: '',
    addressEn: '',
    compoundCount: 1,
    deskCount: 1,
  };
}

function appeal(overrides: Partial<FollowUpAppealItem> = {}): FollowUpAppealItem {
  return {
    id: 'a1',
    attemptId: 'at1',
    status: 'pending',
    reason: '评价针对物业公司收费，不属于社区职责',
    evidence: '通话录音及物业服务合同',
    appealedById: 'u-worker',
    appealedByName: '周洋',
    appealedAt: '2026-11-10T02:00:00Z',
    decidedById: null,
    decidedByName: null,
    decidedAt: null,
    decisionReason: null,
    caseId: 'k9',
    caseNumber: 'BT20261108-0009',
    communityId: 'c1',
    communityName: '星光社区',
    communityNameEn: 'Xingguang',
    streetId: 's1',
    satisfaction: 'very_dissatisfied',
    solved: 'yes',
    ...overrides,
  };
}

const upheld = appeal({
  id: 'a2',
  status: 'upheld',
  caseId: 'k7',
  caseNumber: 'BT20261101-0007',
  decidedById: 'u-street',
  decidedByName: '陈立',
  decidedAt: '2026-11-05T03:00:00Z',
  decisionReason: '经核实属物业问题',
});

function summary(overrides: Partial<CommunityFollowUpSummary> = {}): CommunityFollowUpSummary {
  return {
    communityId: 'c1',
    from: '2026-10-21T16:00:00.000Z',
    to: NOW.toISOString(),
    coverage: { numerator: 14, denominator: 15, rate: 14 / 15 },
    timeliness: { numerator: 12, denominator: 15, rate: 12 / 15 },
    satisfaction: { numerator: 11, denominator: 12, rate: 11 / 12 },
    distribution: {
      very_satisfied: 8,
      satisfied: 2,
      basically_satisfied: 1,
      dissatisfied: 0,
      very_dissatisfied: 1,
    },
    excludedRatings: 1,
    overdueOpen: 2,
    unreachable: 1,
    dissatisfied: [
      {
        caseId: 'k9',
        caseNumber: 'BT20261108-0009',
        satisfaction: 'very_dissatisfied',
        solved: 'yes',
        ratedAt: '2026-11-09T02:00:00Z',
        reworkDueAt: '2026-11-16T10:00:00Z',
        rework: 'overdue',
        excluded: false,
      },
      {
        caseId: 'k7',
        caseNumber: 'BT20261101-0007',
        satisfaction: 'satisfied',
        solved: 'no',
        ratedAt: '2026-11-02T02:00:00Z',
        reworkDueAt: null,
        rework: 'reworked',
        excluded: true,
      },
    ],
    appeals: { pending: 1, upheld: 1, rejected: 0, items: [appeal(), upheld] },
    ...overrides,
  };
}

const query = (call: RecordedCall) =>
  Object.fromEntries(new URLSearchParams(call.path.split('?')[1] ?? ''));
const summaryCalls = (calls: RecordedCall[]) =>
  calls.filter((c) => c.method === 'GET' && c.path.includes('/follow-up-summary'));
const appealCalls = (calls: RecordedCall[]) =>
  calls.filter((c) => c.method === 'GET' && c.path.startsWith('/api/follow-up-appeals'));

type Routes = Parameters<typeof stubFetch>[0];

async function openOverview(
  user: SessionUser,
  opts: { home?: string | null; routes?: Routes; path?: string } = {},
) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  storeSession(user, opts.home ?? null);
  const fetch = stubFetch({
    'GET /api/communities': () => jsonResponse(200, [community('c1', '星光社区')]),
    'GET /api/communities/c1/follow-up-summary': () => jsonResponse(200, summary()),
    'GET /api/follow-up-appeals': () =>
      jsonResponse(200, { items: [appeal()], total: 1, page: 1, pageSize: 20 }),
    ...opts.routes,
  });
  const mounted = await mountInApp(FollowUpOverview, {
    path: opts.path ?? '/follow-ups/overview',
    stubViews: true,
  });
  await flushPromises();
  return { ...mounted, ...fetch };
}

const communityAdmin = () => makeUser('community_admin', 'community', 'c1');
const streetAdmin = (street = 's1') => ({
  ...makeUser('street_admin', 'street', street),
  id: 'u-street',
});

function select(wrapper: VueWrapper, id: string) {
  const found = wrapper.findAllComponents(ElSelect).find((c) => c.attributes('data-testid') === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}
/** The first and the last day of a chosen period. */
function datePicker(wrapper: VueWrapper, which: 'from' | 'to') {
  const found = wrapper.findAllComponents(ElDatePicker)[which === 'from' ? 0 : 1];
  if (!found) throw new Error(`no ${which} picker`);
  return found;
}
const text = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`).text();

describe('the follow-up overview', () => {
  it('asks for the admin’s own community over the last 30 Shanghai days, then for the period chosen', async () => {
    const { wrapper, calls, router } = await openOverview(communityAdmin(), { home: 'c1' });
    expect(summaryCalls(calls).map(query)).toEqual([{ from: '2026-10-22T00:00:00+08:00' }]);
    expect(summaryCalls(calls)[0]!.path).toMatch(/^\/api\/communities\/c1\/follow-up-summary\?/);
    expect(text(wrapper, 'overview-range')).toContain('2026年10月22日');
    // One community in scope: its name, no selector.
    expect(wrapper.find('[data-testid="overview-community"]').exists()).toBe(false);

    const expected = [
      ['year', { from: '2026-01-01T00:00:00+08:00' }],
      ['12m', { from: '2025-11-21T00:00:00+08:00' }],
    ] as const;
    for (const [period, asked] of expected) {
      select(wrapper, 'overview-period').vm.$emit('update:modelValue', period);
      await flushPromises();
      expect(query(summaryCalls(calls).at(-1)!), period).toEqual(asked);
      expect(router.currentRoute.value.query['period']).toBe(period);
    }

    select(wrapper, 'overview-period').vm.$emit('update:modelValue', 'custom');
    await flushPromises();
    datePicker(wrapper, 'from').vm.$emit('update:modelValue', '2026-03-01');
    await flushPromises();
    datePicker(wrapper, 'to').vm.$emit('update:modelValue', '2026-03-31');
    await flushPromises();
    // The last day is included: the period ends at the midnight after it.
    expect(query(summaryCalls(calls).at(-1)!)).toEqual({
      from: '2026-03-01T00:00:00+08:00',
      to: '2026-04-01T00:00:00+08:00',
    });
    expect(router.currentRoute.value.query).toMatchObject({
      period: 'custom',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(text(wrapper, 'overview-range')).toBe('2026年3月1日 至 2026年3月31日');
    // Only the street admin waits for appeals across a street.
    expect(appealCalls(calls)).toEqual([]);
  });

  it('shows each rate with what it is made of, the counts to act on, and the five levels', async () => {
    // happy-dom lays nothing out: give the chart's box the size a browser would.
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(640);
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(260);
    const { wrapper } = await openOverview(communityAdmin(), { home: 'c1' });
    const figure = (key: string) => wrapper.find(`[data-testid="overview-${key}"]`);
    expect(figure('coverage').find('[data-testid="overview-rate"]').text()).toBe('93.3%');
    expect(figure('coverage').find('[data-testid="overview-parts"]').text()).toBe(
      '已回访 14 / 应回访 15',
    );
    expect(figure('timeliness').find('[data-testid="overview-rate"]').text()).toBe('80%');
    expect(figure('timeliness').find('[data-testid="overview-parts"]').text()).toBe(
      '按时回访 12 / 应回访 15',
    );
    expect(figure('satisfaction').find('[data-testid="overview-rate"]').text()).toBe('91.7%');
    expect(figure('satisfaction').find('[data-testid="overview-parts"]').text()).toBe(
      '满意 11 / 参与评价 12',
    );
    expect(figure('overdue').find('[data-testid="overview-count"]').text()).toBe('2');
    expect(figure('unreachable').find('[data-testid="overview-count"]').text()).toBe('1');
    expect(text(wrapper, 'overview-excluded')).toContain('1 条');

    const chart = wrapper.find('[data-testid="overview-distribution"]');
    expect(chart.attributes('data-counts')).toBe('8,2,1,0,1');
    expect(chart.attributes('aria-label')).toBe(
      '满意度分布：非常满意 8、满意 2、基本满意 1、不满意 0、非常不满意 1',
    );
    expect(chart.find('svg').exists()).toBe(true);

    const rows = wrapper.findAll('.el-table__body tr.el-table__row');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.find('[data-testid="dissatisfied-case"]').attributes('href')).toBe('/cases/k9');
    expect(rows[0]!.text()).toContain('非常不满意');
    expect(rows[0]!.text()).toContain('已解决');
    expect(rows[0]!.text()).toContain('整改逾期');
    expect(rows[0]!.text()).toContain('整改期限 2026/11/16 18:00');
    expect(rows[0]!.find('[data-testid="dissatisfied-excluded"]').exists()).toBe(false);
    expect(rows[1]!.text()).toContain('已整改');
    expect(rows[1]!.text()).toContain('未解决');
    expect(rows[1]!.find('[data-testid="dissatisfied-excluded"]').exists()).toBe(true);

    expect(text(wrapper, 'overview-appeal-counts')).toBe('待复核 1 · 成立 1 · 驳回 0');
    const decided = wrapper.find('[data-testid="overview-appeals"] [data-appeal-id="a2"]');
    expect(decided.find('[data-testid="appeal-case"]').text()).toBe('BT20261101-0007');
    expect(decided.text()).toContain('申诉成立');
    expect(decided.find('[data-testid="appeal-reason"]').text()).toBe(
      '评价针对物业公司收费，不属于社区职责',
    );
    expect(decided.find('[data-testid="appeal-evidence"]').text()).toBe('通话录音及物业服务合同');
    expect(decided.find('[data-testid="appeal-decision"]').text()).toBe('经核实属物业问题');
    expect(decided.find('[data-testid="appeal-by"]').text()).toContain('周洋');
    expect(decided.find('[data-testid="appeal-by"]').text()).toContain('陈立');
  });

  it('offers Uphold and Reject only to the street admin of the community’s street, on pending appeals', async () => {
    const buttons = (wrapper: VueWrapper, where: string) =>
      wrapper.findAll(`[data-testid="${where}"] [data-testid="appeal-uphold"]`).length;

    const admin = await openOverview(communityAdmin(), { home: 'c1' });
    expect(buttons(admin.wrapper, 'overview-appeals')).toBe(0);
    admin.wrapper.unmount();

    const bureau = await openOverview(makeUser('bureau_admin', 'district', 'd1'));
    expect(bureau.wrapper.find('[data-testid="overview-appeals"]').exists()).toBe(true);
    expect(buttons(bureau.wrapper, 'overview-appeals')).toBe(0);
    bureau.wrapper.unmount();

    const otherStreet = await openOverview(streetAdmin('s2'), {
      routes: {
        'GET /api/follow-up-appeals': () =>
          jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 20 }),
      },
    });
    expect(buttons(otherStreet.wrapper, 'overview-appeals')).toBe(0);
    otherStreet.wrapper.unmount();

    const own = await openOverview(streetAdmin('s1'));
    const appeals = own.wrapper.find('[data-testid="overview-appeals"]');
    expect(appeals.find('[data-appeal-id="a1"] [data-testid="appeal-uphold"]').exists()).toBe(true);
    expect(appeals.find('[data-appeal-id="a1"] [data-testid="appeal-reject"]').exists()).toBe(true);
    // A decided appeal is not decided again.
    expect(appeals.find('[data-appeal-id="a2"] [data-testid="appeal-uphold"]').exists()).toBe(
      false,
    );
  });

  it('lists the street’s pending appeals and sends the street admin’s decision with its reason', async () => {
    let decided = false;
    const { wrapper, calls } = await openOverview(streetAdmin('s1'), {
      routes: {
        'GET /api/follow-up-appeals': () =>
          jsonResponse(200, {
            items: decided ? [] : [appeal()],
            total: decided ? 0 : 1,
            page: 1,
            pageSize: 20,
          }),
        'POST /api/follow-up-appeals/a1/decision': () => {
          decided = true;
          return jsonResponse(200, {
            ...appeal(),
            status: 'rejected',
            decidedById: 'u-street',
            decidedByName: '李晓梅',
            decidedAt: NOW.toISOString(),
            decisionReason: '录音显示居民针对的是社区的处理结果',
          });
        },
      },
    });
    expect(appealCalls(calls).map(query)).toEqual([
      { status: 'pending', page: '1', pageSize: '20' },
    ]);
    const pending = wrapper.find('[data-testid="overview-pending-list"] [data-appeal-id="a1"]');
    expect(pending.find('[data-testid="appeal-community"]').text()).toBe('星光社区');
    expect(text(wrapper, 'overview-pending-total')).toBe('共 1 条');

    await pending.find('[data-testid="appeal-reject"]').trigger('click');
    await flushPromises();
    const submit = () =>
      document.body.querySelector<HTMLButtonElement>('[data-testid="appeal-decision-submit"]')!;
    expect(document.body.querySelector('.el-dialog')?.textContent).toContain('驳回申诉');

    // No reason, no decision.
    submit().click();
    await vi.waitFor(() =>
      expect(document.body.querySelector('.el-form-item__error')?.textContent).toContain(
        '请填写复核意见',
      ),
    );
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    const reason = document.body.querySelector<HTMLTextAreaElement>(
      'textarea[data-testid="appeal-decision-reason"]',
    )!;
    reason.value = '  录音显示居民针对的是社区的处理结果 ';
    reason.dispatchEvent(new Event('input'));
    await flushPromises();
    const summariesBefore = summaryCalls(calls).length;
    submit().click();
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/api/follow-up-appeals/a1/decision');
    expect(post.body).toEqual({
      decision: 'rejected',
      reason: '录音显示居民针对的是社区的处理结果',
    });

    // The figures and the street's list are read again: nothing waits any more.
    await vi.waitFor(() => expect(summaryCalls(calls).length).toBe(summariesBefore + 1));
    await vi.waitFor(() => expect(text(wrapper, 'overview-pending')).toContain('没有待复核的申诉'));
  });

  it('lets a street admin choose among the communities of the street', async () => {
    const { wrapper, calls, router } = await openOverview(streetAdmin('s1'), {
      routes: {
        'GET /api/communities': () =>
          jsonResponse(200, [community('c1', '星光社区'), community('c2', '翠湖社区')]),
        'GET /api/communities/c2/follow-up-summary': () =>
          jsonResponse(200, summary({ communityId: 'c2' })),
      },
    });
    expect(summaryCalls(calls).at(-1)!.path).toContain('/api/communities/c1/');
    select(wrapper, 'overview-community').vm.$emit('update:modelValue', 'c2');
    await flushPromises();
    expect(router.currentRoute.value.query['community']).toBe('c2');
    expect(summaryCalls(calls).at(-1)!.path).toContain('/api/communities/c2/');
  });

  it('says when the period holds nothing, and offers a retry when the figures cannot be read', async () => {
    let fail = true;
    const empty = summary({
      coverage: { numerator: 0, denominator: 0, rate: null },
      timeliness: { numerator: 0, denominator: 0, rate: null },
      satisfaction: { numerator: 0, denominator: 0, rate: null },
      distribution: {
        very_satisfied: 0,
        satisfied: 0,
        basically_satisfied: 0,
        dissatisfied: 0,
        very_dissatisfied: 0,
      },
      excludedRatings: 0,
      overdueOpen: 0,
      unreachable: 0,
      dissatisfied: [],
      appeals: { pending: 0, upheld: 0, rejected: 0, items: [] },
    });
    const { wrapper } = await openOverview(communityAdmin(), {
      home: 'c1',
      routes: {
        'GET /api/communities/c1/follow-up-summary': () =>
          fail
            ? jsonResponse(503, { statusCode: 503, code: 'UNAVAILABLE', message: 'down' })
            : jsonResponse(200, empty),
      },
    });
    expect(wrapper.find('[data-testid="load-error"]').exists()).toBe(true);
    fail = false;
    await wrapper.find('[data-testid="load-error"] button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="load-error"]').exists()).toBe(false);
    expect(
      wrapper.find('[data-testid="overview-coverage"] [data-testid="overview-rate"]').text(),
    ).toBe('—');
    expect(text(wrapper, 'overview-no-ratings')).toContain('该时段没有满意度评价');
    expect(text(wrapper, 'overview-no-dissatisfied')).toContain('没有不满意或未解决的回访');
    expect(text(wrapper, 'overview-no-appeals')).toContain('该时段没有评价申诉');
    expect(wrapper.find('[data-testid="overview-excluded"]').exists()).toBe(false);
  });

  it('shows the dissatisfied requests as cards on a phone', async () => {
    vi.stubGlobal('matchMedia', (q: string) => ({
      matches: q === '(max-width: 768px)',
      media: q,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }));
    const { wrapper } = await openOverview(communityAdmin(), { home: 'c1' });
    expect(wrapper.find('.el-table').exists()).toBe(false);
    const cards = wrapper.findAll('[data-testid="dissatisfied-row"]');
    expect(cards.map((c) => c.attributes('data-rework'))).toEqual(['overdue', 'reworked']);
    expect(cards[0]!.find('a').attributes('href')).toBe('/cases/k9');
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
      expect(wrapper.find('[data-testid="nav-follow-up-overview"]').exists(), role).toBe(true);
      wrapper.unmount();
    }
    storeSession(makeUser('community_worker', 'community', 'c1'), 'c1');
    const { wrapper, router } = await mountInApp(AppMenu, {
      path: '/follow-ups/overview',
      stubViews: true,
    });
    expect(wrapper.find('[data-testid="nav-follow-up-overview"]').exists()).toBe(false);
    expect(router.currentRoute.value.name).toBe('forbidden');
  });
});
