import type { RatingRunDetail, RatingRunSummary } from '@baitong/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BASE_URL, desktopContext, launch, phoneContext } from './browser';
import { settled, shootPage, signIn, staffLogin, until } from './staff';

// The demo's rating year end to end in the console: the bureau freezes the demo's draft run (three
// communities still lack scores, so the freeze lists them and the bureau accepts), computes and
// publishes it; then a community admin opens their scorecard, follows a metric indicator to the
// rows behind it and reads what would lift the community to the next grade.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

const YEAR = 2026;

async function runOfTheYear(token: string): Promise<RatingRunSummary> {
  const runs = await api<RatingRunSummary[]>('/api/rating-runs', { token });
  const run = runs.find((r) => r.year === YEAR && r.status !== 'cancelled');
  if (!run) throw new Error(`no ${YEAR} run in the demo`);
  return run;
}

const statusOf = async (token: string, id: string) =>
  (await api<RatingRunDetail>(`/api/rating-runs/${id}`, { token })).status;

describe('the annual rating run', () => {
  let runId = '';

  it('lets the bureau freeze (accepting the listed missing inputs), compute and publish the demo run', async () => {
    const token = await staffLogin('bureau');
    const run = await runOfTheYear(token);
    runId = run.id;
    expect(run.status).toBe('draft');

    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'bureau');
    await page.goto(`${BASE_URL}/console/ratings/runs`);
    await page.getByTestId('rating-runs-table').waitFor();
    await shootPage(page, 'rating-runs-list');
    await page.goto(`${BASE_URL}/console/ratings/runs/${run.id}`);

    // Freezing with scores missing is refused with the list; the bureau accepts it knowingly.
    await page.getByTestId('rating-run-freeze').click();
    await page.getByTestId('rating-missing').waitFor();
    const missing = await page.getByTestId('rating-missing').textContent();
    expect(missing?.length ?? 0).toBeGreaterThan(0);
    await settled(page);
    await page.screenshot({ path: 'artifacts/e2e/rating-run-missing.png' });
    await page.getByTestId('rating-freeze-accept').click();
    await until('the run frozen', async () => (await statusOf(token, run.id)) === 'frozen');
    await page.getByTestId('rating-run-hash').waitFor();
    const hash = (await api<RatingRunDetail>(`/api/rating-runs/${run.id}`, { token })).contentHash!;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    await page.getByTestId('rating-run-compute').click();
    await until('the run computed', async () => (await statusOf(token, run.id)) === 'computed');

    // The window is 0 days in the demo: publishing follows computing, after a confirm with the hash.
    await page.getByTestId('rating-run-publish').click();
    const box = page.locator('.el-message-box');
    await box.waitFor();
    expect(await box.textContent()).toContain(hash.slice(0, 12));
    await settled(page);
    await page.screenshot({ path: 'artifacts/e2e/rating-run-publish-confirm.png' });
    await box.locator('.el-button--primary').click();
    await until('the run published', async () => (await statusOf(token, run.id)) === 'published');
    await shootPage(page, 'rating-run-published');

    // The results: every community with a rank or the reason for none, and the charts.
    await page.getByTestId('rating-run-results').click();
    await page.getByTestId('rating-results-table').waitFor();
    const rows = await page
      .locator('[data-testid="rating-results-table"] .el-table__body tr')
      .count();
    expect(rows).toBeGreaterThan(10);
    await shootPage(page, 'rating-results');
    await ctx.close();
  });

  it('shows a community admin the scorecard, the rows behind a metric indicator and what lifts the grade', async () => {
    expect(runId).not.toBe('');
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'admin.cuiyulu');
    await page.goto(`${BASE_URL}/console/ratings/mine`);
    await page.getByTestId('rating-mine').waitFor();
    await page.locator('.mine__link').first().click();
    await page.getByTestId('rating-scorecard').waitFor();
    expect(await page.getByTestId('grade-decision').textContent()).toMatch(/第 \d+ 名|未|不/);
    await shootPage(page, 'rating-scorecard-phone');

    // The what-if panel answers in words (options, or why there is none).
    const whatIf = page.getByTestId('what-if');
    await whatIf.scrollIntoViewIfNeeded();
    await until(
      'the what-if answer',
      async () =>
        (await whatIf.locator('.el-skeleton').count()) === 0 &&
        ((await whatIf.textContent()) ?? '').length > 20,
    );
    await whatIf.screenshot({ path: 'artifacts/e2e/rating-what-if.png' });

    // Open the first section and follow a metric indicator to its rows.
    await page.locator('.scorecard__tree .el-collapse-item__header').first().click();
    const link = page.locator('.scorecard__link').first();
    await link.waitFor();
    await link.click();
    await page.getByTestId('metric-rows-table').or(page.getByTestId('metric-rows-empty')).waitFor();
    expect(page.url()).toContain('/metrics/communities/');
    expect(page.url()).toContain(`from=${YEAR}-01-01`);
    await shootPage(page, 'rating-metric-rows');
    await ctx.close();
  });
});
