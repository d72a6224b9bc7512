import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BASE_URL, desktopContext, launch, phoneContext, shot } from './browser';
import { choose, confirmBox, daysFromToday, inputOf, sitePhoto } from './council';
import { residentLogin } from './resident-app';
import { pageWidth, settled, shootPage, signIn, staffLogin, until } from './staff';

const PHONE_WIDTH = 390;
/** 翠屏湾: no other browser test runs its council, so its rules are this test's to set. */
const ADMIN = 'admin.cuipingwan';
const WORKER = 'worker.cuipingwan';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

interface Resident {
  id: string;
  phone: string;
}

/**
 * Two supports put a proposal on the agenda here (the council's rule, set by its admin); the
 * demo's own members sit. Three verified residents of the community no other test signs in with.
 */
async function setup(): Promise<{ communityId: string; residents: Resident[] }> {
  const token = await staffLogin(ADMIN);
  const [community] = await api<{ id: string }[]>('/api/communities', { token });
  const communityId = community!.id;
  await api(`/api/communities/${communityId}/council`, {
    method: 'PATCH',
    token,
    body: JSON.stringify({ supportThresholdKind: 'count', supportThresholdCount: 2 }),
  });
  const { items } = await api<{
    items: { id: string; compoundId: string | null; phoneMasked: string; verification: string }[];
  }>(`/api/residents?communityId=${communityId}&pageSize=200`, { token });
  const pool = items.filter(
    (r) => r.compoundId && r.verification === 'verified' && !r.phoneMasked.startsWith('138'),
  );
  const residents = await Promise.all(
    [30, 31, 32].map(async (fromEnd) => {
      const r = pool.at(-fromEnd)!;
      const { phone } = await api<{ phone: string }>(`/api/residents/${r.id}/contact`, { token });
      return { id: r.id, phone };
    }),
  );
  return { communityId, residents };
}

const status = (page: Page, s: string) =>
  page.locator(`[data-testid="proposal-detail"][data-status="${s}"]`);

/** The resident writes the proposal; a similar one in the demo is answered "mine is different". */
async function propose(page: Page, title: string): Promise<string> {
  await page.getByTestId('tab-council').click();
  await page.getByTestId('new-proposal').click();
  await page.getByTestId('title-input').locator('input').fill(title);
  await page
    .getByTestId('description-input')
    .locator('textarea')
    .fill('北门口电动车乱停、飞线充电，晚上很危险。建议在北门内侧空地建一个有顶棚的充电车棚。');
  await page.locator('[data-testid="topic-option"][data-topic="safety"]').click();
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
  await shootPage(page, 'council-life-propose');
  await page.getByTestId('submit-proposal').click();
  const submitted = status(page, 'submitted');
  const prompt = page.getByTestId('similar-prompt');
  await Promise.race([submitted.waitFor(), prompt.waitFor()]);
  if (await prompt.isVisible()) await page.getByTestId('submit-anyway').click();
  await submitted.waitFor();
  return (await page.getByTestId('proposal-detail').getAttribute('data-proposal-id'))!;
}

/** Staff on the meeting page: the members present until quorum, all for, decided, closed. */
async function holdMeeting(page: Page, title: string): Promise<void> {
  await page.goto(`${BASE_URL}/console/council`);
  await page.getByTestId('board-meetings').click();
  await page.getByTestId('meeting-list').waitFor();
  await page.getByTestId('meeting-new').click();
  await page.getByTestId('meeting-create-title').fill('翠屏湾十二月居民议事会');
  await page.getByTestId('meeting-create-place').fill('翠屏湾社区党群服务中心');
  await page.getByTestId('meeting-create-submit').click();
  await page.locator('[data-testid="meeting-page"][data-status="planned"]').waitFor();
  await choose(page, 'agenda-picker', 'agenda-option', title);
  await page.getByTestId('agenda-add').click();
  await page.getByTestId('agenda-item').waitFor();
  await page.locator('[data-testid="vote-blocked"][data-reason="no_quorum"]').waitFor();

  const quorum = page.locator('[data-testid="quorum"][data-met="true"]');
  while (!(await quorum.isVisible())) {
    const present = await page
      .locator('[data-testid="attendance-member"][data-present="true"]')
      .count();
    await page.locator('[data-testid="attendance-member"][data-present="false"]').first().tap();
    await page
      .locator('[data-testid="attendance-member"][data-present="true"]')
      .nth(present)
      .waitFor();
  }
  await shootPage(page, 'council-life-quorum');
  const voters = await page.getByTestId('voter').count();
  for (let i = 0; i < voters; i++) {
    await page.locator('[data-testid="voter"] [data-testid="vote-for"]').first().tap();
    await page.locator('[data-testid="voter-choice"]').nth(i).waitFor();
  }
  expect(await page.getByTestId('agenda-tally').textContent()).toContain(`赞成 ${voters}`);
  await page.getByTestId('agenda-decide').tap();
  await page.locator('[data-testid="agenda-item"][data-decision="adopted"]').waitFor();
  await page
    .getByTestId('minutes-text')
    .fill(`到会委员 ${voters} 人。北门充电车棚议题全体赞成，通过，由物业公司实施。`);
  await page.getByTestId('meeting-close').tap();
  await confirmBox(page);
  await page.locator('[data-testid="meeting-page"][data-status="closed"]').waitFor();
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
  await shootPage(page, 'council-life-meeting');
}

/** Staff build the project: started, a milestone, progress with a photo, done, completed. */
async function build(page: Page, proposalId: string): Promise<void> {
  await page.goto(`${BASE_URL}/console/council/proposals/${proposalId}`);
  await status(page, 'adopted').waitFor();
  await page.getByTestId('implementation-start').click();
  await page
    .getByTestId('implementation-plan')
    .fill('北门内侧建 20 个车位的充电车棚，装智能充电插座，物业负责施工和日常管理。');
  await inputOf(page, 'implementation-budget').fill('26000');
  await choose(page, 'implementation-funding', 'implementation-funding-community_charity_fund');
  await page.getByTestId('implementation-start-submit').click();
  await status(page, 'in_implementation').waitFor();

  await page.getByTestId('milestone-add-open').click();
  await page.getByTestId('milestone-title').fill('车棚钢结构搭建');
  await inputOf(page, 'milestone-date').fill(daysFromToday(10));
  await inputOf(page, 'milestone-date').press('Enter');
  await page.getByTestId('milestone-add').click();
  await page.locator('[data-testid="milestone"][data-state="planned"]').waitFor();

  await page.getByTestId('progress-note').fill('钢结构已搭好，正在安装充电插座。');
  await page.getByTestId('progress-file').setInputFiles({
    name: 'shed.png',
    mimeType: 'image/png',
    buffer: await sitePhoto(browser, '充电车棚'),
  });
  await page.locator('[data-testid="progress-photo"][data-status="done"]').waitFor();
  await page.getByTestId('progress-post').click();
  await page.getByTestId('progress-update').waitFor();
  await page.getByTestId('milestone-done').click();
  await page.locator('[data-testid="milestone"][data-state="done"]').waitFor();

  await page.getByTestId('implementation-complete').click();
  await page.getByTestId('implementation-complete-note').fill('车棚已建成，验收合格，投入使用。');
  await page.getByTestId('implementation-complete-submit').click();
  await status(page, 'completed').waitFor();
  await shootPage(page, 'council-life-console-completed');
}

describe('a proposal’s whole life, as residents and staff live it', () => {
  it(
    'a resident proposes on a phone, two neighbours support it, staff screen and schedule it, a quorate meeting adopts it, it is built to completion, and the residents see each step and evaluate it',
    { timeout: 240_000 },
    async () => {
      const s = await setup();
      const [author, ...supporters] = s.residents as [Resident, Resident, Resident];
      const title = `北门口建电动车充电车棚 ${Date.now().toString(36)}`;

      // The author, on a phone, writes and submits
      const authorCtx = await phoneContext(browser);
      const mine = await authorCtx.newPage();
      await residentLogin(mine, author.phone);
      const id = await propose(mine, title);

      // Staff screen it open for support, on the desk
      const deskCtx = await desktopContext(browser);
      const desk = await deskCtx.newPage();
      await signIn(desk, WORKER);
      await desk.goto(`${BASE_URL}/console/council/proposals/${id}`);
      await desk.getByTestId('proposal-action-start_screening').click();
      await desk.getByTestId('proposal-action-accept').click();
      await status(desk, 'open_for_support').waitFor();
      // The author's page follows by push.
      await status(mine, 'open_for_support').waitFor({ timeout: 15_000 });
      expect(await mine.getByTestId('support-button').count()).toBe(0);

      // Two neighbours support it on their phones; the second reaches the council's threshold
      const neighbours: Page[] = [];
      for (const [i, r] of supporters.entries()) {
        const ctx = await phoneContext(browser, i === 0 ? 'zh-CN' : 'en-US');
        const page = await ctx.newPage();
        await residentLogin(page, r.phone);
        await page.goto(`${BASE_URL}/council/${id}`);
        await page.getByTestId('support-button').click();
        await page.getByTestId('my-support').waitFor();
        if (i === 1) await shootPage(page, 'council-life-support-en');
        neighbours.push(page);
      }
      const workerToken = await staffLogin(WORKER);
      await until('the threshold reached', async () => {
        const p = await api<{ readyAt: string | null }>(`/api/proposals/${id}`, {
          token: workerToken,
        });
        return p.readyAt;
      });

      // The meeting, recorded on the spot from a phone
      const staffPhoneCtx = await phoneContext(browser);
      const staffPhone = await staffPhoneCtx.newPage();
      await signIn(staffPhone, WORKER);
      await holdMeeting(staffPhone, title);
      await staffPhoneCtx.close();
      await status(mine, 'adopted').waitFor({ timeout: 15_000 });
      const decision = mine.getByTestId('proposal-decision');
      await decision.waitFor();
      expect(await decision.getAttribute('data-decision')).toBe('adopted');
      await shootPage(mine, 'council-life-adopted');

      // Built to completion on the desk; the author sees the progress photo, then is invited
      await build(desk, id);
      await mine.locator('[data-testid="project-update"][data-photos="1"] img').first().waitFor({
        timeout: 15_000,
      });
      const form = mine.locator('[data-testid="project-evaluation"][data-state="open"]');
      await form.waitFor({ timeout: 20_000 });
      expect(await pageWidth(mine)).toBeLessThanOrEqual(PHONE_WIDTH);
      await shootPage(mine, 'council-life-invited');

      // Everything that happened is in the author's inbox, newest first
      await mine.getByTestId('notification-bell').click();
      await mine.getByTestId('notification-list').waitFor();
      const messages = await mine.getByTestId('notification-message').allTextContents();
      for (const step of [
        '请评价已完成的议事项目',
        '提议进入「已完成」',
        '提议进入「已通过」',
        '提议进入「征集支持中」',
      ])
        expect(messages).toContain(step);
      expect(messages.indexOf('请评价已完成的议事项目')).toBeLessThan(
        messages.indexOf('提议进入「征集支持中」'),
      );
      expect(await pageWidth(mine)).toBeLessThanOrEqual(PHONE_WIDTH);
      await shootPage(mine, 'council-life-inbox');
      await mine.getByTestId('notification').first().click();

      // The author evaluates on the page; the two supporters answer in their apps
      await form.waitFor();
      await mine.locator('[data-testid="evaluation-level"][data-level="very_satisfied"]').click();
      await mine.locator('[data-testid="evaluation-solved"][data-solved="yes"]').click();
      await mine.getByTestId('evaluation-submit').click();
      await mine.getByTestId('evaluation-mine').waitFor();
      for (const [i, page] of neighbours.entries()) {
        await page.goto(`${BASE_URL}/council/${id}`);
        await page.locator('[data-testid="project-evaluation"][data-state="open"]').waitFor();
        const level = i === 0 ? 'satisfied' : 'dissatisfied';
        await page.locator(`[data-testid="evaluation-level"][data-level="${level}"]`).click();
        await page.locator('[data-testid="evaluation-solved"][data-solved="yes"]').click();
        await page.getByTestId('evaluation-submit').click();
        await page.getByTestId('evaluation-mine').waitFor();
        await page.context().close();
      }
      await status(mine, 'evaluated').waitFor({ timeout: 20_000 });
      await mine.getByTestId('evaluation-result').waitFor();
      expect(await mine.getByTestId('evaluation-share').textContent()).toContain('66.7%');
      await shootPage(mine, 'council-life-evaluated');
      await authorCtx.close();

      await desk.reload();
      await status(desk, 'evaluated').waitFor();
      await desk.getByTestId('evaluation-result').waitFor();
      await settled(desk);
      await desk.screenshot({ path: shot('council-life-console-evaluated'), fullPage: true });
      await deskCtx.close();
    },
  );
});
