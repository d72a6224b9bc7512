import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { readTokens } from '@/api/token-storage';
import { setLocale } from '@/i18n';
import LoginView from '@/views/LoginView.vue';
import { apiError, calls, json, mountWithApp, resident, stubFetch } from './helpers';

const OTP_OK = { sent: true, expiresInSeconds: 300, resendAfterSeconds: 60, devCode: '246810' };

async function renderLogin(path = '/login') {
  const mounted = await mountWithApp(LoginView, { path });
  // Opening the page asked once whether a refresh cookie still holds a session (see
  // auth-store.spec); the tests here look at what follows.
  expect(calls(vi.mocked(fetch))).toEqual(['POST /api/auth/resident/refresh']);
  vi.mocked(fetch).mockClear();
  return mounted;
}

describe('LoginView', () => {
  it.each(['12345', '2380013800', '12800138000', '138001380001', 'abc'])(
    'does not send a code to %s, which is not an 11-digit mainland mobile',
    async (phone) => {
      const fetchMock = stubFetch(() => json(OTP_OK));
      const { wrapper } = await renderLogin();

      await wrapper.get('[data-testid="phone-input"]').setValue(phone);
      await wrapper.get('[data-testid="send-code"]').trigger('click');
      await flushPromises();

      expect(fetchMock).not.toHaveBeenCalled();
      expect(wrapper.text()).toContain('Enter a valid 11-digit mainland China mobile number.');
      expect(wrapper.get('[data-testid="phone-input"]').attributes('aria-invalid')).toBe('true');
    },
  );

  it('sends the code for a valid number and shows the demo code', async () => {
    const fetchMock = stubFetch(() => json(OTP_OK));
    const { wrapper } = await renderLogin();

    await wrapper.get('[data-testid="phone-input"]').setValue('138 0013 8000');
    await wrapper.get('[data-testid="send-code"]').trigger('click');
    await flushPromises();

    expect(calls(fetchMock)).toEqual(['POST /api/auth/resident/otp']);
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1].body))).toEqual({ phone: '13800138000' });
    expect(wrapper.get('[data-testid="dev-code"]').text()).toBe('246810');
    expect(wrapper.text()).toContain('Code sent to 138****8000');
  });

  it('keeps "send code" disabled until resendAfterSeconds have passed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const fetchMock = stubFetch(() => json({ ...OTP_OK, resendAfterSeconds: 60 }));
    const { wrapper } = await renderLogin();
    const send = () => wrapper.get('[data-testid="send-code"]');

    await wrapper.get('[data-testid="phone-input"]').setValue('13800138000');
    await send().trigger('click');
    await flushPromises();

    expect(send().attributes('disabled')).toBeDefined();
    expect(send().text()).toBe('Resend in 60 s');

    await send().trigger('click');
    vi.advanceTimersByTime(59_000);
    await nextTick();
    expect(send().attributes('disabled')).toBeDefined();
    expect(send().text()).toBe('Resend in 1 s');
    expect(fetchMock).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(1_000);
    await nextTick();
    expect(send().attributes('disabled')).toBeUndefined();
    expect(send().text()).toBe('Send again');
  });

  it('waits as long as the server says when a code was asked for too soon', async () => {
    stubFetch(() => apiError(429, 'TOO_MANY_REQUESTS', { details: { retryAfterSeconds: 42 } }));
    const { wrapper } = await renderLogin();

    await wrapper.get('[data-testid="phone-input"]').setValue('13800138000');
    await wrapper.get('[data-testid="send-code"]').trigger('click');
    await flushPromises();

    expect(wrapper.get('[data-testid="login-error"]').text()).toBe(
      'Too many attempts. Please try again in 42 s.',
    );
    expect(wrapper.get('[data-testid="send-code"]').text()).toBe('Resend in 42 s');
  });

  it('explains a wrong code in the current language, following a language switch', async () => {
    stubFetch((url) => (url.endsWith('/otp') ? json(OTP_OK) : apiError(401, 'OTP_INVALID')));
    const { wrapper } = await renderLogin();

    await wrapper.get('[data-testid="phone-input"]').setValue('13800138000');
    await wrapper.get('[data-testid="send-code"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="code-input"]').setValue('000000');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="login-error"]').text()).toBe(
      'That code is wrong or has expired. Check it, or ask for a new one.',
    );
    setLocale('zh-CN');
    await nextTick();
    expect(wrapper.get('[data-testid="login-error"]').text()).toBe(
      '验证码不正确或已过期，请重新输入或重新获取。',
    );
    expect(readTokens()).toBeNull();
  });

  it("shows the API's field errors by the inputs, in the user's language", async () => {
    stubFetch(() =>
      apiError(400, 'VALIDATION_FAILED', {
        fields: [
          {
            field: 'code',
            code: 'digits',
            params: { length: 6 },
            message: 'code must be 6 digits',
          },
        ],
      }),
    );
    const { wrapper } = await renderLogin();

    await wrapper.get('[data-testid="phone-input"]').setValue('13800138000');
    await wrapper.get('[data-testid="code-input"]').setValue('1234');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="login-error"]').text()).toBe(
      'Some details are not right. Please check and try again.',
    );
    expect(wrapper.get('[data-testid="code-input"]').attributes('aria-invalid')).toBe('true');
    // Translated from the code, not the API's sentence.
    expect(wrapper.text()).toContain('Enter 6 digits');
  });

  it('asks for the code before calling the API', async () => {
    const fetchMock = stubFetch(() => json(OTP_OK));
    const { wrapper } = await renderLogin();

    await wrapper.get('[data-testid="phone-input"]').setValue('13800138000');
    await wrapper.get('[data-testid="login-submit"]').trigger('click');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(fetchMock).not.toHaveBeenCalled();
    expect(wrapper.text()).toContain('Enter the code we sent you.');
  });

  it('logs in, keeps the session and goes to the page that was asked for', async () => {
    const fetchMock = stubFetch((url) =>
      url.endsWith('/refresh')
        ? apiError(401, 'TOKEN_INVALID')
        : json({ accessToken: 'a-1', expiresIn: 900, user: resident }),
    );
    const { wrapper, router } = await renderLogin('/login?redirect=/me');

    await wrapper.get('[data-testid="phone-input"]').setValue('13800138000');
    await wrapper.get('[data-testid="code-input"]').setValue('246810');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(calls(fetchMock)).toEqual(['POST /api/auth/resident/login']);
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1].body))).toEqual({
      phone: '13800138000',
      code: '246810',
    });
    expect(readTokens()).toEqual({ accessToken: 'a-1' });
    expect(localStorage.getItem('baitong.resident.tokens')).toBeNull();
    // The page is loaded lazily, so the navigation settles a little later.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/me'));
  });
});
