import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BASE_URL, desktopContext, launch, phoneContext, shot } from './browser';
import { pageWidth, settled, shootPage, signIn, staffLogin } from './staff';

const PHONE_WIDTH = 390;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

/** A concern request (说事) of a 翠渝路 resident at the desk: the vacant lot become a dump. */
async function concernRequest() {
  const token = await staffLogin('desk.cuiyulu');
  const me = await api<{ deskId: string | null }>('/api/auth/me', { token });
  const [community] = await api<{ id: string }[]>('/api/communities', { token });
  const residents = await api<{ items: { id: string; compoundId: string | null }[] }>(
    `/api/residents?communityId=${community!.id}&pageSize=200`,
    { token },
  );
  const resident = residents.items.filter((r) => r.compoundId).at(-11)!;
  const categories = await api<{ id: string; code: string }[]>('/api/categories?kind=concern', {
    token,
  });
  const created = await api<{ id: string; number: string }>('/api/cases', {
    method: 'POST',
    token,
    headers: { 'Idempotency-Key': `e2e-council-console-${Date.now()}` },
    body: JSON.stringify({
      categoryId: categories[0]!.id,
      channel: 'desk',
      residentId: resident.id,
      compoundId: resident.compoundId,
      ...(me.deskId ? { deskId: me.deskId } : {}),
      description:
        '小区东侧的空地被人倾倒建筑垃圾和生活垃圾，夏天气味很大，希望改建成垃圾房和晾晒点',
      place: '东侧空地',
    }),
  });
  return { ...created, communityId: community!.id };
}

describe('the council in the console', () => {
  it('takes a concern request to the council, screens the proposal open for support and finds it on the board, on a desk and on a phone', async () => {
    const request = await concernRequest();

    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'desk.cuiyulu');
    await page.goto(`${BASE_URL}/console/cases/${request.id}`);
    await page.getByTestId('take-to-council').click();
    await page.getByTestId('promote-submit').waitFor();
    await page.getByTestId('promote-topic').click();
    await page.getByTestId('promote-topic-environment').click();
    await settled(page);
    await page.screenshot({ path: shot('council-console-promote') });
    await page.getByTestId('promote-submit').click();
    await page.locator('.el-message--success', { hasText: '已提交议事会' }).waitFor();
    const link = page.getByTestId('council-proposal-link');
    await link.waitFor();
    await page.locator('[data-testid="timeline-item"][data-type="taken_to_council"]').waitFor();
    await shootPage(page, 'council-console-case');
    await page.getByTestId('timeline-open-proposal').click();

    await page.getByTestId('proposal-action-start_screening').waitFor();
    expect(await page.getByTestId('proposal-status').textContent()).toBe('已提交');
    expect(await page.getByTestId('proposal-cases').textContent()).toContain(request.number);
    await page.getByTestId('proposal-action-start_screening').click();
    await page.getByTestId('proposal-action-accept').waitFor();
    await page.getByTestId('proposal-action-accept').click();
    await page.locator('[data-testid="proposal-status"]', { hasText: '征集附议' }).waitFor();
    await page.getByTestId('support-meter').waitFor();
    await page.locator('[data-testid="proposal-event"][data-type="transition"]').nth(1).waitFor();
    await shootPage(page, 'council-console-detail');
    const proposalId = page.url().split('/').pop()!;

    await page.goto(`${BASE_URL}/console/council`);
    const card = page.locator(
      `[data-column="open_for_support"] [data-testid="proposal-card"][data-id="${proposalId}"]`,
    );
    await card.waitFor();
    expect(await card.getByTestId('proposal-card-age').textContent()).toBe('本状态第 0 天');
    await shootPage(page, 'council-console-board');
    await ctx.close();

    const phoneCtx = await phoneContext(browser);
    const phone = await phoneCtx.newPage();
    await signIn(phone, 'admin.cuiyulu');
    await phone.goto(`${BASE_URL}/console/council?column=open_for_support`);
    await phone.locator(`[data-testid="board-phone-list"] [data-id="${proposalId}"]`).waitFor();
    expect(await pageWidth(phone)).toBeLessThanOrEqual(PHONE_WIDTH);
    await shootPage(phone, 'council-console-board-phone');
    await phone.locator(`[data-id="${proposalId}"]`).tap();
    await phone.getByTestId('proposal-supports').waitFor();
    expect(await pageWidth(phone)).toBeLessThanOrEqual(PHONE_WIDTH);
    await shootPage(phone, 'council-console-detail-phone');
    await phoneCtx.close();
  });
});
