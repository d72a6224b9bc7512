import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type CaseWorld, caseWorld } from './world';

/**
 * Every contact a case holds can be read back unmasked by the staff who serve residents — the
 * resident on record, a walk-in or phone caller known only by the case, a party of the
 * mediation — one at a time, each read leaving its audit row (issue 8, item 2).
 */
let t: TestContext;
let w: CaseWorld;
let siblingAuth: string;
let streetAuth: string;
let monitorAuth: string;
let gridElsewhereAuth: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await caseWorld(t);
  const street = await t.given.street();
  await t.ds.query('UPDATE community SET street_id = $2 WHERE id = $1', [
    w.community.id,
    street.id,
  ]);
  const sibling = await t.given.community({ street });
  siblingAuth = `Bearer ${await t.given.token(await t.given.staff('desk_staff', { community: sibling }))}`;
  streetAuth = `Bearer ${await t.given.token(await t.given.staff('street_admin', { street }))}`;
  monitorAuth = `Bearer ${await t.given.token(await t.given.staff('monitor'))}`;
  const otherCompound = await t.given.compound({ community: w.community });
  gridElsewhereAuth = `Bearer ${await t.given.token(
    await t.given.staff('grid_worker', { compound: otherCompound }),
  )}`;
});
afterAll(() => t.close());

async function file(body: Record<string, unknown>, categoryId = w.category.id) {
  const res = await t.http
    .post('/api/cases')
    .set('Authorization', w.deskAuth)
    .send({ categoryId, description: '来电反映楼下噪音扰民', compoundId: w.compound.id, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number; residentPhoneMasked: string | null };
}

async function contactReads(): Promise<
  { entity: string; entity_id: string; detail: Record<string, unknown> }[]
> {
  return t.ds.query(
    `SELECT entity, entity_id, detail FROM audit_log WHERE action = 'personal_data.read' ORDER BY id`,
  );
}

describe('the contact read of a case', () => {
  it('gives back the number a phone caller left at intake, unmasked, and audits the read', async () => {
    const c = await file({ channel: 'phone', walkIn: { name: '刘阿姨', phone: '139-1234-5678' } });
    expect(c.residentPhoneMasked).toBe('139****5678');
    const before = (await contactReads()).length;
    const res = await t.http.get(`/api/cases/${c.id}/contact`).set('Authorization', w.deskAuth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      caseId: c.id,
      source: 'walk_in',
      residentId: null,
      partyIndex: null,
      name: '刘阿姨',
      phone: '13912345678',
      idNumber: null,
    });
    const reads = await contactReads();
    expect(reads.length).toBe(before + 1);
    expect(reads.at(-1)).toMatchObject({
      entity: 'case',
      entity_id: c.id,
      detail: { fields: ['name', 'phone'], caseId: c.id, contact: 'walk_in' },
    });
  });

  it('reads the resident on record through the case with the same audit as the resident read', async () => {
    const c = await file({ residentId: w.resident.id });
    const res = await t.http.get(`/api/cases/${c.id}/contact`).set('Authorization', w.workerAuth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      source: 'resident',
      residentId: w.resident.id,
      phone: w.resident.phone,
      idNumber: w.resident.idNumber,
    });
    expect((await contactReads()).at(-1)).toMatchObject({
      entity: 'resident',
      entity_id: w.resident.id,
      detail: { fields: ['name', 'phone', 'idNumber'], caseId: c.id, contact: 'resident' },
    });
  });

  it('reads a mediation party’s phone by its place in the record', async () => {
    const c = await file({ residentId: w.resident.id }, w.dispute.id);
    const put = await t.http
      .put(`/api/cases/${c.id}/mediation`)
      .set('Authorization', w.deskAuth)
      .send({
        version: c.version,
        parties: [
          { name: '王先生', role: '楼上住户' },
          { name: '赵女士', role: '楼下住户', phone: '13711112222' },
        ],
        mediatorName: '调解员老周',
        sessions: [],
      });
    expect(put.status).toBe(200);
    expect(put.body.mediation.parties[1].phoneMasked).toBe('137****2222');
    const res = await t.http
      .get(`/api/cases/${c.id}/parties/1/contact`)
      .set('Authorization', w.deskAuth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      source: 'party',
      partyIndex: 1,
      name: '赵女士',
      phone: '13711112222',
    });
    expect((await contactReads()).at(-1)).toMatchObject({
      entity: 'case',
      entity_id: c.id,
      detail: { contact: 'party', partyIndex: 1 },
    });
    const none = await t.http
      .get(`/api/cases/${c.id}/parties/5/contact`)
      .set('Authorization', w.deskAuth);
    expect(none.status).toBe(404);
    const bad = await t.http
      .get(`/api/cases/${c.id}/parties/first/contact`)
      .set('Authorization', w.deskAuth);
    expect(bad.status).toBe(400);
  });

  it('refuses everyone else and leaves no audit row for a refused read', async () => {
    const c = await file({ channel: 'phone', walkIn: { name: '匿名来电', phone: '13698765432' } });
    const before = (await contactReads()).length;
    const answers = await Promise.all(
      [siblingAuth, gridElsewhereAuth, streetAuth, monitorAuth, w.residentAuth].map(
        async (auth) =>
          (await t.http.get(`/api/cases/${c.id}/contact`).set('Authorization', auth)).status,
      ),
    );
    expect(answers).toEqual([404, 404, 403, 403, 403]);
    expect((await contactReads()).length).toBe(before);
  });

  it('has no contact for a patrol finding with nobody behind it', async () => {
    const grid = await t.given.staff('grid_worker', { compound: w.compound });
    const res = await t.http
      .post('/api/cases')
      .set('Authorization', `Bearer ${await t.given.token(grid)}`)
      .send({
        categoryId: w.category.id,
        description: '巡查发现消防通道堵塞',
        channel: 'grid_patrol',
      });
    expect(res.status).toBe(201);
    const read = await t.http
      .get(`/api/cases/${res.body.id}/contact`)
      .set('Authorization', w.deskAuth);
    expect(read.status).toBe(404);
  });
});
