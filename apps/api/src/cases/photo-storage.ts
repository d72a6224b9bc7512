import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

/** Where photo bytes live. Disk by default; an object store would implement the same calls. */
export interface PhotoStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  /** Removes the bytes; removing what is not there is no error (clean-up may run twice). */
  delete(key: string): Promise<void>;
}

export const PHOTO_STORAGE = Symbol('PHOTO_STORAGE');

export class DiskPhotoStorage implements PhotoStorage {
  constructor(private readonly root: string) {}

  private path(key: string): string {
    if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`bad storage key ${key}`);
    return join(this.root, key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes, { flag: 'wx' });
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic';

/** The type is decided by the bytes, not by what the client claims. */
export function sniffImageType(b: Buffer): PhotoType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (
    b.length >= 8 &&
    b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (
    b.length >= 12 &&
    b.toString('ascii', 0, 4) === 'RIFF' &&
    b.toString('ascii', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  if (
    b.length >= 12 &&
    b.toString('ascii', 4, 8) === 'ftyp' &&
    ['heic', 'heix', 'mif1', 'msf1', 'heif'].includes(b.toString('ascii', 8, 12))
  )
    return 'image/heic';
  return null;
}

export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;

/** Larger images are refused before they are decoded (a small file can unpack to gigabytes). */
export const MAX_PHOTO_PIXELS = 50_000_000;

export type CleanResult =
  | { ok: true; bytes: Buffer; type: PhotoType }
  | { ok: false; problem: 'unreadable' | 'too_many_pixels' | 'heic_not_cleanable' };

/**
 * The photo as it will be stored: without EXIF (location, camera, time), XMP, IPTC or comments.
 * A JPEG is always re-encoded (its APP segments can hide more than a library reports), turned
 * upright first since the orientation tag goes too; a PNG or WebP only when it carries metadata,
 * else its bytes are kept as sent. The colour profile stays: it says nothing about anyone.
 * HEIC is re-encoded as JPEG where the image library can decode it (its prebuilt binaries read
 * AVIF-coded HEIF only), and refused otherwise rather than stored with its location.
 */
export async function cleanPhoto(bytes: Buffer, type: PhotoType): Promise<CleanResult> {
  const open = () => sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PHOTO_PIXELS });
  let meta: sharp.Metadata;
  try {
    meta = await open().metadata();
  } catch {
    return { ok: false, problem: type === 'image/heic' ? 'heic_not_cleanable' : 'unreadable' };
  }
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PHOTO_PIXELS)
    return { ok: false, problem: 'too_many_pixels' };
  const carries = !!(meta.exif || meta.xmp || meta.iptc || meta.comments?.length);
  if (!carries && (type === 'image/png' || type === 'image/webp')) return { ok: true, bytes, type };
  try {
    const upright = open().rotate().keepIccProfile();
    switch (type) {
      case 'image/png':
        return { ok: true, type, bytes: await upright.png().toBuffer() };
      case 'image/webp':
        return { ok: true, type, bytes: await upright.webp({ quality: 90 }).toBuffer() };
      case 'image/jpeg':
      case 'image/heic':
        return {
          ok: true,
          type: 'image/jpeg',
          bytes: await upright.jpeg({ quality: 90, mozjpeg: true }).toBuffer(),
        };
    }
  } catch {
    return { ok: false, problem: type === 'image/heic' ? 'heic_not_cleanable' : 'unreadable' };
  }
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
};

/** A file name made only of the photo's id, so a header can never carry what a client sent. */
export function photoFileName(id: string, contentType: string): string {
  return `photo-${id}.${EXTENSIONS[contentType] ?? 'bin'}`;
}
