import type { Community } from '@baitong/contracts';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { DeskWithState } from '@/api/org';
import Communities from '@/views/org/Communities.vue';
import DesksTab from '@/views/org/community/DesksTab.vue';
import { jsonResponse, makeUser, mountInApp, storeSession, stubFetch } from './helpers';

const community: Community = {
  id: 'c1',
  streetId: 's1',
  streetName: '礼嘉街道',
  streetNameEn: 'Lijia Subdistrict',
  code: 'LJ-001',
  name: '星光社区',
  nameEn: 'Xingguang Community',
  firstElectedOn: '2021-06-18',
  households: 4210,
  registeredResidents: 11873,
  address: '礼嘉街道星光大道 1 号',
  addressEn: 'No. 1 Xingguang Avenue',
  compoundCount: 6,
  deskCount: 2,
};

function desk(id: string, openNow: boolean): DeskWithState {
  return {
    id,
    communityId: 'c1',
    communityName: '星光社区',
    communityNameEn: 'Xingguang Community',
    compoundId: null,
    compoundName: null,
    compoundNameEn: null,
    name: `百通岗 ${id}`,
    nameEn: `Desk ${id}`,
    address: '星光大道 1 号',
    addressEn: 'No. 1 Xingguang Avenue',
    lat: 29.65,
    lng: 106.5,
    areaSqm: 120,
    phone: null,
    weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday: weekday as 1,
      intervals: [{ opens: '08:30', closes: '21:30' }],
    })),
    exceptions: [],
    version: 1,
    openNow,
    closesAt: openNow ? '2025-03-03T13:30:00Z' : null,
    nextOpensAt: openNow ? null : '2025-03-04T00:30:00Z',
    today: [{ opens: '08:30', closes: '21:30' }],
    exceptionToday: false,
  };
}

describe('communities page', () => {
  it('lists communities with their figures, formatted for the locale', async () => {
    storeSession(makeUser('bureau_admin', 'district', 'd1'));
    stubFetch({
      'GET /api/communities': () => jsonResponse(200, [community]),
      'GET /api/streets': () => jsonResponse(200, []),
    });
    const { wrapper } = await mountInApp(Communities, { path: '/communities', stubViews: true });
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="community-row"]')).toHaveLength(1),
    );

    const table = wrapper.find('[data-testid="communities-table"]');
    expect(wrapper.find('[data-testid="community-row"]').text()).toBe('星光社区');
    expect(table.text()).toContain('11,873');
    expect(table.text()).toContain('2021年6月18日');
    expect(wrapper.find('[data-testid="empty-state"]').exists()).toBe(false);
  });

  it('shows the empty state and passes the search to the API', async () => {
    storeSession(makeUser('street_admin', 'street', 's1'));
    const { calls } = stubFetch({
      'GET /api/communities': () => jsonResponse(200, []),
      'GET /api/streets': () => jsonResponse(200, []),
    });
    const { wrapper } = await mountInApp(Communities, {
      path: '/communities?q=星光',
      stubViews: true,
    });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="empty-state"]').exists()).toBe(true));

    expect(wrapper.find('[data-testid="empty-state"]').text()).toContain('没有符合条件的社区');
    expect(calls.find((c) => c.path.startsWith('/api/communities'))?.path).toBe(
      `/api/communities?q=${encodeURIComponent('星光')}`,
    );
  });

  it('explains a failed load and loads again on retry', async () => {
    storeSession(makeUser('monitor', 'district', 'd1'));
    let attempts = 0;
    stubFetch({
      'GET /api/communities': () =>
        ++attempts === 1
          ? jsonResponse(500, { statusCode: 500, code: 'INTERNAL', message: 'boom' })
          : jsonResponse(200, [community]),
      'GET /api/streets': () => jsonResponse(200, []),
    });
    const { wrapper } = await mountInApp(Communities, { path: '/communities', stubViews: true });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="load-error"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="load-error"]').text()).toContain('服务器出现错误');

    await wrapper.find('[data-testid="load-error"] button').trigger('click');
    await flushPromises();
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="community-row"]')).toHaveLength(1),
    );
  });
});

describe('desks tab', () => {
  it('marks each desk open or closed from the API open state', async () => {
    storeSession(makeUser('desk_staff', 'community', 'c1'), 'c1');
    stubFetch({
      'GET /api/communities/c1/desks': () => jsonResponse(200, [desk('a', true), desk('b', false)]),
    });
    const { wrapper } = await mountInApp(DesksTab, {
      path: '/',
      stubViews: true,
      props: { communityId: 'c1' },
    });
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="desk-card"]')).toHaveLength(2));

    const [open, closed] = wrapper.findAll('[data-testid="desk-card"]');
    expect(open?.attributes('data-open')).toBe('true');
    expect(open?.text()).toContain('营业中');
    expect(open?.text()).toContain('21:30');
    expect(closed?.attributes('data-open')).toBe('false');
    expect(closed?.text()).toContain('已打烊');
    expect(closed?.text()).toContain('08:30');
    // Desk staff read the hours; only the community admin manages them.
    expect(wrapper.text()).not.toContain('新建服务点');
  });

  it('shows the empty state when the community has no desk', async () => {
    storeSession(makeUser('community_admin', 'community', 'c1'), 'c1');
    stubFetch({ 'GET /api/communities/c1/desks': () => jsonResponse(200, []) });
    const { wrapper } = await mountInApp(DesksTab, {
      path: '/',
      stubViews: true,
      props: { communityId: 'c1' },
    });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="empty-state"]').exists()).toBe(true));
    expect(wrapper.text()).toContain('新建服务点');
  });
});
