// Benchmark (not a test): 5,000 communities rated on the 90-indicator 2022 sample framework, on
// one core. Prints the time per run and communities per second; the target is well under 1 s.
import { rate, sampleFramework2022, type RatingInput } from '../src/index.js';
import { syntheticCommunities } from '../test/support/synthetic.js';

const COMMUNITIES = 5000;
const WARM_UP = 3;
const RUNS = 10;

const input: RatingInput = {
  year: 2023,
  ratingDate: '2024-02-01',
  framework: sampleFramework2022,
  communities: syntheticCommunities(sampleFramework2022, COMMUNITIES, 7),
};

for (let i = 0; i < WARM_UP; i++) rate(input);

const times: number[] = [];
let graded = 0;
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  const result = rate(input);
  times.push(performance.now() - started);
  graded = result.summary.rated - result.summary.grades.none;
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? NaN;
const best = times[0] ?? NaN;
const indicators = sampleFramework2022.sections.reduce(
  (n, s) => n + s.aspects.reduce((m, a) => m + a.indicators.length, 0),
  0,
);

console.log(
  `rating-engine bench: ${COMMUNITIES} communities x ${indicators} indicators, ${RUNS} runs after ${WARM_UP} warm-up runs (Node ${process.version})`,
);
console.log(`  time per run: median ${median.toFixed(1)} ms, best ${best.toFixed(1)} ms`);
console.log(
  `  communities per second: ${Math.round(COMMUNITIES / (median / 1000)).toLocaleString('en')} (median run)`,
);
console.log(
  `  indicator scores per second: ${Math.round((COMMUNITIES * indicators) / (median / 1000)).toLocaleString('en')}`,
);
console.log(`  graded per run: ${graded} of ${COMMUNITIES}`);
