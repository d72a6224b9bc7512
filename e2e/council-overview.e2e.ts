import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BASE_URL, desktopContext, launch, phoneContext } from './browser';
import { pageWidth, shootPage, signIn, staffLogin } from './staff';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

/**
 * A 翠渝路 resident's proposal written down and submitted by the desk: one act of self-governance
 * today, so the community takes part in the period whatever the demo data holds.
 */
async function submittedProposal(): Promise<{ communityId: string; communityName: string }> {
  const token = await staffLogin('desk.cuiyulu');
  const [community] = await api<{ id: string; name: string }[]>('/api/communities', { token });
  const residents = await api<{ items: { id: string; compoundId: string | null }[] }>(
    `/api/residents?communityId=${community!.id}&pageSize=200`,
    { token },
  );
  const resident = residents.items.filter((r) => r.compoundId).at(-14)!;
  const draft = await api<{ id: string; version: number }>('/api/proposals', {
    method: 'POST',
    token,
    body: JSON.stringify({
      title: '在小区门口增设电动自行车充电棚',
      description: '电动自行车在楼道里充电很危险，希望在小区门口建一个带充电桩的车棚。',
      topic: 'safety',
      authorResidentId: resident.id,
    }),
  });
  await api(`/api/proposals/${draft.id}/transitions`, {
    method: 'POST',
    token,
    body: JSON.stringify({ action: 'submit', version: draft.version }),
  });
  return { communityId: community!.id, communityName: community!.name };
}

/** The participation figures down the table, as the page shows them from the top. */
const participation = (page: Page) =>
  page
    .locator('.el-table__body [data-testid="council-overview-participationRate"]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-value')));

describe('the street and district overview of council activity', () => {
  it('shows the street admin the street’s communities, sorts them by participation and leads to a board', async () => {
    const { communityId, communityName } = await submittedProposal();

    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'street.cuiyun');
    await page.getByTestId('nav-council-overview').click();
    await page.getByTestId('council-overview-table').waitFor();
    expect(await page.getByTestId('council-overview-title').textContent()).toContain('议事会概览');
    const links = page.locator('.el-table__body [data-testid="council-overview-board-link"]');
    expect(await links.count()).toBeGreaterThan(1);
    const own = page.locator(
      `.el-table__body [data-testid="council-overview-board-link"][data-community="${communityId}"]`,
    );
    expect(await own.textContent()).toContain(communityName);
    const ownRow = page.locator('.el-table__body tr', {
      has: page.locator(
        `[data-testid="council-overview-board-link"][data-community="${communityId}"]`,
      ),
    });
    const rate = await ownRow
      .getByTestId('council-overview-participationRate')
      .getAttribute('data-value');
    expect(Number(rate)).toBeGreaterThan(0);
    expect(await ownRow.getByTestId('council-overview-newProposals').textContent()).toMatch(/\d/);
    expect(await page.locator('.el-table__footer').textContent()).toContain('合计');
    await page.getByTestId('council-overview-chart').waitFor();
    await shootPage(page, 'council-overview-street');

    await page
      .locator('.el-table__header th', { hasText: '参与率' })
      .locator('.caret-wrapper')
      .click();
    await page.waitForURL(/sort=participationRate/);
    const rates = (await participation(page)).map((v) => (v === '' ? -1 : Number(v)));
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    expect(page.url()).toContain('order=descending');
    await shootPage(page, 'council-overview-sorted');

    await own.click();
    await page.waitForURL(new RegExp(`/console/council\\?community=${communityId}`));
    await page.getByTestId('board-columns').waitFor();
    expect(await page.getByTestId('board-title').textContent()).toBeTruthy();
    await ctx.close();
  });

  it('is readable on a phone', async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'street.cuiyun');
    await page.goto(`${BASE_URL}/console/council/overview?sort=participationRate`);
    await page.getByTestId('council-overview-table').waitFor();
    await page.getByTestId('council-overview-chart').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await shootPage(page, 'council-overview-phone');
    await ctx.close();
  });
});
