import { createHash, randomUUID } from 'node:crypto';
import type { CasePhoto } from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { LOGGER } from '../common/logger';
import { Db } from '../database/db';
import type { Tx } from '../database/tx';
import { CasesRepository } from './cases.repository';
import {
  type CleanResult,
  MAX_PHOTO_BYTES,
  MAX_PHOTO_PIXELS,
  PHOTO_STORAGE,
  type PhotoStorage,
  cleanPhoto,
  photoFileName,
  sniffImageType,
} from './photo-storage';
import { PhotosRepository } from './photos.repository';

export interface UploadedFile {
  buffer: Buffer;
  size: number;
  mimetype: string;
}

/** What one uploader may hold: a case takes at most 9 photos, so 20 waiting leaves room for two. */
export const PHOTO_QUOTA = {
  unattachedPhotos: 20,
  bytesPerDay: 100 * 1024 * 1024,
} as const;

/** Photos never attached to a case are removed, row and bytes, after this long. */
export const UNATTACHED_PHOTO_TTL_MS = 24 * 3600_000;

const DAY_MS = 24 * 3600_000;
const CLEANUP_BATCH = 100;

const MAX_PHOTO_MB = MAX_PHOTO_BYTES / 1024 / 1024;

/** Over the size limit, whether multer stopped reading it or the check below caught it. */
export function photoTooLarge(): AppException {
  return new AppException('PAYLOAD_TOO_LARGE', `A photo may be at most ${MAX_PHOTO_MB} MB`, [
    {
      field: 'file',
      code: 'file_too_large',
      params: { maxMb: MAX_PHOTO_MB },
      message: `at most ${MAX_PHOTO_MB} MB`,
    },
  ]);
}

const REFUSED: Record<Exclude<CleanResult, { ok: true }>['problem'], () => AppException> = {
  unreadable: () =>
    new AppException('UNSUPPORTED_MEDIA_TYPE', 'The file could not be read as an image', [
      {
        field: 'file',
        code: 'not_an_image',
        message: 'not a readable JPEG, PNG, WebP or HEIC image',
      },
    ]),
  too_many_pixels: () =>
    new AppException(
      'PAYLOAD_TOO_LARGE',
      `A photo may have at most ${MAX_PHOTO_PIXELS / 1_000_000} megapixels`,
      [
        {
          field: 'file',
          code: 'too_many_pixels',
          params: { maxMegapixels: MAX_PHOTO_PIXELS / 1_000_000 },
          message: `at most ${MAX_PHOTO_PIXELS / 1_000_000} megapixels`,
        },
      ],
    ),
  heic_not_cleanable: () =>
    new AppException(
      'UNSUPPORTED_MEDIA_TYPE',
      'This HEIC photo cannot be stored without its location; send it as JPEG',
      [
        {
          field: 'file',
          code: 'heic_unsupported',
          message: 'HEIC with HEVC coding: send JPEG instead',
        },
      ],
    ),
};

@Injectable()
export class PhotosService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly photos: PhotosRepository,
    private readonly db: Db,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async upload(actor: Actor, file: UploadedFile | undefined): Promise<CasePhoto> {
    if (!file)
      throw AppException.invalid(
        'file',
        'attach one image in the multipart field "file"',
        'required',
      );
    if (file.size === 0) throw AppException.invalid('file', 'the file is empty', 'empty_file');
    if (file.size > MAX_PHOTO_BYTES) throw photoTooLarge();
    const sniffed = sniffImageType(file.buffer);
    if (!sniffed)
      throw new AppException(
        'UNSUPPORTED_MEDIA_TYPE',
        'Only JPEG, PNG, WebP and HEIC photos are accepted',
        [{ field: 'file', code: 'not_an_image', message: 'JPEG, PNG, WebP or HEIC' }],
      );
    // Location and camera data never reach the disk.
    const clean = await cleanPhoto(file.buffer, sniffed);
    if (!clean.ok) throw REFUSED[clean.problem]();
    const id = randomUUID();
    const storageKey = `${id.slice(0, 2)}/${id}`;
    const now = this.clock.now();
    let stored = false;
    try {
      const photo = await this.db.transaction(async (tx) => {
        const used = await this.photos.lockUsage(tx, actor.id, new Date(now.getTime() - DAY_MS));
        this.checkQuota(used.unattached, used.bytesSince + clean.bytes.length);
        const row = await this.photos.insert(tx, {
          uploaderKind: actor.kind,
          uploaderId: actor.id,
          caseId: null,
          attachedAt: null,
          contentType: clean.type,
          sizeBytes: clean.bytes.length,
          storageKey,
          sha256: createHash('sha256').update(clean.bytes).digest('hex'),
          createdAt: now,
        });
        await this.storage.put(storageKey, clean.bytes);
        stored = true;
        return row;
      });
      return {
        id: photo.id,
        contentType: photo.contentType,
        sizeBytes: photo.sizeBytes,
        url: `/api/photos/${photo.id}`,
      };
    } catch (err) {
      // The row did not commit: the bytes must not stay behind with nothing pointing at them.
      if (stored) await this.storage.delete(storageKey).catch(() => undefined);
      throw err;
    }
  }

  private checkQuota(unattached: number, bytesToday: number): void {
    if (unattached >= PHOTO_QUOTA.unattachedPhotos)
      throw new AppException(
        'TOO_MANY_REQUESTS',
        `You have ${PHOTO_QUOTA.unattachedPhotos} photos not attached to a request yet; attach them or wait a day`,
        [
          {
            field: 'file',
            code: 'photo_quota',
            params: { max: PHOTO_QUOTA.unattachedPhotos },
            message: `at most ${PHOTO_QUOTA.unattachedPhotos} unattached photos`,
          },
        ],
        { limit: 'unattached_photos', max: PHOTO_QUOTA.unattachedPhotos },
      );
    if (bytesToday > PHOTO_QUOTA.bytesPerDay)
      throw new AppException(
        'TOO_MANY_REQUESTS',
        `At most ${PHOTO_QUOTA.bytesPerDay / 1024 / 1024} MB of photos a day`,
        [
          {
            field: 'file',
            code: 'photo_daily_limit',
            params: { maxMb: PHOTO_QUOTA.bytesPerDay / 1024 / 1024 },
            message: `at most ${PHOTO_QUOTA.bytesPerDay / 1024 / 1024} MB a day`,
          },
        ],
        { limit: 'photo_bytes_per_day', max: PHOTO_QUOTA.bytesPerDay },
      );
  }

  /** Readers of the case see its photos; before it is attached, only the uploader does. */
  async read(
    actor: Actor,
    id: string,
  ): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
    const photo = await this.photos.find(id);
    const allowed =
      photo &&
      (photo.caseId
        ? !!(await this.cases.findCase(actor, photo.caseId))
        : photo.uploaderId === actor.id);
    if (!photo || !allowed) throw AppException.notFound('Photo');
    return {
      bytes: await this.storage.get(photo.storageKey),
      contentType: photo.contentType,
      fileName: photoFileName(photo.id, photo.contentType),
    };
  }

  /** Another module (a proposal) takes the uploader's own unattached photos; how many it got. */
  take(tx: Tx, ids: string[], uploaderId: string): Promise<number> {
    return this.photos.attach(tx, ids, uploaderId, this.clock.now());
  }

  /** A photo's bytes, for a module that has authorised its reader itself (a proposal's photos). */
  async bytesOf(
    id: string,
  ): Promise<{ bytes: Buffer; contentType: string; fileName: string } | null> {
    const photo = await this.photos.find(id);
    if (!photo) return null;
    return {
      bytes: await this.storage.get(photo.storageKey),
      contentType: photo.contentType,
      fileName: photoFileName(photo.id, photo.contentType),
    };
  }

  /**
   * Removes photos never attached to a case or a proposal, older than a day: bytes first, then the row, in one
   * transaction per batch. Rows another process or a case being filed holds are skipped; a crash
   * leaves the row, and the next run removes it (removing missing bytes is no error).
   */
  async removeUnattached(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - UNATTACHED_PHOTO_TTL_MS);
    let removed = 0;
    for (;;) {
      const n = await this.db.transaction(async (tx) => {
        const batch = await this.photos.lockUnattachedBefore(tx, before, CLEANUP_BATCH);
        for (const p of batch) await this.storage.delete(p.storageKey);
        await this.photos.deleteUnattached(
          tx,
          batch.map((p) => p.id),
        );
        return batch.length;
      });
      removed += n;
      if (n < CLEANUP_BATCH) break;
    }
    if (removed > 0) this.log.info({ removed }, 'unattached photos removed');
    return removed;
  }
}
