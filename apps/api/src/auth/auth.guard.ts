import type { Role } from '@baitong/contracts';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import type { AppRequest } from '../common/request-context';
import { actorFromClaims } from './actor';
import { AuthRepository } from './auth.repository';
import { PUBLIC_KEY, ROLES_KEY } from './decorators';
import { TokenService } from './token.service';

/** Global: every route needs a live session unless marked @Public(); @Roles narrows further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly repo: AuthRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    const req = ctx.switchToHttp().getRequest<AppRequest>();
    const header = req.headers.authorization;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true;
    if (!header) {
      if (isPublic) return true;
      throw new AppException('UNAUTHENTICATED', 'Sign in first');
    }
    const m = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
    if (!m)
      throw new AppException('TOKEN_INVALID', 'The Authorization header must be "Bearer <token>"');
    const claims = this.tokens.verifyAccess(m[1]!);
    // Logout and revocation take effect at once, not when the token expires.
    if (!(await this.repo.isSessionActive(claims.sid, this.clock.now()))) {
      throw new AppException('TOKEN_INVALID', 'The session has ended; sign in again');
    }
    req.actor = actorFromClaims(claims);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(req.actor.role)) throw AppException.forbidden();
    return true;
  }
}
