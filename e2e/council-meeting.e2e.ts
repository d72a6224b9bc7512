import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BASE_URL, desktopContext, launch, phoneContext } from './browser';
import { pageWidth, settled, shootPage, signIn, staffLogin, until } from './staff';

const PHONE_WIDTH = 390;
/** 银竹苑: no other browser test runs its council, so its rules and members are this test's. */
const WORKER = 'worker.yinzhuyuan';
const ADMIN = 'admin.yinzhuyuan';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

type Moved = { id: string; version: number; status: string; readyAt: string | null };

const daysFromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The council of 银竹苑 with a quorum of two and three serving members from outside (so the
 * test does not depend on the demo's members), and a proposal past a threshold of one support:
 * written by the staff for a resident, screened open, supported by another resident in the app.
 */
async function readyProposal() {
  const token = await staffLogin(ADMIN);
  const [community] = await api<{ id: string }[]>('/api/communities', { token });
  const communityId = community!.id;
  await api(`/api/communities/${communityId}/council`, {
    method: 'PATCH',
    token,
    body: JSON.stringify({
      supportThresholdKind: 'count',
      supportThresholdCount: 1,
      quorumKind: 'count',
      quorumCount: 2,
    }),
  });
  const stamp = Date.now().toString(36);
  for (const [i, role] of (['chair', 'member', 'member'] as const).entries()) {
    await api(`/api/communities/${communityId}/council/members`, {
      method: 'POST',
      token,
      body: JSON.stringify({
        kind: 'other',
        role,
        name: `测试委员${i + 1}-${stamp}`,
        organisation: i === 2 ? '物业公司' : undefined,
        termStart: daysFromToday(-30),
      }),
    });
  }

  const { items } = await api<{
    items: { id: string; verification: string; phoneMasked: string }[];
  }>(`/api/residents?communityId=${communityId}&pageSize=200`, { token });
  const verified = items.filter((r) => r.verification === 'verified');
  const [author, supporter, guest] = [verified.at(-3)!, verified.at(-4)!, verified.at(-5)!];

  const title = `银竹苑南门加装雨棚 ${stamp}`;
  let p = await api<Moved>('/api/proposals', {
    method: 'POST',
    token,
    body: JSON.stringify({
      title,
      description: '南门等车的居民雨天没有地方避雨，建议在南门内侧加装一段雨棚。',
      topic: 'facilities',
      authorResidentId: author.id,
    }),
  });
  for (const action of ['submit', 'start_screening', 'accept'])
    p = await api<Moved>(`/api/proposals/${p.id}/transitions`, {
      method: 'POST',
      token,
      body: JSON.stringify({ action, version: p.version }),
    });

  const { phone } = await api<{ phone: string }>(`/api/residents/${supporter.id}/contact`, {
    token,
  });
  const { devCode } = await api<{ devCode: string }>('/api/auth/resident/otp', {
    method: 'POST',
    body: JSON.stringify({ phone }),
  });
  const { accessToken } = await api<{ accessToken: string }>('/api/auth/resident/login', {
    method: 'POST',
    body: JSON.stringify({ phone, code: devCode }),
  });
  await api(`/api/proposals/${p.id}/support`, { method: 'POST', token: accessToken });
  await until('the proposal past its threshold', async () => {
    const now = await api<Moved>(`/api/proposals/${p.id}`, { token });
    return now.readyAt ? now : null;
  });
  return { communityId, proposalId: p.id, title, guestPhoneTail: guest.phoneMasked.slice(-4) };
}

/** Chooses an option of an Element Plus select by its text (options live in a teleported popper). */
async function choose(page: Page, selectTestId: string, optionTestId: string, text?: string) {
  await page.getByTestId(selectTestId).click();
  const option = page.locator(`[data-testid="${optionTestId}"]:visible`, {
    hasText: text ?? /./,
  });
  await option.first().click();
}

const inputOf = (page: Page, testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

async function confirmBox(page: Page) {
  await page.locator('.el-message-box .meeting-confirm').click();
}

describe('a council meeting and the project it adopts, in the console', () => {
  it('plans a meeting, refuses the vote without quorum, records attendance on a phone until quorum, adopts, closes; then the project is built to completion', async () => {
    const setup = await readyProposal();

    // Desk: plan the meeting from the board and put the proposal on its agenda
    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    await signIn(page, WORKER);
    await page.goto(`${BASE_URL}/console/council`);
    await page.getByTestId('board-meetings').click();
    await page.getByTestId('meeting-list').waitFor();
    await page.getByTestId('meetings-upcoming').waitFor();
    await shootPage(page, 'council-meeting-list');

    await page.getByTestId('meeting-new').click();
    await page.getByTestId('meeting-create-title').fill('十二月议事会');
    await page.getByTestId('meeting-create-place').fill('银竹苑社区党群服务中心二楼会议室');
    await settled(page);
    await page.screenshot({ path: `artifacts/e2e/council-meeting-new.png` });
    await page.getByTestId('meeting-create-submit').click();
    await page.locator('[data-testid="meeting-page"][data-status="planned"]').waitFor();
    const meetingUrl = page.url();

    await choose(page, 'agenda-picker', 'agenda-option', setup.title);
    await page.getByTestId('agenda-add').click();
    await page.getByTestId('agenda-item').waitFor();
    expect(await page.getByTestId('agenda-item').textContent()).toContain(setup.title);

    // Without quorum the vote is refused, with the reason
    await page.locator('[data-testid="vote-blocked"][data-reason="no_quorum"]').waitFor();
    expect(await page.getByTestId('agenda-decide').isDisabled()).toBe(true);
    await page.getByTestId('attendance-member').first().click();
    await page.locator('[data-testid="attendance-member"][data-present="true"]').waitFor();
    await page.getByTestId('voter').first().waitFor();
    expect(await page.getByTestId('vote-for').first().isDisabled()).toBe(true);
    expect(await page.getByTestId('vote-blocked').textContent()).toContain(
      '未达法定人数（到会 1 / 需 2 人）',
    );
    expect(await page.getByTestId('quorum').getAttribute('data-met')).toBe('false');
    await shootPage(page, 'council-meeting-no-quorum');

    // Phone, on the spot: attendance until quorum, a resident attends, the votes, the decision
    const phoneCtx = await phoneContext(browser);
    const phone = await phoneCtx.newPage();
    await signIn(phone, WORKER);
    await phone.goto(meetingUrl);
    await phone.getByTestId('attendance').waitFor();
    expect(await pageWidth(phone)).toBeLessThanOrEqual(PHONE_WIDTH);
    await shootPage(phone, 'council-meeting-phone-attendance');
    await phone.locator('[data-testid="attendance-member"][data-present="false"]').first().tap();
    await phone.locator('[data-testid="quorum"][data-met="true"]').waitFor();
    await inputOf(phone, 'attendance-resident-search').fill(setup.guestPhoneTail);
    await phone.locator('[data-testid="attendance-resident-option"]:visible').first().click();
    await phone.getByTestId('attendance-residents').waitFor();
    expect(await pageWidth(phone)).toBeLessThanOrEqual(PHONE_WIDTH);
    await shootPage(phone, 'council-meeting-phone-quorum');

    for (let i = 0; i < 2; i++) {
      await phone.locator('[data-testid="voter"] [data-testid="vote-for"]').first().tap();
      await phone.locator('[data-testid="voter-choice"]').nth(i).waitFor();
    }
    expect(await phone.getByTestId('agenda-tally').textContent()).toContain('赞成 2');
    await phone.getByTestId('agenda-decide').tap();
    await phone.locator('[data-testid="agenda-item"][data-decision="adopted"]').waitFor();
    expect(await phone.getByTestId('agenda-decision').textContent()).toContain('通过');
    await shootPage(phone, 'council-meeting-phone-decided');

    await phone
      .getByTestId('minutes-text')
      .fill('到会委员 2 人，列席居民 1 人。南门加装雨棚议题赞成 2 票，通过。');
    await phone.getByTestId('meeting-close').tap();
    await confirmBox(phone);
    await phone.locator('[data-testid="meeting-page"][data-status="closed"]').waitFor();
    expect(await pageWidth(phone)).toBeLessThanOrEqual(PHONE_WIDTH);
    await shootPage(phone, 'council-meeting-phone-closed');

    // Desk: the adopted proposal is built
    await page.reload();
    await page.locator('[data-testid="meeting-page"][data-status="closed"]').waitFor();
    await shootPage(page, 'council-meeting-closed');
    await page.locator('[data-testid="agenda-item"] a').first().click();
    await page.locator('[data-testid="proposal-detail"][data-status="adopted"]').waitFor();
    await page.getByTestId('implementation-start').click();
    await page
      .getByTestId('implementation-plan')
      .fill('在南门内侧加装 12 米钢结构雨棚，物业配合施工，一个月内完成。');
    await inputOf(page, 'implementation-budget').fill('18000');
    await choose(page, 'implementation-funding', 'implementation-funding-community_charity_fund');
    await settled(page);
    await page.screenshot({ path: 'artifacts/e2e/council-implementation-start.png' });
    await page.getByTestId('implementation-start-submit').click();
    await page
      .locator('[data-testid="proposal-detail"][data-status="in_implementation"]')
      .waitFor();

    await page.getByTestId('milestone-add-open').click();
    await page.getByTestId('milestone-title').fill('雨棚材料进场');
    await inputOf(page, 'milestone-date').fill(daysFromToday(7));
    await inputOf(page, 'milestone-date').press('Enter');
    await page.getByTestId('milestone-add').click();
    await page.locator('[data-testid="milestone"][data-state="planned"]').waitFor();

    const photo = await page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 240 } });
    await page.getByTestId('progress-note').fill('材料已进场，开始搭建立柱。');
    await page
      .getByTestId('progress-file')
      .setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: photo });
    await page.locator('[data-testid="progress-photo"][data-status="done"]').waitFor();
    await page.getByTestId('progress-post').click();
    await page.getByTestId('progress-update').waitFor();
    await page.locator('[data-testid="progress-update"] .case-photos img').first().waitFor();

    await page.getByTestId('milestone-done').click();
    await page.locator('[data-testid="milestone"][data-state="done"]').waitFor();
    await shootPage(page, 'council-implementation-progress');

    await page.getByTestId('implementation-complete').click();
    await page.getByTestId('implementation-complete-note').fill('雨棚已建成，验收合格。');
    await page.getByTestId('implementation-complete-submit').click();
    await page.locator('[data-testid="proposal-detail"][data-status="completed"]').waitFor();
    await page.getByTestId('implementation-evaluation').waitFor();
    // The residents are asked by a reaction to the completion: its due date follows.
    const workerToken = await staffLogin(WORKER);
    await until('the evaluation asked', async () => {
      const impl = await api<{ evaluationDueAt: string | null }>(
        `/api/proposals/${setup.proposalId}/implementation`,
        { token: workerToken },
      );
      return impl.evaluationDueAt;
    });
    await page.reload();
    await page.getByTestId('evaluation-due').waitFor();
    await shootPage(page, 'council-implementation-completed');
    await ctx.close();

    await phone.goto(`${BASE_URL}/console/council/proposals/${setup.proposalId}`);
    await phone.getByTestId('implementation').waitFor();
    await phone.locator('[data-testid="progress-update"] .case-photos img').first().waitFor();
    expect(await pageWidth(phone)).toBeLessThanOrEqual(PHONE_WIDTH);
    await shootPage(phone, 'council-implementation-phone');
    await phone.getByTestId('implementation').screenshot({
      path: 'artifacts/e2e/council-implementation-phone-card.png',
    });
    await phoneCtx.close();

    // The same meeting in English, on a phone
    const englishCtx = await phoneContext(browser, 'en');
    const english = await englishCtx.newPage();
    await signIn(english, WORKER);
    await english.goto(meetingUrl);
    await english.locator('[data-testid="meeting-status"]', { hasText: 'Closed' }).waitFor();
    expect(await english.getByTestId('quorum-state').textContent()).toBe(
      'The meeting had its quorum',
    );
    expect(await pageWidth(english)).toBeLessThanOrEqual(PHONE_WIDTH);
    await shootPage(english, 'council-meeting-phone-en');
    await englishCtx.close();
  });
});
