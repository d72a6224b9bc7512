import { Inject, Injectable } from '@nestjs/common';
import type { ClientActor } from '../../auth/actor';
import { CLOCK, type Clock } from '../../common/clock';
import { Open311Exception } from '../georeport/open311-errors';
import { ApiClientAuthRepository } from './api-client-auth.repository';
import { hashApiKey, looksLikeApiKey } from './api-keys';

/**
 * Who is calling Open311: the client application behind an `api_key`, after its revocation and
 * its rate limit (one counter per client and minute in PostgreSQL, so every API process counts
 * the same window). Scope (categories, streets) is checked where the request's target is known.
 */
@Injectable()
export class ApiClientAuth {
  constructor(
    private readonly repo: ApiClientAuthRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The client for `apiKey`, its request counted. Without a key: null when `required` is false
   * (public reads), otherwise 400 naming `api_key` as the spec's own servers answer. An unknown or
   * revoked key is 403; beyond the rate, 429 with the seconds to wait.
   */
  async authenticate(apiKey: unknown, required: boolean): Promise<ClientActor | null> {
    if (apiKey === undefined || apiKey === '') {
      if (!required) return null;
      throw Open311Exception.badRequest('api_key', 'is required to file a request');
    }
    if (typeof apiKey !== 'string' || !looksLikeApiKey(apiKey))
      throw new Open311Exception(403, ['api_key: invalid api_key']);
    const now = this.clock.now();
    const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    const c = await this.repo.useKey(hashApiKey(apiKey), minute, now);
    if (!c) throw new Open311Exception(403, ['api_key: invalid api_key']);
    if (c.revokedAt) throw new Open311Exception(403, ['api_key: this api_key has been revoked']);
    if (c.count > c.rateLimitPerMinute) {
      const wait = Math.max(1, Math.ceil((minute.getTime() + 60_000 - now.getTime()) / 1000));
      throw new Open311Exception(429, [
        `api_key: more than ${c.rateLimitPerMinute} requests a minute; retry in ${wait} s`,
      ]).withRetryAfter(wait);
    }
    return {
      kind: 'client',
      id: c.id,
      name: c.name,
      channel: c.channel,
      categoryCodes: c.categoryCodes,
      streetIds: c.streetIds,
    };
  }
}
