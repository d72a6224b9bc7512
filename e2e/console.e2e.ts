import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, DEMO_PASSWORD, desktopContext, launch, phoneContext, shot } from './browser';
import { expectedOpen, nearBoundary } from './expected-open';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

describe('console', () => {
  it('lets the bureau admin sign in and open a community with its desks', async () => {
    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${BASE_URL}/console/`);
    await page.getByTestId('login-username').fill('bureau');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.screenshot({ path: shot('console-login') });
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
    await page.getByTestId('nav-communities').click();
    await page.getByTestId('communities-table').waitFor();
    const rows = page.getByTestId('community-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(55);
    await page.screenshot({ path: shot('console-communities'), fullPage: true });
    await rows.filter({ hasText: '翠渝路社区' }).first().click();
    await page.getByTestId('community-name').waitFor();
    expect(await page.getByTestId('community-name').textContent()).toContain('翠渝路社区');
    await page.getByTestId('desks-tab').click();
    const desks = page.getByTestId('desk-card');
    await desks.first().waitFor();
    expect(await desks.count()).toBe(6);
    await page.screenshot({ path: shot('console-community-desks'), fullPage: true });
    await ctx.close();
  });

  it('shows a community admin only their own community, with desk states that match the hours', async () => {
    const ctx = await desktopContext(browser, 'en-US');
    const page = await ctx.newPage();
    await page.goto(`${BASE_URL}/console/login`);
    await page.getByTestId('login-username').fill('admin.cuiyulu');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    // The community admin lands on the community's desks; the community page is one click on.
    await page.waitForURL(/\/console\/workbench\/desks/);
    const login = await (
      await fetch(`${BASE_URL}/api/auth/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin.cuiyulu', password: DEMO_PASSWORD }),
      })
    ).json();
    const auth = { authorization: `Bearer ${login.accessToken}` };
    const communities = await (
      await fetch(`${BASE_URL}/api/communities`, { headers: auth })
    ).json();
    expect(communities).toHaveLength(1);
    await page.goto(`${BASE_URL}/console/communities/${communities[0].id}`);
    await page.getByTestId('community-name').waitFor();
    await page.getByTestId('desks-tab').click();
    await page.getByTestId('desk-card').first().waitFor();
    const desks = await (
      await fetch(`${BASE_URL}/api/communities/${communities[0].id}/desks`, { headers: auth })
    ).json();
    const cards = page.getByTestId('desk-card');
    let checked = 0;
    for (let i = 0; i < (await cards.count()); i++) {
      const text = (await cards.nth(i).textContent()) ?? '';
      const desk = desks.find(
        (d: { nameEn: string; name: string }) => text.includes(d.nameEn) || text.includes(d.name),
      );
      if (!desk || nearBoundary(desk)) continue;
      expect(await cards.nth(i).getAttribute('data-open')).toBe(String(expectedOpen(desk)));
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    await page.screenshot({ path: shot('console-admin-desks-en'), fullPage: true });
    await ctx.close();
  });

  it('refuses a wrong password with an explained error, and works on a phone', async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${BASE_URL}/console/login`);
    await page.getByTestId('login-username').fill('desk.cuiyulu');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toMatch(/用户名或密码|密码/);
    await page.screenshot({ path: shot('console-login-error-phone'), fullPage: true });
    await ctx.close();
  });
});
