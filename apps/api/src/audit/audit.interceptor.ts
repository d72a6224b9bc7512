import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { catchError, concatMap, from, type Observable, throwError } from 'rxjs';
import { requestScope } from '../common/request-scope';
import type { Tx } from '../database/tx';
import { toApiError } from '../common/exception.filter';
import { type AppRequest, requestMeta } from '../common/request-context';
import { AuditService } from './audit.service';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every staff write is recorded, whether it succeeded or was refused; the record is never lost silently. */
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
    const write = (detail: Record<string, unknown>, tx?: Tx) =>
      this.audit.record(
        actor,
        {
          action: 'staff.write',
          entity: route.split('/')[2],
          entityId: typeof req.params.id === 'string' ? req.params.id : undefined,
          detail: { ...base, ...detail },
        },
        requestMeta(req),
        tx,
      );
    const scope = requestScope.getStore();
    // The ok row commits inside the change's own transaction (see Db.transaction), so a change
    // never lands without its audit row; a write that opened no transaction is recorded after.
    if (scope) scope.beforeCommit = (tx) => write({ outcome: 'ok' }, tx);
    return next.handle().pipe(
      concatMap(async (value: unknown) => {
        if (!scope?.committedWithChange) await write({ outcome: 'ok' });
        return value;
      }),
      catchError((err: unknown) =>
        from(write({ outcome: 'refused', code: toApiError(err).code })).pipe(
          concatMap(() => throwError(() => err)),
        ),
      ),
    );
  }
}
