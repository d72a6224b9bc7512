import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../../..');
const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

describe('the documents of a fresh clone', () => {
  it('link only to files inside the repository, and those files exist', () => {
    const broken: string[] = [];
    for (const doc of documents) {
      const text = readFileSync(join(root, doc), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue; // http(s), mailto
        const file = resolve(root, dirname(doc), target!);
        if (!file.startsWith(root + '/') || !existsSync(file)) broken.push(`${doc} → ${target}`);
      }
      if (text.includes('../shared')) broken.push(`${doc} → ../shared`);
    }
    expect(broken).toEqual([]);
    expect(documents).toEqual(expect.arrayContaining(['docs/DESIGN.md', 'docs/API.md']));
  });

  it('name the CJK fonts the browser tests need, and CI installs them', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('fonts-noto-cjk');
    expect(readFileSync(join(root, '.ci/run'), 'utf8')).toMatch(/dpkg -s fonts-noto-cjk/);
  });

  it('keep the pinned pnpm and npm from advertising updates', () => {
    expect(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')).toMatch(
      /^updateNotifier: false$/m,
    );
    expect(readFileSync(join(root, '.npmrc'), 'utf8')).toMatch(/^update-notifier=false$/m);
  });
});
