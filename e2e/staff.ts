import type { Page } from 'playwright-core';
import { api, BASE_URL, DEMO_PASSWORD, shot } from './browser';

// What the staff-side browser tests share: a signed-in page, a resolved request of 翠渝路 with
// its follow-up scheduled, and screenshots taken when the page is still.

export interface ResolvedRequest {
  communityId: string;
  /** The desk staff's own desk, where the request was taken in and resolved. */
  deskId: string;
  followUpId: string;
  caseId: string;
  caseNumber: string;
  phone: string;
  adminToken: string;
}

export interface RequestSpec {
  /** Which resident of the community (from the end of the list): each scenario its own. */
  residentFromEnd: number;
  description: string;
  resolution: string;
  /** Who the community admin hands the follow-up to, when it went to someone else; or leave it. */
  assignTo?: string;
}

export async function staffLogin(username: string): Promise<string> {
  const { accessToken } = await api<{ accessToken: string }>('/api/auth/staff/login', {
    method: 'POST',
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  return accessToken;
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined>,
): Promise<T> {
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
 * reaction; the community admin gives it to `assignTo` when it went elsewhere.
 */
export async function resolvedRequest(request: RequestSpec): Promise<ResolvedRequest> {
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
    .at(-request.residentFromEnd)!;
  const { phone } = await api<{ phone: string }>(`/api/residents/${resident.id}/contact`, {
    token,
  });
  const categories = await api<{ id: string; code: string }[]>('/api/categories?kind=concern', {
    token,
  });
  const category = categories.find((c) => c.code === 'stair_light')!;
  const created = await api<{ id: string; number: string; version: number; deskId: string }>(
    '/api/cases',
    {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': `e2e-follow-up-${request.residentFromEnd}-${Date.now()}` },
      body: JSON.stringify({
        categoryId: category.id,
        channel: 'desk',
        residentId: resident.id,
        compoundId: resident.compoundId,
        ...(me.deskId ? { deskId: me.deskId } : {}),
        description: request.description,
        place: '楼道',
      }),
    },
  );
  let version = created.version;
  for (const body of [
    { action: 'accept' },
    { action: 'resolve', resolution: request.resolution },
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
  if (request.assignTo) {
    const staff = await api<{ id: string; username: string }[]>(
      `/api/staff?communityId=${community!.id}`,
      { token: adminToken },
    );
    const assignee = staff.find((s) => s.username === request.assignTo)!;
    if (task.assigneeId !== assignee.id) {
      await api(`/api/follow-ups/${task.id}/assign`, {
        method: 'POST',
        token: adminToken,
        body: JSON.stringify({ assigneeId: assignee.id }),
      });
    }
  }
  return {
    communityId: community!.id,
    deskId: created.deskId,
    followUpId: task.id,
    caseId: created.id,
    caseNumber: created.number,
    phone,
    adminToken,
  };
}

export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${BASE_URL}/console/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** Waits until dialogs and toasts have finished fading in or out, so a screenshot shows them still. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running'),
  );
}

/** A full-page shot taken from the top: from a scrolled page the sticky header covers content. */
export async function shootPage(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await settled(page);
  await page.screenshot({ path: shot(name), fullPage: true });
}

export const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
