import type { ResidentCommunityRating } from '@baitong/contracts';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '@/App.vue';
import { setLocale } from '@/i18n';
import {
  type FetchHandler,
  apiError,
  json,
  mountWithApp,
  resident,
  signIn,
  stubFetch,
} from './helpers';

const rated: ResidentCommunityRating = {
  communityId: 'c-1',
  communityName: '和睦路社区',
  communityNameEn: 'Hemu Road Community',
  latest: {
    year: 2025,
    grade: 'AAA',
    total: 93.5,
    maxTotal: 100,
    rank: 2,
    ratedCount: 50,
    movement: 'upgrade',
    recommended: true,
    notice: false,
    source: 'run',
    contentHash: 'a'.repeat(64),
    sections: [
      {
        key: 'party_leadership',
        name: { zh: '党建引领', en: 'Party-building leadership' },
        points: 28.5,
        maxPoints: 30,
      },
      {
        key: 'co_building',
        name: { zh: '多元共建', en: 'Co-building' },
        points: 32,
        maxPoints: 35,
      },
    ],
  },
  years: [
    { year: 2025, grade: 'AAA', total: 93.5, rank: 2, ratedCount: 50, source: 'run' },
    { year: 2024, grade: 'AA', total: 88, rank: 9, ratedCount: 50, source: 'import' },
  ],
};

function api(answer: () => Response): FetchHandler {
  return (url) => {
    const { pathname } = new URL(url, 'http://app.test');
    if (pathname === '/api/auth/me') return json(resident);
    if (pathname === '/api/me/community-rating') return answer();
    if (pathname === '/api/rating-invitations') return json([]);
    return apiError(404, 'NOT_FOUND');
  };
}

async function open(answer: () => Response, path = '/') {
  signIn();
  stubFetch(api(answer));
  const mounted = await mountWithApp(App, { path });
  await flushPromises();
  await vi.waitFor(() =>
    expect(
      mounted.wrapper
        .find('[data-testid="community-rating-card"], [data-testid="community-rating-page"]')
        .exists(),
    ).toBe(true),
  );
  await flushPromises();
  return mounted;
}

beforeEach(() => setLocale('zh-CN'));
afterEach(() => setLocale('zh-CN'));

describe('the community’s grade for its residents', () => {
  it('shows the latest grade on the home page: "和睦路社区 2025：AAA", total and rank of how many', async () => {
    const { wrapper } = await open(() => json(rated));
    const card = wrapper.find('[data-testid="community-rating-card"]');
    expect(card.find('[data-testid="community-rating-headline"]').text()).toBe(
      '和睦路社区 2025：AAA',
    );
    expect(card.text()).toContain('总分 93.5 / 100');
    expect(card.text()).toContain('第 2 名（共 50 个社区）');
    expect(card.text()).toContain('比上年升级');
  });

  it('lists the section subtotals and the past years on its page, in English too', async () => {
    setLocale('en');
    const { wrapper } = await open(() => json(rated), '/community-rating');
    const page = wrapper.find('[data-testid="community-rating-page"]');
    expect(page.find('[data-testid="community-rating-headline"]').text()).toBe(
      'Hemu Road Community 2025:AAA',
    );
    const sections = page.findAll('[data-testid="community-rating-section"]').map((s) => s.text());
    expect(sections).toEqual(['Party-building leadership28.5 / 30', 'Co-building32 / 35']);
    expect(page.findAll('[data-testid="community-rating-year"]').map((y) => y.text())).toEqual([
      expect.stringContaining('2025'),
      expect.stringContaining('2024'),
    ]);
    expect(page.text()).toContain('Rank 9 of 50');
  });

  it('says so when the community was never rated', async () => {
    const { wrapper } = await open(() => json({ ...rated, latest: null, years: [] }));
    expect(wrapper.find('[data-testid="community-rating-empty"]').text()).toBe(
      '本社区尚未参加和谐社区等级评定',
    );
  });
});
