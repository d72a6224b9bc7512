import type {
  Page,
  ResidentContact,
  ResidentCount,
  ResidentSummary,
  StaffMember,
} from '@baitong/contracts';
import { request, type CallOptions } from '@/api/request';

export const listStaff = (communityId: string, options: CallOptions = {}) =>
  request<StaffMember[]>('/staff', { ...options, query: { communityId } });

export interface ResidentQuery {
  communityId: string;
  q?: string;
  page: number;
  pageSize: number;
}

export const listResidents = (query: ResidentQuery, options: CallOptions = {}) =>
  request<Page<ResidentSummary>>('/residents', { ...options, query: { ...query } });

/** Resident numbers per community, for roles that see no individual residents. */
export const listResidentCounts = (communityId: string, options: CallOptions = {}) =>
  request<ResidentCount[]>('/residents/counts', { ...options, query: { communityId } });

/** Unmasked name and contact data; the API writes every call to the audit log. */
export const getResidentContact = (id: string) =>
  request<ResidentContact>(`/residents/${encodeURIComponent(id)}/contact`);
