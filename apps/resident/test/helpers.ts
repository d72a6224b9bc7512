import type { PublicDesk, SessionUser } from '@baitong/contracts';
import { flushPromises, mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { vi, type Mock } from 'vitest';
import type { Component } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { i18n } from '@/i18n';
import { createAppRouter } from '@/router';

export type FetchHandler = (url: string, init: RequestInit) => Response | Promise<Response>;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function apiError(status: number, code: string, extra: Record<string, unknown> = {}) {
  return json({ statusCode: status, code, message: `${code} (server text)`, ...extra }, status);
}

/** Replaces the HTTP layer only: every `fetch` goes to `handler`. */
export function stubFetch(handler: FetchHandler): Mock<FetchHandler> {
  const fetchMock = vi.fn<FetchHandler>((url, init) => handler(String(url), init ?? {}));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** Calls made to `fetch`, as `METHOD url` strings, in order. */
export function calls(fetchMock: Mock<FetchHandler>): string[] {
  return fetchMock.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${url}`);
}

export function authHeader(fetchMock: Mock<FetchHandler>, index: number): string | undefined {
  const init = fetchMock.mock.calls[index]?.[1];
  return (init?.headers as Record<string, string> | undefined)?.Authorization;
}

export async function mountWithApp<C extends Component>(
  component: C,
  options: { path?: string; props?: ComponentMountingOptions<C>['props'] } = {},
) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createAppRouter(createMemoryHistory());
  await router.push(options.path ?? '/desks');
  await router.isReady();
  const wrapper = mount(component, {
    props: options.props,
    global: { plugins: [pinia, router, i18n] },
    attachTo: document.body,
  } as ComponentMountingOptions<C>);
  await flushPromises();
  return { wrapper, router, pinia };
}

export const resident: SessionUser = {
  id: 'u-1',
  kind: 'resident',
  displayName: 'Anna Müller',
  role: 'resident',
  scope: { level: 'community', id: 'c-1', name: '和睦路社区' },
  phoneMasked: '138****8000',
};

export function makeDesk(overrides: Partial<PublicDesk> = {}): PublicDesk {
  // Asserted rather than annotated so the fixture keeps compiling while the contract grows.
  return {
    id: 'd-1',
    communityId: 'c-1',
    communityName: '和睦路社区',
    compoundId: null,
    compoundName: null,
    name: '和睦路百通岗',
    nameEn: 'Hemu Road Service Desk',
    address: '人和街道和睦路 1 号',
    lat: 29.6,
    lng: 106.5,
    areaSqm: 80,
    phone: '023-12345678',
    weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday: weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7,
      intervals: [{ opens: '08:30', closes: '21:30' }],
    })),
    exceptions: [],
    openNow: true,
    closesAt: null,
    nextOpensAt: null,
    today: [{ opens: '08:30', closes: '21:30' }],
    exceptionToday: false,
    distanceMeters: null,
    version: 1,
    ...overrides,
  } as PublicDesk;
}
