import type { LoginResponse, Role, ScopeLevel, SessionUser } from '@baitong/contracts';
import { flushPromises, mount, type ComponentMountingOptions } from '@vue/test-utils';
import { type Pinia, createPinia, setActivePinia } from 'pinia';
import { jsonResponse, stubFetch as stubRoutes, type Routes } from '@baitong/web-client/testing';
import { defineComponent, h, type Component } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { i18n } from '@/i18n';
import { createAppRouter } from '@/router';
import type { ConsoleSession } from '@/stores/auth';

export { jsonResponse, type RecordedCall } from '@baitong/web-client/testing';

/**
 * Replaces `fetch` with a table of routes: "METHOD /api/path" → response. Unknown routes answer
 * 404, and the refresh finds no cookie unless a test gives one.
 */
export function stubFetch(routes: Routes) {
  return stubRoutes({ 'POST /api/auth/staff/refresh': noCookie, ...routes });
}

const noCookie = () =>
  jsonResponse(401, { statusCode: 401, code: 'TOKEN_INVALID', message: 'No cookie' });

export function makeUser(role: Role, scopeLevel: ScopeLevel, scopeId = 'c1'): SessionUser {
  return {
    id: `u-${role}`,
    kind: 'staff',
    displayName: '李晓梅',
    role,
    scope: {
      level: scopeLevel,
      id: scopeId,
      name: scopeLevel === 'community' ? '星光社区' : '两江新区',
    },
    username: role,
  };
}

export function loginResponse(user: SessionUser, suffix = '1'): LoginResponse {
  return { accessToken: `access-${suffix}`, expiresIn: 900, user };
}

let signedIn: ConsoleSession | null = null;

/**
 * A signed-in session, as a login earlier on the page would have left it in the store: the next
 * Pinia from `createTestPinia` (and so `mountInApp`) starts with it. Cleared before every test.
 */
export function storeSession(
  user: SessionUser,
  homeCommunityId: string | null = null,
  suffix = '1',
) {
  signedIn = {
    accessToken: `access-${suffix}`,
    expiresAt: Date.now() + 900_000,
    user,
    homeCommunityId,
  };
}

export function forgetSession(): void {
  signedIn = null;
}

/** A fresh Pinia holding the session of `storeSession`, if any. */
export function createTestPinia(): Pinia {
  const pinia = createPinia();
  if (signedIn) pinia.state.value['auth'] = { session: { ...signedIn } };
  return pinia;
}

const ViewStub = defineComponent({ name: 'ViewStub', render: () => h('div', 'view') });

/** Mounts a component with the app's Pinia, i18n and router (memory history). */
export async function mountInApp<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> & { path?: string; stubViews?: boolean } = {},
) {
  const pinia = createTestPinia();
  setActivePinia(pinia);
  const router = createAppRouter(createMemoryHistory());
  if (options.stubViews) {
    // Navigation is what is tested: skip loading the lazily imported pages.
    for (const record of router.getRoutes()) {
      if (record.components?.['default']) record.components['default'] = ViewStub;
    }
  }
  if (options.path) {
    await router.push(options.path);
    await router.isReady();
  }
  const wrapper = mount(component, {
    ...options,
    global: { ...options.global, plugins: [pinia, i18n, router] },
    attachTo: document.body,
  } as ComponentMountingOptions<C>);
  await flushPromises();
  return { wrapper, pinia, router };
}
