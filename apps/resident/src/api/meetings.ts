import type { MeetingDetail, MeetingStatus, MeetingSummary, Page } from '@baitong/contracts';
import { request, type RequestOptions } from '@/api/request';

type CallOptions = Pick<RequestOptions, 'silent' | 'signal'>;

/** The council meetings of the resident's community, latest first. */
export function listMeetings(
  communityId: string,
  query: { status?: MeetingStatus; page?: number; pageSize?: number } = {},
  options: CallOptions = {},
): Promise<Page<MeetingSummary>> {
  return request<Page<MeetingSummary>>(`/communities/${encodeURIComponent(communityId)}/meetings`, {
    query,
    ...options,
  });
}

/** One meeting: agenda with each item's votes and decision, attendance, minutes. */
export function getMeeting(id: string, options: CallOptions = {}): Promise<MeetingDetail> {
  return request<MeetingDetail>(`/meetings/${encodeURIComponent(id)}`, options);
}
