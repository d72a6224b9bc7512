import { UnknownCommunityError } from './errors.js';
import type { CompiledIndicator } from './framework/compile.js';
import {
  compareScores,
  groupStandings,
  placeGroup,
  START,
  tied,
  type GradeState,
  type Placement,
  type Standing,
} from './grading.js';
import type { RatingInput } from './input.js';
import type { MetricKey } from './metrics.js';
import { GRADES, gradeLevel, type Grade } from './policy.js';
import { centsForShare } from './points.js';
import { prepareOrThrow } from './rate.js';
import { ruleLevelsAbove, ruleTarget, type ValueTarget } from './rules/index.js';
import { runRating, type Run, type RunEntry } from './run.js';
import { weightedAssessment } from './score.js';

/** The input change behind a what-if option. */
export type WhatIfChange =
  | {
      source: 'metric';
      metric: MetricKey;
      currentValue: number | null;
      /** The metric values that earn the required points. */
      required: ValueTarget;
    }
  | {
      source: 'assessment';
      scale: number;
      currentWeightedScore: number | null;
      /** The weighted mean of the assessor scores that earns the required points. */
      requiredWeightedScore: number;
    };

/** One indicator whose improvement alone would lift the community to the target grade. */
export interface WhatIfOption {
  indicator: string;
  section: string;
  aspect: string;
  currentPoints: number;
  requiredPoints: number;
  pointsNeeded: number;
  maxPoints: number;
  resultingTotal: number;
  resultingRank: number;
  resultingGrade: Grade;
  change: WhatIfChange;
}

/**
 * What-if for one community, all other inputs and communities held fixed.
 * `options`: the smallest single-indicator changes reaching `targetGrade`, fewest points first.
 * `status`: `options`; `no_single_change` (no single indicator suffices); `top_grade`
 * (already AAA); `not_rated` (see `notRatedReason`).
 */
export interface WhatIfResult {
  communityId: string;
  status: 'options' | 'no_single_change' | 'top_grade' | 'not_rated';
  notRatedReason: 'not_eligible' | 'disqualified' | 'incomplete_inputs' | null;
  total: number;
  rank: number | null;
  grade: Grade | null;
  targetGrade: Grade | null;
  options: WhatIfOption[];
  /** Indicators short of full points that could not lift the community even at full points. */
  insufficient: string[];
}

interface Field {
  groups: Standing[][];
  // The grading state before each group, and after the last.
  states: GradeState[];
  // How many communities precede each group.
  before: number[];
}

function fieldWithout(run: Run, entry: RunEntry): Field {
  const others = run.rated.filter((other) => other !== entry).map((other) => other.standing);
  const groups = groupStandings(others);
  const states: GradeState[] = [START];
  const before: number[] = [0];
  let state = START;
  let count = 0;
  for (const group of groups) {
    const first = group[0];
    if (first !== undefined) {
      state = placeGroup(state, group.length, first.totalCents, run.caps, run.minimumCents).next;
    }
    count += group.length;
    states.push(state);
    before.push(count);
  }
  return { groups, states, before };
}

function evaluate(
  run: Run,
  field: Field,
  standing: Standing,
): { placement: Placement; rank: number } {
  // The first group not strictly better than the standing.
  let low = 0;
  let high = field.groups.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const first = field.groups[middle]?.[0];
    if (first !== undefined && compareScores(first, standing) < 0) low = middle + 1;
    else high = middle;
  }
  const group = field.groups[low];
  const first = group?.[0];
  const size = first !== undefined && tied(first, standing) ? (group?.length ?? 0) + 1 : 1;
  const state = field.states[low] ?? START;
  return {
    placement: placeGroup(state, size, standing.totalCents, run.caps, run.minimumCents),
    rank: (field.before[low] ?? 0) + 1,
  };
}

function requiredWeightedScore(indicator: CompiledIndicator, cents: number): number {
  const earns = (score: number): boolean =>
    centsForShare(score / indicator.scale, indicator.maxCents) >= cents;
  let score = Math.ceil(((cents - 0.5) / indicator.maxCents) * indicator.scale * 100 - 1e-6) / 100;
  score = Math.min(indicator.scale, Math.max(0, score));
  for (let i = 0; i < 100 && !earns(score) && score < indicator.scale; i++) {
    score = Math.min(indicator.scale, Number((score + 0.01).toFixed(2)));
  }
  return score;
}

function changeFor(indicator: CompiledIndicator, entry: RunEntry, cents: number): WhatIfChange {
  const source = indicator.source;
  if (source.kind === 'metric') {
    const value = entry.scored.input.metrics?.[source.metric] ?? null;
    return {
      source: 'metric',
      metric: source.metric,
      currentValue: value,
      required: ruleTarget(source.rule, indicator.maxCents, cents, value),
    };
  }
  const current = weightedAssessment(indicator, entry.scored.input.assessments?.[indicator.key]);
  return {
    source: 'assessment',
    scale: indicator.scale,
    currentWeightedScore: current === null ? null : Number(current.toFixed(6)),
    requiredWeightedScore: requiredWeightedScore(indicator, cents),
  };
}

function levelsAbove(indicator: CompiledIndicator, currentCents: number): number[] {
  const source = indicator.source;
  if (source.kind === 'metric')
    return ruleLevelsAbove(source.rule, indicator.maxCents, currentCents);
  const levels: number[] = [];
  for (let cents = currentCents + 1; cents <= indicator.maxCents; cents++) levels.push(cents);
  return levels;
}

/**
 * For one community of the run, the smallest single-indicator changes that would lift it to the
 * next grade (A when it has none) with everything else held fixed, each with the points needed
 * and the input that earns them. Throws {@link UnknownCommunityError} for an unknown id and
 * `RatingValidationError` for an invalid input.
 */
export function whatIf(input: RatingInput, communityId: string): WhatIfResult {
  const run = runRating(prepareOrThrow(input));
  const entry = run.entries.find((candidate) => candidate.scored.input.id === communityId);
  if (entry === undefined) throw new UnknownCommunityError(communityId);
  const grade = entry.graded?.placement.grade ?? null;
  const base: WhatIfResult = {
    communityId,
    status: 'options',
    notRatedReason: null,
    total: entry.scored.totalCents / 100,
    rank: entry.graded?.rank ?? null,
    grade,
    targetGrade: null,
    options: [],
    insufficient: [],
  };
  if (entry.notRated !== null) {
    const reason = entry.notRated.reason;
    return {
      ...base,
      status: 'not_rated',
      notRatedReason:
        reason === 'not_eligible' || reason === 'disqualified' ? reason : 'incomplete_inputs',
    };
  }
  const level = gradeLevel(grade);
  const target = GRADES[GRADES.length - 1 - level];
  if (target === undefined) return { ...base, status: 'top_grade' };
  const { compiled, policy } = run.prepared;
  const field = fieldWithout(run, entry);
  const options: WhatIfOption[] = [];
  const insufficient: string[] = [];
  for (const indicator of compiled.indicators) {
    const currentCents = entry.scored.indicatorCents[indicator.index] ?? 0;
    const touches = policy.tieBreakers.map(({ level: tieLevel, key }) =>
      tieLevel === 'section'
        ? compiled.sections[indicator.sectionIndex]?.key === key
        : tieLevel === 'aspect'
          ? compiled.aspects[indicator.aspectIndex]?.key === key
          : indicator.key === key,
    );
    const levels = levelsAbove(indicator, currentCents);
    let found = false;
    for (const cents of levels) {
      const delta = cents - currentCents;
      const standing: Standing = {
        id: entry.standing.id,
        totalCents: entry.standing.totalCents + delta,
        tie: entry.standing.tie.map((value, i) => (touches[i] === true ? value + delta : value)),
      };
      const { placement, rank } = evaluate(run, field, standing);
      if (placement.grade !== null && gradeLevel(placement.grade) >= gradeLevel(target)) {
        options.push({
          indicator: indicator.key,
          section: compiled.sections[indicator.sectionIndex]?.key ?? '',
          aspect: compiled.aspects[indicator.aspectIndex]?.key ?? '',
          currentPoints: currentCents / 100,
          requiredPoints: cents / 100,
          pointsNeeded: delta / 100,
          maxPoints: indicator.maxCents / 100,
          resultingTotal: standing.totalCents / 100,
          resultingRank: rank,
          resultingGrade: placement.grade,
          change: changeFor(indicator, entry, cents),
        });
        found = true;
        break;
      }
    }
    if (!found && levels.length > 0) insufficient.push(indicator.key);
  }
  const order = new Map(compiled.indicators.map((indicator) => [indicator.key, indicator.index]));
  options.sort(
    (a, b) =>
      a.pointsNeeded - b.pointsNeeded ||
      (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0),
  );
  return {
    ...base,
    status: options.length > 0 ? 'options' : 'no_single_change',
    targetGrade: target,
    options,
    insufficient,
  };
}
