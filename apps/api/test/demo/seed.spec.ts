import { type CouncilOverview, type DistrictMetrics, SYSTEM_NOTE_CODES } from '@baitong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/common/logger';
import { loadConfig } from '../../src/config/config';
import { DEFAULT_SEED, DEMO_ACCOUNTS, DEMO_RESIDENT_PHONE } from '../../src/demo/demo-org';
import { demoApiKey } from '../../src/demo/open311';
import { seedDemoIfEmpty } from '../../src/demo/seed';
import { ResidentEntity } from '../../src/people/people.entities';
import { type TestContext, createTestApp } from '../utils/app';
import { expectBriefWorkforce } from './brief-workforce';

let t: TestContext;
let seeded: boolean;
beforeAll(async () => {
  t = await createTestApp({ DEMO_PASSWORD: 'demo-pass-123' });
  const url = (t.ds.options as { url: string }).url;
  seeded = await seedDemoIfEmpty(
    url,
    loadConfig({ NODE_ENV: 'test', DEMO_PASSWORD: 'demo-pass-123' }),
    createLogger('silent'),
    '2026-11-27',
  );
}, 240_000);
afterAll(() => t.close());

async function bureauToken(): Promise<string> {
  const login = await t.http
    .post('/api/auth/staff/login')
    .send({ username: 'bureau', password: 'demo-pass-123' });
  return login.body.accessToken as string;
}

describe('demo data', () => {
  it('loads a Liangjiang-like district into an empty database, and only once', async () => {
    expect(seeded).toBe(true);
    const [counts] = await t.ds
      .query(`SELECT (SELECT count(*) FROM community)::int AS communities, (SELECT count(*) FROM resident)::int AS residents,
      (SELECT count(DISTINCT community_id) FROM desk)::int AS communities_with_desk`);
    expect(counts.communities).toBe(55);
    expect(counts.communities_with_desk).toBe(55);
    expect(counts.residents).toBeGreaterThan(3000);
    const [history] = await t.ds
      .query(`SELECT count(*)::int AS cases, (SELECT count(*)::int FROM case_event) AS events,
      count(*) FILTER (WHERE kind = 'dispute')::int AS disputes, count(DISTINCT channel)::int AS channels FROM service_case`);
    expect(history.cases).toBeGreaterThan(20_000);
    expect(history.events).toBeGreaterThan(history.cases * 3);
    expect(history.disputes).toBeGreaterThan(100);
    expect(history.channels).toBe(7);
    const again = await seedDemoIfEmpty(
      (t.ds.options as { url: string }).url,
      loadConfig({ NODE_ENV: 'test' }),
      createLogger('silent'),
      '2026-11-27',
    );
    expect(again).toBe(false);
    const [after] = await t.ds.query('SELECT count(*)::int AS n FROM community');
    expect(after.n).toBe(55);
  });

  it('has 翠渝路社区 with 6 compounds incl. 尚格博园 and desks in the others', async () => {
    const rows: { name: string; desks: number }[] = await t.ds.query(
      `SELECT x.name, (SELECT count(*) FROM desk d WHERE d.compound_id = x.id)::int AS desks
         FROM compound x JOIN community c ON c.id = x.community_id WHERE c.name = '翠渝路社区'`,
    );
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.name)).toContain('尚格博园');
    expect(rows.filter((r) => r.desks > 0)).toHaveLength(5);
  });

  it('stores the English names and addresses, and system notes as codes, never sentences', async () => {
    const [english] = await t.ds.query(
      `SELECT (SELECT count(*) FROM community WHERE name_en = '' OR address_en = '')::int AS communities,
              (SELECT count(*) FROM compound WHERE name_en = '' OR address_en = '')::int AS compounds,
              (SELECT count(*) FROM desk WHERE name_en = '' OR address_en = '')::int AS desks`,
    );
    expect(english).toEqual({ communities: 0, compounds: 0, desks: 0 });
    const system: { type: string; note: string | null; code: string | null }[] = await t.ds.query(
      `SELECT type, note, data->>'noteCode' AS code FROM case_event WHERE actor_kind = 'system'`,
    );
    expect(new Set(system.map((e) => e.type))).toEqual(
      new Set(['created', 'overdue', 'escalated', 'transition']),
    );
    for (const e of system) {
      expect(e.note).toBeNull();
      // A 12345 hotline case is filed by the platform: its channel says so, it needs no note.
      if (e.type === 'created') expect(e.code).toBeNull();
      else expect(SYSTEM_NOTE_CODES).toContain(e.code);
    }
    const [links] = await t.ds.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE note IS NULL AND data->>'repeatOfId' IS NOT NULL)::int AS coded
         FROM case_event WHERE type = 'repeat_linked'`,
    );
    expect(links.n).toBeGreaterThan(0);
    expect(links.coded).toBe(links.n);
  });

  it('has a year of follow-ups, each linked from the close or reopen it caused', async () => {
    const [f] = await t.ds.query(
      `SELECT (SELECT count(*) FROM follow_up_task)::int AS tasks,
              (SELECT count(*) FROM follow_up_attempt)::int AS attempts,
              (SELECT count(*) FROM follow_up_appeal)::int AS appeals,
              (SELECT count(*) FROM follow_up_task WHERE status = 'unreachable')::int AS unreachable,
              (SELECT count(*) FROM follow_up_task WHERE verdict = 'reopen' AND rework_due_at IS NOT NULL)::int AS reworked`,
    );
    expect(f.tasks).toBeGreaterThan(5000);
    expect(f.attempts).toBeGreaterThan(f.tasks);
    expect(f.appeals).toBeGreaterThan(0);
    expect(f.unreachable).toBeGreaterThan(0);
    expect(f.reworked).toBeGreaterThan(0);
    // Every system close or reopen after a follow-up names the task and its deciding attempt.
    const [links] = await t.ds.query(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE t.result_attempt_id = (e.data->>'attemptId')::uuid AND t.case_id = e.case_id)::int AS linked
         FROM case_event e LEFT JOIN follow_up_task t ON t.id = (e.data->>'followUpId')::uuid
        WHERE e.type = 'transition' AND e.data->>'reason' LIKE 'followup_%'`,
    );
    expect(links.n).toBeGreaterThan(5000);
    expect(links.linked).toBe(links.n);
    // A case still resolved whose category needs a follow-up has its open task; no other case has one.
    const [open] = await t.ds.query(
      `SELECT count(*) FILTER (WHERE t.id IS NULL)::int AS missing,
              (SELECT count(*) FROM follow_up_task t2 JOIN service_case c2 ON c2.id = t2.case_id
                WHERE t2.status = 'open' AND c2.status <> 'resolved')::int AS stray
         FROM service_case c JOIN category k ON k.id = c.category_id
         LEFT JOIN follow_up_task t ON t.case_id = c.id AND t.status = 'open'
        WHERE c.status = 'resolved' AND k.follow_up_required`,
    );
    expect(open).toEqual({ missing: 0, stray: 0 });
  });

  it('lets every listed demo account sign in with the demo password', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const res = await t.http
        .post('/api/auth/staff/login')
        .send({ username: a.username, password: 'demo-pass-123' });
      expect(res.status, a.username).toBe(200);
      expect(res.body.user.role).toBe(a.role);
    }
  });

  it('lets the demo resident sign in with a code', async () => {
    await t.http.post('/api/auth/resident/otp').send({ phone: DEMO_RESIDENT_PHONE }).expect(200);
    const res = await t.http
      .post('/api/auth/resident/login')
      .send({ phone: DEMO_RESIDENT_PHONE, code: t.sms.lastCode(DEMO_RESIDENT_PHONE) });
    expect(res.status).toBe(200);
    expect(res.body.user.scope.name).toBe('翠渝路社区');
  });

  it('starts every demo resident’s inbox read: the year’s steps are listed, none is news', async () => {
    const rows: { residents: number; marked: number }[] = await t.ds.query(
      `SELECT (SELECT count(*) FROM resident WHERE app_since IS NOT NULL)::int AS residents,
              (SELECT count(*) FROM notification_watermark)::int AS marked`,
    );
    expect(rows[0]!.marked).toBe(rows[0]!.residents);
    // A supporter of the 尚格博园 project has its steps in the inbox, all seen.
    const [supporter] = (await t.ds.query(
      `SELECT s.resident_id AS id FROM proposal_support s JOIN proposal p ON p.id = s.proposal_id
        WHERE p.title = '空地建垃圾房和晾晒点' AND s.withdrawn_at IS NULL LIMIT 1`,
    )) as { id: string }[];
    const resident = await t.ds
      .getRepository(ResidentEntity)
      .findOneByOrFail({ id: supporter!.id });
    const token = await t.given.residentLogin(resident);
    const res = await t.http
      .get('/api/me/notifications')
      .set('Authorization', `Bearer ${token.accessToken}`);
    expect(res.status).toBe(200);
    expect(res.body.unread).toBe(0);
    expect(res.body.items.length).toBeGreaterThan(0);
  });

  it('has the share of residents taking part that BRIEF reports, against the registered population', async () => {
    const login = await t.http
      .post('/api/auth/staff/login')
      .send({ username: 'bureau', password: 'demo-pass-123' });
    expect(login.status).toBe(200);
    const res = await t.http
      .get('/api/council-overview')
      .query({ from: '2025-11-28', to: '2026-11-27' })
      .set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(res.status).toBe(200);
    const body = res.body as CouncilOverview;
    expect(body.communities).toHaveLength(55);
    // BRIEF: "residents' self-governance participation 60% → 80%", with differences between communities.
    expect(body.total.registeredResidents).toBeGreaterThan(700_000);
    expect(body.total.participationRate).toBeGreaterThan(0.76);
    expect(body.total.participationRate).toBeLessThan(0.84);
    const rates = body.communities.map((c) => c.participationRate!);
    expect(Math.min(...rates)).toBeGreaterThan(0.58);
    expect(Math.min(...rates)).toBeLessThan(0.68);
    expect(Math.max(...rates)).toBeGreaterThan(0.9);
    expect(Math.max(...rates)).toBeLessThan(0.99);
    const [people] = (await t.ds.query(
      `SELECT (SELECT count(*) FROM resident)::int AS on_record,
              (SELECT sum(registered_residents) FROM community)::int AS registered,
              (SELECT count(*) FROM resident WHERE app_since IS NOT NULL)::int AS app_users,
              (SELECT count(*) FROM community c
                WHERE (SELECT count(*) FROM resident r WHERE r.community_id = c.id)
                      > c.registered_residents)::int AS overfull`,
    )) as { on_record: number; registered: number; app_users: number; overfull: number }[];
    // Nobody is on record twice over: no community holds more residents than it has registered.
    expect(people!.overfull).toBe(0);
    expect(people!.on_record).toBeLessThanOrEqual(people!.registered);
    // The offline population never signed up in the app.
    expect(people!.app_users).toBeGreaterThan(30_000);
    expect(people!.app_users).toBeLessThan(people!.on_record * 0.1);
  });

  it('has the workforce figures BRIEF reports, 2018 against the last full year, from the roster', async () => {
    const login = await t.http
      .post('/api/auth/staff/login')
      .send({ username: 'bureau', password: 'demo-pass-123' });
    const district = async (year: number) => {
      const res = await t.http
        .get('/api/metrics/communities')
        .query({ from: `${year}-01-01`, to: `${year}-12-31` })
        .set('Authorization', `Bearer ${login.body.accessToken}`);
      expect(res.status).toBe(200);
      const items = (res.body as DistrictMetrics).items;
      expect(items).toHaveLength(55);
      // The district's figure: every community's numerators over every community's denominators.
      const of = (key: string) => {
        const num = items.reduce((s, c) => s + c.metrics[key]!.numerator, 0);
        const den = items.reduce((s, c) => s + c.metrics[key]!.denominator, 0);
        return num / den;
      };
      return {
        attrition: of('worker_attrition_rate'),
        pay: of('worker_avg_pay_yuan'),
        certified: of('worker_certified_share'),
        bachelor: of('worker_bachelor_share'),
        age: of('worker_avg_age'),
        pays: items.map((c) => c.metrics.worker_avg_pay_yuan!.value!),
      };
    };
    const before = await district(2018);
    const after = await district(2025);
    // BRIEF: attrition 22.7% → 0.3%, pay 2,800 → 5,200 yuan, certified 34.2% → 78.8%, bachelor
    // 35.12% → 64.88%, average age 48 → 32.
    expectBriefWorkforce(before, after);
    // Communities differ.
    expect(Math.max(...after.pays) - Math.min(...after.pays)).toBeGreaterThan(300);
  });

  it('loads the certificate levels into the roster and its history, each with its certificate', async () => {
    for (const table of ['workforce_entry', 'workforce_revision']) {
      const [row] = (await t.ds.query(
        `SELECT count(*) FILTER (WHERE certificate_level IS NOT NULL)::int AS levels,
                count(*) FILTER (WHERE certified AND certificate_level IS NULL)::int AS missing,
                count(DISTINCT certificate_level)::int AS kinds
           FROM ${table}`,
      )) as { levels: number; missing: number; kinds: number }[];
      expect(row!.levels, table).toBeGreaterThan(100);
      expect(row!.missing, table).toBe(0);
      expect(row!.kinds, table).toBe(3);
    }
  });

  it('has the published grades 2018–2025 of the seed, imported, by the quotas', async () => {
    const hemu = (await t.ds.query(
      `SELECT g.year, g.grade, g.source FROM rating_grade g JOIN community c ON c.id = g.community_id
        WHERE c.name = '和睦路社区' AND g.year <= 2021 ORDER BY g.year`,
    )) as { year: number; grade: string; source: string }[];
    expect(hemu).toEqual([
      { year: 2018, grade: 'A', source: 'import' },
      { year: 2019, grade: 'A', source: 'import' },
      { year: 2020, grade: 'AAA', source: 'import' },
      { year: 2021, grade: 'AAA', source: 'import' },
    ]);
    const years = (await t.ds.query(
      `SELECT year, count(*)::int AS rated,
              count(*) FILTER (WHERE grade = 'AAA')::int AS aaa,
              count(*) FILTER (WHERE grade = 'AA')::int AS aa,
              count(*) FILTER (WHERE grade = 'A')::int AS a,
              count(*) FILTER (WHERE notice)::int AS notices,
              count(*) FILTER (WHERE source <> 'import')::int AS not_imported
         FROM rating_grade GROUP BY year ORDER BY year`,
    )) as Record<string, number>[];
    expect(years.map((y) => y.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    for (const y of years) {
      expect(y.aaa, `${y.year}`).toBe(Math.floor(y.rated! * 0.1));
      expect(y.aa, `${y.year}`).toBe(Math.floor(y.rated! * 0.3));
      expect(y.a, `${y.year}`).toBeLessThanOrEqual(Math.floor(y.rated! * 0.5));
      expect(y.a, `${y.year}`).toBeGreaterThanOrEqual(Math.floor(y.rated! * 0.5) - 2);
      expect(y.not_imported).toBe(0);
    }
    // More communities were rated as the new ones passed their first year; 2018 had 40 of 55.
    expect(years[0]!.rated).toBe(40);
    expect(years[7]!.rated).toBe(50);
    // Nobody is rated before a year has passed since the first election.
    const [early] = (await t.ds.query(
      `SELECT count(*)::int AS n FROM rating_grade g JOIN community c ON c.id = g.community_id
        WHERE c.first_elected_on IS NULL OR c.first_elected_on + interval '1 year' > make_date(g.year + 1, 1, 15)`,
    )) as { n: number }[];
    expect(early!.n).toBe(0);
    // Grades move: most communities held more than one grade over the years.
    const [moved] = (await t.ds.query(
      `SELECT count(*)::int AS n FROM (SELECT community_id FROM rating_grade GROUP BY community_id
        HAVING count(DISTINCT grade) > 1) x`,
    )) as { n: number }[];
    expect(moved!.n).toBeGreaterThan(30);
  });

  it('has the 2026 campaign on the sample framework, most communities assessed, a few missing, and a draft run', async () => {
    const [c] = (await t.ds.query(
      `SELECT c.id, c.status, f.framework_key, f.sample FROM rating_campaign c
         JOIN rating_framework f ON f.id = c.framework_id WHERE c.year = 2026`,
    )) as { id: string; status: string; framework_key: string; sample: boolean }[];
    expect(c).toMatchObject({
      status: 'open',
      framework_key: 'ljxq-harmonious-community-2022-sample',
      sample: true,
    });
    const kinds = (await t.ds.query(
      `SELECT assessor_kind AS kind, count(*)::int AS n FROM rating_campaign_assignment
        WHERE campaign_id = $1 GROUP BY 1 ORDER BY 1`,
      [c!.id],
    )) as { kind: string; n: number }[];
    expect(kinds).toEqual([
      { kind: 'district_inspection', n: 71 },
      { kind: 'street_cross_inspection', n: 24 },
      { kind: 'third_party_monitoring', n: 71 },
    ]);
    const [own] = (await t.ds.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE x.inspector_street_id = m.street_id)::int AS own
         FROM rating_cross_inspection x JOIN community m ON m.id = x.community_id WHERE x.campaign_id = $1`,
      [c!.id],
    )) as { n: number; own: number }[];
    expect(own).toEqual({ n: 52, own: 0 });
    const per = (await t.ds.query(
      `SELECT m.name, count(*) FILTER (WHERE a.status = 'submitted')::int AS submitted
         FROM rating_cross_inspection x JOIN community m ON m.id = x.community_id
         LEFT JOIN rating_assessment a ON a.community_id = m.id AND a.campaign_id = x.campaign_id
        WHERE x.campaign_id = $1 GROUP BY m.name`,
      [c!.id],
    )) as { name: string; submitted: number }[];
    const complete = per.filter((p) => p.submitted === 71 * 2 + 24);
    const missing = per.filter((p) => p.submitted === 0);
    expect(complete).toHaveLength(49);
    expect(missing).toHaveLength(3);
    expect(missing.map((p) => p.name)).not.toContain('翠渝路社区');
    // Street scores come from the inspecting street's admin, never the community's own street.
    const [wrong] = (await t.ds.query(
      `SELECT count(*)::int AS n FROM rating_assessment a
         JOIN community m ON m.id = a.community_id
         JOIN staff_account s ON s.id = a.entered_by_id
        WHERE a.assessor_kind = 'street_cross_inspection' AND (s.role <> 'street_admin' OR s.street_id = m.street_id)`,
    )) as { n: number }[];
    expect(wrong!.n).toBe(0);
    const [run] = (await t.ds.query(
      `SELECT status, objection_window_days, framework_id = $1 AS same_framework FROM rating_run WHERE year = 2026`,
      [
        (await t.ds.query(`SELECT framework_id FROM rating_campaign WHERE id = $1`, [c!.id]))[0]
          .framework_id,
      ],
    )) as Record<string, unknown>[];
    expect(run).toEqual({ status: 'draft', objection_window_days: 0, same_framework: true });
  });

  it('has the two Open311 clients with their known keys, public categories with fields, and cases they filed', async () => {
    const clients: { name: string; channel: string; key_hash: string; last_used_at: Date }[] =
      await t.ds.query(
        `SELECT name, channel, key_hash, last_used_at FROM api_client ORDER BY channel DESC`,
      );
    expect(clients.map((c) => [c.name, c.channel])).toEqual([
      ['渝快办', 'open311'],
      ['12345 政务服务便民热线', 'hotline_12345'],
    ]);
    // The keys README names are the ones stored.
    expect(clients[0]!.key_hash).toBe(demoApiKey(DEFAULT_SEED, 'yukuaiban').hash);
    expect(clients[1]!.key_hash).toBe(demoApiKey(DEFAULT_SEED, 'hotline-12345').hash);
    expect(demoApiKey(DEFAULT_SEED, 'yukuaiban').key).toMatch(/^bt311_[\w-]{32}$/);
    const stair = (
      await t.http.get('/api/categories').set('Authorization', `Bearer ${await bureauToken()}`)
    ).body.find((c: { code: string }) => c.code === 'stair_light');
    expect(stair.open311).toMatchObject({
      public: true,
      keywords: expect.arrayContaining(['楼道灯']),
    });
    expect(
      stair.open311.fields.map((f: { code: string; datatype: string }) => [f.code, f.datatype]),
    ).toEqual([
      ['floor', 'number'],
      ['light', 'singlevaluelist'],
    ]);
    const [internal] = await t.ds.query(
      `SELECT public FROM category WHERE code = 'residence_permit'`,
    );
    expect(internal.public).toBe(false);
    const filed: {
      channel: string;
      n: number;
      positioned: number;
      answered: number;
      closed: number;
      months: number;
      by_client: number;
    }[] = await t.ds.query(
      `SELECT c.channel, count(*)::int AS n, count(*) FILTER (WHERE c.lat IS NOT NULL)::int AS positioned,
                count(*) FILTER (WHERE c.attributes <> '{}'::jsonb)::int AS answered,
                count(*) FILTER (WHERE c.status = 'closed')::int AS closed,
                count(DISTINCT date_trunc('month', c.submitted_at))::int AS months,
                count(*) FILTER (WHERE e.actor_kind = 'client' AND e.actor_id = c.api_client_id)::int AS by_client
           FROM service_case c JOIN case_event e ON e.case_id = c.id AND e.type = 'created'
          WHERE c.api_client_id IS NOT NULL GROUP BY c.channel ORDER BY c.channel`,
    );
    expect(filed.map((f) => f.channel)).toEqual(['hotline_12345', 'open311']);
    for (const f of filed) {
      expect(f.n).toBeGreaterThanOrEqual(15);
      expect(f.positioned).toBe(f.n);
      expect(f.answered).toBe(f.n);
      expect(f.by_client).toBe(f.n);
      expect(f.closed).toBeGreaterThan(0);
      expect(f.months).toBeGreaterThanOrEqual(3);
    }
    // Every point near Liangjiang, in WGS-84 as stored.
    const [box] = await t.ds.query(
      `SELECT min(lat) AS lat0, max(lat) AS lat1, min(lng) AS lng0, max(lng) AS lng1 FROM service_case WHERE api_client_id IS NOT NULL`,
    );
    expect(box.lat0).toBeGreaterThan(29.5);
    expect(box.lat1).toBeLessThan(29.8);
    expect(box.lng0).toBeGreaterThan(106.4);
    expect(box.lng1).toBeLessThan(106.7);
  });

  it('refuses to load demo data in production mode', async () => {
    const prod = { ...loadConfig({ NODE_ENV: 'test' }), mode: 'production' as const };
    await expect(
      seedDemoIfEmpty('postgres://unused', prod, createLogger('silent')),
    ).rejects.toThrow(/never loaded in production/);
  });
});
