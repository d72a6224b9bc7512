import { convertDatum } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { HERE, type WriteWorld, caseCount, filing, issueKey, writeWorld } from './write-world';

let t: TestContext;
let w: WriteWorld;
let key: string;
let clientId: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await writeWorld(t);
  const issued = await issueKey(t, w, { name: '随手拍', rateLimitPerMinute: 1000 });
  key = issued.apiKey;
  clientId = issued.client.id;
});
afterAll(() => t.close());

type Filed = { service_request_id: string; service_notice: string; account_id: string | null };

async function caseByNumber(number: string) {
  const [c] = (await t.ds.query(`SELECT * FROM service_case WHERE number = $1`, [
    number,
  ])) as Record<string, unknown>[];
  return c!;
}

describe('POST requests.json, form-urlencoded as the standard sends it', () => {
  it('files a case at the nearest compound’s desk and answers as the spec’s example', async () => {
    t.clock.set('2026-12-08T10:00:00+08:00');
    const res = await t.http
      .post('/open311/v2/requests.json')
      .type('form')
      .send(
        filing(w, key, {
          email: 'li@example.cn',
          device_id: 'dev-1',
          account_id: 'acc-9',
          first_name: '大爷',
          last_name: '王',
          phone: '+86 139-0000-1111',
          media_url: 'https://img.example.cn/p/1.jpg',
          'attribute[COUNT]': '2',
          'attribute[SINCE]': '2026-12-07T19:00:00+08:00',
          'attribute[TIMES][]': 'night',
          address_string: '东门岗亭旁',
        }),
      );
    t.clock.at = null;
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.body as Filed[];
    expect(body).toHaveLength(1);
    expect(Object.keys(body[0]!).sort()).toEqual([
      'account_id',
      'service_notice',
      'service_request_id',
    ]);
    expect(body[0]!.service_request_id).toMatch(/^BT20261208-\d{6}$/);
    expect(body[0]!.account_id).toBe('acc-9');
    // 3 working days from Tuesday 10:00 at a desk open 9-21.
    expect(body[0]!.service_notice).toMatch(
      /^已受理，将在 3 个工作日内办结（2026-12-11 \d\d:\d\d 前）。$/,
    );

    const c = await caseByNumber(body[0]!.service_request_id);
    expect(c).toMatchObject({
      channel: 'open311',
      status: 'submitted',
      api_client_id: clientId,
      compound_id: w.compound.id,
      community_id: w.community.id,
      desk_id: w.desk.id,
      resident_id: null,
      walk_in_name: '王大爷',
      walk_in_phone: '8613900001111',
      place: '东门岗亭旁',
      media_url: 'https://img.example.cn/p/1.jpg',
      description: '小区东门路灯不亮，晚上很黑',
      attributes: {
        POLE: 'LD-017',
        KIND: 'dark',
        COUNT: 2,
        SINCE: '2026-12-07T19:00:00+08:00',
        TIMES: ['night'],
      },
      submitter: { email: 'li@example.cn', deviceId: 'dev-1', accountId: 'acc-9' },
    });
    expect(c['lat']).toBeCloseTo(HERE.lat, 9);
    expect(c['lng']).toBeCloseTo(HERE.lng, 9);
    expect(c['accept_due_at']).not.toBeNull();
    expect(c['resolve_due_at']).not.toBeNull();

    const tokens = (await t.ds.query(
      `SELECT client_id, case_id FROM open311_token WHERE case_id = $1`,
      [c['id']],
    )) as unknown[];
    expect(tokens).toEqual([{ client_id: clientId, case_id: c['id'] }]);
    const audit = (await t.ds.query(
      `SELECT actor_kind, actor_id, actor_name, entity, community_id, detail FROM audit_log
        WHERE action = 'open311.request_filed' AND entity_id = $1`,
      [c['id']],
    )) as Record<string, unknown>[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_kind: 'client',
      actor_id: clientId,
      actor_name: '随手拍',
      entity: 'case',
      community_id: w.community.id,
      detail: { number: c['number'], serviceCode: w.category.code, channel: 'open311' },
    });
    const events = (await t.ds.query(
      `SELECT type, actor_kind, actor_id, actor_name, data FROM case_event WHERE case_id = $1`,
      [c['id']],
    )) as Record<string, unknown>[];
    expect(events).toEqual([
      {
        type: 'created',
        actor_kind: 'client',
        actor_id: clientId,
        actor_name: '随手拍',
        data: { channel: 'open311', categoryId: w.category.id, clientId },
      },
    ]);
    const stream = (await t.ds.query(
      `SELECT name, actor_kind, actor_id, rooms FROM domain_event WHERE subject_id = $1`,
      [c['id']],
    )) as { name: string; actor_kind: string; actor_id: string; rooms: string[] }[];
    expect(stream).toHaveLength(1);
    expect(stream[0]).toMatchObject({
      name: 'case.created',
      actor_kind: 'client',
      actor_id: clientId,
    });
    expect(stream[0]!.rooms).toContain(`desk:${w.desk.id}`);
  });

  it('answers in XML with the spec’s elements, and in English for Accept-Language en', async () => {
    const res = await t.http
      .post('/open311/v2/requests.xml')
      .set('Accept-Language', 'en-GB,en;q=0.8')
      .type('form')
      .send(filing(w, key));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(res.text).toMatch(
      /^<\?xml version="1\.0" encoding="utf-8"\?><service_requests><request><service_request_id>BT\d{8}-\d{6}<\/service_request_id><service_notice>Received; to be resolved within 3 working days, by \d{4}-\d\d-\d\d \d\d:\d\d \(Beijing time\)\.<\/service_notice><account_id\/><\/request><\/service_requests>$/,
    );
  });
});

describe('the same names as JSON and as XML', () => {
  it('takes a JSON body, attributes nested or as attribute[CODE] keys', async () => {
    const nested = await t.http.post('/open311/v2/requests.json').send({
      api_key: key,
      service_code: w.category.code,
      lat: HERE.lat,
      long: HERE.lng,
      description: '路灯闪烁',
      attribute: { POLE: 'LD-018', KIND: 'flicker', TIMES: ['night', 'dawn'] },
    });
    expect(nested.status, JSON.stringify(nested.body)).toBe(200);
    const c = await caseByNumber((nested.body as Filed[])[0]!.service_request_id);
    expect(c['attributes']).toEqual({ POLE: 'LD-018', KIND: 'flicker', TIMES: ['night', 'dawn'] });
    const flat = await t.http
      .post('/open311/v2/requests.json')
      .send({ ...filing(w, key), 'attribute[TIMES][]': ['dawn'] });
    expect(flat.status, JSON.stringify(flat.body)).toBe(200);
    expect(
      (await caseByNumber((flat.body as Filed[])[0]!.service_request_id))['attributes'],
    ).toEqual({
      POLE: 'LD-017',
      KIND: 'dark',
      TIMES: ['dawn'],
    });
  });

  it('takes an XML <service_request>, a multivaluelist as repeated children', async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
      <service_request>
        <api_key>${key}</api_key>
        <service_code>${w.category.code}</service_code>
        <lat>${HERE.lat}</lat><long>${HERE.lng}</long>
        <description>路灯不亮 &amp; 电线外露</description>
        <attribute><POLE>LD-019</POLE><KIND>dark</KIND><TIMES>night</TIMES><TIMES>dawn</TIMES></attribute>
      </service_request>`;
    const res = await t.http
      .post('/open311/v2/requests.xml')
      .set('Content-Type', 'application/xml')
      .send(xml);
    expect(res.status, res.text).toBe(200);
    const number = /<service_request_id>([^<]+)</.exec(res.text)![1]!;
    const c = await caseByNumber(number);
    // Entities are not expanded: the text is kept as sent, never interpreted.
    expect(c['description']).toBe('路灯不亮 &amp; 电线外露');
    expect(c['attributes']).toEqual({ POLE: 'LD-019', KIND: 'dark', TIMES: ['night', 'dawn'] });
  });
});

describe('locations', () => {
  it('converts GCJ-02 (a Chinese map’s position) to WGS-84 before storing and placing it', async () => {
    const gcj = convertDatum(HERE, 'wgs84', 'gcj02');
    // The two datums differ by hundreds of metres here.
    expect(Math.abs(gcj.lng - HERE.lng) * 97_000).toBeGreaterThan(300);
    const res = await t.http
      .post('/open311/v2/requests.json')
      .type('form')
      .send(
        filing(w, key, { lat: String(gcj.lat), long: String(gcj.lng), coordinate_system: 'gcj02' }),
      );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const c = await caseByNumber((res.body as Filed[])[0]!.service_request_id);
    // Within a few metres of the true point (1e-4 degrees is about 10 m).
    expect(Math.abs((c['lat'] as number) - HERE.lat)).toBeLessThan(5e-5);
    expect(Math.abs((c['lng'] as number) - HERE.lng)).toBeLessThan(5e-5);
    expect(c['compound_id']).toBe(w.compound.id);
  });

  it('places a position with no compound near it at the nearest desk’s community', async () => {
    const street = await t.given.street();
    const community = await t.given.community({ street, lat: 30.2, lng: 107.2 });
    const desk = await t.given.desk({ community, lat: 30.201, lng: 107.201 });
    const res = await t.http
      .post('/open311/v2/requests.json')
      .type('form')
      .send(filing(w, key, { lat: '30.2015', long: '107.2015' }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const c = await caseByNumber((res.body as Filed[])[0]!.service_request_id);
    expect(c).toMatchObject({ community_id: community.id, compound_id: null, desk_id: desk.id });
  });

  it('places a request by address_id (a compound) or by an address_string naming a compound', async () => {
    const base = filing(w, key);
    const { lat: _lat, long: _long, ...noPoint } = base;
    const byId = await t.http
      .post('/open311/v2/requests.json')
      .type('form')
      .send({ ...noPoint, address_id: w.otherCompound.id });
    expect(byId.status, JSON.stringify(byId.body)).toBe(200);
    const c1 = await caseByNumber((byId.body as Filed[])[0]!.service_request_id);
    expect(c1).toMatchObject({ compound_id: w.otherCompound.id, lat: null, lng: null });
    const byName = await t.http
      .post('/open311/v2/requests.json')
      .type('form')
      .send({ ...noPoint, address_string: `${w.compound.name}3栋门口` });
    expect(byName.status, JSON.stringify(byName.body)).toBe(200);
    const c2 = await caseByNumber((byName.body as Filed[])[0]!.service_request_id);
    expect(c2).toMatchObject({
      compound_id: w.compound.id,
      desk_id: w.desk.id,
      place: `${w.compound.name}3栋门口`,
    });
  });
});

describe('Idempotency-Key', () => {
  it('answers a retry with the first case and files nothing new', async () => {
    const before = await caseCount(t);
    const send = () =>
      t.http
        .post('/open311/v2/requests.json')
        .set('Idempotency-Key', 'retry-key-0001')
        .type('form')
        .send(filing(w, key));
    const first = await send();
    const again = await send();
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await caseCount(t)).toBe(before + 1);
    const other = await t.http
      .post('/open311/v2/requests.json')
      .set('Idempotency-Key', 'retry-key-0001')
      .type('form')
      .send(filing(w, key, { description: '另一件事' }));
    expect(other.status).toBe(422);
    expect(other.body).toEqual([
      { code: 422, description: expect.stringMatching(/Idempotency-Key/) },
    ]);
    expect(await caseCount(t)).toBe(before + 1);
  });

  it('files one case for ten parallel retries, with one token and one audit row', async () => {
    const before = await caseCount(t);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.http
          .post('/open311/v2/requests.json')
          .set('Idempotency-Key', 'parallel-key-0001')
          .type('form')
          .send(filing(w, key, { description: '并发重试的请求' })),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    const ids = new Set(answers.map((a) => (a.body as Filed[])[0]!.service_request_id));
    expect(ids.size).toBe(1);
    expect(await caseCount(t)).toBe(before + 1);
    const c = await caseByNumber([...ids][0]!);
    const [{ n: tokens }] = (await t.ds.query(
      `SELECT count(*)::int AS n FROM open311_token WHERE case_id = $1`,
      [c['id']],
    )) as [{ n: number }];
    const [{ n: audits }] = (await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'open311.request_filed' AND entity_id = $1`,
      [c['id']],
    )) as [{ n: number }];
    expect([tokens, audits]).toEqual([1, 1]);
  });
});

describe('into the desk workflow', () => {
  it('shows the case on the desk queue, with the client in its events; the hotline’s key files as hotline_12345', async () => {
    const hotline = await issueKey(t, w, { name: '12345 热线', channel: 'hotline_12345' });
    const res = await t.http
      .post('/open311/v2/requests.json')
      .type('form')
      .send(filing(w, hotline.apiKey, { description: '热线转来：路灯不亮' }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const number = (res.body as Filed[])[0]!.service_request_id;
    const queue = await t.http
      .get('/api/cases')
      .query({ q: number })
      .set('Authorization', w.deskAuth);
    expect(queue.status).toBe(200);
    const item = (
      queue.body as { items: { id: string; number: string; channel: string; deskId: string }[] }
    ).items.find((i) => i.number === number)!;
    expect(item).toMatchObject({ channel: 'hotline_12345', deskId: w.desk.id });
    const events = await t.http
      .get(`/api/cases/${item.id}/events`)
      .set('Authorization', w.deskAuth);
    expect(events.body[0]).toMatchObject({
      type: 'created',
      actorKind: 'client',
      actorName: '12345 热线',
    });
  });

  it('is worked and resolved at the desk like any case; the follow-up and repeat detection apply', async () => {
    const res = await t.http
      .post('/open311/v2/requests.json')
      .type('form')
      .send(filing(w, key, { description: '东门路灯又坏了' }));
    const number = (res.body as Filed[])[0]!.service_request_id;
    const c = await caseByNumber(number);
    let version = c['version'] as number;
    for (const body of [{ action: 'accept' }, { action: 'resolve', resolution: '已更换灯泡' }]) {
      const r = await t.http
        .post(`/api/cases/${c['id'] as string}/transitions`)
        .set('Authorization', w.deskAuth)
        .send({ version, ...body });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      version = (r.body as { version: number }).version;
    }
    expect((await caseByNumber(number))['status']).toBe('resolved');
    // The stream's reaction schedules the follow-up (回访), as for a desk case.
    let tasks: unknown[] = [];
    for (let i = 0; i < 50 && tasks.length === 0; i++) {
      tasks = (await t.ds.query(`SELECT id FROM follow_up_task WHERE case_id = $1`, [
        c['id'],
      ])) as unknown[];
      if (tasks.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(tasks).toHaveLength(1);
    // The same spot and category again: the resolved case is proposed as its earlier case.
    const again = await t.http
      .post('/open311/v2/requests.json')
      .type('form')
      .send(filing(w, key, { description: '东门路灯又坏了，还是不亮' }));
    const second = await caseByNumber((again.body as Filed[])[0]!.service_request_id);
    const candidates = await t.http
      .get(`/api/cases/${second['id'] as string}/repeat-candidates`)
      .set('Authorization', w.deskAuth);
    expect(candidates.status, JSON.stringify(candidates.body)).toBe(200);
    expect((candidates.body as { caseId: string }[]).map((x) => x.caseId)).toContain(c['id']);
  });
});
