import { createHash } from 'node:crypto';
import type { ApiClient } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClientsService } from '../../src/open311/clients/api-clients.service';
import { type TestContext, createTestApp } from '../utils/app';
import { type WriteWorld, filing, issueKey, writeWorld } from './write-world';

let t: TestContext;
let w: WriteWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await writeWorld(t);
});
afterAll(() => t.close());

const clients = (auth: string) => t.http.get('/api/open311/clients').set('Authorization', auth);

describe('issuing a key', () => {
  it('shows the key once and keeps only its sha256', async () => {
    const res = await t.http
      .post('/api/open311/clients')
      .set('Authorization', w.bureauAuth)
      .send({
        name: '12345 热线',
        contact: '市热线办 023-12345',
        channel: 'hotline_12345',
        categoryCodes: [w.category.code],
        streetIds: [w.street.id],
        rateLimitPerMinute: 120,
      });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { client, apiKey } = res.body as { client: ApiClient; apiKey: string };
    expect(apiKey).toMatch(/^bt311_[\w-]{32}$/);
    expect(client).toMatchObject({
      name: '12345 热线',
      contact: '市热线办 023-12345',
      channel: 'hotline_12345',
      keyPrefix: apiKey.slice(0, 12),
      categoryCodes: [w.category.code],
      streetIds: [w.street.id],
      rateLimitPerMinute: 120,
      revokedAt: null,
      requestCount: 0,
      lastUsedAt: null,
    });
    expect(client.createdByName).toMatch(/^bureau_admin /);
    // Nothing in the database holds the key itself: only its hash.
    const [row] = (await t.ds.query(`SELECT * FROM api_client WHERE id = $1`, [
      client.id,
    ])) as Record<string, unknown>[];
    expect(row!['key_hash']).toBe(createHash('sha256').update(apiKey).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(apiKey);
    const audit = (await t.ds.query(
      `SELECT detail::text AS d FROM audit_log WHERE action LIKE 'open311_client.%' OR action = 'staff.write'`,
    )) as { d: string }[];
    expect(audit.length).toBeGreaterThan(0);
    for (const a of audit) expect(a.d).not.toContain(apiKey);
    // Never shown again: the list has no key.
    const list = await clients(w.bureauAuth);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(apiKey);
    expect((list.body as ApiClient[]).map((c) => c.id)).toContain(client.id);
    const [issued] = (await t.ds.query(
      `SELECT actor_kind, entity, entity_id, detail FROM audit_log WHERE action = 'open311_client.issued'`,
    )) as Record<string, unknown>[];
    expect(issued).toMatchObject({
      actor_kind: 'staff',
      entity: 'api_client',
      entity_id: client.id,
      detail: { name: '12345 热线', channel: 'hotline_12345', keyPrefix: client.keyPrefix },
    });
  });

  it('validates the scope: categories must exist and be public, streets must exist, rates 1-100000', async () => {
    const internal = await t.given.category({ public: false });
    const before = ((await clients(w.bureauAuth)).body as unknown[]).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ categoryCodes: ['no_such_code'] }, 'categoryCodes'],
      [{ categoryCodes: [internal.code] }, 'categoryCodes'],
      [{ streetIds: ['00000000-0000-4000-8000-000000000000'] }, 'streetIds'],
      [{ streetIds: ['not-a-uuid'] }, 'streetIds'],
      [{ rateLimitPerMinute: 0 }, 'rateLimitPerMinute'],
      [{ rateLimitPerMinute: 100001 }, 'rateLimitPerMinute'],
      [{ rateLimitPerMinute: 1.5 }, 'rateLimitPerMinute'],
      [{ channel: 'app' }, 'channel'],
      [{ name: '' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await t.http
        .post('/api/open311/clients')
        .set('Authorization', w.bureauAuth)
        .send({ name: '坏的', channel: 'open311', ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(
        (res.body as { fields: { field: string }[] }).fields.map((f) => f.field),
        JSON.stringify(res.body),
      ).toContain(field);
    }
    expect(((await clients(w.bureauAuth)).body as unknown[]).length).toBe(before);
    const edge = await issueKey(t, w, { rateLimitPerMinute: 100000 });
    expect(edge.client.rateLimitPerMinute).toBe(100000);
  });
});

describe('changing and revoking', () => {
  it('renames, rescopes and re-rates a client, recorded with what it was', async () => {
    const { client } = await issueKey(t, w, { name: '旧名字' });
    const res = await t.http
      .patch(`/api/open311/clients/${client.id}`)
      .set('Authorization', w.bureauAuth)
      .send({ name: '新名字', rateLimitPerMinute: 30, streetIds: [w.otherStreet.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      name: '新名字',
      rateLimitPerMinute: 30,
      streetIds: [w.otherStreet.id],
    });
    const bad = await t.http
      .patch(`/api/open311/clients/${client.id}`)
      .set('Authorization', w.bureauAuth)
      .send({ categoryCodes: ['no_such_code'] });
    expect(bad.status).toBe(400);
    const [changed] = (await t.ds.query(
      `SELECT detail FROM audit_log WHERE action = 'open311_client.changed' AND entity_id = $1`,
      [client.id],
    )) as { detail: Record<string, unknown> }[];
    expect(changed!.detail).toMatchObject({
      changed: { name: '新名字', rateLimitPerMinute: 30 },
      before: { name: '旧名字', rateLimitPerMinute: 60 },
    });
    expect(
      (
        await t.http
          .patch(`/api/open311/clients/00000000-0000-4000-8000-000000000000`)
          .set('Authorization', w.bureauAuth)
          .send({ name: 'x' })
      ).status,
    ).toBe(404);
  });

  it('revokes with a reason, once; the key is refused at its next request', async () => {
    const { client, apiKey } = await issueKey(t, w);
    const filed = await t.http
      .post('/open311/v2/requests.json')
      .type('form')
      .send(filing(w, apiKey));
    expect(filed.status, filed.text).toBe(200);
    const noReason = await t.http
      .post(`/api/open311/clients/${client.id}/revoke`)
      .set('Authorization', w.bureauAuth)
      .send({});
    expect(noReason.status).toBe(400);
    const res = await t.http
      .post(`/api/open311/clients/${client.id}/revoke`)
      .set('Authorization', w.bureauAuth)
      .send({ reason: '合作结束' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      revokeReason: '合作结束',
      revokedAt: expect.any(String),
      revokedByName: expect.stringMatching(/^bureau_admin /),
      requestCount: 1,
      lastUsedAt: expect.any(String),
    });
    const twice = await t.http
      .post(`/api/open311/clients/${client.id}/revoke`)
      .set('Authorization', w.bureauAuth)
      .send({ reason: '再来一次' });
    expect(twice.status).toBe(409);
    const after = await t.http
      .post('/open311/v2/requests.json')
      .type('form')
      .send(filing(w, apiKey));
    expect(after.status).toBe(403);
    const [row] = (await t.ds.query(
      `SELECT actor_kind, detail FROM audit_log WHERE action = 'open311_client.revoked' AND entity_id = $1`,
      [client.id],
    )) as Record<string, unknown>[];
    expect(row).toMatchObject({ actor_kind: 'staff', detail: { reason: '合作结束' } });
    // Revoked keys sort after the active ones.
    const list = (await clients(w.bureauAuth)).body as ApiClient[];
    const firstRevoked = list.findIndex((c) => c.revokedAt !== null);
    expect(list.slice(firstRevoked).every((c) => c.revokedAt !== null)).toBe(true);
  });
});

describe('who may', () => {
  it('lets only the bureau write; the monitor reads the list; everyone else is refused', async () => {
    const monitor = `Bearer ${await t.given.token(await t.given.staff('monitor'))}`;
    const streetAdmin = `Bearer ${await t.given.token(await t.given.staff('street_admin', { street: w.street }))}`;
    const { client } = await issueKey(t, w);
    expect((await clients(monitor)).status).toBe(200);
    for (const auth of [w.deskAuth, streetAdmin]) expect((await clients(auth)).status).toBe(403);
    expect((await t.http.get('/api/open311/clients')).status).toBe(401);
    for (const auth of [monitor, w.deskAuth, streetAdmin]) {
      const issue = await t.http
        .post('/api/open311/clients')
        .set('Authorization', auth)
        .send({ name: '越权', channel: 'open311' });
      expect(issue.status).toBe(403);
      const patch = await t.http
        .patch(`/api/open311/clients/${client.id}`)
        .set('Authorization', auth)
        .send({ name: '越权' });
      expect(patch.status).toBe(403);
      const revoke = await t.http
        .post(`/api/open311/clients/${client.id}/revoke`)
        .set('Authorization', auth)
        .send({ reason: '越权' });
      expect(revoke.status).toBe(403);
    }
    const [row] = (await t.ds.query(`SELECT name, revoked_at FROM api_client WHERE id = $1`, [
      client.id,
    ])) as Record<string, unknown>[];
    expect(row).toEqual({ name: '某地图应用', revoked_at: null });
  });
});

describe('usage counters', () => {
  it('deletes the counters of minutes more than a day old', async () => {
    const { client } = await issueKey(t, w);
    await t.ds.query(
      `INSERT INTO api_client_usage (client_id, minute, count) VALUES
        ($1, now() - interval '2 days', 5), ($1, now() - interval '1 minute', 3)`,
      [client.id],
    );
    const gone = await t.app.get(ApiClientsService).pruneUsage();
    expect(gone).toBeGreaterThanOrEqual(1);
    const left = (await t.ds.query(`SELECT count FROM api_client_usage WHERE client_id = $1`, [
      client.id,
    ])) as { count: number }[];
    expect(left).toEqual([{ count: 3 }]);
  });
});

describe('the audit log', () => {
  it('names the client as the target of key changes and as the actor of a filed request', async () => {
    const { client, apiKey } = await issueKey(t, w, { name: '审计里的客户端' });
    const filed = await t.http
      .post('/open311/v2/requests.json')
      .type('form')
      .send(filing(w, apiKey));
    expect(filed.status, filed.text).toBe(200);
    const keys = await t.http
      .get('/api/audit')
      .query({ entity: 'api_client', action: 'open311_client.issued' })
      .set('Authorization', w.bureauAuth);
    expect(keys.status, JSON.stringify(keys.body)).toBe(200);
    expect((keys.body as { items: unknown[] }).items).toContainEqual(
      expect.objectContaining({
        actorKind: 'staff',
        entity: 'api_client',
        entityId: client.id,
        targetLabel: '审计里的客户端',
      }),
    );
    const filings = await t.http
      .get('/api/audit')
      .query({ action: 'open311.request_filed' })
      .set('Authorization', w.bureauAuth);
    expect((filings.body as { items: unknown[] }).items).toContainEqual(
      expect.objectContaining({
        actorKind: 'client',
        actorId: client.id,
        actorName: '审计里的客户端',
        entity: 'case',
        targetLabel: (filed.body as { service_request_id: string }[])[0]!.service_request_id,
        communityId: w.community.id,
      }),
    );
  });
});
