import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, launch, phoneContext, shot } from './browser';
import { expectedOpen, nearBoundary } from './expected-open';

const DEMO_RESIDENT_PHONE = '13800000001';
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

describe('resident app on a phone', () => {
  it('signs in with phone and one-time code, then shows desks marked open or closed correctly', async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${BASE_URL}/login`);
    await page.getByTestId('phone-input').fill(DEMO_RESIDENT_PHONE);
    await page.getByTestId('send-code').click();
    const devCode = page.getByTestId('dev-code');
    await devCode.waitFor();
    const code = ((await devCode.textContent()) ?? '').match(/\d{6}/)?.[0];
    expect(code).toMatch(/^\d{6}$/);
    await page.getByTestId('code-input').fill(code!);
    await page.screenshot({ path: shot('resident-login'), fullPage: true });
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-greeting').waitFor();
    expect(await page.getByTestId('home-greeting').textContent()).toContain('李明');
    await page.screenshot({ path: shot('resident-home'), fullPage: true });

    await page.goto(`${BASE_URL}/desks`);
    await page.getByTestId('desk-card').first().waitFor();
    const cards = page.getByTestId('desk-card');
    const count = await cards.count();
    expect(count).toBeGreaterThan(3);
    await page.screenshot({ path: shot('resident-desks'), fullPage: true });

    // Each card shown must agree with the desk's published hours at this minute in Chongqing.
    const checked: boolean[] = [];
    for (let i = 0; i < Math.min(count, 10); i++) {
      const card = cards.nth(i);
      const id = await card.getAttribute('data-desk-id');
      const desk = await (await fetch(`${BASE_URL}/api/public/desks/${id}`)).json();
      if (nearBoundary(desk)) continue;
      const open = expectedOpen(desk);
      expect(await card.getAttribute('data-open'), desk.name).toBe(String(open));
      expect((await card.getByTestId('desk-status').textContent())?.trim()).toBe(
        open ? '营业中' : '已关闭',
      );
      checked.push(open);
    }
    expect(checked.length).toBeGreaterThan(0);

    await cards.first().click();
    await page.getByTestId('desk-detail').waitFor();
    await page.screenshot({ path: shot('resident-desk-detail'), fullPage: true });
    await ctx.close();
  });

  it('finds desks without signing in, in English', async () => {
    const ctx = await phoneContext(browser, 'en-US');
    const page = await ctx.newPage();
    await page.goto(`${BASE_URL}/desks`);
    const card = page.getByTestId('desk-card').first();
    await card.waitFor();
    const status = (await card.getByTestId('desk-status').textContent())?.trim();
    expect(['Open now', 'Closed']).toContain(status);
    expect(String(status === 'Open now')).toBe(await card.getAttribute('data-open'));
    // The demo's desks and communities have English names: no Chinese on an English card.
    expect(await card.getByTestId('desk-place').textContent()).toMatch(/ Community\b/);
    expect(await card.locator('.desk-card__name').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    await page.screenshot({ path: shot('resident-desks-en'), fullPage: true });
    await ctx.close();
  });
});
