import type { FollowUpPush, RatingInvitation } from '@baitong/contracts';
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { listRatingInvitations } from '@/api/follow-ups';

/**
 * The resident's invitations to rate a resolved request (邀评): loaded once a page shows them,
 * joined live by the `invited` push, and dropped once the request is rated.
 */
export const useFollowUpsStore = defineStore('follow-ups', () => {
  const invitations = ref<RatingInvitation[]>([]);
  const loaded = ref(false);
  const error = shallowRef<unknown>(null);
  let generation = 0;
  // Requests rated in this session: a list fetched before the rating went through must not
  // bring them back.
  const rated = new Set<string>();

  function add(invitation: RatingInvitation): void {
    // A live invitation is newer than any rating of this session (a later resolution's).
    rated.delete(invitation.caseId);
    if (invitations.value.some((i) => i.followUpId === invitation.followUpId)) return;
    invitations.value = [invitation, ...invitations.value];
  }

  async function refresh(): Promise<void> {
    const mine = ++generation;
    try {
      const list = await listRatingInvitations({ silent: true });
      if (mine !== generation) return;
      // Invitations pushed while the list was loading stay.
      const pushed = invitations.value.filter(
        (i) => !list.some((l) => l.followUpId === i.followUpId),
      );
      invitations.value = [...pushed, ...list.filter((i) => !rated.has(i.caseId))];
      loaded.value = true;
      error.value = null;
    } catch (e) {
      if (mine === generation) error.value = e;
    }
  }

  /** A follow-up push to the resident's room: only `invited` comes there. */
  function applyPush(push: FollowUpPush): void {
    const f = push.followUp;
    if (push.type !== 'invited' || !f?.id) return;
    add({
      followUpId: f.id,
      caseId: f.caseId,
      caseNumber: f.caseNumber,
      caseSummary: f.caseSummary,
      invitedAt: new Date().toISOString(),
    });
  }

  /** The request was rated (here, or before on another phone): its invitation goes. */
  function ratedCase(caseId: string): void {
    rated.add(caseId);
    invitations.value = invitations.value.filter((i) => i.caseId !== caseId);
  }

  function reset(): void {
    generation++;
    rated.clear();
    invitations.value = [];
    loaded.value = false;
    error.value = null;
  }

  return { invitations, loaded, error, refresh, applyPush, ratedCase, reset };
});
