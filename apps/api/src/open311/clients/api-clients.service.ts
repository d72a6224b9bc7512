import type { ApiClient, IssuedApiClient } from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import { policy } from '../../auth/policy';
import { AuditService } from '../../audit/audit.service';
import { AppException } from '../../common/app-exception';
import { CLOCK, type Clock } from '../../common/clock';
import type { RequestMeta } from '../../common/request-context';
import { Db } from '../../database/db';
import type { ApiClientEntity } from '../open311.entities';
import type { CreateApiClientDto, RevokeApiClientDto, UpdateApiClientDto } from './api-clients.dto';
import { type ApiClientRow, ApiClientsRepository } from './api-clients.repository';
import { newApiKey } from './api-keys';

const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);

function toApiClient(r: ApiClientRow): ApiClient {
  return {
    id: r.id,
    name: r.name,
    contact: r.contact,
    channel: r.channel,
    keyPrefix: r.keyPrefix,
    categoryCodes: r.categoryCodes,
    streetIds: r.streetIds,
    rateLimitPerMinute: r.rateLimitPerMinute,
    createdAt: iso(r.createdAt)!,
    createdByName: r.createdByName,
    lastUsedAt: iso(r.lastUsedAt),
    revokedAt: iso(r.revokedAt),
    revokedByName: r.revokedByName,
    revokeReason: r.revokeReason,
    requestCount: r.requestCount,
  };
}

/** Usage counters are kept this long; the rate limit itself reads only the current minute. */
export const USAGE_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * The bureau's management of client applications (docs/API.md, "Open311 clients"): a key is
 * shown once when issued and only its sha256 kept; scope (categories, streets) and rate are
 * checked on every request by ApiClientAuth and the filing service; a revoked key is refused at
 * its next request, as the lookup reads the row each time.
 */
@Injectable()
export class ApiClientsService {
  constructor(
    private readonly repo: ApiClientsRepository,
    private readonly db: Db,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(actor: Actor): Promise<ApiClient[]> {
    if (!policy.readApiClients(actor)) throw AppException.forbidden();
    return (await this.repo.list()).map(toApiClient);
  }

  async issue(actor: Actor, dto: CreateApiClientDto, meta: RequestMeta): Promise<IssuedApiClient> {
    this.mayManage(actor);
    const categoryCodes = dto.categoryCodes ?? [];
    const streetIds = (dto.streetIds ?? []).map((s) => s.toLowerCase());
    await this.checkScope({ categoryCodes, streetIds });
    const key = newApiKey();
    const id = await this.db.transaction(async (m) => {
      const id = await this.repo.insert(m, {
        name: dto.name.trim(),
        contact: dto.contact?.trim() || null,
        channel: dto.channel,
        keyPrefix: key.prefix,
        keyHash: key.hash,
        categoryCodes,
        streetIds,
        rateLimitPerMinute: dto.rateLimitPerMinute ?? 60,
        createdById: actor.id,
      });
      await this.audit.record(
        actor,
        {
          action: 'open311_client.issued',
          entity: 'api_client',
          entityId: id,
          communityId: null,
          detail: {
            name: dto.name.trim(),
            channel: dto.channel,
            keyPrefix: key.prefix,
            categoryCodes,
            streetIds,
            rateLimitPerMinute: dto.rateLimitPerMinute ?? 60,
          },
        },
        meta,
        m,
      );
      return id;
    });
    return { client: toApiClient((await this.repo.find(id))!), apiKey: key.key };
  }

  async update(
    actor: Actor,
    id: string,
    dto: UpdateApiClientDto,
    meta: RequestMeta,
  ): Promise<ApiClient> {
    this.mayManage(actor);
    const c = await this.load(id);
    const patch: Partial<ApiClientEntity> = {};
    if (dto.name !== undefined) patch.name = dto.name.trim();
    if (dto.contact !== undefined) patch.contact = dto.contact?.trim() || null;
    if (dto.categoryCodes !== undefined) patch.categoryCodes = dto.categoryCodes;
    if (dto.streetIds !== undefined) patch.streetIds = dto.streetIds.map((s) => s.toLowerCase());
    if (dto.rateLimitPerMinute !== undefined) patch.rateLimitPerMinute = dto.rateLimitPerMinute;
    await this.checkScope({
      categoryCodes: patch.categoryCodes ?? [],
      streetIds: patch.streetIds ?? [],
    });
    const changed = Object.fromEntries(
      Object.entries(patch).filter(
        ([k, v]) => JSON.stringify(v) !== JSON.stringify(c[k as keyof ApiClientRow]),
      ),
    );
    if (Object.keys(changed).length > 0) {
      await this.db.transaction(async (m) => {
        await this.repo.update(m, id, changed);
        await this.audit.record(
          actor,
          {
            action: 'open311_client.changed',
            entity: 'api_client',
            entityId: id,
            communityId: null,
            detail: {
              name: patch.name ?? c.name,
              changed,
              before: Object.fromEntries(
                Object.keys(changed).map((k) => [k, c[k as keyof ApiClientRow]]),
              ),
            },
          },
          meta,
          m,
        );
      });
    }
    return toApiClient((await this.repo.find(id))!);
  }

  async revoke(
    actor: Actor,
    id: string,
    dto: RevokeApiClientDto,
    meta: RequestMeta,
  ): Promise<ApiClient> {
    this.mayManage(actor);
    const c = await this.load(id);
    if (c.revokedAt)
      throw new AppException('CONFLICT', 'This key is already revoked', undefined, {
        revokedAt: iso(c.revokedAt),
      });
    const reason = dto.reason.trim();
    if (!reason) throw AppException.invalid('reason', 'say why the key is revoked', 'required');
    await this.db.transaction(async (m) => {
      const done = await this.repo.revoke(m, id, {
        staffId: actor.id,
        reason,
        at: this.clock.now(),
      });
      if (!done) throw new AppException('CONFLICT', 'This key is already revoked');
      await this.audit.record(
        actor,
        {
          action: 'open311_client.revoked',
          entity: 'api_client',
          entityId: id,
          communityId: null,
          detail: { name: c.name, keyPrefix: c.keyPrefix, reason },
        },
        meta,
        m,
      );
    });
    return toApiClient((await this.repo.find(id))!);
  }

  /** Deletes the usage counters older than a day (the hourly job); returns how many went. */
  pruneUsage(): Promise<number> {
    return this.repo.pruneUsage(new Date(this.clock.now().getTime() - USAGE_KEPT_MS));
  }

  private mayManage(actor: Actor): void {
    if (!policy.manageApiClients(actor))
      throw AppException.forbidden('Only the bureau issues and manages API keys');
  }

  private async load(id: string): Promise<ApiClientRow> {
    const c = await this.repo.find(id);
    if (!c) throw AppException.notFound('API client');
    return c;
  }

  private async checkScope(s: { categoryCodes: string[]; streetIds: string[] }): Promise<void> {
    const badCodes = await this.repo.unusableCategoryCodes(s.categoryCodes);
    if (badCodes.length)
      throw AppException.invalid(
        'categoryCodes',
        `no active public category with the code ${badCodes.join(', ')}`,
        'not_found',
      );
    const badStreets = await this.repo.unknownStreetIds(s.streetIds);
    if (badStreets.length)
      throw AppException.invalid(
        'streetIds',
        `no such street: ${badStreets.join(', ')}`,
        'not_found',
      );
  }
}
