import { ElNotification } from 'element-plus';
import { onScopeDispose } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { isCommunityRole } from '@/permissions';
import { useRooms } from '@/realtime/useRooms';
import { useAuthStore } from '@/stores/auth';

/**
 * Tells a signed-in user, on whatever page, that a rating run was just published: the district's
 * staff hear it in their own room, a community's staff in their community's room. A click opens
 * the results (district) or the community's own scorecard.
 */
export function useRatingNotice() {
  const auth = useAuthStore();
  const router = useRouter();
  const { t } = useI18n();
  const rooms = () => {
    const user = auth.user;
    if (!user) return [];
    if (user.scope.level === 'district') return [`user:${user.id}`];
    return isCommunityRole(user) && auth.homeCommunityId
      ? [`community:${auth.homeCommunityId}`]
      : [];
  };
  const realtime = useRooms(rooms);
  const seen = new Set<string>();
  const stop = realtime.listenRatings((push) => {
    // A replay after a reconnect may bring the same event again.
    if (seen.has(push.eventId)) return;
    seen.add(push.eventId);
    const communityId = auth.user?.scope.level === 'district' ? null : auth.homeCommunityId;
    ElNotification({
      type: 'success',
      title: t('ratingRuns.publishedNotice.title', { year: push.year }),
      message: t('ratingRuns.publishedNotice.body', { hash: push.contentHash.slice(0, 12) }),
      duration: 10_000,
      customClass: 'rating-published-notice',
      onClick: () => {
        void router.push(
          communityId
            ? { name: 'rating-scorecard', params: { runId: push.runId, communityId } }
            : { name: 'rating-results', params: { runId: push.runId } },
        );
      },
    });
  });
  onScopeDispose(stop);
}
