import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, desktopContext, launch, phoneContext } from './browser';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const SOME_ID = '2f1c6f0e-3b7d-4c59-9a55-0d6a4b0e9e21';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

describe('serving the built front ends', () => {
  it('serves every file the apps load, and 404 for files and paths that are not there', async () => {
    for (const app of ['/', '/console/']) {
      const page = await fetch(`${BASE_URL}${app}`, { headers: { accept: HTML } });
      expect(page.status).toBe(200);
      const html = await page.text();
      const files = [...html.matchAll(/(?:src|href)="([^"]*\/assets\/[^"]+)"/g)].map((m) => m[1]!);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect((await fetch(`${BASE_URL}${file}`)).status, file).toBe(200);
    }
    for (const path of [
      '/assets/index-gone.js',
      '/console/assets/index-gone.css',
      '/favicon.ico',
      '/wp-login.php',
      '/.env',
    ]) {
      const res = await fetch(`${BASE_URL}${path}`, { headers: { accept: HTML } });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
    }
  });

  it('opens deep links of both apps in a browser', async () => {
    const desk = await desktopContext(browser, 'en-US');
    const consolePage = await desk.newPage();
    const consoleRes = await consolePage.goto(`${BASE_URL}/console/cases/${SOME_ID}`);
    expect(consoleRes?.status()).toBe(200);
    // Signed out: the console's own router takes over and asks for a sign-in.
    await consolePage.getByTestId('login-username').waitFor();
    await desk.close();

    const phone = await phoneContext(browser, 'en-US');
    const residentPage = await phone.newPage();
    const residentRes = await residentPage.goto(`${BASE_URL}/requests/${SOME_ID}`);
    expect(residentRes?.status()).toBe(200);
    // Signed out: the resident app's router sends the deep link to its sign-in page.
    await residentPage.getByTestId('phone-input').waitFor();
    const missing = await residentPage.goto(`${BASE_URL}/assets/index-gone.js`);
    expect(missing?.status()).toBe(404);
    await phone.close();
  });
});
