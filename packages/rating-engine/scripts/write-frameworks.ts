// Writes the sample frameworks to frameworks/*.json (the data the CLI validates and the API can
// load). A test fails when the JSON and the TypeScript source drift apart.
import { writeFileSync } from 'node:fs';
import { sampleFramework2018, sampleFramework2022 } from '../src/index.js';

const files = {
  'sample-2022.json': sampleFramework2022,
  'sample-2018.json': sampleFramework2018,
};
for (const [name, framework] of Object.entries(files)) {
  const url = new URL(`../frameworks/${name}`, import.meta.url);
  writeFileSync(url, `${JSON.stringify(framework, null, 2)}\n`);
  console.log(`wrote frameworks/${name}`);
}
