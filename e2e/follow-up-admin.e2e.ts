import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BASE_URL, desktopContext, launch, phoneContext, shot } from './browser';
import { pageWidth, resolvedRequest, settled, shootPage, signIn, until } from './staff';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser.close());

/**
 * A resolved 翠渝路 request whose follow-up found the resident dissatisfied and the matter not
 * solved, and the community's appeal of that rating, both through the API: what the street admin
 * and the community admin then read and decide in the console.
 */
async function appealedRating() {
  const setup = await resolvedRequest({
    residentFromEnd: 8,
    description: '4栋门口的垃圾桶满了没人清，气味很大',
    resolution: '已通知保洁公司加派清运',
    assignTo: 'admin.cuiyulu',
  });
  await api(`/api/follow-ups/${setup.followUpId}/attempts`, {
    method: 'POST',
    token: setup.adminToken,
    headers: { 'Idempotency-Key': `e2e-follow-up-admin-${Date.now()}` },
    body: JSON.stringify({
      method: 'phone',
      outcome: 'reached',
      satisfaction: 'very_dissatisfied',
      solved: 'no',
      notes: '居民不满的是小区停车收费，与垃圾清运无关',
    }),
  });
  const detail = await api<{ attempts: { id: string }[] }>(`/api/follow-ups/${setup.followUpId}`, {
    token: setup.adminToken,
  });
  const appeal = await api<{ id: string }>(
    `/api/follow-up-attempts/${detail.attempts[0]!.id}/appeal`,
    {
      method: 'POST',
      token: setup.adminToken,
      body: JSON.stringify({
        reason: '差评针对的是停车收费，不属于这件诉求，也不属于社区职责',
        evidence: '回访通话中居民确认垃圾已清运；停车收费由物业公司负责',
      }),
    },
  );
  return { ...setup, appealId: appeal.id };
}

describe('the street admin decides an appeal and the community admin reads its follow-up figures', () => {
  it('finds the pending appeal across the street, upholds it, and the case and the figures show it', async () => {
    const setup = await appealedRating();

    // The street admin, at a desk: the appeals waiting across the street, oldest first.
    const streetCtx = await desktopContext(browser);
    const street = await streetCtx.newPage();
    await signIn(street, 'street.cuiyun');
    await street.getByTestId('nav-follow-up-overview').click();
    await street.getByTestId('follow-up-overview').waitFor();
    const row = street.locator(
      `[data-testid="overview-pending"] [data-testid="appeal-row"][data-appeal-id="${setup.appealId}"]`,
    );
    await row.waitFor();
    expect(await row.getByTestId('appeal-case').textContent()).toContain(setup.caseNumber);
    expect(await row.getByTestId('appeal-reason').textContent()).toContain('停车收费');
    expect(await row.getByTestId('appeal-community').textContent()).toContain('翠渝路');
    await street.getByTestId('overview-distribution').waitFor();
    await shootPage(street, 'follow-up-admin-street');

    await row.getByTestId('appeal-uphold').click();
    await street.getByTestId('appeal-decision-reason').waitFor();
    // A decision without its reason is refused at the field.
    await street.getByTestId('appeal-decision-submit').click();
    await street.locator('.el-form-item__error').first().waitFor();
    await street
      .getByTestId('appeal-decision-reason')
      .fill('核实通话记录：差评针对停车收费，不计入满意度');
    await settled(street);
    await street.screenshot({ path: shot('follow-up-admin-decide') });
    await street.getByTestId('appeal-decision-submit').click();
    await row.waitFor({ state: 'detached' });
    await settled(street);
    await shootPage(street, 'follow-up-admin-decided');

    const decided = await until('the decision on record', async () => {
      const d = await api<{ attempts: { excluded: boolean; appeal: { status: string } | null }[] }>(
        `/api/follow-ups/${setup.followUpId}`,
        { token: setup.adminToken },
      );
      return d.attempts[0]?.appeal?.status === 'upheld' ? d : null;
    });
    expect(decided.attempts[0]!.excluded).toBe(true);
    await streetCtx.close();

    // The community admin, on a phone in English: the community's figures and the dissatisfied
    // request, now left out of satisfaction, and its follow-up in the case's timeline.
    const ctx = await phoneContext(browser, 'en-US');
    const page = await ctx.newPage();
    await signIn(page, 'admin.cuiyulu');
    await page.goto(`${BASE_URL}/console/follow-ups/overview`);
    await page.getByTestId('overview-summary').waitFor();
    expect(await page.getByTestId('follow-up-overview').textContent()).toContain(
      'Follow-up overview',
    );
    const coverage = await page.getByTestId('overview-coverage').textContent();
    expect(coverage).toMatch(/\d+(\.\d+)?\s?%/);
    const mine = page.locator(`[data-testid="dissatisfied-row"][data-case-id="${setup.caseId}"]`);
    await mine.waitFor();
    expect(await mine.getByTestId('dissatisfied-excluded').textContent()).toContain('Not counted');
    // The appeal is the street's to decide: the community admin only reads it.
    expect(await page.getByTestId('appeal-uphold').count()).toBe(0);
    await page.getByTestId('overview-distribution').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await shootPage(page, 'follow-up-admin-phone');

    await mine.getByTestId('dissatisfied-case').click();
    await page.locator(`[data-testid="case-detail"][data-case-id="${setup.caseId}"]`).waitFor();
    const types = page.locator('[data-testid="timeline-item"]');
    await page
      .locator('[data-testid="timeline-item"][data-type="followup_appeal_decided"]')
      .waitFor();
    const kinds = await types.evaluateAll((items) => items.map((i) => i.getAttribute('data-type')));
    // Scheduled by the resolution, the call, the reopen it caused, the appeal and the decision.
    expect(kinds.filter((k) => k?.startsWith('followup_'))).toEqual([
      'followup_scheduled',
      'followup_attempt',
      'followup_appealed',
      'followup_appeal_decided',
    ]);
    const attempt = page.locator('[data-testid="timeline-item"][data-type="followup_attempt"]');
    expect(await attempt.textContent()).toContain('Very dissatisfied');
    expect(await attempt.textContent()).toContain('Left out of satisfaction');
    expect(await page.getByTestId('case-detail').getAttribute('data-status')).not.toBe('resolved');
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await page
      .locator('[data-testid="timeline-item"][data-type="followup_scheduled"]')
      .scrollIntoViewIfNeeded();
    await settled(page);
    await page.screenshot({ path: shot('follow-up-admin-case-timeline') });
    await ctx.close();
  });
});
