import { GRADES, type RatingPolicy } from './policy.js';
import { roundHalfUp } from './points.js';
import type { CommunityResult, RunSummary, ScoreDistribution } from './result.js';

function distribution(totalsCents: number[], maxCents: number): ScoreDistribution {
  const sorted = [...totalsCents].sort((a, b) => a - b);
  const bins = 10;
  const histogram = Array.from({ length: bins }, (_, i) => ({
    from: Math.round((maxCents * i) / bins) / 100,
    to: Math.round((maxCents * (i + 1)) / bins) / 100,
    count: 0,
  }));
  for (const cents of sorted) {
    const bin = Math.min(bins - 1, Math.floor((cents * bins) / maxCents));
    const target = histogram[Math.max(0, bin)];
    if (target !== undefined) target.count += 1;
  }
  const count = sorted.length;
  if (count === 0) return { count, min: null, max: null, mean: null, median: null, histogram };
  const middle = Math.floor(count / 2);
  const medianCents =
    count % 2 === 1
      ? (sorted[middle] ?? 0)
      : roundHalfUp(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
  const sum = sorted.reduce((total, cents) => total + cents, 0);
  return {
    count,
    min: (sorted[0] ?? 0) / 100,
    max: (sorted[count - 1] ?? 0) / 100,
    mean: roundHalfUp(sum / count) / 100,
    median: medianCents / 100,
    histogram,
  };
}

// Run-level figures: counts per status and grade, quota sizes and the score distribution.
export function summarise(
  communities: CommunityResult[],
  policy: RatingPolicy,
  caps: number[],
  maxCents: number,
): RunSummary {
  const summary: RunSummary = {
    communities: communities.length,
    byStatus: { rated: 0, not_eligible: 0, disqualified: 0, incomplete: 0 },
    rated: 0,
    quotas: GRADES.map((grade, i) => ({
      grade,
      share: policy.quotas[grade],
      cap: caps[i] ?? 0,
      assigned: 0,
    })),
    grades: { AAA: 0, AA: 0, A: 0, none: 0 },
    notices: 0,
    recommended: 0,
    boundaryTies: 0,
    movement: { upgrade: 0, keep: 0, downgrade: 0, new: 0 },
    scores: distribution([], maxCents),
  };
  const ratedTotals: number[] = [];
  for (const community of communities) {
    summary.byStatus[community.status] += 1;
    if (community.status === 'rated') ratedTotals.push(Math.round(community.total * 100));
    summary.grades[community.grade ?? 'none'] += 1;
    const quota = summary.quotas.find((q) => q.grade === community.grade);
    if (quota !== undefined) quota.assigned += 1;
    if (community.notice) summary.notices += 1;
    if (community.recommended) summary.recommended += 1;
    if (community.boundaryTie !== null) summary.boundaryTies += 1;
    if (community.movement !== null) summary.movement[community.movement] += 1;
  }
  summary.rated = summary.byStatus.rated;
  summary.scores = distribution(ratedTotals, maxCents);
  return summary;
}
