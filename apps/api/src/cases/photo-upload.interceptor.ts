import { UploadErrors } from '../common/upload-errors.interceptor';
import { photoTooLarge } from './photos.service';

/** Multer's refusals of a photo upload as field errors on `file`. */
export const PhotoUploadErrors = UploadErrors(photoTooLarge, {
  message: 'Send one photo per upload, in the field "file"',
  field: 'one photo per upload',
});
