import { sampleFramework2022, type CommunityInput, type RatingResult } from '../../src/index.js';
import { syntheticCommunities } from './synthetic.js';

/** The golden scenario's input with its framework by sample name, as the CLI reads it. */
export interface NamedFrameworkInput {
  year: number;
  ratingDate: string;
  framework: 'sample-2022';
  communities: CommunityInput[];
}

/**
 * 55 communities, as in Liangjiang, all rated, on the 2022 sample framework. The input is generated
 * from a fixed seed rather than stored (it would be half a megabyte of assessment scores); the
 * golden expectations in test/fixtures/liangjiang-55.expected.json pin the outcome.
 */
export function liangjiangInput(): NamedFrameworkInput {
  return {
    year: 2023,
    ratingDate: '2024-02-01',
    framework: 'sample-2022',
    communities: syntheticCommunities(sampleFramework2022, 55, 55),
  };
}

/** The figures the golden file pins: the summary and each community's outcome. */
export function project(result: RatingResult): unknown {
  return {
    summary: result.summary,
    communities: result.communities.map((c) => ({
      id: c.id,
      total: c.total,
      sections: c.sections.map((s) => s.points),
      rank: c.rank,
      grade: c.grade,
      noGrade: c.noGrade?.reason ?? null,
      notice: c.notice,
      recommended: c.recommended,
      movement: c.movement,
    })),
  };
}
