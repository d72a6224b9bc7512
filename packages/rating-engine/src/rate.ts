import { RatingValidationError } from './errors.js';
import { frameworkShape } from './framework/compile.js';
import type { PreviousGrade, RatingInput } from './input.js';
import { GRADES, gradeLevel, type Grade } from './policy.js';
import type {
  AspectResult,
  CommunityResult,
  CommunityStatus,
  GradeDecision,
  GradeDecisionReason,
  Movement,
  QuotaFill,
  RatingResult,
  RunWarning,
  SectionResult,
} from './result.js';
import { runRating, type Run, type RunEntry } from './run.js';
import type { IndicatorScore } from './score.js';
import { summarise } from './summary.js';
import { prepareInput, type PreparedInput } from './validate-input.js';
import { ENGINE } from './version.js';

export function movementOf(
  previous: PreviousGrade | null | undefined,
  grade: Grade | null,
): Movement | null {
  if (previous === undefined || previous === null) return grade === null ? null : 'new';
  const before = gradeLevel(previous === 'none' ? null : previous);
  const after = gradeLevel(grade);
  return after > before ? 'upgrade' : after < before ? 'downgrade' : 'keep';
}

function sectionsOf(run: Run, entry: RunEntry): SectionResult[] {
  const { compiled } = run.prepared;
  const { scored } = entry;
  const sections: SectionResult[] = [];
  for (let s = 0; s < compiled.sections.length; s++) {
    const section = compiled.sections[s];
    if (section === undefined) continue;
    const aspects: AspectResult[] = [];
    for (const a of section.aspects) {
      const aspect = compiled.aspects[a];
      if (aspect === undefined) continue;
      const indicators: IndicatorScore[] = [];
      for (const i of aspect.indicators) {
        const indicator = scored.indicators[i];
        if (indicator !== undefined) indicators.push(indicator);
      }
      aspects.push({
        key: aspect.key,
        points: (scored.aspectCents[a] ?? 0) / 100,
        maxPoints: aspect.maxCents / 100,
        indicators,
      });
    }
    sections.push({
      key: section.key,
      points: (scored.sectionCents[s] ?? 0) / 100,
      maxPoints: section.maxCents / 100,
      aspects,
    });
  }
  return sections;
}

// The quota state after grading: each grade's cap and the ranks that took it.
function quotaFills(run: Run): QuotaFill[] {
  const fills: QuotaFill[] = GRADES.map((grade, i) => ({
    grade,
    cap: run.caps[i] ?? 0,
    filledRanks: null,
    assigned: 0,
  }));
  for (const entry of run.rated) {
    const graded = entry.graded;
    const grade = graded?.placement.grade ?? null;
    if (graded === null || grade === null) continue;
    const fill = fills[GRADES.indexOf(grade)];
    if (fill === undefined) continue;
    fill.assigned += 1;
    if (fill.filledRanks === null) fill.filledRanks = { from: graded.rank, to: graded.rank };
    else fill.filledRanks.to = graded.rank;
  }
  return fills;
}

function gradeDecisionOf(run: Run, entry: RunEntry, quotas: QuotaFill[]): GradeDecision {
  const graded = entry.graded;
  const placement = graded?.placement ?? null;
  const grade = placement?.grade ?? null;
  let reason: GradeDecisionReason;
  if (entry.status !== 'rated' || graded === null || placement === null) reason = 'not_rated';
  else if (placement.belowMinimum) reason = 'below_minimum';
  else if (placement.boundaryTie !== null) reason = 'boundary_tie';
  else if (grade === null) reason = 'quota_full';
  else reason = 'within_quota';
  return {
    rank: graded?.rank ?? null,
    rated: run.rated.length,
    tiedCount: graded === null ? 1 : (run.groupSizes.get(graded.rank) ?? 1),
    grade,
    reason,
    missedGrade: placement?.boundaryTie?.missedGrade ?? null,
    minimumScore: run.prepared.policy.minimumScore,
    quotas,
  };
}

function communityResult(run: Run, entry: RunEntry, quotas: QuotaFill[]): CommunityResult {
  const { policy, compiled } = run.prepared;
  const community = entry.scored.input;
  const placement = entry.graded?.placement ?? null;
  const grade = placement?.grade ?? null;
  const rated = entry.status === 'rated';
  const noGrade =
    entry.notRated ??
    (grade !== null
      ? null
      : placement?.belowMinimum === true
        ? { reason: 'below_minimum' as const, minimumScore: policy.minimumScore }
        : { reason: 'outside_quota' as const });
  return {
    id: community.id,
    name: community.name ?? null,
    status: entry.status,
    total: entry.scored.totalCents / 100,
    maxTotal: compiled.totalCents / 100,
    rank: entry.graded?.rank ?? null,
    grade,
    noGrade,
    boundaryTie: placement?.boundaryTie ?? null,
    gradeDecision: gradeDecisionOf(run, entry, quotas),
    notice: rated && entry.scored.totalCents < run.minimumCents,
    recommended:
      grade !== null &&
      policy.recommendFrom !== null &&
      gradeLevel(grade) >= gradeLevel(policy.recommendFrom),
    previousGrade: community.previousGrade ?? null,
    movement: movementOf(community.previousGrade, grade),
    tieBreakers: entry.standing.tie.map((cents) => cents / 100),
    sections: sectionsOf(run, entry),
    missing: entry.scored.missing,
  };
}

const UNRATED_ORDER: readonly CommunityStatus[] = ['disqualified', 'incomplete', 'not_eligible'];

function warningsOf(run: Run, ordered: RunEntry[]): RunWarning[] {
  const { compiled, policy } = run.prepared;
  const warnings: RunWarning[] = [];
  if (compiled.framework.sample === true) {
    warnings.push({ code: 'sample_framework', communityId: null, indicators: [] });
  }
  for (const entry of ordered) {
    if (entry.status !== 'rated' && entry.status !== 'incomplete') continue;
    const id = entry.scored.input.id;
    const missing = entry.scored.missing.map((m) => m.indicator);
    if (missing.length > 0) {
      warnings.push({
        code:
          policy.missingInputs === 'score_zero'
            ? 'missing_inputs_scored_zero'
            : 'incomplete_inputs',
        communityId: id,
        indicators: missing,
      });
    }
    if (entry.scored.reweighted.length > 0) {
      warnings.push({
        code: 'partial_assessments_reweighted',
        communityId: id,
        indicators: entry.scored.reweighted,
      });
    }
  }
  return warnings;
}

// Turns a computed run into its plain, ordered result.
export function buildResult(run: Run): RatingResult {
  const { input, compiled, policy } = run.prepared;
  const unrated = run.entries
    .filter((entry) => entry.status !== 'rated')
    .sort(
      (a, b) =>
        UNRATED_ORDER.indexOf(a.status) - UNRATED_ORDER.indexOf(b.status) ||
        (a.standing.id < b.standing.id ? -1 : a.standing.id > b.standing.id ? 1 : 0),
    );
  const ordered = [...run.rated, ...unrated];
  const quotas = quotaFills(run);
  const communities = ordered.map((entry) => communityResult(run, entry, quotas));
  const framework = compiled.framework;
  return {
    engine: { name: ENGINE.name, version: ENGINE.version },
    year: input.year,
    ratingDate: input.ratingDate,
    framework: {
      id: framework.id,
      version: framework.version,
      effectiveYear: framework.effectiveYear,
      sample: framework.sample === true,
      ...frameworkShape(framework),
    },
    policy,
    summary: summarise(communities, policy, run.caps, compiled.totalCents),
    communities,
    warnings: warningsOf(run, ordered),
  };
}

// Validates, or throws RatingValidationError with every issue and its path.
export function prepareOrThrow(input: unknown): PreparedInput {
  const prepared = prepareInput(input);
  if (!prepared.ok) throw new RatingValidationError('rating input', prepared.issues);
  return prepared.value;
}

/**
 * Rates every community of the input: indicator points with explanations, subtotals, total,
 * rank, grade or the reason for none, notice, recommendation and movement, plus run-level
 * figures. Pure and deterministic; throws {@link RatingValidationError} on invalid input.
 */
export function rate(input: RatingInput): RatingResult {
  return buildResult(runRating(prepareOrThrow(input)));
}
