import type { Role } from '@baitong/contracts';
import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from './actor';

export const PUBLIC_KEY = 'baitong:public';
export const ROLES_KEY = 'baitong:roles';

/** No login needed. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles; everyone else gets 403. Without it any signed-in user passes. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!req.actor) throw new Error('CurrentActor used on a public route');
  return req.actor;
});
