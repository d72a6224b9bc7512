import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BASE_URL, DEMO_PASSWORD, launch, phoneContext, shot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

const PHONE_WIDTH = 390;

interface Setup {
  followUpId: string;
  caseId: string;
  caseNumber: string;
  phone: string;
  adminToken: string;
}

async function staffLogin(username: string): Promise<string> {
  const { accessToken } = await api<{ accessToken: string }>('/api/auth/staff/login', {
    method: 'POST',
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  return accessToken;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined>): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * A stairwell-light request of a 翠渝路 resident no other browser test uses (never signed in:
 * only staff act here), resolved at the desk. Its follow-up is scheduled by the server's
 * reaction; the community admin gives it to 周洋 (worker.cuiyulu) when it went elsewhere.
 */
async function resolvedRequestForWorker(): Promise<Setup> {
  const token = await staffLogin('desk.cuiyulu');
  const me = await api<{ deskId: string | null }>('/api/auth/me', { token });
  const [community] = await api<{ id: string }[]>('/api/communities', { token });
  const compounds = await api<{ id: string; name: string }[]>(
    `/api/communities/${community!.id}/compounds`,
    { token },
  );
  const shangge = compounds.find((c) => c.name === '尚格博园')!;
  const residents = await api<{
    items: { id: string; compoundId: string | null; phoneMasked: string }[];
  }>(`/api/residents?communityId=${community!.id}&pageSize=200`, { token });
  const resident = residents.items
    .filter((r) => r.compoundId && r.compoundId !== shangge.id && !r.phoneMasked.startsWith('138'))
    .at(-6)!;
  const { phone } = await api<{ phone: string }>(`/api/residents/${resident.id}/contact`, {
    token,
  });
  const categories = await api<{ id: string; code: string }[]>('/api/categories?kind=concern', {
    token,
  });
  const category = categories.find((c) => c.code === 'stair_light')!;
  const created = await api<{ id: string; number: string; version: number }>('/api/cases', {
    method: 'POST',
    token,
    headers: { 'Idempotency-Key': `e2e-follow-up-worker-${Date.now()}` },
    body: JSON.stringify({
      categoryId: category.id,
      channel: 'desk',
      residentId: resident.id,
      compoundId: resident.compoundId,
      ...(me.deskId ? { deskId: me.deskId } : {}),
      description: '2栋3单元三楼楼道灯坏了，老人晚上上下楼不方便',
      place: '2栋3单元三楼',
    }),
  });
  let version = created.version;
  for (const body of [
    { action: 'accept' },
    { action: 'resolve', resolution: '物业已更换2栋3单元三楼声控灯' },
  ]) {
    version = (
      await api<{ version: number }>(`/api/cases/${created.id}/transitions`, {
        method: 'POST',
        token,
        body: JSON.stringify({ ...body, version }),
      })
    ).version;
  }

  const adminToken = await staffLogin('admin.cuiyulu');
  const task = await until('the scheduled follow-up', async () => {
    const page = await api<{ items: { id: string; assigneeId: string | null }[] }>(
      `/api/follow-ups?caseId=${created.id}`,
      { token: adminToken },
    );
    return page.items[0];
  });
  const staff = await api<{ id: string; username: string }[]>(
    `/api/staff?communityId=${community!.id}`,
    { token: adminToken },
  );
  const worker = staff.find((s) => s.username === 'worker.cuiyulu')!;
  if (task.assigneeId !== worker.id) {
    await api(`/api/follow-ups/${task.id}/assign`, {
      method: 'POST',
      token: adminToken,
      body: JSON.stringify({ assigneeId: worker.id }),
    });
  }
  return {
    followUpId: task.id,
    caseId: created.id,
    caseNumber: created.number,
    phone,
    adminToken,
  };
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${BASE_URL}/console/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** Waits until dialogs and toasts have finished fading in or out, so a screenshot shows them still. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running'),
  );
}

/** A full-page shot taken from the top: from a scrolled page the sticky header covers content. */
async function shootPage(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await settled(page);
  await page.screenshot({ path: shot(name), fullPage: true });
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('a community worker records a phone follow-up at 390 px width', () => {
  it('finds the task, reads the script, calls the resident, records "satisfied, solved" and the case closes', async () => {
    const setup = await resolvedRequestForWorker();
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'worker.cuiyulu');

    // The menu lives in a drawer on a phone.
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('nav-follow-ups').click();
    await page.getByTestId('my-follow-ups').waitFor();
    const card = page.locator(
      `[data-testid="follow-up-row"][data-follow-up-id="${setup.followUpId}"]`,
    );
    // Soonest due first: a task due in three working days may sit behind older ones.
    await page
      .locator('[data-testid="follow-up-list"], [data-testid="follow-ups-empty"]')
      .waitFor();
    while (!(await card.isVisible())) {
      const next = page.locator('[data-testid="follow-up-pages"] .btn-next:not([disabled])');
      if ((await next.count()) === 0) throw new Error('the follow-up is not in the list');
      await next.click();
      await page.waitForTimeout(300);
    }
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
