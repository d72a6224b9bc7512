import { UploadErrors } from '../common/upload-errors.interceptor';
import { importTooLarge } from './workforce.service';

/** Multer's refusals of a roster import as field errors on `file`. */
export const RosterUploadErrors = UploadErrors(importTooLarge, {
  message: 'Send one roster file, in the field "file"',
  field: 'one file per import',
});
