import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  BASE_URL,
  DEMO_PASSWORD,
  desktopContext,
  launch,
  phoneContext,
  shot,
} from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

interface Setup {
  deskId: string;
  caseId: string;
  phone: string;
}

async function staffLogin(username: string): Promise<string> {
  const { accessToken } = await api<{ accessToken: string }>('/api/auth/staff/login', {
    method: 'POST',
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  return accessToken;
}

/**
 * A request of a 翠渝路 resident whom no other browser test signs in with (a phone that just
 * asked for a code is refused for a minute): not of 尚格博园, not the demo resident, taken in at
 * the desk staff's own desk, accepted and resolved there.
 */
async function resolvedRequest(): Promise<Setup> {
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
    .at(-3)!;
  const { phone } = await api<{ phone: string }>(`/api/residents/${resident.id}/contact`, {
    token,
  });
  const categories = await api<{ id: string; code: string }[]>('/api/categories?kind=concern', {
    token,
  });
  const category = categories.find((c) => c.code === 'stair_light') ?? categories[0]!;
  const created = await api<{ id: string; version: number; deskId: string }>('/api/cases', {
    method: 'POST',
    token,
    headers: { 'Idempotency-Key': `e2e-follow-up-${Date.now()}` },
    body: JSON.stringify({
      categoryId: category.id,
      channel: 'desk',
      residentId: resident.id,
      compoundId: resident.compoundId,
      ...(me.deskId ? { deskId: me.deskId } : {}),
      description: '5栋1单元楼道灯不亮，晚上回家看不清台阶',
      place: '5栋1单元楼道',
    }),
  });
  let version = created.version;
  for (const body of [
    { action: 'accept' },
    { action: 'resolve', resolution: '已更换5栋1单元楼道灯泡，恢复照明' },
  ]) {
    version = (
      await api<{ version: number }>(`/api/cases/${created.id}/transitions`, {
        method: 'POST',
        token,
        body: JSON.stringify({ ...body, version }),
      })
    ).version;
  }
  return { deskId: created.deskId, caseId: created.id, phone };
}

async function residentLogin(page: Page, phone: string): Promise<void> {
  await page.goto(`${BASE_URL}/login`);
  await page.getByTestId('phone-input').fill(phone);
  await page.getByTestId('send-code').click();
  const devCode = page.getByTestId('dev-code').filter({ hasText: /\d{6}/ });
  await devCode.waitFor();
  const code = ((await devCode.textContent()) ?? '').match(/\d{6}/)![0];
  await page.getByTestId('code-input').fill(code);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-greeting').waitFor();
}

describe('a resident rates a resolved request "not solved" on a phone', () => {
  it('reopens it: the desk’s open workbench shows it again live, the resident sees it reopened', async () => {
    const setup = await resolvedRequest();

    // The desk's workbench is open all along; the resolved case is not among its open work.
    const staffCtx = await desktopContext(browser);
    const desk = await staffCtx.newPage();
    await desk.goto(`${BASE_URL}/console/login`);
    await desk.getByTestId('login-username').fill('desk.cuiyulu');
    await desk.getByTestId('login-password').fill(DEMO_PASSWORD);
    await desk.getByTestId('login-submit').click();
    await desk.getByTestId('user-menu').waitFor();
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
