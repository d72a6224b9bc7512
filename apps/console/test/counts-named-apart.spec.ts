import type { Community } from '@baitong/contracts';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/i18n';
import OverviewTab from '@/views/org/community/OverviewTab.vue';
import ResidentCounts from '@/views/org/community/ResidentCounts.vue';
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

async function overview() {
  storeSession(makeUser('community_admin', 'community', 'c1'), 'c1');
  const { wrapper } = await mountInApp(OverviewTab, { props: { community } });
  return wrapper;
}

async function counts() {
  storeSession(makeUser('street_admin', 'street', 's1'));
  stubFetch({
    'GET /api/residents/counts': () =>
      jsonResponse(200, [
        {
          communityId: 'c1',
          communityName: '星光社区',
          residents: 3000,
          foreign: 12,
          activeLast30Days: 2400,
        },
      ]),
  });
  const { wrapper } = await mountInApp(ResidentCounts, { props: { communityId: 'c1' } });
  await flushPromises();
  return wrapper;
}

describe('counts that look alike are named apart', () => {
  it('names the census figure registered population, with a hint that it is not the app count', async () => {
    const wrapper = await overview();
    const text = wrapper.text();
    expect(text).toContain('登记人口（户籍/常住统计）');
    expect(text).toContain('11,873');
    const hint = wrapper.find('[data-testid="hint-icon"]');
    expect(hint.attributes('aria-label')).toContain('不是在本系统注册的居民人数');
  });

  it('names the app count residents using the app, with a hint that it is not the census', async () => {
    const wrapper = await counts();
    expect(wrapper.text()).toContain('注册居民（使用本系统）');
    expect(wrapper.text()).not.toContain('登记人口');
    expect(wrapper.find('[data-testid="hint-icon"]').attributes('aria-label')).toContain(
      '不是社区的户籍或常住人口',
    );
  });

  it('says the same in English', async () => {
    i18n.global.locale.value = 'en';
    expect((await overview()).text()).toContain('Registered population (census)');
    expect((await counts()).text()).toContain('Residents using the app');
  });
});
