import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStream } from '../../src/events/event-stream.service';
import {
  type RequestRow,
  redact,
  toOpen311Request,
} from '../../src/open311/georeport/request-view';
import { type TestContext, createTestApp } from '../utils/app';
import { type ReadWorld, fileCase, givenClient, readWorld, transition } from './read-world';

let t: TestContext;
let w: ReadWorld;
/** Everything personal the world holds: none of it may appear in any public answer. */
const secrets: string[] = [];
const numbers: string[] = [];
let privateNumber = '';
let token = '';

beforeAll(async () => {
  t = await createTestApp();
  w = await readWorld(t);
  const worker = await t.given.staff('community_worker', { community: w.community });
  await t.ds.query(
    `UPDATE staff_account SET display_name = '郑志强', phone = '13300004444' WHERE id = $1`,
    [worker.id],
  );
  const client = await givenClient(t, '城市服务小程序');

  // The resident writes their own name, phone, ID number and e-mail into a public-space report.
  const r = w.resident;
  const own = await fileCase(t, w.residentAuth, {
    categoryId: w.lamp.id,
    description: `我是${r.name}，电话${r.phone}，身份证${r.idNumber}，邮箱 ${'zhang.wei@example.com'}：东门路灯坏了`,
    place: `东门（联系${r.name} ${r.phone}）`,
  });
  const accepted = await transition(t, w.deskAuth, own, { action: 'accept' });
  await transition(t, w.deskAuth, accepted, {
    action: 'resolve',
    resolution: `郑志强已上门更换灯泡，回访请拨 13300004444`,
  });
  await t.app.get(EventStream).drain();

  // A walk-in about a private home, with name and phone.
  const walkIn = await fileCase(t, w.deskAuth, {
    categoryId: w.home.id,
    description: '孙丽华（13700001111）家中老人需要上门助浴，住 3 栋 2 单元 501',
    walkIn: { name: '孙丽华', phone: '13700001111' },
    compoundId: w.compound.id,
  });
  privateNumber = walkIn.number;

  // Filed by a client application (as POST would): submitter contact, attributes, exact spot.
  const filed = await fileCase(t, w.deskAuth, {
    categoryId: w.home.id,
    description: '胡军反映：家里水管爆裂，手机 13600002222',
    walkIn: { name: '胡军', phone: '13600002222' },
    compoundId: w.compound.id,
  });
  await t.ds.query(
    `UPDATE service_case SET channel = 'open311', api_client_id = $2, lat = 29.6551, lng = 106.5551,
       media_url = 'https://cdn.example/p/9.jpg',
       attributes = '{"ROOM":"3-2-501","CALLER":"胡军"}',
       submitter = '{"email":"hu.jun@example.org","deviceId":"device-7f3a9c","accountId":"acct-55231"}'
     WHERE id = $1`,
    [filed.id, client.id],
  );
  token = 'tok-privacy-1';
  await t.ds.query(`INSERT INTO open311_token (token, client_id, case_id) VALUES ($1, $2, $3)`, [
    token,
    client.id,
    filed.id,
  ]);

  // A dispute with its parties recorded in the mediation.
  const dispute = await t.given.category({
    kind: 'dispute',
    code: 'neighbour_noise',
    publicArea: false,
  });
  const d = await fileCase(t, w.deskAuth, {
    categoryId: dispute.id,
    description: '周大海与楼上邻居吴小梅因噪音发生纠纷',
    walkIn: { name: '周大海', phone: '13500003333' },
    compoundId: w.compound.id,
  });
  await t.ds.query(
    `INSERT INTO case_mediation (case_id, parties, mediator_name) VALUES ($1, $2, '冯调解员')`,
    [
      d.id,
      JSON.stringify([
        { name: '周大海', role: '申请人', phone: '13500003333' },
        { name: '吴小梅', role: '被申请人' },
      ]),
    ],
  );

  numbers.push(own.number, walkIn.number, filed.number, d.number);
  secrets.push(
    r.name,
    r.phone,
    r.idNumber!,
    r.id,
    'zhang.wei@example.com',
    '孙丽华',
    '13700001111',
    '胡军',
    '13600002222',
    'hu.jun@example.org',
    'device-7f3a9c',
    'acct-55231',
    '3-2-501',
    '501',
    '周大海',
    '吴小梅',
    '13500003333',
    '冯调解员',
    '郑志强',
    '13300004444',
    worker.id,
    worker.username,
    w.desker.id,
    w.desker.displayName,
    client.id,
    '29.6551',
    '106.5551',
  );
});
afterAll(() => t.close());

/** Every public read, in both formats and both languages, and in each datum. */
function publicPaths(): string[] {
  const reads = [
    'discovery',
    'services',
    'services/street_lamp',
    'services/home_care',
    'services/neighbour_noise',
    'requests',
    `requests?service_request_id=${numbers.join(',')}`,
    'requests?status=open',
    'requests?status=closed',
    'requests?coordinate_system=gcj02',
    'requests?coordinate_system=bd09',
    ...numbers.map((n) => `requests/${n}`),
    `tokens/${token}`,
  ];
  return reads.flatMap((r) => {
    const [path, query] = r.split('?');
    return ['json', 'xml'].map((f) => `/open311/v2/${path}.${f}${query ? `?${query}` : ''}`);
  });
}

describe('privacy of the public reads', () => {
  it('shows no name, phone, ID number, id, e-mail, device, account or exact private spot in any answer', async () => {
    let scanned = 0;
    for (const path of publicPaths())
      for (const lang of ['zh-CN', 'en']) {
        const res = await t.http.get(path).set('Accept-Language', lang);
        expect(res.status, path).toBe(200);
        for (const s of secrets) expect(res.text, `${path} (${lang}) shows ${s}`).not.toContain(s);
        scanned++;
      }
    expect(scanned).toBe(publicPaths().length * 2);
    // The scan saw the requests themselves, not just empty lists.
    const all = await t.http.get(
      `/open311/v2/requests.json?service_request_id=${numbers.join(',')}`,
    );
    expect(all.body).toHaveLength(4);
  });

  it('blanks the resident’s own details out of a public-space report, and keeps the rest of their words', async () => {
    const [own] = (await t.http.get(`/open311/v2/requests/${numbers[0]}.json`)).body;
    expect(own.description).toBe('我是***，电话***，身份证***，邮箱 ***：东门路灯坏了');
    expect(own.address).toBe('金色家园 东门（联系*** ***）');
    expect(own.status_notes).toBe('***已上门更换灯泡，回访请拨 ***');
  });

  it('places a private matter at its compound, with the compound’s name as address, in every datum', async () => {
    for (const number of numbers.slice(1)) {
      const [r] = (await t.http.get(`/open311/v2/requests/${number}.json`)).body;
      expect([r.lat, r.long], number).toEqual([29.6105, 106.5105]);
      expect(r.address).toBe('金色家园');
      expect(r.address_id).toBe(w.compound.id);
    }
    const [filed] = (await t.http.get(`/open311/v2/requests/${numbers[2]}.json`)).body;
    // The client's own photo link is public; nothing else it sent is.
    expect(filed.media_url).toBe('https://cdn.example/p/9.jpg');
    expect(filed.description).toBe('居家养老服务');
    expect(JSON.stringify(filed)).not.toContain('ROOM');
  });

  it('never links a Baitong photo, which needs a sign-in', async () => {
    const res = await t.http.get(
      `/open311/v2/requests.json?service_request_id=${numbers.join(',')}`,
    );
    expect(res.text).not.toContain('/api/photos');
    expect(privateNumber).toBe(numbers[1]);
  });
});

describe('the view of one case', () => {
  const base: RequestRow = {
    number: 'BT20261208-000001',
    status: 'in_progress',
    description: '家中水管漏水',
    place: '3栋',
    submittedAt: new Date('2026-12-08T02:30:00Z'),
    updatedAt: new Date('2026-12-08T03:00:00Z'),
    resolveDueAt: null,
    resolution: null,
    rejectionReason: null,
    lat: 29.7,
    lng: 106.7,
    mediaUrl: null,
    compoundId: null,
    categoryCode: 'water',
    categoryNameZh: '水管维修',
    categoryNameEn: 'Water pipes',
    publicArea: false,
    acceptWithinMinutes: 30,
    resolveWithinValue: 2,
    resolveWithinUnit: 'working_days',
    deskName: '百通岗',
    deskNameEn: '',
    deskLat: 29.5,
    deskLng: 106.5,
    communityName: '翠渝路社区',
    communityNameEn: '',
    communityLat: 29.62,
    communityLng: 106.52,
    compoundName: null,
    compoundNameEn: null,
    compoundLat: null,
    compoundLng: null,
    waitingNote: null,
    hasFollowUp: false,
    followUpDone: false,
    followUpCompletedAt: null,
    followUpOutcome: null,
    followUpSatisfaction: null,
    followUpSolved: null,
    secrets: [],
  };

  it('falls back from the compound to the community, then the desk, never the exact spot of a home', () => {
    expect(toOpen311Request(base, 'zh', 'wgs84')).toMatchObject({
      lat: 29.62,
      long: 106.52,
      address: '翠渝路社区',
      address_id: '',
      expected_datetime: '',
      requested_datetime: '2026-12-08T10:30:00+08:00',
    });
    const noCommunity = { ...base, communityLat: null, communityLng: null };
    expect(toOpen311Request(noCommunity, 'en', 'wgs84')).toMatchObject({
      lat: 29.5,
      long: 106.5,
      address: '翠渝路社区',
      agency_responsible: '翠渝路社区 · 百通岗',
    });
    expect(toOpen311Request({ ...base, publicArea: true }, 'zh', 'wgs84')).toMatchObject({
      lat: 29.7,
      long: 106.7,
      address: '翠渝路社区 3栋',
      description: '家中水管漏水',
    });
  });

  it('blanks phones with or without +86 and spaces, landlines, ID numbers, e-mails and the named people', () => {
    expect(
      redact('拨+86 139 1234 5678或023-67891234，证件11010519491231002X，a.b@c.cn，王五来过', [
        '王五',
      ]),
    ).toBe('拨***或***，证件***，***，***来过');
    expect(redact('编号 BT20261208-000123 的请求，3 栋 2 单元', [])).toBe(
      '编号 BT20261208-000123 的请求，3 栋 2 单元',
    );
  });
});
