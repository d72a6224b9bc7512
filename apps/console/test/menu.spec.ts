import type { Role, ScopeLevel } from '@baitong/contracts';
import { describe, expect, it } from 'vitest';
import AppMenu from '@/components/layout/AppMenu.vue';
import { makeUser, mountInApp, storeSession } from './helpers';

const NAV_IDS = [
  'nav-home',
  'nav-workbench',
  'nav-all-desks',
  'nav-follow-ups',
  'nav-requests',
  'nav-follow-up-overview',
  'nav-streets',
  'nav-communities',
  'nav-my-community',
  'nav-resident-checks',
  'nav-categories',
  'nav-audit',
];

async function menuOf(role: Role, level: ScopeLevel, home: string | null = null) {
  storeSession(makeUser(role, level, home ?? 'x'), home);
  const { wrapper } = await mountInApp(AppMenu, { path: '/', stubViews: true });
  return NAV_IDS.filter((id) => wrapper.find(`[data-testid="${id}"]`).exists());
}

describe('side menu by role', () => {
  it('gives the bureau the district pages, the requests to read, the follow-up overview, the catalogue and the audit log', async () => {
    expect(await menuOf('bureau_admin', 'district')).toEqual([
      'nav-home',
      'nav-requests',
      'nav-follow-up-overview',
      'nav-streets',
      'nav-communities',
      'nav-categories',
      'nav-audit',
    ]);
  });

  it('gives a street admin the same pages, scoped by the API', async () => {
    expect(await menuOf('street_admin', 'street')).toEqual([
      'nav-home',
      'nav-requests',
      'nav-follow-up-overview',
      'nav-streets',
      'nav-communities',
      'nav-categories',
      'nav-audit',
    ]);
  });

  it('gives a community admin the workbench, every desk, the follow-up overview, their community and the audit log', async () => {
    expect(await menuOf('community_admin', 'community', 'c1')).toEqual([
      'nav-home',
      'nav-workbench',
      'nav-all-desks',
      'nav-follow-ups',
      'nav-follow-up-overview',
      'nav-my-community',
      'nav-resident-checks',
      'nav-categories',
      'nav-audit',
    ]);
  });

  it('gives desk staff their workbench, their follow-ups, their own community and its residents to check', async () => {
    expect(await menuOf('desk_staff', 'community', 'c1')).toEqual([
      'nav-home',
      'nav-workbench',
      'nav-follow-ups',
      'nav-my-community',
      'nav-resident-checks',
    ]);
  });

  it('offers "My follow-ups" to every role that records them, and to no one who only reads', async () => {
    for (const [role, level] of [
      ['community_worker', 'community'],
      ['grid_worker', 'compound'],
    ] as const) {
      expect(await menuOf(role, level, 'c1'), role).toContain('nav-follow-ups');
    }
    expect(await menuOf('street_admin', 'street')).not.toContain('nav-follow-ups');
    expect(await menuOf('monitor', 'district')).not.toContain('nav-follow-ups');
  });

  it('labels the case entries by who uses them', async () => {
    storeSession(makeUser('grid_worker', 'compound', 'cp1'), 'c1');
    const worker = await mountInApp(AppMenu, { path: '/', stubViews: true });
    expect(worker.wrapper.find('[data-testid="nav-workbench"]').text()).toBe('工作台');
    worker.wrapper.unmount();
    storeSession(makeUser('monitor', 'district', 'd1'));
    const reader = await mountInApp(AppMenu, { path: '/', stubViews: true });
    expect(reader.wrapper.find('[data-testid="nav-requests"]').text()).toBe('服务请求');
    expect(reader.wrapper.find('[data-testid="nav-workbench"]').exists()).toBe(false);
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

  it('keeps read-only roles out of the workbench and intake, and desk staff out of the all-desks view', async () => {
    storeSession(makeUser('monitor', 'district', 'd1'));
    const reader = await mountInApp(AppMenu, { path: '/cases/new', stubViews: true });
    expect(reader.router.currentRoute.value.name).toBe('forbidden');
    await reader.router.push('/workbench');
    expect(reader.router.currentRoute.value.name).toBe('forbidden');
    await reader.router.push('/cases/k1');
    expect(reader.router.currentRoute.value.name).toBe('case-detail');
    reader.wrapper.unmount();

    storeSession(makeUser('desk_staff', 'community', 'c1'), 'c1');
    const worker = await mountInApp(AppMenu, { path: '/cases/new', stubViews: true });
    expect(worker.router.currentRoute.value.name).toBe('case-intake');
    await worker.router.push('/workbench/desks');
    expect(worker.router.currentRoute.value.name).toBe('forbidden');
  });

  it('keeps the street and the district out of the resident checks', async () => {
    storeSession(makeUser('street_admin', 'street', 's1'));
    const { router } = await mountInApp(AppMenu, { path: '/residents/checks', stubViews: true });
    expect(router.currentRoute.value.name).toBe('forbidden');
  });

  it('lets a community admin open the audit log', async () => {
    storeSession(makeUser('community_admin', 'community', 'c1'), 'c1');
    const { router } = await mountInApp(AppMenu, { path: '/audit', stubViews: true });
    expect(router.currentRoute.value.name).toBe('audit');
  });
});
