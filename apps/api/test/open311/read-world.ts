import type { CategoryField } from '@baitong/contracts';
import { XMLParser } from 'fast-xml-parser';
import type { CategoryEntity } from '../../src/cases/case.entities';
import { hashApiKey, newApiKey } from '../../src/open311/clients/api-keys';
import type { CommunityEntity, CompoundEntity, DeskEntity } from '../../src/org/org.entities';
import type { ResidentEntity, StaffAccountEntity } from '../../src/people/people.entities';
import type { TestContext } from '../utils/app';

/** The questions of the street-lamp category: one of each kind a definition lists. */
export const LAMP_FIELDS: CategoryField[] = [
  {
    code: 'POLE',
    datatype: 'string',
    variable: true,
    required: false,
    order: 3,
    descriptionZh: '灯杆编号',
    descriptionEn: 'Pole number',
  },
  {
    code: 'KIND',
    datatype: 'singlevaluelist',
    variable: true,
    required: true,
    order: 1,
    descriptionZh: '故障类型',
    descriptionEn: 'What is wrong',
    values: [
      { key: 'dark', nameZh: '不亮', nameEn: 'Not lit' },
      { key: 'flicker', nameZh: '闪烁', nameEn: 'Flickering' },
    ],
  },
  {
    code: 'NOTE',
    datatype: 'text',
    variable: false,
    required: false,
    order: 2,
    descriptionZh: '夜间维修请注意安全',
    descriptionEn: 'Night repairs: keep clear',
  },
];

export interface ReadWorld {
  community: CommunityEntity;
  compound: CompoundEntity;
  desk: DeskEntity;
  /** Public space (路灯): the exact spot and the resident's words are public. */
  lamp: CategoryEntity;
  /** A private matter (a home): only the category and the compound are shown. */
  home: CategoryEntity;
  /** Not in the catalogue (`public` false) and retired (`active` false). */
  hidden: CategoryEntity;
  retired: CategoryEntity;
  desker: StaffAccountEntity;
  deskAuth: string;
  resident: ResidentEntity;
  residentAuth: string;
}

export async function readWorld(t: TestContext): Promise<ReadWorld> {
  const street = await t.given.street();
  const community = await t.given.community({
    street,
    name: '翠渝路社区',
    nameEn: 'Cuiyu Road Community',
    lat: 29.62,
    lng: 106.52,
  });
  const compound = await t.given.compound({
    community,
    name: '金色家园',
    nameEn: 'Golden Home',
    lat: 29.6105,
    lng: 106.5105,
  });
  const desk = await t.given.desk({
    community,
    compoundId: compound.id,
    name: '第一百通岗',
    nameEn: 'Desk No. 1',
  });
  const lamp = await t.given.category({
    kind: 'concern',
    code: 'street_lamp',
    nameZh: '路灯损坏',
    nameEn: 'Broken street lamp',
    publicArea: true,
    descriptionZh: '小区及周边道路的路灯不亮、闪烁',
    descriptionEn: 'Street lamps that are dark or flicker',
    keywords: ['路灯', 'lamp', 'light'],
    fields: LAMP_FIELDS,
  });
  const home = await t.given.category({
    kind: 'affair',
    code: 'home_care',
    nameZh: '居家养老服务',
    nameEn: 'Home care for the elderly',
    publicArea: false,
    resolveWithinValue: 3,
    resolveWithinUnit: 'working_days',
  });
  const hidden = await t.given.category({ code: 'internal_only', public: false });
  const retired = await t.given.category({ code: 'retired_one', active: false });
  const desker = await t.given.staff('desk_staff', { community });
  const resident = await t.given.resident({
    community,
    compound,
    phone: '13912345678',
    idNumber: '50011219850315123X',
  });
  return {
    community,
    compound,
    desk,
    lamp,
    home,
    hidden,
    retired,
    desker,
    deskAuth: `Bearer ${await t.given.token(desker)}`,
    resident,
    residentAuth: `Bearer ${(await t.given.residentLogin(resident)).accessToken}`,
  };
}

/** A case filed at the desk (walk-in) or by the resident in the app, through `/api/cases`. */
export async function fileCase(
  t: TestContext,
  auth: string,
  body: Record<string, unknown>,
): Promise<{ id: string; number: string; version: number }> {
  const res = await t.http.post('/api/cases').set('Authorization', auth).send(body);
  if (res.status !== 201)
    throw new Error(`filing failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; number: string; version: number };
}

/** Moves a case through the desk's workflow with real transitions. */
export async function transition(
  t: TestContext,
  auth: string,
  c: { id: string; version: number },
  body: Record<string, unknown>,
): Promise<{ id: string; number: string; version: number }> {
  const res = await t.http
    .post(`/api/cases/${c.id}/transitions`)
    .set('Authorization', auth)
    .send({ version: c.version, ...body });
  if (res.status !== 200 && res.status !== 201)
    throw new Error(`transition failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; number: string; version: number };
}

/** A client application with a working key, written as the key management would. */
export async function givenClient(
  t: TestContext,
  name = '12345 热线',
): Promise<{ id: string; key: string }> {
  const { key, prefix } = newApiKey();
  const [row] = (await t.ds.query(
    `INSERT INTO api_client (name, contact, channel, key_prefix, key_hash)
     VALUES ($1, 'ops@hotline.example', 'hotline_12345', $2, $3) RETURNING id`,
    [name, prefix, hashApiKey(key)],
  )) as { id: string }[];
  return { id: row!.id, key };
}

/** The spec's XML lists: parsed as arrays even when they hold one item. */
const LISTS = new Set([
  'services.service',
  'service_requests.request',
  'errors.error',
  'discovery.endpoints.endpoint',
  'discovery.endpoints.endpoint.formats.format',
  'discovery.profiles.profile',
  'service_definition.attributes.attribute',
  'service_definition.attributes.attribute.values.value',
]);
const parser = new XMLParser({
  ignoreDeclaration: true,
  parseTagValue: false,
  isArray: (_name, jpath) => LISTS.has(String(jpath)),
});

/** An XML answer as a tree; every value a string, as XML has it. */
export const parseXml = (text: string): Record<string, unknown> =>
  parser.parse(text) as Record<string, unknown>;

/** Supertest's `text` of an XML answer (it does not parse text/xml). */
export const xmlOf = (res: { text: string; headers: Record<string, string> }) => {
  if (!String(res.headers['content-type']).startsWith('text/xml'))
    throw new Error(`not XML: ${res.headers['content-type']} ${res.text.slice(0, 200)}`);
  return parseXml(res.text);
};
