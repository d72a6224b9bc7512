import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/actor';
import { scopeSql, scopeWhere, systemRead } from '../../src/auth/scope';

const staff = (p: Partial<Actor>): Actor => ({
  kind: 'staff',
  id: 'u1',
  sessionId: 's1',
  role: 'desk_staff',
  name: 'x',
  scopeLevel: 'community',
  scopeId: 'c1',
  streetId: 'st1',
  communityId: 'c1',
  compoundId: null,
  ...p,
});
const cols = { community: 'c.community_id', compound: 'c.compound_id', assignee: 'c.assignee_id' };

describe('one scope helper for query builders and raw SQL', () => {
  it('limits a grid worker to their compound (and what is assigned to them), not the community', () => {
    const params: unknown[] = [];
    const grid = staff({ role: 'grid_worker', scopeLevel: 'compound', compoundId: 'x1' });
    expect(scopeSql(grid, cols, params)).toBe('(c.compound_id = $1 OR c.assignee_id = $2)');
    expect(params).toEqual(['x1', 'u1']);
  });

  it('gives the same rule with named parameters to query builders', () => {
    const w = scopeWhere(staff({}), cols);
    expect(w.sql).toMatch(/^\(c\.community_id = :scope\d+ OR c\.assignee_id = :scope\d+\)$/);
    expect(Object.values(w.params)).toEqual(['c1', 'u1']);
  });

  it('numbers raw parameters after those already in the query', () => {
    const params: unknown[] = ['case-id'];
    expect(scopeSql(staff({ scopeLevel: 'street' }), { community: 'c.community_id' }, params)).toBe(
      '(c.community_id IN (SELECT sc.id FROM community sc WHERE sc.street_id = $2))',
    );
  });

  it('lets residents read only their own rows where the row names its resident', () => {
    const r = staff({ kind: 'resident', role: 'resident', id: 'r1' });
    const params: unknown[] = [];
    expect(scopeSql(r, { ...cols, resident: 'c.resident_id' }, params)).toBe(
      '(c.resident_id = $1)',
    );
    expect(params).toEqual(['r1']);
  });

  it('reads everything only when the system says it is a system read', () => {
    expect(scopeSql(systemRead('overdue scan'), cols, [])).toBe('TRUE');
    expect(scopeSql(staff({ scopeLevel: 'district', role: 'bureau_admin' }), cols, [])).toBe(
      'TRUE',
    );
  });
});
