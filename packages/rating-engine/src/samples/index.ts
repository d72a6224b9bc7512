import type { Framework } from '../framework/types.js';
import { sampleFramework2018 } from './sample-2018.js';
import { sampleFramework2022 } from './sample-2022.js';

export { sampleFramework2018, sampleFramework2022 };

/** The shipped sample frameworks by the short name an input or the CLI may use. */
export const SAMPLE_FRAMEWORKS: Readonly<Record<'sample-2022' | 'sample-2018', Framework>> = {
  'sample-2022': sampleFramework2022,
  'sample-2018': sampleFramework2018,
};
