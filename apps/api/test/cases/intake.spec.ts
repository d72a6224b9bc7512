import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type CaseWorld, act, caseWorld, deskCase } from './world';

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

describe('a resident submits in the app', () => {
  it('creates a submitted app case at the compound’s desk with due times, visible only to them and the community', async () => {
    t.clock.set('2026-11-27T21:00:00+08:00');
    const res = await t.http
      .post('/api/cases')
      .set('Authorization', w.residentAuth)
      .send({ categoryId: w.category.id, description: '小区门口路灯不亮', place: '东门' });
    t.clock.at = null;
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'submitted',
      channel: 'app',
      residentId: w.resident.id,
      deskId: w.desk.id,
      compoundId: w.compound.id,
      place: '东门',
      version: 1,
    });
    expect(res.body.number).toMatch(/^BT20261127-\d{6}$/);
    // Submitted at 21:00 with a 30-minute accept target: 30 open minutes of a desk that closes at 21:30.
    expect(res.body.sla.acceptDueAt).toBe('2026-11-27T13:30:00.000Z');
    expect(res.body.residentPhoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(res.body.allowedActions).toEqual([]);
    const mine = await t.http.get('/api/cases').set('Authorization', w.residentAuth);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(res.body.id);
    const other = await t.given.resident({ community: w.community });
    const otherAuth = `Bearer ${(await t.given.residentLogin(other)).accessToken}`;
    expect(
      (await t.http.get(`/api/cases/${res.body.id}`).set('Authorization', otherAuth)).status,
    ).toBe(404);
    expect((await t.http.get('/api/cases').set('Authorization', otherAuth)).body.total).toBe(0);
    expect(
      (await t.http.get(`/api/cases/${res.body.id}`).set('Authorization', w.deskAuth)).status,
    ).toBe(200);
  });

  it('refuses a resident acting on a case or creating one for others', async () => {
    const c = await deskCase(t, w);
    expect((await act(t, w.residentAuth, c, { action: 'accept' })).status).toBe(403);
    const res = await t.http
      .post('/api/cases')
      .set('Authorization', w.residentAuth)
      .send({ categoryId: w.category.id, description: '替邻居反映问题', walkIn: { name: '邻居' } });
    expect(res.status).toBe(400);
    expect(res.body.fields[0].field).toBe('walkIn');
  });
});

describe('idempotent submission', () => {
  it('turns a storm of 25 concurrent retries into exactly one case', async () => {
    const body = { categoryId: w.category.id, description: '电梯故障，困人风险', place: '5栋' };
    const responses = await Promise.all(
      Array.from({ length: 25 }, () =>
        t.http
          .post('/api/cases')
          .set('Authorization', w.residentAuth)
          .set('Idempotency-Key', 'storm-key-0001')
          .send(body),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(24);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM service_case WHERE description = $1`,
      [body.description],
    );
    expect(n).toBe(1);
    const [{ e }] = await t.ds.query(
      `SELECT count(*)::int AS e FROM case_event WHERE case_id = $1`,
      [responses[0]!.body.id],
    );
    expect(e).toBe(1);
  });

  it('refuses the same key with a different body, and keys are per caller', async () => {
    const first = await t.http
      .post('/api/cases')
      .set('Authorization', w.deskAuth)
      .set('Idempotency-Key', 'same-key-1234')
      .send({ categoryId: w.category.id, description: '第一次提交的内容', walkIn: { name: '甲' } });
    expect(first.status).toBe(201);
    const changed = await t.http
      .post('/api/cases')
      .set('Authorization', w.deskAuth)
      .set('Idempotency-Key', 'same-key-1234')
      .send({ categoryId: w.category.id, description: '换了内容的提交', walkIn: { name: '甲' } });
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const otherCaller = await t.http
      .post('/api/cases')
      .set('Authorization', w.workerAuth)
      .set('Idempotency-Key', 'same-key-1234')
      .send({ categoryId: w.category.id, description: '另一位工作人员', walkIn: { name: '乙' } });
    expect(otherCaller.status).toBe(201);
    const bad = await t.http
      .post('/api/cases')
      .set('Authorization', w.deskAuth)
      .set('Idempotency-Key', 'no')
      .send({ categoryId: w.category.id, description: '键太短了哦', walkIn: { name: '丙' } });
    expect(bad.body.fields).toEqual([
      {
        field: 'Idempotency-Key',
        code: 'invalid_format',
        message: 'must be 8-64 letters, digits, - or _',
      },
    ]);
  });
});

describe('the desk queue', () => {
  it('lists open cases of a desk by the nearest due time, names joined, and pages them', async () => {
    const desk = await t.given.desk({ community: w.community });
    const at = [
      '2026-11-27T10:20:00+08:00',
      '2026-11-27T09:10:00+08:00',
      '2026-11-27T09:40:00+08:00',
    ];
    const made = [];
    for (const time of at) {
      t.clock.set(time);
      made.push(await deskCase(t, w, { deskId: desk.id }));
    }
    t.clock.set('2026-11-27T11:00:00+08:00');
    const accepted = (await act(t, w.deskAuth, made[1]!, { action: 'accept' })).body;
    const res = await t.http
      .get(`/api/cases?deskId=${desk.id}&status=submitted,accepted&sort=due&pageSize=2`)
      .set('Authorization', w.deskAuth);
    t.clock.at = null;
    // Submitted 09:40 and 10:20 are due for acceptance at 10:10 and 10:50; the accepted one only when its resolution is due.
    expect(res.body.total).toBe(3);
    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([made[2]!.id, made[0]!.id]);
    expect(res.body.items[0]).toMatchObject({
      deskName: desk.name,
      residentName: '王大爷',
      categoryName: w.category.nameZh,
    });
    const next = await t.http
      .get(`/api/cases?deskId=${desk.id}&status=submitted,accepted&sort=due&pageSize=2&page=2`)
      .set('Authorization', w.deskAuth);
    expect(next.body.items.map((c: { id: string }) => c.id)).toEqual([accepted.id]);
  });
});

describe('concurrent edits', () => {
  it('lets exactly one of two staff accepting at once win; the other gets 409', async () => {
    for (let round = 0; round < 5; round++) {
      const c = await deskCase(t, w);
      const [a, b] = await Promise.all([
        act(t, w.deskAuth, c, { action: 'accept' }),
        act(t, w.workerAuth, c, { action: 'accept' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(['STALE_VERSION', 'ILLEGAL_TRANSITION']).toContain(loser.body.code);
      const [{ n }] = await t.ds.query(
        `SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND type = 'transition'`,
        [c.id],
      );
      expect(n).toBe(1);
    }
  });
});

describe('photos', () => {
  it('stores an image, attaches it to a case and serves it only to the case’s readers', async () => {
    const up = await t.http
      .post('/api/photos')
      .set('Authorization', w.residentAuth)
      .attach('file', PNG, { filename: 'light.png', contentType: 'image/png' });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ contentType: 'image/png', sizeBytes: PNG.length });
    const c = await t.http
      .post('/api/cases')
      .set('Authorization', w.residentAuth)
      .send({ categoryId: w.category.id, description: '楼道灯坏了看照片', photoIds: [up.body.id] });
    expect(c.body.photos).toEqual([
      expect.objectContaining({ id: up.body.id, url: `/api/photos/${up.body.id}` }),
    ]);
    const img = await t.http.get(`/api/photos/${up.body.id}`).set('Authorization', w.deskAuth);
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(img.body as Buffer, PNG)).toBe(0);
    const stranger = await t.given.staff('desk_staff', { community: await t.given.community() });
    expect(
      (
        await t.http
          .get(`/api/photos/${up.body.id}`)
          .set('Authorization', `Bearer ${await t.given.token(stranger)}`)
      ).status,
    ).toBe(404);
    const reuse = await t.http
      .post('/api/cases')
      .set('Authorization', w.residentAuth)
      .send({
        categoryId: w.category.id,
        description: '再用一次同一张照片',
        photoIds: [up.body.id],
      });
    expect(reuse.status).toBe(400);
    expect(reuse.body.fields[0].field).toBe('photoIds');
  });

  it('refuses files that are not images whatever they claim, empty files and missing files', async () => {
    const fake = await t.http
      .post('/api/photos')
      .set('Authorization', w.residentAuth)
      .attach('file', Buffer.from('GIF89a not really'), {
        filename: 'x.png',
        contentType: 'image/png',
      });
    expect(fake.status).toBe(415);
    expect(fake.body.fields).toEqual([
      { field: 'file', code: 'not_an_image', message: 'JPEG, PNG, WebP or HEIC' },
    ]);
    const none = await t.http
      .post('/api/photos')
      .set('Authorization', w.residentAuth)
      .field('note', 'x');
    expect(none.status).toBe(400);
    const ten = await t.http
      .post('/api/cases')
      .set('Authorization', w.residentAuth)
      .send({
        categoryId: w.category.id,
        description: '十张照片太多了',
        photoIds: Array.from({ length: 10 }, () => '0b6f1c1e-8a4e-4c39-9a4f-2a9d3c1d7e11'),
      });
    expect(ten.body.fields[0]).toMatchObject({
      field: 'photoIds',
      code: 'too_many',
      params: { max: 9 },
    });
  });

  it('refuses an image over 8 MB with 413', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(8 * 1024 * 1024 + 10)]);
    const res = await t.http
      .post('/api/photos')
      .set('Authorization', w.residentAuth)
      .attach('file', big, { filename: 'big.png', contentType: 'image/png' });
    expect(res.status).toBe(413);
    expect(res.body.fields).toMatchObject([
      { field: 'file', code: 'file_too_large', params: { maxMb: 8 } },
    ]);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('scope', () => {
  it('hides a community’s cases from staff of another community: read, act, list', async () => {
    const c = await deskCase(t, w);
    const otherCommunity = await t.given.community();
    const outsider = `Bearer ${await t.given.token(await t.given.staff('community_admin', { community: otherCommunity }))}`;
    expect((await t.http.get(`/api/cases/${c.id}`).set('Authorization', outsider)).status).toBe(
      404,
    );
    expect(
      (await t.http.get(`/api/cases/${c.id}/events`).set('Authorization', outsider)).status,
    ).toBe(404);
    expect((await act(t, outsider, c, { action: 'accept' })).status).toBe(404);
    expect(
      (
        await t.http
          .post(`/api/cases/${c.id}/assign`)
          .set('Authorization', outsider)
          .send({ version: 1, assigneeId: w.worker.id })
      ).status,
    ).toBe(404);
    const list = await t.http.get('/api/cases?pageSize=200').set('Authorization', outsider);
    expect(list.body.items.find((x: { id: string }) => x.id === c.id)).toBeUndefined();
    // The street and the bureau read it but do not work it.
    const bureau = `Bearer ${await t.given.token(await t.given.staff('bureau_admin'))}`;
    const seen = await t.http.get(`/api/cases/${c.id}`).set('Authorization', bureau);
    expect(seen.status).toBe(200);
    expect(seen.body.allowedActions).toEqual([]);
    expect((await act(t, bureau, c, { action: 'accept' })).status).toBe(403);
  });
});

describe('bad input', () => {
  it.each([
    [{ description: '没有类别' }, 'categoryId'],
    [{ categoryId: 'x', description: '类别不是编号' }, 'categoryId'],
    [
      { categoryId: '0b6f1c1e-8a4e-4c39-9a4f-2a9d3c1d7e11', description: '类别不存在的情况' },
      'categoryId',
    ],
    [{ categoryId: '$CAT', description: '短' }, 'description'],
    [{ categoryId: '$CAT', description: 'x'.repeat(2001) }, 'description'],
    [{ categoryId: '$CAT', description: '渠道不对的情况', channel: 'fax' }, 'channel'],
    [{ categoryId: '$CAT', description: '居民不是编号的情况', residentId: 42 }, 'residentId'],
    [{ categoryId: '$CAT', description: '没有说明是谁的情况' }, 'residentId'],
    [{ categoryId: '$CAT', description: '来访者没有名字', walkIn: {} }, 'walkIn.name'],
    [
      {
        categoryId: '$CAT',
        description: '未知字段的情况',
        walkIn: { name: '甲' },
        priority: 'high',
      },
      'priority',
    ],
  ])('create %j names %s', async (body, field) => {
    const res = await t.http
      .post('/api/cases')
      .set('Authorization', w.deskAuth)
      .send(JSON.parse(JSON.stringify(body).replace('$CAT', w.category.id)));
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it.each([
    ['/api/cases?status=open', 'status'],
    ['/api/cases?sort=random', 'sort'],
    ['/api/cases?overdue=yes', 'overdue'],
    ['/api/cases?assignee=someone', 'assignee'],
    ['/api/cases?pageSize=1000', 'pageSize'],
    ['/api/cases/abc', 'id'],
  ])('GET %s names %s', async (url, field) => {
    const res = await t.http.get(url).set('Authorization', w.deskAuth);
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it.each([
    [{ action: 'accept' }, 'version'],
    [{ action: 'approve', version: 1 }, 'action'],
    [{ action: 'accept', version: '1' }, 'version'],
    [{ action: 'accept', version: 0 }, 'version'],
  ])('transition %j names %s', async (body, field) => {
    const c = await deskCase(t, w);
    const res = await t.http
      .post(`/api/cases/${c.id}/transitions`)
      .set('Authorization', w.deskAuth)
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });
});
