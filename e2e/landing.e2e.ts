import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, DEMO_PASSWORD, desktopContext, launch, shot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

interface Session {
  accessToken: string;
  user: { deskId?: string | null; scope: { id: string } };
}

async function apiLogin(username: string): Promise<Session> {
  const res = await fetch(`${BASE_URL}/api/auth/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status, username).toBe(200);
  return (await res.json()) as Session;
}

/** The name of the desk the account works at, as the API knows it. */
async function deskNameOf(session: Session): Promise<string> {
  expect(session.user.deskId).toBeTruthy();
  const res = await fetch(`${BASE_URL}/api/desks/${session.user.deskId}`, {
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { name: string }).name;
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${BASE_URL}/console/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
}

describe('every console role lands on its own work', () => {
  // Desk, worker and grid accounts: the workbench of their own desk, open work by due time.
  for (const username of ['desk.cuiyulu', 'worker.cuiyulu', 'grid.cuiyulu.1', 'desk.yinzhuyuan']) {
    it(`${username} lands on the workbench of their own desk`, async () => {
      const session = await apiLogin(username);
      const deskName = await deskNameOf(session);
      const ctx = await desktopContext(browser);
      const page = await ctx.newPage();
      await signIn(page, username);
      await page.getByTestId('workbench').waitFor();
      await page.waitForURL((url) => url.searchParams.get('desk') === session.user.deskId);
      expect(await page.getByTestId('desk-select').textContent()).toContain(deskName);
      // Open work first; "all" is a tab away.
      expect(new URL(page.url()).searchParams.get('status') ?? 'open').toBe('open');
      await page.screenshot({ path: shot(`landing-${username}`), fullPage: true });
      await ctx.close();
    });
  }

  it('周洋 (worker.cuiyulu) works at the 尚格博园 desk, not the office', async () => {
    expect(await deskNameOf(await apiLogin('worker.cuiyulu'))).toContain('尚格博园');
  });

  for (const username of ['admin.cuiyulu', 'admin.hemulu']) {
    it(`${username} lands on every desk of the community`, async () => {
      const ctx = await desktopContext(browser);
      const page = await ctx.newPage();
      await signIn(page, username);
      await page.getByTestId('community-desks').waitFor();
      expect(page.url()).toContain('/console/workbench/desks');
      await page.getByTestId('desk-stats').first().waitFor();
      await page.screenshot({ path: shot(`landing-${username}`), fullPage: true });
      await ctx.close();
    });
  }

  for (const [username, hint] of [
    ['street.cuiyun', 'street'],
    ['bureau', 'district'],
    ['monitor', 'read-only'],
  ] as const) {
    it(`${username} lands on the service metrics of their scope; home says what the role does`, async () => {
      const ctx = await desktopContext(browser, 'en-US');
      const page = await ctx.newPage();
      await signIn(page, username);
      await page.getByTestId('user-menu').waitFor();
      await page.getByTestId('metrics-table').waitFor();
      expect(new URL(page.url()).pathname).toBe('/console/metrics');
      expect(await page.getByTestId('metrics-title').textContent()).toContain('Service metrics');
      await page.screenshot({ path: shot(`landing-${username}`), fullPage: true });
      // The account card is still a click away.
      await page.getByTestId('nav-home').click();
      await page.getByText('Quick links').waitFor();
      expect((await page.locator('.home__hint').textContent()) ?? '').toContain(hint);
      await ctx.close();
    });
  }
});
