import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { type Observable, tap } from 'rxjs';
import { toApiError } from '../common/exception.filter';
import { type AppRequest, requestMeta } from '../common/request-context';
import { AuditService } from './audit.service';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every staff write is recorded, whether it succeeded or was refused. */
@Injectable()
export class AuditWritesInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<AppRequest>();
    const actor = req.actor;
    if (
      !actor ||
      actor.kind !== 'staff' ||
      !WRITES.has(req.method) ||
      req.path.endsWith('/auth/logout')
    )
      return next.handle();
    const route = (req.route as { path?: string } | undefined)?.path ?? req.path;
    const base = { method: req.method, route, params: req.params };
    const write = (detail: Record<string, unknown>) =>
      this.audit.record(
        actor,
        {
          action: 'staff.write',
          entity: route.split('/')[2],
          entityId: typeof req.params.id === 'string' ? req.params.id : undefined,
          detail: { ...base, ...detail },
        },
        requestMeta(req),
      );
    return next.handle().pipe(
      tap({
        next: () => void write({ outcome: 'ok' }).catch(() => undefined),
        error: (err: unknown) =>
          void write({ outcome: 'refused', code: toApiError(err).code }).catch(() => undefined),
      }),
    );
  }
}
