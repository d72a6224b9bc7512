import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, DEMO_PASSWORD, desktopContext, launch, shot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

// Numbers no demo resident holds (the demo's are 13x): unique per run.
const stamp = String(Date.now()).slice(-7);
const REGISTERED_PHONE = `1990${stamp}`;
const CALLER_PHONE = `1980${stamp}`;
const SELF_REGISTERED_PHONE = `1970${stamp}`;
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${BASE_URL}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A resident registering themselves in the app, as the resident app does it. */
async function selfRegister(phone: string, name: string, communityName: string): Promise<void> {
  const { devCode } = await api<{ devCode: string }>('/api/auth/resident/otp', { phone });
  const { registrationToken } = await api<{ registrationToken: string }>(
    '/api/auth/resident/login',
    { phone, code: devCode },
  );
  const communities = await api<{ id: string; name: string }[]>('/api/public/communities');
  const community = communities.find((c) => c.name === communityName)!;
  await api('/api/auth/resident/register', {
    registrationToken,
    name,
    foreign: false,
    communityId: community.id,
  });
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

/** Opens an Element Plus select and picks an option (the first, or the one with this text). */
async function pick(page: Page, testId: string, text?: string): Promise<void> {
  await page.getByTestId(testId).click();
  const options = page.locator('.el-select-dropdown__item:visible');
  await (text ? options.filter({ hasText: text }).first() : options.first()).click();
}

/** Files the intake form; a repeat prompt, if any, is answered "not the same matter". */
async function fileAndOpen(page: Page, description: string): Promise<string> {
  await page.getByTestId('intake-description').fill(description);
  await page.getByTestId('intake-submit').click();
  const detail = page.locator('[data-testid="case-detail"]:not([data-case-id=""])');
  const dismiss = page.getByTestId('repeat-dismiss');
  await Promise.race([detail.waitFor(), dismiss.first().waitFor()]);
  if (await dismiss.first().isVisible()) await dismiss.first().click();
  await detail.waitFor();
  return (await page.getByTestId('case-number').textContent())?.trim() ?? '';
}

/** Show contact → the audited-read confirmation → the full number. */
async function readContact(page: Page, testId: string, phone: string, name: string) {
  await page.getByTestId(testId).click();
  const box = page.locator('.el-message-box');
  await box.waitFor();
  expect(await box.textContent()).toContain('审计日志');
  await settled(page);
  await page.screenshot({ path: shot(`${name}-confirm`) });
  await page.locator('.contact-reveal-confirm').click();
  const shown = page.getByTestId('contact-phone');
  await shown.waitFor();
  expect((await shown.textContent())?.trim()).toBe(phone);
  expect(await shown.getAttribute('href')).toBe(`tel:${phone}`);
  await settled(page);
  await page.screenshot({ path: shot(`${name}-shown`) });
  await page.keyboard.press('Escape');
  await shown.waitFor({ state: 'hidden' });
}

describe('a walk-in at the desk, the audited contact read and the ledger', () => {
  it('registers a caller at intake, reads the number back after confirming, and the admin sees the read in words', async () => {
    const deskCtx = await desktopContext(browser);
    const desk = await deskCtx.newPage();
    await signIn(desk, 'desk.cuiyulu');

    // 1. A caller not on record: searched, not found, registered as a resident of the community.
    await desk.goto(`${BASE_URL}/console/cases/new`);
    await desk.getByTestId('intake').waitFor();
    await pick(desk, 'intake-category');
    await desk.getByTestId('intake-resident').click();
    await desk.getByTestId('intake-resident').locator('input').fill('钱秀英');
    await desk.getByText('未找到居民').waitFor();
    await desk.keyboard.press('Escape');
    await desk.getByTestId('intake-register-resident').click();
    await desk.getByTestId('register-form').waitFor();
    expect(await desk.getByTestId('register-name').inputValue()).toBe('钱秀英');
    await desk.getByTestId('register-phone').fill(REGISTERED_PHONE);
    await settled(desk);
    await desk.screenshot({ path: shot('walkin-register-dialog') });
    await desk.getByTestId('register-submit').click();
    await desk.getByTestId('register-form').waitFor({ state: 'hidden' });
    await settled(desk);
    await desk.screenshot({ path: shot('walkin-intake-registered'), fullPage: true });
    const registeredCase = await fileAndOpen(desk, '钱秀英来窗口咨询居住证明的办理材料');

    // The case holds the number masked; the audited read gives it back in full.
    expect(await desk.getByText(`${REGISTERED_PHONE.slice(0, 3)}****`).count()).toBeGreaterThan(0);
    await readContact(desk, 'show-contact', REGISTERED_PHONE, 'walkin-resident-contact');

    // 2. A caller recorded on the request only (not registered): the number is readable too.
    await desk.goto(`${BASE_URL}/console/cases/new`);
    await desk.getByTestId('intake').waitFor();
    await pick(desk, 'intake-category');
    await desk.getByTestId('intake-resident-mode').getByText('来访人（未注册）').click();
    await desk.getByTestId('intake-walkin-name').fill('孙建华');
    await desk.getByTestId('intake-walkin-phone').fill(CALLER_PHONE);
    const callerCase = await fileAndOpen(desk, '孙建华来电反映小区门口路灯不亮');
    await readContact(desk, 'show-contact', CALLER_PHONE, 'walkin-caller-contact');
    await deskCtx.close();

    // 3. The community admin reads both views in the ledger, in words (here in English).
    const adminCtx = await desktopContext(browser, 'en-US');
    const admin = await adminCtx.newPage();
    await signIn(admin, 'admin.cuiyulu');
    await admin.goto(`${BASE_URL}/console/audit?action=personal_data.read`);
    const rows = admin.locator('[data-testid="audit-table"] .el-table__body tr.el-table__row');
    await rows.first().waitFor();
    const callerRow = rows.filter({ hasText: callerCase }).first();
    await callerRow.waitFor();
    const callerText = (await callerRow.textContent()) ?? '';
    expect(callerText).toContain('Viewed personal data');
    expect(callerText).toContain('Request');
    expect(callerText).toContain('walk-in caller');
    expect(callerText).not.toContain(CALLER_PHONE);

    const residentRow = rows.filter({ hasText: '钱*' }).first();
    await residentRow.waitFor();
    const residentText = (await residentRow.textContent()) ?? '';
    expect(residentText).toContain('Viewed personal data');
    expect(residentText).toContain('Resident');
    expect(residentText).toContain('read: name, phone, ID number');
    expect(residentText).toContain('Open the request');
    expect(residentText).not.toContain('钱秀英');
    await settled(admin);
    await admin.screenshot({ path: shot('walkin-audit-en'), fullPage: true });

    // The row's link opens the request the number was read through.
    await residentRow.getByTestId('audit-via-case').click();
    await admin.locator('[data-testid="case-detail"]').waitFor();
    expect((await admin.getByTestId('case-number').textContent())?.trim()).toBe(registeredCase);
    await adminCtx.close();
  });

  it('lets the desk merge a self-registration of the same person into the resident on record', async () => {
    await selfRegister(SELF_REGISTERED_PHONE, '钱秀英', '翠渝路社区');

    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'desk.cuiyulu');
    await page.getByTestId('nav-resident-checks').click();
    const row = page
      .locator('[data-testid="checks-table"] tr.el-table__row')
      .filter({ hasText: masked(SELF_REGISTERED_PHONE) });
    await row.waitFor();
    await settled(page);
    await page.screenshot({ path: shot('walkin-resident-checks'), fullPage: true });

    await row.getByTestId('check-merge').click();
    await page.getByTestId('merge-search').click();
    await page.getByTestId('merge-search').locator('input').fill('钱秀英');
    await page
      .locator('.el-select-dropdown__item:visible')
      .filter({ hasText: masked(REGISTERED_PHONE) })
      .click();
    const moves = page.getByTestId('merge-moves');
    await moves.waitFor();
    expect(await moves.textContent()).toContain(
      `钱** 的登录手机号改为 ${masked(SELF_REGISTERED_PHONE)}（原为 ${masked(REGISTERED_PHONE)}）`,
    );
    await page.getByTestId('merge-sure').click();
    await settled(page);
    await page.screenshot({ path: shot('walkin-merge-dialog') });
    await page.getByTestId('merge-submit').click();
    await moves.waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'detached' });
    await ctx.close();
  });
});
