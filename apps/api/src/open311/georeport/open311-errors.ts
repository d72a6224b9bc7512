import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { toApiError } from '../../common/exception.filter';
import { formatOf, sendOpen311 } from './format';

/**
 * An error as GeoReport v2 gives it: a list of `{ code, description }`, `code` being the HTTP
 * status. Baitong's field errors become one entry each, naming the parameter in its description,
 * so a client sees `attribute[ROOM] is required` and not a generic 400.
 */
export class Open311Exception extends Error {
  /** For 429: the seconds until the client may try again (sent as `Retry-After`). */
  retryAfterSeconds?: number;

  constructor(
    readonly status: number,
    readonly descriptions: string[],
  ) {
    super(descriptions.join('; '));
  }

  withRetryAfter(seconds: number): this {
    this.retryAfterSeconds = seconds;
    return this;
  }

  static badRequest(parameter: string, problem: string): Open311Exception {
    return new Open311Exception(400, [`${parameter}: ${problem}`]);
  }
}

export type Open311ErrorItem = {
  code: number;
  description: string;
};

/** Any error on an Open311 route, in the spec's list: never Baitong's own shape, never a stack. */
export function toOpen311Errors(err: unknown): { status: number; errors: Open311ErrorItem[] } {
  if (err instanceof Open311Exception) {
    return {
      status: err.status,
      errors: err.descriptions.map((description) => ({ code: err.status, description })),
    };
  }
  const api = toApiError(err);
  const descriptions = api.fields?.length
    ? api.fields.map((f) => `${f.field}: ${f.message}`)
    : [api.message];
  return {
    status: api.statusCode,
    errors: descriptions.map((description) => ({ code: api.statusCode, description })),
  };
}

/**
 * The error's format follows the path (`requests.xml` fails in XML), JSON otherwise. Installed as
 * the global filter's dialect for `/open311/`, so that body-parser errors and unknown paths under
 * it answer in the spec's format too.
 */
export function sendOpen311Error(req: Request, res: Response, err: unknown, log: Logger): void {
  const { status, errors } = toOpen311Errors(err);
  if (err instanceof Open311Exception && err.retryAfterSeconds)
    res.setHeader('Retry-After', String(err.retryAfterSeconds));
  if (status >= 500) log.error({ err }, 'open311 request failed');
  sendOpen311(res, formatOf(req.path), 'errors', errors, status);
}
