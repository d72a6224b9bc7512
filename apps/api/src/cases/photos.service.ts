import { createHash, randomUUID } from 'node:crypto';
import type { CasePhoto } from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { CasesRepository } from './cases.repository';
import { MAX_PHOTO_BYTES, PHOTO_STORAGE, type PhotoStorage, sniffImageType } from './photo-storage';

export interface UploadedFile {
  buffer: Buffer;
  size: number;
  mimetype: string;
}

@Injectable()
export class PhotosService {
  constructor(
    private readonly repo: CasesRepository,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
  ) {}

  async upload(actor: Actor, file: UploadedFile | undefined): Promise<CasePhoto> {
    if (!file) throw AppException.invalid('file', 'attach one image in the multipart field "file"');
    if (file.size === 0) throw AppException.invalid('file', 'the file is empty');
    if (file.size > MAX_PHOTO_BYTES)
      throw new AppException('PAYLOAD_TOO_LARGE', 'A photo may be at most 8 MB', [
        { field: 'file', message: 'at most 8 MB' },
      ]);
    const type = sniffImageType(file.buffer);
    if (!type)
      throw new AppException(
        'UNSUPPORTED_MEDIA_TYPE',
        'Only JPEG, PNG, WebP and HEIC photos are accepted',
        [{ field: 'file', message: 'JPEG, PNG, WebP or HEIC' }],
      );
    const id = randomUUID();
    const storageKey = `${id.slice(0, 2)}/${id}`;
    await this.storage.put(storageKey, file.buffer);
    const photo = await this.repo.insertPhoto({
      uploaderKind: actor.kind,
      uploaderId: actor.id,
      caseId: null,
      contentType: type,
      sizeBytes: file.size,
      storageKey,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
    });
    return {
      id: photo.id,
      contentType: photo.contentType,
      sizeBytes: photo.sizeBytes,
      url: `/api/photos/${photo.id}`,
    };
  }

  /** Readers of the case see its photos; before it is attached, only the uploader does. */
  async read(actor: Actor, id: string): Promise<{ bytes: Buffer; contentType: string }> {
    const photo = await this.repo.findPhoto(id);
    const allowed =
      photo &&
      (photo.caseId
        ? !!(await this.repo.findCase(actor, photo.caseId))
        : photo.uploaderId === actor.id);
    if (!photo || !allowed) throw AppException.notFound('Photo');
    return { bytes: await this.storage.get(photo.storageKey), contentType: photo.contentType };
  }
}
