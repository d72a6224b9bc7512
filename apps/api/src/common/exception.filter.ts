import type { ApiError, ErrorCode } from '@baitong/contracts';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { QueryFailedError } from 'typeorm';
import { AppException } from './app-exception';

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
}

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** The only place where errors become HTTP responses: one shape, never a stack trace. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof AppException) {
    return {
      statusCode: err.statusCode,
      code: err.code,
      message: err.message,
      ...(err.fields ? { fields: err.fields } : {}),
      ...(err.details ? { details: err.details } : {}),
    };
  }
  const bp = err as BodyParserError;
  if (bp && typeof bp.type === 'string') {
    if (bp.type === 'entity.parse.failed') {
      return {
        statusCode: 400,
        code: 'MALFORMED_JSON',
        message: 'The request body is not valid JSON',
      };
    }
    if (bp.type === 'entity.too.large') {
      return {
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The request body is too large',
      };
    }
    if (bp.type === 'charset.unsupported' || bp.type === 'encoding.unsupported') {
      return {
        statusCode: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Unsupported body encoding',
      };
    }
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const code = HTTP_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
    const message = status === 404 ? 'Not found' : status >= 500 ? 'Internal error' : err.message;
    return { statusCode: status, code, message };
  }
  if (err instanceof QueryFailedError) {
    const pgCode = (err as QueryFailedError & { code?: string }).code;
    if (pgCode === '23505') {
      return {
        statusCode: 409,
        code: 'CONFLICT',
        message: 'A record with the same unique values exists',
      };
    }
    if (pgCode === '23503') {
      return {
        statusCode: 409,
        code: 'CONFLICT',
        message: 'The record is referenced by or refers to another record',
      };
    }
    if (pgCode === '22P02' || pgCode === '22007' || pgCode === '22008' || pgCode === '22003') {
      return {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'A value has the wrong format',
      };
    }
  }
  return { statusCode: 500, code: 'INTERNAL', message: 'Internal error' };
}

/**
 * Routes under a prefix that speak another standard's error format (Open311's list of
 * `{ code, description }`) render their own errors; every other route gets `ApiError`.
 */
export interface ErrorDialect {
  prefix: string;
  render: (req: Request, res: Response, err: unknown, log: Logger) => void;
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(
    private readonly log: Logger,
    private readonly dialects: ErrorDialect[] = [],
  ) {}

  catch(err: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    if (res.headersSent) return;
    const dialect = this.dialects.find((d) => req.path.startsWith(d.prefix));
    const body = toApiError(err);
    const retryAfter = body.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    if (dialect) return dialect.render(req, res, err, this.log);
    body.requestId = req.id;
    if (body.statusCode >= 500) {
      this.log.error({ err, requestId: req.id, path: req.path }, 'unhandled error');
    }
    res.status(body.statusCode).json(body);
  }
}
