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
import { residentLogin } from './resident-app';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

/** A resident of 尚格博园 other than the demo one, found the way desk staff would (the read is audited). */
async function shanggeResident(): Promise<{ phone: string; name: string; deskId: string }> {
  const { accessToken: token } = await api<{ accessToken: string }>('/api/auth/staff/login', {
    method: 'POST',
    body: JSON.stringify({ username: 'desk.cuiyulu', password: DEMO_PASSWORD }),
  });
  const [community] = await api<{ id: string }[]>('/api/communities', { token });
  const compounds = await api<{ id: string; name: string }[]>(
    `/api/communities/${community!.id}/compounds`,
    { token },
  );
  const shangge = compounds.find((c) => c.name === '尚格博园')!;
  const desks = await api<{ id: string; compoundId: string | null }[]>(
    `/api/communities/${community!.id}/desks`,
    { token },
  );
  const residents = await api<{
    items: { id: string; name: string; compoundId: string; phoneMasked: string }[];
  }>(`/api/residents?communityId=${community!.id}&pageSize=200`, { token });
  const r = residents.items.find(
    (x) => x.compoundId === shangge.id && !x.phoneMasked.startsWith('138'),
  )!;
  const contact = await api<{ phone: string }>(`/api/residents/${r.id}/contact`, { token });
  return {
    phone: contact.phone,
    name: r.name,
    deskId: desks.find((d) => d.compoundId === shangge.id)!.id,
  };
}

/** Every lifecycle action opens the confirmation dialog; it closes once the change is saved. */
async function runAction(
  page: Page,
  action: string,
  text?: { testId: string; value: string },
): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  const confirm = page.getByTestId('action-confirm');
  await confirm.waitFor({ state: 'visible' });
  if (text) await page.getByTestId(text.testId).fill(text.value);
  await confirm.click();
  await confirm.waitFor({ state: 'hidden' });
}

describe('a request from the resident app to the desk and back, live', () => {
  it('appears on the open workbench without reload, and the resident sees it resolved', async () => {
    const who = await shanggeResident();

    const staffCtx = await desktopContext(browser);
    const desk = await staffCtx.newPage();
    await desk.goto(`${BASE_URL}/console/login`);
    await desk.getByTestId('login-username').fill('worker.cuiyulu');
    await desk.getByTestId('login-password').fill(DEMO_PASSWORD);
    await desk.getByTestId('login-submit').click();
    await desk.getByTestId('user-menu').waitFor();
    await desk.goto(`${BASE_URL}/console/workbench?desk=${who.deskId}`);
    await desk.getByTestId('workbench').waitFor();
    await desk.locator('[data-testid="socket-status"][data-connected="true"]').waitFor();

    const residentCtx = await phoneContext(browser);
    const app = await residentCtx.newPage();
    await residentLogin(app, who.phone);
    await app.getByTestId('new-request').click();
    await app.locator('[data-testid="kind-option"][data-kind="concern"]').click();
    await app.locator('[data-testid="category-option"][data-code="stair_light"]').click();
    await app.getByTestId('description-input').fill('3栋2单元楼道灯坏了，晚上上下楼看不见');
    await app.getByTestId('place-input').fill('3栋2单元');
    await app.screenshot({ path: shot('cases-resident-form'), fullPage: true });
    await app.getByTestId('submit-request').click();
    await app.locator('[data-testid="request-detail"][data-status="submitted"]').waitFor();
    const caseId = app.url().split('/').pop()!;
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);

    // The worker's page was open all along: the new request arrives by push.
    const row = desk.locator(`[data-testid="queue-row"][data-case-id="${caseId}"]`);
    await row.waitFor({ timeout: 15_000 });
    await desk.screenshot({ path: shot('cases-workbench-live'), fullPage: true });

    await row.click();
    await desk.locator('[data-testid="case-detail"]').waitFor();
    await runAction(desk, 'accept');
    await desk.locator('[data-testid="case-detail"][data-status="accepted"]').waitFor();
    await runAction(desk, 'resolve', {
      testId: 'resolution-input',
      value: '已更换3栋2单元楼道灯泡，恢复照明',
    });
    await desk.locator('[data-testid="case-detail"][data-status="resolved"]').waitFor();
    await desk.screenshot({ path: shot('cases-worker-resolved'), fullPage: true });

    // And the resident's open page follows, again without reload.
    await app
      .locator('[data-testid="request-detail"][data-status="resolved"]')
      .waitFor({ timeout: 15_000 });
    // The timeline reloads after the push: wait for its third entry rather than count too early.
    await app.getByTestId('timeline-item').nth(2).waitFor();
    expect(await app.getByTestId('timeline-item').count()).toBeGreaterThanOrEqual(3);
    await app.screenshot({ path: shot('cases-resident-resolved'), fullPage: true });
    await staffCtx.close();
    await residentCtx.close();
  });
});
