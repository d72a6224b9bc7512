import type { CategoryField, CategoryFieldValue } from '@baitong/contracts';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { newApiKey } from '../open311/clients/api-keys';
import { addDays, shanghaiInstant } from './dates';
import { offset } from './geo';
import { Rng } from './prng';
import type { DemoCase } from './case-history';
import type { DemoOrg } from './demo-org';
import type { LoadedOrgIds } from './seed-cases';

// The demo's Open311 face: which categories clients see, with descriptions, keywords and the
// fields they answer; two clients (the 12345 hotline and 渝快办) whose keys are known, derived
// from the demo seed; and a few dozen of the history's cases as those clients filed them, with
// answers and a WGS-84 position. The history itself is not regenerated: the cases are picked
// from it afterwards, so every other demo figure stays as it was.

interface DemoField extends Omit<CategoryField, 'variable'> {
  /** Demo answers for a text field. */
  samples?: string[];
}

interface DemoOpen311 {
  descriptionZh: string;
  descriptionEn: string;
  keywords: string[];
  fields: DemoField[];
}

const v = (key: string, nameZh: string, nameEn: string): CategoryFieldValue => ({
  key,
  nameZh,
  nameEn,
});

/** Public categories: concerns about shared spaces and questions; the rest stay internal. */
const PUBLIC: Record<string, DemoOpen311> = {
  stair_light: {
    descriptionZh: '小区楼道、楼梯间、单元门厅的照明灯不亮或闪烁',
    descriptionEn: 'A light in a stairwell, landing or entrance hall that is out or flickers',
    keywords: ['楼道灯', '路灯', '照明', '灯不亮'],
    fields: [
      {
        code: 'floor',
        datatype: 'number',
        required: true,
        order: 1,
        descriptionZh: '在几楼？',
        descriptionEn: 'Which floor?',
      },
      {
        code: 'light',
        datatype: 'singlevaluelist',
        required: true,
        order: 2,
        descriptionZh: '哪盏灯？',
        descriptionEn: 'Which light?',
        values: [
          v('stair', '楼梯间灯', 'Stair light'),
          v('landing', '楼层平台灯', 'Landing light'),
          v('hall', '单元门厅灯', 'Entrance hall light'),
          v('sensor', '感应灯不感应', 'Motion sensor does not react'),
        ],
      },
    ],
  },
  elevator: {
    descriptionZh: '住宅电梯停运、异响、门故障或困人',
    descriptionEn: 'A residential lift that stopped, makes noises, has door faults or traps people',
    keywords: ['电梯', '困人', '停运'],
    fields: [
      {
        code: 'building',
        datatype: 'string',
        required: true,
        order: 1,
        descriptionZh: '楼栋和单元',
        descriptionEn: 'Building and entrance',
        samples: ['3栋1单元', '5栋2单元', '12栋', '1栋3单元', '8栋1单元'],
      },
      {
        code: 'symptom',
        datatype: 'singlevaluelist',
        required: true,
        order: 2,
        descriptionZh: '故障现象',
        descriptionEn: 'What is wrong',
        values: [
          v('stopped', '停运', 'Not running'),
          v('trapped', '困人', 'People trapped'),
          v('door', '门开关异常', 'Door fault'),
          v('noise', '运行异响', 'Unusual noise'),
        ],
      },
    ],
  },
  garbage: {
    descriptionZh: '垃圾未及时清运、乱堆乱放或垃圾桶满溢',
    descriptionEn: 'Rubbish not collected, dumped, or overflowing bins',
    keywords: ['垃圾', '清运', '堆放', '垃圾桶'],
    fields: [
      {
        code: 'waste',
        datatype: 'multivaluelist',
        required: true,
        order: 1,
        descriptionZh: '垃圾种类',
        descriptionEn: 'Kind of waste',
        values: [
          v('household', '生活垃圾', 'Household waste'),
          v('kitchen', '厨余垃圾', 'Kitchen waste'),
          v('bulky', '大件垃圾', 'Bulky waste'),
          v('construction', '装修垃圾', 'Renovation debris'),
        ],
      },
    ],
  },
  parking: {
    descriptionZh: '车辆占用消防通道、人行道或小区出入口',
    descriptionEn: 'A vehicle blocking a fire lane, a pavement or an entrance',
    keywords: ['停车', '占道', '消防通道'],
    fields: [
      {
        code: 'blocking',
        datatype: 'singlevaluelist',
        required: true,
        order: 1,
        descriptionZh: '占用了哪里？',
        descriptionEn: 'What is blocked?',
        values: [
          v('fire_lane', '消防通道', 'Fire lane'),
          v('pavement', '人行道', 'Pavement'),
          v('entrance', '小区出入口', 'Entrance'),
        ],
      },
      {
        code: 'plate',
        datatype: 'string',
        required: false,
        order: 2,
        descriptionZh: '车牌号（如知道）',
        descriptionEn: 'Number plate (if known)',
        samples: ['渝A·3K2L7', '渝B·58Q21', '渝A·D7765'],
      },
    ],
  },
  pipe_leak: {
    descriptionZh: '公共区域的供水、排水管道漏水或堵塞',
    descriptionEn: 'A leaking or blocked water or drain pipe in a shared area',
    keywords: ['漏水', '管道', '堵塞'],
    fields: [
      {
        code: 'where',
        datatype: 'singlevaluelist',
        required: true,
        order: 1,
        descriptionZh: '漏水位置',
        descriptionEn: 'Where',
        values: [
          v('stairwell', '楼道', 'Stairwell'),
          v('basement', '地下室或车库', 'Basement or garage'),
          v('outside', '室外', 'Outside'),
        ],
      },
    ],
  },
  facility_damage: {
    descriptionZh: '健身器材、座椅、围栏、井盖等公共设施损坏',
    descriptionEn: 'Damaged shared facilities: exercise equipment, benches, fences, manhole covers',
    keywords: ['设施', '损坏', '井盖', '健身器材'],
    fields: [
      {
        code: 'facility',
        datatype: 'singlevaluelist',
        required: true,
        order: 1,
        descriptionZh: '什么设施？',
        descriptionEn: 'Which facility?',
        values: [
          v('fitness', '健身器材', 'Exercise equipment'),
          v('bench', '座椅', 'Bench'),
          v('fence', '围栏', 'Fence'),
          v('manhole', '井盖', 'Manhole cover'),
        ],
      },
    ],
  },
  noise: {
    descriptionZh: '夜间施工、商铺或邻里噪音影响休息',
    descriptionEn: 'Noise from night works, shops or neighbours',
    keywords: ['噪音', '扰民', '施工'],
    fields: [
      {
        code: 'source',
        datatype: 'singlevaluelist',
        required: true,
        order: 1,
        descriptionZh: '噪音来源',
        descriptionEn: 'Source of the noise',
        values: [
          v('works', '施工', 'Building works'),
          v('shop', '商铺', 'Shop'),
          v('neighbour', '邻居', 'Neighbour'),
          v('square_dance', '广场舞', 'Square dancing'),
        ],
      },
    ],
  },
  greenery: {
    descriptionZh: '树木倒伏、绿化带缺损或需要修剪',
    descriptionEn: 'Fallen trees, damaged green strips or overgrown plants',
    keywords: ['绿化', '树木', '修剪'],
    fields: [],
  },
  safety_hazard: {
    descriptionZh: '公共区域的安全隐患，如高空坠物、电线裸露',
    descriptionEn:
      'A safety hazard in a shared area, such as loose objects up high or exposed wires',
    keywords: ['安全隐患', '电线', '坠物'],
    fields: [],
  },
  dog_keeping: {
    descriptionZh: '遛狗不牵绳、犬只扰民或粪便未清理',
    descriptionEn: 'Dogs off the lead, barking, or droppings left behind',
    keywords: ['养犬', '遛狗', '狗'],
    fields: [],
  },
  suggestion: {
    descriptionZh: '对社区服务和治理的意见建议',
    descriptionEn: 'Suggestions about community services',
    keywords: ['建议', '意见'],
    fields: [],
  },
  social_insurance_question: {
    descriptionZh: '社保参保、缴费与待遇政策咨询',
    descriptionEn: 'Questions about social insurance',
    keywords: ['社保', '养老保险', '咨询'],
    fields: [],
  },
  service_guide_question: {
    descriptionZh: '办事需要什么材料、到哪里办',
    descriptionEn: 'What a service needs and where to apply',
    keywords: ['办事指南', '材料', '咨询'],
    fields: [],
  },
};

/** The categories the demo's clients file into, with answers to their fields. */
const FILED_CODES = Object.entries(PUBLIC)
  .filter(([, o]) => o.fields.length > 0)
  .map(([code]) => code);

interface DemoClient {
  slug: string;
  name: string;
  contact: string;
  channel: 'hotline_12345' | 'open311';
  /** The history's channel the client's cases are taken from. */
  fromChannel: 'hotline_12345' | 'app';
  categoryCodes: string[];
  rate: number;
  cases: number;
  mediaShare: number;
}

const CLIENTS: readonly DemoClient[] = [
  {
    slug: 'hotline-12345',
    name: '12345 政务服务便民热线',
    contact: '两江新区 12345 热线工作办公室 023-67880000',
    channel: 'hotline_12345',
    fromChannel: 'hotline_12345',
    categoryCodes: [],
    rate: 600,
    cases: 24,
    mediaShare: 0.2,
  },
  {
    slug: 'yukuaiban',
    name: '渝快办',
    contact: '重庆市大数据应用发展管理局 渝快办运营组',
    channel: 'open311',
    fromChannel: 'app',
    categoryCodes: [
      'stair_light',
      'elevator',
      'garbage',
      'parking',
      'pipe_leak',
      'facility_damage',
    ],
    rate: 120,
    cases: 18,
    mediaShare: 0.6,
  },
];

/** The demo key of a client: fixed for the demo seed, so that README can name it. */
export function demoApiKey(seed: number, slug: string): ReturnType<typeof newApiKey> {
  const random = createHash('sha256').update(`baitong-demo-open311:${seed}:${slug}`).digest();
  return newApiKey(random.subarray(0, 24));
}

const SHOWCASE_COMMUNITY = 'cuiyulu';
const SHOWCASE_CASES = 4;

/** `n` items evenly over the list (in number, that is date, order). */
function spread<T>(items: T[], n: number): T[] {
  if (n <= 0 || items.length === 0) return [];
  const step = Math.max(1, Math.floor(items.length / n));
  return items.filter((_x, i) => i % step === 0).slice(0, n);
}

function answer(f: DemoField, rng: Rng): string | number | string[] {
  switch (f.datatype) {
    case 'number':
      return rng.int(1, 18);
    case 'singlevaluelist':
      return rng.pick(f.values!).key;
    case 'multivaluelist': {
      const keys = f.values!.map((x) => x.key);
      const first = rng.pick(keys);
      const second = rng.pick(keys);
      return first === second ? [first] : [first, second];
    }
    case 'datetime':
    case 'string':
    case 'text':
      return rng.pick(f.samples ?? ['—']);
  }
}

export interface DemoOpen311Result {
  clients: { name: string; channel: string; apiKey: string }[];
  cases: number;
}

/** What a demo case filed by a client carries beyond the history's case. */
export interface DemoFiledBy {
  clientId: string;
  clientName: string;
  attributes: Record<string, string | number | string[]>;
  mediaUrl: string | null;
  /** WGS-84. */
  lat: number;
  lng: number;
}

/** The catalogue's Open311 face: public or not, descriptions, keywords, fields. After the catalogue is written. */
export async function loadDemoCategoryOpen311(m: EntityManager): Promise<number> {
  await m.query(`UPDATE category SET public = (code = ANY($1))`, [Object.keys(PUBLIC)]);
  for (const [code, o] of Object.entries(PUBLIC)) {
    const fields: CategoryField[] = o.fields.map(({ samples: _samples, ...f }) => ({
      ...f,
      variable: true,
    }));
    await m.query(
      `UPDATE category SET description_zh = $2, description_en = $3, keywords = $4, fields = $5 WHERE code = $1`,
      [code, o.descriptionZh, o.descriptionEn, o.keywords, JSON.stringify(fields)],
    );
  }

  return Object.keys(PUBLIC).length;
}

/**
 * Adds the two clients and marks some of the last four months'
 * cases of the history as filed by them (their channel, answers, photo link, position; the
 * created event's actor is the client), before the history is written. Runs once.
 */
export async function loadDemoOpen311(
  m: EntityManager,
  org: DemoOrg,
  ids: LoadedOrgIds,
  history: DemoCase[],
  referenceDate: string,
  seed: number,
): Promise<DemoOpen311Result> {
  const bureau = ids.staff.get('bureau')?.id ?? null;
  const since = shanghaiInstant(addDays(referenceDate, -120), 0);
  const issuedAt = shanghaiInstant(addDays(referenceDate, -130), 10 * 60);
  const compounds = new Map(org.compounds.map((x) => [x.key, x]));
  const desks = new Map(org.desks.map((d) => [d.key, d]));
  const clients: DemoOpen311Result['clients'] = [];
  let filed = 0;
  for (const client of CLIENTS) {
    const key = demoApiKey(seed, client.slug);
    const codes = new Set(client.categoryCodes.length ? client.categoryCodes : FILED_CODES);
    const candidates = history.filter(
      (c) =>
        c.channel === client.fromChannel &&
        codes.has(c.categoryCode) &&
        c.submittedAt >= since &&
        !c.filedBy,
    );
    // A few in 翠渝路 (where the demo's desk staff works), the rest over the district and the months.
    const inHome = candidates.filter((c) => c.communityKey === SHOWCASE_COMMUNITY);
    const shown = spread(inHome, SHOWCASE_CASES);
    const picked = [
      ...shown,
      ...spread(
        candidates.filter((c) => c.communityKey !== SHOWCASE_COMMUNITY),
        client.cases - shown.length,
      ),
    ];
    const lastUsed = picked.reduce<string | null>(
      (last, c) => (!last || c.submittedAt > last ? c.submittedAt : last),
      null,
    );
    const [row] = (await m.query(
      `INSERT INTO api_client (name, contact, channel, key_prefix, key_hash, category_codes, rate_limit_per_minute, created_by_id, created_at, last_used_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        client.name,
        client.contact,
        client.channel,
        key.prefix,
        key.hash,
        client.categoryCodes,
        client.rate,
        bureau,
        issuedAt,
        lastUsed,
      ],
    )) as [{ id: string }];
    clients.push({ name: client.name, channel: client.channel, apiKey: key.key });

    const rng = Rng.derive(seed, `open311:${client.slug}`);
    for (const c of picked) {
      const attributes: Record<string, string | number | string[]> = {};
      for (const f of PUBLIC[c.categoryCode]!.fields)
        if (f.required || rng.chance(0.5)) attributes[f.code] = answer(f, rng);
      const at =
        (c.compoundKey ? compounds.get(c.compoundKey) : undefined) ?? desks.get(c.deskKey)!;
      const point = offset({ lat: at.lat, lng: at.lng }, rng.range(5, 120), rng.range(0, 360));
      c.channel = client.channel;
      c.filedBy = {
        clientId: row.id,
        clientName: client.name,
        attributes,
        mediaUrl: rng.chance(client.mediaShare)
          ? `https://media.example.com/${client.slug}/${c.key}.jpg`
          : null,
        lat: point.lat,
        lng: point.lng,
      };
      const created = c.events.find((e) => e.type === 'created');
      if (created) {
        created.actorKind = 'client';
        created.actorUsername = null;
        created.data = { ...created.data, channel: client.channel };
      }
      filed++;
    }
  }
  return { clients, cases: filed };
}
