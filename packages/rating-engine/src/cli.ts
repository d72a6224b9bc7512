// The only module with Node I/O: reads JSON files, prints JSON results.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  frameworkShape,
  rate,
  RatingValidationError,
  SAMPLE_FRAMEWORKS,
  UnknownCommunityError,
  validateFramework,
  whatIf,
  withFormulas,
} from './index.js';

// What the CLI needs from the outside world; tests pass their own.
export interface CliIo {
  readFile(file: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

export const USAGE = `Usage:
  rating-engine rate INPUT.json [--formulas] [--compact] rate every community, print the result
  rating-engine whatif INPUT.json COMMUNITY [--compact]  smallest single-indicator changes to the next grade
  rating-engine validate FRAMEWORK.json|sample-2022|sample-2018
                                                         validate a framework, print its shape

INPUT.json: { "year", "ratingDate", "framework", "policy"?, "communities" }, where "framework" is a
framework object, "sample-2022", "sample-2018", or a path to a framework file relative to INPUT.json.
--formulas adds each indicator's computation as a line of arithmetic ("formula").
--compact prints the JSON on one line.
Exit codes: 0 done, 1 invalid input or framework, 2 usage error.`;

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

function isSampleName(name: string): name is keyof typeof SAMPLE_FRAMEWORKS {
  return Object.hasOwn(SAMPLE_FRAMEWORKS, name);
}

async function readJson(io: CliIo, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await io.readFile(path.resolve(io.cwd, file));
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`, 1);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${(error as Error).message}`, 1);
  }
}

async function loadFramework(io: CliIo, reference: string, relativeTo: string): Promise<unknown> {
  if (isSampleName(reference)) return SAMPLE_FRAMEWORKS[reference];
  return readJson(io, path.resolve(io.cwd, relativeTo, reference));
}

// Reads an input file and replaces a framework reference (sample name or path) by the framework.
async function loadInput(io: CliIo, file: string): Promise<unknown> {
  const input = await readJson(io, file);
  if (typeof input === 'object' && input !== null && 'framework' in input) {
    const reference = input.framework;
    if (typeof reference === 'string') {
      const framework = await loadFramework(
        io,
        reference,
        path.dirname(path.resolve(io.cwd, file)),
      );
      return { ...input, framework };
    }
  }
  return input;
}

// Runs the CLI with its arguments (without `node` and the script) and returns the exit code.
export async function main(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  const compact = argv.includes('--compact');
  const formulas = argv.includes('--formulas');
  const args = argv.filter((arg) => arg !== '--compact' && arg !== '--formulas');
  const print = (value: unknown): void =>
    io.stdout(`${compact ? JSON.stringify(value) : JSON.stringify(value, null, 2)}\n`);
  const [command, ...rest] = args;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      (command === undefined ? io.stderr : io.stdout)(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === 'rate' && rest.length === 1 && rest[0] !== undefined) {
      const result = rate((await loadInput(io, rest[0])) as Parameters<typeof rate>[0]);
      print(formulas ? withFormulas(result) : result);
      return 0;
    }
    if (
      command === 'whatif' &&
      rest.length === 2 &&
      rest[0] !== undefined &&
      rest[1] !== undefined
    ) {
      print(whatIf((await loadInput(io, rest[0])) as Parameters<typeof whatIf>[0], rest[1]));
      return 0;
    }
    if (command === 'validate' && rest.length === 1 && rest[0] !== undefined) {
      const framework = await loadFramework(io, rest[0], '.');
      const result = validateFramework(framework);
      if (!result.ok) {
        print({ ok: false, issues: result.issues });
        return 1;
      }
      const { id, version, effectiveYear, sample } = result.value;
      print({
        ok: true,
        framework: {
          id,
          version,
          effectiveYear,
          sample: sample === true,
          ...frameworkShape(result.value),
        },
      });
      return 0;
    }
    io.stderr(`${USAGE}\n`);
    return 2;
  } catch (error) {
    if (error instanceof RatingValidationError) {
      io.stderr(`${JSON.stringify({ ok: false, issues: error.issues }, null, 2)}\n`);
      return 1;
    }
    if (error instanceof CliError || error instanceof UnknownCommunityError) {
      io.stderr(`rating-engine: ${error.message}\n`);
      return error instanceof CliError ? error.exitCode : 1;
    }
    throw error;
  }
}

export function nodeIo(): CliIo {
  return {
    readFile: (file) => readFile(file, 'utf8'),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
}

const entry = process.argv[1];
if (entry !== undefined && path.resolve(entry) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
