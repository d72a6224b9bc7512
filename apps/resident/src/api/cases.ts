import type {
  CaseDetail,
  CaseEvent,
  CaseKind,
  CasePage,
  CasePhoto,
  CaseStatus,
  Category,
  CreateCaseRequest,
} from '@baitong/contracts';
import { API_BASE, request, type RequestOptions } from '@/api/request';

type CallOptions = Pick<RequestOptions, 'silent' | 'signal'>;

/** The active categories of one kind, for the request form. */
export function listCategories(kind: CaseKind, options: CallOptions = {}): Promise<Category[]> {
  return request<Category[]>('/categories', { query: { kind }, ...options });
}

/** Uploads one photo (multipart field `file`); the answer's id is attached when creating a case. */
export function uploadPhoto(file: File, options: CallOptions = {}): Promise<CasePhoto> {
  const body = new FormData();
  body.append('file', file, file.name);
  return request<CasePhoto>('/photos', { method: 'POST', body, ...options });
}

/**
 * Creates a request. The same `idempotencyKey` with the same body returns the first case, so a
 * retry after a lost answer never creates a second one.
 */
export function createCase(
  body: CreateCaseRequest,
  idempotencyKey: string,
  options: CallOptions = {},
): Promise<CaseDetail> {
  return request<CaseDetail>('/cases', {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
    ...options,
  });
}

export interface CaseQuery {
  page?: number;
  pageSize?: number;
  status?: CaseStatus;
}

/** The resident's own requests (the API limits a resident to their own). */
export function listCases(query: CaseQuery = {}, options: CallOptions = {}): Promise<CasePage> {
  return request<CasePage>('/cases', { query: { ...query }, ...options });
}

export function getCase(id: string, options: CallOptions = {}): Promise<CaseDetail> {
  return request<CaseDetail>(`/cases/${encodeURIComponent(id)}`, options);
}

/** The timeline of one case. */
export function listCaseEvents(id: string, options: CallOptions = {}): Promise<CaseEvent[]> {
  return request<CaseEvent[]>(`/cases/${encodeURIComponent(id)}/events`, options);
}

/** The path under `/api` when `url` is one of the API's own addresses, else null. */
export function apiPath(url: string): string | null {
  let path = url;
  if (/^https?:\/\//i.test(url)) {
    if (typeof location === 'undefined') return null;
    const parsed = new URL(url);
    if (parsed.origin !== location.origin) return null;
    path = `${parsed.pathname}${parsed.search}`;
  }
  return path.startsWith(`${API_BASE}/`) ? path.slice(API_BASE.length) : null;
}

/**
 * A photo of a case. Photos are served only to the case's readers, and an `<img>` cannot send
 * the bearer token, so the API's own photo addresses are fetched through the request client.
 */
export function fetchPhoto(path: string, options: CallOptions = {}): Promise<Blob> {
  return request<Blob>(path, { responseType: 'blob', ...options });
}
