import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTO_QUOTA, PhotosService } from '../../src/cases/photos.service';
import { type TestContext, createTestApp } from '../utils/app';
import { type CaseWorld, caseWorld } from './world';

let t: TestContext;
let w: CaseWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await caseWorld(t);
});
afterAll(() => t.close());

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1b3d20000000049454e44ae426082',
  'hex',
);

/** A photo as a phone takes it: EXIF with the camera and the GPS position of the resident's home. */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 24, channels: 3, background: '#c84' } })
    .jpeg()
    .withMetadata({
      exif: {
        IFD0: { Make: 'TestPhone', Model: 'X1' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '29/1 36/1 3000/100',
          GPSLongitudeRef: 'E',
          GPSLongitude: '106/1 30/1 1500/100',
        },
      },
    })
    .toBuffer();
}

/** True when the EXIF block's first IFD points to a GPS IFD (tag 0x8825). */
function hasGpsIfd(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') === 0 ? 6 : 0);
  const le = tiff.toString('ascii', 0, 2) === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd = u32(4);
  const n = u16(ifd);
  for (let i = 0; i < n; i++) if (u16(ifd + 2 + i * 12) === 0x8825) return true;
  return false;
}

async function upload(auth: string, bytes: Buffer, name = 'photo.jpg', type = 'image/jpeg') {
  return t.http
    .post('/api/photos')
    .set('Authorization', auth)
    .attach('file', bytes, { filename: name, contentType: type });
}

const photoCount = async (uploaderId: string): Promise<number> => {
  const [{ n }] = (await t.ds.query('SELECT count(*)::int AS n FROM photo WHERE uploader_id = $1', [
    uploaderId,
  ])) as [{ n: number }];
  return n;
};

describe('metadata', () => {
  it('stores a JPEG without its EXIF, so the GPS position of the photo never reaches the disk', async () => {
    const original = await jpegWithGps();
    expect(hasGpsIfd((await sharp(original).metadata()).exif)).toBe(true);
    const up = await upload(w.residentAuth, original);
    expect(up.status).toBe(201);
    expect(up.body.contentType).toBe('image/jpeg');

    const [row] = (await t.ds.query('SELECT storage_key, size_bytes FROM photo WHERE id = $1', [
      up.body.id,
    ])) as [{ storage_key: string; size_bytes: number }];
    const served = await t.http
      .get(`/api/photos/${up.body.id}`)
      .set('Authorization', w.residentAuth);
    expect(served.status).toBe(200);
    const bytes = served.body as Buffer;
    expect(bytes.length).toBe(row.size_bytes);
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(hasGpsIfd(meta.exif)).toBe(false);
    expect(bytes.includes(Buffer.from('TestPhone'))).toBe(false);
    expect({ width: meta.width, height: meta.height, format: meta.format }).toEqual({
      width: 32,
      height: 24,
      format: 'jpeg',
    });
    // What is on disk is what was served.
    expect(existsSync(join(t.config.dataDir, 'uploads', row.storage_key))).toBe(true);
  });

  it('keeps a PNG that carries no metadata byte for byte', async () => {
    const up = await upload(w.residentAuth, PNG, 'dot.png', 'image/png');
    expect(up.status).toBe(201);
    const served = await t.http
      .get(`/api/photos/${up.body.id}`)
      .set('Authorization', w.residentAuth);
    expect(Buffer.compare(served.body as Buffer, PNG)).toBe(0);
  });

  it('refuses a file that starts like an image but is not one, naming the field', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html>')]);
    const res = await upload(w.residentAuth, fake);
    expect(res.status).toBe(415);
    expect(res.body.fields[0].field).toBe('file');
  });
});

describe('serving', () => {
  it('serves photos with nosniff, a private cache and a file name made of the id', async () => {
    const up = await upload(w.residentAuth, PNG, '"><script>.png', 'image/png');
    const res = await t.http.get(`/api/photos/${up.body.id}`).set('Authorization', w.residentAuth);
    expect(res.status).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toMatch(/^private\b/);
    expect(res.headers['content-disposition']).toBe(`inline; filename="photo-${up.body.id}.png"`);
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.headers['content-type']).toBe('image/png');
  });
});

describe('quota', () => {
  it(`refuses the upload after ${PHOTO_QUOTA.unattachedPhotos} unattached photos with 429 naming the limit`, async () => {
    const staff = await t.given.staff('desk_staff', { community: w.community });
    const auth = `Bearer ${await t.given.token(staff)}`;
    for (let i = 0; i < PHOTO_QUOTA.unattachedPhotos; i++)
      expect((await upload(auth, PNG, 'p.png', 'image/png')).status).toBe(201);
    const refused = await upload(auth, PNG, 'p.png', 'image/png');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      fields: [
        { field: 'file', code: 'photo_quota', params: { max: PHOTO_QUOTA.unattachedPhotos } },
      ],
      details: { limit: 'unattached_photos', max: PHOTO_QUOTA.unattachedPhotos },
    });
    expect(await photoCount(staff.id)).toBe(PHOTO_QUOTA.unattachedPhotos);
  });

  it('refuses an upload past the bytes of a day, counting only the last 24 hours', async () => {
    const staff = await t.given.staff('community_worker', { community: w.community });
    const auth = `Bearer ${await t.given.token(staff)}`;
    const insert = (bytes: number, hoursAgo: number) =>
      t.ds.query(
        `INSERT INTO photo (uploader_kind, uploader_id, content_type, size_bytes, storage_key, sha256, created_at)
         VALUES ('staff', $1, 'image/png', $2, '00/00000000-0000-4000-8000-000000000000', 'x', now() - make_interval(hours => $3))`,
        [staff.id, bytes, hoursAgo],
      );
    // A day's worth uploaded 30 hours ago no longer counts…
    await insert(PHOTO_QUOTA.bytesPerDay, 30);
    expect((await upload(auth, PNG, 'p.png', 'image/png')).status).toBe(201);
    // …but what was uploaded within the last 24 hours does.
    await insert(PHOTO_QUOTA.bytesPerDay - PNG.length, 1);
    const refused = await upload(auth, PNG, 'p.png', 'image/png');
    expect(refused.status).toBe(429);
    expect(refused.body.fields).toMatchObject([
      {
        field: 'file',
        code: 'photo_daily_limit',
        params: { maxMb: PHOTO_QUOTA.bytesPerDay / 2 ** 20 },
      },
    ]);
    expect(refused.body.details).toEqual({
      limit: 'photo_bytes_per_day',
      max: PHOTO_QUOTA.bytesPerDay,
    });
    await t.ds.query(`DELETE FROM photo WHERE uploader_id = $1 AND sha256 = 'x'`, [staff.id]);
  });

  it('holds the limit when the uploads arrive at once', async () => {
    const staff = await t.given.staff('desk_staff', { community: w.community });
    const auth = `Bearer ${await t.given.token(staff)}`;
    const n = PHOTO_QUOTA.unattachedPhotos + 5;
    const results = await Promise.all(
      Array.from({ length: n }, () => upload(auth, PNG, 'p.png', 'image/png')),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(PHOTO_QUOTA.unattachedPhotos);
    expect(results.filter((r) => r.status === 429)).toHaveLength(5);
    expect(await photoCount(staff.id)).toBe(PHOTO_QUOTA.unattachedPhotos);
  });
});

describe('clean-up', () => {
  it('removes photos never attached after a day, rows and bytes, and nothing else', async () => {
    const resident = await t.given.resident({ community: w.community, compound: w.compound });
    const auth = `Bearer ${(await t.given.residentLogin(resident)).accessToken}`;
    const dayAgo = new Date(Date.now() - 25 * 3600_000);
    t.clock.at = dayAgo;
    const old = (await upload(auth, PNG, 'a.png', 'image/png')).body as { id: string };
    const oldAttached = (await upload(auth, PNG, 'b.png', 'image/png')).body as { id: string };
    const filed = await t.http
      .post('/api/cases')
      .set('Authorization', auth)
      .send({
        categoryId: w.category.id,
        description: '照片里是坏了的路灯',
        photoIds: [oldAttached.id],
      });
    t.clock.at = null;
    expect(filed.status).toBe(201);
    const fresh = (await upload(auth, PNG, 'c.png', 'image/png')).body as { id: string };
    const keys = new Map<string, string>(
      (
        (await t.ds.query('SELECT id, storage_key FROM photo WHERE uploader_id = $1', [
          resident.id,
        ])) as { id: string; storage_key: string }[]
      ).map((r) => [r.id, join(t.config.dataDir, 'uploads', r.storage_key)]),
    );
    for (const path of keys.values()) expect(existsSync(path)).toBe(true);

    const photos = t.app.get(PhotosService);
    // Two processes running the job at once remove each photo once.
    const [a, b] = await Promise.all([photos.removeUnattached(), photos.removeUnattached()]);
    expect(a + b).toBe(1);

    const left = (
      (await t.ds.query('SELECT id FROM photo WHERE uploader_id = $1 ORDER BY id', [
        resident.id,
      ])) as { id: string }[]
    ).map((r) => r.id);
    expect(left.sort()).toEqual([oldAttached.id, fresh.id].sort());
    expect(existsSync(keys.get(old.id)!)).toBe(false);
    expect(existsSync(keys.get(oldAttached.id)!)).toBe(true);
    expect(existsSync(keys.get(fresh.id)!)).toBe(true);
    expect((await t.http.get(`/api/photos/${old.id}`).set('Authorization', auth)).status).toBe(404);
    expect(await photos.removeUnattached()).toBe(0);
  });
});
