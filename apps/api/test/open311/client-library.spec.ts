import { type LatLng, fromWgs84 } from '@baitong/contracts';
import type { AddressInfo } from 'node:net';
import Open311 from 'open311';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEntity, type CategoryEntity } from '../../src/cases/case.entities';
import { distanceMeters } from '../../src/org/geo';
import { newApiKey } from '../../src/open311/clients/api-keys';
import { ApiClientEntity } from '../../src/open311/open311.entities';
import type { CommunityEntity } from '../../src/org/org.entities';
import { type TestContext, createTestApp } from '../utils/app';

// Code for America's Open311 client (npm `open311`, unchanged) against Baitong on a real port,
// used as a city's app developer would: its own constructor and methods, JSON and XML.

let t: TestContext;
let endpoint: string;
let jurisdiction: string;
let apiKey: string;
let clientId: string;
let category: CategoryEntity;
let hidden: CategoryEntity;
let community: CommunityEntity;

// Where the resident stands, in WGS-84 (GPS) and as AMap shows it (GCJ-02).
const SPOT: LatLng = { lat: 29.6612, lng: 106.5612 };
const SPOT_GCJ = fromWgs84(SPOT, 'gcj02');
const SUBMITTER = {
  first_name: '晓梅',
  last_name: '周',
  phone: '13912345678',
  email: 'zxm@example.cn',
};

/**
 * The library's Node-style callback as a promise of both halves, so refusals can be read: on
 * success `err` is null (discovery: false); on a refusal `true` for GETs with the text
 * "There was an error connecting to the Open311 API: <status>", the status for POSTs.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON, read as a client would
type Answer = any;

function call(run: (cb: (err: unknown, data: unknown) => void) => void) {
  return new Promise<{ err: unknown; data: Answer }>((resolve) =>
    run((err, data) => resolve({ err, data })),
  );
}

const client = (format: 'json' | 'xml', key = apiKey) =>
  new Open311({ endpoint, format, jurisdiction, apiKey: key });

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  endpoint = `http://127.0.0.1:${port}/open311/v2/`;
  jurisdiction = t.config.open311.jurisdictionId;

  community = await t.given.community({ lat: SPOT.lat, lng: SPOT.lng });
  await t.given.desk({ community, ...SPOT, name: '路灯岗' });
  category = await t.given.category({
    kind: 'concern',
    nameZh: '路灯不亮',
    nameEn: 'Street light out',
    publicArea: true,
    public: true,
    descriptionZh: '道路、小区公共区域的路灯不亮或闪烁',
    descriptionEn: 'A street or compound light is out or flickering',
    keywords: ['路灯', 'light'],
    fields: [
      {
        code: 'POLE',
        datatype: 'string',
        variable: true,
        required: true,
        order: 1,
        descriptionZh: '灯杆编号',
        descriptionEn: 'Pole number',
      },
      {
        code: 'KIND',
        datatype: 'singlevaluelist',
        variable: true,
        required: false,
        order: 2,
        descriptionZh: '情况',
        descriptionEn: 'What is wrong',
        values: [
          { key: 'dark', nameZh: '不亮', nameEn: 'Dark' },
          { key: 'flicker', nameZh: '闪烁', nameEn: 'Flickering' },
        ],
      },
    ],
  });
  hidden = await t.given.category({ nameZh: '内部类别', public: false });

  const key = newApiKey();
  apiKey = key.key;
  const saved = await t.ds.getRepository(ApiClientEntity).save({
    name: '市民通 App',
    contact: 'dev@example.cn',
    channel: 'open311',
    keyPrefix: key.prefix,
    keyHash: key.hash,
    rateLimitPerMinute: 1000,
  });
  clientId = saved.id;
});
afterAll(() => t.close());

describe('an existing Open311 client library (open311@0.0.12), unchanged', () => {
  it('discovers the endpoint with serviceDiscovery', async () => {
    const o = new Open311({ discovery: `${endpoint}discovery.json` });
    const { err, data } = await call((cb) => o.serviceDiscovery({}, cb));
    expect(err).toBe(false);
    expect(data).toMatchObject({ changeset: expect.any(String), contact: expect.any(String) });
    const spec = data.endpoints.filter(
      (e: { specification: string }) => e.specification === 'http://wiki.open311.org/GeoReport_v2',
    );
    expect(spec.length).toBeGreaterThan(0);
    expect(spec[0].url).toMatch(/\/open311\/v2\/?$/);
    expect(spec[0].formats).toEqual(expect.arrayContaining(['application/json', 'text/xml']));

    const xml = new Open311({ discovery: `${endpoint}discovery.xml` });
    const parsed = await call((cb) => xml.serviceDiscovery({}, cb));
    expect(parsed.err).toBe(false);
    expect(parsed.data.endpoints.length).toBe(data.endpoints.length);
  });

  it('lists public services with serviceList, in JSON and in XML', async () => {
    for (const format of ['json', 'xml'] as const) {
      const { err, data } = await call((cb) => client(format).serviceList(cb));
      expect(err).toBeNull();
      expect(Array.isArray(data)).toBe(true);
      const mine = data.find((s: { service_code: unknown }) => s.service_code === category.code);
      expect(mine).toMatchObject({
        service_code: category.code,
        service_name: '路灯不亮',
        description: '道路、小区公共区域的路灯不亮或闪烁',
        type: 'realtime',
      });
      expect(String(mine.metadata)).toBe('true');
      expect(data.some((s: { service_code: unknown }) => s.service_code === hidden.code)).toBe(
        false,
      );
    }
  });

  it('reads a service definition with serviceDefinition, in JSON and in XML', async () => {
    for (const format of ['json', 'xml'] as const) {
      const { err, data } = await call((cb) => client(format).serviceDefinition(category.code, cb));
      expect(err).toBeNull();
      expect(data.service_code).toBe(category.code);
      const [pole, kind] = [...data.attributes].sort(
        (a: { order: number }, b: { order: number }) => Number(a.order) - Number(b.order),
      );
      expect(pole).toMatchObject({ code: 'POLE', datatype: 'string', description: '灯杆编号' });
      expect(String(pole.required)).toBe('true');
      expect(String(pole.variable)).toBe('true');
      expect(kind).toMatchObject({ code: 'KIND', datatype: 'singlevaluelist' });
      expect(kind.values).toEqual([
        { key: 'dark', name: '不亮' },
        { key: 'flicker', name: '闪烁' },
      ]);
    }
  });

  it('files a request with submitRequest (GCJ-02 from a Chinese map) and reads it back with serviceRequest', async () => {
    const { err, data } = await call((cb) =>
      client('json').submitRequest(
        {
          service_code: category.code,
          lat: SPOT_GCJ.lat,
          long: SPOT_GCJ.lng,
          coordinate_system: 'gcj02',
          address_string: '重庆市两江新区金渝大道1号',
          description: '金渝大道1号门口路灯整晚不亮',
          attributes: { POLE: 'JY-0117', KIND: 'dark' },
          ...SUBMITTER,
        },
        cb,
      ),
    );
    expect(err).toBeNull();
    expect(data).toHaveLength(1);
    const id = await requestIdOf(data[0]);

    // The case is on the desk, filed by the client, stored in WGS-84 a few metres from the spot.
    const filed = await t.ds.getRepository(CaseEntity).findOneByOrFail({ number: id });
    expect(filed).toMatchObject({
      channel: 'open311',
      apiClientId: clientId,
      status: 'submitted',
      categoryId: category.id,
      communityId: community.id,
      walkInPhone: SUBMITTER.phone,
      attributes: { POLE: 'JY-0117', KIND: 'dark' },
    });
    expect(distanceMeters({ lat: filed.lat!, lng: filed.lng! }, SPOT)).toBeLessThan(5);

    const read = await call((cb) => client('json').serviceRequest(id, cb));
    expect(read.err).toBeNull();
    expect(read.data).toHaveLength(1);
    const r = read.data[0];
    expect(r).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: category.code,
    });
    // The library turns the times into Dates; Baitong sends them to the second, with +08:00.
    expect(r.requested_datetime).toBeInstanceOf(Date);
    expect(r.requested_datetime.getTime()).toBe(
      Math.floor(filed.submittedAt.getTime() / 1000) * 1000,
    );
    expect(distanceMeters({ lat: Number(r.lat), lng: Number(r.long) }, SPOT)).toBeLessThan(5);
    expect(JSON.stringify(r.extended_attributes.baitong_status)).toContain('受理');

    // The same request for a map that shows GCJ-02.
    const onAmap = await call((cb) =>
      client('json').serviceRequest(id, { coordinate_system: 'gcj02' }, cb),
    );
    expect(onAmap.err).toBeNull();
    const g = onAmap.data[0];
    expect(distanceMeters({ lat: Number(g.lat), lng: Number(g.long) }, SPOT_GCJ)).toBeLessThan(5);

    // No personal data in what any client can read.
    const xml = await call((cb) => client('xml').serviceRequest(id, cb));
    expect(xml.err).toBeNull();
    expect(String(xml.data[0].service_request_id)).toBe(id);
    for (const body of [read.data, onAmap.data, xml.data]) {
      const text = JSON.stringify(body);
      for (const value of Object.values(SUBMITTER)) expect(text).not.toContain(value);
    }
  });

  it('files a request in XML with submitRequest', async () => {
    const { err, data } = await call((cb) =>
      client('xml').submitRequest(
        {
          service_code: category.code,
          lat: SPOT.lat,
          long: SPOT.lng,
          description: '小区门口路灯闪烁',
          attributes: { POLE: 'JY-0118' },
        },
        cb,
      ),
    );
    expect(err).toBeNull();
    expect(data).toHaveLength(1);
    const id = await requestIdOf(data[0]);
    expect(await t.ds.getRepository(CaseEntity).countBy({ number: id })).toBe(1);
  });

  it('searches with serviceRequests: a list of ids, a service code and a status', async () => {
    const ids: string[] = [];
    for (const pole of ['JY-0201', 'JY-0202']) {
      const { data } = await call((cb) =>
        client('json').submitRequest(
          {
            service_code: category.code,
            lat: SPOT.lat,
            long: SPOT.lng,
            description: `灯杆 ${pole} 不亮`,
            attributes: { POLE: pole },
          },
          cb,
        ),
      );
      ids.push(await requestIdOf(data[0]));
    }
    const byIds = await call((cb) => client('json').serviceRequests(ids, cb));
    expect(byIds.err).toBeNull();
    expect(
      byIds.data.map((r: { service_request_id: string }) => r.service_request_id).sort(),
    ).toEqual([...ids].sort());
    const byCode = await call((cb) =>
      client('json').serviceRequests({ service_code: category.code, status: 'open' }, cb),
    );
    expect(byCode.err).toBeNull();
    const found = byCode.data.map((r: { service_request_id: string }) => r.service_request_id);
    expect(found).toEqual(expect.arrayContaining(ids));
    const closed = await call((cb) =>
      client('xml').serviceRequests({ service_code: category.code, status: 'closed' }, cb),
    );
    expect(closed.err).toBeNull();
    const closedText = JSON.stringify(closed.data);
    for (const id of ids) expect(closedText).not.toContain(id);
  });

  it('gets the refusals the spec promises through the library: 404, 400, 403', async () => {
    const unknownService = await call((cb) => client('json').serviceDefinition('no_such', cb));
    expect(unknownService.err).toBe(true);
    expect(unknownService.data).toContain('404');

    const unknownToken = await call((cb) => client('json').token('no-such-token', cb));
    expect(unknownToken.err).toBe(true);
    expect(unknownToken.data).toContain('404');

    const missing = await call((cb) =>
      client('json').submitRequest(
        { service_code: category.code, lat: SPOT.lat, long: SPOT.lng, description: '没有灯杆号' },
        cb,
      ),
    );
    expect(missing.err).toBe(400);
    expect(missing.data).toContain('POLE');

    const badKey = await call((cb) =>
      client('json', 'bt311_' + 'x'.repeat(32)).submitRequest(
        { service_code: category.code, lat: SPOT.lat, long: SPOT.lng, attributes: { POLE: '1' } },
        cb,
      ),
    );
    expect(badKey.err).toBe(403);

    const elsewhere = new Open311({ endpoint, format: 'json', jurisdiction: 'elsewhere.example' });
    const wrongJurisdiction = await call((cb) => elsewhere.serviceList(cb));
    expect(wrongJurisdiction.err).toBe(true);
    expect(wrongJurisdiction.data).toContain('404');
  });
});

/** The request id the POST gave, or the one its token leads to once the case exists. */
async function requestIdOf(answer: {
  service_request_id?: unknown;
  token?: unknown;
}): Promise<string> {
  if (answer.service_request_id !== undefined && answer.service_request_id !== null)
    return String(answer.service_request_id);
  const { err, data } = await call((cb) => client('json').token(String(answer.token), cb));
  expect(err).toBeNull();
  return String(data[0].service_request_id);
}
