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

async function token(username: string): Promise<{ token: string; deskId: string | null }> {
  const s = await api<{ accessToken: string; user: { deskId?: string | null } }>(
    '/api/auth/staff/login',
    { method: 'POST', body: JSON.stringify({ username, password: DEMO_PASSWORD }) },
  );
  return { token: s.accessToken, deskId: s.user.deskId ?? null };
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${BASE_URL}/console/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/**
 * The phone of a resident of 尚格博园 whom no other browser test signs in with (a code a phone
 * asked for shortly before is refused), read the way desk staff would (the read is audited).
 */
async function shanggeResidentPhone(): Promise<string> {
  const { token: t } = await token('desk.cuiyulu');
  const [community] = await api<{ id: string }[]>('/api/communities', { token: t });
  const compounds = await api<{ id: string; name: string }[]>(
    `/api/communities/${community!.id}/compounds`,
    { token: t },
  );
  const shangge = compounds.find((c) => c.name === '尚格博园')!;
  const { items } = await api<{ items: { id: string; compoundId: string | null }[] }>(
    `/api/residents?communityId=${community!.id}&pageSize=200`,
    { token: t },
  );
  const resident = items.filter((r) => r.compoundId === shangge.id).at(-1)!;
  return (await api<{ phone: string }>(`/api/residents/${resident.id}/contact`, { token: t }))
    .phone;
}

interface PublicDesk {
  id: string;
  name: string;
  communityId: string;
  openNow: boolean;
  closesAt: string | null;
}

const DAY_MS = 86_400_000;

describe('24-hour desks', () => {
  it('read "open 24 hours" in the console and the resident app, never a closing days away', async () => {
    const desks = await api<PublicDesk[]>('/api/public/desks?limit=200');
    const allDay = desks.filter((d) => d.name.includes('24小时'));
    expect(allDay.length).toBeGreaterThan(0);
    const open = allDay.filter(
      (d) => d.openNow && (!d.closesAt || Date.parse(d.closesAt) - Date.now() >= DAY_MS),
    );
    expect(open.length, 'a demo 24-hour point is open around the clock now').toBeGreaterThan(0);
    const desk = open[0]!;

    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'bureau');
    await page.goto(`${BASE_URL}/console/communities/${desk.communityId}`);
    await page.getByTestId('desks-tab').click();
    const card = page.getByTestId('desk-card').filter({ hasText: desk.name });
    await card.waitFor();
    expect((await card.getByTestId('open-state-detail').textContent())?.trim()).toBe('24 小时开放');
    // No desk card in the community names a closing time more than a day away.
    for (const text of await page.getByTestId('open-state-detail').allTextContents()) {
      expect(text).not.toMatch(/周|星期|\d+月/);
    }
    await card.screenshot({ path: shot('details-24h-console-card') });

    await page.goto(`${BASE_URL}/console/desks/${desk.id}`);
    await page.getByTestId('open-state-detail').waitFor();
    expect((await page.getByTestId('open-state-detail').textContent())?.trim()).toBe('24 小时开放');
    await page.screenshot({ path: shot('details-24h-console-desk'), fullPage: true });
    await ctx.close();

    const phone = await phoneContext(browser, 'en-US');
    const resident = await phone.newPage();
    await resident.goto(`${BASE_URL}/desks/${desk.id}`);
    await resident.getByTestId('desk-detail').waitFor();
    const next = resident.getByTestId('desk-next-change').first();
    await next.waitFor();
    expect(await next.textContent()).toContain('open 24 hours');
    expect(await resident.getByTestId('desk-detail').textContent()).not.toMatch(/closes/i);
    await resident.screenshot({ path: shot('details-24h-resident'), fullPage: true });
    await phone.close();
  });
});

interface QueueItem {
  id: string;
  status: string;
  sla: { acceptDueAt: string | null; resolveDueAt: string | null };
}

function dueOf(c: QueueItem): number | null {
  const at =
    c.status === 'submitted'
      ? c.sla.acceptDueAt
      : ['accepted', 'in_progress', 'waiting_third_party'].includes(c.status)
        ? c.sla.resolveDueAt
        : null;
  return at ? Date.parse(at) : null;
}

/** Every row: the red mark, the row's flag and the countdown's wording agree. */
async function marksAgree(page: Page): Promise<{ id: string; overdue: boolean }[]> {
  const rows = await page.getByTestId('queue-row').evaluateAll((els) =>
    els.map((el) => {
      const label = el.querySelector('[data-testid="due-label"]');
      return {
        id: el.getAttribute('data-case-id') ?? '',
        row: el.getAttribute('data-overdue'),
        label: label?.getAttribute('data-overdue') ?? null,
        text: label?.querySelector('.due-label__text')?.textContent ?? '',
        red: el.classList.contains('queue-row--overdue'),
        icon: !!el.querySelector('.queue-row__alert'),
      };
    }),
  );
  for (const r of rows) {
    const overdue = r.row === 'true';
    expect(r.label, r.id).toBe(r.row);
    expect(r.red, r.id).toBe(overdue);
    expect(r.icon, r.id).toBe(overdue);
    if (r.text.includes('暂停') || r.text === '—') expect(overdue, r.id).toBe(false);
    else expect(r.text.includes('已超时'), `${r.id}: ${r.text}`).toBe(overdue);
  }
  return rows.map((r) => ({ id: r.id, overdue: r.row === 'true' }));
}

describe('the desk workbench', () => {
  // The flip itself at the deadline is a unit test of the workbench (fake timers); here every
  // row of a real desk's queue must agree with itself and with its deadline.
  it('shows the countdown and the overdue mark together, as the deadlines say', async () => {
    // A request of its own, so the desk has open work in time whatever the demo left open.
    const { token: t, deskId } = await token('desk.cuiyulu');
    const [category] = await api<{ id: string }[]>('/api/categories?kind=concern', { token: t });
    const created = await api<{ id: string }>('/api/cases', {
      method: 'POST',
      token: t,
      headers: { 'idempotency-key': `marks-${Date.now()}` },
      body: JSON.stringify({
        categoryId: category!.id,
        description: '党群服务中心门口的路灯不亮了。',
        channel: 'desk',
        walkIn: { name: '刘芳' },
        deskId,
      }),
    });

    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    const queue = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/cases' && r.request().method() === 'GET',
    );
    await signIn(page, 'desk.cuiyulu');
    await page.locator(`[data-testid="queue-row"][data-case-id="${created.id}"]`).waitFor();
    const { items } = (await (await queue).json()) as { items: QueueItem[] };
    const shown = await marksAgree(page);
    expect(shown.find((r) => r.id === created.id)?.overdue).toBe(false);
    const now = Date.now();
    for (const row of shown) {
      const item = items.find((c) => c.id === row.id);
      const due = item ? dueOf(item) : null;
      // A minute either side of a deadline may be read before or after the tick.
      if (!item || due === null || Math.abs(due - now) < 60_000) continue;
      expect(row.overdue, row.id).toBe(item.status !== 'waiting_resident' && due < now);
    }
    await page.screenshot({ path: shot('details-overdue-marks'), fullPage: true });
    await ctx.close();
  });

  it('keeps the side menu on screen at the bottom of a long page', async () => {
    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'admin.cuiyulu');
    const { deskId } = await token('desk.cuiyulu');
    await page.goto(`${BASE_URL}/console/workbench?desk=${deskId}&status=all&size=50`);
    await page.getByTestId('queue-row').nth(20).waitFor();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeGreaterThan(860 * 2);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => window.scrollY > 800);
    const aside = await page.locator('.app-layout__aside').boundingBox();
    expect(Math.abs(aside!.y)).toBeLessThan(1);
    expect(aside!.height).toBeLessThanOrEqual(860);
    for (const item of await page.locator('.app-menu .el-menu-item').all()) {
      const box = (await item.boundingBox())!;
      expect(box.y).toBeGreaterThan(-1);
      expect(box.y + box.height).toBeLessThanOrEqual(860);
    }
    // The header stays too, and names the community once.
    expect(Math.abs((await page.locator('.app-layout__header').boundingBox())!.y)).toBeLessThan(1);
    expect(await page.getByTestId('user-scope').textContent()).toBe('翠渝路社区');
    await page.screenshot({ path: shot('details-menu-long-page') });
    await ctx.close();
  });

  it('names the community once in the English header', async () => {
    const ctx = await desktopContext(browser, 'en-US');
    const page = await ctx.newPage();
    await signIn(page, 'admin.hemulu');
    const scope = (await page.getByTestId('user-scope').textContent()) ?? '';
    expect(scope).toMatch(/Community$/);
    expect(scope).not.toMatch(/^Community ·/);
    expect(scope.match(/Community/g)).toHaveLength(1);
    await page.locator('.app-layout__header').screenshot({ path: shot('details-header-en') });
    await ctx.close();
  });
});

describe('the mediation record', () => {
  it('gets the main column: placeholders, dates and errors in full', async () => {
    const { token: t, deskId } = await token('desk.cuiyulu');
    const [category] = await api<{ id: string }[]>('/api/categories?kind=dispute', { token: t });
    const created = await api<{ id: string }>('/api/cases', {
      method: 'POST',
      token: t,
      headers: { 'idempotency-key': `details-${Date.now()}` },
      body: JSON.stringify({
        categoryId: category!.id,
        description: '楼上漏水到楼下卫生间，两户协商未果，请社区调解。',
        channel: 'desk',
        walkIn: { name: '王建国' },
        deskId,
      }),
    });

    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    await signIn(page, 'desk.cuiyulu');
    await page.goto(`${BASE_URL}/console/cases/${created.id}`);
    const card = page.getByTestId('mediation-card');
    await card.waitFor();
    await card.getByTestId('mediation-edit').click();
    await card.getByRole('button', { name: '添加调解记录' }).click();
    await card.getByTestId('mediation-save').click();
    await card.locator('.el-form-item__error').first().waitFor();

    // The card spans the main column, not the narrow side one.
    expect((await card.boundingBox())!.width).toBeGreaterThan(640);

    const problems = await card.evaluate((root) => {
      const out: string[] = [];
      const canvas = document.createElement('canvas').getContext('2d')!;
      const fits = (input: HTMLInputElement, text: string) => {
        const style = getComputedStyle(input);
        canvas.font = `${style.fontSize} ${style.fontFamily}`;
        return canvas.measureText(text).width <= input.clientWidth + 0.5;
      };
      for (const input of root.querySelectorAll<HTMLInputElement>('input, textarea')) {
        if (input.type === 'hidden' || input.offsetParent === null) continue;
        const text = input.value || input.placeholder;
        if (text && input.tagName === 'INPUT' && !fits(input, text)) out.push(`cut: ${text}`);
      }
      const inputs = [...root.querySelectorAll('.el-input__wrapper, .el-select__wrapper')].map(
        (el) => el.getBoundingClientRect(),
      );
      for (const error of root.querySelectorAll<HTMLElement>('.el-form-item__error')) {
        const r = error.getBoundingClientRect();
        if (error.scrollWidth > error.clientWidth + 1) out.push(`error cut: ${error.textContent}`);
        for (const i of inputs) {
          // A pixel of anti-aliased border is not a message over the field.
          const overlaps =
            r.left < i.right - 1 &&
            i.left < r.right - 1 &&
            r.top < i.bottom - 1 &&
            i.top < r.bottom - 1;
          if (overlaps) out.push(`error over a field: ${error.textContent}`);
        }
      }
      return out;
    });
    await card.screenshot({ path: shot('details-mediation-errors') });
    expect(problems).toEqual([]);
    expect(await card.locator('.el-form-item__error').count()).toBeGreaterThanOrEqual(3);
    await ctx.close();
  });
});

describe('the resident submit form', () => {
  it('shows disputes with people, not money, and names the resident’s compound', async () => {
    const phone = await shanggeResidentPhone();
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${BASE_URL}/login`);
    await page.getByTestId('phone-input').fill(phone);
    await page.getByTestId('send-code').click();
    const devCode = page.getByTestId('dev-code').filter({ hasText: /\d{6}/ });
    await devCode.waitFor();
    await page
      .getByTestId('code-input')
      .fill(((await devCode.textContent()) ?? '').match(/\d{6}/)![0]);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-greeting').waitFor();

    await page.getByTestId('new-request').click();
    const dispute = page.locator('[data-testid="kind-option"][data-kind="dispute"]');
    await dispute.waitFor();
    const icon = (await dispute.locator('.choice__icon').getAttribute('class')) ?? '';
    expect(icon).not.toMatch(/balance|gold|cash|coupon|refund|paid|gift/);
    await page.screenshot({ path: shot('details-resident-kinds'), fullPage: true });

    await dispute.click();
    await page.getByTestId('category-option').first().click();
    const compound = page.getByTestId('compound-field');
    await compound.waitFor();
    expect(await compound.locator('input').inputValue()).toContain('尚格博园');
    await page.screenshot({ path: shot('details-resident-compound'), fullPage: true });
    await ctx.close();
  });
});
