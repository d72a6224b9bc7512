import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../src/cli.js';
import { steerableFramework, community } from './support/builders.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** Runs the CLI in the package folder with extra in-memory files; returns what it printed. */
async function cli(args: string[], files: Record<string, unknown> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd: packageRoot,
    readFile: async (file) => {
      const relative = path.relative(packageRoot, file);
      const virtual = files[relative];
      if (virtual !== undefined)
        return typeof virtual === 'string' ? virtual : JSON.stringify(virtual);
      return readFile(file, 'utf8');
    },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  };
  const code = await main(args, io);
  return { code, stdout, stderr, json: (): unknown => JSON.parse(stdout) };
}

const expected: unknown = JSON.parse(
  readFileSync(new URL('./fixtures/mini.expected.json', import.meta.url), 'utf8'),
);

describe('rating-engine CLI', () => {
  it('rates an input file and prints the result', async () => {
    const run = await cli(['rate', 'test/fixtures/mini.input.json']);
    expect(run.code).toBe(0);
    expect(run.json()).toEqual(expected);
    expect(run.stdout.split('\n').length).toBeGreaterThan(100);
  });

  it('prints one line with --compact and adds formulas with --formulas', async () => {
    const run = await cli(['rate', 'test/fixtures/mini.input.json', '--compact', '--formulas']);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const first = (
      run.json() as {
        communities: Array<{
          sections: Array<{ aspects: Array<{ indicators: Array<{ formula: string }> }> }>;
        }>;
      }
    ).communities[0]?.sections[0]?.aspects[0]?.indicators[0];
    expect(first?.formula).toBe('(0.995 - 0.94) / (0.995 - 0.94) = 1; 1 x 40.00 = 40.00');
  });

  it('resolves a framework given by sample name or by a path relative to the input', async () => {
    const communities = [community('a', 90)];
    const bySample = await cli(['rate', 'in/named.json', '--compact'], {
      'in/named.json': {
        year: 2023,
        ratingDate: '2024-01-31',
        framework: 'sample-2022',
        communities: [],
      },
    });
    expect(bySample.code).toBe(0);
    expect((bySample.json() as { framework: { indicators: number } }).framework.indicators).toBe(
      90,
    );
    const byPath = await cli(['rate', 'in/by-path.json', '--compact'], {
      'in/by-path.json': {
        year: 2023,
        ratingDate: '2024-01-31',
        framework: '../fw/steerable.json',
        communities,
      },
      'fw/steerable.json': steerableFramework(),
    });
    expect(byPath.code).toBe(0);
    expect((byPath.json() as { communities: Array<{ total: number }> }).communities[0]?.total).toBe(
      90,
    );
  });

  it('reports an invalid input with every issue on stderr and exit code 1', async () => {
    const run = await cli(['rate', 'in/bad.json'], {
      'in/bad.json': {
        year: 2023,
        ratingDate: '2024-01-31',
        framework: 'sample-2018',
        communities: [{ id: 'x' }],
      },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(run.stderr)).toEqual({
      ok: false,
      issues: [
        {
          path: 'communities[0].firstElectedOn',
          code: 'required',
          message: 'must be a date YYYY-MM-DD, or null when not yet elected, got nothing',
        },
      ],
    });
  });

  it('reports unreadable and malformed files', async () => {
    const missing = await cli(['rate', 'nowhere.json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^rating-engine: cannot read nowhere\.json: /);
    const malformed = await cli(['rate', 'in/broken.json'], { 'in/broken.json': '{ "year": ' });
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/^rating-engine: in\/broken\.json is not valid JSON: /);
  });

  it('validates a framework file or a sample by name', async () => {
    const file = await cli(['validate', 'frameworks/sample-2018.json']);
    expect(file.code).toBe(0);
    expect(file.json()).toEqual({
      ok: true,
      framework: {
        id: 'ljxq-harmonious-community-2018-sample',
        version: '2018.1-sample',
        effectiveYear: 2018,
        sample: true,
        sections: 3,
        aspects: 12,
        indicators: 86,
        metricIndicators: 8,
        assessmentIndicators: 78,
        totalPoints: 100,
      },
    });
    expect((await cli(['validate', 'sample-2022'])).code).toBe(0);
  });

  it('prints the issues of an invalid framework with exit code 1', async () => {
    const framework = { ...steerableFramework(), totalPoints: 90 };
    const run = await cli(['validate', 'fw/bad.json'], { 'fw/bad.json': framework });
    expect(run.code).toBe(1);
    expect(run.json()).toEqual({
      ok: false,
      issues: [
        {
          path: 'totalPoints',
          code: 'sum_mismatch',
          message:
            'indicator points add up to 100.00, expected 90.00 (sections[0] 60.00, sections[1] 40.00)',
        },
      ],
    });
  });

  it('answers what-if for a community', async () => {
    const run = await cli(['whatif', 'test/fixtures/mini.input.json', 'kangmei']);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({
      communityId: 'kangmei',
      targetGrade: 'A',
      status: 'options',
    });
    const unknown = await cli(['whatif', 'test/fixtures/mini.input.json', 'nobody']);
    expect(unknown).toMatchObject({
      code: 1,
      stderr: 'rating-engine: no community with id "nobody" in the input\n',
    });
  });

  it('prints usage with exit code 2 when the command is wrong, and 0 for help', async () => {
    expect(await cli([])).toMatchObject({ code: 2, stdout: '' });
    expect((await cli(['rate'])).stderr).toContain('Usage:');
    expect((await cli(['grade', 'x.json'])).code).toBe(2);
    expect((await cli(['--help'])).code).toBe(0);
  });

  it('runs as the package binary', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(packageRoot, 'bin/rating-engine.mjs'), 'validate', 'sample-2018', '--compact'],
      { cwd: packageRoot },
    );
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, framework: { indicators: 86 } });
  }, 30_000);
});
