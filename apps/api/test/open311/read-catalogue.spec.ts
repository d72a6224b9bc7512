import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { givenClient, readWorld, xmlOf } from './read-world';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ TRUST_PROXY: '1' });
  await readWorld(t);
});
afterAll(() => t.close());

const ISO_0800 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

describe('discovery', () => {
  it('lists one production endpoint at this server, its formats and changeset, as the spec’s example', async () => {
    const res = await t.http
      .get('/open311/v2/discovery.json')
      .set('X-Forwarded-Proto', 'https')
      .set('X-Forwarded-Host', 'open311.liangjiang.example');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json; charset=utf-8/);
    const [{ at }] = (await t.ds.query(`SELECT max(updated_at) AS at FROM category`)) as [
      { at: Date },
    ];
    const changeset = `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
    expect(Object.keys(res.body)).toEqual([
      'changeset',
      'contact',
      'key_service',
      'endpoints',
      'profiles',
    ]);
    expect(res.body.changeset).toBe(changeset);
    expect(res.body.contact).toBe(t.config.open311.contact);
    expect(res.body.key_service).toContain('社会保障局');
    expect(res.body.endpoints).toEqual([
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: 'https://open311.liangjiang.example/open311/v2',
        changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ]);
    expect(res.body.profiles[0]).toMatchObject({
      name: 'baitong-china',
      coordinate_system: 'wgs84,gcj02,bd09',
      extended_attributes: 'baitong_status',
      time_offset: '+08:00',
      language_header: 'Accept-Language',
      jurisdiction_id: 'liangjiang.cq.cn',
    });
  });

  it('answers the same in XML under <discovery>, each format its own element', async () => {
    const res = await t.http.get('/open311/v2/discovery.xml').set('Host', 'baitong.local:8080');
    expect(res.status).toBe(200);
    expect(res.text.startsWith('<?xml version="1.0" encoding="utf-8"?><discovery>')).toBe(true);
    const doc = xmlOf(res) as {
      discovery: {
        changeset: string;
        contact: string;
        key_service: string;
        endpoints: { endpoint: Record<string, unknown>[] };
        profiles: { profile: Record<string, string>[] };
      };
    };
    expect(Object.keys(doc)).toEqual(['discovery']);
    expect(doc.discovery.changeset).toMatch(ISO_0800);
    expect(doc.discovery.endpoints.endpoint).toEqual([
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: 'http://baitong.local:8080/open311/v2',
        changeset: doc.discovery.changeset,
        type: 'production',
        formats: { format: ['text/xml', 'application/json'] },
      },
    ]);
    expect(doc.discovery.profiles.profile[0]!.name).toBe('baitong-china');
  });

  it('speaks English to Accept-Language: en', async () => {
    const res = await t.http.get('/open311/v2/discovery.json').set('Accept-Language', 'en-GB');
    expect(res.body.key_service).toMatch(
      /^API keys are issued by the district's Social Security Bureau/,
    );
    expect(res.headers['content-language']).toBe('en');
  });
});

describe('services', () => {
  it('lists the public, active categories with the spec’s fields, in Chinese by default', async () => {
    const res = await t.http.get('/open311/v2/services.json');
    expect(res.status).toBe(200);
    const codes = (res.body as { service_code: string }[]).map((s) => s.service_code);
    expect(codes).toContain('street_lamp');
    expect(codes).toContain('home_care');
    expect(codes).not.toContain('internal_only');
    expect(codes).not.toContain('retired_one');
    // The catalogue's order: by kind (办事 first), then code.
    expect(codes.indexOf('home_care')).toBeLessThan(codes.indexOf('street_lamp'));
    const lamp = (res.body as Record<string, unknown>[]).find(
      (s) => s.service_code === 'street_lamp',
    );
    expect(lamp).toEqual({
      service_code: 'street_lamp',
      service_name: '路灯损坏',
      description: '小区及周边道路的路灯不亮、闪烁',
      metadata: true,
      type: 'realtime',
      keywords: '路灯, lamp, light',
      group: '说事',
    });
    const home = (res.body as Record<string, unknown>[]).find(
      (s) => s.service_code === 'home_care',
    );
    expect(home).toEqual({
      service_code: 'home_care',
      service_name: '居家养老服务',
      description: '居家养老服务',
      metadata: false,
      type: 'realtime',
      keywords: '',
      group: '办事',
    });
  });

  it('answers <services><service> in XML, and English names and groups for Accept-Language: en', async () => {
    const res = await t.http.get('/open311/v2/services.xml').set('Accept-Language', 'en');
    const doc = xmlOf(res) as { services: { service: Record<string, string>[] } };
    expect(Object.keys(doc)).toEqual(['services']);
    const lamp = doc.services.service.find((s) => s.service_code === 'street_lamp');
    expect(lamp).toEqual({
      service_code: 'street_lamp',
      service_name: 'Broken street lamp',
      description: 'Street lamps that are dark or flicker',
      metadata: 'true',
      type: 'realtime',
      keywords: '路灯, lamp, light',
      group: 'Concerns',
    });
    expect(doc.services.service.find((s) => s.service_code === 'home_care')!.group).toBe('Affairs');
  });
});

describe('service definitions', () => {
  const expected = (en: boolean) => ({
    service_code: 'street_lamp',
    attributes: [
      {
        variable: true,
        code: 'KIND',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: en ? 'One key of the values below' : '从下列选项中选一个（填 key）',
        order: 1,
        description: en ? 'What is wrong' : '故障类型',
        values: [
          { key: 'dark', name: en ? 'Not lit' : '不亮' },
          { key: 'flicker', name: en ? 'Flickering' : '闪烁' },
        ],
      },
      {
        variable: false,
        code: 'NOTE',
        datatype: 'text',
        required: false,
        datatype_description: en ? 'Text, several lines allowed' : '多行文字',
        order: 2,
        description: en ? 'Night repairs: keep clear' : '夜间维修请注意安全',
      },
      {
        variable: true,
        code: 'POLE',
        datatype: 'string',
        required: false,
        datatype_description: en ? 'A line of text' : '一行文字',
        order: 3,
        description: en ? 'Pole number' : '灯杆编号',
      },
    ],
  });

  it('gives the category’s fields as attributes, sorted by order, in JSON', async () => {
    const zh = await t.http.get('/open311/v2/services/street_lamp.json');
    expect(zh.status).toBe(200);
    expect(zh.body).toEqual(expected(false));
    const en = await t.http
      .get('/open311/v2/services/street_lamp.json')
      .set('Accept-Language', 'en-US');
    expect(en.body).toEqual(expected(true));
  });

  it('nests <service_definition><attributes><attribute><values><value> in XML', async () => {
    const res = await t.http.get('/open311/v2/services/street_lamp.xml');
    const doc = xmlOf(res) as {
      service_definition: {
        service_code: string;
        attributes: { attribute: Record<string, unknown>[] };
      };
    };
    expect(Object.keys(doc)).toEqual(['service_definition']);
    const want = expected(false);
    expect(doc.service_definition.service_code).toBe('street_lamp');
    expect(doc.service_definition.attributes.attribute).toEqual(
      want.attributes.map((a) => ({
        ...Object.fromEntries(
          Object.entries(a).map(([k, v]) => [k, typeof v === 'object' ? v : String(v)]),
        ),
        ...('values' in a ? { values: { value: a.values } } : {}),
      })),
    );
  });

  it('answers 404 in the spec’s error list for an unknown, internal or retired code, in JSON and XML', async () => {
    for (const code of ['no_such_thing', 'internal_only', 'retired_one', 'Bad%20Code']) {
      const json = await t.http.get(`/open311/v2/services/${code}.json`);
      expect(json.status).toBe(404);
      expect(json.body).toEqual([{ code: 404, description: 'service_code: unknown service_code' }]);
      const xml = await t.http.get(`/open311/v2/services/${code}.xml`);
      expect(xml.status).toBe(404);
      expect(xmlOf(xml)).toEqual({
        errors: { error: [{ code: '404', description: 'service_code: unknown service_code' }] },
      });
    }
  });
});

describe('what every read takes', () => {
  const paths = [
    '/open311/v2/discovery',
    '/open311/v2/services',
    '/open311/v2/services/street_lamp',
    '/open311/v2/requests',
  ];

  it('takes the district’s jurisdiction_id, and answers 404 for another', async () => {
    for (const p of paths) {
      expect((await t.http.get(`${p}.json?jurisdiction_id=liangjiang.cq.cn`)).status).toBe(200);
      const other = await t.http.get(`${p}.xml?jurisdiction_id=sf.gov`);
      expect(other.status).toBe(404);
      expect(xmlOf(other)).toEqual({
        errors: { error: [{ code: '404', description: 'jurisdiction_id: unknown jurisdiction' }] },
      });
    }
  });

  it('takes an optional api_key, counted against its client; an unknown or revoked key is 403', async () => {
    const client = await givenClient(t);
    for (const p of paths)
      expect((await t.http.get(`${p}.json`).query({ api_key: client.key })).status).toBe(200);
    const [{ count }] = (await t.ds.query(
      `SELECT sum(count)::int AS count FROM api_client_usage WHERE client_id = $1`,
      [client.id],
    )) as [{ count: number }];
    expect(count).toBe(paths.length);
    const unknown = await t.http
      .get('/open311/v2/services.json')
      .query({ api_key: 'bt311_' + 'x'.repeat(32) });
    expect(unknown.status).toBe(403);
    expect(unknown.body).toEqual([{ code: 403, description: 'api_key: invalid api_key' }]);
    await t.ds.query(
      `UPDATE api_client SET revoked_at = now(), revoke_reason = 'leaked' WHERE id = $1`,
      [client.id],
    );
    const revoked = await t.http.get('/open311/v2/requests.xml').query({ api_key: client.key });
    expect(revoked.status).toBe(403);
    expect(xmlOf(revoked)).toEqual({
      errors: { error: [{ code: '403', description: 'api_key: this api_key has been revoked' }] },
    });
  });

  it('serves .json and .xml only: another suffix is 404 in the spec’s format', async () => {
    const res = await t.http.get('/open311/v2/services.html');
    expect(res.status).toBe(404);
    expect(res.body).toEqual([
      { code: 404, description: 'format: .html is not served; use .json or .xml' },
    ]);
  });
});
