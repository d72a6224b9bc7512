import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Caller, RouteKey, Target } from '../auth/route-access';
import { EventStream } from '../../src/events/event-stream.service';
import { ratingRunsMatrix } from './matrix-rating-runs';
import { PASSWORD, type TestContext } from './app';
import { ratingResultsCalls } from './rating-results-calls';
import { open311ReadCalls } from './open311-read-calls';
import { open311WriteCalls } from './open311-write-calls';
import {
  INTERNAL_NOTE,
  type MatrixWorld,
  type PlaceRecords,
  type RatingAssessWorld,
  fileCase,
  matrixUnique as unique,
  ratingAssessWorld,
} from './matrix-world';
import { sampleFramework2022 } from '@baitong/rating-engine';
import { PHOTO_STORAGE, type PhotoStorage } from '../../src/cases/photo-storage';

export interface Row {
  caller: Caller;
  target: Target;
  /** The target's records. */
  p: PlaceRecords;
}

export interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number>;
  body?: object;
  file?: Buffer;
  /** The app's session cookie, for the routes that read it. */
  cookie?: string;
  /** Another token than the caller's usual one (a fresh session, e.g. to sign out). */
  auth?: string | null;
  /** A list: allowed means the target's record is in it. */
  holds?: (body: unknown) => boolean | Promise<boolean>;
  /** The answer is a file: the body is its bytes. */
  binary?: boolean;
  /** The target is named in the body: a refusal may be 400 ("no such …"). */
  bodyTarget?: boolean;
  /** What an allowed answer must (not) show, beyond its status. */
  check?: (body: unknown) => void;
  /** The rows a write would change: a refused write leaves them as they were. */
  rows?: () => Promise<unknown>;
}

/**
 * How route-matrix.spec.ts calls each route for one caller and target: a working request with a
 * real record of the target, what an allowed answer shows, and the rows a refused write must leave.
 */
export function routeCalls(
  t: TestContext,
  w: MatrixWorld,
  png: Buffer,
): Record<RouteKey, (r: Row) => Call | Promise<Call>> {
  const sql = (query: string, params: unknown[]) => () => t.ds.query(query, params);
  const items = (body: unknown): { id: string }[] =>
    Array.isArray(body) ? body : ((body as { items?: { id: string }[] }).items ?? []);
  const holdsId = (id: string) => (body: unknown) => items(body).some((x) => x.id === id);
  const caseRow = (id: string) =>
    sql(
      `SELECT status, version, desk_id, community_id, assignee_id, escalated, repeat_decision,
         (SELECT count(*)::int FROM case_event e WHERE e.case_id = c.id) AS events
       FROM service_case c WHERE id = $1`,
      [id],
    );
  const current = async (table: 'community' | 'desk', column: string, id: string) => {
    const [row] = (await t.ds.query(`SELECT ${column}::float8 AS v FROM ${table} WHERE id = $1`, [
      id,
    ])) as { v: number }[];
    return row!.v;
  };
  let day = 0;
  /** A date far enough ahead to be valid for an exception, different on every call. */
  const futureDate = () =>
    new Date(Date.UTC(2090, 0, 1) + day++ * 86_400_000).toISOString().slice(0, 10);

  /** A fresh open case of the target (each write takes its own, so rows do not depend on each other). */
  const freshCase = (r: Row, category = w.category) => fileCase(t, r.p, category);

  /** A fresh session of the caller, for calls that end it. */
  async function freshAuth(caller: Caller): Promise<string | null> {
    if (caller === 'anonymous') return null;
    if (caller === 'resident') {
      const r = await t.given.resident({
        community: w.places.own.community,
        compound: w.places.own.compound,
      });
      return `Bearer ${(await t.given.residentLogin(r)).accessToken}`;
    }
    return `Bearer ${await t.given.token(w.staff[caller])}`;
  }

  /** Signs a fresh staff member or resident of the place in and returns the refresh cookie it set. */
  async function sessionCookie(kind: 'staff' | 'resident', p: PlaceRecords): Promise<string> {
    let res;
    if (kind === 'staff') {
      const s = await t.given.staff('desk_staff', { community: p.community });
      res = await t.http
        .post('/api/auth/staff/login')
        .send({ username: s.username, password: PASSWORD });
    } else {
      const r = await t.given.resident({ community: p.community });
      expect((await t.http.post('/api/auth/resident/otp').send({ phone: r.phone })).status).toBe(
        200,
      );
      res = await t.http
        .post('/api/auth/resident/login')
        .send({ phone: r.phone, code: t.sms.lastCode(r.phone) });
    }
    expect(res.status).toBe(200);
    const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(set.length, 'the sign-in set no cookie').toBeGreaterThan(0);
    return set.map((c) => c.split(';')[0]).join('; ');
  }

  /** A phone no resident holds yet. */
  const newPhone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  /** A resident of the place who registered in the app and awaits verification. */
  async function unverified(p: PlaceRecords) {
    const r = await t.given.resident({ community: p.community, compound: p.compound });
    await t.ds.query(`UPDATE resident SET verification = 'unverified' WHERE id = $1`, [r.id]);
    return r;
  }
  /** A case of the place with a mediation record whose first party left a phone. */
  async function mediatedCase(p: PlaceRecords) {
    const c = await fileCase(t, p, w.dispute);
    await t.ds.query(
      `INSERT INTO case_mediation (case_id, parties, mediator_name, sessions)
       VALUES ($1, $2::jsonb, '调解员', '[]'::jsonb)`,
      [c.id, JSON.stringify([{ name: '楼上住户', role: '一方', phone: '13611112222' }])],
    );
    return c;
  }
  /** A resolved case of the target with its open follow-up (scheduled by the stream's reaction). */
  async function resolvedWithFollowUp(
    p: PlaceRecords,
  ): Promise<{ caseId: string; followUpId: string }> {
    const c = await fileCase(t, p, w.category);
    let version = c.version;
    for (const body of [{ action: 'accept' }, { action: 'resolve', resolution: '已处理' }]) {
      const res = await t.http
        .post(`/api/cases/${c.id}/transitions`)
        .set('Authorization', p.staffAuth)
        .send({ ...body, version });
      expect(res.status).toBe(200);
      version = (res.body as { version: number }).version;
    }
    await t.app.get(EventStream).drain();
    const [row] = (await t.ds.query(
      `SELECT id FROM follow_up_task WHERE case_id = $1 AND status = 'open'`,
      [c.id],
    )) as { id: string }[];
    expect(row, 'no follow-up was scheduled').toBeDefined();
    return { caseId: c.id, followUpId: row!.id };
  }
  /** A dissatisfied rating of the target, recorded by its desk staff. */
  async function dissatisfiedAttempt(p: PlaceRecords): Promise<string> {
    const { followUpId } = await resolvedWithFollowUp(p);
    const res = await t.http
      .post(`/api/follow-ups/${followUpId}/attempts`)
      .set('Authorization', p.staffAuth)
      .send({
        method: 'phone',
        outcome: 'reached',
        satisfaction: 'very_dissatisfied',
        solved: 'no',
      });
    expect(res.status).toBe(201);
    await t.app.get(EventStream).drain();
    return (res.body as { attempts: { id: string }[] }).attempts[0]!.id;
  }
  const probeFollowUps = new Map<PlaceRecords, Promise<{ caseId: string; followUpId: string }>>();
  const probeFollowUp = (p: PlaceRecords) => {
    let f = probeFollowUps.get(p);
    if (!f) probeFollowUps.set(p, (f = resolvedWithFollowUp(p)));
    return f;
  };

  /** A pending appeal of a dissatisfied rating of the place, filed once and shared by the reads. */
  const probeAppeals = new Map<PlaceRecords, Promise<string>>();
  const probeAppeal = (p: PlaceRecords) => {
    let a = probeAppeals.get(p);
    if (!a) {
      a = (async () => {
        const filed = await t.http
          .post(`/api/follow-up-attempts/${await dissatisfiedAttempt(p)}/appeal`)
          .set('Authorization', p.staffAuth)
          .send({ reason: '评价针对物业收费', evidence: '通话记录' });
        expect(filed.status).toBe(201);
        return (filed.body as { id: string }).id;
      })();
      probeAppeals.set(p, a);
    }
    return a;
  };
  /** The place's resident signed in (the own place's is the matrix's resident caller). */
  const residentAuths = new Map<PlaceRecords, Promise<string>>();
  const residentAuthOf = (p: PlaceRecords) => {
    let a = residentAuths.get(p);
    if (!a) {
      a =
        p === w.places.own
          ? Promise.resolve(w.auth.resident)
          : t.given.residentLogin(p.resident).then((l) => `Bearer ${l.accessToken}`);
      residentAuths.set(p, a);
    }
    return a;
  };
  /** A proposal the place's desk staff wrote for its resident, taken to `stage`. */
  async function freshProposal(
    p: PlaceRecords,
    stage: 'draft' | 'submitted' | 'open' = 'open',
    extra: Record<string, unknown> = {},
  ): Promise<{ id: string; version: number; number: string }> {
    let res = await t.http
      .post('/api/proposals')
      .set('Authorization', p.staffAuth)
      .send({
        title: `矩阵议题 ${unique()}`,
        description: '矩阵探针议题的说明文字',
        topic: 'other',
        authorResidentId: p.resident.id,
        ...extra,
      });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const actions = {
      draft: [],
      submitted: ['submit'],
      open: ['submit', 'start_screening', 'accept'],
    };
    for (const action of actions[stage]) {
      res = await t.http
        .post(`/api/proposals/${res.body.id}/transitions`)
        .set('Authorization', p.staffAuth)
        .send({ action, version: res.body.version });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    return res.body as { id: string; version: number; number: string };
  }
  /** An open proposal of the place with a photo and a staff comment, that only reads use. */
  const probeProposals = new Map<
    PlaceRecords,
    Promise<{ id: string; number: string; photoId: string }>
  >();
  const probeProposal = (p: PlaceRecords) => {
    let f = probeProposals.get(p);
    if (!f) {
      f = (async () => {
        const photo = await t.http
          .post('/api/photos')
          .set('Authorization', p.staffAuth)
          .attach('file', png, { filename: 'proposal.png', contentType: 'image/png' });
        expect(photo.status).toBe(201);
        const proposal = await freshProposal(p, 'open', { photoIds: [photo.body.id] });
        const c = await t.http
          .post(`/api/proposals/${proposal.id}/comments`)
          .set('Authorization', p.staffAuth)
          .send({ body: '矩阵探针评论' });
        expect(c.status).toBe(201);
        return { id: proposal.id, number: proposal.number, photoId: photo.body.id as string };
      })();
      probeProposals.set(p, f);
    }
    return f;
  };
  /** An outside member of the place's council, written directly (only the own admin signs in). */
  const councilMembers = new Map<string, Promise<string>>();
  const councilMember = (p: PlaceRecords) => {
    let m = councilMembers.get(p.community.id);
    if (!m) {
      m = (async () => {
        await t.ds.query('INSERT INTO council (community_id) VALUES ($1) ON CONFLICT DO NOTHING', [
          p.community.id,
        ]);
        const [row] = (await t.ds.query(
          `INSERT INTO council_member (council_id, community_id, kind, role, name, term_start)
           SELECT id, community_id, 'other', 'member', '矩阵成员', '2025-01-01' FROM council
            WHERE community_id = $1 RETURNING id`,
          [p.community.id],
        )) as { id: string }[];
        return row!.id;
      })();
      councilMembers.set(p.community.id, m);
    }
    return m;
  };
  const supportRow = (proposalId: string) =>
    sql(
      `SELECT resident_id, withdrawn_at FROM proposal_support WHERE proposal_id = $1 ORDER BY resident_id`,
      [proposalId],
    );
  const followerRow = (proposalId: string) =>
    sql(`SELECT resident_id FROM proposal_follower WHERE proposal_id = $1 ORDER BY resident_id`, [
      proposalId,
    ]);
  const proposalRow = (id: string) =>
    sql(
      `SELECT status, version, title, merged_into_id, support_count,
         (SELECT count(*)::int FROM domain_event e WHERE e.subject_id = p.id) AS events
       FROM proposal p WHERE id = $1`,
      [id],
    );
  /** The own place's resident first backs the target's proposal, where they may. */
  /** Another resident of the place writes it: an author does not support their own proposal. */
  const neighbourAuthor = async (p: PlaceRecords) => ({
    authorResidentId: (await t.given.resident({ community: p.community, compound: p.compound })).id,
  });

  /** A draft of the place's resident, unseen by anyone else, with one photo of theirs if asked. */
  async function residentDraft(
    p: PlaceRecords,
    withPhoto = false,
  ): Promise<{ id: string; auth: string; photoId: string }> {
    const auth = await residentAuthOf(p);
    let photoId = '';
    if (withPhoto) {
      const photo = await t.http
        .post('/api/photos')
        .set('Authorization', auth)
        .attach('file', png, { filename: 'draft.png', contentType: 'image/png' });
      expect(photo.status, JSON.stringify(photo.body)).toBe(201);
      photoId = photo.body.id as string;
    }
    const res = await t.http
      .post('/api/proposals')
      .set('Authorization', auth)
      .send({
        title: `居民草稿 ${unique()}`,
        description: '居民自己写的议题草稿',
        topic: 'other',
        ...(withPhoto ? { photoIds: [photoId] } : {}),
      });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id: res.body.id as string, auth, photoId };
  }
  const draftPhotos = (id: string) =>
    sql('SELECT photo_id FROM proposal_photo WHERE proposal_id = $1 ORDER BY position', [id]);

  const asResidentFirst = async (r: Row, path: string) => {
    if (r.caller !== 'resident' || (r.target !== 'own' && r.target !== 'otherCompound')) return;
    const res = await t.http.post(path).set('Authorization', w.auth.resident);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };

  /** A planned meeting of the place, written by its desk staff. */
  async function freshMeeting(p: PlaceRecords): Promise<{ id: string; version: number }> {
    const res = await t.http
      .post(`/api/communities/${p.community.id}/meetings`)
      .set('Authorization', p.staffAuth)
      .send({
        title: `矩阵会议 ${unique()}`,
        startsAt: '2026-12-10T19:30:00+08:00',
        place: '会议室',
      });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; version: number };
  }
  // A worker of the place's community, fresh per call so each write starts from version 1.
  const rosterEntry = async (p: PlaceRecords): Promise<string> => {
    const [{ id }] = (await t.ds.query(
      `WITH e AS (
         INSERT INTO workforce_entry (community_id, worker_number, name, birth_date, hired_on,
           position, certified, education, monthly_pay_yuan, facts_effective_on)
         VALUES ($1, $2, '矩阵工', '1990-01-01', '2020-01-01', '综合岗', false, 'bachelor', 4000,
           '2020-01-01') RETURNING id, community_id)
       INSERT INTO workforce_revision (entry_id, community_id, effective_on, position, certified,
         education, monthly_pay_yuan, recorded_by_name, recorded_at)
       SELECT id, community_id, '2020-01-01', '综合岗', false, 'bachelor', 4000, '矩阵', now() FROM e
       RETURNING entry_id AS id`,
      [p.community.id, `M${unique()}`],
    )) as [{ id: string }];
    return id;
  };
  const probeRoster = new Map<PlaceRecords, Promise<string>>();
  const rosterProbe = (p: PlaceRecords) => {
    if (!probeRoster.has(p)) probeRoster.set(p, rosterEntry(p));
    return probeRoster.get(p)!;
  };
  const rosterCount = (p: PlaceRecords) =>
    sql(`SELECT count(*)::int AS n FROM workforce_entry WHERE community_id = $1`, [p.community.id]);
  /** The place's imported 2017 grade, written once and shared by the reads. */
  const gradeProbes = new Map<string, Promise<string>>();
  const gradeProbe = (p: PlaceRecords) => {
    let id = gradeProbes.get(p.community.id);
    if (!id) {
      id = t.ds
        .query(
          `INSERT INTO rating_grade (year, community_id, grade, source) VALUES (2017, $1, 'A', 'import')
           ON CONFLICT (year, community_id) DO UPDATE SET grade = EXCLUDED.grade RETURNING id`,
          [p.community.id],
        )
        .then((rows: { id: string }[]) => rows[0]!.id);
      gradeProbes.set(p.community.id, id);
    }
    return id;
  };
  /** A results file of one 2016 grade for the community with this code. */
  const gradesFile = async (code: string) => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('历年评定结果');
    sheet.addRow(['年度', '社区编码', '等级']);
    sheet.addRow([2016, code, 'AA']);
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const rosterFile = async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名册');
    sheet.addRow(['工号', '姓名', '出生日期', '入职日期', '岗位', '社工证', '学历', '月薪（元）']);
    sheet.addRow([
      `M${unique()}`,
      '导入工',
      '1991-02-03',
      '2021-03-04',
      '网格员',
      '是',
      '本科',
      4500,
    ]);
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const probeMeetings = new Map<PlaceRecords, Promise<string>>();
  const probeMeeting = (p: PlaceRecords) => {
    let f = probeMeetings.get(p);
    if (!f) {
      f = freshMeeting(p).then((m) => m.id);
      probeMeetings.set(p, f);
    }
    return f;
  };
  /** A fresh meeting with a proposal past its threshold (marked so directly) on its agenda. */
  async function meetingWithItem(p: PlaceRecords): Promise<{ id: string; itemId: string }> {
    const proposal = await freshProposal(p);
    await t.ds.query('UPDATE proposal SET ready_at = now() WHERE id = $1', [proposal.id]);
    const m = await freshMeeting(p);
    const res = await t.http
      .post(`/api/meetings/${m.id}/agenda`)
      .set('Authorization', p.staffAuth)
      .send({ proposalId: proposal.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { id: m.id, itemId: (res.body as { agenda: { id: string }[] }).agenda[0]!.id };
  }
  /** The same, with every serving member of the place's council present: quorum. */
  async function quorateMeeting(
    p: PlaceRecords,
  ): Promise<{ id: string; itemId: string; memberId: string }> {
    const memberId = await councilMember(p);
    const m = await meetingWithItem(p);
    const serving = (await t.ds.query(
      `SELECT id FROM council_member WHERE community_id = $1 AND term_start <= '2026-12-10'
         AND (term_end IS NULL OR term_end >= '2026-12-10')`,
      [p.community.id],
    )) as { id: string }[];
    for (const s of serving) {
      const res = await t.http
        .post(`/api/meetings/${m.id}/attendance`)
        .set('Authorization', p.staffAuth)
        .send({ memberId: s.id });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    return { ...m, memberId };
  }
  const meetingRow = (id: string) =>
    sql(
      `SELECT status, version, title, minutes,
         (SELECT count(*)::int FROM meeting_agenda_item a WHERE a.meeting_id = m.id) AS items,
         (SELECT count(*)::int FROM meeting_attendance x WHERE x.meeting_id = m.id) AS present,
         (SELECT count(*)::int FROM meeting_vote v WHERE v.meeting_id = m.id) AS votes,
         (SELECT count(*)::int FROM meeting_agenda_item a WHERE a.meeting_id = m.id AND a.decision IS NOT NULL) AS decided
       FROM meeting m WHERE id = $1`,
      [id],
    );

  /** A proposal of the place marked adopted directly (the meeting is tested on its own). */
  async function adoptedProposal(p: PlaceRecords): Promise<string> {
    const proposal = await freshProposal(p);
    await t.ds.query(`UPDATE proposal SET status = 'adopted' WHERE id = $1`, [proposal.id]);
    return proposal.id;
  }
  /** An adopted proposal of the place being built, with one milestone. */
  async function buildingProposal(p: PlaceRecords): Promise<{ id: string; milestoneId: string }> {
    const id = await adoptedProposal(p);
    const res = await t.http
      .post(`/api/proposals/${id}/implementation`)
      .set('Authorization', p.staffAuth)
      .send({
        ownerName: '矩阵物业',
        plan: '矩阵探针项目的实施计划',
        milestones: [{ title: '矩阵节点', plannedOn: '2027-01-10' }],
      });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { id, milestoneId: (res.body as { milestones: { id: string }[] }).milestones[0]!.id };
  }
  const probeBuilds = new Map<PlaceRecords, Promise<{ id: string; milestoneId: string }>>();
  const probeBuild = (p: PlaceRecords) => {
    let f = probeBuilds.get(p);
    if (!f) {
      f = buildingProposal(p);
      probeBuilds.set(p, f);
    }
    return f;
  };
  const buildRow = (id: string) =>
    sql(
      `SELECT p.status, p.version, i.completed_at,
         (SELECT count(*)::int FROM proposal_milestone x WHERE x.proposal_id = p.id) AS milestones,
         (SELECT count(*)::int FROM proposal_milestone x WHERE x.proposal_id = p.id AND x.done_at IS NOT NULL) AS done,
         (SELECT count(*)::int FROM proposal_progress x WHERE x.proposal_id = p.id) AS progress
       FROM proposal p LEFT JOIN proposal_implementation i ON i.proposal_id = p.id WHERE p.id = $1`,
      [id],
    );

  const contactReads = (entityId: string) =>
    sql(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'personal_data.read' AND entity_id = $1`,
      [entityId],
    );

  const runs = ratingRunsMatrix(t);
  const runRow = (id: string) =>
    sql(`SELECT status, version, snapshot_version FROM rating_run WHERE id = $1`, [id]);

  return {
    ...ratingAssessCalls(t, w, png),
    ...ratingResultsCalls(t, w),
    ...open311ReadCalls(t, w),
    ...open311WriteCalls(t, w),
    // Sign-in: called without a token, with a body that works.
    'POST /api/auth/staff/login': async ({ p }) => {
      const s = await t.given.staff('desk_staff', { community: p.community });
      return {
        method: 'POST',
        path: '/api/auth/staff/login',
        body: { username: s.username, password: PASSWORD },
      };
    },
    'POST /api/auth/resident/otp': async ({ p }) => {
      const r = await t.given.resident({ community: p.community });
      return { method: 'POST', path: '/api/auth/resident/otp', body: { phone: r.phone } };
    },
    'POST /api/auth/resident/login': async ({ p }) => {
      const r = await t.given.resident({ community: p.community });
      const otp = await t.http.post('/api/auth/resident/otp').send({ phone: r.phone });
      expect(otp.status).toBe(200);
      return {
        method: 'POST',
        path: '/api/auth/resident/login',
        body: { phone: r.phone, code: t.sms.lastCode(r.phone) },
      };
    },
    'POST /api/auth/resident/register': async ({ p }) => {
      const phone = newPhone();
      expect((await t.http.post('/api/auth/resident/otp').send({ phone })).status).toBe(200);
      const login = await t.http
        .post('/api/auth/resident/login')
        .send({ phone, code: t.sms.lastCode(phone) });
      expect(login.body.registrationRequired).toBe(true);
      return {
        method: 'POST',
        path: '/api/auth/resident/register',
        body: {
          registrationToken: login.body.registrationToken,
          name: 'Matrix Newcomer',
          foreign: true,
          nationality: 'KR',
          communityId: p.community.id,
          compoundId: p.compound.id,
        },
      };
    },
    'POST /api/auth/staff/refresh': async ({ p }) => ({
      method: 'POST',
      path: '/api/auth/staff/refresh',
      cookie: await sessionCookie('staff', p),
    }),
    'POST /api/auth/staff/logout': async ({ p }) => ({
      method: 'POST',
      path: '/api/auth/staff/logout',
      cookie: await sessionCookie('staff', p),
    }),
    'POST /api/auth/resident/refresh': async ({ p }) => ({
      method: 'POST',
      path: '/api/auth/resident/refresh',
      cookie: await sessionCookie('resident', p),
    }),
    'POST /api/auth/resident/logout': async ({ p }) => ({
      method: 'POST',
      path: '/api/auth/resident/logout',
      cookie: await sessionCookie('resident', p),
    }),
    'POST /api/auth/logout': async ({ caller }) => ({
      method: 'POST',
      path: '/api/auth/logout',
      auth: await freshAuth(caller),
    }),
    'GET /api/auth/me': () => ({ method: 'GET', path: '/api/auth/me' }),

    'GET /api/public/desks': ({ p }) => ({
      method: 'GET',
      path: '/api/public/desks',
      query: { communityId: p.community.id, limit: 200 },
      holds: holdsId(p.desk.id),
    }),
    'GET /api/public/desks/:id': ({ p }) => ({
      method: 'GET',
      path: `/api/public/desks/${p.desk.id}`,
    }),

    'GET /api/public/communities': ({ p }) => ({
      method: 'GET',
      path: '/api/public/communities',
      holds: holdsId(p.community.id),
      check: (body) => expect(JSON.stringify(body)).not.toContain(p.resident.phone),
    }),

    'GET /api/streets': ({ p }) => ({
      method: 'GET',
      path: '/api/streets',
      holds: holdsId(p.street.id),
    }),
    'POST /api/streets': () => {
      const code = `MS${unique()}`;
      return {
        method: 'POST',
        path: '/api/streets',
        body: { code, name: `矩阵街道${code}`, nameEn: `Matrix ${code}` },
        rows: sql(`SELECT count(*)::int AS n FROM street WHERE code = $1`, [code]),
      };
    },
    'PATCH /api/streets/:id': ({ p }) => ({
      method: 'PATCH',
      path: `/api/streets/${p.street.id}`,
      body: { nameEn: `Street ${unique()}` },
      rows: sql(`SELECT * FROM street WHERE id = $1`, [p.street.id]),
    }),
    'GET /api/communities': ({ p }) => ({
      method: 'GET',
      path: '/api/communities',
      holds: holdsId(p.community.id),
    }),
    'GET /api/communities/:id': ({ p }) => ({
      method: 'GET',
      path: `/api/communities/${p.community.id}`,
    }),
    'POST /api/communities': ({ p }) => {
      const code = `MC${unique()}`;
      return {
        method: 'POST',
        path: '/api/communities',
        body: {
          streetId: p.street.id,
          code,
          name: `矩阵社区${code}`,
          nameEn: `Matrix ${code}`,
          households: 100,
          registeredResidents: 250,
        },
        bodyTarget: true,
        rows: sql(`SELECT count(*)::int AS n FROM community WHERE code = $1`, [code]),
      };
    },
    'PATCH /api/communities/:id': ({ p }) => ({
      method: 'PATCH',
      path: `/api/communities/${p.community.id}`,
      body: { address: `矩阵路${unique()}号` },
      rows: sql(`SELECT * FROM community WHERE id = $1`, [p.community.id]),
    }),
    // The new value differs from the current one, whatever rows ran before: a real fact change.
    'PATCH /api/communities/:id #rating facts': async ({ p }) => ({
      method: 'PATCH',
      path: `/api/communities/${p.community.id}`,
      body: {
        households: (await current('community', 'households', p.community.id)) + 1,
        reason: '按普查结果复核户数',
      },
      rows: sql(
        `SELECT c.households, (SELECT count(*)::int FROM community_fact_change f WHERE f.community_id = c.id) AS changes
         FROM community c WHERE c.id = $1`,
        [p.community.id],
      ),
    }),
    'GET /api/communities/:id/fact-history': ({ p }) => ({
      method: 'GET',
      path: `/api/communities/${p.community.id}/fact-history`,
    }),
    'GET /api/communities/:id/compounds': ({ p }) => ({
      method: 'GET',
      path: `/api/communities/${p.community.id}/compounds`,
      holds: holdsId(p.compound.id),
    }),
    'GET /api/communities/:id/grids': ({ p }) => ({
      method: 'GET',
      path: `/api/communities/${p.community.id}/grids`,
      holds: holdsId(p.grid.id),
    }),
    'GET /api/communities/:id/desks': ({ p }) => ({
      method: 'GET',
      path: `/api/communities/${p.community.id}/desks`,
      holds: holdsId(p.desk.id),
    }),
    'GET /api/compounds/:id': ({ p }) => ({
      method: 'GET',
      path: `/api/compounds/${p.compound.id}`,
    }),
    'POST /api/compounds': ({ p }) => ({
      method: 'POST',
      path: '/api/compounds',
      body: { communityId: p.community.id, name: `矩阵小区${unique()}`, nameEn: 'Matrix compound' },
      bodyTarget: true,
      rows: sql(`SELECT count(*)::int AS n FROM compound WHERE community_id = $1`, [
        p.community.id,
      ]),
    }),
    'PATCH /api/compounds/:id': ({ p }) => ({
      method: 'PATCH',
      path: `/api/compounds/${p.compound.id}`,
      body: { address: `矩阵路${unique()}号` },
      rows: sql(`SELECT * FROM compound WHERE id = $1`, [p.compound.id]),
    }),
    'POST /api/grids': ({ p }) => ({
      method: 'POST',
      path: '/api/grids',
      body: {
        communityId: p.community.id,
        compoundId: p.compound.id,
        code: `MG${unique()}`,
        name: '矩阵网格',
      },
      bodyTarget: true,
      rows: sql(`SELECT count(*)::int AS n FROM grid WHERE community_id = $1`, [p.community.id]),
    }),
    'PATCH /api/grids/:id': ({ p }) => ({
      method: 'PATCH',
      path: `/api/grids/${p.grid.id}`,
      body: { name: `矩阵网格${unique()}` },
      rows: sql(`SELECT * FROM grid WHERE id = $1`, [p.grid.id]),
    }),
    'GET /api/desks/:id': ({ p }) => ({ method: 'GET', path: `/api/desks/${p.desk.id}` }),
    'POST /api/desks': ({ p }) => ({
      method: 'POST',
      path: '/api/desks',
      body: {
        communityId: p.community.id,
        name: `矩阵岗${unique()}`,
        nameEn: 'Matrix desk',
        lat: 29.6,
        lng: 106.5,
        areaSqm: 40,
      },
      bodyTarget: true,
      rows: sql(`SELECT count(*)::int AS n FROM desk WHERE community_id = $1`, [p.community.id]),
    }),
    'PATCH /api/desks/:id': ({ p }) => ({
      method: 'PATCH',
      path: `/api/desks/${p.orgDesk.id}`,
      body: { phone: `023-${String(day++).padStart(8, '0')}` },
      rows: sql(`SELECT * FROM desk WHERE id = $1`, [p.orgDesk.id]),
    }),
    'PATCH /api/desks/:id #rating facts': async ({ p }) => ({
      method: 'PATCH',
      path: `/api/desks/${p.orgDesk.id}`,
      body: { areaSqm: (await current('desk', 'area_sqm', p.orgDesk.id)) + 1, reason: '实测面积' },
      rows: sql(`SELECT * FROM desk WHERE id = $1`, [p.orgDesk.id]),
    }),
    'PUT /api/desks/:id/hours': ({ p }) => ({
      method: 'PUT',
      path: `/api/desks/${p.orgDesk.id}/hours`,
      body: { weeklyHours: [{ weekday: 1, intervals: [{ opens: '09:00', closes: '21:30' }] }] },
      rows: sql(`SELECT * FROM desk WHERE id = $1`, [p.orgDesk.id]),
    }),
    'POST /api/desks/:id/exceptions': ({ p }) => ({
      method: 'POST',
      path: `/api/desks/${p.orgDesk.id}/exceptions`,
      body: { date: futureDate(), intervals: [], note: '矩阵' },
      rows: sql(`SELECT id, date FROM desk_hours_exception WHERE desk_id = $1 ORDER BY date`, [
        p.orgDesk.id,
      ]),
    }),
    'DELETE /api/desks/:id/exceptions/:exceptionId': async ({ p }) => {
      const ex = await t.given.exception(p.orgDesk, futureDate(), []);
      return {
        method: 'DELETE',
        path: `/api/desks/${p.orgDesk.id}/exceptions/${ex.id}`,
        rows: sql(`SELECT id FROM desk_hours_exception WHERE id = $1`, [ex.id]),
      };
    },

    'GET /api/residents': ({ p }) => ({
      method: 'GET',
      path: '/api/residents',
      query: { q: p.resident.name, pageSize: 200 },
      holds: holdsId(p.resident.id),
      // Lists are masked: the full name and phone come one resident at a time, audited.
      check: (body) => {
        const row = items(body).find((x) => x.id === p.resident.id) as Record<string, unknown>;
        expect(row.name).not.toBe(p.resident.name);
        expect(row.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
        expect(JSON.stringify(body)).not.toContain(p.resident.phone);
      },
    }),
    'GET /api/residents/counts': ({ p }) => ({
      method: 'GET',
      path: '/api/residents/counts',
      holds: (body) =>
        (body as { communityId: string }[]).some((c) => c.communityId === p.community.id),
    }),
    // Every answered read of personal data leaves an audit row; a refused one leaves none.
    'GET /api/residents/:id/contact': ({ p }) => ({
      method: 'GET',
      path: `/api/residents/${p.resident.id}/contact`,
      check: (body) => expect(body).toMatchObject({ id: p.resident.id, phone: p.resident.phone }),
      rows: sql(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'personal_data.read' AND entity_id = $1`,
        [p.resident.id],
      ),
    }),
    'POST /api/residents': ({ p }) => {
      const phone = newPhone();
      return {
        method: 'POST',
        path: '/api/residents',
        body: { name: '矩阵来访居民', phone, foreign: false, compoundId: p.compound.id },
        bodyTarget: true,
        rows: sql(`SELECT count(*)::int AS n FROM resident WHERE phone = $1`, [phone]),
      };
    },
    'POST /api/residents/:id/verify': async ({ p }) => {
      const r = await unverified(p);
      return {
        method: 'POST',
        path: `/api/residents/${r.id}/verify`,
        rows: sql(`SELECT verification, verified_by_id FROM resident WHERE id = $1`, [r.id]),
      };
    },
    'POST /api/residents/:id/merge': async ({ p }) => {
      const r = await unverified(p);
      const onRecord = await t.given.resident({ community: p.community, compound: p.compound });
      return {
        method: 'POST',
        path: `/api/residents/${r.id}/merge`,
        body: { intoResidentId: onRecord.id },
        rows: sql(`SELECT id, phone, verification FROM resident WHERE id IN ($1, $2) ORDER BY id`, [
          r.id,
          onRecord.id,
        ]),
      };
    },
    'GET /api/staff': ({ p }) => ({
      method: 'GET',
      path: '/api/staff',
      holds: holdsId(p.staffer.id),
    }),
    'GET /api/audit': ({ p }) => ({
      method: 'GET',
      path: '/api/audit',
      query: { action: 'matrix.probe', pageSize: 200 },
      holds: (body) =>
        items(body).some((e) => (e as { entityId?: string }).entityId === p.community.id),
    }),
    // The same rows as a spreadsheet: the probe's target is named by the community's name.
    'GET /api/audit/export': ({ p }) => ({
      method: 'GET',
      path: '/api/audit/export',
      query: { action: 'matrix.probe' },
      binary: true,
      holds: async (body) => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(body as ArrayBuffer);
        let found = false;
        book.worksheets[0]?.eachRow((r) => {
          if (r.getCell(5).value === p.community.name) found = true;
        });
        return found;
      },
    }),

    'GET /api/categories': () => ({ method: 'GET', path: '/api/categories' }),
    'POST /api/categories': () => {
      const code = `matrix_${unique()}`;
      return {
        method: 'POST',
        path: '/api/categories',
        body: {
          kind: 'concern',
          code,
          nameZh: '矩阵类别',
          nameEn: 'Matrix category',
          acceptWithinMinutes: 30,
          resolveWithin: { value: 24, unit: 'open_hours' },
          followUpRequired: false,
          publicArea: false,
        },
        rows: sql(`SELECT count(*)::int AS n FROM category WHERE code = $1`, [code]),
      };
    },
    'PATCH /api/categories/:id': () => ({
      method: 'PATCH',
      path: `/api/categories/${w.spareCategory.id}`,
      body: { nameEn: `Matrix ${unique()}` },
      rows: sql(`SELECT * FROM category WHERE id = $1`, [w.spareCategory.id]),
    }),

    'POST /api/photos': () => ({ method: 'POST', path: '/api/photos', file: png }),
    'GET /api/photos/:id': ({ p }) => ({ method: 'GET', path: `/api/photos/${p.photoId}` }),
    'POST /api/cases': ({ caller, p }) => {
      const description = `矩阵新请求 ${unique()}`;
      return {
        method: 'POST',
        path: '/api/cases',
        body: {
          categoryId: w.category.id,
          description,
          compoundId: p.compound.id,
          deskId: p.desk.id,
          ...(caller === 'resident' ? {} : { residentId: p.resident.id }),
        },
        bodyTarget: true,
        rows: sql(`SELECT count(*)::int AS n FROM service_case WHERE description = $1`, [
          description,
        ]),
      };
    },
    'GET /api/cases': ({ p }) => ({
      method: 'GET',
      path: '/api/cases',
      query: { q: p.probe.number, pageSize: 200 },
      holds: holdsId(p.probe.id),
    }),
    'GET /api/cases/:id': ({ p }) => ({ method: 'GET', path: `/api/cases/${p.probe.id}` }),
    // The own probe case was assigned and escalated with an internal note (see matrix-world.ts):
    // staff see that side of the timeline, the resident does not.
    'GET /api/cases/:id/events': ({ caller, target, p }) => ({
      method: 'GET',
      path: `/api/cases/${p.probe.id}/events`,
      check: (body) => {
        if (target !== 'own') return;
        const text = JSON.stringify(body);
        const types = (body as { type: string }[]).map((e) => e.type);
        if (caller === 'resident') {
          expect(types).not.toContain('escalated');
          expect(text).not.toContain(INTERNAL_NOTE);
          expect(text).not.toContain(p.staffer.id);
        } else {
          expect(types).toEqual(expect.arrayContaining(['assigned', 'escalated']));
          expect(text).toContain(INTERNAL_NOTE);
        }
      },
    }),
    'POST /api/cases/:id/transitions': async (r) => {
      const c = await freshCase(r);
      return {
        method: 'POST',
        path: `/api/cases/${c.id}/transitions`,
        body: { action: 'accept', version: c.version },
        rows: caseRow(c.id),
      };
    },
    'POST /api/cases/:id/assign': async (r) => {
      const c = await freshCase(r);
      return {
        method: 'POST',
        path: `/api/cases/${c.id}/assign`,
        body: { assigneeId: r.p.staffer.id, version: c.version },
        rows: caseRow(c.id),
      };
    },
    'POST /api/cases/:id/transfer': async (r) => {
      const c = await freshCase(r);
      return {
        method: 'POST',
        path: `/api/cases/${c.id}/transfer`,
        body: { deskId: r.p.spareDesk.id, version: c.version, note: '转给本社区另一个岗' },
        rows: caseRow(c.id),
      };
    },
    'POST /api/cases/:id/transfer #to the target desk': async (r) => {
      const own = w.places.own;
      const c = await fileCase(t, { ...own, desk: own.spareDesk }, w.category);
      return {
        method: 'POST',
        path: `/api/cases/${c.id}/transfer`,
        body: { deskId: r.p.desk.id, version: c.version, note: '转交' },
        bodyTarget: true,
        rows: caseRow(c.id),
      };
    },
    'POST /api/cases/:id/escalate': async (r) => {
      const c = await freshCase(r);
      return {
        method: 'POST',
        path: `/api/cases/${c.id}/escalate`,
        body: { version: c.version, note: '需要社区协调' },
        rows: caseRow(c.id),
      };
    },
    'GET /api/cases/:id/repeat-candidates': ({ p }) => ({
      method: 'GET',
      path: `/api/cases/${p.probe.id}/repeat-candidates`,
    }),
    'POST /api/cases/:id/repeat': async (r) => {
      const c = await freshCase(r);
      return {
        method: 'POST',
        path: `/api/cases/${c.id}/repeat`,
        body: { decision: 'dismiss', version: c.version },
        rows: caseRow(c.id),
      };
    },
    'GET /api/cases/:id/contact': ({ p }) => ({
      method: 'GET',
      path: `/api/cases/${p.probe.id}/contact`,
      check: (body) => expect(body).toMatchObject({ source: 'resident', phone: p.resident.phone }),
      rows: contactReads(p.resident.id),
    }),
    'GET /api/cases/:id/parties/:index/contact': async ({ p }) => {
      const c = await mediatedCase(p);
      return {
        method: 'GET',
        path: `/api/cases/${c.id}/parties/0/contact`,
        check: (body) => expect(body).toMatchObject({ source: 'party', phone: '13611112222' }),
        rows: contactReads(c.id),
      };
    },
    'GET /api/follow-ups': async ({ p }) => {
      const { followUpId } = await probeFollowUp(p);
      return {
        method: 'GET',
        path: '/api/follow-ups',
        query: { pageSize: 200 },
        holds: holdsId(followUpId),
      };
    },
    'GET /api/follow-ups/:id': async ({ p }) => ({
      method: 'GET',
      path: `/api/follow-ups/${(await probeFollowUp(p)).followUpId}`,
    }),
    'POST /api/follow-ups/:id/attempts': async ({ p }) => {
      const { followUpId } = await resolvedWithFollowUp(p);
      return {
        method: 'POST',
        path: `/api/follow-ups/${followUpId}/attempts`,
        body: { method: 'phone', outcome: 'unreachable' },
        rows: sql(`SELECT count(*)::int AS n FROM follow_up_attempt WHERE task_id = $1`, [
          followUpId,
        ]),
      };
    },
    'POST /api/follow-ups/:id/assign': async ({ p }) => {
      const { followUpId } = await resolvedWithFollowUp(p);
      return {
        method: 'POST',
        path: `/api/follow-ups/${followUpId}/assign`,
        body: { assigneeId: p.staffer.id },
        rows: sql(`SELECT assignee_id FROM follow_up_task WHERE id = $1`, [followUpId]),
      };
    },
    'POST /api/follow-up-attempts/:id/appeal': async ({ p }) => {
      const attemptId = await dissatisfiedAttempt(p);
      return {
        method: 'POST',
        path: `/api/follow-up-attempts/${attemptId}/appeal`,
        body: { reason: '评价针对物业收费，不属社区职责', evidence: '通话记录' },
        rows: sql(`SELECT count(*)::int AS n FROM follow_up_appeal WHERE attempt_id = $1`, [
          attemptId,
        ]),
      };
    },
    'GET /api/follow-up-appeals': async ({ p }) => {
      const appealId = await probeAppeal(p);
      return {
        method: 'GET',
        path: '/api/follow-up-appeals',
        query: { status: 'pending', pageSize: 200 },
        holds: holdsId(appealId),
      };
    },
    'POST /api/follow-up-appeals/:id/decision': async ({ p }) => {
      const attemptId = await dissatisfiedAttempt(p);
      const filed = await t.http
        .post(`/api/follow-up-attempts/${attemptId}/appeal`)
        .set('Authorization', p.staffAuth)
        .send({ reason: '恶意差评', evidence: '邻里证言' });
      expect(filed.status).toBe(201);
      const appealId = (filed.body as { id: string }).id;
      return {
        method: 'POST',
        path: `/api/follow-up-appeals/${appealId}/decision`,
        body: { decision: 'upheld', reason: '经核实属实' },
        rows: sql(`SELECT status, decided_by_id FROM follow_up_appeal WHERE id = $1`, [appealId]),
      };
    },
    'GET /api/communities/:id/follow-up-summary': ({ p }) => ({
      method: 'GET',
      path: `/api/communities/${p.community.id}/follow-up-summary`,
    }),
    'POST /api/cases/:id/rating': async ({ p }) => {
      const { caseId } = await resolvedWithFollowUp(p);
      return {
        method: 'POST',
        path: `/api/cases/${caseId}/rating`,
        body: { satisfaction: 'satisfied', solved: 'yes', comment: '谢谢' },
        rows: sql(`SELECT count(*)::int AS n FROM follow_up_attempt WHERE case_id = $1`, [caseId]),
      };
    },
    'GET /api/cases/:id/follow-up': async ({ p }) => ({
      method: 'GET',
      path: `/api/cases/${(await probeFollowUp(p)).caseId}/follow-up`,
    }),
    'GET /api/rating-invitations': () => ({ method: 'GET', path: '/api/rating-invitations' }),
    'GET /api/me/notifications': () => ({ method: 'GET', path: '/api/me/notifications' }),
    'GET /api/me/notifications/unread': () => ({
      method: 'GET',
      path: '/api/me/notifications/unread',
    }),
    'POST /api/me/notifications/seen': () => ({
      method: 'POST',
      path: '/api/me/notifications/seen',
      body: { upTo: '1' },
    }),
    'GET /api/communities/:id/council': ({ p }) => ({
      method: 'GET',
      path: `/api/communities/${p.community.id}/council`,
    }),
    'PATCH /api/communities/:id/council': ({ p }) => ({
      method: 'PATCH',
      path: `/api/communities/${p.community.id}/council`,
      body: { supportMinimum: 10 + day++ },
      rows: sql(`SELECT support_minimum FROM council WHERE community_id = $1`, [p.community.id]),
    }),
    'POST /api/communities/:id/council/members': ({ p }) => ({
      method: 'POST',
      path: `/api/communities/${p.community.id}/council/members`,
      body: {
        kind: 'other',
        role: 'member',
        name: `派出所民警${unique()}`.slice(0, 64),
        organisation: '派出所',
        termStart: '2026-01-01',
      },
      rows: sql(`SELECT count(*)::int AS n FROM council_member WHERE community_id = $1`, [
        p.community.id,
      ]),
    }),
    'PATCH /api/council-members/:id': async ({ p }) => {
      const id = await councilMember(p);
      return {
        method: 'PATCH',
        path: `/api/council-members/${id}`,
        body: { organisation: `物业公司${unique()}`.slice(0, 64) },
        rows: sql(`SELECT organisation FROM council_member WHERE id = $1`, [id]),
      };
    },
    'GET /api/communities/:id/participation': ({ p }) => ({
      method: 'GET',
      path: `/api/communities/${p.community.id}/participation`,
    }),
    'GET /api/metrics/communities': ({ p }) => ({
      method: 'GET',
      path: '/api/metrics/communities?from=2026-01-01&to=2026-12-31',
      holds: (body) =>
        (body as { items: { communityId: string }[] }).items.some(
          (c) => c.communityId === p.community.id,
        ),
    }),
    'GET /api/metrics/communities/:communityId': ({ p }) => ({
      method: 'GET',
      path: `/api/metrics/communities/${p.community.id}?from=2026-01-01&to=2026-12-31`,
    }),
    'GET /api/metrics/communities/:communityId/series': ({ p }) => ({
      method: 'GET',
      path: `/api/metrics/communities/${p.community.id}/series?metric=satisfaction_rate&interval=month&from=2026-01-01&to=2026-12-31`,
    }),
    'GET /api/metrics/communities/:communityId/:metricKey/rows': ({ p }) => ({
      method: 'GET',
      path: `/api/metrics/communities/${p.community.id}/repeat_handling_rate/rows?from=2026-01-01&to=2026-12-31&side=denominator`,
    }),
    'GET /api/communities/:communityId/workforce': async ({ p }) => ({
      method: 'GET',
      path: `/api/communities/${p.community.id}/workforce`,
      query: { pageSize: 200 },
      holds: holdsId(await rosterProbe(p)),
    }),
    'GET /api/communities/:communityId/workforce/export.xlsx': ({ p }) => ({
      method: 'GET',
      path: `/api/communities/${p.community.id}/workforce/export.xlsx`,
      binary: true,
    }),
    'POST /api/communities/:communityId/workforce': ({ p }) => ({
      method: 'POST',
      path: `/api/communities/${p.community.id}/workforce`,
      body: {
        workerNumber: `M${unique()}`,
        name: '矩阵新工',
        birthDate: '1992-03-04',
        hiredOn: '2022-05-06',
        position: '综合岗',
        certified: true,
        education: 'bachelor',
        monthlyPayYuan: 4800,
      },
      rows: rosterCount(p),
    }),
    'POST /api/communities/:communityId/workforce/import': async ({ p }) => ({
      method: 'POST',
      path: `/api/communities/${p.community.id}/workforce/import`,
      file: await rosterFile(),
      rows: rosterCount(p),
    }),
    'GET /api/workforce/:id': async ({ p }) => ({
      method: 'GET',
      path: `/api/workforce/${await rosterProbe(p)}`,
    }),
    'PATCH /api/workforce/:id': async ({ p }) => {
      const id = await rosterEntry(p);
      return {
        method: 'PATCH',
        path: `/api/workforce/${id}`,
        body: { version: 1, name: '改过的名字' },
        rows: sql(`SELECT * FROM workforce_entry WHERE id = $1`, [id]),
      };
    },
    'POST /api/workforce/:id/leave': async ({ p }) => {
      const id = await rosterEntry(p);
      return {
        method: 'POST',
        path: `/api/workforce/${id}/leave`,
        body: { leftOn: '2024-01-01', reason: '矩阵' },
        rows: sql(`SELECT * FROM workforce_entry WHERE id = $1`, [id]),
      };
    },
    'GET /api/rating-grades': async ({ p }) => ({
      method: 'GET',
      path: '/api/rating-grades',
      holds: holdsId(await gradeProbe(p)),
    }),
    'GET /api/rating-grades/import-template.xlsx': () => ({
      method: 'GET',
      path: '/api/rating-grades/import-template.xlsx',
      binary: true,
    }),
    'POST /api/rating-grades/import': async () => ({
      method: 'POST',
      path: '/api/rating-grades/import',
      file: await gradesFile(w.places.own.community.code),
      rows: sql(`SELECT * FROM rating_grade WHERE year = 2016 ORDER BY id`, []),
    }),
    'GET /api/communities/:communityId/rating-history': async ({ p }) => {
      const id = await gradeProbe(p);
      return {
        method: 'GET',
        path: `/api/communities/${p.community.id}/rating-history`,
        check: (body) =>
          expect((body as { years: { id: string }[] }).years.map((y) => y.id)).toContain(id),
      };
    },
    'GET /api/me/community-rating': () => ({
      method: 'GET',
      path: '/api/me/community-rating',
      check: (body) =>
        expect((body as { communityId: string }).communityId).toBe(w.places.own.community.id),
    }),
    'GET /api/council-overview': ({ p }) => ({
      method: 'GET',
      path: '/api/council-overview',
      holds: (body) =>
        (body as { communities: { communityId: string }[] }).communities.some(
          (c) => c.communityId === p.community.id,
        ),
    }),
    'POST /api/proposals': ({ caller, p }) => {
      const title = `矩阵新议题 ${unique()}`;
      return {
        method: 'POST',
        path: '/api/proposals',
        body: {
          title,
          description: '矩阵新议题的说明文字',
          topic: 'greening',
          ...(caller === 'resident'
            ? { compoundId: p.compound.id }
            : { authorResidentId: p.resident.id }),
        },
        bodyTarget: true,
        rows: sql(`SELECT count(*)::int AS n FROM proposal WHERE title = $1`, [title]),
      };
    },
    'POST /api/proposals/from-cases': async (r) => {
      const c = await freshCase(r);
      return {
        method: 'POST',
        path: '/api/proposals/from-cases',
        body: {
          caseIds: [c.id],
          title: `矩阵议事 ${unique()}`,
          description: '从居民诉求提交议事会的矩阵探针',
          topic: 'environment',
        },
        bodyTarget: true,
        rows: sql(`SELECT count(*)::int AS n FROM proposal_case WHERE case_id = $1`, [c.id]),
      };
    },
    'GET /api/proposals': async ({ p }) => {
      const probe = await probeProposal(p);
      return {
        method: 'GET',
        path: '/api/proposals',
        query: { q: probe.number },
        holds: holdsId(probe.id),
      };
    },
    // Residents read the proposal without the staff's case links, the author's name masked
    // unless it is theirs.
    'GET /api/proposals/:id': async ({ caller, target, p }) => {
      const probe = await probeProposal(p);
      return {
        method: 'GET',
        path: `/api/proposals/${probe.id}`,
        check: (body) => {
          const d = body as { authorName: string; authorResidentId: string | null };
          if (caller !== 'resident') expect(d.authorName).toBe(p.resident.name);
          else if (target === 'own') expect(d.authorResidentId).toBe(p.resident.id);
          else expect(d.authorName).not.toBe(p.resident.name);
        },
      };
    },
    'GET /api/proposals/:id/events': async ({ p }) => ({
      method: 'GET',
      path: `/api/proposals/${(await probeProposal(p)).id}/events`,
    }),
    'GET /api/proposals/:id/similar': async ({ p }) => ({
      method: 'GET',
      path: `/api/proposals/${(await probeProposal(p)).id}/similar`,
    }),
    // The probe's own words: it is the most similar, whatever else the place holds.
    'GET /api/proposals/similar': async ({ p }) => {
      const probe = await probeProposal(p);
      const [row] = (await t.ds.query('SELECT title, description FROM proposal WHERE id = $1', [
        probe.id,
      ])) as { title: string; description: string }[];
      return {
        method: 'GET',
        path: '/api/proposals/similar',
        query: { communityId: p.community.id, title: row!.title, description: row!.description },
        holds: (body) =>
          Array.isArray(body) &&
          (body as { proposalId: string }[]).some((x) => x.proposalId === probe.id),
      };
    },
    'GET /api/proposals/:id/photos/:photoId': async ({ p }) => {
      const probe = await probeProposal(p);
      return {
        method: 'GET',
        path: `/api/proposals/${probe.id}/photos/${probe.photoId}`,
        binary: true,
      };
    },
    'GET /api/proposals/:id/comments': async ({ p }) => ({
      method: 'GET',
      path: `/api/proposals/${(await probeProposal(p)).id}/comments`,
    }),
    'PATCH /api/proposals/:id': async ({ p }) => {
      const proposal = await freshProposal(p, 'submitted');
      return {
        method: 'PATCH',
        path: `/api/proposals/${proposal.id}`,
        body: { version: proposal.version, title: `改过的矩阵议题 ${unique()}` },
        rows: proposalRow(proposal.id),
      };
    },
    'POST /api/proposals/:id/transitions': async ({ p }) => {
      const proposal = await freshProposal(p, 'submitted');
      return {
        method: 'POST',
        path: `/api/proposals/${proposal.id}/transitions`,
        body: { action: 'start_screening', version: proposal.version },
        rows: proposalRow(proposal.id),
      };
    },
    'POST /api/proposals/:id/transitions #the author submits': async ({ p }) => {
      const res = await t.http
        .post('/api/proposals')
        .set('Authorization', await residentAuthOf(p))
        .send({
          title: `居民草稿 ${unique()}`,
          description: '居民自己写的议题草稿',
          topic: 'other',
        });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return {
        method: 'POST',
        path: `/api/proposals/${res.body.id}/transitions`,
        body: { action: 'submit', version: res.body.version },
        rows: proposalRow(res.body.id as string),
      };
    },
    // The caller's own upload (the resident's for an anonymous caller), so the draft decides.
    'POST /api/proposals/:id/photos': async ({ caller, p }) => {
      const { id, auth } = await residentDraft(p);
      const photo = await t.http
        .post('/api/photos')
        .set('Authorization', caller === 'anonymous' ? auth : w.auth[caller])
        .attach('file', png, { filename: 'draft.png', contentType: 'image/png' });
      expect(photo.status, JSON.stringify(photo.body)).toBe(201);
      return {
        method: 'POST',
        path: `/api/proposals/${id}/photos`,
        body: { photoIds: [photo.body.id] },
        rows: draftPhotos(id),
      };
    },
    'DELETE /api/proposals/:id/photos/:photoId': async ({ p }) => {
      const { id, photoId } = await residentDraft(p, true);
      return {
        method: 'DELETE',
        path: `/api/proposals/${id}/photos/${photoId}`,
        rows: draftPhotos(id),
      };
    },
    'POST /api/proposals/:id/merge': async ({ p }) => {
      const from = await freshProposal(p, 'submitted');
      const into = await freshProposal(p, 'submitted');
      return {
        method: 'POST',
        path: `/api/proposals/${from.id}/merge`,
        body: { intoId: into.id, version: from.version },
        rows: proposalRow(from.id),
      };
    },
    'POST /api/proposals/:id/support': async ({ p }) => {
      const proposal = await freshProposal(p, 'open', await neighbourAuthor(p));
      return {
        method: 'POST',
        path: `/api/proposals/${proposal.id}/support`,
        rows: supportRow(proposal.id),
      };
    },
    'DELETE /api/proposals/:id/support': async (r) => {
      const proposal = await freshProposal(r.p, 'open', await neighbourAuthor(r.p));
      await asResidentFirst(r, `/api/proposals/${proposal.id}/support`);
      return {
        method: 'DELETE',
        path: `/api/proposals/${proposal.id}/support`,
        rows: supportRow(proposal.id),
      };
    },
    'POST /api/proposals/:id/follow': async ({ p }) => {
      const proposal = await freshProposal(p);
      return {
        method: 'POST',
        path: `/api/proposals/${proposal.id}/follow`,
        rows: followerRow(proposal.id),
      };
    },
    'DELETE /api/proposals/:id/follow': async (r) => {
      const proposal = await freshProposal(r.p);
      await asResidentFirst(r, `/api/proposals/${proposal.id}/follow`);
      return {
        method: 'DELETE',
        path: `/api/proposals/${proposal.id}/follow`,
        rows: followerRow(proposal.id),
      };
    },
    'POST /api/proposals/:id/comments': async ({ p }) => {
      const probe = await probeProposal(p);
      return {
        method: 'POST',
        path: `/api/proposals/${probe.id}/comments`,
        body: { body: `矩阵评论 ${unique()}` },
        rows: sql(`SELECT count(*)::int AS n FROM proposal_comment WHERE proposal_id = $1`, [
          probe.id,
        ]),
      };
    },
    'POST /api/proposal-comments/:id/hide': async ({ p }) => {
      const probe = await probeProposal(p);
      const c = await t.http
        .post(`/api/proposals/${probe.id}/comments`)
        .set('Authorization', p.staffAuth)
        .send({ body: '待隐藏的矩阵评论' });
      expect(c.status).toBe(201);
      return {
        method: 'POST',
        path: `/api/proposal-comments/${c.body.id}/hide`,
        body: { reason: '矩阵：违反议事规则' },
        rows: sql(`SELECT hidden_at FROM proposal_comment WHERE id = $1`, [c.body.id]),
      };
    },
    'POST /api/communities/:id/meetings': ({ p }) => {
      const title = `矩阵会议 ${unique()}`;
      return {
        method: 'POST',
        path: `/api/communities/${p.community.id}/meetings`,
        body: { title, startsAt: '2026-12-11T19:30:00+08:00', place: '会议室' },
        rows: sql(`SELECT count(*)::int AS n FROM meeting WHERE title = $1`, [title]),
      };
    },
    'GET /api/communities/:id/meetings': async ({ p }) => {
      const id = await probeMeeting(p);
      return {
        method: 'GET',
        path: `/api/communities/${p.community.id}/meetings`,
        holds: holdsId(id),
      };
    },
    'GET /api/meetings/:id': async ({ p }) => ({
      method: 'GET',
      path: `/api/meetings/${await probeMeeting(p)}`,
    }),
    'PATCH /api/meetings/:id': async ({ p }) => {
      const m = await freshMeeting(p);
      return {
        method: 'PATCH',
        path: `/api/meetings/${m.id}`,
        body: { version: m.version, place: `改过的会议室 ${unique()}` },
        rows: meetingRow(m.id),
      };
    },
    'POST /api/meetings/:id/agenda': async ({ p }) => {
      const proposal = await freshProposal(p);
      await t.ds.query('UPDATE proposal SET ready_at = now() WHERE id = $1', [proposal.id]);
      const m = await freshMeeting(p);
      return {
        method: 'POST',
        path: `/api/meetings/${m.id}/agenda`,
        body: { proposalId: proposal.id },
        rows: async () => [await meetingRow(m.id)(), await proposalRow(proposal.id)()],
      };
    },
    'DELETE /api/meetings/:id/agenda/:itemId': async ({ p }) => {
      const m = await meetingWithItem(p);
      return {
        method: 'DELETE',
        path: `/api/meetings/${m.id}/agenda/${m.itemId}`,
        rows: meetingRow(m.id),
      };
    },
    'POST /api/meetings/:id/attendance': async ({ p }) => {
      const memberId = await councilMember(p);
      const m = await freshMeeting(p);
      return {
        method: 'POST',
        path: `/api/meetings/${m.id}/attendance`,
        body: { memberId },
        rows: meetingRow(m.id),
      };
    },
    'POST /api/meetings/:id/agenda/:itemId/votes': async ({ p }) => {
      const m = await quorateMeeting(p);
      return {
        method: 'POST',
        path: `/api/meetings/${m.id}/agenda/${m.itemId}/votes`,
        body: { memberId: m.memberId, choice: 'for' },
        rows: meetingRow(m.id),
      };
    },
    'POST /api/meetings/:id/agenda/:itemId/decide': async ({ p }) => {
      const m = await quorateMeeting(p);
      return {
        method: 'POST',
        path: `/api/meetings/${m.id}/agenda/${m.itemId}/decide`,
        body: {},
        rows: meetingRow(m.id),
      };
    },
    'POST /api/meetings/:id/close': async ({ p }) => {
      const m = await freshMeeting(p);
      return {
        method: 'POST',
        path: `/api/meetings/${m.id}/close`,
        body: { version: m.version, minutes: '矩阵会议纪要' },
        rows: meetingRow(m.id),
      };
    },
    'GET /api/proposals/:id/implementation': async ({ p }) => ({
      method: 'GET',
      path: `/api/proposals/${(await probeBuild(p)).id}/implementation`,
    }),
    'POST /api/proposals/:id/implementation': async ({ p }) => {
      const id = await adoptedProposal(p);
      return {
        method: 'POST',
        path: `/api/proposals/${id}/implementation`,
        body: { ownerName: '矩阵物业', plan: '矩阵探针项目的实施计划' },
        rows: buildRow(id),
      };
    },
    'POST /api/proposals/:id/milestones': async ({ p }) => {
      const { id } = await buildingProposal(p);
      return {
        method: 'POST',
        path: `/api/proposals/${id}/milestones`,
        body: { title: `矩阵节点 ${unique()}`, plannedOn: '2027-02-01' },
        rows: buildRow(id),
      };
    },
    'POST /api/proposals/:id/milestones/:milestoneId/done': async ({ p }) => {
      const { id, milestoneId } = await buildingProposal(p);
      return {
        method: 'POST',
        path: `/api/proposals/${id}/milestones/${milestoneId}/done`,
        rows: buildRow(id),
      };
    },
    'POST /api/proposals/:id/progress': async ({ p }) => {
      const { id } = await buildingProposal(p);
      return {
        method: 'POST',
        path: `/api/proposals/${id}/progress`,
        body: { note: `矩阵进度 ${unique()}` },
        rows: buildRow(id),
      };
    },
    'POST /api/proposals/:id/complete': async ({ p }) => {
      const { id } = await buildingProposal(p);
      return {
        method: 'POST',
        path: `/api/proposals/${id}/complete`,
        body: {},
        rows: buildRow(id),
      };
    },
    'POST /api/proposals/:id/evaluation': async (r) => {
      const id = await adoptedProposal(r.p);
      await t.ds.query(`UPDATE proposal SET status = 'completed' WHERE id = $1`, [id]);
      // The own place's resident, whose token residents call with, is asked where they live.
      const asked = r.target === 'own' || r.target === 'otherCompound';
      if (asked)
        await t.ds.query(
          `INSERT INTO follow_up_task (proposal_id, community_id, resident_id, status, round, due_at, first_due_at)
           VALUES ($1, $2, $3, 'open', 1, now() + interval '14 days', now() + interval '14 days')`,
          [id, r.p.community.id, w.places.own.resident.id],
        );
      return {
        method: 'POST',
        path: `/api/proposals/${id}/evaluation`,
        body: { satisfaction: 'satisfied', solved: 'yes' },
        rows: sql(
          `SELECT count(*)::int AS n FROM follow_up_attempt a JOIN follow_up_task k ON k.id = a.task_id
            WHERE k.proposal_id = $1`,
          [id],
        ),
      };
    },
    'GET /api/proposals/:id/evaluation': async (r) => {
      const id = await adoptedProposal(r.p);
      await t.ds.query(`UPDATE proposal SET status = 'completed' WHERE id = $1`, [id]);
      // As for the answer: the own place's resident is asked where they live.
      if (r.target === 'own' || r.target === 'otherCompound')
        await t.ds.query(
          `INSERT INTO follow_up_task (proposal_id, community_id, resident_id, status, round, due_at, first_due_at)
           VALUES ($1, $2, $3, 'open', 1, now() + interval '14 days', now() + interval '14 days')`,
          [id, r.p.community.id, w.places.own.resident.id],
        );
      return { method: 'GET', path: `/api/proposals/${id}/evaluation` };
    },
    'GET /api/evaluation-invitations': () => ({
      method: 'GET',
      path: '/api/evaluation-invitations',
    }),
    'PUT /api/cases/:id/mediation': async (r) => {
      const c = await freshCase(r, w.dispute);
      return {
        method: 'PUT',
        path: `/api/cases/${c.id}/mediation`,
        body: {
          parties: [{ name: '甲', role: '楼上住户' }],
          mediatorName: '调解员老周',
          sessions: [],
          version: c.version,
        },
        rows: async () => [
          await caseRow(c.id)(),
          await sql(`SELECT * FROM case_mediation WHERE case_id = $1`, [c.id])(),
        ],
      };
    },
    'POST /api/rating-runs': async () => {
      const m = await runs();
      const year = m.freshYear();
      return {
        method: 'POST',
        path: '/api/rating-runs',
        body: {
          year,
          ratingDate: `${year + 1}-01-05`,
          frameworkId: m.frameworkId,
          objectionWindowDays: 7,
        },
        rows: sql(`SELECT count(*)::int AS n FROM rating_run WHERE year = $1`, [year]),
      };
    },
    'GET /api/rating-runs': async () => {
      const m = await runs();
      return { method: 'GET', path: '/api/rating-runs', holds: holdsId(m.reviewRunId) };
    },
    'GET /api/rating-runs/:id': async () => {
      const m = await runs();
      return { method: 'GET', path: `/api/rating-runs/${m.reviewRunId}` };
    },
    'POST /api/rating-runs/:id/freeze': async () => {
      const id = await (await runs()).run('draft');
      return {
        method: 'POST',
        path: `/api/rating-runs/${id}/freeze`,
        body: { acceptMissing: true },
        rows: runRow(id),
      };
    },
    'POST /api/rating-runs/:id/compute': async () => {
      const id = await (await runs()).run('frozen');
      return { method: 'POST', path: `/api/rating-runs/${id}/compute`, body: {}, rows: runRow(id) };
    },
    'POST /api/rating-runs/:id/open-review': async () => {
      const id = await (await runs()).run('computed');
      return {
        method: 'POST',
        path: `/api/rating-runs/${id}/open-review`,
        body: {},
        rows: runRow(id),
      };
    },
    'POST /api/rating-runs/:id/publish': async () => {
      const id = await (await runs()).run('computed', 0);
      return { method: 'POST', path: `/api/rating-runs/${id}/publish`, body: {}, rows: runRow(id) };
    },
    'POST /api/rating-runs/:id/cancel': async () => {
      const id = await (await runs()).run('draft');
      return {
        method: 'POST',
        path: `/api/rating-runs/${id}/cancel`,
        body: { reason: '矩阵' },
        rows: runRow(id),
      };
    },
    'GET /api/rating-runs/:id/snapshots/:version/diff': async () => {
      const m = await runs();
      return {
        method: 'GET',
        path: `/api/rating-runs/${m.reviewRunId}/snapshots/2/diff?against=1`,
      };
    },
    'GET /api/rating-runs/:id/objections': async ({ p }) => {
      const m = await runs();
      const id = await m.objection(p);
      return {
        method: 'GET',
        path: `/api/rating-runs/${m.reviewRunId}/objections`,
        holds: holdsId(id),
      };
    },
    'POST /api/rating-runs/:id/objections': async ({ p }) => {
      const m = await runs();
      const body = `复核${unique()}`;
      return {
        method: 'POST',
        path: `/api/rating-runs/${m.reviewRunId}/objections`,
        body: { communityId: p.community.id, body },
        bodyTarget: true,
        rows: sql(`SELECT count(*)::int AS n FROM rating_objection WHERE body = $1`, [body]),
      };
    },
    'POST /api/rating-objections/:id/answer': async ({ p }) => {
      const id = await (await runs()).objection(p);
      return {
        method: 'POST',
        path: `/api/rating-objections/${id}/answer`,
        body: { decision: 'rejected', answer: '经核实维持原结果' },
        rows: sql(`SELECT status, version FROM rating_objection WHERE id = $1`, [id]),
      };
    },
  };
}

type RatingAssessKey = Extract<
  RouteKey,
  `${string} /api/rating-${'frameworks' | 'campaigns' | 'assessments' | 'disqualifications'}${string}`
>;

/** The rating's assessments part (issue 12): frameworks, campaigns, scores, disqualifications. */
function ratingAssessCalls(
  t: TestContext,
  w: MatrixWorld,
  png: Buffer,
): Record<RatingAssessKey, (r: Row) => Call | Promise<Call>> {
  let world: Promise<RatingAssessWorld> | undefined;
  const ra = () => (world ??= ratingAssessWorld(t, w));
  const sql = (query: string, params: unknown[]) => () => t.ds.query(query, params);
  const kinds = [
    'district_inspection',
    'third_party_monitoring',
    'street_cross_inspection',
  ] as const;
  type Kind = (typeof kinds)[number];
  let spread = 0;
  /** The caller's own kind; callers who score nothing get each kind in turn. */
  const kindOf = (caller: Caller): Kind =>
    caller === 'bureau_admin'
      ? 'district_inspection'
      : caller === 'monitor'
        ? 'third_party_monitoring'
        : caller === 'street_admin'
          ? 'street_cross_inspection'
          : kinds[spread++ % 3]!;
  // Index 0 of each kind's keys is left to the upserts, index 1 to the read-only probes.
  const nextKey = new Map<string, number>();
  const freshKey = async (communityId: string, kind: Kind) => {
    const at = `${communityId}|${kind}`;
    const i = nextKey.get(at) ?? 2;
    nextKey.set(at, i + 1);
    const key = (await ra()).keys[kind][i];
    if (!key) throw new Error(`the matrix ran out of ${kind} indicators`);
    return key;
  };
  const insertScore = async (
    communityId: string,
    kind: Kind,
    key: string,
    status: 'draft' | 'submitted',
  ): Promise<string> => {
    const [row] = (await t.ds.query(
      `INSERT INTO rating_assessment (campaign_id, community_id, indicator_key, assessor_kind, score,
         status, submitted_at, entered_by_name, entered_by_role)
       VALUES ($1, $2, $3, $4, 0.5, $5::varchar, CASE WHEN $5::varchar = 'submitted' THEN now() END, 'matrix', 'matrix')
       RETURNING id`,
      [(await ra()).campaignId, communityId, key, kind, status],
    )) as { id: string }[];
    return row!.id;
  };
  const probes = new Map<string, Promise<{ id: string; evidenceId: string }>>();
  /** A submitted score of the kind with one evidence file, that only reads use. */
  const probe = (communityId: string, kind: Kind) => {
    const at = `${communityId}|${kind}`;
    let p = probes.get(at);
    if (!p) {
      p = (async () => {
        const id = await insertScore(communityId, kind, (await ra()).keys[kind][1]!, 'submitted');
        const evidenceId = randomUUID();
        const storageKey = `${evidenceId.slice(0, 2)}/${evidenceId}`;
        await t.app.get<PhotoStorage>(PHOTO_STORAGE).put(storageKey, png);
        await t.ds.query(
          `INSERT INTO rating_assessment_evidence (id, assessment_id, kind, file_name, content_type,
             size_bytes, storage_key, sha256, uploaded_by_name)
           VALUES ($1, $2, 'photo', 'probe.png', 'image/png', $3, $4, 'x', 'matrix')`,
          [evidenceId, id, png.length, storageKey],
        );
        return { id, evidenceId };
      })();
      probes.set(at, p);
    }
    return p;
  };
  const scoreRow = (id: string) =>
    sql(
      `SELECT status, score::float8 AS score, version,
         (SELECT count(*)::int FROM rating_assessment_correction c WHERE c.assessment_id = a.id) AS corrections,
         (SELECT count(*)::int FROM rating_assessment_evidence e WHERE e.assessment_id = a.id) AS evidence
       FROM rating_assessment a WHERE id = $1`,
      [id],
    );
  let years = 2000;
  /** A campaign of a year of its own, for the writes that change a campaign's plan. */
  const spareCampaign = async () => {
    const [c] = (await t.ds.query(
      `INSERT INTO rating_campaign (year, framework_id, created_by_name) VALUES ($1, $2, 'matrix') RETURNING id`,
      [++years, (await ra()).frameworkId],
    )) as { id: string }[];
    return c!.id;
  };
  const campaignRow = (id: string) =>
    sql(
      `SELECT version,
         (SELECT count(*)::int FROM rating_campaign_assignment g WHERE g.campaign_id = c.id) AS assignments,
         (SELECT count(*)::int FROM rating_cross_inspection x WHERE x.campaign_id = c.id) AS plan
       FROM rating_campaign c WHERE id = $1`,
      [id],
    );
  const freshFramework = () => ({
    ...sampleFramework2022,
    id: `matrix-${unique()}`,
    version: '1',
    sample: false,
  });
  let disqYears = 2000;
  const items = (body: unknown): { id?: string; communityId?: string }[] =>
    Array.isArray(body) ? (body as { id: string }[]) : [];

  return {
    'GET /api/rating-frameworks': () => ({ method: 'GET', path: '/api/rating-frameworks' }),
    'GET /api/rating-frameworks/:id': async () => ({
      method: 'GET',
      path: `/api/rating-frameworks/${(await ra()).frameworkId}`,
    }),
    'POST /api/rating-frameworks': () => {
      const definition = freshFramework();
      return {
        method: 'POST',
        path: '/api/rating-frameworks',
        body: { definition },
        rows: sql('SELECT count(*)::int AS n FROM rating_framework WHERE framework_key = $1', [
          definition.id,
        ]),
      };
    },
    'PUT /api/rating-frameworks/:id': async () => {
      const definition = freshFramework();
      const [f] = (await t.ds.query(
        `INSERT INTO rating_framework (framework_key, version, name_zh, name_en, effective_year, definition, created_by_name)
         VALUES ($1, '1', 'x', 'x', 2022, $2::jsonb, 'matrix') RETURNING id`,
        [definition.id, JSON.stringify(definition)],
      )) as { id: string }[];
      return {
        method: 'PUT',
        path: `/api/rating-frameworks/${f!.id}`,
        body: {
          definition: { ...definition, name: { zh: '矩阵改名', en: 'Renamed' } },
          revision: 1,
        },
        rows: sql('SELECT revision, name_zh FROM rating_framework WHERE id = $1', [f!.id]),
      };
    },
    'POST /api/rating-campaigns': async () => {
      const year = ++years;
      return {
        method: 'POST',
        path: '/api/rating-campaigns',
        body: { year, frameworkId: (await ra()).frameworkId },
        rows: sql('SELECT count(*)::int AS n FROM rating_campaign WHERE year = $1', [year]),
      };
    },
    'GET /api/rating-campaigns': async () => {
      const id = (await ra()).campaignId;
      return {
        method: 'GET',
        path: '/api/rating-campaigns',
        holds: (b) => items(b).some((c) => c.id === id),
      };
    },
    'GET /api/rating-campaigns/:id': async () => ({
      method: 'GET',
      path: `/api/rating-campaigns/${(await ra()).campaignId}`,
    }),
    'PUT /api/rating-campaigns/:id/assignments': async () => {
      const id = await spareCampaign();
      const keys = (await ra()).keys;
      return {
        method: 'PUT',
        path: `/api/rating-campaigns/${id}/assignments`,
        body: {
          assignments: kinds.map((k) => ({ assessorKind: k, indicatorKeys: keys[k].slice(0, 3) })),
        },
        rows: campaignRow(id),
      };
    },
    'PUT /api/rating-campaigns/:id/cross-inspections': async ({ p }) => {
      const id = await spareCampaign();
      const other = p.street.id === w.places.own.street.id ? w.places.otherStreet : w.places.own;
      return {
        method: 'PUT',
        path: `/api/rating-campaigns/${id}/cross-inspections`,
        body: { plan: [{ inspectorStreetId: other.street.id, communityIds: [p.community.id] }] },
        rows: campaignRow(id),
      };
    },
    'POST /api/rating-campaigns/:id/cross-inspections/rotate': async () => ({
      method: 'POST',
      path: `/api/rating-campaigns/${(await ra()).campaignId}/cross-inspections/rotate`,
    }),
    'GET /api/rating-campaigns/:id/progress': async ({ p }) => ({
      method: 'GET',
      path: `/api/rating-campaigns/${(await ra()).campaignId}/progress`,
      holds: (b) =>
        ((b as { rows?: { communityId: string }[] }).rows ?? []).some(
          (r) => r.communityId === p.community.id,
        ),
    }),
    'GET /api/rating-campaigns/:id/tasks': async ({ p }) => ({
      method: 'GET',
      path: `/api/rating-campaigns/${(await ra()).campaignId}/tasks`,
      query: { communityId: p.community.id },
      holds: (b) =>
        ((b as { tasks?: { communityId: string }[] }).tasks ?? []).some(
          (x) => x.communityId === p.community.id,
        ),
    }),
    'PUT /api/rating-campaigns/:id/assessments': async ({ caller, p }) => {
      const kind = kindOf(caller);
      const key = (await ra()).keys[kind][0]!;
      const campaignId = (await ra()).campaignId;
      return {
        method: 'PUT',
        path: `/api/rating-campaigns/${campaignId}/assessments`,
        body: {
          communityId: p.community.id,
          indicatorKey: key,
          score: 0.25,
          notes: `矩阵 ${unique()}`,
        },
        bodyTarget: true,
        rows: sql(
          `SELECT id, version, notes FROM rating_assessment WHERE campaign_id = $1 AND community_id = $2
              AND indicator_key = $3 AND assessor_kind = $4`,
          [campaignId, p.community.id, key, kind],
        ),
      };
    },
    'GET /api/rating-assessments/:id': async ({ caller, p }) => ({
      method: 'GET',
      path: `/api/rating-assessments/${(await probe(p.community.id, kindOf(caller))).id}`,
    }),
    'POST /api/rating-assessments/:id/submit': async ({ caller, p }) => {
      const kind = kindOf(caller);
      const id = await insertScore(
        p.community.id,
        kind,
        await freshKey(p.community.id, kind),
        'draft',
      );
      return { method: 'POST', path: `/api/rating-assessments/${id}/submit`, rows: scoreRow(id) };
    },
    'POST /api/rating-assessments/:id/corrections': async ({ caller, p }) => {
      const kind = kindOf(caller);
      const id = await insertScore(
        p.community.id,
        kind,
        await freshKey(p.community.id, kind),
        'submitted',
      );
      return {
        method: 'POST',
        path: `/api/rating-assessments/${id}/corrections`,
        body: { score: 0, reason: '矩阵更正' },
        rows: scoreRow(id),
      };
    },
    'POST /api/rating-assessments/:id/evidence': async ({ caller, p }) => {
      const kind = kindOf(caller);
      const id = await insertScore(
        p.community.id,
        kind,
        await freshKey(p.community.id, kind),
        'draft',
      );
      return {
        method: 'POST',
        path: `/api/rating-assessments/${id}/evidence`,
        file: png,
        rows: scoreRow(id),
      };
    },
    'GET /api/rating-assessments/:id/evidence/:evidenceId': async ({ caller, p }) => {
      const x = await probe(p.community.id, kindOf(caller));
      return {
        method: 'GET',
        path: `/api/rating-assessments/${x.id}/evidence/${x.evidenceId}`,
        binary: true,
      };
    },
    'GET /api/rating-disqualifications': async ({ p }) => {
      const r = await ra();
      const id = r.disqualifications.get(p.community.id);
      return {
        method: 'GET',
        path: '/api/rating-disqualifications',
        query: { year: r.year },
        holds: (b) => items(b).some((d) => d.id === id),
      };
    },
    'POST /api/rating-disqualifications': ({ p }) => {
      const year = ++disqYears;
      return {
        method: 'POST',
        path: '/api/rating-disqualifications',
        body: {
          year,
          communityId: p.community.id,
          what: '矩阵事故',
          occurredOn: '2026-01-02',
          noticeReference: 'LJ-M-2',
        },
        bodyTarget: true,
        rows: sql(
          'SELECT count(*)::int AS n FROM rating_disqualification WHERE year = $1 AND community_id = $2',
          [year, p.community.id],
        ),
      };
    },
    'POST /api/rating-disqualifications/:id/revoke': async ({ p }) => {
      const [d] = (await t.ds.query(
        `INSERT INTO rating_disqualification (year, community_id, what, occurred_on, notice_reference, recorded_by_name, recorded_at)
         VALUES ($1, $2, '矩阵事故', '2026-01-03', 'LJ-M-3', 'matrix', now()) RETURNING id`,
        [++disqYears, p.community.id],
      )) as { id: string }[];
      return {
        method: 'POST',
        path: `/api/rating-disqualifications/${d!.id}/revoke`,
        body: { reason: '矩阵撤销' },
        rows: sql('SELECT revoked_at FROM rating_disqualification WHERE id = $1', [d!.id]),
      };
    },
  };
}
