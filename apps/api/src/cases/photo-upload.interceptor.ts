import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { type Observable, catchError, throwError } from 'rxjs';
import { AppException } from '../common/app-exception';
import { photoTooLarge } from './photos.service';

/**
 * Placed outside the upload's FileInterceptor: multer's refusals (a file past the size limit, a
 * second file) become field errors on `file` with a code, so the uploader is told why.
 */
@Injectable()
export class PhotoUploadErrors implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((err: unknown) => throwError(() => explain(err))));
  }
}

function explain(err: unknown): unknown {
  if (!(err instanceof HttpException)) return err;
  if (err.message === 'File too large') return photoTooLarge();
  if (err.message === 'Too many files' || err.message === 'Unexpected file field')
    return new AppException('VALIDATION_FAILED', 'Send one photo per upload, in the field "file"', [
      { field: 'file', code: 'too_many', params: { max: 1 }, message: 'one photo per upload' },
    ]);
  return err;
}
