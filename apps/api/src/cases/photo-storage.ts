import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where photo bytes live. Disk by default; an object store would implement the same two calls. */
export interface PhotoStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
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
}

/** The type is decided by the bytes, not by what the client claims. */
export function sniffImageType(
  b: Buffer,
): 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | null {
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
