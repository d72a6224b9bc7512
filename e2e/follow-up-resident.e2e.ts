import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, desktopContext, launch, phoneContext, shot } from './browser';
import { resolvedRequest, signIn } from './staff';
import { residentLogin } from './resident-app';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

describe('a resident rates a resolved request "not solved" on a phone', () => {
  it('reopens it: the desk’s open workbench shows it again live, the resident sees it reopened', async () => {
    const setup = await resolvedRequest({
      residentFromEnd: 3,
      description: '5栋1单元楼道灯不亮，晚上回家看不清台阶',
      resolution: '已更换5栋1单元楼道灯泡，恢复照明',
    });

    // The desk's workbench is open all along; the resolved case is not among its open work.
    const staffCtx = await desktopContext(browser);
    const desk = await staffCtx.newPage();
    await signIn(desk, 'desk.cuiyulu');
    await desk.goto(`${BASE_URL}/console/workbench?desk=${setup.deskId}`);
    await desk.getByTestId('workbench').waitFor();
    await desk.locator('[data-testid="socket-status"][data-connected="true"]').waitFor();
    const row = desk.locator(`[data-testid="queue-row"][data-case-id="${setup.caseId}"]`);
    expect(await row.count()).toBe(0);
    // A reload would lose this mark: the row must arrive by push.
    await desk.evaluate(() => Object.assign(window, { __notReloaded: true }));

    const residentCtx = await phoneContext(browser);
    const app = await residentCtx.newPage();
    await residentLogin(app, setup.phone);
    await app.goto(`${BASE_URL}/requests/${setup.caseId}`);
    await app.locator('[data-testid="request-detail"][data-status="resolved"]').waitFor();
    const card = app.getByTestId('rating-card');
    await card.waitFor();
    expect(await card.textContent()).toContain('问题实际解决了吗？');
    await app.locator('[data-testid="rating-level"][data-level="dissatisfied"]').click();
    await app.locator('[data-testid="rating-solved"][data-solved="no"]').click();
    expect(
      await app.locator('[data-testid="rating-level"][data-level="dissatisfied"]').textContent(),
    ).toContain('不满意');
    expect(
      await app.locator('[data-testid="rating-solved"][data-solved="no"]').textContent(),
    ).toContain('没有解决');
    await app.getByTestId('rating-comment').fill('灯换了两天又不亮了');
    await app.getByTestId('rating-reopens-hint').waitFor();
    // A full-page shot of a scrolled page draws the sticky top bar over the content.
    await app.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot({ path: shot('follow-up-resident-rate'), fullPage: true });
    await app.getByTestId('rating-submit').click();

    const thanks = app.getByTestId('rating-thanks');
    await thanks.waitFor();
    expect(await thanks.textContent()).toContain('不满意 · 没有解决');
    expect(await app.getByTestId('rating-handled-again').textContent()).toContain('社区将重新办理');
    // The server reopens the request (a reaction) and pushes it: the page follows.
    await app
      .locator('[data-testid="request-detail"][data-status="in_progress"]')
      .waitFor({ timeout: 15_000 });
    expect(await app.getByTestId('reopen-count').textContent()).toContain('已重新办理 1 次');
    expect(await app.getByTestId('rating-card').count()).toBe(0);
    expect(await app.getByTestId('follow-up-rating').textContent()).toContain('已转社区重新办理');
    await app.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot({ path: shot('follow-up-resident-after'), fullPage: true });

    // And the desk's open workbench shows the case again, without a reload.
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('data-status')).toBe('in_progress');
    expect(await desk.evaluate(() => (window as { __notReloaded?: boolean }).__notReloaded)).toBe(
      true,
    );
    await desk.screenshot({ path: shot('follow-up-desk-reopened'), fullPage: true });

    await staffCtx.close();
    await residentCtx.close();
  });
});
