import type { Actor } from './actor';

export interface ScopeCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The single definition of "which communities may this actor read". Repositories append it
 * to every query on community-owned rows, so no handler can forget it.
 * `column` is the SQL expression holding the row's community id.
 */
export function communityScope(actor: Actor, column: string): ScopeCondition {
  switch (actor.scopeLevel) {
    case 'district':
      return { sql: 'TRUE', params: {} };
    case 'street':
      return {
        sql: `${column} IN (SELECT sc.id FROM community sc WHERE sc.street_id = :scopeStreetId)`,
        params: { scopeStreetId: actor.streetId },
      };
    case 'community':
    case 'compound':
      return {
        sql: `${column} = :scopeCommunityId`,
        params: { scopeCommunityId: actor.communityId },
      };
  }
}

/** Same rule for streets: district roles see all, everyone else only their own street. */
export function streetScope(actor: Actor, column: string): ScopeCondition {
  if (actor.scopeLevel === 'district') return { sql: 'TRUE', params: {} };
  return { sql: `${column} = :scopeOwnStreetId`, params: { scopeOwnStreetId: actor.streetId } };
}
