import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
  type Type,
  mixin,
} from '@nestjs/common';
import { type Observable, catchError, throwError } from 'rxjs';
import { AppException } from './app-exception';

/**
 * An interceptor placed outside an upload's FileInterceptor: multer's refusals (a file past the
 * size limit, a second file) become field errors on `file` with a code, so the uploader is told
 * why. `tooLarge` gives the upload's own 413; `one` names what a single upload carries.
 */
export function UploadErrors(
  tooLarge: () => AppException,
  one: { message: string; field: string },
): Type<NestInterceptor> {
  const explain = (err: unknown): unknown => {
    if (!(err instanceof HttpException)) return err;
    if (err.message === 'File too large') return tooLarge();
    if (err.message === 'Too many files' || err.message === 'Unexpected file field')
      return new AppException('VALIDATION_FAILED', one.message, [
        { field: 'file', code: 'too_many', params: { max: 1 }, message: one.field },
      ]);
    return err;
  };
  @Injectable()
  class Explained implements NestInterceptor {
    intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
      return next.handle().pipe(catchError((err: unknown) => throwError(() => explain(err))));
    }
  }
  return mixin(Explained);
}
