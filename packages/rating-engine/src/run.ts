import { eligibleFrom, isEligible } from './eligibility.js';
import type { CompiledFramework } from './framework/compile.js';
import { compareStandings, gradeStandings, type Graded, type Standing } from './grading.js';
import type { PreparedInput } from './validate-input.js';
import { quotaCaps, type RatingPolicy, type TieBreaker } from './policy.js';
import type { CommunityStatus, NoGrade } from './result.js';
import { scoreCommunity, type ScoredCommunity } from './score.js';

// One community inside a run, before it is turned into a result.
export interface RunEntry {
  scored: ScoredCommunity;
  status: CommunityStatus;
  standing: Standing;
  // Set for rated communities.
  graded: Graded | null;
  // Set for communities that are not rated.
  notRated: NoGrade | null;
}

// A computed run: every community scored, the rated ones ranked and graded.
export interface Run {
  prepared: PreparedInput;
  entries: RunEntry[];
  // Rated entries, best first.
  rated: RunEntry[];
  caps: number[];
  minimumCents: number;
  // Rank → how many rated communities share it.
  groupSizes: Map<number, number>;
}

export function tieValues(
  compiled: CompiledFramework,
  tieBreakers: readonly TieBreaker[],
  scored: Pick<ScoredCommunity, 'indicatorCents' | 'aspectCents' | 'sectionCents'>,
): number[] {
  return tieBreakers.map(({ level, key }) => {
    const index = compiled.nodes.get(key)?.index ?? -1;
    const values =
      level === 'section'
        ? scored.sectionCents
        : level === 'aspect'
          ? scored.aspectCents
          : scored.indicatorCents;
    return values[index] ?? 0;
  });
}

function classify(
  scored: ScoredCommunity,
  policy: RatingPolicy,
  ratingDate: string,
): { status: CommunityStatus; notRated: NoGrade | null } {
  const community = scored.input;
  const elected = community.firstElectedOn;
  if (!isEligible(elected, policy.minYearsSinceFirstElection, ratingDate)) {
    return {
      status: 'not_eligible',
      notRated: {
        reason: 'not_eligible',
        firstElectedOn: elected,
        eligibleFrom:
          elected === null ? null : eligibleFrom(elected, policy.minYearsSinceFirstElection),
      },
    };
  }
  const disqualification = community.disqualification;
  if (disqualification !== undefined && disqualification !== null) {
    return {
      status: 'disqualified',
      notRated: {
        reason: 'disqualified',
        detail: disqualification.reason,
        reference: disqualification.reference ?? null,
      },
    };
  }
  if (scored.missing.length > 0 && policy.missingInputs === 'withhold_grade') {
    return {
      status: 'incomplete',
      notRated: { reason: 'incomplete_inputs', missing: scored.missing.length },
    };
  }
  return { status: 'rated', notRated: null };
}

// Scores, classifies, ranks and grades every community of a validated input.
export function runRating(prepared: PreparedInput): Run {
  const { input, compiled, policy } = prepared;
  const entries: RunEntry[] = input.communities.map((community) => {
    const scored = scoreCommunity(compiled, community, policy);
    const { status, notRated } = classify(scored, policy, input.ratingDate);
    const standing: Standing = {
      id: community.id,
      totalCents: scored.totalCents,
      tie: tieValues(compiled, policy.tieBreakers, scored),
    };
    return { scored, status, standing, graded: null, notRated };
  });
  const rated = entries
    .filter((entry) => entry.status === 'rated')
    .sort((a, b) => compareStandings(a.standing, b.standing));
  const caps = quotaCaps(policy, rated.length);
  const minimumCents = Math.round(policy.minimumScore * 100);
  const graded = gradeStandings(
    rated.map((entry) => entry.standing),
    caps,
    minimumCents,
  );
  const groupSizes = new Map<number, number>();
  rated.forEach((entry, i) => {
    const g = graded[i] ?? null;
    entry.graded = g;
    if (g !== null) groupSizes.set(g.rank, (groupSizes.get(g.rank) ?? 0) + 1);
  });
  return { prepared, entries, rated, caps, minimumCents, groupSizes };
}
