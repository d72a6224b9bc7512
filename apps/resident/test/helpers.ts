import type {
  CaseDetail,
  CaseEvent,
  CaseSummary,
  Category,
  Page,
  PublicDesk,
  SessionUser,
} from '@baitong/contracts';
import { flushPromises, mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import {
  apiErrorResponse,
  headersOf,
  jsonResponse,
  type FetchHandler,
} from '@baitong/web-client/testing';
import type { Mock } from 'vitest';
import type { Component } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { saveTokens } from '@/api/token-storage';
import { i18n } from '@/i18n';
import { createAppRouter } from '@/router';

// The fetch fakes are shared with the console's tests (web-client's testing entry).
export {
  fetchCalls as calls,
  headersOf,
  stubFetchWith as stubFetch,
  type FetchHandler,
} from '@baitong/web-client/testing';

export function json(body: unknown, status = 200): Response {
  return jsonResponse(status, body);
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export const apiError = apiErrorResponse;

export function authHeader(fetchMock: Mock<FetchHandler>, index: number): string | undefined {
  return headersOf(fetchMock, index).Authorization;
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
    communityNameEn: 'Hemu Road Community',
    compoundId: null,
    compoundName: null,
    compoundNameEn: null,
    name: '和睦路百通岗',
    nameEn: 'Hemu Road Service Desk',
    address: '人和街道和睦路 1 号',
    addressEn: 'No. 1 Hemu Road, Liangjiang New Area, Chongqing',
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

export function signIn(): void {
  saveTokens({ accessToken: 'a-1' });
}

/** The headers a `fetch` call was made with. */
export function makeCase(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: 'case-1',
    number: 'BT20261127-0042',
    kind: 'concern',
    categoryId: 'cat-light',
    categoryName: '楼道照明',
    categoryNameEn: 'Stairwell lighting',
    channel: 'app',
    status: 'submitted',
    communityId: 'c-1',
    compoundId: 'cp-1',
    compoundName: '和睦小区',
    compoundNameEn: 'Hemu Garden',
    deskId: 'd-1',
    deskName: '和睦路百通岗',
    deskNameEn: 'Hemu Road Service Desk',
    residentId: 'u-1',
    residentName: 'Anna Müller',
    residentPhoneMasked: '138****8000',
    residentVerification: 'verified',
    assigneeId: null,
    assigneeName: null,
    summary: '3栋2单元楼道灯坏了',
    submittedAt: '2026-11-27T01:05:00Z',
    updatedAt: '2026-11-27T01:05:00Z',
    sla: {
      acceptDueAt: '2026-11-28T04:30:00Z',
      resolveDueAt: null,
      acceptOverdue: false,
      resolveOverdue: false,
      paused: false,
    },
    reopenCount: 0,
    repeatOfId: null,
    escalated: false,
    version: 1,
    description: '3栋2单元楼道灯坏了，晚上很黑。',
    place: '3栋2单元楼道',
    photos: [],
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    resolution: null,
    rejectionReason: null,
    repeatDecision: null,
    mediation: null,
    residentPreferredLanguage: 'en',
    allowedActions: [],
    ...overrides,
  } as CaseDetail;
}

/** The summary part of a case, as lists and pushes carry it. */
export function summaryOf(item: CaseDetail): CaseSummary {
  const {
    description: _d,
    place: _p,
    photos: _ph,
    acceptedAt: _a,
    resolvedAt: _r,
    closedAt: _c,
    resolution: _res,
    rejectionReason: _rej,
    repeatDecision: _rd,
    mediation: _m,
    residentPreferredLanguage: _lang,
    allowedActions: _aa,
    ...summary
  } = item;
  return summary;
}

export function casePage(items: CaseSummary[], total = items.length, page = 1): Page<CaseSummary> {
  return { items, total, page, pageSize: 20 };
}

export function makeCategory(overrides: Partial<Category> = {}): Category {
  return {
    id: 'cat-light',
    kind: 'concern',
    code: 'stair_light',
    nameZh: '楼道照明',
    nameEn: 'Stairwell lighting',
    acceptWithinMinutes: 120,
    resolveWithin: { value: 3, unit: 'working_days' },
    followUpRequired: true,
    publicArea: true,
    replyTemplates: [],
    active: true,
    ...overrides,
  } as Category;
}

export function makeEvent(overrides: Partial<CaseEvent> = {}): CaseEvent {
  return {
    id: '100',
    caseId: 'case-1',
    type: 'created',
    at: '2026-11-27T01:05:00Z',
    actorKind: 'resident',
    actorName: 'Anna Müller',
    fromStatus: null,
    toStatus: 'submitted',
    note: null,
    data: {},
    ...overrides,
  } as CaseEvent;
}
