import type { PublicCommunity, SessionUser } from '@baitong/contracts';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '@/App.vue';
import { readTokens } from '@/api/token-storage';
import { setLocale } from '@/i18n';
import MeView from '@/views/MeView.vue';
import {
  apiError,
  calls,
  json,
  makeDesk,
  mountWithApp,
  resident,
  signIn,
  stubFetch,
  type FetchHandler,
} from './helpers';

const OTP_OK = { sent: true, expiresInSeconds: 300, resendAfterSeconds: 60, devCode: '246810' };
const REGISTRATION = {
  registrationRequired: true,
  registrationToken: 'reg-token-1',
  expiresInSeconds: 1800,
  phoneMasked: '199****0001',
};
const COMMUNITIES: PublicCommunity[] = [
  {
    id: 'c-hemu',
    name: '和睦路社区',
    nameEn: 'Hemu Road Community',
    streetName: '人和街道',
    streetNameEn: 'Renhe Subdistrict',
    compounds: [
      { id: 'cp-intl', name: '和睦国际花园', nameEn: 'Hemu International Garden' },
      { id: 'cp-old', name: '和睦小区', nameEn: '' },
    ],
  },
  {
    id: 'c-wannian',
    name: '万年路社区',
    nameEn: 'Wannian Road Community',
    streetName: '人和街道',
    streetNameEn: 'Renhe Subdistrict',
    compounds: [],
  },
];
const NEWCOMER: SessionUser = {
  ...resident,
  id: 'u-new',
  displayName: 'Kim Minji',
  verification: 'unverified',
};

/** The API of a new phone: a code, a registration on sign-in, then `onRegister`. */
function newPhoneApi(onRegister: FetchHandler = () => json(SESSION_OF(NEWCOMER), 201)) {
  return stubFetch((url, init) => {
    const { pathname } = new URL(url, 'http://app.test');
    if (pathname === '/api/auth/resident/refresh') return apiError(401, 'TOKEN_INVALID');
    if (pathname === '/api/auth/resident/otp') return json(OTP_OK);
    if (pathname === '/api/auth/resident/login') return json(REGISTRATION);
    if (pathname === '/api/auth/resident/register') return onRegister(url, init);
    if (pathname === '/api/public/communities') return json(COMMUNITIES);
    if (pathname === '/api/public/desks')
      return json([makeDesk({ communityId: 'c-hemu', distanceMeters: 420 })]);
    return json([]);
  });
}

function SESSION_OF(user: SessionUser) {
  return { accessToken: 'a-new', expiresIn: 900, user };
}

/** Signs in with a right code for a new phone, as a newcomer does, and lands on the form. */
async function openRegistration(path = '/login') {
  const mounted = await mountWithApp(App, { path });
  const { wrapper, router } = mounted;
  await vi.waitFor(() => expect(wrapper.find('[data-testid="phone-input"]').exists()).toBe(true));
  await wrapper.get('[data-testid="phone-input"]').setValue('19900000001');
  await wrapper.get('[data-testid="send-code"]').trigger('click');
  await flushPromises();
  await wrapper.get('[data-testid="code-input"]').setValue('246810');
  await wrapper.get('[data-testid="login-submit"]').trigger('submit');
  await flushPromises();
  await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('register'));
  await vi.waitFor(() =>
    expect(wrapper.find('[data-testid="register-submit"]').exists()).toBe(true),
  );
  await flushPromises();
  return mounted;
}

async function pick(wrapper: VueWrapper, testid: string, value: string, search?: string) {
  await wrapper.get(`[data-testid="${testid}-field"]`).trigger('click');
  await flushPromises();
  if (search) await wrapper.get(`[data-testid="${testid}-search"] input`).setValue(search);
  await wrapper.get(`[data-testid="${testid}-option"][data-value="${value}"]`).trigger('click');
  await flushPromises();
}

function registerBody(fetchMock: ReturnType<typeof newPhoneApi>): Record<string, unknown> {
  const call = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/register'));
  return JSON.parse(String(call?.[1].body)) as Record<string, unknown>;
}

function fieldOf(wrapper: VueWrapper, testid: string) {
  return wrapper.get(`[data-testid="${testid}"]`).element.closest('.van-field') as HTMLElement;
}

describe('registration of a new phone', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'permissions');
    Reflect.deleteProperty(navigator, 'geolocation');
  });

  it('opens the registration form when the code is right for a phone nobody holds, the token kept out of the address', async () => {
    newPhoneApi();
    const { wrapper, router } = await openRegistration('/login?redirect=/requests/new');

    expect(router.currentRoute.value.fullPath).toBe('/register?redirect=/requests/new');
    expect(router.currentRoute.value.fullPath).not.toContain('reg-token-1');
    expect(readTokens()).toBeNull();
    expect(wrapper.text()).toContain('Create your account');
    expect(wrapper.text()).toContain('Your number 199****0001 is confirmed.');
    // Community and compound pickers are fed by the public list.
    await wrapper.get('[data-testid="community-field"]').trigger('click');
    await flushPromises();
    const options = wrapper.findAll('[data-testid="community-option"]').map((o) => o.text());
    expect(options).toEqual(['Hemu Road Community', 'Wannian Road Community']);
  });

  it('sends a visitor without a pending registration to the login page', async () => {
    newPhoneApi();
    const { router } = await mountWithApp(App, { path: '/register' });
    expect(router.currentRoute.value.name).toBe('login');
  });

  it('requires the nationality of a foreign resident and sends the trimmed passport name', async () => {
    const fetchMock = newPhoneApi();
    const { wrapper, router } = await openRegistration('/login?redirect=/requests/new');

    await wrapper.get('[data-testid="foreign-switch"]').trigger('click');
    await flushPromises();
    expect(wrapper.text()).toContain('Passport name');
    await wrapper.get('[data-testid="name-input"]').setValue('  Kim Minji ');
    await pick(wrapper, 'community', 'c-hemu');
    await wrapper.get('[data-testid="register-submit"]').trigger('submit');
    await flushPromises();

    expect(calls(fetchMock)).not.toContain('POST /api/auth/resident/register');
    expect(fieldOf(wrapper, 'nationality-field').textContent).toContain('Choose your nationality.');

    await pick(wrapper, 'nationality', 'KR', 'korea');
    expect(wrapper.get('[data-testid="nationality-field"]').text()).toBe('South Korea');
    expect(fieldOf(wrapper, 'nationality-field').textContent).not.toContain(
      'Choose your nationality.',
    );
    await pick(wrapper, 'compound', 'cp-intl');
    await wrapper.get('[data-testid="register-submit"]').trigger('submit');
    await flushPromises();

    expect(registerBody(fetchMock)).toEqual({
      registrationToken: 'reg-token-1',
      name: 'Kim Minji',
      foreign: true,
      nationality: 'KR',
      preferredLanguage: 'en',
      communityId: 'c-hemu',
      compoundId: 'cp-intl',
    });
    expect(readTokens()).toEqual({ accessToken: 'a-new' });
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/requests/new'));
  });

  it('names countries in the language of the app and finds them by their English name too', async () => {
    newPhoneApi();
    setLocale('zh-CN');
    const { wrapper } = await openRegistration();

    await wrapper.get('[data-testid="foreign-switch"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="nationality-field"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="nationality-search"] input').setValue('korea');
    const found = wrapper.findAll('[data-testid="nationality-option"]');
    expect(found.map((o) => o.attributes('data-value')).sort()).toEqual(['KP', 'KR']);
    expect(found.map((o) => o.text())).toContain('韩国');
    // Chinese residents are not foreign residents.
    await wrapper.get('[data-testid="nationality-search"] input').setValue('china');
    expect(wrapper.findAll('[data-testid="nationality-option"]')).toHaveLength(0);
  });

  it('asks a non-foreign resident for a name and a community, with its own messages', async () => {
    const fetchMock = newPhoneApi();
    const { wrapper } = await openRegistration();

    await wrapper.get('[data-testid="name-input"]').setValue('   ');
    await wrapper.get('[data-testid="register-submit"]').trigger('submit');
    await flushPromises();

    expect(calls(fetchMock)).not.toContain('POST /api/auth/resident/register');
    expect(fieldOf(wrapper, 'name-input').textContent).toContain('Enter your name.');
    expect(fieldOf(wrapper, 'community-field').textContent).toContain(
      'Choose the community you live in.',
    );
    expect(wrapper.find('[data-testid="nationality-field"]').exists()).toBe(false);
  });

  it("shows the API's field errors translated beside their fields, in English and in Chinese", async () => {
    const fetchMock = newPhoneApi(() =>
      apiError(400, 'VALIDATION_FAILED', {
        fields: [
          { field: 'name', code: 'too_long', params: { max: 64 }, message: 'name is too long' },
          { field: 'compoundId', code: 'not_found', message: 'compound not found' },
        ],
      }),
    );
    const { wrapper } = await openRegistration();

    await wrapper.get('[data-testid="name-input"]').setValue('李明');
    await pick(wrapper, 'community', 'c-hemu');
    await pick(wrapper, 'compound', 'cp-old');
    await wrapper.get('[data-testid="register-submit"]').trigger('submit');
    await flushPromises();

    expect(calls(fetchMock)).toContain('POST /api/auth/resident/register');
    expect(fieldOf(wrapper, 'name-input').textContent).toContain('At most 64 characters');
    expect(fieldOf(wrapper, 'compound-field').textContent).toContain(
      'Does not exist, or is outside your area',
    );
    expect(wrapper.get('[data-testid="register-error"]').text()).toContain(
      'Some details are not right.',
    );
    expect(wrapper.text()).not.toContain('name is too long');

    await wrapper.get('[data-testid="locale-switch"]').trigger('click');
    await flushPromises();

    expect(fieldOf(wrapper, 'name-input').textContent).toContain('最多 64 个字');
    expect(fieldOf(wrapper, 'compound-field').textContent).toContain(
      '所选记录不存在，或不在您的范围内',
    );
    expect(wrapper.text()).toContain('注册账号');

    // Editing a field clears its error from the server.
    await wrapper.get('[data-testid="name-input"]').setValue('李明明');
    expect(fieldOf(wrapper, 'name-input').textContent).not.toContain('最多 64 个字');
  });

  it('takes the language of the app by default, and the one chosen when changed', async () => {
    const fetchMock = newPhoneApi();
    setLocale('zh-CN');
    const { wrapper } = await openRegistration();

    await wrapper.get('[data-testid="name-input"]').setValue('李明');
    await pick(wrapper, 'community', 'c-wannian');
    expect(wrapper.get('[data-testid="compound-field"]').text()).toBe('请选择小区（选填）');
    await wrapper.get('[data-testid="language-choice"] [data-value="en"]').trigger('click');
    await wrapper.get('[data-testid="register-submit"]').trigger('submit');
    await flushPromises();

    expect(registerBody(fetchMock)).toMatchObject({
      name: '李明',
      foreign: false,
      nationality: null,
      preferredLanguage: 'en',
      communityId: 'c-wannian',
      compoundId: null,
    });
  });

  it('chooses the community of the nearest desk from the location', async () => {
    const getCurrentPosition = vi.fn((ok: PositionCallback) =>
      ok({ coords: { latitude: 29.64, longitude: 106.52 } } as GeolocationPosition),
    );
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: { getCurrentPosition },
    });
    const fetchMock = newPhoneApi();
    const { wrapper } = await openRegistration();

    await wrapper.get('[data-testid="use-location"]').trigger('click');
    await flushPromises();

    expect(calls(fetchMock)).toContain('GET /api/public/desks?lat=29.64&lng=106.52&limit=1');
    expect(wrapper.get('[data-testid="community-field"]').text()).toBe('Hemu Road Community');
    expect(wrapper.get('[data-testid="location-status"]').text()).toContain(
      'Nearest desk: Hemu Road Service Desk (420 m). We chose Hemu Road Community',
    );
  });

  it('lets the resident choose by hand when location is refused', async () => {
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition: (_ok: PositionCallback, fail: PositionErrorCallback) =>
          fail({ code: 1, PERMISSION_DENIED: 1 } as GeolocationPositionError),
      },
    });
    const fetchMock = newPhoneApi();
    const { wrapper } = await openRegistration();

    await wrapper.get('[data-testid="use-location"]').trigger('click');
    await flushPromises();

    expect(wrapper.get('[data-testid="location-status"]').text()).toContain(
      'Location is off. Choose your community from the list.',
    );
    expect(calls(fetchMock).some((c) => c.includes('/public/desks'))).toBe(false);
    await pick(wrapper, 'community', 'c-wannian');
    expect(wrapper.get('[data-testid="community-field"]').text()).toBe('Wannian Road Community');
  });

  it('offers the way back to the login when the registration has expired', async () => {
    newPhoneApi(() => apiError(401, 'TOKEN_INVALID'));
    const { wrapper, router } = await openRegistration();

    await wrapper.get('[data-testid="name-input"]').setValue('Kim Minji');
    await pick(wrapper, 'community', 'c-hemu');
    await wrapper.get('[data-testid="register-submit"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="register-expired"]').text()).toContain(
      'This registration has expired.',
    );
    expect(readTokens()).toBeNull();
    await wrapper.get('[data-testid="register-expired"] button').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'));
  });

  it('shows the communities list failure with a retry', async () => {
    let failing = true;
    newPhoneApi();
    const base = vi.mocked(fetch).getMockImplementation()!;
    vi.mocked(fetch).mockImplementation((url, init) =>
      String(url).endsWith('/public/communities') && failing
        ? Promise.resolve(apiError(500, 'INTERNAL'))
        : base(url, init),
    );
    const { wrapper } = await openRegistration();

    expect(wrapper.get('[data-testid="load-error"]').text()).toContain(
      "We couldn't load the communities",
    );
    failing = false;
    await wrapper.get('[data-testid="load-error"] button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="load-error"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="community-field"]').text()).toBe('Choose your community');
  });
});

describe('an unverified resident', () => {
  it('is told on the Me page that the community will confirm the registration', async () => {
    signIn();
    stubFetch(() => json(NEWCOMER));
    const { wrapper } = await mountWithApp(MeView, { path: '/me' });

    const cell = wrapper.get('[data-testid="verification"]');
    expect(cell.attributes('data-verification')).toBe('unverified');
    expect(cell.text()).toContain('Awaiting confirmation');
    expect(cell.text()).toContain('Your community will confirm your registration');

    setLocale('zh-CN');
    await flushPromises();
    expect(wrapper.get('[data-testid="verification"]').text()).toContain('待社区核实');
  });

  it('reads as confirmed once verified', async () => {
    signIn();
    stubFetch(() => json({ ...resident, verification: 'verified' }));
    const { wrapper } = await mountWithApp(MeView, { path: '/me' });

    expect(wrapper.get('[data-testid="verification"]').text()).toContain('Confirmed');
    expect(wrapper.text()).not.toContain('Awaiting confirmation');
  });
});
