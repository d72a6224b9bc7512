import type { Category } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';

let t: TestContext;
let bureau: string;
let desk: string;
beforeAll(async () => {
  t = await createTestApp();
  bureau = `Bearer ${await t.given.token(await t.given.staff('bureau_admin'))}`;
  const community = await t.given.community();
  desk = `Bearer ${await t.given.token(await t.given.staff('desk_staff', { community }))}`;
});
afterAll(() => t.close());

const BASE = {
  kind: 'affair',
  nameZh: '楼道灯不亮',
  nameEn: 'Stairwell light out',
  acceptWithinMinutes: 30,
  resolveWithin: { value: 8, unit: 'open_hours' },
  followUpRequired: true,
  publicArea: true,
};
const floor = {
  code: 'floor',
  datatype: 'number',
  variable: true,
  required: true,
  order: 1,
  descriptionZh: '几楼',
  descriptionEn: 'Which floor',
};
const light = {
  code: 'light',
  datatype: 'singlevaluelist',
  variable: true,
  required: false,
  order: 2,
  descriptionZh: '哪盏灯',
  descriptionEn: 'Which light',
  values: [
    { key: 'stair', nameZh: '楼梯灯', nameEn: 'Stair light' },
    { key: 'landing', nameZh: '平台灯', nameEn: 'Landing light' },
  ],
};
let n = 0;
const code = () => `o311_cat_${++n}`;

async function create(open311: unknown) {
  return t.http
    .post('/api/categories')
    .set('Authorization', bureau)
    .send({ ...BASE, code: code(), open311 });
}

/** The one field error of a 400, as `{ field, code }`. */
function problems(res: { status: number; body: { fields?: { field: string; code: string }[] } }) {
  expect(res.status).toBe(400);
  return (res.body.fields ?? []).map((f) => ({ field: f.field, code: f.code }));
}

describe('a category’s Open311 face', () => {
  it('is set on creation, returned on every read, and its fields come back in their order', async () => {
    const res = await create({
      public: true,
      descriptionZh: '公共楼道照明故障',
      descriptionEn: 'A stairwell light that does not work',
      keywords: ['路灯', '照明', '照明'],
      fields: [light, floor],
    });
    expect(res.status).toBe(201);
    const want = {
      public: true,
      descriptionZh: '公共楼道照明故障',
      descriptionEn: 'A stairwell light that does not work',
      keywords: ['路灯', '照明'],
      fields: [floor, light],
    };
    expect(res.body.open311).toEqual(want);
    const list = await t.http.get('/api/categories').set('Authorization', desk);
    const found = (list.body as Category[]).find((c) => c.id === res.body.id);
    expect(found?.open311).toEqual(want);
  });

  it('defaults to public with nothing else when not given, and `variable` to true', async () => {
    const plain = await t.http
      .post('/api/categories')
      .set('Authorization', bureau)
      .send({ ...BASE, code: code() });
    expect(plain.status).toBe(201);
    expect(plain.body.open311).toEqual({
      public: true,
      descriptionZh: null,
      descriptionEn: null,
      keywords: [],
      fields: [],
    });
    const { variable: _v, ...noVariable } = floor;
    const res = await create({ fields: [noVariable] });
    expect(res.body.open311.fields[0].variable).toBe(true);
  });

  it('changes only the parts a PATCH gives and keeps the rest', async () => {
    const made = await create({ descriptionZh: '说明', keywords: ['灯'], fields: [floor] });
    const res = await t.http
      .patch(`/api/categories/${made.body.id}`)
      .set('Authorization', bureau)
      .send({ open311: { public: false } });
    expect(res.status).toBe(200);
    expect(res.body.open311).toMatchObject({
      public: false,
      descriptionZh: '说明',
      keywords: ['灯'],
      fields: [floor],
    });
    const cleared = await t.http
      .patch(`/api/categories/${made.body.id}`)
      .set('Authorization', bureau)
      .send({ open311: { descriptionZh: null, fields: [] } });
    expect(cleared.body.open311).toMatchObject({ public: false, descriptionZh: null, fields: [] });
    const denied = await t.http
      .patch(`/api/categories/${made.body.id}`)
      .set('Authorization', desk)
      .send({ open311: { public: true } });
    expect(denied.status).toBe(403);
  });

  it('names the exact path of each bad field', async () => {
    const cases: [unknown, { field: string; code: string }[]][] = [
      [
        { fields: [floor, { ...light, code: 'floor' }] },
        [{ field: 'open311.fields.1.code', code: 'duplicate' }],
      ],
      [
        { fields: [{ ...floor, code: '1floor' }] },
        [{ field: 'open311.fields.0.code', code: 'invalid_code' }],
      ],
      [
        { fields: [{ ...floor, code: 'a'.repeat(41) }] },
        [{ field: 'open311.fields.0.code', code: 'invalid_code' }],
      ],
      [
        { fields: [{ ...floor, code: 'floor no' }] },
        [{ field: 'open311.fields.0.code', code: 'invalid_code' }],
      ],
      [
        { fields: [{ ...floor, datatype: 'integer' }] },
        [{ field: 'open311.fields.0.datatype', code: 'not_one_of' }],
      ],
      [
        { fields: [floor, light, { ...light, code: 'kind', values: [] }] },
        [{ field: 'open311.fields.2.values', code: 'too_few' }],
      ],
      [
        { fields: [{ ...light, values: undefined }] },
        [{ field: 'open311.fields.0.values', code: 'too_few' }],
      ],
      [
        { fields: [{ ...light, values: [light.values[0], { ...light.values[1], key: 'stair' }] }] },
        [{ field: 'open311.fields.0.values.1.key', code: 'duplicate' }],
      ],
      [
        { fields: [{ ...floor, values: light.values }] },
        [{ field: 'open311.fields.0.values', code: 'invalid' }],
      ],
      [
        { fields: [{ ...floor, order: 1.5 }] },
        [{ field: 'open311.fields.0.order', code: 'not_an_integer' }],
      ],
      [
        { fields: [{ ...floor, descriptionZh: '长'.repeat(501) }] },
        [{ field: 'open311.fields.0.descriptionZh', code: 'too_long' }],
      ],
      [{ descriptionEn: 'x'.repeat(501) }, [{ field: 'open311.descriptionEn', code: 'too_long' }]],
      [
        { keywords: Array.from({ length: 21 }, (_, i) => `k${i}`) },
        [{ field: 'open311.keywords', code: 'too_many' }],
      ],
      [{ keywords: ['好'.repeat(31)] }, [{ field: 'open311.keywords', code: 'too_long' }]],
      [{ public: 'yes' }, [{ field: 'open311.public', code: 'not_a_boolean' }]],
      [
        { fields: [{ ...floor, colour: 'red' }] },
        [{ field: 'open311.fields.0.colour', code: 'unknown_field' }],
      ],
    ];
    for (const [open311, want] of cases) expect(problems(await create(open311))).toEqual(want);
    // The same rules on a change.
    const made = await create({ fields: [floor] });
    const res = await t.http
      .patch(`/api/categories/${made.body.id}`)
      .set('Authorization', bureau)
      .send({ open311: { fields: [floor, floor] } });
    expect(problems(res)).toEqual([{ field: 'open311.fields.1.code', code: 'duplicate' }]);
  });
});
