import type { RatingCampaignSummary, RatingTasks } from '@baitong/contracts';
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import AssessEntry from '@/views/ratings/assessments/AssessEntry.vue';
import { jsonResponse, makeUser, mountInApp, storeSession, stubFetch } from './helpers';

enableAutoUnmount(afterEach);

const campaign: RatingCampaignSummary = {
  id: 'camp1',
  year: 2026,
  frameworkId: 'fw1',
  frameworkKey: 'ljxq',
  frameworkVersion: '2022.1',
  frameworkName: { zh: '示例标准', en: 'Sample' },
  status: 'open',
  opensOn: null,
  closesOn: null,
  version: 1,
  createdByName: '区局',
  createdAt: '2026-11-01T00:00:00Z',
};
const indicator = (key: string, aspectKey: string, status: 'draft' | 'submitted' | null) => ({
  indicatorKey: key,
  name: { zh: `指标${key}`, en: `Indicator ${key}` },
  sectionKey: 's1',
  sectionName: { zh: '党建引领', en: 'Party leadership' },
  aspectKey,
  aspectName: { zh: `方面${aspectKey}`, en: `Aspect ${aspectKey}` },
  points: 2,
  scale: 2,
  assessment: status
    ? { id: `a-${key}`, score: 1.5, notes: '', status, version: 1, evidenceCount: 0 }
    : null,
});
const tasks: RatingTasks = {
  campaignId: 'camp1',
  year: 2026,
  status: 'open',
  opensOn: null,
  closesOn: null,
  assessorKind: 'street_cross_inspection',
  tasks: [
    {
      communityId: 'c9',
      communityName: '翠渝路社区',
      communityNameEn: 'Cuiyulu',
      streetId: 's2',
      streetName: '人和街道',
      streetNameEn: 'Renhe',
      assessorKind: 'street_cross_inspection',
      indicators: [
        indicator('k1', 'a1', null),
        indicator('k2', 'a1', 'submitted'),
        indicator('k3', 'a2', 'draft'),
      ],
      drafts: 1,
      submitted: 1,
    },
  ],
};

async function open(put: () => Response) {
  storeSession(makeUser('street_admin', 'street', 's1'), null);
  const fetch = stubFetch({
    'GET /api/rating-campaigns': () => jsonResponse(200, [campaign]),
    'GET /api/rating-campaigns/camp1/tasks': () => jsonResponse(200, tasks),
    'PUT /api/rating-campaigns/camp1/assessments': put,
  });
  const mounted = await mountInApp(AssessEntry, { path: '/ratings/assess', stubViews: true });
  await flushPromises();
  return { ...mounted, ...fetch };
}

describe('the score entry', () => {
  it('lists my communities, then the indicators by aspect, and saves a draft with the score', async () => {
    const { wrapper, calls } = await open(() => jsonResponse(200, {}));
    expect(wrapper.text()).toContain('翠渝路社区');
    await wrapper.find('[data-testid="assess-community-c9"]').trigger('click');
    await flushPromises();
    expect(wrapper.text()).toContain('方面a1');
    expect(wrapper.text()).toContain('方面a2');
    const item = wrapper.find('[data-testid="assess-item-k3"]');
    // the submitted one offers a correction, not an input
    expect(
      wrapper.find('[data-testid="assess-item-k2"]').find('input[role="spinbutton"]').exists(),
    ).toBe(false);
    const save = item.findAll('button').find((b) => b.text() === '保存草稿')!;
    await save.trigger('click');
    await flushPromises();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.body).toEqual({ communityId: 'c9', indicatorKey: 'k3', score: 1.5, notes: '' });
  });

  it('explains a refusal in words, with its reason', async () => {
    const { wrapper } = await open(() =>
      jsonResponse(403, {
        statusCode: 403,
        code: 'FORBIDDEN',
        message: 'no',
        details: { reason: 'not_in_tasks' },
      }),
    );
    await wrapper.find('[data-testid="assess-community-c9"]').trigger('click');
    await flushPromises();
    const button = (key: string) =>
      wrapper
        .find(`[data-testid="assess-item-${key}"]`)
        .findAll('button')
        .find((b) => b.text() === '保存草稿')!;
    // no score yet: nothing is sent
    await button('k1').trigger('click');
    await flushPromises();
    expect(document.body.textContent).toContain('请先填写分数');
    await button('k3').trigger('click');
    await flushPromises();
    expect(document.body.textContent).toContain('该社区不在本街道的交叉查验任务中');
  });
});
