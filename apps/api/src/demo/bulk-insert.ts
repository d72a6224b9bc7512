import type { EntityManager } from 'typeorm';

export type Column = [name: string, pgType: string];

/**
 * Many rows in few statements: one array parameter per column, joined by unnest and inserted in
 * the order given (sequences and event ids follow it). `cast` replaces a column's plain value
 * with an expression over `t.<column>`.
 */
export async function bulkInsert(
  m: EntityManager,
  table: string,
  columns: Column[],
  rows: unknown[][],
  chunk = 5000,
  cast: Record<string, string> = {},
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const params = columns.map((_, c) => part.map((r) => r[c]));
    const args = columns.map(([, type], c) => `$${c + 1}::${type}[]`).join(', ');
    const names = columns.map(([n]) => n);
    const select = names.map((n) => cast[n] ?? `t.${n}`).join(', ');
    await m.query(
      `INSERT INTO ${table} (${names.join(', ')})
       SELECT ${select} FROM unnest(${args}) WITH ORDINALITY AS t(${names.join(', ')}, ord) ORDER BY t.ord`,
      params,
    );
  }
}
