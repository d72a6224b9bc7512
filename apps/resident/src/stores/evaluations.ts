import type { EvaluationInvitation, EvaluationInvitationPush } from '@baitong/contracts';
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { listEvaluationInvitations } from '@/api/evaluations';

/**
 * The resident's invitations to evaluate a completed council project (项目邀评): loaded when a page
 * shows them, joined live by the `evaluation.invited` push, dropped once answered.
 */
export const useEvaluationsStore = defineStore('evaluations', () => {
  const invitations = ref<EvaluationInvitation[]>([]);
  const loaded = ref(false);
  const error = shallowRef<unknown>(null);
  let generation = 0;
  // Answered in this session: a list fetched before the answer went through must not bring them back.
  const answered = new Set<string>();

  async function refresh(): Promise<void> {
    const mine = ++generation;
    try {
      const list = await listEvaluationInvitations({ silent: true });
      if (mine !== generation) return;
      const pushed = invitations.value.filter(
        (i) => !list.some((l) => l.proposalId === i.proposalId),
      );
      invitations.value = [...pushed, ...list.filter((i) => !answered.has(i.proposalId))];
      loaded.value = true;
      error.value = null;
    } catch (e) {
      if (mine === generation) error.value = e;
    }
  }

  function applyPush(push: EvaluationInvitationPush): void {
    const invitation = push.invitation;
    if (!invitation?.proposalId || answered.has(invitation.proposalId)) return;
    if (invitations.value.some((i) => i.proposalId === invitation.proposalId)) return;
    invitations.value = [invitation, ...invitations.value];
  }

  function isInvited(proposalId: string): boolean {
    return invitations.value.some((i) => i.proposalId === proposalId);
  }

  function evaluated(proposalId: string): void {
    answered.add(proposalId);
    invitations.value = invitations.value.filter((i) => i.proposalId !== proposalId);
  }

  function reset(): void {
    generation++;
    answered.clear();
    invitations.value = [];
    loaded.value = false;
    error.value = null;
  }

  return { invitations, loaded, error, refresh, applyPush, isInvited, evaluated, reset };
});
