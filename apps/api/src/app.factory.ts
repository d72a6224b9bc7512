import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NotFoundException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule, getSchemaPath } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { Pool } from 'pg';
import { pinoHttp } from 'pino-http';
import { AppModule, type AppOverrides } from './app.module';
import { ApiExceptionFilter, toApiError } from './common/exception.filter';
import { ApiErrorDto } from './common/responses.dto';
import { logPoolError } from './common/logger';
import { requestScope } from './common/request-scope';
import type { AppRequest } from './common/request-context';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/config';
import { PostgresIoAdapter } from './realtime/postgres-io.adapter';
import { OPEN311_PREFIX, parseOpen311Body } from './open311/georeport/open311-body';
import { sendOpen311Error } from './open311/georeport/open311-errors';
import { MAX_REQUEST_HEAD_BYTES } from './open311/georeport/read-params';

const API_PREFIX = 'api';

/**
 * Builds the HTTP application exactly as production runs it; main.ts and the tests both use it,
 * so pipes, filters, limits and logging cannot drift apart.
 */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  log: Logger,
  overrides: AppOverrides = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, databaseUrl, log, overrides),
    {
      bodyParser: false,
      logger: false,
      // Throw instead of exiting, so the caller reports why start-up failed.
      abortOnError: false,
    },
  );
  // Node reads 16 kB of request line and headers; Open311 clients may list 10,000 ids in a query,
  // which should reach the handler and be refused in the spec's format, not cut off with a 431.
  (app.getHttpServer() as { maxHeaderSize?: number }).maxHeaderSize = MAX_REQUEST_HEAD_BYTES;
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders(config));
  app.use(cookieParser());

  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
      },
    }),
  );

  // Work bound to the request (its audit row) commits with the request's change.
  app.use((_req: Request, _res: Response, next: NextFunction) => requestScope.run({}, next));

  // Body parsing errors (broken JSON, huge bodies) get the same error shape as everything else.
  const parseJson = express.json({
    limit: '100kb',
    strict: true,
    type: ['application/json', 'application/*+json'],
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith(OPEN311_PREFIX)) return parseOpen311Body(req, res, next, log);
    parseJson(req, res, (err?: unknown) => {
      if (!err) return next();
      const body = { ...toApiError(err), requestId: (req as AppRequest).id };
      res.status(body.statusCode).json(body);
    });
  });

  app.setGlobalPrefix(API_PREFIX, {
    exclude: ['health/live', 'health/ready', 'open311/v2', 'open311/v2/*path'],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(
    new ApiExceptionFilter(log, [{ prefix: OPEN311_PREFIX, render: sendOpen311Error }]),
  );

  // Live events cross API processes through PostgreSQL, the only infrastructure.
  const ioPool = new Pool({ connectionString: databaseUrl, max: 2 });
  ioPool.on('error', logPoolError(log, 'socket.io adapter database'));
  app.useWebSocketAdapter(new PostgresIoAdapter(app, ioPool));
  const close = app.close.bind(app);
  app.close = async () => {
    await close();
    await ioPool.end();
  };

  const doc = withErrorResponses(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Baitong API')
        .setDescription(
          'Community service desks and the resident app: sign-in, organisation (streets, communities, compounds, grids, desks and their hours), residents and staff, service requests (cases) and the audit log. Every error has one shape, the `ApiError` schema: a stable `code` (and per field a `code` with `params`) that clients branch on and translate, never the English `message`.',
        )
        .setVersion('0.1.0')
        .addBearerAuth()
        .build(),
      { extraModels: [ApiErrorDto] },
    ),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, doc, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });

  serveFrontEnds(app, config);
  return app;
}

/** Every operation can fail, and always in the one error shape: say so once for all of them. */
function withErrorResponses(doc: OpenAPIObject): OpenAPIObject {
  const error = {
    description: 'An error (4xx or 5xx), in the one error shape',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ApiErrorDto) } } },
  };
  for (const item of Object.values(doc.paths))
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const op = item[method];
      if (op) op.responses = { ...op.responses, default: op.responses.default ?? error };
    }
  return doc;
}

/**
 * CSP fitting the built Vue apps and Swagger UI: scripts only from our own files (neither uses
 * inline scripts or eval); inline styles allowed (Element Plus, Vant and Swagger UI set them);
 * images also as data: and blob: (photos are shown from blobs); Vant's icon font is a data: URL.
 * No framing at all, no MIME sniffing, the referrer kept on our own origin.
 */
function securityHeaders(config: AppConfig) {
  const production = config.mode === 'production';
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        'object-src': ["'none'"],
        // Over plain http (development, tests) upgrading would break every request.
        'upgrade-insecure-requests': production ? [] : null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: production,
  });
}

/** One port for everything: `/` resident app, `/console` console, `/api` the API. */
function serveFrontEnds(app: NestExpressApplication, config: AppConfig): void {
  const apps = [
    { prefix: '/console', dir: config.consoleDist },
    { prefix: '', dir: config.residentDist },
  ].filter(
    (a): a is { prefix: string; dir: string } => !!a.dir && existsSync(join(a.dir, 'index.html')),
  );
  for (const a of apps)
    app.useStaticAssets(a.dir, {
      prefix: a.prefix || undefined,
      index: false,
      // A directory (`/assets`) is no page: no redirect to `/assets/`, the miss falls through.
      redirect: false,
      maxAge: '1h',
    });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (SERVER_PATHS.test(req.path)) return next();
    const target = isPageNavigation(req)
      ? apps.find(
          (a) => a.prefix === '' || req.path === a.prefix || req.path.startsWith(`${a.prefix}/`),
        )
      : undefined;
    // A file the build does not have (an old tab asking for a chunk replaced by a deploy), a
    // probe or any other request outside the API is a 404 in the one error shape, never the
    // page: HTML served as a script or as robots.txt only hides the miss.
    if (!target || /^\/assets(\/|$)/.test(req.path.slice(target.prefix.length)))
      return next(new NotFoundException(`Cannot ${req.method} ${req.path}`));
    // Single-page apps: a route of the app gets its index.html and the app's router takes over
    // (unknown routes inside an app get the app's own not-found page).
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(target.dir, 'index.html'));
  });
}

/**
 * Paths the server's own routes live under (the global prefix, the health checks outside it,
 * socket.io): their misses are the API's own 404. A route added outside them must be added here.
 */
const SERVER_PATHS = /^\/(api|health|socket\.io|open311)(\/|$)/;

/**
 * A browser opening a page: GET or HEAD asking for HTML, at a path that names no file. A dot in
 * any segment (`/favicon.ico`, `/robots.txt`, `/wp-login.php`, `/.env`, `/.git/config`) marks a
 * file or a probe, not a route of the apps, whose routes are words and ids.
 */
function isPageNavigation(req: Request): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    !SERVER_PATHS.test(req.path) &&
    !/\/[^/]*\./.test(req.path) &&
    req.accepts('html') === 'html'
  );
}
