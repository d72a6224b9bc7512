import type { ResidentCommunityRating } from '@baitong/contracts';
import { request, type RequestOptions } from '@/api/request';

type CallOptions = Pick<RequestOptions, 'silent' | 'signal'>;

/** The resident's own community: its latest published grade, section subtotals and past years. */
export function getMyCommunityRating(options: CallOptions = {}): Promise<ResidentCommunityRating> {
  return request<ResidentCommunityRating>('/me/community-rating', options);
}
