import type { AuditEntry, Page } from '@baitong/contracts';
import { request, type CallOptions } from '@/api/request';

export interface AuditQuery {
  page: number;
  pageSize: number;
  action?: string;
}

export const listAudit = (query: AuditQuery, options: CallOptions = {}) =>
  request<Page<AuditEntry>>('/audit', { ...options, query: { ...query } });
