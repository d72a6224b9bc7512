import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { type Observable, catchError, throwError } from 'rxjs';
import { AppException } from '../common/app-exception';
import { importTooLarge } from './workforce.service';

/** Outside the import's FileInterceptor: multer's refusals become field errors on `file`. */
@Injectable()
export class RosterUploadErrors implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((err: unknown) => throwError(() => explain(err))));
  }
}

function explain(err: unknown): unknown {
  if (!(err instanceof HttpException)) return err;
  if (err.message === 'File too large') return importTooLarge();
  if (err.message === 'Too many files' || err.message === 'Unexpected file field')
    return new AppException('VALIDATION_FAILED', 'Send one roster file, in the field "file"', [
      { field: 'file', code: 'too_many', params: { max: 1 }, message: 'one file per import' },
    ]);
  return err;
}
