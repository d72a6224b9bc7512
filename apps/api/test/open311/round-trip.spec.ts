import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type WriteWorld, filing, issueKey, writeWorld } from './write-world';

// The whole way a request takes when another system files it: over Open311 onto the desk, worked
// there by staff through the ordinary API, and its new status read back over Open311, in both
// formats, as the client that filed it would poll.

let t: TestContext;
let w: WriteWorld;
let key: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await writeWorld(t);
  key = (await issueKey(t, w, { name: '12345 热线', channel: 'hotline_12345' })).apiKey;
});
afterAll(() => t.close());

interface Open311Request {
  service_request_id: string;
  status: string;
  status_notes: string | null;
  service_code: string;
  agency_responsible: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  extended_attributes: { baitong_status: { status: string; stage: string; stage_name: string } };
}

const readJson = async (id: string, lang = 'zh-CN') => {
  const res = await t.http.get(`/open311/v2/requests/${id}.json`).set('Accept-Language', lang);
  expect(res.status, res.text).toBe(200);
  return (res.body as Open311Request[])[0]!;
};

const readXml = async (id: string) => {
  const res = await t.http.get(`/open311/v2/requests/${id}.xml`);
  expect(res.status, res.text).toBe(200);
  return new XMLParser({ parseTagValue: false }).parse(res.text) as {
    service_requests: { request: Record<string, unknown> };
  };
};

describe('Open311 round trip: file, work at the desk, read back', () => {
  it('shows each step of the desk’s work to the client that filed the request', async () => {
    const filed = await t.http
      .post('/open311/v2/requests.json')
      .type('form')
      .set('Idempotency-Key', 'hotline-call-000172')
      .send(filing(w, key, { description: '东门路灯整排不亮', email: 'caller172@example.cn' }));
    expect(filed.status, filed.text).toBe(200);
    const id = (filed.body as { service_request_id: string }[])[0]!.service_request_id;

    // Open at once, 受理 stage, with the SLA's due time as the expected time.
    const fresh = await readJson(id);
    expect(fresh).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: w.category.code,
      extended_attributes: { baitong_status: { status: 'submitted', stage_name: '受理' } },
    });
    expect(fresh.requested_datetime).toMatch(/\+08:00$/);
    expect(fresh.expected_datetime).toMatch(/\+08:00$/);
    expect(fresh.agency_responsible).toContain(w.community.name);

    // The desk sees it in its queue, from the hotline, attributed to the client.
    const queue = await t.http
      .get('/api/cases')
      .query({ deskId: w.desk.id })
      .set('Authorization', w.deskAuth);
    expect(queue.status, queue.text).toBe(200);
    const row = (
      queue.body as { items: { id: string; number: string; channel: string }[] }
    ).items.find((c) => c.number === id);
    expect(row).toMatchObject({ channel: 'hotline_12345' });
    const detail = await t.http.get(`/api/cases/${row!.id}`).set('Authorization', w.deskAuth);
    expect(detail.body).toMatchObject({
      filedBy: { clientName: '12345 热线', channel: 'hotline_12345' },
    });
    const events = await t.http
      .get(`/api/cases/${row!.id}/events`)
      .set('Authorization', w.deskAuth);
    expect(events.status, events.text).toBe(200);
    const created = (events.body as { type: string; actorKind: string; actorName: string }[]).find(
      (e) => e.type === 'created',
    );
    expect(created).toMatchObject({ actorKind: 'client', actorName: '12345 热线' });

    // The submitter's e-mail is read inside Baitong only, and the read is logged.
    const contact = await t.http
      .get(`/api/cases/${row!.id}/contact`)
      .set('Authorization', w.deskAuth);
    expect(contact.status, contact.text).toBe(200);
    expect(contact.body).toMatchObject({ source: 'walk_in', email: 'caller172@example.cn' });
    const [logged] = (await t.ds.query(
      `SELECT detail FROM audit_log WHERE action = 'personal_data.read' AND entity_id = $1`,
      [row!.id],
    )) as { detail: { fields: string[] } }[];
    expect(logged!.detail.fields).toContain('email');
    expect((await t.http.get(`/open311/v2/requests/${id}.json`)).text).not.toContain('caller172');

    // Accepted and being handled: still open, now in the 办理 stage.
    let version = (detail.body as { version: number }).version;
    const step = async (body: Record<string, unknown>) => {
      const r = await t.http
        .post(`/api/cases/${row!.id}/transitions`)
        .set('Authorization', w.deskAuth)
        .send({ version, ...body });
      expect(r.status, r.text).toBe(200);
      version = (r.body as { version: number }).version;
    };
    await step({ action: 'accept' });
    await step({ action: 'start' });
    const working = await readJson(id);
    expect(working.status).toBe('open');
    expect(working.extended_attributes.baitong_status).toMatchObject({
      status: 'in_progress',
      stage_name: '办理',
    });
    expect(Date.parse(working.updated_datetime)).toBeGreaterThanOrEqual(
      Date.parse(fresh.updated_datetime),
    );

    // Resolved: closed over Open311, the desk's public resolution as the notes, in both languages.
    await step({ action: 'resolve', resolution: '已更换整排路灯灯泡' });
    const done = await readJson(id);
    expect(done.status).toBe('closed');
    expect(done.status_notes).toContain('已更换整排路灯灯泡');
    expect(['办结', '回访']).toContain(done.extended_attributes.baitong_status.stage_name);
    const english = await readJson(id, 'en');
    expect(english.status).toBe('closed');
    expect(english.extended_attributes.baitong_status.stage_name).not.toMatch(/[\u4e00-\u9fff]/);

    const xml = await readXml(id);
    expect(xml.service_requests.request).toMatchObject({
      service_request_id: id,
      status: 'closed',
    });

    // The client's own list shows the same, and a retried filing did not make a second case.
    const again = await t.http
      .post('/open311/v2/requests.json')
      .type('form')
      .set('Idempotency-Key', 'hotline-call-000172')
      .send(filing(w, key, { description: '东门路灯整排不亮', email: 'caller172@example.cn' }));
    expect((again.body as { service_request_id: string }[])[0]!.service_request_id).toBe(id);
    const list = await t.http
      .get('/open311/v2/requests.json')
      .query({ service_code: w.category.code });
    const mine = (list.body as Open311Request[]).filter((r) => r.service_request_id === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.status).toBe('closed');
  });
});
