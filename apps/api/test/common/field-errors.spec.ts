import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, FIELD_ERROR_CODES } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, PASSWORD, createTestApp } from '../utils/app';
import { type CaseWorld, caseWorld } from '../cases/world';

/**
 * Validation answers name each field with a stable code and its parameters, so the front ends
 * can say in the user's language what is wrong; whitespace-only text counts as empty.
 */
let t: TestContext;
let w: CaseWorld;
let bureau: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await caseWorld(t);
  bureau = `Bearer ${await t.given.token(await t.given.staff('bureau_admin'))}`;
});
afterAll(() => t.close());

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1b3d20000000049454e44ae426082',
  'hex',
);

function fileCase(body: object) {
  return t.http.post('/api/cases').set('Authorization', w.residentAuth).send(body);
}

describe('field error codes', () => {
  it('refuses whitespace-only text as required, naming the field', async () => {
    const res = await t.http
      .post('/api/streets')
      .set('Authorization', bureau)
      .send({ code: ' \t', name: '   ', nameEn: '\t\n ' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    // The English name is optional: whitespace only is no English name, not an error.
    expect(res.body.fields).toEqual([
      { field: 'code', code: 'required', message: 'is required' },
      { field: 'name', code: 'required', message: 'is required' },
    ]);
  });

  it('calls a whitespace-only description required, not too short', async () => {
    const res = await fileCase({ categoryId: w.category.id, description: '      ' });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([
      { field: 'description', code: 'required', message: 'is required' },
    ]);
  });

  it('calls a missing field required, never a length message', async () => {
    const res = await fileCase({ categoryId: w.category.id });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([
      { field: 'description', code: 'required', message: 'is required' },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/shorter|longer/);
  });

  it('gives length limits as parameters, counted after trimming', async () => {
    const short = await fileCase({ categoryId: w.category.id, description: '  漏水了  ' });
    expect(short.body.fields).toMatchObject([
      { field: 'description', code: 'too_short', params: { min: 5 } },
    ]);
    const long = await fileCase({ categoryId: w.category.id, description: 'x'.repeat(2001) });
    expect(long.body.fields).toMatchObject([
      { field: 'description', code: 'too_long', params: { max: 2000 } },
    ]);
  });

  it('names numbers, lists, ids, formats and unknown fields by code', async () => {
    const res = await t.http.post('/api/communities').set('Authorization', bureau).send({
      streetId: 'not-a-uuid',
      code: 'a b',
      name: 'x',
      nameEn: 'x',
      households: '12',
      registeredResidents: -1,
      firstElectedOn: '30/06/2019',
      mayor: 'nobody',
    });
    expect(res.status).toBe(400);
    const byField = Object.fromEntries(
      (res.body.fields as { field: string; code: string; params?: object }[]).map((f) => [
        f.field,
        f.params ? { code: f.code, params: f.params } : { code: f.code },
      ]),
    );
    expect(byField).toEqual({
      streetId: { code: 'invalid_id' },
      code: { code: 'invalid_code', params: { max: 32 } },
      households: { code: 'not_an_integer' },
      registeredResidents: { code: 'too_small', params: { min: 0 } },
      firstElectedOn: { code: 'invalid_date' },
      mayor: { code: 'unknown_field' },
    });
  });

  it('lists the allowed values of a choice', async () => {
    const res = await t.http.get('/api/categories?kind=gossip').set('Authorization', bureau);
    expect(res.status).toBe(400);
    expect(res.body.fields).toMatchObject([
      {
        field: 'kind',
        code: 'not_one_of',
        params: { allowed: ['affair', 'inquiry', 'concern', 'dispute'] },
      },
    ]);
  });

  it('names nested fields with their path and phone formats by code', async () => {
    const res = await t.http
      .post('/api/cases')
      .set('Authorization', w.deskAuth)
      .set('Idempotency-Key', 'field-errors-walkin')
      .send({
        categoryId: w.category.id,
        description: '楼道灯坏了三天',
        channel: 'desk',
        walkIn: { name: '  ', phone: 'call me' },
      });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([
      { field: 'walkIn.name', code: 'required', message: 'is required' },
      { field: 'walkIn.phone', code: 'invalid_phone', message: 'must be digits' },
    ]);
  });

  it('stores text trimmed', async () => {
    const res = await t.http
      .post('/api/streets')
      .set('Authorization', bureau)
      .send({ code: ' TRIM1 ', name: '  和睦街道 ', nameEn: ' Hemu Street  ' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: 'TRIM1', name: '和睦街道', nameEn: 'Hemu Street' });
  });

  it('keeps a password exactly as typed', async () => {
    const staff = await t.given.staff('desk_staff', { community: w.community });
    const padded = await t.http
      .post('/api/auth/staff/login')
      .send({ username: ` ${staff.username} `, password: ` ${PASSWORD} ` });
    expect(padded.status).toBe(401);
    expect(padded.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('uses only the codes listed in the contract', async () => {
    const answers = await Promise.all([
      fileCase({ categoryId: 'x', description: 3, photoIds: 'none' }),
      t.http.get('/api/residents?page=0&pageSize=abc').set('Authorization', bureau),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(400);
      for (const f of res.body.fields as { code: string }[])
        expect(FIELD_ERROR_CODES).toContain(f.code);
    }
  });
});

describe('photo upload refusals say why', () => {
  const upload = (bytes: Buffer, type = 'image/png') =>
    t.http
      .post('/api/photos')
      .set('Authorization', w.residentAuth)
      .attach('file', bytes, { filename: 'p.png', contentType: type });

  it('not an image', async () => {
    const res = await upload(Buffer.from('%PDF-1.7 a letter'), 'application/pdf');
    expect(res.status).toBe(415);
    expect(res.body.fields).toMatchObject([{ field: 'file', code: 'not_an_image' }]);
  });

  it('too large, with the limit', async () => {
    const res = await upload(Buffer.concat([PNG, Buffer.alloc(8 * 1024 * 1024 + 1)]));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      fields: [{ field: 'file', code: 'file_too_large', params: { maxMb: 8 } }],
    });
  });

  it('more than one file at once', async () => {
    const res = await t.http
      .post('/api/photos')
      .set('Authorization', w.residentAuth)
      .attach('file', PNG, { filename: 'a.png', contentType: 'image/png' })
      .attach('file', PNG, { filename: 'b.png', contentType: 'image/png' });
    expect(res.status).toBe(400);
    expect(res.body.fields).toMatchObject([
      { field: 'file', code: 'too_many', params: { max: 1 } },
    ]);
  });

  it('no file, or an empty one', async () => {
    const none = await t.http.post('/api/photos').set('Authorization', w.residentAuth);
    expect(none.body.fields).toMatchObject([{ field: 'file', code: 'required' }]);
    const empty = await upload(Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(empty.body.fields).toMatchObject([{ field: 'file', code: 'empty_file' }]);
  });

  it('more photos on one request than it takes', async () => {
    const res = await fileCase({
      categoryId: w.category.id,
      description: '十张照片太多了',
      photoIds: Array.from({ length: 10 }, () => '0b6f1c1e-8a4e-4c39-9a4f-2a9d3c1d7e11'),
    });
    expect(res.body.fields).toMatchObject([
      { field: 'photoIds', code: 'too_many', params: { max: 9 } },
    ]);
  });
});

describe('the API document', () => {
  it('lists every error code and every field error code', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/API.md'), 'utf8');
    const errors = doc.slice(doc.indexOf('## Errors'), doc.indexOf('## Auth'));
    for (const code of [...ERROR_CODES, ...FIELD_ERROR_CODES])
      expect(errors, code).toContain(`\`${code}\``);
  });
});
