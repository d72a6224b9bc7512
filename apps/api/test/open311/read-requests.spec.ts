import { fromWgs84 } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EventStream } from '../../src/events/event-stream.service';
import { type TestContext, createTestApp } from '../utils/app';
import { type ReadWorld, fileCase, givenClient, readWorld, transition, xmlOf } from './read-world';

let t: TestContext;
let w: ReadWorld;
let adminAuth: string;
/** A street lamp reported by the resident in the app, resolved, followed up (satisfied) and so closed. */
let lamp: { id: string; number: string };
/** A private matter taken at the desk for a walk-in, waiting for the resident. */
let home: { id: string; number: string };
/** A street lamp declined at the desk. */
let declined: { id: string; number: string };

const at = (d: Date | string) =>
  `${new Date(new Date(d).getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

beforeAll(async () => {
  t = await createTestApp();
  w = await readWorld(t);
  const admin = await t.given.staff('community_admin', { community: w.community });
  adminAuth = `Bearer ${await t.given.token(admin)}`;

  const l = await fileCase(t, w.residentAuth, {
    categoryId: w.lamp.id,
    description: '东门外第三根路灯一直不亮，晚上很黑',
    place: '东门外',
  });
  await t.ds.query(
    `UPDATE service_case SET lat = 29.6123, lng = 106.5123, media_url = 'https://img.example/lamp.jpg',
       attributes = '{"KIND":"dark","POLE":"P-17"}' WHERE id = $1`,
    [l.id],
  );
  const accepted = await transition(t, w.deskAuth, l, { action: 'accept' });
  await transition(t, w.deskAuth, accepted, {
    action: 'resolve',
    resolution: '已更换东门路灯灯泡',
  });
  await t.app.get(EventStream).drain();
  const list = await t.http
    .get('/api/follow-ups')
    .query({ caseId: l.id })
    .set('Authorization', adminAuth);
  const task = (list.body.items as { id: string }[])[0]!;
  const rec = await t.http
    .post(`/api/follow-ups/${task.id}/attempts`)
    .set('Authorization', adminAuth)
    .send({ method: 'phone', outcome: 'reached', satisfaction: 'satisfied', solved: 'yes' });
  if (rec.status >= 300) throw new Error(`follow-up: ${rec.status} ${JSON.stringify(rec.body)}`);
  await t.app.get(EventStream).drain();
  lamp = l;

  const h = await fileCase(t, w.deskAuth, {
    categoryId: w.home.id,
    description: '家中老人行动不便，需要上门助浴',
    walkIn: { name: '李秀英', phone: '13800138000' },
    compoundId: w.compound.id,
  });
  await t.ds.query(`UPDATE service_case SET lat = 29.6551, lng = 106.5551 WHERE id = $1`, [h.id]);
  const hAccepted = await transition(t, w.deskAuth, h, { action: 'accept' });
  await transition(t, w.deskAuth, hAccepted, {
    action: 'wait_resident',
    note: '请补充老人的身份证复印件',
  });
  home = h;

  const d = await fileCase(t, w.deskAuth, {
    categoryId: w.lamp.id,
    description: '小区内部路灯坏了',
    walkIn: { name: '赵先生' },
    compoundId: w.compound.id,
  });
  await transition(t, w.deskAuth, d, {
    action: 'reject',
    reason: '小区内部路灯由物业负责，已告知物业电话',
  });
  declined = d;
});
afterAll(() => t.close());

async function row(number: string) {
  const [r] = (await t.ds.query(
    `SELECT submitted_at, updated_at, resolve_due_at FROM service_case WHERE number = $1`,
    [number],
  )) as { submitted_at: Date; updated_at: Date; resolve_due_at: Date | null }[];
  return r!;
}

describe('one request', () => {
  it('shows a public-space request with the spec’s fields, in order, and the China profile’s status', async () => {
    const res = await t.http.get(`/open311/v2/requests/${lamp.number}.json`);
    expect(res.status).toBe(200);
    const r = await row(lamp.number);
    const [{ completed_at }] = (await t.ds.query(
      `SELECT completed_at FROM follow_up_task WHERE case_id = $1`,
      [lamp.id],
    )) as [{ completed_at: Date }];
    expect(res.body).toHaveLength(1);
    expect(Object.keys(res.body[0])).toEqual([
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'address',
      'address_id',
      'zipcode',
      'lat',
      'long',
      'media_url',
      'extended_attributes',
    ]);
    expect(res.body[0]).toEqual({
      service_request_id: lamp.number,
      status: 'closed',
      status_notes: '已更换东门路灯灯泡',
      service_name: '路灯损坏',
      service_code: 'street_lamp',
      description: '东门外第三根路灯一直不亮，晚上很黑',
      agency_responsible: '翠渝路社区 · 第一百通岗',
      service_notice: '受理时限 30 分钟，办结时限 24 个开放小时（按百通岗开放时间计）。',
      requested_datetime: at(r.submitted_at),
      updated_datetime: at(r.updated_at),
      expected_datetime: at(r.resolve_due_at!),
      address: '金色家园 东门外',
      address_id: w.compound.id,
      zipcode: '',
      lat: 29.6123,
      long: 106.5123,
      media_url: 'https://img.example/lamp.jpg',
      extended_attributes: {
        baitong_status: {
          status: 'closed',
          status_name: '已完结',
          stage: 'follow_up',
          stage_name: '回访',
          follow_up: {
            outcome: 'reached',
            outcome_name: '联系上',
            satisfaction: 'satisfied',
            satisfaction_name: '满意',
            solved: 'yes',
            solved_name: '已解决',
            completed_datetime: at(completed_at),
          },
        },
      },
    });
    expect(res.body[0].requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  });

  it('answers the same in XML: <service_requests><request>, each field an element, the extension nested', async () => {
    const json = (await t.http.get(`/open311/v2/requests/${lamp.number}.json`)).body[0];
    const res = await t.http.get(`/open311/v2/requests/${lamp.number}.xml`);
    expect(res.status).toBe(200);
    const doc = xmlOf(res) as { service_requests: { request: Record<string, unknown>[] } };
    expect(Object.keys(doc)).toEqual(['service_requests']);
    expect(doc.service_requests.request).toHaveLength(1);
    const x = doc.service_requests.request[0]!;
    expect(Object.keys(x)).toEqual(Object.keys(json));
    for (const [k, v] of Object.entries(json))
      if (typeof v !== 'object') expect(x[k], k).toBe(String(v));
    const ext = x.extended_attributes as { baitong_status: Record<string, unknown> };
    expect(ext.baitong_status).toEqual({
      status: 'closed',
      status_name: '已完结',
      stage: 'follow_up',
      stage_name: '回访',
      follow_up: {
        outcome: 'reached',
        outcome_name: '联系上',
        satisfaction: 'satisfied',
        satisfaction_name: '满意',
        solved: 'yes',
        solved_name: '已解决',
        completed_datetime: json.extended_attributes.baitong_status.follow_up.completed_datetime,
      },
    });
  });

  it('shows a private matter as its category at its compound: not the words, not the spot, not the desk’s note', async () => {
    const res = await t.http.get(`/open311/v2/requests/${home.number}.json`);
    const r = res.body[0];
    expect(r).toMatchObject({
      status: 'open',
      status_notes: '等待居民补充材料或信息。',
      service_name: '居家养老服务',
      service_code: 'home_care',
      description: '居家养老服务',
      address: '金色家园',
      address_id: w.compound.id,
      lat: 29.6105,
      long: 106.5105,
      media_url: '',
      service_notice: '受理时限 30 分钟，办结时限 3 个工作日（按百通岗开放时间计）。',
      extended_attributes: {
        baitong_status: {
          status: 'waiting_resident',
          status_name: '待居民补充',
          stage: 'handling',
          stage_name: '办理',
          follow_up: null,
        },
      },
    });
    const xml = xmlOf(await t.http.get(`/open311/v2/requests/${home.number}.xml`)) as {
      service_requests: {
        request: { extended_attributes: { baitong_status: { follow_up: unknown } } }[];
      };
    };
    expect(xml.service_requests.request[0]!.extended_attributes.baitong_status.follow_up).toBe('');
  });

  it('gives a declined public-space request the desk’s reason, at the acceptance stage', async () => {
    const r = (await t.http.get(`/open311/v2/requests/${declined.number}.json`)).body[0];
    expect(r).toMatchObject({
      status: 'closed',
      status_notes: '小区内部路灯由物业负责，已告知物业电话',
      extended_attributes: {
        baitong_status: {
          status: 'rejected',
          status_name: '不予受理',
          stage: 'acceptance',
          stage_name: '受理',
        },
      },
    });
  });

  it('speaks English to Accept-Language: en, and Chinese otherwise', async () => {
    const en = (
      await t.http
        .get(`/open311/v2/requests/${home.number}.json`)
        .set('Accept-Language', 'en-US,en;q=0.9')
    ).body[0];
    expect(en).toMatchObject({
      status_notes: 'Waiting for more information from the resident.',
      service_name: 'Home care for the elderly',
      description: 'Home care for the elderly',
      agency_responsible: 'Cuiyu Road Community · Desk No. 1',
      address: 'Golden Home',
      service_notice:
        "Accepted within 30 minutes of the desk's opening hours and resolved within 3 working days.",
      extended_attributes: {
        baitong_status: { status_name: 'Waiting for the resident', stage_name: 'Handling' },
      },
    });
    const zh = (
      await t.http
        .get(`/open311/v2/requests/${home.number}.json`)
        .set('Accept-Language', 'zh-CN,en;q=0.5')
    ).body[0];
    expect(zh.service_name).toBe('居家养老服务');
    const lampEn = (
      await t.http.get(`/open311/v2/requests/${lamp.number}.xml`).set('Accept-Language', 'en')
    ).text;
    expect(lampEn).toContain('<satisfaction_name>Satisfied</satisfaction_name>');
    expect(lampEn).toContain('<stage_name>Follow-up</stage_name>');
  });

  it('converts lat/long to the asked coordinate_system, from the stored WGS-84', async () => {
    for (const cs of ['gcj02', 'bd09'] as const) {
      const r = (
        await t.http
          .get(`/open311/v2/requests/${lamp.number}.json`)
          .query({ coordinate_system: cs })
      ).body[0];
      const want = fromWgs84({ lat: 29.6123, lng: 106.5123 }, cs);
      expect(r.lat).toBeCloseTo(want.lat, 6);
      expect(r.long).toBeCloseTo(want.lng, 6);
      // Several hundred metres off WGS-84 in Chongqing: the conversion really happened.
      expect(Math.abs(r.long - 106.5123)).toBeGreaterThan(0.002);
    }
    const wgs = (
      await t.http
        .get(`/open311/v2/requests/${lamp.number}.json`)
        .query({ coordinate_system: 'wgs84' })
    ).body[0];
    expect([wgs.lat, wgs.long]).toEqual([29.6123, 106.5123]);
    const bad = await t.http
      .get(`/open311/v2/requests/${lamp.number}.xml`)
      .query({ coordinate_system: 'utm' });
    expect(bad.status).toBe(400);
    expect(xmlOf(bad)).toEqual({
      errors: {
        error: [
          { code: '400', description: 'coordinate_system: must be one of wgs84, gcj02, bd09' },
        ],
      },
    });
  });

  it('answers 404 for an unknown number, and for a request of an internal category, in JSON and XML', async () => {
    const internal = await fileCase(t, w.deskAuth, {
      categoryId: w.hidden.id,
      description: '内部事项，不对外公开',
      walkIn: { name: '钱女士' },
    });
    for (const id of ['BT20000101-000001', internal.number, 'x'.repeat(40)]) {
      const json = await t.http.get(`/open311/v2/requests/${id}.json`);
      expect(json.status).toBe(404);
      expect(json.body).toEqual([
        { code: 404, description: 'service_request_id: unknown request' },
      ]);
      const xml = await t.http.get(`/open311/v2/requests/${id}.xml`);
      expect(xmlOf(xml)).toEqual({
        errors: { error: [{ code: '404', description: 'service_request_id: unknown request' }] },
      });
    }
    const list = await t.http
      .get('/open311/v2/requests.json')
      .query({ service_request_id: internal.number });
    expect(list.body).toEqual([]);
  });
});

describe('the list', () => {
  it('lists the last 90 days newest first by default, in JSON and XML alike', async () => {
    const res = await t.http.get('/open311/v2/requests.json');
    expect(res.status).toBe(200);
    expect(ids(res.body).slice(0, 3)).toEqual([declined.number, home.number, lamp.number]);
    const xml = xmlOf(await t.http.get('/open311/v2/requests.xml')) as {
      service_requests: { request: { service_request_id: string }[] };
    };
    expect(xml.service_requests.request.map((r) => r.service_request_id)).toEqual(ids(res.body));
    const empty = await t.http
      .get('/open311/v2/requests.xml')
      .query({ service_code: 'no_such_code' });
    expect(empty.text).toBe('<?xml version="1.0" encoding="utf-8"?><service_requests/>');
    expect(
      (await t.http.get('/open311/v2/requests.json').query({ service_code: 'no_such_code' })).body,
    ).toEqual([]);
  });

  it('filters by service_code and status, comma lists or repeated', async () => {
    const lamps = await t.http
      .get('/open311/v2/requests.json')
      .query({ service_code: 'street_lamp' });
    expect(ids(lamps.body)).toEqual([declined.number, lamp.number]);
    const both = await t.http.get(
      '/open311/v2/requests.json?service_code=street_lamp,home_care&status=open',
    );
    expect(ids(both.body)).toEqual([home.number]);
    const closed = await t.http.get(
      '/open311/v2/requests.json?status=closed&service_code=street_lamp&service_code=home_care',
    );
    expect(ids(closed.body)).toEqual([declined.number, lamp.number]);
    const all = await t.http.get(
      '/open311/v2/requests.json?status=open,closed&service_code=street_lamp,home_care',
    );
    expect(ids(all.body)).toHaveLength(3);
    const bad = await t.http.get('/open311/v2/requests.json').query({ status: 'pending' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual([
      { code: 400, description: 'status: "pending" is not open or closed' },
    ]);
  });

  it('takes service_request_id lists, which override every other filter', async () => {
    const res = await t.http.get('/open311/v2/requests.json').query({
      service_request_id: `${lamp.number},${home.number},BT19990101-000009`,
      status: 'open',
      start_date: '2001-01-01T00:00:00Z',
      end_date: '2001-01-02T00:00:00Z',
    });
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([home.number, lamp.number]);
  });

  it('takes start_date and end_date with a zone, at most 90 days apart; one alone reaches 90 days the other way', async () => {
    const day = 86_400_000;
    await t.ds.query(
      `UPDATE service_case SET submitted_at = now() - $2 * interval '1 day' WHERE number = $1`,
      [home.number, 10],
    );
    await t.ds.query(
      `UPDATE service_case SET submitted_at = now() - $2 * interval '1 day' WHERE number = $1`,
      [lamp.number, 100],
    );
    const r = await row(home.number);
    const q = (query: Record<string, string>) =>
      t.http
        .get('/open311/v2/requests.json')
        .query({ service_code: 'street_lamp,home_care', ...query });
    const second = new Date(r.submitted_at.getTime() + 1000);
    const exactly = await q({ start_date: at(r.submitted_at), end_date: at(second) });
    expect(ids(exactly.body)).toEqual([home.number]);
    // By default the last 90 days: the lamp of 100 days ago is out.
    expect(ids((await q({})).body)).toEqual([declined.number, home.number]);
    const past = await q({ end_date: '2020-01-01T00:00:00+08:00' });
    expect(past.body).toEqual([]);
    const since = await q({ start_date: new Date(Date.now() - 101 * day).toISOString() });
    expect(ids(since.body)).toEqual([lamp.number]);
    const until = await q({
      end_date: new Date(Date.now() - 5 * day).toISOString().replace('Z', '+00:00'),
    });
    expect(ids(until.body)).toEqual([home.number]);
    const old = await q({ start_date: '2020-01-01T00:00:00+08:00' });
    expect(old.body).toEqual([]);
  });

  it('refuses dates without a zone or not ISO 8601, a range ending before it starts and one over 90 days, naming the parameter', async () => {
    const cases: [Record<string, string>, string][] = [
      [
        { start_date: '2026-12-01' },
        'start_date: must be an ISO 8601 date and time with its zone, e.g. 2026-12-08T10:30:00+08:00',
      ],
      [
        { start_date: '2026-12-01T10:00:00' },
        'start_date: must be an ISO 8601 date and time with its zone, e.g. 2026-12-08T10:30:00+08:00',
      ],
      [
        { end_date: '12/08/2026' },
        'end_date: must be an ISO 8601 date and time with its zone, e.g. 2026-12-08T10:30:00+08:00',
      ],
      [
        { end_date: '2026-02-30T00:00:00Z' },
        'end_date: must be an ISO 8601 date and time with its zone, e.g. 2026-12-08T10:30:00+08:00',
      ],
      [
        { start_date: '2026-12-02T00:00:00+08:00', end_date: '2026-12-01T00:00:00+08:00' },
        'end_date: is before start_date',
      ],
      [
        { start_date: '2026-01-01T00:00:00+08:00', end_date: '2026-06-01T00:00:00+08:00' },
        'end_date: start_date and end_date may not span more than 90 days',
      ],
    ];
    for (const [query, description] of cases) {
      const json = await t.http.get('/open311/v2/requests.json').query(query);
      expect(json.status, JSON.stringify(query)).toBe(400);
      expect(json.body).toEqual([{ code: 400, description }]);
      const xml = await t.http.get('/open311/v2/requests.xml').query(query);
      expect(xmlOf(xml)).toEqual({ errors: { error: [{ code: '400', description }] } });
    }
    const ok = await t.http
      .get('/open311/v2/requests.json')
      .query({ start_date: '2026-12-01T10:00+0800' });
    expect(ok.status).toBe(200);
  });
});

describe('tokens', () => {
  it('resolves a client’s token to its request, empty while there is no case, 404 when unknown', async () => {
    const client = await givenClient(t);
    await t.ds.query(
      `INSERT INTO open311_token (token, client_id, case_id) VALUES ('tok-with-case', $1, $2), ('tok-pending', $1, NULL)`,
      [client.id, lamp.id],
    );
    const json = await t.http.get('/open311/v2/tokens/tok-with-case.json');
    expect(json.status).toBe(200);
    expect(json.body).toEqual([{ service_request_id: lamp.number, token: 'tok-with-case' }]);
    const xml = xmlOf(await t.http.get('/open311/v2/tokens/tok-pending.xml'));
    expect(xml).toEqual({
      service_requests: { request: [{ service_request_id: '', token: 'tok-pending' }] },
    });
    for (const token of ['nope', 'a.b']) {
      const missing = await t.http.get(`/open311/v2/tokens/${token}.json`);
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual([{ code: 404, description: 'token: unknown token' }]);
      const missingXml = await t.http.get(`/open311/v2/tokens/${token}.xml`);
      expect(xmlOf(missingXml)).toEqual({
        errors: { error: [{ code: '404', description: 'token: unknown token' }] },
      });
    }
  });
});

describe('size', () => {
  it('refuses more than 1,000 ids naming service_request_id, and a 10,000-id list at once', async () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => `ZZ20261208-${String(i).padStart(6, '0')}`).join(',');
    const over = await t.http
      .get('/open311/v2/requests.json')
      .query({ service_request_id: many(1001) });
    expect(over.status).toBe(400);
    expect(over.body).toEqual([
      { code: 400, description: 'service_request_id: at most 1000 values at a time' },
    ]);
    const spy = vi.spyOn(t.ds, 'query');
    const started = Date.now();
    const huge = await t.http.get(`/open311/v2/requests.xml?service_request_id=${many(10_000)}`);
    const took = Date.now() - started;
    spy.mockRestore();
    expect(huge.status).toBe(400);
    expect(xmlOf(huge)).toEqual({
      errors: {
        error: [{ code: '400', description: 'service_request_id: at most 1000 values at a time' }],
      },
    });
    expect(spy).not.toHaveBeenCalled();
    expect(took).toBeLessThan(2000);
    const thousand = await t.http
      .get('/open311/v2/requests.json')
      .query({ service_request_id: `${many(999)},${lamp.number}` });
    expect(thousand.status).toBe(200);
    expect(ids(thousand.body)).toEqual([lamp.number]);
  });

  it('caps the list at 1,000 rows, newest first, in one SQL statement whatever the row count', async () => {
    const bulk = await t.given.category({ code: 'bulk_load', publicArea: true });
    await t.ds.query(
      `INSERT INTO service_case (number, kind, category_id, channel, status, community_id, desk_id, walk_in_name,
         description, submitted_at)
       SELECT 'BK' || lpad(i::text, 6, '0'), 'concern', $1, 'desk', 'submitted', $2, $3, '批量',
              '批量导入的请求 ' || i, now() - interval '1 day' - i * interval '1 minute'
         FROM generate_series(1, 1200) i`,
      [bulk.id, w.community.id, w.desk.id],
    );
    const spy = vi.spyOn(t.ds, 'query');
    const res = await t.http.get('/open311/v2/requests.json').query({ service_code: 'bulk_load' });
    const statements = spy.mock.calls.length;
    const [sql, params] = spy.mock.calls[0] as unknown as [string, unknown[]];
    spy.mockRestore();
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1000);
    expect(res.body[0].service_request_id).toBe('BK000001');
    expect(res.body[999].service_request_id).toBe('BK001000');
    expect(statements).toBe(1);
    // The window is read through idx_case_submitted, newest first, not by sorting the table.
    const plan = JSON.stringify(await t.ds.query(`EXPLAIN (FORMAT JSON) ${sql}`, params));
    expect(plan).toContain('idx_case_submitted');
  });
});

const ids = (body: { service_request_id: string }[]) => body.map((r) => r.service_request_id);
