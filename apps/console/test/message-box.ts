import { flushPromises } from '@vue/test-utils';
import { expect, vi } from 'vitest';

/**
 * Answers the newest `ElMessageBox.confirm` (a box already answered may still be fading out) and
 * returns what it said. The confirm button is found by the `confirmButtonClass` the page gave it.
 */
export async function answerMessageBox(confirm: boolean, confirmClass: string): Promise<string> {
  const open = () =>
    [...document.body.querySelectorAll('.el-message-box')].filter(
      (b) => !b.closest('[data-answered]'),
    );
  await vi.waitFor(() => expect(open().length).toBeGreaterThan(0));
  const box = open().at(-1)!;
  box.parentElement?.setAttribute('data-answered', '');
  const text = box.textContent ?? '';
  const buttons = [...box.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')];
  const button = buttons.find((b) => b.classList.contains(confirmClass) === confirm);
  button?.click();
  await flushPromises();
  return text;
}
