import type { LoginResponse, Role, ScopeLevel, SessionUser } from '@baitong/contracts';
import { flushPromises, mount, type ComponentMountingOptions } from '@vue/test-utils';
import { type Pinia, createPinia, setActivePinia } from 'pinia';
import { vi } from 'vitest';
import { defineComponent, h, type Component } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { i18n } from '@/i18n';
import { createAppRouter } from '@/router';
import type { ConsoleSession } from '@/stores/auth';

export function jsonResponse(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
  });
}

export interface RecordedCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

type Responder = (call: RecordedCall) => Response | Promise<Response>;

/**
 * Replaces `fetch` with a table of routes: "METHOD /api/path" → response. Unknown
 * routes answer 404 so a test never silently reaches the network.
 */
export function stubFetch(routes: Record<string, Responder | Response | (() => Response)>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(
      Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [
        k.toLowerCase(),
        v,
      ]),
    );
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const call: RecordedCall = { method, path: url.pathname + url.search, headers, body };
    calls.push(call);
    const responder = routes[`${method} ${url.pathname}`];
    if (!responder && url.pathname === '/api/auth/staff/refresh') {
      // The browser has no refresh cookie unless a test says otherwise.
      return jsonResponse(401, { statusCode: 401, code: 'TOKEN_INVALID', message: 'No cookie' });
    }
    if (!responder) {
      return jsonResponse(404, { statusCode: 404, code: 'NOT_FOUND', message: 'no route' });
    }
    if (responder instanceof Response) return responder.clone();
    return (responder as Responder)(call);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, calls };
}

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
