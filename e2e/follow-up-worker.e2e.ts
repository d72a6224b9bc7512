import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BASE_URL, launch, phoneContext, shot } from './browser';
import { pageWidth, resolvedRequest, settled, shootPage, signIn, staffLogin, until } from './staff';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

const PHONE_WIDTH = 390;

/** The card of a follow-up in "My follow-ups", paging on if it sorts past the first page. */
async function findCard(page: Page, followUpId: string) {
  const card = page.locator(`[data-testid="follow-up-row"][data-follow-up-id="${followUpId}"]`);
  await page.locator('[data-testid="follow-up-list"], [data-testid="follow-ups-empty"]').waitFor();
  while (!(await card.isVisible())) {
    const next = page.locator('[data-testid="follow-up-pages"] .btn-next:not([disabled])');
    if ((await next.count()) === 0) throw new Error('the follow-up is not in the list');
    await next.click();
    await page.waitForTimeout(300);
  }
  return card;
}

describe('a community worker records a phone follow-up at 390 px width', () => {
  it('finds the task, reads the script, calls the resident, records "satisfied, solved" and the case closes', async () => {
    const setup = await resolvedRequest({
      residentFromEnd: 6,
      description: '2栋3单元三楼楼道灯坏了，老人晚上上下楼不方便',
      resolution: '物业已更换2栋3单元三楼声控灯',
      assignTo: 'worker.cuiyulu',
    });
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'worker.cuiyulu');

    // The menu lives in a drawer on a phone.
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('nav-follow-ups').click();
    await page.getByTestId('my-follow-ups').waitFor();
    // Soonest due first: a task due in three working days may sit behind older ones.
    const card = await findCard(page, setup.followUpId);
    expect(await card.getAttribute('data-case-number')).toBe(setup.caseNumber);
    expect(await card.textContent()).toContain('楼道灯坏了');
    expect(await page.getByTestId('follow-up-compound').textContent()).toContain('全部小区');
    await settled(page);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await shootPage(page, 'follow-up-worker-list');

    await page.getByTestId(`record-${setup.caseNumber}`).click();
    await page.getByTestId('attempt-form').waitFor();
    expect(await page.getByTestId('follow-up-script').textContent()).toContain('回访话术');
    expect(await page.getByTestId('follow-up-script').textContent()).toContain('问题解决了吗');
    expect(await page.getByTestId('case-resolution').textContent()).toContain('声控灯');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await shootPage(page, 'follow-up-worker-form');

    // The phone one tap away: the audited read, confirmed first, then a number that dials.
    await page.getByTestId('call-resident').click();
    const box = page.locator('.el-message-box');
    await box.waitFor();
    expect(await box.textContent()).toContain('审计日志');
    await settled(page);
    await page.screenshot({ path: shot('follow-up-worker-confirm') });
    await page.locator('.contact-reveal-confirm').click();
    const phone = page.getByTestId('contact-phone');
    await phone.waitFor();
    expect((await phone.textContent())?.trim()).toBe(setup.phone);
    expect(await phone.getAttribute('href')).toBe(`tel:${setup.phone}`);
    await settled(page);
    await page.screenshot({ path: shot('follow-up-worker-phone') });
    await page.keyboard.press('Escape');
    await phone.waitFor({ state: 'hidden' });

    await page.getByTestId('method-phone').tap();
    await page.getByTestId('outcome-reached').tap();
    await page.getByTestId('satisfaction-satisfied').tap();
    await page.getByTestId('solved-yes').tap();
    await page.getByTestId('notes-input').fill('居民说灯已经修好，晚上上下楼亮堂了');
    expect(await page.getByTestId('method-phone').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('satisfaction-satisfied').textContent()).toContain('满意');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await shootPage(page, 'follow-up-worker-filled');
    await page.getByTestId('attempt-submit').tap();

    // Saved: back on the list, told the result, the task gone from the open ones.
    await page.getByTestId('my-follow-ups').waitFor();
    const toast = page.locator('.follow-up-saved');
    await toast.waitFor();
    expect(await toast.textContent()).toContain('居民满意，诉求将结案');
    await card.waitFor({ state: 'detached' });
    await settled(page);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await shootPage(page, 'follow-up-worker-saved');

    // The server closes the case by its reaction to the completed follow-up.
    const closed = await until('the case to close', async () => {
      const c = await api<{ status: string }>(`/api/cases/${setup.caseId}`, {
        token: setup.adminToken,
      });
      return c.status === 'closed' ? c : null;
    });
    expect(closed.status).toBe('closed');
    const done = await api<{
      status: string;
      verdict: string | null;
      attempts: { method: string; outcome: string; satisfaction: string; solved: string }[];
    }>(`/api/follow-ups/${setup.followUpId}`, { token: setup.adminToken });
    expect(done.status).toBe('done');
    expect(done.verdict).toBe('close');
    expect(done.attempts).toMatchObject([
      { method: 'phone', outcome: 'reached', satisfaction: 'satisfied', solved: 'yes' },
    ]);

    // And the UI says the same: the task done, its attempt on record, the case closed.
    await page.goto(`${BASE_URL}/console/follow-ups/${setup.followUpId}`);
    await page.locator('[data-testid="follow-up-task"][data-status="done"]').waitFor();
    expect(await page.getByTestId('task-status').textContent()).toContain('已完成');
    expect(await page.getByTestId('follow-up-finished').textContent()).toContain('诉求随之结案');
    expect(await page.getByTestId('attempt-form').count()).toBe(0);
    const attempt = page.getByTestId('attempt-item');
    expect(await attempt.textContent()).toContain('联系上');
    expect(await attempt.textContent()).toContain('满意');
    expect(await attempt.textContent()).toContain('已解决');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await shootPage(page, 'follow-up-worker-done');

    await page.getByTestId('open-case').click();
    await page.locator(`[data-testid="case-detail"][data-case-id="${setup.caseId}"]`).waitFor();
    await page.locator('[data-testid="case-detail"][data-status="closed"]').waitFor();
    expect(await page.getByTestId('case-status').textContent()).toContain('已关闭');
    await shootPage(page, 'follow-up-worker-case-closed');

    await ctx.close();
  });
});

describe('the community admin hands a follow-up on and the worker appeals a dissatisfied rating, at 390 px', () => {
  it('reassigns from the admin’s list, records "dissatisfied, not solved", appeals it, and shows the street’s decision', async () => {
    // Demo tasks with no responsible worker fall to the admin, who hands them on.
    const setup = await resolvedRequest({
      residentFromEnd: 7,
      description: '1栋地下车库入口的灯坏了一排，晚上进出很黑',
      resolution: '物业已更换1栋车库入口灯管',
      assignTo: 'admin.cuiyulu',
    });

    const adminCtx = await phoneContext(browser);
    const admin = await adminCtx.newPage();
    await signIn(admin, 'admin.cuiyulu');
    await admin.goto(`${BASE_URL}/console/follow-ups`);
    const adminCard = await findCard(admin, setup.followUpId);
    expect(await pageWidth(admin)).toBeLessThanOrEqual(PHONE_WIDTH);
    await shootPage(admin, 'follow-up-worker-admin-list');
    await admin.getByTestId(`reassign-${setup.caseNumber}`).tap();
    const dialog = admin.getByTestId('reassign-dialog');
    await dialog.waitFor();
    expect(await admin.getByTestId('reassign-current').textContent()).toContain('廖莉');
    await admin.getByTestId('reassign-select').click();
    const option = admin.getByTestId('reassign-option-worker.cuiyulu');
    await option.waitFor();
    await settled(admin);
    await admin.screenshot({ path: shot('follow-up-worker-reassign-options') });
    await option.click();
    await settled(admin);
    await admin.screenshot({ path: shot('follow-up-worker-reassign') });
    expect(await pageWidth(admin)).toBeLessThanOrEqual(PHONE_WIDTH);
    await admin.getByTestId('reassign-submit').tap();
    await dialog.waitFor({ state: 'detached' });
    await admin.locator('.el-message--success', { hasText: '已改派给 周洋' }).waitFor();
    // Given away, it leaves the admin's own list.
    await adminCard.waitFor({ state: 'detached' });
    const handed = await api<{ assigneeName: string | null }>(
      `/api/follow-ups/${setup.followUpId}`,
      { token: setup.adminToken },
    );
    expect(handed.assigneeName).toBe('周洋');
    await adminCtx.close();

    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'worker.cuiyulu');
    await page.goto(`${BASE_URL}/console/follow-ups`);
    await findCard(page, setup.followUpId);
    await page.getByTestId(`record-${setup.caseNumber}`).tap();
    await page.getByTestId('attempt-form').waitFor();
    expect(await page.getByTestId('task-assignee').textContent()).toContain('周洋');
    // A worker does not reassign.
    expect(await page.getByTestId('reassign-open').count()).toBe(0);
    await page.getByTestId('method-phone').tap();
    await page.getByTestId('outcome-reached').tap();
    await page.getByTestId('satisfaction-dissatisfied').tap();
    await page.getByTestId('solved-no').tap();
    await page.getByTestId('notes-input').fill('居民说车库的灯和物业管理费有关，要求退费');
    await page.getByTestId('attempt-submit').tap();
    await page.getByTestId('my-follow-ups').waitFor();
    expect(await page.locator('.follow-up-saved').textContent()).toContain('退回整改');

    // The worker believes the rating is about the property fee, outside the request: appeal.
    await page.goto(`${BASE_URL}/console/follow-ups/${setup.followUpId}`);
    await page.locator('[data-testid="follow-up-task"][data-status="done"]').waitFor();
    await page.getByTestId('appeal-open').tap();
    await page.getByTestId('appeal-dialog').waitFor();
    expect(await page.getByTestId('appeal-rating').textContent()).toContain('不满意');
    await page.getByTestId('appeal-submit').tap();
    await page.getByTestId('appeal-field-reason').locator('.el-form-item__error').waitFor();
    await page
      .getByTestId('appeal-reason')
      .fill('居民不满的是物业管理费，不属于这件诉求，也不是社区的职责');
    await page
      .getByTestId('appeal-evidence')
      .fill('回访电话中居民明确表示灯已修好，不满的是物业费；通话记录见本次回访备注');
    await settled(page);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await page.screenshot({ path: shot('follow-up-worker-appeal-dialog') });
    await page.getByTestId('appeal-submit').tap();
    await page.getByTestId('appeal-dialog').waitFor({ state: 'detached' });
    await page.locator('.el-message--success', { hasText: '等待街道管理员复核' }).waitFor();
    const appeal = page.getByTestId('attempt-appeal');
    await appeal.waitFor();
    expect(await appeal.getAttribute('data-status')).toBe('pending');
    expect(await page.getByTestId('appeal-status').textContent()).toContain('申诉待复核');
    expect(await page.getByTestId('appeal-open').count()).toBe(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await shootPage(page, 'follow-up-worker-appealed');

    // The street admin decides; the record shows who, why, and that the rating no longer counts.
    const streetToken = await staffLogin('street.cuiyun');
    const detail = await api<{ attempts: { appeal: { id: string } | null }[] }>(
      `/api/follow-ups/${setup.followUpId}`,
      { token: setup.adminToken },
    );
    const appealId = detail.attempts[0]!.appeal!.id;
    await api(`/api/follow-up-appeals/${appealId}/decision`, {
      method: 'POST',
      token: streetToken,
      body: JSON.stringify({
        decision: 'upheld',
        reason: '核实通话记录，不满针对物业收费，不计入',
      }),
    });
    await page.reload();
    await page.locator('[data-testid="attempt-appeal"][data-status="upheld"]').waitFor();
    expect(await page.getByTestId('appeal-status').textContent()).toContain('申诉已支持');
    expect(await page.getByTestId('appeal-decision').textContent()).toContain('核实通话记录');
    expect(await page.getByTestId('attempt-excluded').textContent()).toContain('不计入满意度');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await shootPage(page, 'follow-up-worker-appeal-upheld');

    await ctx.close();
  });
});
