import type { CaseDetail, CaseEvent, CasePush } from '@baitong/contracts';
import { type Socket, io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CasesService } from '../../src/cases/cases.service';
import { EventStream } from '../../src/events/event-stream.service';
import { type CaseWorld, act, caseWorld, deskCase } from '../cases/world';
import { type TestContext, createTestApp } from '../utils/app';

let t: TestContext;
let w: CaseWorld;
let base: string;
let adminAuth: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  t = await createTestApp();
  w = await caseWorld(t);
  const admin = await t.given.staff('community_admin', { community: w.community });
  adminAuth = `Bearer ${await t.given.token(admin)}`;
  await t.app.listen(0, '127.0.0.1');
  base = await t.app.getUrl();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t.close();
});

const stream = () => t.app.get(EventStream);
const hours = (opens: string, closes: string) =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, intervals: [{ opens, closes }] }));

async function streamRows(subjectId: string) {
  return (await t.ds.query(
    'SELECT id, name, actor_kind, reason, rooms, data FROM domain_event WHERE subject_id = $1 ORDER BY id',
    [subjectId],
  )) as {
    id: string;
    name: string;
    actor_kind: string;
    reason: string | null;
    rooms: string[];
    data: Record<string, unknown>;
  }[];
}

function connect(auth: string): Socket {
  const s = io(base, {
    path: '/socket.io',
    auth: { token: auth.replace('Bearer ', '') },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(s);
  return s;
}

async function until<T>(fn: () => T | undefined | false, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('one event stream', () => {
  it('appends every case change to the stream with one rising sequence and the rooms it concerns', async () => {
    const c = await deskCase(t, w);
    expect((await act(t, w.deskAuth, c, { action: 'accept' })).status).toBe(200);
    const rows = await streamRows(c.id);
    expect(rows.map((r) => r.name)).toEqual(['case.created', 'case.updated']);
    expect(BigInt(rows[1]!.id)).toBeGreaterThan(BigInt(rows[0]!.id));
    expect(rows[0]!.rooms).toEqual(
      expect.arrayContaining([`desk:${w.desk.id}`, `community:${w.community.id}`]),
    );
    expect(rows[1]!.data['type']).toBe('transition');
  });

  it('refuses to change or delete an event', async () => {
    await expect(t.ds.query(`UPDATE domain_event SET name = 'x'`)).rejects.toThrow();
    await expect(t.ds.query('DELETE FROM domain_event')).rejects.toThrow();
  });

  it('replays every kind of event of a room after id N, in order', async () => {
    const before = (await t.ds.query('SELECT max(id)::text AS id FROM domain_event')) as {
      id: string;
    }[];
    const c = await deskCase(t, w);
    const put = await t.http
      .put(`/api/desks/${w.desk.id}/hours`)
      .set('Authorization', adminAuth)
      .send({ weeklyHours: hours('08:00', '21:30') });
    expect(put.status).toBe(200);
    await stream().drain();
    const s = connect(w.deskAuth);
    const got: { name: string; eventId: string }[] = [];
    s.onAny((name: string, p: { eventId?: string }) => {
      if (p?.eventId) got.push({ name, eventId: p.eventId });
    });
    const ack = (await s
      .timeout(5000)
      .emitWithAck('subscribe', { room: `desk:${w.desk.id}`, since: before[0]!.id })) as {
      ok: boolean;
      replayed: number;
    };
    expect(ack.ok).toBe(true);
    await until(() => got.length >= ack.replayed && ack.replayed > 0);
    const names = got.map((g) => g.name);
    expect(names).toContain('case.created');
    expect(names).toContain('desk.hours_changed');
    const ids = got.map((g) => BigInt(g.eventId));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    expect((await streamRows(c.id)).every((r) => BigInt(r.id) > BigInt(before[0]!.id))).toBe(true);
  });
});

describe('the system actor', () => {
  it('marks a case overdue as the system, with its reason, without bumping the version a worker holds', async () => {
    const c = await deskCase(t, w);
    t.clock.set(new Date(Date.parse(c.sla.acceptDueAt!) + 60_000).toISOString());
    try {
      expect(await t.app.get(CasesService).markOverdue()).toBeGreaterThan(0);
      const overdue = (await streamRows(c.id)).find((r) => r.name === 'case.overdue');
      expect(overdue).toMatchObject({ actor_kind: 'system', reason: 'overdue' });
      const [row] = (await t.ds.query('SELECT version, escalated FROM service_case WHERE id = $1', [
        c.id,
      ])) as { version: number; escalated: boolean }[];
      expect(row).toEqual({ version: c.version, escalated: true });
      // The worker saves against the version they loaded before the case turned overdue (signed
      // in again: the clock moved past the first token's lifetime).
      const auth = `Bearer ${await t.given.token(w.desker)}`;
      const res = await act(t, auth, c, { action: 'accept' });
      expect(res.status).toBe(200);
    } finally {
      t.clock.at = null;
    }
  });

  it('recomputes open cases’ due times when the desk’s hours change, and says so in the case’s events', async () => {
    const desk = await t.given.desk({ community: w.community, compoundId: w.compound.id });
    const c = await deskCase(t, w, { deskId: desk.id });
    const put = await t.http
      .put(`/api/desks/${desk.id}/hours`)
      .set('Authorization', adminAuth)
      .send({ weeklyHours: hours('10:00', '12:00') });
    expect(put.status).toBe(200);
    await stream().drain();
    const events = (await t.http.get(`/api/cases/${c.id}/events`).set('Authorization', w.deskAuth))
      .body as CaseEvent[];
    const recomputed = events.find((e) => e.type === 'due_recomputed');
    expect(recomputed).toMatchObject({ actorKind: 'system' });
    expect(recomputed!.data['reason']).toBe('desk_hours_changed');
    const after = (await t.http.get(`/api/cases/${c.id}`).set('Authorization', w.deskAuth))
      .body as CaseDetail;
    expect(after.sla.resolveDueAt).not.toBe(c.sla.resolveDueAt);
    expect(after.sla.resolveDueAt).toBe(recomputed!.data['resolveDueAt']);
    expect(after.version).toBe(c.version);
  });

  it('runs a reaction that failed again later, and exactly once, even across a restart', async () => {
    let calls = 0;
    let effects = 0;
    stream().react({
      name: 'test.flaky',
      on: ['case.created'],
      handle: () => {
        calls++;
        if (calls === 1) throw new Error('boom');
        effects++;
        return Promise.resolve();
      },
    });
    const c = await deskCase(t, w);
    await stream().drain();
    const [pending] = (await t.ds.query(
      `SELECT r.attempts, r.last_error FROM event_reaction r JOIN domain_event e ON e.id = r.event_id
        WHERE r.reactor = 'test.flaky' AND e.subject_id = $1`,
      [c.id],
    )) as { attempts: number; last_error: string }[];
    expect(pending).toEqual({ attempts: 1, last_error: 'boom' });
    // Later (the back-off has passed): it runs, and once only, however often the worker drains.
    t.clock.set(new Date(Date.now() + 3_600_000).toISOString());
    try {
      await stream().drain();
      await stream().drain();
    } finally {
      t.clock.at = null;
    }
    expect(effects).toBe(1);
    const left = (await t.ds.query(
      `SELECT count(*)::int AS n FROM event_reaction WHERE reactor = 'test.flaky'`,
    )) as { n: number }[];
    expect(left[0]!.n).toBe(0);
  });
});

describe('access holes', () => {
  it('refuses a transfer onto another street’s desk, by desk staff and community admin alike', async () => {
    const other = await t.given.community();
    const otherDesk = await t.given.desk({ community: other });
    for (const auth of [w.deskAuth, adminAuth]) {
      const c = await deskCase(t, w);
      const res = await t.http
        .post(`/api/cases/${c.id}/transfer`)
        .set('Authorization', auth)
        .send({ version: c.version, deskId: otherDesk.id, note: '不归我们管' });
      expect(res.status).toBe(400);
      expect(res.body.fields?.[0]?.field).toBe('deskId');
      const [row] = (await t.ds.query('SELECT desk_id FROM service_case WHERE id = $1', [
        c.id,
      ])) as {
        desk_id: string;
      }[];
      expect(row!.desk_id).toBe(w.desk.id);
    }
  });

  it('lets the community admin hand a case to a community of the same street, which is told live', async () => {
    const street = { id: w.community.streetId } as never;
    const sibling = await t.given.community({ street });
    const siblingDesk = await t.given.desk({ community: sibling });
    const siblingStaff = await t.given.staff('desk_staff', { community: sibling });
    const s = connect(`Bearer ${await t.given.token(siblingStaff)}`);
    const got: CasePush[] = [];
    s.on('case.updated', (p: CasePush) => got.push(p));
    expect(
      (
        (await s.timeout(5000).emitWithAck('subscribe', { room: `desk:${siblingDesk.id}` })) as {
          ok: boolean;
        }
      ).ok,
    ).toBe(true);
    const c = await deskCase(t, w);
    // Desk staff may not send it out of the community.
    const refused = await t.http
      .post(`/api/cases/${c.id}/transfer`)
      .set('Authorization', w.deskAuth)
      .send({ version: c.version, deskId: siblingDesk.id, note: '属于兄弟社区' });
    expect(refused.status).toBe(400);
    const res = await t.http
      .post(`/api/cases/${c.id}/transfer`)
      .set('Authorization', adminAuth)
      .send({ version: c.version, deskId: siblingDesk.id, note: '属于兄弟社区' });
    expect(res.status).toBe(200);
    await until(() => got.find((p) => p.case.id === c.id));
  });

  it('shows the resident only the public side of their case’s timeline', async () => {
    const created = await t.http
      .post('/api/cases')
      .set('Authorization', w.residentAuth)
      .send({ categoryId: w.category.id, description: '楼下噪音很大，晚上睡不着' });
    expect(created.status).toBe(201);
    const c = created.body as CaseDetail;
    const esc = await t.http
      .post(`/api/cases/${c.id}/escalate`)
      .set('Authorization', w.deskAuth)
      .send({ version: c.version, note: '内部：此人多次投诉，请书记关注' });
    expect(esc.status).toBe(200);
    const staffView = (
      await t.http.get(`/api/cases/${c.id}/events`).set('Authorization', w.deskAuth)
    ).body as CaseEvent[];
    expect(staffView.map((e) => e.type)).toContain('escalated');
    const residentView = (
      await t.http.get(`/api/cases/${c.id}/events`).set('Authorization', w.residentAuth)
    ).body as CaseEvent[];
    expect(residentView.map((e) => e.type)).toEqual(['created']);
    expect(JSON.stringify(residentView)).not.toContain('内部');
    const detail = (await t.http.get(`/api/cases/${c.id}`).set('Authorization', w.residentAuth))
      .body as CaseDetail;
    expect(detail.escalated).toBe(false);
  });

  it('commits a staff change and its audit row together or not at all', async () => {
    const c = await deskCase(t, w);
    await t.ds.query(`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'staff.write' THEN RAISE EXCEPTION 'audit down'; END IF; RETURN NEW; END $$`);
    await t.ds.query(
      'CREATE TRIGGER audit_down BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit()',
    );
    try {
      const res = await act(t, w.deskAuth, c, { action: 'accept' });
      expect(res.status).toBe(500);
    } finally {
      await t.ds.query('DROP TRIGGER audit_down ON audit_log');
      await t.ds.query('DROP FUNCTION refuse_audit()');
    }
    const [row] = (await t.ds.query('SELECT status, version FROM service_case WHERE id = $1', [
      c.id,
    ])) as { status: string; version: number }[];
    expect(row).toEqual({ status: 'submitted', version: c.version });
    const ok = await act(t, w.deskAuth, c, { action: 'accept' });
    expect(ok.status).toBe(200);
    const audit = (await t.ds.query(
      `SELECT detail->>'outcome' AS outcome FROM audit_log WHERE action = 'staff.write' AND entity_id = $1`,
      [c.id],
    )) as { outcome: string }[];
    expect(audit.map((a) => a.outcome)).toEqual(['ok']);
  });

  it('ends an open socket within seconds of logout, and refuses its subscriptions', async () => {
    const staff = await t.given.staff('desk_staff', { community: w.community });
    const auth = `Bearer ${await t.given.token(staff)}`;
    const s = connect(auth);
    let ended = false;
    s.on('disconnect', () => (ended = true));
    expect(
      (
        (await s.timeout(5000).emitWithAck('subscribe', { room: `desk:${w.desk.id}` })) as {
          ok: boolean;
        }
      ).ok,
    ).toBe(true);
    expect((await t.http.post('/api/auth/logout').set('Authorization', auth)).status).toBe(204);
    await until(() => ended, 6000);
  });
});

describe('compound scope', () => {
  it('limits a grid worker to the cases of their own compound', async () => {
    const otherCompound = await t.given.compound({ community: w.community });
    const grid = await t.given.staff('grid_worker', {
      community: w.community,
      compound: w.compound,
    });
    const gridAuth = `Bearer ${await t.given.token(grid)}`;
    const mine = await deskCase(t, w, { compoundId: w.compound.id });
    const theirs = await deskCase(t, w, { compoundId: otherCompound.id });
    expect((await t.http.get(`/api/cases/${mine.id}`).set('Authorization', gridAuth)).status).toBe(
      200,
    );
    expect(
      (await t.http.get(`/api/cases/${theirs.id}`).set('Authorization', gridAuth)).status,
    ).toBe(404);
    const list = await t.http.get('/api/cases?pageSize=100').set('Authorization', gridAuth);
    const ids = (list.body.items as { id: string }[]).map((c) => c.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    const intake = await t.http.post('/api/cases').set('Authorization', gridAuth).send({
      categoryId: w.category.id,
      description: '隔壁小区的井盖松动',
      channel: 'grid_patrol',
      compoundId: otherCompound.id,
    });
    expect(intake.status).toBe(400);
    expect(intake.body.fields?.[0]?.field).toBe('compoundId');
    // The community room is theirs for the council, never for another compound's cases.
    const s = connect(gridAuth);
    const heard: string[] = [];
    s.on('case.created', (p: { case: { id: string } }) => heard.push(p.case.id));
    const ack = (await s
      .timeout(5000)
      .emitWithAck('subscribe', { room: `community:${w.community.id}`, since: '0' })) as {
      ok: boolean;
    };
    expect(ack.ok).toBe(true);
    expect(heard).toEqual([]);
  });
});
