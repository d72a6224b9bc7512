import type { ProposalAction, ProposalDetail } from '@baitong/contracts';
import { ElMessage } from 'element-plus';
import { computed, ref, type ShallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiRequestError } from '@/api/api-error';
import { errorMessage } from '@/api/error-message';
import { fieldErrorTexts } from '@/composables/useFieldErrors';
import { useCouncilLabels } from '@/composables/useCouncilLabels';

export type ProposalNotice =
  | { kind: 'stale' }
  | { kind: 'illegal'; allowed: ProposalAction[] }
  | { kind: 'conflict'; reason: string };

/** Why a change refused with 409 `CONFLICT` (`details.reason`), in words when the console knows it. */
const CONFLICT_REASONS = ['target_not_open', 'already_hidden', 'case_in_council'];

/**
 * Runs one change of a proposal with the version the page shows. A stale version reloads the
 * proposal and says so; an illegal move names the moves that are possible now; a refusal with
 * a reason explains it. The page shows `notice` above the proposal.
 */
export function useProposalChange(
  detail: ShallowRef<ProposalDetail | null>,
  reload: () => Promise<void>,
) {
  const { t } = useI18n();
  const labels = useCouncilLabels();
  const notice = ref<ProposalNotice | null>(null);

  const noticeText = computed(() => {
    const n = notice.value;
    if (!n) return '';
    if (n.kind === 'stale') return t('council.notice.stale');
    if (n.kind === 'conflict') return t(`council.conflict.${n.reason}`);
    return n.allowed.length
      ? t('council.notice.illegal', {
          actions: n.allowed.map(labels.action).join(t('common.listSeparator')),
        })
      : t('council.notice.illegalNone');
  });

  function allowedFrom(err: ApiRequestError): ProposalAction[] {
    const allowed = err.error.details?.['allowed'];
    return Array.isArray(allowed)
      ? (allowed.filter((a) => typeof a === 'string') as ProposalAction[])
      : [];
  }

  /** True when saved; `fieldErrors` receives the API's field messages of a refused change. */
  async function change(
    call: (id: string, version: number) => Promise<ProposalDetail>,
    fieldErrors?: { value: Record<string, string> },
  ): Promise<boolean> {
    const current = detail.value;
    if (!current) return false;
    if (fieldErrors) fieldErrors.value = {};
    // A notice is about the last try: a new one starts without it.
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
      if (err.code === 'ILLEGAL_TRANSITION') {
        const allowed = allowedFrom(err);
        await reload();
        notice.value = { kind: 'illegal', allowed };
        ElMessage({ type: 'warning', message: noticeText.value, grouping: true });
        return false;
      }
      const reason = err.error.details?.['reason'];
      if (
        err.code === 'CONFLICT' &&
        typeof reason === 'string' &&
        CONFLICT_REASONS.includes(reason)
      ) {
        notice.value = { kind: 'conflict', reason };
        ElMessage({ type: 'warning', message: noticeText.value, grouping: true });
        return false;
      }
      if (fieldErrors && err.fields.length) {
        fieldErrors.value = fieldErrorTexts(err);
        return false;
      }
      ElMessage({ type: 'error', message: errorMessage(err), grouping: true, showClose: true });
      return false;
    }
  }

  return { notice, noticeText, change };
}
