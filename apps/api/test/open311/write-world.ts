import type { CategoryField, IssuedApiClient } from '@baitong/contracts';
import type { CategoryEntity } from '../../src/cases/case.entities';
import type {
  CommunityEntity,
  CompoundEntity,
  DeskEntity,
  StreetEntity,
} from '../../src/org/org.entities';
import type { TestContext } from '../utils/app';

export interface WriteWorld {
  street: StreetEntity;
  community: CommunityEntity;
  compound: CompoundEntity;
  desk: DeskEntity;
  category: CategoryEntity;
  deskAuth: string;
  bureauAuth: string;
  /** A second street with its own community and compound, far away. */
  otherStreet: StreetEntity;
  otherCompound: CompoundEntity;
}

/** The streetlight category's questions: every datatype the spec has. */
export const FIELDS: CategoryField[] = [
  {
    code: 'POLE',
    datatype: 'string',
    variable: true,
    required: true,
    order: 1,
    descriptionZh: '灯杆编号',
    descriptionEn: 'Pole number',
  },
  {
    code: 'COUNT',
    datatype: 'number',
    variable: true,
    required: false,
    order: 2,
    descriptionZh: '不亮的灯数',
    descriptionEn: 'Lights out',
  },
  {
    code: 'SINCE',
    datatype: 'datetime',
    variable: true,
    required: false,
    order: 3,
    descriptionZh: '从何时起',
    descriptionEn: 'Since when',
  },
  {
    code: 'KIND',
    datatype: 'singlevaluelist',
    variable: true,
    required: true,
    order: 4,
    descriptionZh: '情况',
    descriptionEn: 'What',
    values: [
      { key: 'dark', nameZh: '不亮', nameEn: 'Dark' },
      { key: 'flicker', nameZh: '闪烁', nameEn: 'Flickering' },
    ],
  },
  {
    code: 'TIMES',
    datatype: 'multivaluelist',
    variable: true,
    required: false,
    order: 5,
    descriptionZh: '时段',
    descriptionEn: 'When',
    values: [
      { key: 'night', nameZh: '夜间', nameEn: 'Night' },
      { key: 'dawn', nameZh: '清晨', nameEn: 'Dawn' },
    ],
  },
  {
    code: 'NOTE',
    datatype: 'text',
    variable: true,
    required: false,
    order: 6,
    descriptionZh: '补充说明',
    descriptionEn: 'More',
  },
  {
    code: 'INFO',
    datatype: 'text',
    variable: false,
    required: false,
    order: 7,
    descriptionZh: '请注意安全',
    descriptionEn: 'Mind your safety',
  },
];

/** Near 照母山, Chongqing (WGS-84); the other street's compound is some 20 km away. */
export const HERE = { lat: 29.6123, lng: 106.4932 };

/** A street with a community, a compound with a position and its desk; desk staff and the bureau signed in. */
export async function writeWorld(t: TestContext): Promise<WriteWorld> {
  const street = await t.given.street();
  const community = await t.given.community({ street, name: `金山社区${Date.now() % 100000}` });
  const compound = await t.given.compound({
    community,
    name: `龙湖星座${Date.now() % 100000}`,
    lat: HERE.lat,
    lng: HERE.lng,
  });
  const desk = await t.given.desk({ community, compoundId: compound.id });
  const category = await t.given.category({
    code: `streetlight_${Date.now() % 100000}`,
    resolveWithinValue: 3,
    resolveWithinUnit: 'working_days',
    publicArea: true,
    fields: FIELDS,
  });
  const desker = await t.given.staff('desk_staff', { community });
  const bureau = await t.given.staff('bureau_admin');
  const otherStreet = await t.given.street();
  const otherCommunity = await t.given.community({ street: otherStreet });
  const otherCompound = await t.given.compound({
    community: otherCommunity,
    lat: 29.45,
    lng: 106.35,
  });
  await t.given.desk({ community: otherCommunity, compoundId: otherCompound.id });
  return {
    street,
    community,
    compound,
    desk,
    category,
    deskAuth: `Bearer ${await t.given.token(desker)}`,
    bureauAuth: `Bearer ${await t.given.token(bureau)}`,
    otherStreet,
    otherCompound,
  };
}

/** A key issued by the bureau through the real endpoint. */
export async function issueKey(
  t: TestContext,
  w: WriteWorld,
  body: Record<string, unknown> = {},
): Promise<IssuedApiClient> {
  const res = await t.http
    .post('/api/open311/clients')
    .set('Authorization', w.bureauAuth)
    .send({ name: '某地图应用', channel: 'open311', ...body });
  if (res.status !== 201)
    throw new Error(`issue failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as IssuedApiClient;
}

/** A complete, valid filing for the world's streetlight category. */
export function filing(w: WriteWorld, apiKey: string, extra: Record<string, string> = {}) {
  return {
    api_key: apiKey,
    service_code: w.category.code,
    lat: String(HERE.lat),
    long: String(HERE.lng),
    description: '小区东门路灯不亮，晚上很黑',
    'attribute[POLE]': 'LD-017',
    'attribute[KIND]': 'dark',
    ...extra,
  };
}

export async function caseCount(t: TestContext): Promise<number> {
  const [r] = (await t.ds.query('SELECT count(*)::int AS n FROM service_case')) as { n: number }[];
  return r!.n;
}
