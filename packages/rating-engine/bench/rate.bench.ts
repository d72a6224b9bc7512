// Benchmark (not a test): 5,000 communities rated on the 90-indicator 2022 sample framework, on
// one core, input validation included. Prints the time per run and communities per second.
import { rate, sampleFramework2022, type RatingInput } from '../src/index.js';
import { syntheticCommunities } from '../test/support/synthetic.js';

const COMMUNITIES = 5000;
const WARM_UP = 3;
const RUNS = 10;

// The input as the CLI and the API hold it: parsed from JSON. (Objects built key by key in a
// loop, as the generator does, fall back to slower dictionary lookups in V8.)
const input = JSON.parse(
  JSON.stringify({
    year: 2023,
    ratingDate: '2024-02-01',
    framework: sampleFramework2022,
    communities: syntheticCommunities(sampleFramework2022, COMMUNITIES, 7),
  }),
) as RatingInput;

for (let i = 0; i < WARM_UP; i++) rate(input);

const wall: number[] = [];
const cpu: number[] = [];
const baseline: number[] = [];
let graded = 0;
for (let i = 0; i < RUNS; i++) {
  // Baseline in the same run, alternating with the rating: one JSON round trip of the same input,
  // i.e. the cost of merely touching every value once. The ratio survives a busy machine.
  const copyStarted = performance.now();
  JSON.parse(JSON.stringify(input));
  baseline.push(performance.now() - copyStarted);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = rate(input);
  wall.push(performance.now() - started);
  const used = process.cpuUsage(cpuBefore);
  cpu.push((used.user + used.system) / 1000);
  graded = result.summary.rated - result.summary.grades.none;
}
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const indicators = sampleFramework2022.sections.reduce(
  (n, s) => n + s.aspects.reduce((m, a) => m + a.indicators.length, 0),
  0,
);
const perSecond = (ms: number): string =>
  Math.round(COMMUNITIES / (ms / 1000)).toLocaleString('en');

console.log(
  `rating-engine bench: ${COMMUNITIES} communities x ${indicators} indicators, ${RUNS} runs after ${WARM_UP} warm-up runs (Node ${process.version})`,
);
console.log(
  `  time per run: median ${median(wall).toFixed(0)} ms, best ${Math.min(...wall).toFixed(0)} ms (wall clock)`,
);
// CPU time shows the work done when the machine is shared; it includes V8's helper threads.
console.log(`  CPU time per run: median ${median(cpu).toFixed(0)} ms`);
console.log(
  `  communities per second: ${perSecond(median(wall))} (median run), ${perSecond(Math.min(...wall))} (best run)`,
);
console.log(`  graded per run: ${graded} of ${COMMUNITIES}`);
console.log(
  `  baseline (JSON round trip of the same input): median ${median(baseline).toFixed(0)} ms; rate / baseline = ${(median(wall) / median(baseline)).toFixed(2)}`,
);
