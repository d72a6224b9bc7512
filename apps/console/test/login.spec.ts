import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useLocaleStore } from '@/stores/locale';
import Login from '@/views/auth/Login.vue';
import { jsonResponse, loginResponse, makeUser, mountInApp, stubFetch } from './helpers';

const throttled = () =>
  jsonResponse(429, {
    statusCode: 429,
    code: 'TOO_MANY_REQUESTS',
    message: 'Too many attempts; try again later',
    details: { retryAfterSeconds: 16 },
  });

async function signIn(wrapper: Awaited<ReturnType<typeof mountInApp>>['wrapper']) {
  await wrapper.find('[data-testid="login-username"]').setValue('zhangsan');
  await wrapper.find('[data-testid="login-password"]').setValue('wrong-password');
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}

describe('login view', () => {
  it('explains the wait in Chinese with the seconds left from retryAfterSeconds', async () => {
    const { calls } = stubFetch({ 'POST /api/auth/staff/login': throttled });
    const { wrapper } = await mountInApp(Login, { path: '/login' });

    await signIn(wrapper);

    const error = wrapper.find('[data-testid="login-error"]');
    expect(error.exists()).toBe(true);
    expect(error.text()).toContain('操作过于频繁，请 16 秒后再试');
    expect(calls.find((c) => c.path === '/api/auth/staff/login')?.body).toEqual({
      username: 'zhangsan',
      password: 'wrong-password',
    });
    expect(localStorage.length).toBe(0);
  });

  it('explains the same wait in English after switching language', async () => {
    stubFetch({ 'POST /api/auth/staff/login': throttled });
    const { wrapper } = await mountInApp(Login, { path: '/login' });

    await signIn(wrapper);
    useLocaleStore().setLocale('en');
    await flushPromises();

    expect(wrapper.find('[data-testid="login-error"]').text()).toContain(
      'Too many attempts. Try again in 16 seconds.',
    );
  });

  it('says the credentials are wrong without clearing the username', async () => {
    stubFetch({
      'POST /api/auth/staff/login': () =>
        jsonResponse(401, { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Bad' }),
    });
    const { wrapper } = await mountInApp(Login, { path: '/login' });

    await signIn(wrapper);

    expect(wrapper.find('[data-testid="login-error"]').text()).toContain('用户名或密码错误');
    expect((wrapper.find('[data-testid="login-username"]').element as HTMLInputElement).value).toBe(
      'zhangsan',
    );
    expect((wrapper.find('[data-testid="login-password"]').element as HTMLInputElement).value).toBe(
      '',
    );
  });

  it('does not call the API when the fields are empty', async () => {
    const { calls } = stubFetch({});
    const { wrapper } = await mountInApp(Login, { path: '/login' });

    await wrapper.find('form').trigger('submit');
    await flushPromises();

    // Only the page load's attempt to renew from a cookie, no sign-in.
    expect(calls.map((c) => c.path)).toEqual(['/api/auth/staff/refresh']);
    // Element Plus shows field messages after a short debounce.
    await vi.waitFor(() => expect(wrapper.text()).toContain('请输入用户名'));
  });

  it('sends desk staff to their workbench, the community admin to the desks, others to the redirect target', async () => {
    const staff = makeUser('desk_staff', 'community', 'c-42');
    stubFetch({ 'POST /api/auth/staff/login': () => jsonResponse(200, loginResponse(staff)) });
    const first = await mountInApp(Login, { path: '/login', stubViews: true });
    await signIn(first.wrapper);
    await vi.waitFor(() => expect(first.router.currentRoute.value.name).toBe('workbench'));
    first.wrapper.unmount();

    localStorage.clear();
    const lead = makeUser('community_admin', 'community', 'c-42');
    stubFetch({ 'POST /api/auth/staff/login': () => jsonResponse(200, loginResponse(lead)) });
    const middle = await mountInApp(Login, { path: '/login', stubViews: true });
    await signIn(middle.wrapper);
    await vi.waitFor(() => expect(middle.router.currentRoute.value.name).toBe('community-desks'));
    middle.wrapper.unmount();

    localStorage.clear();
    const admin = makeUser('bureau_admin', 'district', 'd1');
    stubFetch({ 'POST /api/auth/staff/login': () => jsonResponse(200, loginResponse(admin)) });
    const second = await mountInApp(Login, { path: '/login?redirect=/streets', stubViews: true });
    await signIn(second.wrapper);
    await vi.waitFor(() => expect(second.router.currentRoute.value.fullPath).toBe('/streets'));
  });
});
