import type { AuditEntry, AuditFilter, Page } from '@baitong/contracts';
import { request, type CallOptions } from '@/api/request';

export interface AuditQuery extends AuditFilter {
  page: number;
  pageSize: number;
}

export const listAudit = (query: AuditQuery, options: CallOptions = {}) =>
  request<Page<AuditEntry>>('/audit', { ...options, query: { ...query } });

/**
 * The filtered ledger as an xlsx workbook, its headers and words in `lang`; the export is
 * itself written to the audit log.
 */
export const exportAudit = (filter: AuditFilter, lang: 'zh-CN' | 'en', options: CallOptions = {}) =>
  request<Blob>('/audit/export', {
    ...options,
    query: { ...filter, lang },
    responseType: 'blob',
  });
