import type { Grid } from '@baitong/contracts';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import GridDialog from '@/components/org/GridDialog.vue';
import { jsonResponse, makeUser, mountInApp, storeSession, stubFetch } from './helpers';

const grid: Grid = {
  id: 'g1',
  communityId: 'c1',
  compoundId: null,
  name: '一网格',
  code: 'G01',
};

const submitButton = () =>
  document.body.querySelector<HTMLButtonElement>('[data-testid="dialog-submit"]');

describe('form dialogs', () => {
  it('opens with the record, saves it with a busy button, then emits it and closes', async () => {
    storeSession(makeUser('community_admin', 'community', 'c1'));
    let answer: (response: Response) => void = () => undefined;
    const { calls } = stubFetch({
      'PATCH /api/grids/g1': () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    const { wrapper } = await mountInApp(GridDialog, {
      path: '/',
      stubViews: true,
      props: { modelValue: true, communityId: 'c1', grid, compounds: [] },
    });
    await flushPromises();
    const inputs = [...document.body.querySelectorAll<HTMLInputElement>('.el-dialog input')];
    expect(inputs.slice(0, 2).map((input) => input.value)).toEqual(['一网格', 'G01']);

    submitButton()?.click();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.body).toEqual({ name: '一网格', code: 'G01', compoundId: null });
    await flushPromises();
    expect(submitButton()?.classList.contains('is-loading')).toBe(true);

    answer(jsonResponse(200, { ...grid, name: '第一网格' }));
    await vi.waitFor(() => expect(wrapper.emitted('saved')).toHaveLength(1));
    expect(wrapper.emitted('saved')?.[0]).toEqual([{ ...grid, name: '第一网格' }]);
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]]);
  });
});
