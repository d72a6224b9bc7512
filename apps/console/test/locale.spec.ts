import { CASE_EVENT_TYPES, ERROR_CODES, PROPOSAL_EVENT_TYPES, ROLES } from '@baitong/contracts';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import CaseTimeline from '@/components/cases/CaseTimeline.vue';
import ProposalTimeline from '@/components/council/ProposalTimeline.vue';
import AppHeader from '@/components/layout/AppHeader.vue';
import { detectLocale, LOCALE_STORAGE_KEY } from '@/i18n';
import en from '@/locales/en.json';
import zhCN from '@/locales/zh-CN.json';
import { makeUser, mountInApp, storeSession } from './helpers';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('language switch', () => {
  it('switches visible labels between Chinese and English and remembers the choice', async () => {
    storeSession(makeUser('community_admin', 'community', 'c1'), 'c1');
    const { wrapper } = await mountInApp(AppHeader, {
      path: '/',
      stubViews: true,
      props: { menuOpen: true, isMobile: false },
    });
    const logout = () => wrapper.find('[data-testid="logout"]').text();
    const role = () => wrapper.find('[data-testid="user-role"]').text();
    expect(logout()).toBe('退出登录');
    expect(role()).toBe('社区管理员');

    await wrapper.find('[data-testid="locale-switch"]').trigger('click');
    await flushPromises();

    expect(logout()).toBe('Sign out');
    expect(role()).toBe('Community administrator');
    expect(wrapper.find('[data-testid="locale-switch"]').text()).toContain('中文');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    await wrapper.find('[data-testid="locale-switch"]').trigger('click');
    await flushPromises();
    expect(logout()).toBe('退出登录');
  });

  it('starts from the saved language, else from the browser language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    expect(detectLocale()).toBe('en');

    localStorage.clear();
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-TW', 'en']);
    expect(detectLocale()).toBe('zh-CN');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE']);
    expect(detectLocale()).toBe('en');
    vi.restoreAllMocks();
  });
});

describe('translations', () => {
  it('has the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('translates every error code and every role in both languages', () => {
    for (const messages of [zhCN, en]) {
      for (const code of ERROR_CODES) expect(messages.errors[code], code).toBeTruthy();
      for (const role of ROLES) expect(messages.roles[role], role).toBeTruthy();
    }
  });
});

describe('case timeline', () => {
  it('describes every case event type in words, never by its code', async () => {
    const events = CASE_EVENT_TYPES.map((type, i) => ({
      id: String(i + 1),
      caseId: 'case-1',
      type,
      at: '2026-11-27T06:00:00Z',
      actorKind: 'system' as const,
      actorName: null,
      fromStatus: null,
      toStatus: null,
      note: null,
      data: {},
    }));
    const { wrapper } = await mountInApp(CaseTimeline, { props: { events } });
    const text = wrapper.text();
    for (const type of CASE_EVENT_TYPES) expect(text, type).not.toContain(type);
    expect(text).toContain('已重新计算办理时限');
  });
});

describe('proposal history', () => {
  it('describes every proposal event type in words, never by its code', async () => {
    const events = PROPOSAL_EVENT_TYPES.map((type, i) => ({
      id: String(i + 1),
      proposalId: 'p-1',
      type,
      at: '2026-11-27T06:00:00Z',
      actorKind: 'system' as const,
      actorName: null,
      fromStatus: null,
      toStatus: null,
      note: null,
      data: {},
    }));
    const { wrapper } = await mountInApp(ProposalTimeline, { props: { events } });
    const text = wrapper.text();
    for (const type of PROPOSAL_EVENT_TYPES) expect(text, type).not.toContain(type);
    expect(text).toContain('发布实施进展');
  });
});
