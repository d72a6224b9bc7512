import type { Browser, Page } from 'playwright-core';

// What the council browser tests share: Element Plus controls, and a photo of the "site".

/** Chooses an option of an Element Plus select by its text (options live in a teleported popper). */
export async function choose(
  page: Page,
  selectTestId: string,
  optionTestId: string,
  text?: string,
) {
  await page.getByTestId(selectTestId).click();
  const option = page.locator(`[data-testid="${optionTestId}"]:visible`, {
    hasText: text ?? /./,
  });
  await option.first().click();
}

/** The input of an Element Plus field, whether the test id sits on the input or its wrapper. */
export const inputOf = (page: Page, testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

/** Confirms the meeting pages' message box. */
export async function confirmBox(page: Page) {
  await page.locator('.el-message-box .meeting-confirm').click();
}

/** A photo of the building site, drawn by the browser itself. */
export async function sitePhoto(browser: Browser, label = '垃圾房'): Promise<Buffer> {
  const ctx = await browser.newContext({ viewport: { width: 480, height: 320 } });
  const page = await ctx.newPage();
  await page.setContent(`<body style="margin:0;height:320px;display:flex;align-items:flex-end;
    background:linear-gradient(#9ecbf0 0 55%,#8fb46a 55% 100%);font:28px sans-serif">
    <div style="margin:0 0 40px 60px;width:220px;height:140px;background:#d8d2c4;border:6px solid #6b5e4b;
      display:flex;align-items:center;justify-content:center">${label}</div></body>`);
  const png = await page.screenshot();
  await ctx.close();
  return png;
}

export const daysFromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
