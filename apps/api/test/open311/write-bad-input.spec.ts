import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type WriteWorld, caseCount, filing, issueKey, writeWorld } from './write-world';

let t: TestContext;
let w: WriteWorld;
let key: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await writeWorld(t);
  key = (await issueKey(t, w, { rateLimitPerMinute: 100000 })).apiKey;
});
afterAll(() => t.close());

type Sent = { status: number; body: unknown; text: string; headers: Record<string, string> };

/** Counts every row a filing writes, so that a refusal is seen to leave none of them. */
async function rows() {
  const [r] = (await t.ds.query(
    `SELECT (SELECT count(*)::int FROM service_case) AS cases,
            (SELECT count(*)::int FROM open311_token) AS tokens,
            (SELECT count(*)::int FROM case_event) AS events,
            (SELECT count(*)::int FROM audit_log WHERE action = 'open311.request_filed') AS audits`,
  )) as Record<string, number>[];
  return r!;
}

/** The refusal is a 4xx in the spec's format, naming what is wrong, and nothing was written. */
async function refused(
  send: () => Promise<Sent>,
  status: number,
  ...named: (string | RegExp)[]
): Promise<Sent> {
  const before = await rows();
  const res = await send();
  expect(res.status, res.text).toBe(status);
  const errors = String(res.headers['content-type']).includes('xml')
    ? [
        ...res.text.matchAll(
          /<error><code>(\d+)<\/code><description>([^<]*)<\/description><\/error>/g,
        ),
      ].map((m) => ({ code: Number(m[1]), description: m[2]! }))
    : (res.body as { code: number; description: string }[]);
  if (String(res.headers['content-type']).includes('xml'))
    expect(errors.length, res.text).toBeGreaterThan(0);
  expect(Array.isArray(errors), res.text).toBe(true);
  for (const e of errors) expect(e).toEqual({ code: status, description: expect.any(String) });
  for (const n of named)
    expect(
      errors.some((e) =>
        typeof n === 'string' ? e.description.startsWith(`${n}:`) : n.test(e.description),
      ),
      `${String(n)} in ${res.text}`,
    ).toBe(true);
  expect(await rows()).toEqual(before);
  return res;
}

const form = (body: Record<string, unknown>, path = '/open311/v2/requests.json') =>
  t.http.post(path).type('form').send(body) as unknown as Promise<Sent>;

describe('bodies', () => {
  it('refuses a request without a body, and one of another content type (415)', async () => {
    await refused(() => t.http.post('/open311/v2/requests.json') as never, 400, 'request body');
    await refused(
      () =>
        t.http
          .post('/open311/v2/requests.json')
          .set('Content-Type', 'text/plain')
          .send('api_key=x') as never,
      415,
      'Content-Type',
    );
    await refused(
      () =>
        t.http
          .post('/open311/v2/requests.json')
          .set('Content-Type', 'multipart/form-data; boundary=x')
          .send('--x--') as never,
      415,
    );
  });

  it('refuses malformed JSON and XML, a JSON list, and a body over 100 kB', async () => {
    await refused(
      () =>
        t.http
          .post('/open311/v2/requests.json')
          .set('Content-Type', 'application/json')
          .send('{"api_key": ') as never,
      400,
    );
    await refused(
      () =>
        t.http
          .post('/open311/v2/requests.json')
          .set('Content-Type', 'application/json')
          .send('[1,2]') as never,
      400,
      'request body',
    );
    await refused(
      () =>
        t.http
          .post('/open311/v2/requests.xml')
          .set('Content-Type', 'application/xml')
          .send('<service_request><api_key>x</api_key>') as never,
      400,
      'request body',
    );
    await refused(
      () =>
        t.http
          .post('/open311/v2/requests.xml')
          .set('Content-Type', 'text/xml')
          .send('<other><api_key>x</api_key></other>') as never,
      400,
      'request body',
    );
    const big = await refused(
      () => form(filing(w, key, { description: 'x'.repeat(110_000) })),
      413,
    );
    expect(big.text.length).toBeLessThan(500);
    // An XML error answers in XML (the path's format), with the spec's elements.
    const xmlBig = await refused(
      () =>
        t.http
          .post('/open311/v2/requests.xml')
          .set('Content-Type', 'application/xml')
          .send(
            `<service_request><description>${'x'.repeat(110_000)}</description></service_request>`,
          ) as never,
      413,
    );
    expect(xmlBig.text).toMatch(/^<\?xml[^>]*\?><errors><error><code>413<\/code>/);
  });

  it('refuses XML with entities: XXE and billion laughs are never expanded', async () => {
    const xxe = `<?xml version="1.0"?>
      <!DOCTYPE service_request [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <service_request><api_key>${key}</api_key><service_code>${w.category.code}</service_code>
        <lat>29.6123</lat><long>106.4932</long><description>&xxe;</description>
        <attribute><POLE>1</POLE><KIND>dark</KIND></attribute></service_request>`;
    const laughs = `<?xml version="1.0"?>
      <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
      <service_request><description>&lol3;</description></service_request>`;
    for (const doc of [xxe, laughs]) {
      const res = await refused(
        () =>
          t.http
            .post('/open311/v2/requests.xml')
            .set('Content-Type', 'application/xml')
            .send(doc) as never,
        400,
        'request body',
      );
      expect(res.text).not.toContain('root:');
      expect(res.text).toMatch(/^<\?xml[^>]*\?><errors><error><code>400<\/code><description>/);
    }
  });
});

describe('parameters', () => {
  it('names a missing service_code, an unknown one (404), a non-public and an inactive one (404)', async () => {
    const { service_code: _omit, ...noCode } = filing(w, key);
    await refused(() => form(noCode), 400, 'service_code');
    await refused(() => form(filing(w, key, { service_code: 'no_such' })), 404, 'service_code');
    const internal = await t.given.category({ public: false });
    await refused(() => form(filing(w, key, { service_code: internal.code })), 404, 'service_code');
    const gone = await t.given.category({ active: false });
    await refused(() => form(filing(w, key, { service_code: gone.code })), 404, 'service_code');
    await refused(
      () => form(filing(w, key, { jurisdiction_id: 'elsewhere.cn' })),
      404,
      'jurisdiction_id',
    );
  });

  it('lists every missing required attribute and every wrong datatype at once', async () => {
    const { 'attribute[POLE]': _p, 'attribute[KIND]': _k, ...none } = filing(w, key);
    await refused(() => form(none), 400, 'attribute[POLE]', 'attribute[KIND]');
    await refused(
      () =>
        form(
          filing(w, key, {
            'attribute[COUNT]': 'two',
            'attribute[SINCE]': '2026-12-07 19:00',
            'attribute[KIND]': 'broken',
            'attribute[TIMES][]': 'noon',
            'attribute[POLE]': 'x'.repeat(201),
            'attribute[NOTE]': 'y'.repeat(4001),
          }),
        ),
      400,
      'attribute[COUNT]',
      'attribute[SINCE]',
      'attribute[KIND]',
      'attribute[TIMES]',
      'attribute[POLE]',
      'attribute[NOTE]',
    );
    await refused(
      () => form(filing(w, key, { 'attribute[NOPE]': '1', 'attribute[INFO]': 'x' })),
      400,
      'attribute[NOPE]',
      'attribute[INFO]',
    );
  });

  it('takes only ISO 8601 datetimes with a zone', async () => {
    for (const bad of [
      '2026-12-07T19:00:00',
      '2026-12-07',
      '07/12/2026 19:00',
      '2026-02-30T10:00:00+08:00',
      '2026-12-07T25:00:00+08:00',
      'yesterday',
    ])
      await refused(
        () => form(filing(w, key, { 'attribute[SINCE]': bad })),
        400,
        'attribute[SINCE]',
      );
  });

  it('refuses coordinates out of range, not numbers, half a pair, outside China, or far from any compound', async () => {
    for (const [lat, long] of [
      ['91', '106.5'],
      ['29.6', '181'],
      ['abc', '106.5'],
      ['29.6', '1e2'],
    ])
      await refused(() => form(filing(w, key, { lat: lat!, long: long! })), 400, /^(lat|long):/);
    const { long: _l, ...half } = filing(w, key);
    await refused(() => form(half), 400, 'long');
    // London and New York: outside China.
    await refused(() => form(filing(w, key, { lat: '51.5074', long: '-0.1278' })), 400, 'lat/long');
    await refused(() => form(filing(w, key, { lat: '40.7128', long: '-74.006' })), 400, 'lat/long');
    // Beijing: in China, but no compound of the district within 3 km.
    await refused(
      () => form(filing(w, key, { lat: '39.9042', long: '116.4074' })),
      400,
      'lat/long',
    );
    await refused(
      () => form(filing(w, key, { coordinate_system: 'epsg3857' })),
      400,
      'coordinate_system',
    );
    const { lat: _a, long: _b, ...nowhere } = filing(w, key);
    await refused(() => form(nowhere), 400, 'lat/long');
    await refused(() => form({ ...nowhere, address_id: 'not-an-id' }), 400, 'address_id');
    await refused(() => form({ ...nowhere, address_string: '火星基地' }), 400, 'address_string');
  });

  it('checks description, media_url, email and phone', async () => {
    await refused(() => form(filing(w, key, { description: '  ' })), 400, 'description');
    await refused(
      () => form(filing(w, key, { description: 'x'.repeat(4001) })),
      400,
      'description',
    );
    await refused(
      () => form(filing(w, key, { media_url: 'javascript:alert(1)' })),
      400,
      'media_url',
    );
    await refused(() => form(filing(w, key, { media_url: 'ftp://x.cn/a.jpg' })), 400, 'media_url');
    await refused(() => form(filing(w, key, { email: 'not-an-email' })), 400, 'email');
    await refused(() => form(filing(w, key, { phone: 'call me' })), 400, 'phone');
    await refused(() => form(filing(w, key, { phone: '12' })), 400, 'phone');
    await refused(
      () =>
        t.http
          .post('/open311/v2/requests.json')
          .send({ ...filing(w, key), description: { a: 1 } }) as never,
      400,
      'description',
    );
  });

  it('refuses a bad Idempotency-Key and a format it does not serve', async () => {
    await refused(
      () =>
        t.http
          .post('/open311/v2/requests.json')
          .set('Idempotency-Key', 'short')
          .type('form')
          .send(filing(w, key)) as never,
      400,
      'Idempotency-Key',
    );
    await refused(() => form(filing(w, key), '/open311/v2/requests.html'), 404);
  });
});

describe('keys', () => {
  it('needs a key (400), refuses an unknown one (403) and a revoked one at once (403)', async () => {
    const { api_key: _k, ...keyless } = filing(w, key);
    await refused(() => form(keyless), 400, 'api_key');
    await refused(() => form(filing(w, 'bt311_' + 'a'.repeat(32))), 403, 'api_key');
    await refused(() => form(filing(w, 'nonsense')), 403, 'api_key');
    const doomed = await issueKey(t, w);
    expect((await form(filing(w, doomed.apiKey))).status).toBe(200);
    const revoke = await t.http
      .post(`/api/open311/clients/${doomed.client.id}/revoke`)
      .set('Authorization', w.bureauAuth)
      .send({ reason: '密钥泄露' });
    expect(revoke.status).toBe(200);
    await refused(() => form(filing(w, doomed.apiKey)), 403, /api_key: .*revoked/);
  });

  it('refuses a key beyond its categories or streets (403 naming service_code / the location)', async () => {
    const other = await t.given.category({ fields: [] });
    const scoped = await issueKey(t, w, {
      categoryCodes: [other.code],
      streetIds: [w.street.id],
    });
    await refused(() => form(filing(w, scoped.apiKey)), 403, 'service_code');
    const inScope = await form({
      api_key: scoped.apiKey,
      service_code: other.code,
      lat: '29.6123',
      long: '106.4932',
      description: '范围内',
    });
    expect(inScope.status, inScope.text).toBe(200);
    await refused(
      () =>
        form({
          api_key: scoped.apiKey,
          service_code: other.code,
          address_id: w.otherCompound.id,
          description: '别的街道',
        }),
      403,
      'address_id',
    );
  });

  it('answers beyond the rate with 429 and Retry-After, in the spec’s format', async () => {
    const slow = await issueKey(t, w, { rateLimitPerMinute: 2 });
    t.clock.set('2026-12-08T10:00:10+08:00');
    try {
      expect((await form(filing(w, slow.apiKey))).status).toBe(200);
      expect((await form(filing(w, slow.apiKey))).status).toBe(200);
      const res = await refused(() => form(filing(w, slow.apiKey)), 429, 'api_key');
      expect(res.headers['retry-after']).toBe('50');
      // The next minute the key works again.
      t.clock.set('2026-12-08T10:01:00+08:00');
      expect((await form(filing(w, slow.apiKey))).status).toBe(200);
    } finally {
      t.clock.at = null;
    }
  });

  it('counts no case when any check fails', async () => {
    const before = await caseCount(t);
    await form(filing(w, key, { 'attribute[KIND]': 'nope' }));
    expect(await caseCount(t)).toBe(before);
  });
});

describe('one transaction', () => {
  it('leaves no case, event or audit row when the token cannot be written', async () => {
    await t.ds.query(`CREATE FUNCTION bt_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'token refused for the test'; END $$`);
    await t.ds.query(
      `CREATE TRIGGER bt_test_refuse BEFORE INSERT ON open311_token FOR EACH ROW EXECUTE FUNCTION bt_test_refuse()`,
    );
    try {
      const before = await rows();
      const res = await form(filing(w, key, { description: '写令牌时失败' }));
      expect(res.status).toBe(500);
      expect(res.body).toEqual([{ code: 500, description: expect.any(String) }]);
      expect(await rows()).toEqual(before);
      const [{ n }] = (await t.ds.query(
        `SELECT count(*)::int AS n FROM domain_event WHERE name = 'case.created' AND actor_kind = 'client' AND at > now() - interval '1 minute' AND subject_id NOT IN (SELECT id FROM service_case)`,
      )) as [{ n: number }];
      expect(n).toBe(0);
    } finally {
      await t.ds.query(`DROP TRIGGER bt_test_refuse ON open311_token`);
      await t.ds.query(`DROP FUNCTION bt_test_refuse()`);
    }
  });
});
