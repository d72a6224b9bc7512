import type { PublicCommunity } from '@baitong/contracts';
import { request, type RequestOptions } from '@/api/request';

type CallOptions = Pick<RequestOptions, 'silent' | 'signal'>;

/** Every community with its compounds, for the registration form (no login). */
export function listPublicCommunities(options: CallOptions = {}): Promise<PublicCommunity[]> {
  return request<PublicCommunity[]>('/public/communities', { auth: false, ...options });
}
