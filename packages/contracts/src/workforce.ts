// The workforce roster (社区工作者名册, issue 11): one record per worker and community, its
// changing facts kept as dated revisions. Pay and birth dates are personal: only the community's
// admin and the bureau read them, each read audited; everyone else sees figures.

import type { FieldErrorCode } from './errors.js';

export const WORKER_EDUCATION_LEVELS = ['below_bachelor', 'bachelor', 'master_or_above'] as const;
/** Highest degree: below a bachelor's (大专及以下), bachelor's (本科), master's or above (硕士及以上). */
export type WorkerEducation = (typeof WORKER_EDUCATION_LEVELS)[number];

export const WORKER_CERTIFICATE_LEVELS = ['assistant', 'intermediate', 'senior'] as const;
/**
 * The level of the 社会工作者职业资格: 助理社会工作师 (assistant), 社会工作师 (intermediate),
 * 高级社会工作师 (senior).
 */
export type WorkerCertificateLevel = (typeof WORKER_CERTIFICATE_LEVELS)[number];

export const WORKER_GENDERS = ['female', 'male'] as const;
export type WorkerGender = (typeof WORKER_GENDERS)[number];

export const WORKFORCE_STATUSES = ['active', 'left', 'all'] as const;
/** `active`: not left (or leaving after today); `left`: left on or before today. */
export type WorkforceStatus = (typeof WORKFORCE_STATUSES)[number];

/** One worker of one community, as of today. */
export interface WorkforceEntry {
  id: string;
  communityId: string;
  /** 工号: unique within the community; imports match rows by it. */
  workerNumber: string;
  name: string;
  gender?: WorkerGender | null;
  /** YYYY-MM-DD; only for the community's admin and the bureau (audited). */
  birthDate?: string;
  hiredOn: string;
  /** The first day no longer employed; null while employed. */
  leftOn: string | null;
  leaveReason: string | null;
  position: string;
  /** Holds the 社会工作者职业资格 certificate (社工证). */
  certified: boolean;
  /**
   * The certificate's level; only with `certified`. Null when not certified, or certified with
   * the level not recorded (older imports). The API always sends it; optional in the type only so
   * that clients written before it was kept still compile.
   */
  certificateLevel?: WorkerCertificateLevel | null;
  education: WorkerEducation;
  /** Yuan per month; only for the community's admin and the bureau (audited). */
  monthlyPayYuan?: number;
  /** The day the facts shown (position, certificate, degree, pay) took effect. */
  factsEffectiveOn: string;
  version: number;
  updatedAt: string;
}

/** One dated state of the changing facts; append-only. */
export interface WorkforceRevision {
  id: string;
  entryId: string;
  /** The facts hold from this day until the next revision's. */
  effectiveOn: string;
  position: string;
  certified: boolean;
  /** As on `WorkforceEntry`: always sent, optional in the type for older clients. */
  certificateLevel?: WorkerCertificateLevel | null;
  education: WorkerEducation;
  /** Only for the community's admin and the bureau. */
  monthlyPayYuan?: number;
  recordedById: string | null;
  recordedByName: string;
  recordedAt: string;
}

export interface WorkforceEntryDetail extends WorkforceEntry {
  /** Oldest first. */
  revisions: WorkforceRevision[];
}

export interface WorkforcePage {
  items: WorkforceEntry[];
  total: number;
}

export interface WorkforceListQuery {
  status?: WorkforceStatus;
  page?: number;
  pageSize?: number;
}

/** `POST /api/communities/{communityId}/workforce` */
export interface CreateWorkforceEntryRequest {
  workerNumber: string;
  name: string;
  gender?: WorkerGender | null;
  birthDate: string;
  hiredOn: string;
  position: string;
  certified: boolean;
  /** Only with `certified: true`; omitted or null: not recorded. */
  certificateLevel?: WorkerCertificateLevel | null;
  education: WorkerEducation;
  monthlyPayYuan: number;
}

/**
 * `PATCH /api/workforce/{id}`: `version` as read; a change of position, certificate (or its
 * level), degree or pay is a revision taking effect on `effectiveOn` (required with them). Name,
 * gender, birth and hire dates are corrections of the record itself. `certified: false` without
 * `certificateLevel` clears the level too.
 */
export interface UpdateWorkforceEntryRequest {
  version: number;
  effectiveOn?: string;
  name?: string;
  gender?: WorkerGender | null;
  birthDate?: string;
  hiredOn?: string;
  position?: string;
  certified?: boolean;
  /** null: the level is not (or no longer) recorded. */
  certificateLevel?: WorkerCertificateLevel | null;
  education?: WorkerEducation;
  monthlyPayYuan?: number;
}

/** `POST /api/workforce/{id}/leave` */
export interface LeaveWorkforceRequest {
  leftOn: string;
  reason?: string;
  version?: number;
}

/** One problem of an import: the sheet row (1 is the header) and the column's header. */
export interface WorkforceImportError {
  row: number;
  column: string;
  code: FieldErrorCode;
  message: string;
}

/** An import is all or nothing: this when it applied, else 422 `IMPORT_REJECTED`. */
export interface WorkforceImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** `details` of a 422 `IMPORT_REJECTED` answer. */
export interface WorkforceImportRejection {
  /** The first 1,000 problems, by row. */
  errors: WorkforceImportError[];
  /** How many more there were, when over 1,000. */
  moreErrors?: number;
}

/** The most data rows one import takes. */
export const WORKFORCE_IMPORT_MAX_ROWS = 5_000;
/** The largest import file, in bytes. */
export const WORKFORCE_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
