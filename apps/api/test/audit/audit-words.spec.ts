import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/audit/audit-export';

/** Every source file of the API, to find the audit actions it records. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sources(join(dir, d.name))
      : d.name.endsWith('.ts')
        ? [join(dir, d.name)]
        : [],
  );
}

describe('the audit export', () => {
  it('has words in both languages for every action the API records', () => {
    const recorded = new Set<string>();
    for (const file of sources(join(__dirname, '../../src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/action: '([a-z_]+\.[a-z_]+)'/g))
        recorded.add(m[1]!);
    }
    expect(recorded.size).toBeGreaterThan(5);
    const missing = [...recorded].filter((a) => !ACTIONS[a]?.[0] || !ACTIONS[a]?.[1]);
    expect(missing).toEqual([]);
  });
});
