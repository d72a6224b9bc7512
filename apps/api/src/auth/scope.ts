import type { Actor, SystemActor } from './actor';

/** A read made by the system itself (a job, a reaction, a publisher): it says so, and why. */
export interface SystemRead {
  kind: 'system_read';
  purpose: string;
}

/** Who a query reads for: a signed-in actor, or an explicit system read. Never "nobody". */
export type Reader = Actor | SystemActor | SystemRead;

export const systemRead = (purpose: string): SystemRead => ({ kind: 'system_read', purpose });

/**
 * The SQL expressions that place a row in the organisation. `community` is required; a table
 * that knows its compound names it, so compound-level staff (grid workers) see only their own
 * compound; `resident` lets residents read their own rows; `assignee` also shows staff the rows
 * assigned to them.
 */
export interface ScopeColumns {
  community: string;
  /** Rows owned by a street itself (its own staff): a street reader sees them too. */
  street?: string;
  compound?: string;
  resident?: string;
  assignee?: string;
}

export interface ScopeCondition {
  sql: string;
  params: Record<string, unknown>;
}

type Term = { sql: string; value?: unknown };

/** The one definition of "which rows may this reader see"; both forms below are built from it. */
function terms(reader: Reader, cols: ScopeColumns): Term[] | 'all' | 'none' {
  if (reader.kind === 'system_read' || reader.kind === 'system') return 'all';
  if (reader.kind === 'resident') {
    // A resident reads their own rows, and of community-owned rows only their own community's.
    return cols.resident
      ? [{ sql: `${cols.resident} = ?`, value: reader.id }]
      : reader.communityId
        ? [{ sql: `${cols.community} = ?`, value: reader.communityId }]
        : 'none';
  }
  const own: Term[] = cols.assignee ? [{ sql: `${cols.assignee} = ?`, value: reader.id }] : [];
  switch (reader.scopeLevel) {
    case 'district':
      return 'all';
    case 'street':
      return [
        {
          sql: `${cols.community} IN (SELECT sc.id FROM community sc WHERE sc.street_id = ?)`,
          value: reader.streetId,
        },
        ...(cols.street ? [{ sql: `${cols.street} = ?`, value: reader.streetId }] : []),
      ];
    case 'community':
      return [{ sql: `${cols.community} = ?`, value: reader.communityId }, ...own];
    case 'compound':
      return cols.compound
        ? [{ sql: `${cols.compound} = ?`, value: reader.compoundId }, ...own]
        : [{ sql: `${cols.community} = ?`, value: reader.communityId }, ...own];
  }
}

let seq = 0;

/** For TypeORM query builders: named parameters, unique per call so two scopes can share a query. */
export function scopeWhere(reader: Reader, cols: ScopeColumns): ScopeCondition {
  const t = terms(reader, cols);
  if (t === 'all') return { sql: 'TRUE', params: {} };
  if (t === 'none') return { sql: 'FALSE', params: {} };
  const params: Record<string, unknown> = {};
  const parts = t.map((term) => {
    const name = `scope${(seq = (seq + 1) % 1_000_000)}`;
    params[name] = term.value;
    return term.sql.replace('?', `:${name}`);
  });
  return { sql: `(${parts.join(' OR ')})`, params };
}

/** For raw SQL with positional parameters: appends the values to `params` and returns the condition. */
export function scopeSql(reader: Reader, cols: ScopeColumns, params: unknown[]): string {
  const t = terms(reader, cols);
  if (t === 'all') return 'TRUE';
  if (t === 'none') return 'FALSE';
  return `(${t
    .map((term) => {
      params.push(term.value);
      return term.sql.replace('?', `$${params.length}`);
    })
    .join(' OR ')})`;
}

/** Community-owned rows with no compound of their own (communities, audit rows, staff lists). */
export function communityScope(reader: Reader, column: string): ScopeCondition {
  return scopeWhere(reader, { community: column });
}

/** Same rule for streets: district roles see all, everyone else only their own street. */
export function streetScope(reader: Reader, column: string): ScopeCondition {
  if (reader.kind === 'system_read' || reader.kind === 'system') return { sql: 'TRUE', params: {} };
  if (reader.scopeLevel === 'district') return { sql: 'TRUE', params: {} };
  return { sql: `${column} = :scopeOwnStreetId`, params: { scopeOwnStreetId: reader.streetId } };
}
