import type { PublicDesk } from '@baitong/contracts';
import { request, type RequestOptions } from '@/api/request';

type CallOptions = Pick<RequestOptions, 'silent' | 'signal'>;

export interface DeskQuery {
  /** WGS-84, as the browser's geolocation gives it (the API's default datum). */
  lat?: number;
  lng?: number;
  limit?: number;
  communityId?: string;
}

/** Public desk finder: nearest first when a point is given. */
export function listPublicDesks(
  query: DeskQuery = {},
  options: CallOptions = {},
): Promise<PublicDesk[]> {
  return request<PublicDesk[]>('/public/desks', {
    query: { ...query },
    auth: false,
    ...options,
  });
}

export function getPublicDesk(id: string, options: CallOptions = {}): Promise<PublicDesk> {
  return request<PublicDesk>(`/public/desks/${encodeURIComponent(id)}`, {
    auth: false,
    ...options,
  });
}
