import type {
  CasePush,
  FollowUpPush,
  MeetingPush,
  ProposalPush,
  RatingPublishedStreamPush,
} from '@baitong/contracts';
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { renewAccessToken } from '@/api/request';
import {
  isFollowUpEvent,
  isMeetingEvent,
  isProposalEvent,
  isRatingEvent,
  RealtimeConnection,
  type CasePushEvent,
  type ConnectionState,
  type FollowUpPushEvent,
  type MeetingPushEvent,
  type ProposalPushEvent,
} from '@/realtime/socket';
import { useAuthStore } from '@/stores/auth';

export type PushListener = (push: CasePush, event: CasePushEvent) => void;
export type FollowUpPushListener = (push: FollowUpPush, event: FollowUpPushEvent) => void;
export type ProposalPushListener = (push: ProposalPush, event: ProposalPushEvent) => void;
export type MeetingPushListener = (push: MeetingPush, event: MeetingPushEvent) => void;
export type RatingPushListener = (push: RatingPublishedStreamPush) => void;

/**
 * The signed-in user's one live connection, shared by every page: pages join the rooms they
 * show and listen to the pushes; the connection ends when the session does.
 */
export const useRealtimeStore = defineStore('realtime', () => {
  const auth = useAuthStore();
  const state = ref<ConnectionState>('idle');
  const connected = computed(() => state.value === 'connected');
  /** Counts reconnects after which missed events could not be replayed; pages reload then. */
  const resyncs = ref(0);

  let connection: RealtimeConnection | null = null;
  const listeners = new Set<PushListener>();
  const followUpListeners = new Set<FollowUpPushListener>();
  const proposalListeners = new Set<ProposalPushListener>();
  const meetingListeners = new Set<MeetingPushListener>();
  const ratingListeners = new Set<RatingPushListener>();
  const roomUsers = new Map<string, number>();

  function ensureConnection(): RealtimeConnection | null {
    if (connection) return connection;
    if (!auth.accessToken) return null;
    connection = new RealtimeConnection({
      getToken: () => auth.accessToken,
      renew: renewAccessToken,
      onPush: (push, event) => {
        if (isFollowUpEvent(event)) {
          for (const listener of [...followUpListeners]) listener(push as FollowUpPush, event);
        } else if (isProposalEvent(event)) {
          for (const listener of [...proposalListeners]) listener(push as ProposalPush, event);
        } else if (isMeetingEvent(event)) {
          for (const listener of [...meetingListeners]) listener(push as MeetingPush, event);
        } else if (isRatingEvent(event)) {
          for (const listener of [...ratingListeners]) listener(push as RatingPublishedStreamPush);
        } else {
          for (const listener of [...listeners]) listener(push as CasePush, event);
        }
      },
      onState: (next) => {
        state.value = next;
      },
      onResync: () => {
        resyncs.value += 1;
      },
    });
    for (const room of roomUsers.keys()) connection.join(room);
    connection.start();
    return connection;
  }

  /** Joins a room for as long as the returned function is not called. */
  function join(room: string): () => void {
    roomUsers.set(room, (roomUsers.get(room) ?? 0) + 1);
    ensureConnection()?.join(room);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const users = (roomUsers.get(room) ?? 1) - 1;
      if (users > 0) {
        roomUsers.set(room, users);
      } else {
        roomUsers.delete(room);
        connection?.leave(room);
      }
    };
  }

  function listen(listener: PushListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  function listenFollowUps(listener: FollowUpPushListener): () => void {
    followUpListeners.add(listener);
    return () => followUpListeners.delete(listener);
  }

  function listenProposals(listener: ProposalPushListener): () => void {
    proposalListeners.add(listener);
    return () => proposalListeners.delete(listener);
  }

  function listenMeetings(listener: MeetingPushListener): () => void {
    meetingListeners.add(listener);
    return () => meetingListeners.delete(listener);
  }

  function listenRatings(listener: RatingPushListener): () => void {
    ratingListeners.add(listener);
    return () => ratingListeners.delete(listener);
  }

  function stop() {
    connection?.stop();
    connection = null;
    state.value = 'idle';
  }

  // Another user, or none: the old connection and its rooms belong to the old session.
  watch(
    () => auth.user?.id ?? null,
    (id, previous) => {
      if (id === previous) return;
      stop();
      roomUsers.clear();
    },
  );

  return {
    state,
    connected,
    resyncs,
    join,
    listen,
    listenFollowUps,
    listenProposals,
    listenMeetings,
    listenRatings,
    stop,
    lastSeen: () => connection?.lastSeen ?? null,
  };
});
