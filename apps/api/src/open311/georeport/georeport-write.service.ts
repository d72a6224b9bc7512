import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { CasesService } from '../../cases/cases.service';
import { CLOCK, type Clock } from '../../common/clock';
import type { RequestMeta } from '../../common/request-context';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Db } from '../../database/db';
import { ApiClientAuth } from '../clients/api-client-auth.service';
import { readAttributes, readDetails, readPosition, scalar } from './filing-params';
import {
  type FilingPlace,
  GeoReportWriteRepository,
  MAX_DISTANCE_M,
} from './georeport-write.repository';
import { Open311Exception } from './open311-errors';
import type { FilingBody } from './request-body';
import { type NoticeLanguage, serviceNotice } from './service-notice';

/** The answer to `POST requests.{format}`, one request as the spec's example has it. */
export interface FiledRequest {
  service_request_id: string;
  service_notice: string;
  account_id: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GeoReport v2 `POST requests.{format}` (docs/OPEN311.md): a client application files a
 * case into the normal desk workflow. Every check comes before the one transaction, which holds
 * the case (through CasesService, as any intake), its token and the audit row: nothing is left
 * half-created whatever fails.
 */
@Injectable()
export class GeoReportWriteService {
  constructor(
    private readonly auth: ApiClientAuth,
    private readonly repo: GeoReportWriteRepository,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async file(
    body: FilingBody,
    opts: { idempotencyKey: string | undefined; lang: NoticeLanguage; meta: RequestMeta },
  ): Promise<FiledRequest> {
    const { params } = body;
    const client = (await this.auth.authenticate(params['api_key'], true))!;
    const jurisdiction = scalar(params, 'jurisdiction_id');
    if (jurisdiction !== undefined && jurisdiction !== this.config.open311.jurisdictionId)
      throw new Open311Exception(404, ['jurisdiction_id: unknown jurisdiction']);

    const code = scalar(params, 'service_code');
    if (!code) throw Open311Exception.badRequest('service_code', 'is required');
    const category = await this.repo.findCategoryByCode(code);
    if (!category || !category.active || !category.public)
      throw new Open311Exception(404, [`service_code: no service ${code}`]);
    if (client.categoryCodes.length > 0 && !client.categoryCodes.includes(code))
      throw new Open311Exception(403, [
        `service_code: this api_key may not file requests of the service ${code}`,
      ]);

    const { place, position, address, named } = await this.locate(params);
    if (client.streetIds.length > 0 && !client.streetIds.includes(place.streetId))
      throw new Open311Exception(403, [
        `${named}: this api_key may not file requests in this street`,
      ]);

    const attributes = readAttributes(category.fields, body.attributes);
    const d = readDetails(params);
    const submitter = {
      ...(d.email ? { email: d.email } : {}),
      ...(d.deviceId ? { deviceId: d.deviceId } : {}),
      ...(d.accountId ? { accountId: d.accountId } : {}),
    };

    const filed = await this.db.transaction(async (m) => {
      const r = await this.cases.createFromClient(
        client,
        {
          categoryId: category.id,
          communityId: place.communityId,
          compoundId: place.compoundId,
          description: d.description,
          place: address,
          position,
          attributes,
          mediaUrl: d.mediaUrl,
          submitter: Object.keys(submitter).length ? submitter : null,
          name: d.name,
          phone: d.phone,
        },
        opts.idempotencyKey,
      );
      if (r.replayed) return r;
      const token = randomBytes(16).toString('hex');
      await this.repo.insertToken(m, {
        token,
        clientId: client.id,
        caseId: r.caseId,
        at: this.clock.now(),
      });
      await this.audit.record(
        client,
        {
          action: 'open311.request_filed',
          entity: 'case',
          entityId: r.caseId,
          communityId: r.communityId,
          detail: {
            number: r.number,
            serviceCode: code,
            channel: client.channel,
            clientName: client.name,
            token,
          },
        },
        opts.meta,
        m,
      );
      return r;
    });
    return {
      service_request_id: filed.number,
      service_notice: serviceNotice(filed.category, filed.resolveDueAt, opts.lang),
      account_id: d.accountId,
    };
  }

  /**
   * The location, in the spec's order of precision: `lat`+`long` (placed at the nearest compound, else desk or community),
   * else `address_id` (a compound's id), else `address_string` (a compound or community by name).
   * `address_string` is kept as the case's place whichever decided.
   */
  private async locate(params: Record<string, unknown>): Promise<{
    place: FilingPlace;
    position: { lat: number; lng: number } | null;
    address: string | null;
    named: string;
  }> {
    const address = scalar(params, 'address_string') ?? null;
    if (address !== null && address.length > 200)
      throw Open311Exception.badRequest('address_string', 'must be at most 200 characters');
    const position = readPosition(params);
    if (position) {
      const place = await this.repo.nearestPlace(position);
      if (!place)
        throw Open311Exception.badRequest(
          'lat/long',
          `no compound, desk or community of this district lies within ${MAX_DISTANCE_M / 1000} km of this position`,
        );
      return { place, position, address, named: 'lat/long' };
    }
    const addressId = scalar(params, 'address_id');
    if (addressId !== undefined) {
      const place = UUID.test(addressId) ? await this.repo.compound(addressId.toLowerCase()) : null;
      if (!place) throw Open311Exception.badRequest('address_id', 'no such address');
      return { place, position: null, address, named: 'address_id' };
    }
    if (address !== null) {
      const place = await this.repo.matchAddress(address);
      if (!place)
        throw Open311Exception.badRequest(
          'address_string',
          'names no compound or community of this district; send lat and long instead',
        );
      return { place, position: null, address, named: 'address_string' };
    }
    throw Open311Exception.badRequest(
      'lat/long',
      'a location is required: lat and long, address_string or address_id',
    );
  }
}
