import type { Request } from 'express';
import type { Actor } from '../auth/actor';

export type AppRequest = Request & { id?: string; actor?: Actor };

export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
  userAgent: string | null;
}

export function requestMeta(req: AppRequest): RequestMeta {
  return {
    ip: req.ip ?? null,
    requestId: req.id ?? null,
    userAgent: req.headers['user-agent']?.slice(0, 255) ?? null,
  };
}
