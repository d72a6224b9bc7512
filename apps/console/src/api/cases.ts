import type {
  CaseAction,
  CaseContact,
  CaseDetail,
  CaseEvent,
  CaseKind,
  CasePage,
  CasePhoto,
  Category,
  CategoryOpen311,
  CreateCaseRequest,
  MediationOutcome,
  RepeatCandidate,
  ReplyTemplate,
  SlaUnit,
  ThirdParty,
} from '@baitong/contracts';
import { API_BASE, request, type CallOptions } from '@/api/request';

// Request bodies the contracts do not name yet: the API's DTOs (apps/api/src/cases/cases.dto.ts).
export interface CategoryInput {
  kind: CaseKind;
  code: string;
  nameZh: string;
  nameEn: string;
  acceptWithinMinutes: number;
  resolveWithin: { value: number; unit: SlaUnit };
  followUpRequired: boolean;
  publicArea: boolean;
  replyTemplates: ReplyTemplate[];
  active: boolean;
  open311?: Partial<CategoryOpen311>;
}
/** A category keeps its kind and code; everything else can change. */
export type CategoryUpdate = Partial<Omit<CategoryInput, 'kind' | 'code'>>;

export interface CaseQuery {
  /** One status, or several comma-separated. */
  status?: string;
  kind?: CaseKind;
  deskId?: string;
  communityId?: string;
  overdue?: boolean;
  /** `me`, or a staff id. */
  assignee?: string;
  q?: string;
  sort?: 'due' | 'newest';
  page?: number;
  pageSize?: number;
}

export interface MediationInput {
  parties: { name: string; role: string; phone?: string }[];
  mediatorName: string;
  sessions: { at: string; note: string }[];
  outcome?: MediationOutcome;
  agreement?: string;
  /** Required to correct the locked record of a resolved dispute (community admin). */
  correctionReason?: string;
}

export interface TransitionInput {
  action: CaseAction;
  note?: string;
  reason?: string;
  resolution?: string;
  thirdParty?: ThirdParty;
}

const casePath = (id: string, rest = '') => `/cases/${encodeURIComponent(id)}${rest}`;

// Catalogue

export const listCategories = (
  filter: { kind?: CaseKind; all?: boolean } = {},
  options: CallOptions = {},
) =>
  request<Category[]>('/categories', {
    ...options,
    query: { kind: filter.kind, all: filter.all ? 'true' : undefined },
  });

export const createCategory = (body: CategoryInput) =>
  request<Category>('/categories', { method: 'POST', body });

export const updateCategory = (id: string, body: CategoryUpdate) =>
  request<Category>(`/categories/${encodeURIComponent(id)}`, { method: 'PATCH', body });

// Photos

/** Uploads one photo (multipart field `file`); its id is attached when the case is created. */
export function uploadPhoto(file: File, options: CallOptions = {}) {
  const body = new FormData();
  body.append('file', file, file.name);
  return request<CasePhoto>('/photos', { ...options, method: 'POST', body });
}

/** The path under `/api` of one of the API's own addresses (e.g. a photo's `url`), else null. */
export function apiPath(url: string): string | null {
  let path = url;
  if (/^https?:\/\//i.test(url)) {
    const parsed = new URL(url);
    if (parsed.origin !== location.origin) return null;
    path = `${parsed.pathname}${parsed.search}`;
  }
  return path.startsWith(`${API_BASE}/`) ? path.slice(API_BASE.length) : null;
}

/** Photos are served only to the case's readers; an `<img>` cannot send the token, so fetch it. */
export const fetchPhoto = (path: string, options: CallOptions = {}) =>
  request<Blob>(path, { ...options, responseType: 'blob' });

// Cases

/**
 * Creates a request. The same key with the same body answers the first case again, so a retry
 * after a lost answer never records the matter twice.
 */
export const createCase = (
  body: CreateCaseRequest,
  idempotencyKey: string,
  options: CallOptions = {},
) =>
  request<CaseDetail>('/cases', {
    ...options,
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export const listCases = (query: CaseQuery, options: CallOptions = {}) =>
  request<CasePage>('/cases', {
    ...options,
    query: { ...query, overdue: query.overdue ? 'true' : undefined },
  });

export const getCase = (id: string, options: CallOptions = {}) =>
  request<CaseDetail>(casePath(id), options);

export const listCaseEvents = (id: string, options: CallOptions = {}) =>
  request<CaseEvent[]>(casePath(id, '/events'), options);

// Every change names the version it was made from: a newer one answers 409 STALE_VERSION.

export const transitionCase = (
  id: string,
  version: number,
  input: TransitionInput,
  options: CallOptions = {},
) =>
  request<CaseDetail>(casePath(id, '/transitions'), {
    ...options,
    method: 'POST',
    body: { ...input, version },
  });

export const assignCase = (
  id: string,
  version: number,
  assigneeId: string,
  options: CallOptions = {},
) =>
  request<CaseDetail>(casePath(id, '/assign'), {
    ...options,
    method: 'POST',
    body: { assigneeId, version },
  });

export const transferCase = (
  id: string,
  version: number,
  body: { deskId: string; note: string },
  options: CallOptions = {},
) =>
  request<CaseDetail>(casePath(id, '/transfer'), {
    ...options,
    method: 'POST',
    body: { ...body, version },
  });

export const escalateCase = (
  id: string,
  version: number,
  note: string,
  options: CallOptions = {},
) =>
  request<CaseDetail>(casePath(id, '/escalate'), {
    ...options,
    method: 'POST',
    body: { note, version },
  });

// Contacts: unmasked, one at a time, every read written to the audit log

/** The requester: the resident on record, or the walk-in or phone caller the case names. */
export const getCaseContact = (id: string, options: CallOptions = {}) =>
  request<CaseContact>(casePath(id, '/contact'), options);

/** A party of the mediation record, by its place in the list. */
export const getPartyContact = (id: string, index: number, options: CallOptions = {}) =>
  request<CaseContact>(casePath(id, `/parties/${index}/contact`), options);

export const listRepeatCandidates = (id: string, options: CallOptions = {}) =>
  request<RepeatCandidate[]>(casePath(id, '/repeat-candidates'), options);

export const decideRepeat = (
  id: string,
  version: number,
  decision: { decision: 'link'; repeatOfId: string } | { decision: 'dismiss' },
  options: CallOptions = {},
) =>
  request<CaseDetail>(casePath(id, '/repeat'), {
    ...options,
    method: 'POST',
    body: { ...decision, version },
  });

export const putMediation = (
  id: string,
  version: number,
  body: MediationInput,
  options: CallOptions = {},
) =>
  request<CaseDetail>(casePath(id, '/mediation'), {
    ...options,
    method: 'PUT',
    body: { ...body, version },
  });
