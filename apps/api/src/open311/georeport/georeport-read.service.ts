import type { CaseStatus, CategoryField } from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { CLOCK, type Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ApiClientAuth } from '../clients/api-client-auth.service';
import { GeoReportReadRepository, type PublicCategory } from './georeport-read.repository';
import { Open311Exception } from './open311-errors';
import {
  MAX_REQUESTS,
  type Open311Language,
  coordinateSystemParam,
  languageOf,
  listParam,
  looksLikeCaseNumber,
  looksLikeToken,
  statusParam,
  textParam,
  windowParams,
} from './read-params';
import { KIND_NAMES, caseStatusesOf, named, open311Time, toOpen311Request } from './request-view';

export const GEOREPORT_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** What every read needs of its HTTP request: its query, language and this server's address. */
export interface ReadContext {
  query: Request['query'];
  lang: Open311Language;
  /** `https://host/open311/v2`, from the request as the trusted proxy forwarded it. */
  endpointUrl: string;
}

export function readContext(req: Request): ReadContext {
  const host = /^[\w.-]+(:\d{1,5})?$|^\[[\da-f:.]+\](:\d{1,5})?$/i.test(req.host ?? '')
    ? req.host
    : 'localhost';
  return {
    query: req.query,
    lang: languageOf(req.get('accept-language')),
    endpointUrl: `${req.protocol}://${host}/open311/v2`,
  };
}

const KEY_SERVICE = {
  zh: (contact: string) =>
    `API 密钥由区社会保障局在百通管理后台签发（只显示一次），请联系：${contact}。申请时请说明应用名称、用途，以及需要提交的事项类别和街道。查询无需密钥。`,
  en: (contact: string) =>
    `API keys are issued by the district's Social Security Bureau in the Baitong console (shown once): contact ${contact} with your application's name, its purpose and the categories and streets it will file into. Reading needs no key.`,
};

const DATATYPE_DESCRIPTIONS: Record<CategoryField['datatype'], Record<Open311Language, string>> = {
  string: { zh: '一行文字', en: 'A line of text' },
  text: { zh: '多行文字', en: 'Text, several lines allowed' },
  number: { zh: '数字', en: 'A number' },
  datetime: {
    zh: '带时区的 ISO 8601 日期时间，如 2026-12-08T10:30:00+08:00',
    en: 'An ISO 8601 date and time with its zone, e.g. 2026-12-08T10:30:00+08:00',
  },
  singlevaluelist: { zh: '从下列选项中选一个（填 key）', en: 'One key of the values below' },
  multivaluelist: {
    zh: '从下列选项中选一个或多个（填 key）',
    en: 'One or more keys of the values below',
  },
};

/**
 * GeoReport v2 reads (docs/OPEN311.md): public, with an optional `api_key` that is counted
 * against its client's rate. Every answer is the same for every caller, key or not.
 */
@Injectable()
export class GeoReportReadService {
  constructor(
    private readonly repo: GeoReportReadRepository,
    private readonly auth: ApiClientAuth,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `jurisdiction_id` and `api_key`, both optional, checked before any parameter of the method. */
  private async admit(ctx: ReadContext): Promise<void> {
    const jurisdiction = textParam(ctx.query, 'jurisdiction_id');
    if (jurisdiction !== undefined && jurisdiction !== this.config.open311.jurisdictionId)
      throw new Open311Exception(404, ['jurisdiction_id: unknown jurisdiction']);
    await this.auth.authenticate(textParam(ctx.query, 'api_key'), false);
  }

  async discovery(ctx: ReadContext) {
    await this.admit(ctx);
    const changeset = open311Time((await this.repo.catalogueChangedAt()) ?? new Date(0));
    const en = ctx.lang === 'en';
    return {
      changeset,
      contact: this.config.open311.contact,
      key_service: KEY_SERVICE[ctx.lang](this.config.open311.contact),
      endpoints: [
        {
          specification: GEOREPORT_SPECIFICATION,
          url: ctx.endpointUrl,
          changeset,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
      // Beside the endpoints, where a strict client looks for nothing: the China profile.
      profiles: [
        {
          name: 'baitong-china',
          description: en
            ? 'China profile: lat/long in WGS-84 unless coordinate_system=gcj02|bd09 is given (input and output); times in ISO 8601 at +08:00; extended_attributes.baitong_status with the stage (受理/办理/办结/回访) and the follow-up result; names and status_notes in Chinese, English with Accept-Language: en.'
            : '中国扩展：经纬度默认 WGS-84，可用 coordinate_system=gcj02|bd09 指定输入和输出坐标系；时间为 ISO 8601、+08:00；extended_attributes.baitong_status 给出办理阶段（受理/办理/办结/回访）和回访结果；名称与 status_notes 默认中文，Accept-Language: en 时为英文。',
          coordinate_system: 'wgs84,gcj02,bd09',
          default_coordinate_system: 'wgs84',
          extended_attributes: 'baitong_status',
          time_offset: '+08:00',
          languages: 'zh-CN,en',
          language_header: 'Accept-Language',
          jurisdiction_id: this.config.open311.jurisdictionId,
          max_requests: MAX_REQUESTS,
        },
      ],
    };
  }

  async services(ctx: ReadContext) {
    await this.admit(ctx);
    const lang = ctx.lang;
    return (await this.repo.listPublicCategories()).map((c) => ({
      service_code: c.code,
      service_name: named(c.nameZh, c.nameEn, lang),
      description: named(c.descriptionZh, c.descriptionEn, lang) || named(c.nameZh, c.nameEn, lang),
      metadata: c.fields.length > 0,
      type: 'realtime',
      keywords: c.keywords.join(', '),
      group: KIND_NAMES[c.kind][lang],
    }));
  }

  async serviceDefinition(ctx: ReadContext, code: string) {
    await this.admit(ctx);
    const c = /^[a-z0-9_]{1,48}$/.test(code) ? await this.repo.findPublicCategory(code) : undefined;
    if (!c) throw new Open311Exception(404, ['service_code: unknown service_code']);
    return { service_code: c.code, attributes: attributesOf(c, ctx.lang) };
  }

  async requests(ctx: ReadContext) {
    await this.admit(ctx);
    const q = ctx.query;
    const numbers = listParam(q, 'service_request_id');
    const codes = listParam(q, 'service_code');
    const status = statusParam(q);
    const datum = coordinateSystemParam(q);
    const window = windowParams(q, this.clock.now());
    const rows = await this.repo.listRequests(
      numbers
        ? { numbers }
        : {
            codes,
            statuses: status?.flatMap((s): CaseStatus[] => caseStatusesOf(s)),
            ...window,
            limit: MAX_REQUESTS,
          },
    );
    return rows.map((r) => toOpen311Request(r, ctx.lang, datum));
  }

  async request(ctx: ReadContext, id: string) {
    await this.admit(ctx);
    const datum = coordinateSystemParam(ctx.query);
    const rows = looksLikeCaseNumber(id) ? await this.repo.listRequests({ numbers: [id] }) : [];
    if (!rows[0]) throw new Open311Exception(404, ['service_request_id: unknown request']);
    return [toOpen311Request(rows[0], ctx.lang, datum)];
  }

  async token(ctx: ReadContext, token: string) {
    await this.admit(ctx);
    const t = looksLikeToken(token) ? await this.repo.findToken(token) : undefined;
    if (!t) throw new Open311Exception(404, ['token: unknown token']);
    return [{ service_request_id: t.number ?? '', token: t.token }];
  }
}

function attributesOf(c: PublicCategory, lang: Open311Language) {
  return [...c.fields]
    .sort((a, b) => a.order - b.order)
    .map((f) => ({
      variable: f.variable,
      code: f.code,
      datatype: f.datatype,
      required: f.required,
      datatype_description: DATATYPE_DESCRIPTIONS[f.datatype][lang],
      order: f.order,
      description: named(f.descriptionZh, f.descriptionEn, lang),
      ...(f.datatype === 'singlevaluelist' || f.datatype === 'multivaluelist'
        ? {
            values: (f.values ?? []).map((v) => ({
              key: v.key,
              name: named(v.nameZh, v.nameEn, lang),
            })),
          }
        : {}),
    }));
}
