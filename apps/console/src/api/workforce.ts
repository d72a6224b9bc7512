import type {
  CreateWorkforceEntryRequest,
  LeaveWorkforceRequest,
  UpdateWorkforceEntryRequest,
  WorkforceEntryDetail,
  WorkforceImportRejection,
  WorkforceImportResult,
  WorkforceListQuery,
  WorkforcePage,
} from '@baitong/contracts';
import { ApiRequestError } from '@/api/api-error';
import { request, type CallOptions } from '@/api/request';

const community = (id: string) => `/communities/${encodeURIComponent(id)}/workforce`;
const entry = (id: string) => `/workforce/${encodeURIComponent(id)}`;

/** One page of a community's roster, by worker number; pay and birth dates only for its admin and the bureau. */
export const listWorkforce = (
  communityId: string,
  query: WorkforceListQuery,
  options: CallOptions = {},
) => request<WorkforcePage>(community(communityId), { ...options, query: { ...query } });

/** One worker's record with its dated revisions, oldest first. */
export const getWorkforceEntry = (id: string, options: CallOptions = {}) =>
  request<WorkforceEntryDetail>(entry(id), options);

export const createWorkforceEntry = (
  communityId: string,
  body: CreateWorkforceEntryRequest,
  options: CallOptions = {},
) => request<WorkforceEntryDetail>(community(communityId), { ...options, method: 'POST', body });

/** A stale `version` is 409 STALE_VERSION: someone else saved in between. */
export const updateWorkforceEntry = (
  id: string,
  body: UpdateWorkforceEntryRequest,
  options: CallOptions = {},
) => request<WorkforceEntryDetail>(entry(id), { ...options, method: 'PATCH', body });

export const leaveWorkforceEntry = (
  id: string,
  body: LeaveWorkforceRequest,
  options: CallOptions = {},
) => request<WorkforceEntryDetail>(`${entry(id)}/leave`, { ...options, method: 'POST', body });

/** The whole roster (left workers too) as xlsx, its headers in `lang`; the API audits it. */
export const exportWorkforce = (
  communityId: string,
  lang: 'zh-CN' | 'en',
  options: CallOptions = {},
) =>
  request<Blob>(`${community(communityId)}/export.xlsx`, {
    ...options,
    query: { lang },
    responseType: 'blob',
  });

/**
 * Imports an xlsx roster, all or nothing: a bad row is 422 IMPORT_REJECTED (see
 * `importRejection`), over 5 MB 413, not a workbook 415.
 */
export function importWorkforce(communityId: string, file: File, options: CallOptions = {}) {
  const body = new FormData();
  body.append('file', file, file.name);
  return request<WorkforceImportResult>(`${community(communityId)}/import`, {
    ...options,
    method: 'POST',
    body,
  });
}

/** The per-row report of a refused import, or null when `err` is something else. */
export function importRejection(err: unknown): WorkforceImportRejection | null {
  if (!(err instanceof ApiRequestError) || err.code !== 'IMPORT_REJECTED') return null;
  const details = err.error.details as Partial<WorkforceImportRejection> | undefined;
  const errors = Array.isArray(details?.errors) ? details.errors : [];
  const more = typeof details?.moreErrors === 'number' ? details.moreErrors : undefined;
  return more ? { errors, moreErrors: more } : { errors };
}
