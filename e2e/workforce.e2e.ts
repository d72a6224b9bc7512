import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, desktopContext, launch, phoneContext, shot } from './browser';
import { pageWidth, settled, shootPage, signIn } from './staff';

// exceljs is the API's dependency: the test reads the export and writes a bad roster with it.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ExcelJS = createRequire(join(root, 'apps/api/package.json'))('exceljs') as {
  Workbook: new () => {
    xlsx: { load(data: Buffer): Promise<unknown>; writeFile(path: string): Promise<void> };
    worksheets: {
      rowCount: number;
      getRow(n: number): { values: unknown[]; getCell(c: number): { value: unknown } };
    }[];
  };
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(join(root, 'artifacts/e2e'), { recursive: true });
});
afterAll(() => browser.close());

async function openRoster(page: Page) {
  await signIn(page, 'admin.cuiyulu');
  await page.goto(`${BASE_URL}/console/workforce`);
  await page.locator('.el-table__body tr').first().waitFor();
}

/** The export with two faults: a pay below zero on the first worker, the second's number repeated. */
async function badRoster(
  exported: string,
): Promise<{ path: string; payRow: number; dupRow: number }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(exported));
  const sheet = book.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const payCol = headers.indexOf('月薪（元）');
  const numberCol = headers.indexOf('工号');
  expect(payCol).toBeGreaterThan(0);
  expect(numberCol).toBeGreaterThan(0);
  sheet.getRow(2).getCell(payCol).value = -5;
  sheet.getRow(4).getCell(numberCol).value = sheet.getRow(3).getCell(numberCol).value;
  const path = join(root, 'artifacts/e2e/workforce-bad.xlsx');
  await book.xlsx.writeFile(path);
  return { path, payRow: 2, dupRow: 4 };
}

describe('the community worker roster', () => {
  it('shows the community admin the roster with pay, exports it, and reports a bad import row by row', async () => {
    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    await openRoster(page);
    await page.getByTestId('nav-workforce').waitFor();
    expect(await page.getByTestId('workforce-title').textContent()).toContain('社区工作者名册');
    expect(await page.locator('.el-table__header').textContent()).toContain('月薪');
    const pay = await page
      .locator('.el-table__body [data-testid="workforce-pay"]')
      .first()
      .textContent();
    expect(pay).toMatch(/^¥[\d,]+\.\d\d$/);
    const totalText = await page.getByTestId('workforce-total').textContent();
    expect(Number(totalText?.replace(/\D/g, ''))).toBeGreaterThan(5);
    await shootPage(page, 'workforce-list-desktop');

    // Export: the browser receives the xlsx, headed in Chinese, every worker a row.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('workforce-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^roster-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const exported = shot('workforce-export').replace(/\.png$/, '.xlsx');
    await download.saveAs(join(root, exported));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(root, exported)));
    expect(book.worksheets[0]!.rowCount).toBeGreaterThan(5);

    // A bad file: refused whole, each row and column named, nothing imported.
    const bad = await badRoster(join(root, exported));
    await page.getByTestId('workforce-import-open').click();
    await page.getByTestId('workforce-import-file').setInputFiles(bad.path);
    await page.getByTestId('workforce-import-submit').click();
    const report = page.getByTestId('workforce-import-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('未导入任何数据');
    const rows = await report
      .locator('.el-table__body tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim())),
      );
    expect(rows).toContainEqual(expect.arrayContaining([String(bad.payRow), '月薪（元）']));
    expect(rows).toContainEqual(expect.arrayContaining([String(bad.dupRow), '工号']));
    await settled(page);
    await page.screenshot({ path: shot('workforce-import-rejected-desktop') });
    // Nothing of it was written: the roster counts as before.
    expect(await page.getByTestId('workforce-total').textContent()).toBe(totalText);

    // The export itself, imported again as it is, changes nothing.
    await page.getByTestId('workforce-import-file').setInputFiles(join(root, exported));
    await page.getByTestId('workforce-import-submit').click();
    const done = page.getByTestId('workforce-import-done');
    await done.waitFor();
    expect(await done.textContent()).toMatch(/新增 0 人，更新 0 人，未变 [\d,]+ 人/);
    await ctx.close();
  });

  it('fits a phone: the roster as cards, and the import report in a full-screen dialog', async () => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'admin.cuiyulu');
    await page.goto(`${BASE_URL}/console/workforce`);
    await page.getByTestId('workforce-cards').waitFor();
    expect(await page.getByTestId('workforce-row').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('workforce-pay').first().textContent()).toMatch(/^¥/);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await shootPage(page, 'workforce-list-phone');

    await page.getByTestId('workforce-import-open').click();
    await page
      .getByTestId('workforce-import-file')
      .setInputFiles(join(root, 'artifacts/e2e/workforce-bad.xlsx'));
    await page.getByTestId('workforce-import-submit').click();
    await page.getByTestId('workforce-import-report').waitFor();
    await settled(page);
    await page.screenshot({ path: shot('workforce-import-rejected-phone') });

    // The record with its history, on the phone.
    await page.keyboard.press('Escape');
    await page.goto(`${BASE_URL}/console/workforce`);
    await page.getByTestId('workforce-row').first().click();
    await page.getByTestId('workforce-revisions').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await shootPage(page, 'workforce-detail-phone');
    await ctx.close();
  });
});
