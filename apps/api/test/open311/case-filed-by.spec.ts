import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApiKey } from '../../src/open311/clients/api-keys';
import { type CaseWorld, caseWorld, deskCase } from '../cases/world';
import { type TestContext, createTestApp } from '../utils/app';

let t: TestContext;
let w: CaseWorld;
let clientId: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await caseWorld(t);
  const key = newApiKey();
  const rows: { id: string }[] = await t.ds.query(
    `INSERT INTO api_client (name, channel, key_prefix, key_hash) VALUES ($1, 'hotline_12345', $2, $3) RETURNING id`,
    ['12345 政务服务便民热线', key.prefix, key.hash],
  );
  clientId = rows[0]!.id;
});
afterAll(() => t.close());

/** A case as the Open311 intake leaves it: the client, its answers, a photo link, a WGS-84 point. */
async function filedCase() {
  const c = await deskCase(t, w, { channel: 'hotline_12345' });
  await t.ds.query(
    `UPDATE service_case SET api_client_id = $2, attributes = $3, media_url = $4, lat = $5, lng = $6 WHERE id = $1`,
    [
      c.id,
      clientId,
      JSON.stringify({ floor: 3, light: 'stair', extras: ['dark', 'flicker'] }),
      'https://files.example.cn/p/1.jpg',
      29.58,
      106.53,
    ],
  );
  return c;
}

describe('who filed a case', () => {
  it('shows staff the client, its channel, the answers, the media link and the position', async () => {
    const c = await filedCase();
    const res = await t.http.get(`/api/cases/${c.id}`).set('Authorization', w.deskAuth);
    expect(res.status).toBe(200);
    expect(res.body.filedBy).toEqual({
      clientId,
      clientName: '12345 政务服务便民热线',
      channel: 'hotline_12345',
      attributes: { floor: 3, light: 'stair', extras: ['dark', 'flicker'] },
      mediaUrl: 'https://files.example.cn/p/1.jpg',
      position: { lat: 29.58, lng: 106.53 },
    });
  });

  it('is null for a case no client filed, and without a position when none was given', async () => {
    const plain = await deskCase(t, w);
    const res = await t.http.get(`/api/cases/${plain.id}`).set('Authorization', w.deskAuth);
    expect(res.body.filedBy).toBeNull();
    const c = await filedCase();
    await t.ds.query(`UPDATE service_case SET lat = NULL, lng = NULL WHERE id = $1`, [c.id]);
    const noPoint = await t.http.get(`/api/cases/${c.id}`).set('Authorization', w.deskAuth);
    expect(noPoint.body.filedBy).toMatchObject({ clientId, position: null });
  });

  it('is never shown to the resident, even on their own case', async () => {
    const c = await filedCase();
    await t.ds.query(`UPDATE service_case SET resident_id = $2 WHERE id = $1`, [
      c.id,
      w.resident.id,
    ]);
    const res = await t.http.get(`/api/cases/${c.id}`).set('Authorization', w.residentAuth);
    expect(res.status).toBe(200);
    expect(res.body.filedBy).toBeNull();
    expect(JSON.stringify(res.body)).not.toContain('files.example.cn');
    expect(JSON.stringify(res.body)).not.toContain('12345 政务服务便民热线');
  });
});
