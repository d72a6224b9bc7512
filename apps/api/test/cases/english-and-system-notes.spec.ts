import { SYSTEM_NOTE_CODES, type CaseDetail, type CaseEvent } from '@baitong/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/actor';
import { CasesService } from '../../src/cases/cases.service';
import { DeskEntity } from '../../src/org/org.entities';
import { ResidentEntity } from '../../src/people/people.entities';
import { type TestContext, createTestApp } from '../utils/app';
import { type CaseWorld, act, caseWorld, deskCase } from './world';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterEach(() => {
  t.clock.at = null;
});
afterAll(() => t.close());

const events = async (auth: string, c: { id: string }): Promise<CaseEvent[]> =>
  (await t.http.get(`/api/cases/${c.id}/events`).set('Authorization', auth)).body as CaseEvent[];

async function residentCase(w: CaseWorld): Promise<CaseDetail> {
  const res = await t.http
    .post('/api/cases')
    .set('Authorization', w.residentAuth)
    .send({ categoryId: w.category.id, description: 'The stair light on floor 3 is broken' });
  expect(res.status).toBe(201);
  return res.body as CaseDetail;
}

describe('cases in English', () => {
  it('carry the English names of their desk and compound in lists and details', async () => {
    const w = await caseWorld(t);
    const c = await residentCase(w);
    expect(c).toMatchObject({
      deskName: w.desk.name,
      deskNameEn: w.desk.nameEn,
      compoundName: w.compound.name,
      compoundNameEn: w.compound.nameEn,
    });
    const list = await t.http
      .get(`/api/cases?deskId=${w.desk.id}`)
      .set('Authorization', w.deskAuth);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: c.id,
        deskNameEn: w.desk.nameEn,
        compoundNameEn: w.compound.nameEn,
      }),
    ]);
  });

  it('tell staff the language the resident reads, and nothing for a walk-in', async () => {
    const w = await caseWorld(t);
    await t.ds.getRepository(ResidentEntity).update(w.resident.id, { preferredLanguage: 'en' });
    const c = await residentCase(w);
    const detail = await t.http.get(`/api/cases/${c.id}`).set('Authorization', w.deskAuth);
    expect(detail.body.residentPreferredLanguage).toBe('en');
    const walkIn = await deskCase(t, w);
    expect(walkIn.residentPreferredLanguage).toBeNull();
  });
});

describe('system notes', () => {
  it('mark an overdue case with a code and its due time, never a sentence', async () => {
    const w = await caseWorld(t);
    const service = t.app.get(CasesService);
    t.clock.set('2026-11-23T09:00:00+08:00'); // a Monday: acceptance due at 09:30
    const c = await deskCase(t, w);
    t.clock.set('2026-11-23T10:00:00+08:00');
    await service.markOverdue();
    const overdue = (await events(w.deskAuth, c)).filter((e) => e.type === 'overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({
      actorKind: 'system',
      note: null,
      data: {
        noteCode: 'accept_overdue',
        noteParams: { dueAt: '2026-11-23T01:30:00.000Z' },
      },
    });
  });

  it('say why due times moved when the desk’s hours change, to staff and to the resident', async () => {
    const w = await caseWorld(t);
    t.clock.set('2026-11-23T09:00:00+08:00');
    const c = await residentCase(w);
    const accepted = (await act(t, w.deskAuth, c, { action: 'accept' })).body as CaseDetail;
    const desk = await t.ds.getRepository(DeskEntity).findOneByOrFail({ id: w.desk.id });
    await t.ds.getRepository(DeskEntity).update(desk.id, {
      weeklyHours: desk.weeklyHours.map((d) => ({
        ...d,
        intervals: [{ opens: '10:00', closes: '18:00' }],
      })),
    });
    await t.app.get(CasesService).recomputeDueTimes(systemActor('desk_hours_changed'), desk.id);
    const moved = (await t.http.get(`/api/cases/${c.id}`).set('Authorization', w.deskAuth))
      .body as CaseDetail;
    expect(moved.sla.resolveDueAt).not.toBe(accepted.sla.resolveDueAt);

    const staffView = (await events(w.deskAuth, c)).find((e) => e.type === 'due_recomputed');
    expect(staffView).toMatchObject({
      note: null,
      data: {
        noteCode: 'due_recomputed',
        noteParams: { resolveDueAt: moved.sla.resolveDueAt, acceptDueAt: expect.any(String) },
      },
    });
    const residentView = (await events(w.residentAuth, c)).find((e) => e.type === 'due_recomputed');
    expect(residentView).toMatchObject({
      note: null,
      data: { noteCode: 'due_recomputed', noteParams: { resolveDueAt: moved.sla.resolveDueAt } },
    });
    // The resident's view names no internal dates beyond the new due time.
    expect(Object.keys(residentView!.data['noteParams'] as object)).toEqual(['resolveDueAt']);
  });

  it('store no text for any system-made event of the whole API', async () => {
    const w = await caseWorld(t);
    t.clock.set('2026-11-24T09:00:00+08:00');
    await deskCase(t, w);
    t.clock.set('2026-11-25T09:00:00+08:00');
    await t.app.get(CasesService).markOverdue();
    const rows: { note: string | null; code: string | null }[] = await t.ds.query(
      `SELECT note, data->>'noteCode' AS code FROM case_event WHERE actor_kind = 'system'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.note).toBeNull();
      expect(SYSTEM_NOTE_CODES).toContain(r.code);
    }
  });
});
