import type { Role, ScopeLevel } from '@baitong/contracts';
import { describe, expect, it } from 'vitest';
import AppMenu from '@/components/layout/AppMenu.vue';
import { makeUser, mountInApp, storeSession } from './helpers';

const NAV_IDS = ['nav-home', 'nav-streets', 'nav-communities', 'nav-my-community', 'nav-audit'];

async function menuOf(role: Role, level: ScopeLevel, home: string | null = null) {
  storeSession(makeUser(role, level, home ?? 'x'), home);
  const { wrapper } = await mountInApp(AppMenu, { path: '/', stubViews: true });
  return NAV_IDS.filter((id) => wrapper.find(`[data-testid="${id}"]`).exists());
}

describe('side menu by role', () => {
  it('gives the bureau the district pages and the audit log', async () => {
    expect(await menuOf('bureau_admin', 'district')).toEqual([
      'nav-home',
      'nav-streets',
      'nav-communities',
      'nav-audit',
    ]);
  });

  it('gives a street admin the same pages, scoped by the API', async () => {
    expect(await menuOf('street_admin', 'street')).toEqual([
      'nav-home',
      'nav-streets',
      'nav-communities',
      'nav-audit',
    ]);
  });

  it('gives a community admin their own community and the audit log', async () => {
    expect(await menuOf('community_admin', 'community', 'c1')).toEqual([
      'nav-home',
      'nav-my-community',
      'nav-audit',
    ]);
  });

  it('gives desk staff only their own community', async () => {
    expect(await menuOf('desk_staff', 'community', 'c1')).toEqual(['nav-home', 'nav-my-community']);
  });

  it('labels the entries in the current language', async () => {
    storeSession(makeUser('monitor', 'district', 'd1'));
    const { wrapper } = await mountInApp(AppMenu, { path: '/', stubViews: true });
    expect(wrapper.find('[data-testid="nav-communities"]').text()).toBe('社区管理');
  });
});

describe('route guard', () => {
  it('sends a signed-out visitor to the login page with the page to come back to', async () => {
    const { router } = await mountInApp(AppMenu, { path: '/communities?q=星光', stubViews: true });
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query['redirect']).toBe('/communities?q=星光');
  });

  it('refuses the audit log to desk staff', async () => {
    storeSession(makeUser('desk_staff', 'community', 'c1'), 'c1');
    const { router } = await mountInApp(AppMenu, { path: '/audit', stubViews: true });
    expect(router.currentRoute.value.name).toBe('forbidden');
  });

  it('lets a community admin open the audit log', async () => {
    storeSession(makeUser('community_admin', 'community', 'c1'), 'c1');
    const { router } = await mountInApp(AppMenu, { path: '/audit', stubViews: true });
    expect(router.currentRoute.value.name).toBe('audit');
  });
});
