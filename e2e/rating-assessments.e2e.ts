import type {
  RatingTasks,
  RatingCampaignDetail,
  RatingCampaignSummary,
  RatingFrameworkSummary,
} from '@baitong/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BASE_URL, desktopContext, launch, phoneContext } from './browser';
import { pageWidth, shootPage, signIn, staffLogin } from './staff';

let browser: Browser;
const local = (n: { zh: string }) => n.zh;
let campaign: RatingCampaignDetail;

/** This year's campaign on the 2022 sample, every assessed indicator assigned, a rotation plan. */
async function campaignOfTheYear(): Promise<RatingCampaignDetail> {
  const token = await staffLogin('bureau');
  const year = 2026;
  const frameworks = await api<RatingFrameworkSummary[]>('/api/rating-frameworks', { token });
  const sample = frameworks.find((f) => f.sample && f.effectiveYear === 2022)!;
  const existing = (await api<RatingCampaignSummary[]>('/api/rating-campaigns', { token })).find(
    (c) => c.year === year,
  );
  // The demo's campaign is used as it stands: its plan and its submitted scores are the demo.
  if (existing) return api<RatingCampaignDetail>(`/api/rating-campaigns/${existing.id}`, { token });
  const id =
    existing?.id ??
    (
      await api<RatingCampaignDetail>('/api/rating-campaigns', {
        method: 'POST',
        token,
        body: JSON.stringify({ year, frameworkId: sample.id }),
      })
    ).id;
  const fw = await api<{
    definition: {
      assessmentWeights?: Record<string, number>;
      sections: {
        aspects: {
          indicators: { key: string; source: { kind: string; weights?: Record<string, number> } }[];
        }[];
      }[];
    };
  }>(`/api/rating-frameworks/${sample.id}`, { token });
  const indicators = fw.definition.sections.flatMap((s) => s.aspects.flatMap((a) => a.indicators));
  const kinds = ['district_inspection', 'third_party_monitoring', 'street_cross_inspection'];
  await api(`/api/rating-campaigns/${id}/assignments`, {
    method: 'PUT',
    token,
    body: JSON.stringify({
      assignments: kinds.map((k) => ({
        assessorKind: k,
        indicatorKeys: indicators
          .filter((i) => i.source.kind === 'assessment')
          .filter(
            (i) => (i.source.weights ?? fw.definition.assessmentWeights ?? {})[k] !== undefined,
          )
          .map((i) => i.key),
      })),
    }),
  });
  const { plan } = await api<{ plan: unknown[] }>(
    `/api/rating-campaigns/${id}/cross-inspections/rotate`,
    { method: 'POST', token },
  );
  return api<RatingCampaignDetail>(`/api/rating-campaigns/${id}/cross-inspections`, {
    method: 'PUT',
    token,
    body: JSON.stringify({ plan }),
  });
}

beforeAll(async () => {
  browser = await launch();
  campaign = await campaignOfTheYear();
});
afterAll(() => browser.close());

describe('rating assessments', () => {
  it('lets a street admin score another street’s community on a phone', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, 'street.cuiyun');
    await page.goto(`${BASE_URL}/console/ratings/assess`);
    const first = page.locator('[data-testid^="assess-community-"]').first();
    await first.waitFor();
    await shootPage(page, 'rating-assess-phone-tasks');
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    // Work the street really has: an indicator not yet submitted, else a correction of one.
    const tasks = await api<RatingTasks>(`/api/rating-campaigns/${campaign.id}/tasks`, {
      token: await staffLogin('street.cuiyun'),
    });
    const open = tasks.tasks.find((x) =>
      x.indicators.some((i) => i.assessment?.status !== 'submitted'),
    );
    const task = open ?? tasks.tasks[0]!;
    await page.getByTestId(`assess-community-${task.communityId}`).click();
    if (open) {
      const indicator = open.indicators.find((i) => i.assessment?.status !== 'submitted')!;
      const item = page.getByTestId(`assess-item-${indicator.indicatorKey}`);
      await item.scrollIntoViewIfNeeded().catch(() => undefined);
      if (!(await item.isVisible()))
        await page
          .locator('.el-collapse-item__header', { hasText: local(indicator.aspectName) })
          .click();
      await item.locator('.el-input-number input').fill('1');
      await item.getByRole('button', { name: '保存草稿' }).click();
      await page.getByText('草稿已保存').waitFor();
    } else {
      const indicator = task.indicators[0]!;
      const item = page.getByTestId(`assess-item-${indicator.indicatorKey}`);
      if (!(await item.isVisible()))
        await page
          .locator('.el-collapse-item__header', { hasText: local(indicator.aspectName) })
          .click();
      await item.getByRole('button', { name: '更正' }).click();
      const dialog = page.locator('.el-dialog').filter({ hasText: '更正' });
      // A correction must change the score (the same score is refused as unchanged).
      const old = indicator.assessment!.score;
      const next = old + 0.5 <= indicator.scale ? old + 0.5 : old - 0.5;
      await dialog.locator('.el-input-number input').fill(String(next));
      await dialog.locator('textarea').fill('现场复核：台账补齐');
      await dialog.getByRole('button', { name: /保存|确定|提交/ }).click();
      await page.getByText(/已更正|更正已保存/).waitFor();
    }
    await shootPage(page, 'rating-assess-phone-community');
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('shows the bureau the campaign’s progress and a framework’s tree', async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await signIn(page, 'bureau');
    await page.goto(`${BASE_URL}/console/ratings/campaign`);
    await page.getByTestId('save-assignments').waitFor();
    await shootPage(page, 'rating-campaign-assignments');
    await page.getByRole('tab', { name: '进度' }).click();
    await page.locator('.el-progress').first().waitFor();
    await shootPage(page, 'rating-campaign-progress');
    await page.goto(`${BASE_URL}/console/ratings/frameworks/${campaign.frameworkId}`);
    await page.getByTestId('framework-edit').waitFor();
    await shootPage(page, 'rating-framework-tree');
    await context.close();
  });
});
