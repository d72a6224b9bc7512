import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  createParamDecorator,
} from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { type Observable, map } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/config';

import type { Actor } from './actor';

export type SessionKind = Actor['kind'];

/**
 * The refresh token lives only in an httpOnly cookie, one per app. The console and the resident
 * app share one origin, so each cookie is scoped by Path to its own app's auth routes: the
 * browser never sends the console's cookie on resident calls, nor the other way round, and
 * neither reaches any other API route.
 *
 * CSRF: the cookies are SameSite=Strict, so a cross-site page cannot make the browser send them
 * at all; they are read only by refresh and logout, which change nothing but the session itself;
 * the new access token comes back in the response body, which another origin cannot read (no
 * CORS on /api). Every other route authenticates with the bearer access token held in memory,
 * which a browser never attaches on its own, so those routes need no CSRF token either.
 */
export const SESSION_COOKIES: Record<SessionKind, { name: string; path: string }> = {
  staff: { name: 'bt_staff_refresh', path: '/api/auth/staff' },
  resident: { name: 'bt_resident_refresh', path: '/api/auth/resident' },
};

/** What a service hands back when the response must set (token) or clear (null) a cookie. */
export interface SessionCookie {
  kind: SessionKind;
  token: string | null;
  expiresAt?: Date;
}

export interface WithSessionCookie<T> {
  body: T;
  /** Null: the answer leaves the app's cookie as it is (a code that opens a registration). */
  cookie: SessionCookie | null;
}

/** The refresh token from the app's cookie, or null. */
export const RefreshCookie = createParamDecorator(
  (kind: SessionKind, ctx: ExecutionContext): string | null => {
    const req = ctx.switchToHttp().getRequest<Request & { cookies?: Record<string, unknown> }>();
    const value = req.cookies?.[SESSION_COOKIES[kind].name];
    return typeof value === 'string' && value !== '' ? value : null;
  },
);

/** Writes the cookie a service asked for and sends the rest as the body. */
@Injectable()
export class SessionCookieInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = ctx.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((out: WithSessionCookie<unknown>) => {
        if (!out.cookie) return out.body;
        const { name, path } = SESSION_COOKIES[out.cookie.kind];
        const options: CookieOptions = {
          httpOnly: true,
          secure: this.config.cookieSecure,
          sameSite: 'strict',
          path,
        };
        if (out.cookie.token === null) res.clearCookie(name, options);
        else res.cookie(name, out.cookie.token, { ...options, expires: out.cookie.expiresAt });
        return out.body;
      }),
    );
  }
}
