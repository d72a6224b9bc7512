import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { sendOpen311Error } from './open311-errors';

/** Open311 lives outside `/api`, at the URL other district systems are configured with. */
export const OPEN311_PREFIX = '/open311/';

/** The standard's requests are small: a description, a few attributes, a link to a photo. */
export const OPEN311_BODY_LIMIT = '100kb';

// GeoReport v2 clients POST `application/x-www-form-urlencoded` with `attribute[CODE]=value`
// (qs's bracket syntax, hence `extended`); Baitong also takes the same fields as JSON, and as an
// XML document (read as text here, parsed without DTDs by the request's handler). Limits keep a
// hostile body from costing memory: size, number of parameters and nesting depth.
const parsers = [
  express.urlencoded({
    extended: true,
    limit: OPEN311_BODY_LIMIT,
    parameterLimit: 200,
    // body-parser 2 takes `depth`; its typings have not caught up.
    ...{ depth: 2 },
    type: 'application/x-www-form-urlencoded',
  }),
  express.json({ limit: OPEN311_BODY_LIMIT, strict: true, type: ['application/json'] }),
  express.text({
    limit: OPEN311_BODY_LIMIT,
    type: ['application/xml', 'text/xml'],
    defaultCharset: 'utf-8',
  }),
];

/** Parses an Open311 body; a broken or oversized one fails in the spec's error format. */
export function parseOpen311Body(
  req: Request,
  res: Response,
  next: NextFunction,
  log: Logger,
): void {
  const run = (i: number): void => {
    if (i === parsers.length) return next();
    parsers[i]!(req, res, (err?: unknown) => {
      if (err) return sendOpen311Error(req, res, err, log);
      run(i + 1);
    });
  };
  run(0);
}
