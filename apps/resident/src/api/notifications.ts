import type { NotificationCount, NotificationPage } from '@baitong/contracts';
import { request, type RequestOptions } from '@/api/request';

type CallOptions = Pick<RequestOptions, 'silent' | 'signal'>;

/** The resident's inbox, newest first; `before` goes on with older ones. */
export function listNotifications(
  query: { before?: string | null; limit?: number } = {},
  options: CallOptions = {},
): Promise<NotificationPage> {
  const params = new URLSearchParams();
  if (query.before) params.set('before', query.before);
  if (query.limit) params.set('limit', String(query.limit));
  const qs = params.toString();
  return request<NotificationPage>(`/me/notifications${qs ? `?${qs}` : ''}`, options);
}

export function getUnreadNotifications(options: CallOptions = {}): Promise<NotificationCount> {
  return request<NotificationCount>('/me/notifications/unread', options);
}

/** Moves the seen mark forward (the server never moves it back). */
export function markNotificationsSeen(
  upTo: string,
  options: CallOptions = {},
): Promise<NotificationCount> {
  return request<NotificationCount>('/me/notifications/seen', {
    method: 'POST',
    body: { upTo },
    ...options,
  });
}
