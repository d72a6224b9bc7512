import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BASE_URL, DEMO_PASSWORD, launch, phoneContext, shot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

/** A mainland mobile number nobody holds yet: 139 and eight digits from the clock. */
function freshPhone(): string {
  return `139${String(Date.now()).slice(-8)}`;
}

async function otp(phone: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${BASE_URL}/api/auth/resident/otp`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ phone }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The phone of a resident on record in 和睦路 whom no other browser test signs in with. */
async function registeredPhone(): Promise<string> {
  const { accessToken: token } = await api<{ accessToken: string }>('/api/auth/staff/login', {
    method: 'POST',
    body: JSON.stringify({ username: 'admin.hemulu', password: DEMO_PASSWORD }),
  });
  const [community] = await api<{ id: string }[]>('/api/communities', { token });
  const { items } = await api<{ items: { id: string }[] }>(
    `/api/residents?communityId=${community!.id}&pageSize=20`,
    { token },
  );
  return (await api<{ phone: string }>(`/api/residents/${items.at(-1)!.id}/contact`, { token }))
    .phone;
}

describe('a foreign resident who just moved in registers on a phone, in English', () => {
  it('asks for a code like any phone, registers in 和睦路, submits at once and is shown unverified', async () => {
    const phone = freshPhone();

    // Nobody can tell a registered phone from a new one by the code answer.
    const known = await otp(await registeredPhone());
    const unknown = await otp(`138${String(Date.now()).slice(-8)}`);
    expect(unknown.status).toBe(known.status);
    expect(Object.keys(unknown.body).sort()).toEqual(Object.keys(known.body).sort());
    expect(unknown.body.sent).toBe(true);

    const ctx = await phoneContext(browser, 'en-US');
    const page = await ctx.newPage();
    await page.goto(`${BASE_URL}/login`);
    await page.getByTestId('phone-input').fill(phone);
    await page.getByTestId('send-code').click();
    const devCode = page.getByTestId('dev-code').filter({ hasText: /\d{6}/ });
    await devCode.waitFor();
    const code = ((await devCode.textContent()) ?? '').match(/\d{6}/)?.[0];
    expect(code).toMatch(/^\d{6}$/);
    await page.getByTestId('code-input').fill(code!);
    await page.getByTestId('login-submit').click();

    // A new phone with the right code goes on to register, not to an error.
    await page.waitForURL((url) => url.pathname === '/register');
    await page.getByTestId('name-input').waitFor();
    await page.screenshot({ path: shot('register-empty-en'), fullPage: true });

    // Submitting nothing names what is missing, next to each field, in English.
    await page.getByTestId('register-submit').click();
    await expect
      .poll(() => page.locator('.van-field__error-message').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/name/i)]));

    await page.getByTestId('foreign-switch').click();
    await expect.poll(() => page.getByTestId('nationality-field').isVisible()).toBe(true);
    await page.getByTestId('name-input').fill('KIM MINJI');
    await page.getByTestId('nationality-field').click();
    await page.getByTestId('nationality-search').locator('input').fill('Korea');
    const korea = page.locator('[data-testid="nationality-option"][data-value="KR"]');
    await korea.click();
    await expect
      .poll(() => page.getByTestId('nationality-field').getAttribute('data-value'))
      .toBe('KR');
    expect(await page.getByTestId('nationality-field').textContent()).toContain('Korea');

    // English is the language this app runs in: it is the one chosen for messages.
    expect(
      await page.locator('[data-testid="language-choice"] [aria-checked="true"]').textContent(),
    ).toMatch(/English/);

    await page.getByTestId('community-field').click();
    await page.getByTestId('community-search').locator('input').fill('Hemu');
    const options = page.getByTestId('community-option');
    await options.first().waitFor();
    expect(await options.first().textContent()).toContain('Hemu Road');
    await options.first().click();
    expect(await page.getByTestId('community-field').textContent()).toContain(
      'Hemu Road Community',
    );

    await page.getByTestId('compound-field').click();
    const compounds = page.locator('[data-testid="compound-option"]:not([data-value=""])');
    await compounds.first().waitFor();
    const compoundName = (
      (await compounds.first().locator('.search-picker__label').textContent()) ?? ''
    ).trim();
    // English names for compounds too: no Chinese in the list an English reader picks from.
    expect(compoundName).not.toMatch(/[\u4e00-\u9fff]/);
    await compounds.first().click();
    await page.getByTestId('compound-picker').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('compound-field').textContent()).toContain(compoundName);
    await page.screenshot({ path: shot('register-filled-en'), fullPage: true });

    await page.getByTestId('register-submit').click();
    await page.waitForURL((url) => url.pathname !== '/register');
    await page.getByTestId('home-greeting').waitFor();
    expect(await page.getByTestId('home-greeting').textContent()).toContain('KIM MINJI');

    // The first request at once; the form says the registration awaits confirmation and names
    // the compound chosen above.
    await page.getByTestId('new-request').click();
    await page.locator('[data-testid="kind-option"][data-kind="concern"]').click();
    await page.getByTestId('category-option').first().click();
    await page
      .getByTestId('description-input')
      .fill('The stair light on floor 3 has been out for a week.');
    await page.getByTestId('place-input').fill('Building 3, stair 2');
    await page.getByTestId('unverified-note').waitFor();
    expect(await page.getByTestId('compound-field').locator('input').inputValue()).toContain(
      compoundName,
    );
    await page.screenshot({ path: shot('register-first-request-en'), fullPage: true });
    await page.getByTestId('submit-request').click();
    await page.locator('[data-testid="request-detail"][data-status="submitted"]').waitFor();
    await page.screenshot({ path: shot('register-request-submitted-en'), fullPage: true });

    await page.goto(`${BASE_URL}/me`);
    await page.getByTestId('me-profile').waitFor();
    expect(await page.getByTestId('verification').textContent()).toContain('Awaiting confirmation');
    await page.screenshot({ path: shot('register-me-unverified-en'), fullPage: true });
    await ctx.close();
  });
});
