import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import StreetDialog from '@/components/org/StreetDialog.vue';
import { jsonResponse, makeUser, mountInApp, storeSession, stubFetch } from './helpers';

async function openAndSubmit() {
  storeSession(makeUser('bureau_admin', 'district', 'd1'));
  const { wrapper } = await mountInApp(StreetDialog, {
    path: '/',
    stubViews: true,
    props: { modelValue: true, street: null },
  });
  await flushPromises();
  const inputs = [...document.body.querySelectorAll<HTMLInputElement>('.el-dialog input')];
  const values = ['LJ09', '悦来街道', 'Yuelai Street'];
  inputs.forEach((input, i) => {
    input.value = values[i] ?? '';
    input.dispatchEvent(new Event('input'));
  });
  await flushPromises();
  document.body.querySelector<HTMLButtonElement>('[data-testid="dialog-submit"]')?.click();
  await flushPromises();
  return wrapper;
}

const fieldErrors = () =>
  [...document.body.querySelectorAll('.el-dialog .el-form-item__error')].map((el) =>
    el.textContent?.trim(),
  );

describe('form errors from the API', () => {
  it('shows the fields of a VALIDATION_FAILED answer next to their inputs, translated', async () => {
    const { calls } = stubFetch({
      'POST /api/streets': () =>
        jsonResponse(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Validation failed',
          fields: [
            {
              field: 'nameEn',
              code: 'too_long',
              params: { max: 128 },
              message: 'must be shorter than or equal to 128 characters',
            },
          ],
        }),
    });

    const wrapper = await openAndSubmit();

    // In the user's language from the code, not the API's English sentence.
    await vi.waitFor(() => expect(fieldErrors()).toEqual(['最多 128 个字']));
    expect(calls[0]?.body).toEqual({ code: 'LJ09', name: '悦来街道', nameEn: 'Yuelai Street' });
    expect(wrapper.emitted('saved')).toBeUndefined();
  });

  it('points a CONFLICT at the code field in the current language', async () => {
    stubFetch({
      'POST /api/streets': () =>
        jsonResponse(409, { statusCode: 409, code: 'CONFLICT', message: 'duplicate' }),
    });

    await openAndSubmit();

    await vi.waitFor(() => expect(fieldErrors()).toEqual(['该编码可能已被使用，请换一个']));
  });
});
