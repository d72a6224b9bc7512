import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BASE_URL, desktopContext, launch, phoneContext } from './browser';
import { pageWidth, shootPage, signIn, staffLogin } from './staff';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

interface Figure {
  value: number | null;
  numerator: number;
  denominator: number;
}
interface DistrictRow {
  communityId: string;
  communityName: string;
  metrics: Record<string, Figure>;
}

/** The Shanghai calendar day of now, as YYYY-MM-DD. */
const shanghaiToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** The district table as the bureau's page asks for it: the year so far. */
async function districtYear(token: string): Promise<DistrictRow[]> {
  const to = shanghaiToday();
  const from = `${to.slice(0, 4)}-01-01`;
  const { items } = await api<{ items: DistrictRow[] }>(
    `/api/metrics/communities?from=${from}&to=${to}`,
    { token },
  );
  return items;
}

/** The satisfaction figures down the table, as the page shows them from the top. */
const satisfaction = (page: Page) =>
  page
    .locator('.el-table__body [data-testid="metrics-cell-satisfaction_rate"]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-value')));

describe('the service metrics of the district', () => {
  it('the bureau sorts the table by satisfaction and follows a repeat-handling rate to its cases', async () => {
    const rows = await districtYear(await staffLogin('bureau'));
    expect(rows.length).toBeGreaterThan(40);
    // The community with the most repeat cases this year: its figure has rows behind both sides.
    const target = [...rows].sort(
      (a, b) =>
        b.metrics['repeat_handling_rate']!.numerator - a.metrics['repeat_handling_rate']!.numerator,
    )[0]!;
    const repeat = target.metrics['repeat_handling_rate']!;
    expect(repeat.denominator).toBeGreaterThan(0);

    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'bureau');
    // The bureau lands on the table.
    await page.waitForURL(/\/console\/metrics(\?|$)/);
    await page.getByTestId('metrics-table').waitFor();
    expect(await page.getByTestId('metrics-title').textContent()).toContain('服务指标');
    const links = page.locator('.el-table__body [data-testid="metrics-community-link"]');
    expect(await links.count()).toBe(rows.length);
    // Every metric is a column, coloured against its target where the seed gives one.
    expect(await page.locator('.el-table__body .metric-value--met').count()).toBeGreaterThan(0);
    await shootPage(page, 'metrics-district');

    await page
      .locator('.el-table__header th', { hasText: '满意率' })
      .locator('.caret-wrapper')
      .click();
    await page.waitForURL(/sort=satisfaction_rate/);
    expect(page.url()).toContain('order=descending');
    const values = await satisfaction(page);
    const known = values.filter((v) => v !== '').map(Number);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    // Communities without ratings come last, not first.
    expect(values.slice(0, known.length).every((v) => v !== '')).toBe(true);
    await shootPage(page, 'metrics-district-sorted');

    // The export is the table as shown, as a real workbook (an xlsx is a zip: "PK").
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('metrics-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^metrics-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = await readFile((await download.path())!);
    expect(file.subarray(0, 2).toString()).toBe('PK');
    expect(file.length).toBeGreaterThan(5000);

    const cell = page.locator(
      `.el-table__body [data-testid="metrics-cell-repeat_handling_rate"][data-community="${target.communityId}"]`,
    );
    await cell.click();
    await page.waitForURL(
      new RegExp(`/console/metrics/communities/${target.communityId}/repeat_handling_rate`),
    );
    await page.getByTestId('metric-rows-table').or(page.getByTestId('metric-rows-empty')).waitFor();
    expect(await page.getByTestId('metric-rows-title').textContent()).toContain('二次办理率');
    // The tabs count the figure's two sides, as the table read them.
    const count = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
    await page
      .getByTestId('metric-rows-tab-numerator')
      .filter({ hasText: count(repeat.numerator) })
      .waitFor();
    await page
      .getByTestId('metric-rows-tab-denominator')
      .filter({ hasText: count(repeat.denominator) })
      .waitFor();
    if (repeat.numerator === 0) {
      // No repeat this year anywhere: the resolved cases behind the rate instead.
      await page.getByTestId('metric-rows-tab-denominator').click();
      await page.waitForURL(/side=denominator/);
    }
    await page.getByTestId('metric-rows-table').waitFor();
    await shootPage(page, 'metrics-rows');
    const first = page.getByTestId('metric-row-link').first();
    const href = await first.getAttribute('href');
    expect(href).toMatch(/^\/console\/cases\//);
    await first.click();
    await page.getByTestId('case-detail').waitFor();
    expect(page.url()).toContain(href!);
    await ctx.close();
  });

  it('a community’s dashboard shows each metric with its trend and leads to its rows', async () => {
    const ctx = await desktopContext(browser, 'en-US');
    const page = await ctx.newPage();
    await signIn(page, 'admin.cuiyulu');
    await page.getByTestId('nav-my-metrics').click();
    await page.getByTestId('metric-cards').waitFor();
    expect(await page.locator('.metric-card').count()).toBe(19);
    await page.getByTestId('metric-card-satisfaction_rate').getByTestId('metric-trend').waitFor();
    expect(
      await page
        .getByTestId('metric-card-satisfaction_rate')
        .getByTestId('metric-card-target')
        .textContent(),
    ).toContain('≥\u00a099.5%');
    await shootPage(page, 'metrics-community');
    await page.getByTestId('metric-card-satisfaction_rate').getByTestId('metric-card-rows').click();
    await page.getByTestId('metric-rows').waitFor();
    expect(await page.getByTestId('metric-rows-title').textContent()).toContain('Satisfaction');
    await ctx.close();
  });

  it('is readable on a phone: the community stays in view, the figures scroll sideways', async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'street.cuiyun');
    await page.goto(`${BASE_URL}/console/metrics?sort=satisfaction_rate`);
    await page.getByTestId('metrics-table').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await shootPage(page, 'metrics-phone');
    // Scrolled sideways, the first column is still there.
    await page.locator('.el-table__body-wrapper .el-scrollbar__wrap').evaluate((el) => {
      el.scrollLeft = 600;
    });
    const name = page.locator('.el-table__body [data-testid="metrics-community-link"]').first();
    const box = await name.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x).toBeLessThan(60);
    await page.screenshot({ path: 'artifacts/e2e/metrics-phone-scrolled.png' });
    await ctx.close();
  });
});
