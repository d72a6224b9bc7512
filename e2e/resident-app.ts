import type { Page } from 'playwright-core';
import { api, BASE_URL } from './browser';

// What the resident-side browser tests share: signing in on the page, or a token for the API.

/** Signs in with the dev code the login page shows outside production. */
export async function residentLogin(page: Page, phone: string): Promise<void> {
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

/** A resident's token through the API (the dev code comes back outside production). */
export async function residentToken(phone: string): Promise<string> {
  const { devCode } = await api<{ devCode: string }>('/api/auth/resident/otp', {
    method: 'POST',
    body: JSON.stringify({ phone }),
  });
  const { accessToken } = await api<{ accessToken: string }>('/api/auth/resident/login', {
    method: 'POST',
    body: JSON.stringify({ phone, code: devCode }),
  });
  return accessToken;
}
