import type { MeetingDetail } from '@baitong/contracts';
import { ElMessage } from 'element-plus';
import { computed, ref, type ShallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiRequestError } from '@/api/api-error';
import { errorMessage } from '@/api/error-message';
import { fieldErrorTexts } from '@/composables/useFieldErrors';
import { isMeetingConflict } from '@/utils/meeting';

export type MeetingNotice =
  | { kind: 'stale' }
  | { kind: 'conflict'; reason: string; params: Record<string, number> }
  | { kind: 'error'; text: string };

function numbers(details: Record<string, unknown> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(details ?? {}))
    if (typeof value === 'number') out[key] = value;
  return out;
}

/**
 * Runs one step of a meeting. A refusal is said in words above the page and in a toast: a stale
 * version reloads the meeting, a refused step (409 with `details.reason`) explains the reason with
 * the API's numbers (members present, quorum), field errors go to the form that sent them.
 */
export function useMeetingChange(
  detail: ShallowRef<MeetingDetail | null>,
  reload: () => Promise<void>,
) {
  const { t, te } = useI18n();
  const notice = ref<MeetingNotice | null>(null);

  const noticeText = computed(() => {
    const n = notice.value;
    if (!n) return '';
    if (n.kind === 'stale') return t('meeting.notice.stale');
    if (n.kind === 'error') return n.text;
    const key = `meeting.conflict.${n.reason}`;
    return te(key) ? t(key, n.params) : t('errors.CONFLICT');
  });

  /** True when saved; `fieldErrors` receives the API's field messages of a refused change. */
  async function change(
    call: (id: string, version: number) => Promise<MeetingDetail>,
    fieldErrors?: { value: Record<string, string> },
  ): Promise<boolean> {
    const current = detail.value;
    if (!current) return false;
    if (fieldErrors) fieldErrors.value = {};
    notice.value = null;
    try {
      detail.value = await call(current.id, current.version);
      return true;
    } catch (err) {
      if (!(err instanceof ApiRequestError)) throw err;
      if (err.code === 'STALE_VERSION') {
        await reload();
        notice.value = { kind: 'stale' };
        ElMessage({ type: 'warning', message: noticeText.value, grouping: true });
        return false;
      }
      const reason = err.error.details?.['reason'];
      if (err.code === 'CONFLICT' && isMeetingConflict(reason)) {
        notice.value = { kind: 'conflict', reason, params: numbers(err.error.details) };
        ElMessage({ type: 'warning', message: noticeText.value, grouping: true });
        // The refusal may come from a change made elsewhere (another phone at the meeting).
        await reload();
        return false;
      }
      if (fieldErrors && err.fields.length) {
        fieldErrors.value = fieldErrorTexts(err);
        return false;
      }
      const fields = Object.values(fieldErrorTexts(err));
      notice.value = { kind: 'error', text: fields.length ? fields.join('; ') : errorMessage(err) };
      ElMessage({ type: 'error', message: noticeText.value, grouping: true, showClose: true });
      return false;
    }
  }

  return { notice, noticeText, change };
}
