// Regenerates the golden expectations from the engine. Run it only after a deliberate change to
// the scoring, and review the diff of every expected file before committing it.
import { readFileSync, writeFileSync } from 'node:fs';
import { rate, SAMPLE_FRAMEWORKS, type RatingInput } from '../src/index.js';
import { liangjiangInput, project } from '../test/support/liangjiang.js';

const fixture = (name: string): URL => new URL(`../test/fixtures/${name}`, import.meta.url);
const write = (name: string, value: unknown): void => {
  writeFileSync(fixture(name), `${JSON.stringify(value, null, 2)}\n`);
  console.log(`wrote test/fixtures/${name}`);
};

const mini = JSON.parse(readFileSync(fixture('mini.input.json'), 'utf8')) as RatingInput;
write('mini.expected.json', rate(mini));
const liangjiang = liangjiangInput();
write(
  'liangjiang-55.expected.json',
  project(rate({ ...liangjiang, framework: SAMPLE_FRAMEWORKS[liangjiang.framework] })),
);
