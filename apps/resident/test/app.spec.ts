import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { readTokens, saveTokens } from '@/api/token-storage';
import App from '@/App.vue';
import { apiError, calls, json, mountWithApp, noContent, resident, stubFetch } from './helpers';

function signedIn() {
  saveTokens({ accessToken: 'a-1' });
}

describe('app shell and routing', () => {
  it('sends a visitor without a session from a protected page to the login', async () => {
    stubFetch(() => json([]));
    const { router } = await mountWithApp(App, { path: '/me' });
    expect(router.currentRoute.value.fullPath).toBe('/login?redirect=/me');
  });

  it('lets anyone find desks without logging in', async () => {
    stubFetch(() => json([]));
    const { router, wrapper } = await mountWithApp(App, { path: '/desks' });
    expect(router.currentRoute.value.name).toBe('desks');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="empty-state"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="tabbar"]').exists()).toBe(true);
  });

  it('greets the resident by name with their community, and offers only what exists', async () => {
    signedIn();
    stubFetch(() => json(resident));
    const { wrapper } = await mountWithApp(App, { path: '/' });

    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="home-greeting"]').exists()).toBe(true),
    );
    const greeting = wrapper.get('[data-testid="home-greeting"]').text();
    expect(greeting).toContain('Anna Müller');
    expect(greeting).toContain('Community: 和睦路社区');
    expect(wrapper.get('[data-testid="tile-desks"]').attributes('href')).toBe('/desks');
    expect(wrapper.get('[data-testid="tile-myRequests"]').attributes('href')).toBe('/requests');
    expect(wrapper.get('[data-testid="tile-myRequests"]').text()).not.toContain('Coming soon');
    expect(wrapper.get('[data-testid="tile-proposals"]').attributes('href')).toBe('/council');
  });

  it('offers a prominent way to submit a request from home', async () => {
    signedIn();
    stubFetch(() => json(resident));
    const { wrapper, router } = await mountWithApp(App, { path: '/' });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="new-request"]').exists()).toBe(true));
    expect(wrapper.get('[data-testid="new-request"]').text()).toContain('Submit a request');
    expect(wrapper.get('[data-testid="new-request"]').attributes('href')).toBe('/requests/new');

    await wrapper.get('[data-testid="locale-switch"]').trigger('click');
    expect(wrapper.get('[data-testid="new-request"]').text()).toContain('我要办事·问事·说事');

    await wrapper.get('[data-testid="new-request"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/requests/new'), {
      timeout: 10_000,
    });
  });

  it('sends a visitor without a session from the request pages to the login', async () => {
    stubFetch(() => json([]));
    const { router } = await mountWithApp(App, { path: '/requests/new' });
    expect(router.currentRoute.value.fullPath).toBe('/login?redirect=/requests/new');
  });

  it('switches the whole page to Chinese from the top bar and remembers it', async () => {
    signedIn();
    stubFetch(() => json(resident));
    const { wrapper } = await mountWithApp(App, { path: '/' });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="home-greeting"]').exists()).toBe(true),
    );

    await wrapper.get('[data-testid="locale-switch"]').trigger('click');

    expect(wrapper.get('[data-testid="home-greeting"]').text()).toContain('所在社区：和睦路社区');
    expect(wrapper.get('[data-testid="locale-switch"]').text()).toBe('English');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(localStorage.getItem('baitong.resident.locale')).toBe('zh-CN');
  });

  it('logs out from the profile page and returns to the login', async () => {
    signedIn();
    const fetchMock = stubFetch((url) => (url.endsWith('/logout') ? noContent() : json(resident)));
    const { wrapper, router } = await mountWithApp(App, { path: '/me' });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="logout"]').exists()).toBe(true));
    expect(wrapper.text()).toContain('138****8000');

    await wrapper.get('[data-testid="logout"]').trigger('click');
    await flushPromises();

    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/login'));
    expect(calls(fetchMock)).toContain('POST /api/auth/resident/logout');
    expect(readTokens()).toBeNull();
  });

  it('returns to the login, keeping the page, when the session can no longer be refreshed', async () => {
    signedIn();
    stubFetch((url) =>
      url.endsWith('/refresh') ? apiError(401, 'TOKEN_INVALID') : apiError(401, 'UNAUTHENTICATED'),
    );
    const { router } = await mountWithApp(App, { path: '/me' });

    expect(router.currentRoute.value.fullPath).toBe('/login?redirect=/me');
    expect(readTokens()).toBeNull();
  });

  it('sends a signed-in resident away from the login page', async () => {
    signedIn();
    stubFetch(() => json(resident));
    const { router } = await mountWithApp(App, { path: '/login' });
    expect(router.currentRoute.value.fullPath).toBe('/');
  });
});
