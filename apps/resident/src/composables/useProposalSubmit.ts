import type { ProposalDetail, SimilarProposal } from '@baitong/contracts';
import { showSuccessToast, showToast } from 'vant';
import { ref, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { followProposal, moveProposal, similarProposals, supportProposal } from '@/api/proposals';
import { useProposalsStore } from '@/stores/proposals';
import { refusalReason } from '@/utils/proposals';

/**
 * Submitting a draft, with the similar-proposal prompt first: when the community already has
 * proposals saying much the same, the resident chooses to support (or follow) one of them
 * instead — the draft is then withdrawn — to submit theirs anyway, or to keep the draft.
 */
export function useProposalSubmit() {
  const { t } = useI18n();
  const router = useRouter();
  const proposals = useProposalsStore();

  const similar = ref<SimilarProposal[]>([]);
  const draft = shallowRef<ProposalDetail | null>(null);
  const busy = ref(false);
  const failure = shallowRef<unknown>(null);

  async function submit(item: ProposalDetail): Promise<void> {
    const done = await moveProposal(item.id, 'submit', item.version, { silent: true });
    proposals.known(done);
    similar.value = [];
    showSuccessToast(t('council.form.submitted'));
    await router.replace({ name: 'proposal', params: { id: done.id } });
  }

  async function guarded(run: () => Promise<void>): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    failure.value = null;
    try {
      await run();
    } catch (error) {
      failure.value = error;
    } finally {
      busy.value = false;
    }
  }

  /** Looks for similar proposals; submits at once when there are none. */
  function start(item: ProposalDetail): Promise<void> {
    draft.value = item;
    return guarded(async () => {
      let found: SimilarProposal[] = [];
      try {
        found = await similarProposals(item.id, { silent: true });
      } catch {
        // The suggestion is a help, not a gate: without it the draft is submitted as asked.
      }
      if (found.length) similar.value = found;
      else await submit(item);
    });
  }

  function anyway(): Promise<void> {
    const item = draft.value;
    return item ? guarded(() => submit(item)) : Promise.resolve();
  }

  /** Backs the other proposal instead and withdraws the draft. */
  function instead(other: SimilarProposal): Promise<void> {
    const item = draft.value;
    if (!item) return Promise.resolve();
    return guarded(async () => {
      const open = other.status === 'open_for_support';
      try {
        const backed = open
          ? await supportProposal(other.proposalId, { silent: true })
          : await followProposal(other.proposalId, { silent: true });
        proposals.known(backed);
      } catch (error) {
        const reason = refusalReason(error);
        if (reason !== 'already_supported' && reason !== 'already_following') throw error;
      }
      await moveProposal(item.id, 'withdraw', item.version, {
        silent: true,
        reason: t('council.similar.withdrawReason', { number: other.number }),
      });
      similar.value = [];
      showToast(open ? t('council.similar.supported') : t('council.similar.followed'));
      await router.replace({ name: 'proposal', params: { id: other.proposalId } });
    });
  }

  /** Keeps the draft for later: its page offers to submit it. */
  async function later(): Promise<void> {
    const item = draft.value;
    similar.value = [];
    if (item) await router.replace({ name: 'proposal', params: { id: item.id } });
  }

  return { similar, busy, failure, start, anyway, instead, later };
}
