import type {
  CreateResidentRequest,
  MergeResidentRequest,
  Page,
  ResidentContact,
  ResidentCount,
  ResidentSummary,
  ResidentVerification,
  StaffMember,
} from '@baitong/contracts';
import { request, type CallOptions } from '@/api/request';

export const listStaff = (communityId: string, options: CallOptions = {}) =>
  request<StaffMember[]>('/staff', { ...options, query: { communityId } });

export interface ResidentQuery {
  communityId: string;
  q?: string;
  /** `unverified`: self-registrations waiting for a check; merged records only when asked for. */
  verification?: ResidentVerification;
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

/**
 * Registers a walk-in at intake, verified, in the caller's community. A phone already held is
 * 409 CONFLICT on `phone`, with `details.residentId` when the holder is in the caller's scope.
 */
export const createResident = (body: CreateResidentRequest, options: CallOptions = {}) =>
  request<ResidentSummary>('/residents', { ...options, method: 'POST', body });

/** A self-registration checked by the community's staff. */
export const verifyResident = (id: string, options: CallOptions = {}) =>
  request<ResidentSummary>(`/residents/${encodeURIComponent(id)}/verify`, {
    ...options,
    method: 'POST',
  });

/**
 * A self-registration that is a resident already on record: its requests, phone, compound and
 * language move to that record, which is returned.
 */
export const mergeResident = (id: string, intoResidentId: string, options: CallOptions = {}) =>
  request<ResidentSummary>(`/residents/${encodeURIComponent(id)}/merge`, {
    ...options,
    method: 'POST',
    body: { intoResidentId } satisfies MergeResidentRequest,
  });
