const camelNames = new Map<string, string>();

function camel(s: string): string {
  let name = camelNames.get(s);
  if (name === undefined) {
    name = s.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase());
    camelNames.set(s, name);
  }
  return name;
}

/** Raw snake_case rows to camelCase (dates and jsonb already parsed by pg). */
export function toCamel<T>(raw: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) out[camel(k)] = v;
  return out as T;
}

/** Positional parameters for raw SQL, appended as the query is built. */
export function binder(params: unknown[]): (v: unknown) => string {
  return (v) => {
    params.push(v);
    return `$${params.length}`;
  };
}
