import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BASE_URL, launch, phoneContext } from './browser';
import { pageWidth, shootPage, staffLogin } from './staff';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

interface Resident {
  id: string;
  phone: string;
}

type Moved = { id: string; version: number; status: string };

const post = <T>(token: string, path: string, body: unknown = {}) =>
  api<T>(path, { method: 'POST', token, body: JSON.stringify(body) });

async function move(token: string, id: string, action: string): Promise<Moved> {
  const { version } = await api<Moved>(`/api/proposals/${id}`, { token });
  return post<Moved>(token, `/api/proposals/${id}/transitions`, { action, version });
}

/**
 * 和睦路 (no other browser test runs its council): its admin makes one support enough for an
 * agenda and seats three outside members; two verified residents from the middle of the list
 * (not 138…, which other tests sign in with) — the author of an open proposal about the dump on
 * the vacant lot, and the resident who will write "the same" and back it instead.
 */
async function setup() {
  const token = await staffLogin('admin.hemulu');
  const [community] = await api<{ id: string }[]>('/api/communities', { token });
  const communityId = community!.id;
  await api(`/api/communities/${communityId}/council`, {
    method: 'PATCH',
    token,
    body: JSON.stringify({ supportThresholdKind: 'count', supportThresholdCount: 1 }),
  });
  for (const name of ['物业代表 刘经理', '片区民警 周警官', '业委会 陈阿姨'])
    await post(token, `/api/communities/${communityId}/council/members`, {
      kind: 'other',
      role: 'member',
      name,
      termStart: '2025-01-01',
    });
  const { items } = await api<{
    items: { id: string; compoundId: string | null; phoneMasked: string; verification: string }[];
  }>(`/api/residents?communityId=${communityId}&pageSize=200`, { token });
  const pool = items.filter(
    (r) => r.compoundId && r.verification === 'verified' && !r.phoneMasked.startsWith('138'),
  );
  const [resident, author] = await Promise.all(
    [20, 21].map(async (fromEnd): Promise<Resident> => {
      const r = pool.at(-fromEnd)!;
      const { phone } = await api<{ phone: string }>(`/api/residents/${r.id}/contact`, { token });
      return { id: r.id, phone };
    }),
  );
  const title = '空地垃圾成堆，建议改建封闭垃圾房和晾晒点';
  const open = await post<Moved>(token, '/api/proposals', {
    title,
    description: '小区东侧空地长期堆放垃圾，夏天气味很大。建议改建一个封闭垃圾房，旁边设晾晒点。',
    topic: 'environment',
    authorResidentId: author!.id,
  });
  for (const action of ['submit', 'start_screening', 'accept']) await move(token, open.id, action);
  return {
    token,
    communityId,
    resident: resident!,
    author: author!,
    proposal: { id: open.id, title },
  };
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

/** A resident's token through the API (the dev code comes back outside production). */
async function residentToken(phone: string): Promise<string> {
  const { devCode } = await post<{ devCode: string }>('', '/api/auth/resident/otp', { phone });
  const { accessToken } = await post<{ accessToken: string }>('', '/api/auth/resident/login', {
    phone,
    code: devCode,
  });
  return accessToken;
}

/** A photo of the "site", drawn by the browser itself. */
async function sitePhoto(): Promise<Buffer> {
  const ctx = await browser.newContext({ viewport: { width: 480, height: 320 } });
  const page = await ctx.newPage();
  await page.setContent(`<body style="margin:0;height:320px;display:flex;align-items:flex-end;
    background:linear-gradient(#9ecbf0 0 55%,#8fb46a 55% 100%);font:28px sans-serif">
    <div style="margin:0 0 40px 60px;width:220px;height:140px;background:#d8d2c4;border:6px solid #6b5e4b;
      display:flex;align-items:center;justify-content:center">垃圾房</div></body>`);
  const png = await page.screenshot();
  await ctx.close();
  return png;
}

async function upload(token: string, png: Buffer): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'site.png');
  const res = await fetch(`${BASE_URL}/api/photos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (!res.ok) throw new Error(`photo: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

describe('a resident follows a proposal from the council to an evaluated project', () => {
  it('sees the similar prompt while typing, backs that one, sees the meeting’s decision and the progress with a photo, is invited live and evaluates', async () => {
    const s = await setup();
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await residentLogin(page, s.resident.phone);

    // Typing a proposal that already exists: the prompt comes while typing, before any save.
    await page.getByTestId('tab-council').click();
    await page.getByTestId('new-proposal').click();
    await page.getByTestId('title-input').locator('input').fill('空地垃圾堆改建垃圾房');
    const typing = page.getByTestId('similar-while-typing');
    await typing.waitFor({ timeout: 10_000 });
    expect(await typing.textContent()).toContain(s.proposal.title);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await shootPage(page, 'council-progress-typing');
    await typing
      .locator(`[data-testid="typing-similar-item"][data-proposal-id="${s.proposal.id}"]`)
      .getByTestId('typing-support-instead')
      .click();
    await page
      .locator(`[data-testid="proposal-detail"][data-proposal-id="${s.proposal.id}"]`)
      .waitFor();
    await page.getByTestId('my-support').waitFor();

    // The list marks it as supported.
    await page.goto(`${BASE_URL}/council`);
    const row = page.locator(`[data-testid="proposal-row"][data-proposal-id="${s.proposal.id}"]`);
    await row.getByTestId('mark-supported').waitFor();
    await shootPage(page, 'council-progress-marks');

    // Staff hold the meeting: every serving member present and for; adopted; minutes.
    const council = await api<{ members: { id: string; current: boolean }[] }>(
      `/api/communities/${s.communityId}/council`,
      { token: s.token },
    );
    const members = council.members.filter((m) => m.current).map((m) => m.id);
    const meeting = await post<{ id: string }>(
      s.token,
      `/api/communities/${s.communityId}/meetings`,
      {
        title: '十二月居民议事会',
        startsAt: new Date(Date.now() + 3600_000).toISOString(),
        place: '和睦路社区党群服务中心',
      },
    );
    const withItem = await post<{ agenda: { id: string }[] }>(
      s.token,
      `/api/meetings/${meeting.id}/agenda`,
      { proposalId: s.proposal.id },
    );
    const item = withItem.agenda[0]!.id;
    for (const memberId of members)
      await post(s.token, `/api/meetings/${meeting.id}/attendance`, { memberId });
    await post(s.token, `/api/meetings/${meeting.id}/attendance`, { residentId: s.resident.id });
    for (const memberId of members)
      await post(s.token, `/api/meetings/${meeting.id}/agenda/${item}/votes`, {
        memberId,
        choice: 'for',
      });
    await post(s.token, `/api/meetings/${meeting.id}/agenda/${item}/decide`, {});
    const { version } = await api<{ version: number }>(`/api/meetings/${meeting.id}`, {
      token: s.token,
    });
    await post(s.token, `/api/meetings/${meeting.id}/close`, {
      version,
      minutes:
        '会议审议了空地改建垃圾房和晾晒点的提议，全体到会成员赞成，通过。由物业公司负责实施。',
    });

    await page.goto(`${BASE_URL}/council/${s.proposal.id}`);
    const decision = page.getByTestId('proposal-decision');
    await decision.waitFor();
    expect(await decision.getAttribute('data-decision')).toBe('adopted');
    await decision.getByTestId('decision-meeting').click();
    const meetingPage = page.getByTestId('meeting-detail');
    await meetingPage.waitFor();
    expect(await meetingPage.getByTestId('agenda-decision').textContent()).toContain('通过');
    expect(await meetingPage.getByTestId('meeting-minutes').textContent()).toContain('物业公司');
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await shootPage(page, 'council-progress-meeting');
    await page.goto(`${BASE_URL}/council/meetings`);
    await page.locator(`[data-testid="meeting-row"][data-meeting-id="${meeting.id}"]`).waitFor();
    await shootPage(page, 'council-progress-meetings');

    // The project is built and reported with a photo; the resident's page follows live.
    await page.goto(`${BASE_URL}/council/${s.proposal.id}`);
    await page.getByTestId('proposal-decision').waitFor();
    await post(s.token, `/api/proposals/${s.proposal.id}/implementation`, {
      ownerName: '和睦物业公司',
      plan: '清运空地垃圾，建封闭垃圾房一座，旁设晾晒架两组。',
      budgetYuan: 38000,
      fundingSource: 'community_charity_fund',
      milestones: [{ title: '清运垃圾、平整场地', plannedOn: '2026-12-20' }],
    });
    const photoId = await upload(s.token, await sitePhoto());
    await post(s.token, `/api/proposals/${s.proposal.id}/progress`, {
      note: '垃圾已清运，垃圾房主体已建好。',
      photoIds: [photoId],
    });
    const update = page.locator('[data-testid="project-update"][data-photos="1"]');
    await update.waitFor({ timeout: 15_000 });
    await update.locator('img').first().waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await shootPage(page, 'council-progress-project');

    await post(s.token, `/api/proposals/${s.proposal.id}/complete`, {
      note: '验收通过，已投入使用。',
    });
    // The invitation arrives by push: the form opens on the page without a reload.
    const form = page.locator('[data-testid="project-evaluation"][data-state="open"]');
    await form.waitFor({ timeout: 20_000 });
    await shootPage(page, 'council-progress-invited');
    await page.goto(`${BASE_URL}/me`);
    const invitation = page.locator(
      `[data-testid="evaluation-invitation"][data-proposal-id="${s.proposal.id}"]`,
    );
    await invitation.waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await shootPage(page, 'council-progress-me');
    await invitation.click();
    await form.waitFor();
    await page.locator('[data-testid="evaluation-level"][data-level="very_satisfied"]').click();
    await page.locator('[data-testid="evaluation-solved"][data-solved="yes"]').click();
    await page
      .getByTestId('evaluation-comment')
      .locator('textarea')
      .fill('垃圾房很干净，晾晒也方便了。');
    await page.getByTestId('evaluation-submit').click();
    await page.getByTestId('evaluation-mine').waitFor();

    // The author answers too; the last answer closes the evaluation and the result shows.
    await post(await residentToken(s.author.phone), `/api/proposals/${s.proposal.id}/evaluation`, {
      satisfaction: 'satisfied',
      solved: 'yes',
    });
    const result = page.getByTestId('evaluation-result');
    await result.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('evaluation-share').textContent()).toContain('100%');
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await shootPage(page, 'council-progress-evaluated');
    await ctx.close();
  });
});
