import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BASE_URL, desktopContext, launch, phoneContext } from './browser';
import { pageWidth, settled, shootPage, signIn, staffLogin } from './staff';

// The bureau's Open311 key management, and a demo case filed through the 12345 hotline as a
// desk staff sees it: the client, its answers under the category's field names, the position.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(join(root, 'artifacts/e2e'), { recursive: true });
});
afterAll(() => browser.close());

async function openClients(page: Page) {
  await signIn(page, 'bureau');
  await page.getByTestId('nav-open311').click();
  await page.getByTestId('open311-clients-title').waitFor();
  await page.locator('[data-testid="api-client-row"]').first().waitFor();
}

const rowOf = (page: Page, name: string) =>
  page.locator('.el-table__body tr').filter({ hasText: name });

describe('Open311 clients', () => {
  it('lets the bureau issue a key it sees once, change its rate and revoke it', async () => {
    const ctx = await desktopContext(browser);
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
    const page = await ctx.newPage();
    await openClients(page);
    const table = page.getByTestId('api-client-table');
    expect(await table.textContent()).toContain('12345 政务服务便民热线');
    expect(await table.textContent()).toContain('渝快办');
    await shootPage(page, 'open311-clients-desktop');

    const name = `e2e 社区通 ${Date.now().toString(36)}`;
    await page.getByTestId('api-client-issue').click();
    await page.getByTestId('api-client-name').fill(name);
    await page.getByTestId('api-client-contact').fill('测试组 023-60000000');
    await page.getByTestId('api-client-categories').click();
    await page.locator('.el-select-dropdown__item').filter({ hasText: '楼道灯损坏' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('api-client-rate').locator('input').fill('30');
    await settled(page);
    await page.screenshot({ path: join(root, 'artifacts/e2e/open311-issue-dialog.png') });
    await page.getByTestId('api-client-save').click();

    // The key, once: with the warning and a copy button.
    const keyInput = page.getByTestId('issued-key');
    await keyInput.waitFor();
    const key = await keyInput.inputValue();
    expect(key).toMatch(/^bt311_[\w-]{32}$/);
    expect(await page.getByTestId('issued-key-warning').textContent()).toContain('只显示这一次');
    await page.getByTestId('issued-key-copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await settled(page);
    await page.screenshot({ path: join(root, 'artifacts/e2e/open311-key-once-desktop.png') });
    await page.getByTestId('issued-key-done').click();
    await rowOf(page, name).waitFor();
    // Never again: not on the page, not in the list the API gives.
    expect(await page.content()).not.toContain(key);
    const row = rowOf(page, name);
    expect(await row.textContent()).toContain(key.slice(0, 12));
    expect(await row.textContent()).toContain('楼道灯损坏');
    expect(await row.getByTestId('api-client-rate-value').textContent()).toBe('30');

    // Its rate.
    await row.getByTestId('api-client-edit').click();
    await page.getByTestId('api-client-rate').locator('input').fill('45');
    await page.getByTestId('api-client-save').click();
    await expect
      .poll(() => rowOf(page, name).getByTestId('api-client-rate-value').textContent())
      .toBe('45');

    // Revoked, with a reason.
    await rowOf(page, name).getByTestId('api-client-revoke').click();
    await page.getByTestId('api-client-revoke-confirm').click();
    await page.getByText('请说明吊销原因').waitFor();
    await page.getByTestId('api-client-revoke-reason').fill('测试结束，收回密钥');
    await page.getByTestId('api-client-revoke-confirm').click();
    await expect
      .poll(() => rowOf(page, name).getByTestId('api-client-status').textContent())
      .toContain('已吊销');
    expect(await rowOf(page, name).textContent()).toContain('测试结束，收回密钥');
    expect(await rowOf(page, name).getByTestId('api-client-edit').count()).toBe(0);
    await shootPage(page, 'open311-clients-revoked-desktop');
    await ctx.close();
  });

  it('fits a 390 px phone', async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'bureau');
    await page.goto(`${BASE_URL}/console/open311/clients`);
    await page.locator('[data-testid="api-client-row"]').first().waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await shootPage(page, 'open311-clients-phone');
    await ctx.close();
  });

  it('shows a desk staff a demo case filed through 12345 with its client, answers and position', async () => {
    const token = await staffLogin('desk.cuiyulu');
    let filed: { id: string; number: string } | null = null;
    for (let p = 1; p <= 20 && !filed; p++) {
      const page = await api<{ items: { id: string; number: string; channel: string }[] }>(
        `/api/cases?sort=newest&pageSize=200&page=${p}`,
        { token },
      );
      for (const c of page.items.filter((x) => x.channel === 'hotline_12345')) {
        const d = await api<{ filedBy: unknown }>(`/api/cases/${c.id}`, { token });
        if (d.filedBy) {
          filed = c;
          break;
        }
      }
      if (page.items.length < 200) break;
    }
    expect(filed).not.toBeNull();

    for (const [kind, make] of [
      ['desktop', desktopContext],
      ['phone', phoneContext],
    ] as const) {
      const ctx = await make(browser);
      const page = await ctx.newPage();
      await signIn(page, 'desk.cuiyulu');
      await page.goto(`${BASE_URL}/console/cases/${filed!.id}`);
      const card = page.getByTestId('case-filed-by');
      await card.waitFor();
      expect(await page.getByTestId('case-filed-by-line').textContent()).toContain(
        '由 12345 政务服务便民热线 通过 12345 热线 提交',
      );
      // Answers under the category's field names, never the bare codes.
      await card.getByTestId('case-filed-by-attribute').first().waitFor();
      const labels = await card.locator('.el-descriptions__label').allTextContents();
      expect(labels.some((l) => /[\u4e00-\u9fa5]/.test(l) && l !== '位置')).toBe(true);
      expect(await page.getByTestId('case-filed-by-position').textContent()).toMatch(
        /^29\.\d{6}, 106\.\d{6}$/,
      );
      const href = await page.getByTestId('case-filed-by-map').getAttribute('href');
      expect(href).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=106\.\d{6},29\.\d{6}$/);
      if (kind === 'phone') expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await card.scrollIntoViewIfNeeded();
      await settled(page);
      await shootPage(page, `open311-case-filed-by-${kind}`);
      await ctx.close();
    }
  });
});
